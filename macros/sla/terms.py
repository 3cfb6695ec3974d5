"""The first use of each word of the glossary on a page, explained in place: "YHGFL (Yorkshire and Humber Grid
for Learning)", the words in brackets a link to the word's entry on the page "Words used on this site".

A small pass over a page's finished HTML, for every page alike (the MkDocs layer calls it once the page's
content is made: `macros/site.py`). It reads only text between tags: never a heading, a link, code, a
control or its label, a script, a style, the page's title or an attribute; and never a word inside quotation
marks, so that what the specification says is quoted as it says it. Plain functions, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from markupsafe import Markup

from .models import GlossaryTerm

SKIPPED = frozenset({"a", "abbr", "button", "caption", "code", "dfn", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                     "kbd", "label", "legend", "noscript", "option", "pre", "samp", "select", "summary", "svg",
                     "template", "textarea", "title"})
"""Elements whose text is left as it is: headings (and the table of contents made from them), a table's caption
(its name, which a screen reader reads out as it lists the tables), links (a link inside a link is not valid),
code, forms, controls and their labels, and text a reader may not see."""

BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "div", "section", "caption", "tr", "table", "ul", "ol",
                    "blockquote", "article", "br"})
"""Elements at whose tags a quotation left open is taken as ended (a slip in the text must not hide every
word after it)."""
_PIECE = re.compile(
    r"<!--.*?-->"  # a comment
    r"|<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"  # raw text, never read
    r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",  # a tag, its attributes quoted or not
    re.S | re.I)
_SKIPPED_ATTRIBUTES = re.compile(
    r"""\b(?:role=["']?status|aria-live=|data-no-terms\b|scope=["']?(?:col|colgroup|rowgroup)\b"""
    r"""|class=["'](?:[^"']*\s)?status[\s"'])""", re.I)
"""What else keeps an element's text as it is: a live region, whose words a script rewrites; an entitlement's
label (class `status`: "YHGFL schools only"), a word or two in a cell; the headers of columns and groups of a
table, which read as headings; and `data-no-terms`."""
_SKIPPED_WORDS = ("status", "aria-live", "data-no-terms", "scope")
"""A word that each of `_SKIPPED_ATTRIBUTES` needs."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"})
_OPENING_QUOTES = ("\u201c", "&#34;", "&quot;", '"')


@dataclass(frozen=True)
class Term:
    """A word of the glossary as the pass looks for it: each way it is written, and what to say after it. Made
    once for a build (`glossary_terms`); only the address of its entry differs from page to page."""

    entry: GlossaryTerm
    forms: tuple[str, ...]
    """Each way the word is written, as it reads in HTML, in lower case: a quick search that finds every use
    (and more)."""
    pattern: re.Pattern[str]
    """Any way the word is written, as a whole word ('SIMS' but not 'SIMS.net'); an abbreviation in capitals
    matches only in capitals, other words in any case."""

    @property
    def explanation(self) -> str:
        """The words in brackets: `short`, or the expansion, or the word itself."""
        return self.entry.short or self.entry.expansion or self.entry.term

    def on(self, lowered_html: str) -> bool:
        """Whether any way the word is written occurs in the page (`lowered_html`, its HTML in lower case) at all:
        a quick test before the pass looks for it word by word."""
        return any(form in lowered_html for form in self.forms)


def glossary_terms(entries: list[GlossaryTerm]) -> list[Term]:
    """The glossary's words as the pass looks for them."""
    return [_term(entry) for entry in entries]


def _term(entry: GlossaryTerm) -> Term:
    written = [html.escape(form, quote=False) for form in (entry.term, *entry.also)]
    alternatives = "|".join(f"(?-i:{re.escape(form)})" if form.upper() == form else re.escape(form)
                            for form in sorted(written, key=len, reverse=True))
    return Term(entry, tuple(form.lower() for form in written),
                re.compile(rf"(?<![\w+/-])(?:{alternatives})(?![\w+]|[./-]\w)", re.I))


def explain_terms(page_html: str, terms: list[Term], href: Callable[[GlossaryTerm], str]) -> str:
    """`page_html` with the first use of each term explained in place, once per page; `href` gives the address
    of a term's entry on the glossary page, from this page."""
    lowered = page_html.lower()
    todo = [term for term in terms if term.on(lowered)]
    if not todo:
        return page_html
    if len(lowered) != len(page_html):  # 'İ' is two letters in lower case: no quick search, every text is read
        lowered = ""
    out: list[str] = []
    copied = 0  # how much of the page is in `out`
    skipping: tuple[str, int] | None = None  # the element being skipped, and how deep in its like
    block = 0  # where the block began (a quotation may open before a link and close after it)
    position = 0  # where the text after the last tag begins
    candidate = _next_candidate(lowered, todo, 0)
    for piece in chain(_PIECE.finditer(page_html), [None]):
        if candidate is None:  # no word still to explain occurs further on: the rest stays as it is
            break
        end = piece.start() if piece else len(page_html)
        if skipping is None and candidate < end:
            # a word still to explain starts in this text (a word never spans a tag, as `<` is escaped in it)
            text = page_html[position:end]
            explained = (_explain(text, todo, href, _PIECE.sub("", page_html[block:position])) if text.strip()
                         else text)
            if explained is not text:
                out += (page_html[copied:position], explained)
                copied = end
        if piece is None:
            break
        position = piece.end()
        if candidate < position:
            candidate = _next_candidate(lowered, todo, position)
        closing, name, attributes = piece.group(2, 3, 4)
        if not name:
            continue
        name = name.lower()
        if name in VOID or (attributes and attributes.rstrip().endswith("/")):
            continue
        if name in BLOCKS:
            block = position
        if skipping is not None:
            if name == skipping[0]:
                depth = skipping[1] + (-1 if closing else 1)
                skipping = (name, depth) if depth else None
        elif not closing and (name in SKIPPED or (attributes and _skipped_attributes(attributes))):
            skipping = (name, 1)
    out.append(page_html[copied:])
    return "".join(out)


def _next_candidate(lowered: str, todo: list[Term], position: int) -> int | None:
    """Where the next use of a word still to explain may start, from `position` on, or None: where any way it is
    written next occurs in `lowered` (the page in lower case), a quick search that finds every use, and more.
    Without `lowered` (lower case changed the page's length), at `position`: every text is looked at."""
    if not lowered:
        return position
    starts = [start for term in todo for form in term.forms if (start := lowered.find(form, position)) >= 0]
    return min(starts, default=None)


def _skipped_attributes(attributes: str) -> bool:
    """True if the attributes keep the element's text as it is (`_SKIPPED_ATTRIBUTES`). Most tags have none of
    the words it needs, which is quicker to see."""
    lowered = attributes.lower()
    return any(word in lowered for word in _SKIPPED_WORDS) and _SKIPPED_ATTRIBUTES.search(attributes) is not None


def _explain(text: str, todo: list[Term], href: Callable[[GlossaryTerm], str], block: str = "") -> str:
    """`text` (escaped text between two tags, after `block`, the text of its block so far) with the first use of
    each term still to do explained; the terms explained are taken off `todo`."""
    found = [(match, term) for term in todo if (match := _first_unquoted(term.pattern, text, block)) is not None]
    if not found:
        return text
    match, term = min(found, key=lambda pair: pair[0].start())
    todo[:] = [other for other in todo if other is not term]
    before, word, after = text[:match.start()], match.group(0), text[match.end():]
    expansion = term.entry.expansion
    if expansion and before.lower().endswith(html.escape(expansion, quote=False).lower() + " ("):
        # "Yorkshire and Humber Grid for Learning (YHGFL)": already explained; the word leads to its entry
        said = Markup('<a class="term-link" href="{}">{}</a>').format(href(term.entry), Markup(word))
    else:
        said = Markup('{}<span class="term-explained"> (<a href="{}">{}</a>)</span>').format(
            Markup(word), href(term.entry), term.explanation)
    return before + str(said) + _explain(after, todo, href, block + text[:match.end()])


def _first_unquoted(pattern: re.Pattern[str], text: str, block: str) -> re.Match[str] | None:
    """The first match of `pattern` in `text` that is not inside quotation marks (opened in `block`, the text
    before it, or in `text`)."""
    for match in pattern.finditer(text):
        if not _quoted(block + text[:match.start()]):
            return match
    return None


def _quoted(before: str) -> bool:
    """True if `before` leaves a quotation open: more opening curly quotes than closing ones, or an odd number
    of straight ones."""
    if before.count("\u201c") > before.count("\u201d"):
        return True
    straight = sum(before.count(mark) for mark in _OPENING_QUOTES[1:])
    return straight % 2 == 1
