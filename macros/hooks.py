"""MkDocs hooks: check the data before anything is built, and add the specification pages."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

# `mkdocs serve` loads this file again on every change. When the code has changed since the package was
# loaded, dropping the cached package makes it load the edited code; when only data or content changed,
# the loaded package (and its compiled templates) serve the next build as they are, which keeps the
# preview quick.
_CODE = Path(__file__).resolve().parent
_STAMP = tuple(sorted((str(path), path.stat().st_mtime_ns) for path in _CODE.rglob("*.py")))
if getattr(sys.modules.get("macros"), "CODE_STAMP", None) != _STAMP:
    for _name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[_name]
if str(_CODE.parent) not in sys.path:
    sys.path.insert(0, str(_CODE.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

import macros
from macros import preview, site
from macros.stylesheet import minify_built

macros.CODE_STAMP = _STAMP
from macros.sla.downloads import downloads
from macros.sla.paths import page_source
from macros.sla.printed import print_header
from macros.sla.site_pages import NAV_GROUPS, site_pages


@event_priority(100)  # before mkdocs-macros reads the data, and before the offline plugin
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.STATE = site.BuildState()  # each build starts afresh, though the package may stay loaded
    site.STATE.problems = site.check_data(config)
    if site.STATE.problems is not None:  # the preview shows the problems at every page of the last build
        site.STATE.previous_pages = preview.page_sources(Path(config.site_dir))
        return config
    catalog = site.catalog(config)
    # The council's name leads the header and every page's title; its logo, if the officer added one, is in
    # the header too.
    config.site_name = site.theme_text(f"{catalog.site.owner} – {catalog.services.title}")
    if catalog.site.logo is not None:
        config.theme["logo"] = site.logo_path(catalog.site.logo)
    site.set_address(config, catalog.site.web_address)
    site.STATE.print_header = print_header(catalog, datetime.date.today())
    if site.offline(config):
        # The offline plugin would load its Worker shim from unpkg.com; the
        # intranet has no internet, so the site carries its own copy.
        config.extra["polyfills"] = [site.WORKER_SHIM]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages and downloads, and the navigation."""
    site.STATE.files = files
    if site.STATE.problems is not None:
        return _problems_only(files, config, site.STATE.problems)
    catalog = site.catalog(config)
    if catalog.site.logo is not None:
        files.append(File.generated(config, site.logo_path(catalog.site.logo),
                                    abs_src_path=str(site.data_dir(config) / catalog.site.logo)))
    previous = site.previous_year(config)
    groups: dict[str, list] = {group: [] for group in NAV_GROUPS}
    for page in site_pages(catalog, previous):
        src = page_source(page.path)
        # Its content is made by on_page_markdown; the file says which macro makes it. A page out of the
        # navigation says so, or strict mode would refuse it as missing from the navigation.
        files.append(File.generated(config, src, content=f"{{{{ {page.call} }}}}\n",
                                    inclusion=InclusionLevel.INCLUDED if page.nav else InclusionLevel.NOT_IN_NAV))
        site.STATE.generated[src] = page
        if page.nav:
            groups[page.nav].append({site.theme_text(page.title): src})
    for name, content in downloads(catalog, previous).items():
        files.append(File.generated(config, name, content=content))
    if site.offline(config):
        files.append(File.generated(config, site.WORKER_SHIM, abs_src_path=str(site.worker_shim_source(config))))
    hand_written = [file.src_uri for file in files.documentation_pages()
                    if file.src_uri != "index.md" and file.src_uri not in site.STATE.generated]
    config.nav = [{"Home": "index.md"}, *({title: groups[group]} for group, title in NAV_GROUPS.items()),
                  *hand_written]
    return files


def _problems_only(files: Files, config: MkDocsConfig, problems) -> Files:
    """The preview with bad data: the problems page at the address of every page, and nothing else."""
    for file in list(files.documentation_pages()):
        files.remove(file)
    content = preview.problems_page(problems)
    for src in site.STATE.previous_pages:
        inclusion = InclusionLevel.INCLUDED if src == "index.md" else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content=content, inclusion=inclusion))
    config.nav = [{"Problems in the data": "index.md"}]
    return files


def on_serve(server, config: MkDocsConfig, builder):
    """The preview looks for saved edits every tenth of a second (preview.look_often)."""
    preview.look_often(server)
    return server


def on_env(env, config: MkDocsConfig, files: Files):
    """The theme's templates compiled once, not at every build (see site.cache_theme_templates)."""
    return site.cache_theme_templates(env)


@event_priority(50)  # before mkdocs-macros, which then leaves a generated page as it is
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """The content and meta of a generated page (site.generated_markdown)."""
    if site.STATE.problems is not None:
        return markdown
    return site.generated_markdown(page, markdown, config)


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Put back the HTML blocks that school pages kept out of Markdown; a page that gives no description is
    described by its first paragraph; the first use of each word of the glossary is explained in place."""
    html = site.put_back(page, html)
    if site.STATE.problems is None:
        site.describe(page, html)
        html = site.explain_words(page, html, config)
    return html


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    """The council footer, with links relative to the page (see overrides/partials/copyright.html); the page's
    description, escaped for the head."""
    if site.STATE.problems is None:
        site.escape_description(page)
        renderer = site.renderer(config, site.site_files(), page)
        context["site_footer"], context["site_banner"] = renderer.footer(), renderer.banner()
        _site_wide(context, config)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The council footer of pages made from theme templates alone (404.html, at the site root)."""
    if site.STATE.problems is None:
        renderer = site.renderer(config, site.site_files(), template_name)
        context["site_footer"], context["site_banner"] = renderer.footer(), renderer.banner()
        _site_wide(context, config)
        if template_name == "404.html":
            context["not_found"] = renderer.not_found()
    else:
        context["data_problems"] = True
    return context


def _site_wide(context: dict, config: MkDocsConfig) -> None:
    """What every page prints the same: the line at the top of a printed page, and the site's name on phones
    (overrides/partials/header.html; the theme does not escape it, hence `theme_text`)."""
    short_title = site.catalog(config).site.short_title
    context["print_header"] = site.STATE.print_header
    context["site_short_title"] = site.theme_text(short_title) if short_title else None


@event_priority(-50)  # after the search plugin writes its index, before the offline plugin copies it (-100)
def on_post_build(config: MkDocsConfig) -> None:
    """Search in the reader's words: the site's own entries and synonyms in the search index. The stylesheet as
    readers get it (stylesheet.py)."""
    site.rewrite_search_index(config)
    minify_built(Path(config.site_dir))


@event_priority(-100)  # last: the Content-Security-Policy hashes the page's scripts as they will be written
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Material's base.html puts `autocomplete` on two checkboxes, which is not valid HTML; no block covers them.
    Then the page's Content-Security-Policy (see csp.py)."""
    return site.secure(site.fix_theme_markup(output, page.file.src_uri), page.file.src_uri, config)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from theme templates alone (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    return site.secure(site.fix_theme_markup(output_content, template_name), template_name, config)
