"""The MkDocs side of the site, kept thin: where pages live and how links are made.

Everything about the specification itself is in the `sla` package, which does
not import MkDocs; moving to another site generator means replacing this file,
`hooks.py` and `__init__.py`, not the package.
"""

from __future__ import annotations

import html
import importlib.resources
import json
import logging
import posixpath
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import MACROS, csp, preview
from .sla.archive import latest_archive
from .sla.catalog import Catalog
from .sla.descriptions import DESCRIPTION_LENGTH, shorten_words
from .sla.load import load_cached, unexpected
from .sla.pages import Pages
from .sla.paths import GLOSSARY, page_source
from .sla.problems import DataError
from .sla.search import SearchError, rewrite
from .sla.site_pages import SitePage
from .sla.terms import Term, explain_terms, glossary_terms

log = logging.getLogger("mkdocs.plugins.sla")

WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
"""Where the offline build serves the iframe-worker shim, which lets search run from file://."""


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / "data"


def offline(config: MkDocsConfig) -> bool:
    """True when building the copy of the site to be opened from a folder."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def worker_shim_source(config: MkDocsConfig) -> Path:
    """The shim from the pinned npm package (package.json), installed by `make site-offline`."""
    source = project_dir(config) / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not source.is_file():
        raise PluginError(f"{source} is missing: run 'make site-offline', which installs it with npm")
    return source


def catalog(config: MkDocsConfig) -> Catalog:
    """The validated data, as `check_data` loaded it for this build."""
    if STATE.catalog is None:
        raise PluginError("the data is not loaded: on_config has not run, or the data has problems")
    return STATE.catalog


def previous_year(config: MkDocsConfig) -> Catalog | None:
    """Last year's data (the latest archive in data/archive/), for what has changed; None when there is none."""
    return STATE.previous


def set_address(config: MkDocsConfig, web_address: str | None) -> None:
    """The site's published address (`web_address` in data/site.yaml) as MkDocs' `site_url`: every page gets its
    canonical link and its full address in sitemap.xml, and the page for a missing address (404.html) links from
    the site's folder. Not in the preview, which serves the site at its own address, nor in the copy to open from
    a folder, whose pages are not at these addresses."""
    if web_address and not preview.previewing() and not offline(config):
        config.site_url = web_address


def logo_path(name: str) -> str:
    """Where the site carries the council's logo (a file in data/)."""
    return f"assets/images/{name}"


def theme_text(text: str) -> str:
    """Text for the theme's templates, which do not escape: the site name and navigation titles."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def describe(page: Page, html_text: str) -> None:
    """A page without a `description` in its front matter (a hand-written page that gives none) is described by
    its first paragraph; the generated pages have theirs from the data (sla/descriptions.py). A page with neither
    fails the build."""
    if page.meta.get("description"):
        return
    paragraph = _FIRST_PARAGRAPH.search(html_text)
    words = html.unescape(_TAG.sub("", paragraph.group(1))) if paragraph else ""
    if not words.strip():
        raise PluginError(f"{page.file.src_uri}: the page has no description and no paragraph to take one from; "
                          "give it one in its front matter, e.g. 'description: What schools get …', a sentence of "
                          f"at most {DESCRIPTION_LENGTH} characters")
    page.meta["description"] = shorten_words(words)


def explain_words(page: Page, html_text: str, config: MkDocsConfig) -> str:
    """The first use on the page of each word of the glossary, explained in place and linked to its entry (see
    `sla/terms.py`); not on the glossary page itself."""
    entries = catalog(config).site.glossary
    glossary = address(site_files(), GLOSSARY)
    if not entries or glossary is None or page.file.src_uri == glossary.file.src_uri:
        return html_text
    if STATE.terms is None:
        STATE.terms = glossary_terms(entries)
    base = glossary.file.url_relative_to(page.file)
    return explain_terms(html_text, STATE.terms, lambda entry: f"{base}#{entry.anchor}")


def escape_description(page: Page) -> None:
    """Material prints the page's description into its head as it is: escape it."""
    description = page.meta.get("description")
    if not isinstance(description, str) or not description.strip():
        raise PluginError(f"{page.file.src_uri}: the description in its front matter must be text")
    page.meta["description"] = theme_text(description)


_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Address:
    """Where a page (or a download) is on the built site."""

    file: File
    """The site's file: made from `file.src_uri` (see `page_source`), written to `file.dest_uri`."""
    url: str
    """Its URL from the site's root: 'entitlement/primary/', and '' for the home page (as the theme's search
    index has it); in the copy for a folder, which has no folder addresses, 'entitlement/primary.html' and
    'index.html'."""


