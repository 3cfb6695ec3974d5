"""The page "Words used on this site" (`paths.GLOSSARY`): each word of `glossary` in site.yaml, what the
specification says of it, and what the site adds where the specification is silent, marked as the site's.

How each page explains a word at its first use is `terms.py`."""

from __future__ import annotations

from markupsafe import Markup

from .models import GlossaryTerm
from .render import Renderer
from .text import markdown_text

GLOSSARY_TITLE = "Words used on this site"


def term_heading(entry: GlossaryTerm) -> str:
    """'YHGFL: Yorkshire and Humber Grid for Learning', or the word alone."""
    return f"{entry.term}: {entry.expansion}" if entry.expansion else entry.term


class GlossaryPage(Renderer):
    """Renders the glossary page."""

    def page(self) -> str:
        services = self.catalog.services
        chunks: list[str | Markup] = [
            f"# {GLOSSARY_TITLE}",
            self._template("glossary_intro.html", council=services.provider.council, title=services.title,
                           financial_year=self.catalog.prices.financial_year, empty=not self.catalog.site.glossary)]
        for entry in self.catalog.site.glossary:
            chunks.append(f"## {markdown_text(term_heading(entry))} {{#{entry.anchor}}}")
            chunks.append(self._template(
                "glossary_entry.html", meaning=[self.prose(text) for text in entry.meaning],
                added=[self.prose(text) for text in entry.added],
                marks=self.edition_marks([entry.edition_note] if entry.edition_note else [])))
        return self.markdown_page(*chunks)
