"""Placeholders in data text: `{section:id}`, `{term:name}`, `{tier:phase/id}`, `{provider:field}`,
`{working:start}`, `{working:end}`, `{working:days}` (the working hours and days of the response standards).

A placeholder lets a fact stored once (a clause number, a contract term, a tier
name) appear in running text. Every `{...}` in a text value is a placeholder;
`checks/` rejects unknown ones, the renderer replaces them.

Here too the small helpers for words that many modules share: slugs, lists joined with 'and', amounts of
money, and text escaped for Markdown.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
KINDS = ("section", "term", "tier", "provider", "working")
WORKING_KEYS = ("start", "end", "days")
"""The keys of `{working:...}`: when the working day starts and ends, and its days ("Monday to Friday")."""
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


@dataclass(frozen=True)
class Placeholder:
    kind: str
    key: str
    source: str

    def __str__(self) -> str:
        return self.source


def split(text: str) -> list[str | Placeholder]:
    """Split text into literal strings and placeholders, in order."""
    parts: list[str | Placeholder] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            parts.append(text[position:match.start()])
        kind, _, key = match.group(1).partition(":")
        parts.append(Placeholder(kind.strip(), key.strip(), match.group(0)))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


def slugify(text: str) -> str:
    """Lower-case letters and digits joined by single hyphens: safe in a page address. A letter with an accent
    is kept as its plain letter ("École" gives "ecole")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def stray_braces(text: str) -> bool:
    """True if a brace is left over once placeholders are taken out."""
    return "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text)


def join_words(words: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or with `last` = 'or')."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def markdown_text(text: str) -> str:
    """Escape text for Markdown: no HTML, no emphasis, no links, no `{: attr}` list."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def money(amount: Decimal) -> str:
    """£850, £1,090, £8.50."""
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def day_words(iso: str | None) -> str | None:
    """'2008-01-14' as '14 January 2008' (planner.js `dateWords` says it the same way); None as None."""
    if not iso:
        return None
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"