def address(files: Files, path: str) -> Address | None:
    """The one function from a page's path (see sla/paths.py: 'entitlement/primary', 'index') to its address,
    for links (`renderer`) and the search index (`rewrite_search_index`) alike; a download's path
    ('downloads/prices.csv') is its file's name. None if the site has no such page or file."""
    file = files.get_file_from_path(page_source(path)) or files.get_file_from_path(path)
    if file is None:
        return None
    return Address(file, "" if file.url in (".", "./") else file.url)


@dataclass
class BuildState:
    """What the hooks of one build share. `mkdocs serve` loads the hooks afresh for every build (see
    hooks.py), so each build starts with a new one."""

    files: Files | None = None
    """The site's files, kept by `on_files` for the hooks that MkDocs does not give them to."""
    set_aside: dict[str, list[str]] = field(default_factory=dict)
    """HTML blocks of each page (by source path) kept out of Markdown; see `Pages`."""
    problems: DataError | None = None
    """In the preview, what is wrong with the data: the build then writes the problems page instead."""
    previous_pages: list[str] = field(default_factory=list)
    """In the preview, the source paths of the pages of the last build, to show the problems at."""
    catalog: Catalog | None = None
    """The data, loaded and checked once for the build by `check_data`."""
    previous: Catalog | None = None
    """Last year's data (the latest archive), if there is one."""
    print_header: Markup | None = None
    """The line at the top of every printed page (sla/printed.py), made once for the build by `on_config`."""
    worker_shim: str | None = None
    """In the copy for a folder, the Worker shim's source, read once for the policy of every page (`secure`)."""
    generated: dict[str, SitePage] = field(default_factory=dict)
    """The generated pages, by source path (`generated_markdown`)."""
    terms: list[Term] | None = None
    """The glossary's words as `explain_words` looks for them, made once for the build."""
    navigation: dict[str, str] = field(default_factory=dict)
    """The theme's navigation as the pages outside it print it, by their folder (`shared_navigation`)."""


STATE = BuildState()


def site_files() -> Files:
    if STATE.files is None:
        raise PluginError("the site's files are not known yet: on_files has not run")
    return STATE.files


def check_data(config: MkDocsConfig) -> DataError | None:
    """Load the data once for the build. Bad data stops the build, except in the preview (`make serve`),
    where it is returned, to be shown in place of the pages. An error no check foresaw becomes one problem
    naming the data folder: never a traceback, and the preview still shows its page."""
    try:
        loaded = load_cached(data_dir(config))
        archive = latest_archive(data_dir(config), loaded)  # last year's data, for what has changed
    except DataError as caught:
        error = caught
    except Exception as caught:
        error = DataError([unexpected(f"{data_dir(config).name}/", caught)])
    else:
        STATE.catalog, STATE.previous = loaded, archive.catalog if archive else None
        for warning in loaded.warnings:
            log.info(f"Warning: {warning}")
        return None
    if not preview.previewing():
        raise PluginError(error.report()) from None
    print(error.report(), file=sys.stderr)
    return error


def set_aside(page: Page) -> Callable[[Markup], str]:
    """Keep an HTML block of `page` aside; return its placeholder, which Markdown leaves alone."""
    blocks = STATE.set_aside.setdefault(page.file.src_uri, [])

    def keep(html: Markup) -> str:
        blocks.append(str(html))
        return f'<div data-set-aside="{len(blocks) - 1}"></div>'

    return keep


def put_back(page: Page, html: str) -> str:
    """Replace the placeholders in the page's HTML with the blocks set aside."""
    blocks = STATE.set_aside.pop(page.file.src_uri, [])
    for index, block in enumerate(blocks):
        placeholder = f'<div data-set-aside="{index}"></div>'
        if placeholder not in html:  # pragma: no cover - Markdown passes raw HTML through unchanged
            raise PluginError(f"{page.file.src_uri}: lost the placeholder of set-aside block {index}")
        html = html.replace(placeholder, block, 1)
    return html


_THEME_FIXES = [
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
]


def fix_theme_markup(html: str, name: str) -> str:
    """Mend markup of Material's base.html that no template block reaches; fail if the theme changed it."""
    for wrong, right in _THEME_FIXES:
        if wrong not in html:
            raise PluginError(f"{name}: the theme no longer writes {wrong!r}; "
                              "check macros/site.py _THEME_FIXES against the new Material")
        html = html.replace(wrong, right)
    return html


_THEME_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


def theme_script(scripts: str) -> str:
    """The address of Material's script, from what its base.html writes in its block `scripts` (`scripts`), for
    overrides/main.html, which asks for that script once the page's first text is drawn. Fails if the theme
    writes no single script there."""
    found = _THEME_SCRIPT.findall(str(scripts))
    if len(found) != 1:
        raise PluginError(f"the theme's block 'scripts' no longer writes one script tag ({len(found)} found); "
                          "check overrides/main.html and macros/site.py theme_script against the new Material")
    return found[0]


