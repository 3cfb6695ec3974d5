"""MkDocs hooks: check the data before anything is built, and add the specification pages."""

from __future__ import annotations

import sys
from pathlib import Path

# `mkdocs serve` loads this file again on every change; dropping the cached
# package makes it load the edited code as well as the edited data.
for _name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
    del sys.modules[_name]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import site
from macros.sla.downloads import downloads
from macros.sla.pages import NAV_GROUPS, site_pages


@event_priority(100)  # before mkdocs-macros reads the data, and before the offline plugin
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog = site.catalog(config)
    config.site_name = site.theme_text(catalog.services.title)
    if site.offline(config):
        # The offline plugin would load its Worker shim from unpkg.com; the
        # intranet has no internet, so the site carries its own copy.
        config.extra["polyfills"] = [site.WORKER_SHIM]
    return config


_files: Files | None = None
"""The site's files, kept by `on_files` for the hooks that MkDocs does not give them to."""


def _site_files() -> Files:
    if _files is None:
        raise PluginError("the site's files are not known yet: on_files has not run")
    return _files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages and downloads, and the navigation."""
    global _files
    _files = files
    catalog = site.catalog(config)
    generated = set()
    groups: dict[str, list] = {group: [] for group in NAV_GROUPS}
    for page in site_pages(catalog):
        src = f"{page.path}.md"
        front_matter = page.front_matter()
        files.append(File.generated(config, src, content=f"{front_matter}{{{{ {page.call} }}}}\n"))
        generated.add(src)
        if page.nav:
            groups[page.nav].append({site.theme_text(page.title): src})
    for name, content in downloads(catalog).items():
        files.append(File.generated(config, name, content=content))
    if site.offline(config):
        files.append(File.generated(config, site.WORKER_SHIM, abs_src_path=str(site.worker_shim_source(config))))
    hand_written = [file.src_uri for file in files.documentation_pages()
                    if file.src_uri != "index.md" and file.src_uri not in generated]
    config.nav = [{"Home": "index.md"}, *({title: groups[group]} for group, title in NAV_GROUPS.items()),
                  *hand_written]
    return files


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Put back the HTML blocks that school pages kept out of Markdown."""
    return site.put_back(page, html)


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    """The council footer, with links relative to the page (see overrides/partials/copyright.html)."""
    context["site_footer"] = site.renderer(config, _site_files(), page).footer()
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The council footer of pages made from theme templates alone (404.html, at the site root)."""
    context["site_footer"] = site.renderer(config, _site_files(), template_name).footer()
    return context


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Material's base.html puts `autocomplete` on two checkboxes, which is not valid HTML; no block covers them."""
    return site.fix_theme_markup(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from theme templates alone (404.html)."""
    return site.fix_theme_markup(output_content, template_name) if template_name.endswith(".html") else output_content
