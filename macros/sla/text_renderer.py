"""Text for one page, and the templates that carry it.

Escaping is not left to care: the Jinja environment autoescapes, and its
`finalize` hook passes every plain string printed by a template through
`prose()`, which escapes the text and fills in its placeholders. Only
`Markup` built here (from escaped parts) is printed as HTML.

Links are made by the `href` function given by the site adapter, so this
module knows nothing of MkDocs or of page addresses. `TextRenderer` is the
base of every renderer: `render.Renderer` adds the specification's clauses
and tables.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar, cast

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .catalog import Catalog
from .deadlines import working_words
from .paths import ABOUT_EDITION, section_page
from .text import Placeholder, split

Href = Callable[[str, "str | None"], str]
"""href(page, anchor) -> the address of a place, relative to the page being rendered; `page` is a path
from `paths` (e.g. 'specification/services'), `anchor` an element id or None."""

TEMPLATES = Path(__file__).parent / "templates"


class TextRenderer:
    """Renders text for one page: the data's words with their placeholders filled in, the templates, and links
    to clauses, to notes of the 'About this edition' page and to other pages."""

    def __init__(self, catalog: Catalog, href: Href, set_aside: Callable[[Markup], str] | None = None):
        self.catalog = catalog
        self.href = href
        self.set_aside = set_aside or str
        """Takes an HTML block and returns a placeholder for it, to be put back once Markdown has run (given
        by the site adapter): the blocks are final HTML, and Markdown parsing them again is the bulk of the
        build time. By default the HTML stays in place."""
        self.env = _environment()

    def shared(self, name: str, build: Callable[[], T]) -> T:
        """What `build` returns, made once for these data and reused by every page whose links to the rest of
        the site read the same (the pages at the same depth, such as every school's page)."""
        memo = _SHARED.setdefault(self.catalog, {})
        key = (name, self.href("index", None))
        if key not in memo:
            memo[key] = build()
        return cast(T, memo[key])  # each name always holds what its `build` returned

    def markdown_page(self, *chunks: str | Markup) -> str:
        """A page's Markdown: headings (str) and HTML blocks (Markup, set aside), separated by blank lines."""
        return "\n\n".join(self.set_aside(chunk) if isinstance(chunk, Markup) else chunk for chunk in chunks) + "\n"

    # -- text ----------------------------------------------------------------

    def prose(self, text: str) -> Markup:
        """Escape `text` and replace its placeholders with facts and links."""
        if "{" not in text:  # most text has none
            return escape(text)
        parts = []
        for part in split(text):
            parts.append(escape(part) if isinstance(part, str) else self._placeholder(part))
        return Markup("").join(parts)

    def plain(self, text: str) -> str:
        """`text` with placeholders filled in as plain words (for attributes and headings)."""
        return "".join(part if isinstance(part, str) else self._placeholder_words(part) for part in split(text))

    def clause_link(self, clause_id: str) -> Markup:
        """A link to a clause, reading 'section 3.2.5'."""
        return Markup('<a href="{}">section {}</a>').format(self.clause_href(clause_id),
                                                             self.catalog.clause(clause_id).number)

    def edition_links(self, note_ids: list[str], text: str | None = None) -> list[Markup]:
        """Links to notes of the 'About this edition' page, each reading as the note's title (or `text`)."""
        return [Markup('<a href="{}">{}</a>').format(self.href(ABOUT_EDITION, f"note-{note_id}"),
                                                     self.prose(text or self.catalog.edition_note(note_id).title))
                for note_id in note_ids]

    def edition_marks(self, note_ids: list[str]) -> Markup:
        """The notes of the 'About this edition' page as a short mark: '(why?)' for one note, '(why? 1, why? 2)'
        for several; each link's name, for a screen reader or a list of links, also says which note it is."""
        if not note_ids:
            return Markup("")
        several = len(note_ids) > 1
        marks = [Markup('<a class="why-mark" href="{}">why?{}<span class="visually-hidden">: {}, a note about '
                        'this edition</span></a>').format(
                     self.href(ABOUT_EDITION, f"note-{note_id}"), f" {number}" if several else "",
                     self.prose(self.catalog.edition_note(note_id).title))
                 for number, note_id in enumerate(note_ids, start=1)]
        return Markup('<span class="edition-marks" data-search-exclude>({})</span>').format(Markup(", ").join(marks))

    def clause_href(self, clause_id: str) -> str:
        """The address of a clause: its section's page, at its anchor."""
        numbered = self.catalog.clause(clause_id)
        return self.href(section_page(numbered.section.id), None if numbered.depth == 1 else clause_id)

    def _placeholder(self, part: Placeholder) -> Markup:
        if part.kind == "section":
            return self.clause_link(part.key)
        return escape(self._placeholder_words(part))

    def _placeholder_words(self, part: Placeholder) -> str:
        if part.kind == "section":
            return f"section {self.catalog.clause(part.key).number}"
        if part.kind == "term":
            return getattr(self.catalog.services.terms, part.key)
        if part.kind == "provider":
            return getattr(self.catalog.services.provider, part.key)
        if part.kind == "working":
            return working_words(self.catalog.services.response_standards, part.key)
        phase, _, tier = part.key.partition("/")
        return self.catalog.tier(phase, tier).name

    def page_link(self, path: str, text: str) -> Markup:
        """A link to a generated page (see `paths`)."""
        return Markup('<a href="{}">{}</a>').format(self.href(path, None), text)

    def _template(self, name: str, **data: object) -> Markup:
        template = self.env.get_template(name)
        rendered = template.render(prose=self.prose, plain=self.plain, **data)
        return Markup("\n".join(line for line in rendered.splitlines() if line.strip()))


T = TypeVar("T")
_SHARED: weakref.WeakKeyDictionary[Catalog, dict[tuple[str, str], object]] = weakref.WeakKeyDictionary()
"""What `TextRenderer.shared` made, for each set of data while it is in use."""


@cache
def _environment() -> Environment:
    # The compiled templates are kept between builds in the system's temporary folder (Jinja's bytecode cache,
    # which checks each template's time), so that a build does not compile them all again.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, finalize=_finalize,
                      bytecode_cache=FileSystemBytecodeCache())
    env.filters["plain"] = _plain
    return env


@pass_context
def _finalize(context: Context, value: object) -> object:
    """Every plain string a template prints is prose: escaped, placeholders filled in."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return context["prose"](value)
    return value


@pass_context
def _plain(context: Context, value: object) -> Markup:
    """Text for an attribute value: placeholders as words, no markup."""
    text = value.striptags() if isinstance(value, Markup) else context["plain"](str(value))
    return Markup(escape(text))
