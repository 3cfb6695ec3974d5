"""The MkDocs side of the site, kept thin: where pages live and how links are made.

Everything about the specification itself is in the `sla` package, which does
not import MkDocs; moving to another site generator means replacing this file,
`hooks.py` and `__init__.py`, not the package.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .sla.catalog import Catalog
from .sla.load import load_cached
from .sla.problems import DataError
from .sla.pages import Pages


def data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "data"


def catalog(config: MkDocsConfig) -> Catalog:
    """The validated data; bad data stops the build with the list of problems, no traceback."""
    try:
        return load_cached(data_dir(config))
    except DataError as error:
        raise PluginError(error.report()) from None


def theme_text(text: str) -> str:
    """Text for the theme's templates, which do not escape: the site name and navigation titles."""
    return html.escape(text, quote=False).replace('"', "&quot;")


_set_aside: dict[str, list[str]] = {}
"""HTML blocks of each page (by source path) kept out of Markdown; see `Pages`."""


def set_aside(page: Page) -> Callable[[Markup], str]:
    """Keep an HTML block of `page` aside; return its placeholder, which Markdown leaves alone."""
    blocks = _set_aside.setdefault(page.file.src_uri, [])

    def keep(html: Markup) -> str:
        blocks.append(str(html))
        return f'<div data-set-aside="{len(blocks) - 1}"></div>'

    return keep


def put_back(page: Page, html: str) -> str:
    """Replace the placeholders in the page's HTML with the blocks set aside."""
    blocks = _set_aside.pop(page.file.src_uri, [])
    for index, block in enumerate(blocks):
        placeholder = f'<div data-set-aside="{index}"></div>'
        if placeholder not in html:  # pragma: no cover - Markdown passes raw HTML through unchanged
            raise PluginError(f"{page.file.src_uri}: lost the placeholder of set-aside block {index}")
        html = html.replace(placeholder, block, 1)
    return html


def renderer(config: MkDocsConfig, files: Files, page: Page) -> Pages:
    """A renderer whose links are relative to `page`."""

    def href(path: str, anchor: str | None) -> str:
        target = files.get_file_from_path(f"{path}.md") or files.get_file_from_path(path)
        if target is None:
            raise PluginError(f"a link to '{path}' from {page.file.src_uri}: no such page or file")
        url = target.url_relative_to(page.file)
        return f"{url}#{anchor}" if anchor else url

    return Pages(catalog(config), href, set_aside(page))