def cache_theme_templates(env: Environment) -> Environment:
    """The theme's templates (Material's and overrides/) compiled once and kept between builds in the system's
    temporary folder, as `sla/render.py` keeps its own: Jinja's bytecode cache, which compiles a template again
    when its text changes. Compiling Material's templates was a tenth of a build's time.

    Material's own templates can be named with `material/` before them, for an override that wraps one of them
    (overrides/partials/nav.html), and that override's `shared_navigation`; overrides/main.html reads the
    address of Material's script with `theme_script`."""
    env.bytecode_cache = FileSystemBytecodeCache(pattern="__sla_theme_%s.cache")
    if env.loader is not None:
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(THEME_TEMPLATES)})])
    env.globals["shared_navigation"] = shared_navigation
    env.globals["theme_script"] = theme_script
    return env


THEME_TEMPLATES = str(importlib.resources.files("material") / "templates")
"""Material's own templates."""


def shared_navigation(page: Page | None, caller: Callable[[], str]) -> str:
    """The theme's navigation (made by `caller`) on `page`. A page outside the navigation (a school's, a tier's,
    a move's) is in none of its sections, so its navigation reads the same as that of every such page in the
    same folder, whose links to other pages read the same ('../../entitlement/primary/' from each school's
    page): made once for them all, as with 1,000 schools it was a tenth of the build."""
    if page is None or page.file.inclusion is not InclusionLevel.NOT_IN_NAV:
        return caller()
    folder = posixpath.dirname(page.url.rstrip("/"))
    made = STATE.navigation.get(folder)
    if made is None:
        made = STATE.navigation[folder] = caller()
    return made


def secure(html: str, name: str, config: MkDocsConfig) -> str:
    """`html` with its Content-Security-Policy (csp.py); none in the preview, whose server adds a script of its
    own (live reload) to every page after the build, and none on the preview's page of problems in the data."""
    if preview.previewing() or STATE.problems is not None:
        return html
    try:
        if offline(config) and STATE.worker_shim is None:
            STATE.worker_shim = worker_shim_source(config).read_text(encoding="utf-8")
        return csp.with_policy(html, STATE.worker_shim if offline(config) else None)
    except csp.PolicyError as error:
        raise PluginError(f"{name}: {error}; check macros/csp.py against the theme's base.html") from None


def rewrite_search_index(config: MkDocsConfig) -> None:
    """Search in the reader's words: add the site's entries and synonyms to the index that the search plugin
    has written (see `sla/search.py`)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if STATE.problems is not None or not path.is_file():
        return
    files = site_files()

    def url(page: str, anchor: str | None) -> str:
        target = address(files, page)
        if target is None:
            raise PluginError(f"the search index refers to '{page}': no such page")
        return f"{target.url}#{anchor}" if anchor else target.url

    index = json.loads(path.read_text(encoding="utf-8"))
    try:
        report = rewrite(index, catalog(config), url)
    except SearchError as error:
        raise PluginError(str(error)) from None
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    log.debug(f"search index: {report.added} entries added, {report.replaced} replaced")


def generated_markdown(page: Page, markdown: str, config: MkDocsConfig) -> str:
    """A generated page's Markdown, made by its macro (`SitePage.call`) directly, and its meta (`SitePage.meta`).
    The page then says `render_macros: false`, so that mkdocs-macros leaves it as it is: compiling every page's
    one-line call as a template, and writing and reading its front matter, was a tenth of a build with 1,000
    schools. Other pages are left to mkdocs-macros."""
    generated = STATE.generated.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.meta.update(generated.meta(), render_macros=False)
    method, _ = MACROS[generated.call.macro]
    return str(getattr(renderer(config, site_files(), page), method)(*generated.call.args))


def renderer(config: MkDocsConfig, files: Files, where: Page | str) -> Pages:
    """A renderer whose links are relative to the page `where`; for theme-only pages such as 404.html (`where`
    is its name), which the server shows at any address, links start from the site's root, as the theme's
    own links there do."""
    here = where.file if isinstance(where, Page) else where
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"

    def href(path: str, anchor: str | None) -> str:
        target = address(files, path)
        if target is None:
            raise PluginError(f"a link to '{path}' from {here}: no such page or file")
        link = target.file.url_relative_to(here) if isinstance(where, Page) else root + target.url
        return f"{link}#{anchor}" if anchor else link

    return Pages(catalog(config), href, set_aside(where) if isinstance(where, Page) else None, previous_year(config))
