"""The page "About this edition" (`paths.ABOUT_EDITION`): every editorial decision of `edition` in site.yaml
(what the site restores, reads, corrects or adds to the published copy), each with the places that rely on it.

The marks that lead to a note from those places are `text_renderer.TextRenderer.edition_marks`."""

from __future__ import annotations

from markupsafe import Markup

from .glossary import GLOSSARY_TITLE
from .paths import GLOSSARY, RESPONSE_TIMES, SCHOOLS_INDEX, type_page
from .render import Renderer
from .response import RESPONSE_TIMES_TITLE
from .text import markdown_text

EDITION_KINDS = {
    "restored": ("Restored", "something the published copy lost, put back."),
    "inferred": ("The site's reading", "where the published copy is unclear, how the site reads it."),
    "corrected": ("Corrected", "an obvious slip, mended."),
    "rearranged": ("Rearranged", "said once where the published copy says it more than once, or shown in another "
                                 "place as well."),
    "reworded": ("Reworded", "the published words, capitalised, punctuated or joined differently."),
    "added": ("Added by the site", "words the site adds where the published copy is silent."),
    "as-published": ("As published", "kept as published, although it looks inconsistent."),
}
"""Each kind of edition note: the words of its tag, and what they mean."""


class EditionPage(Renderer):
    """Renders the page 'About this edition'."""

    def page(self) -> str:
        """Every editorial decision, with the places that rely on it."""
        chunks = ["# About this edition", self._template("edition_intro.html", edition=self.catalog.site.edition,
                                                          kinds=EDITION_KINDS)]
        uses = self._edition_note_uses()
        for note in self.catalog.site.edition.notes:
            chunks.append(f"## {markdown_text(self.plain(note.title))} {{#note-{note.id}}}")
            chunks.append(self._template("edition_note.html", note=note, tag=EDITION_KINDS[note.kind][0],
                                         uses=uses.get(note.id, [])))
        return self.markdown_page(*chunks)

    def _edition_note_uses(self) -> dict[str, list[Markup]]:
        """For each edition note, links to the clauses (or pages) whose text relies on it."""
        uses: dict[str, list[Markup]] = {}

        def use(note_ids: list[str], where: Markup) -> None:
            for note_id in note_ids:
                if where not in uses.setdefault(note_id, []):
                    uses[note_id].append(where)

        for numbered in self.catalog.numbered.values():
            use(numbered.clause.edition_notes, self.clause_link(numbered.id))
        for phase in self.catalog.services.phases:
            for tier in phase.tiers:
                clause = self.catalog.clause_showing(f"tier:{phase.id}/{tier.id}")
                pages = self._type_page_links(phase.id)
                for where in [self.clause_link(clause.id)] if clause else pages:
                    use(tier.edition_notes, where)
        calculator = self.page_link(RESPONSE_TIMES, RESPONSE_TIMES_TITLE)
        use(self.catalog.services.response_standards.edition_notes, calculator)  # the response-time calculator
        tiers_note = self.catalog.services.response_standards.tiers_note
        if tiers_note:  # the response-times page, and the summary of every school type's and school's page
            for where in [calculator] + [
                    link for phase in self.catalog.services.phases for link in self._type_page_links(phase.id)] + (
                    [self.page_link(SCHOOLS_INDEX, "the page of each school")] if self.catalog.schools else []):
                use([tiers_note], where)
        for matrix in self.catalog.services.matrices:  # a row's mark is on each tier's page, linked from the type's
            pages = [Markup("each tier's page, from {}").format(link) for link in self._type_page_links(matrix.phase)]
            if self.catalog.schools:
                pages.append(self.page_link(SCHOOLS_INDEX, "the page of each school"))
            for group in matrix.groups:
                for row in group.rows:
                    if row.edition_note:
                        for where in pages:
                            use([row.edition_note], where)
        for entry in self.catalog.site.glossary:  # the glossary page
            if entry.edition_note:
                use([entry.edition_note], self.page_link(GLOSSARY, GLOSSARY_TITLE))
        return uses

    def _type_page_links(self, phase_id: str) -> list[Markup]:
        return [self.page_link(type_page(t.id), f"the page for {t.name[0].lower()}{t.name[1:]}")
                for t in self.catalog.services.school_types if t.phase == phase_id]

