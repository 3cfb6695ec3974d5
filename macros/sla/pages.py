"""The generated pages of the site, rendered from the data: a method of `Pages` for each page (the macros of
macros/__init__.py call them), each delegating to its page class where one exists.

Which pages there are: `site_pages`. The blocks the entitlement pages share: `entitlement_parts`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from markupsafe import Markup

from .catalog import Catalog
from .changes_page import ChangesPage
from .checks import school_slug
from .comparison import ComparisonPage
from .edition_page import EditionPage
from .entitlement import Row, Status, matrix_rows, school_rows, school_type_of, tier_offers
from .entitlement_parts import EntitlementParts
from .glossary import GlossaryPage
from .models import School
from .move_page import MovePage
from .paths import (
    ACCESSIBILITY,
    PRIVACY,
    SCHOOLS_INDEX,
    WHOLE_SPECIFICATION,
    comparison_page,
    download,
    plan_page,
    school_page,
    section_page,
    tier_page,
    type_page,
)
from .plan_page import PlanPage
from .removed_school import RemovedSchoolPage
from .response import ResponseTimes
from .school_page import SchoolDetail, SchoolPage
from .site_pages import (
    FINDER_SHOWN,
    INDEX_SHOWN,
    NAV_GROUPS,
    SCHOOLS_INDEX_TITLE,
    WHOLE_SPECIFICATION_TITLE,
    schools_index_status,
)
from .summary import COMPLAINTS, REPORT_A_FAULT, Summary
from .text import markdown_text
from .text_renderer import Href
from .tier_page import TierPage, counts

# Sections of the entitlement pages that repeat the specification carry
# `data-search-exclude` on their headings, so that search leads to the
# specification itself.


class Pages(EntitlementParts):
    """Renders the generated pages, a method each, on top of the blocks the entitlement pages share. `previous`
    is last year's data (the latest archive), for what has changed since; None when there is none."""

    def __init__(self, catalog: Catalog, href: Href, set_aside: Callable[[Markup], str] | None = None,
                 previous: Catalog | None = None):
        super().__init__(catalog, href, set_aside)
        self.previous = previous

    # -- a school type -----------------------------------------------------------

    def entitlement_page(self, school_type_id: str) -> str:
        """The way in for a school type: its tiers side by side in one short table, each linked to its own page
        (`tier_page`), then what every tier shares: the contract, what every school can buy, response times and
        whom to contact."""
        school_type = self.catalog.school_type(school_type_id)
        phase = self.catalog.phase(school_type.phase)
        offers = tier_offers(self.catalog, phase.id, school_type)
        changes = self.changes()
        sections = [  # (anchor, heading, body): search leads to the specification, not to copies of it
            ("contract", "Contract and prices", self._contract_terms(offers)),
            ("every-school", "Available to every school", self._every_school(phase.id)),
            ("response-standards", "Response times", self._response_times(phase.id)),
            ("contacts", "Whom to contact", self.shared("contacts", self.contacts)),
            ("changes", changes.section_title, changes.for_school_type(school_type)),
        ]
        rows = matrix_rows(self.catalog, phase.id)
        tiers = [{"offer": offer, "cost": self.cost_words(offer), "href": self.href(tier_page(school_type.id,
                                                                                           offer.tier.id), None),
                  "includes": counts(matrix_rows(self.catalog, phase.id, [offer.tier])) if rows else None}
                 for offer in offers]
        return self.markdown_page(
            f"# {markdown_text(school_type.name)}: what you are entitled to",
            self._template("entitlement_intro.html", school_type=school_type, tiers=tiers,
                           summary=self._summary(offers, tier_href=lambda offer: self.href(
                               tier_page(school_type.id, offer.tier.id), None)),
                           comparison=self.href(comparison_page(phase.id), None),
                           plan=self.href(plan_page(school_type.id), None),
                           csv=self.href(download(f"entitlements-{school_type.id}.csv"), None),
                           has_matrix=bool(rows),
                           contents=[("tiers", "The tiers"), ("summary", "At a glance")]
                           + [(anchor, heading) for anchor, heading, _ in sections]),
            *(chunk for anchor, heading, body in sections
              for chunk in (f"## {heading} {{#{anchor} data-search-exclude}}", body)),
        )

    def response_times_page(self) -> str:
        """'When will you respond?': the response times, whom to call and the calculator (see `response`)."""
        return ResponseTimes(self).page()

    # -- a tier of a school type, and moving between tiers ---------------------------

    def tier_page(self, school_type_id: str, tier_id: str) -> str:
        """What one tier gives one school type (see `tier_page`)."""
        return TierPage(self.catalog, self.href, self, self.set_aside).page(school_type_id, tier_id)

    def move_page(self, phase_id: str, before_id: str, after_id: str) -> str:
        """What moving from one tier to another changes (see `move_page`)."""
        return MovePage(self.catalog, self.href, self.status, self.cost_words, self.set_aside).page(
            phase_id, before_id, after_id)

    # -- comparing tiers ---------------------------------------------------------

    def comparison_page(self, phase_id: str) -> str:
        """The tiers of a phase side by side, and what changes between two of them (see `comparison`)."""
        return ComparisonPage(self.catalog, self.href, self, self.set_aside).page(phase_id)

    # -- what has changed since last year ------------------------------------------

    def changes_page(self) -> str:
        """What has changed since last year (see `changes_page`)."""
        return self.changes().changes_page()

    def changes_link(self) -> Markup:
        """A link to the page of what has changed, reading as its title."""
        return self.changes().link()

    def changes(self) -> ChangesPage:
        """What has changed since last year, rendered for this page (see `changes_page`)."""
        return ChangesPage(self.catalog, self.href, self, self.previous, self.set_aside)

    # -- schools -----------------------------------------------------------------

    def _schools(self) -> list[dict]:
        """Each listed school with its type, tier and page."""
        schools = []
        for school in self.catalog.schools:
            school_type = school_type_of(self.catalog, school)
            schools.append({"school": school, "type": school_type,
                            "tier": self.catalog.tier(school_type.phase, school.tier),
                            "href": self.href(school_page(school_slug(school)), None)})
        return schools

    def find_school(self) -> Markup:
        """The home page's school finder: every listed school, and a name box that narrows the list (the first
        FINDER_SHOWN schools are in the list, the rest out of the way of a browser with JavaScript: see
        find_school.html)."""
        schools = self._schools()
        return self._template("find_school.html", schools=schools[:FINDER_SHOWN], more=schools[FINDER_SHOWN:],
                              shown=FINDER_SHOWN, count=f"{len(schools):,}", index=self.href(SCHOOLS_INDEX, None))

    def schools_index(self) -> str:
        """Every listed school in a table, with a filter (the first INDEX_SHOWN rows in it, the rest out of the way
        of a browser with JavaScript: see schools_index.html)."""
        schools = self._schools()
        return self.markdown_page("# Find your school",
                     self._template("schools_index.html", schools=schools[:INDEX_SHOWN], more=schools[INDEX_SHOWN:],
                                    shown=INDEX_SHOWN, total=len(schools), count=f"{len(schools):,}",
                                    status=schools_index_status(len(schools)),
                                    school_types=[{"type": t, "href": self.href(type_page(t.id), None)}
                                                  for t in self.catalog.services.school_types]))

    def school_page(self, index: int) -> str:
        """A school's page (see `school_page`), with the blocks it shares with its school type's page."""
        school = self.catalog.schools[index]
        school_type = school_type_of(self.catalog, school)
        phase = self.catalog.phase(school_type.phase)
        offers = tier_offers(self.catalog, phase.id, school_type)
        offer = next(o for o in offers if o.tier.id == school.tier)
        rows = school_rows(self.catalog, school)
        pcs_notes = list(dict.fromkeys(row.matrix_row.edition_note for row in rows
                                       if row.matrix_row.sims_pcs_over is not None and row.matrix_row.edition_note))
        pcs = Markup("{}").format(school.sims_pcs)
        if pcs_notes:
            pcs += Markup(" {}").format(self.edition_marks(pcs_notes))
        changes = self.changes()
        detail = SchoolDetail(
            services=self._school_services(school, rows) if rows else self._template("no_matrix.html", phase=phase),
            # the same for every school of the type and tier: made once for them all
            tiers=self.shared(f"tier sections: {school_type.id} {school.tier}", lambda: self._template(
                "tier_sections.html", sections=[self._tier_section(o, school.tier) for o in offers
                                                if o.tier in offer.builds_on or o is offer])),
            contacts=self.shared("contacts", self.contacts), changes=changes.for_school(school),
            changes_title=changes.section_title, compared=self.previous is not None, pcs=pcs)
        return SchoolPage(self.catalog, self.href, self.set_aside).page(school, offer, detail)

    def _school_services(self, school: School, rows: list[Row]) -> Markup:
        """The table of what a school gets. Its rows are made once for every school whose rows read the same
        (the services, each one's status, and the school's PCs where a status states them); the caption names
        the school."""
        pcs = school.sims_pcs if any(row.cells[0].status is Status.DOES_NOT_APPLY for row in rows) else None
        cells = [(row.group, row.service, row.cells[0].status, row.cells[0].if_yhgfl, row.cells[0].if_not_yhgfl)
                 for row in rows]
        return self._template("school_services.html", school=school, body=self.shared(
            f"school services: {cells!r} {pcs}", lambda: self._template(
                "school_services_rows.html", rows=rows, status=self.status, sims_pcs=school.sims_pcs,
                edition_marks=self.edition_marks)),
            key=self._status_key(rows))

    def plan_page(self, school_type_id: str) -> str:
        """'Plan next year' for a school type (see `plan_page`)."""
        return PlanPage(self.catalog, self.href, self.set_aside).page(school_type_id)

    def glossary_page(self) -> str:
        """'Words used on this site' (see `glossary`)."""
        return GlossaryPage(self.catalog, self.href, self.set_aside).page()

    def removed_school_page(self, slug: str) -> str:
        """The page at the address of a school listed last year and not this year (see `removed_school`)."""
        if self.previous is None:
            raise KeyError(f"no school at schools/{slug}/ was removed: there is no earlier year")
        return RemovedSchoolPage(self.catalog, self.href, self, self.previous, self.set_aside).page(slug)

    # -- the whole specification, for printing ------------------------------------

    def whole_specification(self) -> str:
        """Every section on one page; references lead to the clause on this page."""

        def here(path: str, anchor: str | None) -> str:
            if path.startswith(section_page("")):
                return f"#{anchor or path.removeprefix(section_page(''))}"
            return self.href(path, anchor)

        one_page = Pages(self.catalog, here, self.set_aside)
        chunks = [f"# {markdown_text(self.catalog.services.title)}",
                  self._template("whole_specification.html", provider=self.catalog.services.provider,
                                 financial_year=self.catalog.prices.financial_year)]
        for section in self.catalog.sections:
            chunks += one_page._clause(section, level=2)
        return self.markdown_page(*chunks)

    # -- about this site ------------------------------------------------------------

    def accessibility_statement(self) -> str:
        statement = self.catalog.site.accessibility
        return self.markdown_page(
            "# Accessibility statement",
            self._template("accessibility.html", site=self.catalog.site, statement=statement,
                           dates={name: long_date(getattr(statement, name))
                                  for name in ("prepared", "last_reviewed", "last_tested")}))

    def about_edition(self) -> str:
        """Every editorial decision, with the places that rely on it (see `edition_page`)."""
        return EditionPage(self.catalog, self.href, self.set_aside).page()

    def footer(self) -> Markup:
        """The council footer of every page: copyright, address, the statement and notice, other links."""
        site = self.catalog.site
        links = [{"text": "Accessibility statement", "href": self.href(ACCESSIBILITY, None)},
                 {"text": "Privacy", "href": self.href(PRIVACY, None)}]
        links += [{"text": link.text, "href": link.url} for link in site.footer_links]
        return self._template("footer.html", site=site, links=links)

    def not_found(self) -> Markup:
        """The page for an address that does not exist: where to go instead, and whom to ask."""
        links = [(NAV_GROUPS["entitlement"], self.href("index", None)),
                 (SCHOOLS_INDEX_TITLE, self.href(SCHOOLS_INDEX, None)),
                 ("The specification, section by section", self.href(section_page(self.catalog.sections[0].id), None)),
                 (WHOLE_SPECIFICATION_TITLE, self.href(WHOLE_SPECIFICATION, None))]
        summary = Summary(self)
        return self._template("not_found.html", links=links, home=self.href("index", None),
                              help=[(REPORT_A_FAULT, summary.report_a_fault()), (COMPLAINTS, summary.complaints())])

    def banner(self) -> Markup:
        """The line above every page: which financial year the site applies to, when it was reviewed (only while
        every data file is as reviewed: see `review`) and when the next review is due."""
        review = self.catalog.site.review
        parts = [Markup("Applies to {}").format(self.catalog.prices.financial_year)]
        if self.catalog.reviewed_as_is:
            parts.append(Markup("Last reviewed {}").format(long_date(review.last_reviewed)))
        parts.append(Markup("Next review due {}").format(long_date(review.next_review_due)))
        return Markup(" · ").join(parts)

    def privacy_notice(self) -> str:
        return self.markdown_page("# Privacy", self._template("privacy.html", paragraphs=self.catalog.site.privacy))


def long_date(iso: str) -> str:
    """2026-11-29 as 29 November 2026."""
    value = datetime.date.fromisoformat(iso)
    return f"{value.day} {value:%B %Y}"
