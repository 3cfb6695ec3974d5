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


@event_priority(100)  # before mkdocs-macros reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog = site.catalog(config)
    config.site_name = site.theme_text(catalog.services.title)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One page per section of the specification, and the navigation to match."""
    catalog = site.catalog(config)
    chapters = []
    for section in catalog.sections:
        path = site.section_path(section.id)
        files.append(File.generated(config, path, content=f"{{{{ specification_section('{section.id}') }}}}\n"))
        chapters.append({site.theme_text(f"{section.number} {section.clause.title}"): path})
    pages = [file.src_uri for file in files.documentation_pages()
             if file.src_uri != "index.md" and not file.src_uri.startswith(site.SPECIFICATION_DIR + "/")]
    config.nav = [{"Home": "index.md"}, *pages, {"Specification": chapters}]
    return files
