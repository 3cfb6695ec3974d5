"""MkDocs hooks: check the data before anything is built, and add the specification pages."""

from __future__ import annotations

import sys
from pathlib import Path

# `mkdocs serve` loads this file again on every change; dropping the cached
# package makes it load the edited code as well as the edited data.
for _name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
    del sys.modules[_name]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import site  # noqa: E402
from macros.sla.downloads import downloads  # noqa: E402
from macros.sla.pages import NAV_GROUPS, site_pages  # noqa: E402


@event_priority(100)  # before mkdocs-macros reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog = site.catalog(config)
    config.site_name = site.theme_text(catalog.services.title)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages and downloads, and the navigation."""
    catalog = site.catalog(config)
    generated = set()
    groups: dict[str, list] = {group: [] for group in NAV_GROUPS}
    for page in site_pages(catalog):
        src = f"{page.path}.md"
        front_matter = "" if page.searched else "---\nsearch:\n  exclude: true\n---\n"
        files.append(File.generated(config, src, content=f"{front_matter}{{{{ {page.call} }}}}\n"))
        generated.add(src)
        if page.nav:
            groups[page.nav].append({site.theme_text(page.title): src})
    for name, content in downloads(catalog).items():
        files.append(File.generated(config, name, content=content))
    hand_written = [file.src_uri for file in files.documentation_pages()
                    if file.src_uri != "index.md" and file.src_uri not in generated]
    config.nav = [{"Home": "index.md"}, *({title: groups[group]} for group, title in NAV_GROUPS.items()),
                  *hand_written]
    return files


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Put back the HTML blocks that school pages kept out of Markdown."""
    return site.put_back(page, html)
