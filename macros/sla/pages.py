"""Every generated page of the site, and how the entitlement pages are rendered.

`site_pages` is the one list of generated pages: the MkDocs hook creates a
file for each and puts those with a `nav` group into the navigation. Each
page's content is a macro call, rendered by `Pages`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from markupsafe import Markup

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .changes_page import ChangesPage, changes_title
from .checks import school_slug
from .comparison import ComparisonPage
from .descriptions import Descriptions
from .entitlement import (
    Row,
    Status,
    TierOffer,
    alike_school_types,
    matrix_rows,
    school_rows,
    school_type_of,
    tier_offers,
)
from .move_page import MovePage, move_title, moves
from .paths import (
    ABOUT_EDITION,
    ACCESSIBILITY,
    CHANGES,
    PRIVACY,
    RESPONSE_TIMES,
    SCHOOLS_INDEX,
    WHOLE_SPECIFICATION,
    comparison_page,
    download,
    move_page,
    school_page,
    section_page,
    tier_page,
    type_page,
)
from .removed_school import RemovedSchoolPage, removed_school_title, removed_schools
from .render import Href, Renderer, markdown_text, money
from .response import RESPONSE_TIMES_TITLE, ResponseTimes, response_times_block
from .summary import COMPLAINTS, REPORT_A_FAULT, Line, Summary, SummaryRow
from .text import join_words
from .tier_page import TierPage, counts, tier_page_title

FINDER_SHOWN = 10
"""At most this many schools are shown at once by the home page's finder, and INDEX_SHOWN by the schools index
(until the reader asks for all): with a thousand schools, a page listing every one as elements is slow to
show on a phone. Without JavaScript both pages list every school."""
INDEX_SHOWN = 50

SCHOOLS_INDEX_TITLE = "Find your school"
WHOLE_SPECIFICATION_TITLE = "The whole specification on one page"
NAV_GROUPS = {"entitlement": "What is my school entitled to?", "specification": "Specification",
              "about": "About this site"}


def schools_index_status(count: int) -> str:
    """What the schools index says it shows as served, with no filter (site.js puts it back when the filter is
    cleared): the first INDEX_SHOWN of many, or all."""
    if count > INDEX_SHOWN:
        return (f"The first {INDEX_SHOWN} of {count:,} schools are shown: narrow the list by name or type, or show "
                "them all.")
    return "1 school is shown." if count == 1 else f"All {count:,} schools are shown."


@dataclass(frozen=True)
class SitePage:
    path: str
    """Where the page lives (see `paths`)."""
    title: str
    call: str
    """The macro call that renders the page."""
    nav: str | None
    """The navigation group it is listed in; None keeps it out of the navigation (school pages)."""
    searched: bool = True
    """False keeps the page's text out of the search index (school pages: one per school would make the index,
    which every reader's browser loads, grow with the number of schools; `search.py` gives each school one
    small entry of its name, type and tier instead)."""
    indexed: bool = True
    """False asks search engines not to index the page (`robots: noindex`, see overrides/main.html) and leaves it
    out of sitemap.xml (overrides/sitemap.xml): the pages of schools no longer listed."""
    description: str = ""
    """What the page is about, in plain text (see `descriptions`): the `<meta name="description">` of its head."""

    def front_matter(self) -> str:
        """The page's YAML front matter, values quoted by the YAML library: no text from the data can end one
        early or add a key."""
        meta: dict[str, object] = {}
        if self.description:
            meta["description"] = self.description
        if not self.searched:
            meta["search"] = {"exclude": True}
        if not self.indexed:
            meta["robots"] = "noindex"
        if not meta:
            return ""
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n"


# Sections of the entitlement pages that repeat the specification carry
# `data-search-exclude` on their headings, so that search leads to the
# specification itself.


def site_pages(catalog: Catalog, previous: Catalog | None = None) -> list[SitePage]:
    """The generated pages, in navigation order; `previous` is last year's data (the latest archive), if any."""
    services = catalog.services
    about = Descriptions(catalog)
    pages = [SitePage(type_page(t.id), t.name, f"entitlement_page('{t.id}')", "entitlement",
                      description=about.school_type(t))
             for t in services.school_types]
    pages += [SitePage(comparison_page(p.id), f"Compare the tiers: {p.name.lower()}",
                       f"comparison_page('{p.id}')", "entitlement", description=about.comparison(p.id))
              for p in services.phases]
    # A page for each tier of each school type, and for each move between two tiers of a phase: out of the
    # navigation (the school type's page and the comparison page lead to them), and out of the search index,
    # where they would repeat the specification's tiers once per school type.
    pages += [SitePage(tier_page(t.id, tier.id), tier_page_title(catalog, t, tier.id),
                       f"tier_page('{t.id}', '{tier.id}')", None, searched=False, description=about.tier(t, tier.id))
              for t in services.school_types for tier in catalog.phase(t.phase).tiers]
    pages += [SitePage(move_page(p.id, before.id, after.id), move_title(catalog, p.id, before.id, after.id),
                       f"move_page('{p.id}', '{before.id}', '{after.id}')", None, searched=False,
                       description=about.move(p.id, before.id, after.id))
              for p in services.phases for before, after in moves(catalog, p.id)]
    pages.append(SitePage(SCHOOLS_INDEX, SCHOOLS_INDEX_TITLE, "schools_index()", "entitlement",
                          description=about.schools_index()))
    pages.append(SitePage(CHANGES, changes_title(previous), "changes_page()", "entitlement",
                          description=about.changes(changes_title(previous))))
    pages.append(SitePage(RESPONSE_TIMES, RESPONSE_TIMES_TITLE, "response_times_page()", "entitlement",
                          description=about.response_times()))
    pages += [SitePage(school_page(school_slug(school)), school.name, f"school_page({index})", None, searched=False,
                       description=about.school(school))
              for index, school in enumerate(catalog.schools)]
    pages += [SitePage(section_page(s.id), f"{s.number} {s.clause.title}", f"specification_section('{s.id}')",
                       "specification", description=about.section(s)) for s in catalog.sections]
    pages.append(SitePage(WHOLE_SPECIFICATION, WHOLE_SPECIFICATION_TITLE, "whole_specification()",
                          "specification", False, description=about.whole_specification()))
    pages.append(SitePage(ABOUT_EDITION, "About this edition", "about_edition()", "about",
                          description=about.about_edition()))
    pages.append(SitePage(ACCESSIBILITY, "Accessibility statement", "accessibility_statement()", "about",
                          description=about.accessibility()))
    pages.append(SitePage(PRIVACY, "Privacy", "privacy_notice()", "about", description=about.privacy()))
    # Last, the addresses of schools listed last year and not this year: a page saying so, not 'page not found'.
    if previous is not None:
        pages += [SitePage(school_page(school.slug), removed_school_title(school.name),
                           f"removed_school_page('{school.slug}')", None, searched=False, indexed=False,
                           description=about.removed_school(school, previous.prices.financial_year))
                  for school in removed_schools(catalog, previous, {page.path for page in pages})]
    return pages


class Pages(Renderer):
    """Renders the entitlement pages, on top of the specification's blocks. `previous` is last year's data
    (the latest archive), for what has changed since; None when there is none."""

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
                           csv=self.href(download(f"entitlements-{school_type.id}.csv"), None),
                           has_matrix=bool(rows),
                           contents=[("tiers", "The tiers"), ("summary", "At a glance")]
                           + [(anchor, heading) for anchor, heading, _ in sections]),
            *(chunk for anchor, heading, body in sections
              for chunk in (f"## {heading} {{#{anchor} data-search-exclude}}", body)),
        )

    def _summary(self, offers: list[TierOffer], facts: list[SummaryRow] | None = None,
                 tier_href: Callable[[TierOffer], str] | None = None) -> Markup:
        return self._template("summary.html", heading="At a glance",
                              rows=Summary(self, tier_href).rows(offers, facts),
                              council=self.catalog.services.provider.council, title=self.catalog.services.title,
                              financial_year=self.catalog.prices.financial_year)

    def _response_times(self, phase_id: str) -> Markup:
        """The response times as the specification words them, with a link to the response-times page."""
        return response_times_block(self, phase_id)

    def response_times_page(self) -> str:
        """'When will you respond?': the response times, whom to call and the calculator (see `response`)."""
        return ResponseTimes(self).page()

    def _contract_terms(self, offers: list[TierOffer]) -> Markup:
        """The summaries of the clauses that have one, in document order, each with its clause; at the clause
        showing the package prices, what the tiers at additional cost cost this school type."""
        items = []
        for numbered in self.catalog.numbered.values():
            clause = numbered.clause
            if clause.summary:
                items.append({"text": clause.summary.removesuffix("."), "clause": self.clause_link(clause.id)})
            elif "package-prices" in clause.show:
                prices = self._tier_prices([offer for offer in offers if offer.cost == ADDITIONAL_COST])
                if prices:
                    items.append({"text": f"Prices of the tiers at additional cost: {prices}",
                                  "clause": self.clause_link(clause.id)})
        return self._template("contract_terms.html", items=items)

    def _tier_prices(self, offers: list[TierOffer]) -> str:
        """'Gold £1,250 a year; to be notified for Platinum and Platinum+'."""
        priced = [f"{offer.tier.name} {self.price_words(offer)}" for offer in offers if offer.price is not None]
        waiting = [offer.tier.name for offer in offers if offer.price is None]
        if waiting:
            priced.append(f"to be notified for {join_words(waiting)}")
        return "; ".join(priced)

    @staticmethod
    def price_words(offer: TierOffer) -> str:
        """'£1,250 a year', or 'to be notified' while prices.yaml publishes no price."""
        return f"{money(offer.price)} a year" if offer.price is not None else "to be notified"

    def cost_words(self, offer: TierOffer) -> str:
        """'no additional cost', or 'additional cost' with the price when one is published."""
        if offer.cost == ADDITIONAL_COST and offer.price is not None:
            return f"{offer.cost}: {self.price_words(offer)}"
        return offer.cost or ""

    def school_type_choices(self) -> Markup:
        """Each school type, linked to its page, with what it gets free and what it can buy; types with the
        same entitlements are one choice that says so."""
        choices = []
        for alike in alike_school_types(self.catalog):
            first = alike[0]
            offers = tier_offers(self.catalog, first.phase, first)
            names = [first.name] + [f"{t.name[0].lower()}{t.name[1:]}" for t in alike[1:]]
            choices.append({"name": join_words(names), "href": self.href(type_page(first.id), None),
                            "alike": len(alike) > 1,
                            "by_cost": [(cost, [o.tier.name for o in offers if o.cost == cost])
                                        for cost in (NO_ADDITIONAL_COST, ADDITIONAL_COST)]})
        return self._template("school_type_choices.html", choices=choices)

    def contacts(self) -> Markup:
        """The 'Whom to contact' section: reporting a fault, then the route for complaints."""
        route = self.catalog.clause_showing("escalation")
        return self._template("contacts.html", anchor="contacts", fault_heading=REPORT_A_FAULT,
                              fault=Summary(self).report_a_fault(), complaints_heading=COMPLAINTS,
                              route=self.escalation(), clause=self.clause_link(route.id) if route else None)

    def report_a_fault(self) -> Markup:
        """The home page's answer to 'something is broken': the ICT Service Desk, and where priorities are."""
        standards = self.catalog.clause_showing("response-standards")
        return self._template("report_a_fault.html", fault=Summary(self).report_a_fault(),
                              responsiveness=self.clause_link(standards.id) if standards else None)

    def key_contacts(self) -> Markup:
        """The route for concerns, each step with when to take it, and the clause that sets it out."""
        route = self.catalog.clause_showing("escalation")
        return self._template("key_contacts.html", steps=self.escalation(),
                              route=self.clause_link(route.id) if route else None)

    def comparison_links(self) -> Markup:
        return Markup(", ").join(self.page_link(comparison_page(phase.id), f"tiers for {phase.name.lower()}")
                                 for phase in self.catalog.services.phases)

    def page_link(self, path: str, text: str) -> Markup:
        """A link to a generated page (see `paths`)."""
        return Markup('<a href="{}">{}</a>').format(self.href(path, None), text)

    def _tier_section(self, offer: TierOffer, school_tier: str | None = None) -> dict:
        """A tier's section; for a school's page (`school_tier`), without exclusions its tier is not subject to."""
        clause = self.catalog.clause_showing(f"tier:{offer.phase_id}/{offer.tier.id}")
        exclusions = [{"excluded": group.items, "for_tiers": " ".join(group.applies_to),
                       "applies_to": self._applies_to(offer.phase_id, group.applies_to)}
                      for group in self.catalog.exclusions(offer.phase_id, offer.tier.id)
                      if school_tier is None or school_tier in group.applies_to]
        return {
            "offer": offer,
            "cost": self.cost_words(offer),
            "notes": self.edition_links(offer.tier.edition_notes),
            "for_tiers": " ".join(tier.id for tier in offer.included_in),
            "included_in": Markup(", ").join(self.prose(tier.name) for tier in offer.included_in),
            "builds_on": self._builds_on_phrase(offer.phase_id, offer.tier),
            "exclusions": exclusions,
            "clause": self.clause_link(clause.id) if clause else None,
        }

    def _applies_to(self, phase_id: str, tier_ids: list[str]) -> str | None:
        """'both Gold and Platinum', as the specification heads the exclusions it shares; None for one tier."""
        if len(tier_ids) < 2:
            return None
        return f"{'both ' if len(tier_ids) == 2 else ''}{self._tier_names(phase_id, tier_ids)}"

    def _tier_names(self, phase_id: str, tier_ids: list[str]) -> str:
        """'Gold', 'Gold and Platinum', 'Core, Gold and Platinum'."""
        return join_words([self.catalog.tier(phase_id, tier_id).name for tier_id in tier_ids])

    def _status_key(self, rows: list[Row]) -> Markup:
        """What each status word in these rows means, in the order of `Status`."""
        used = {status for row in rows for cell in row.cells
                for status in (cell.status, cell.if_yhgfl, cell.if_not_yhgfl)}
        return self._template("status_key.html", statuses=[status for status in Status if status in used])

    def status(self, status: Status, sims_pcs: int | None = None) -> Markup:
        """An entitlement in words, with a link to the supported software where that is what it depends on."""
        label = Markup.escape(status.value)
        if status is Status.SUPPORTED_ONLY:
            software = self.catalog.clause_showing("supported-software")
            if software:
                label = Markup('<a href="{}">{}</a>').format(self.clause_href(software.id), status.value)
        if status is Status.DOES_NOT_APPLY and sims_pcs is not None:
            label += Markup(": the school has {} PCs or laptops with access to SIMS").format(sims_pcs)
        return Markup('<span class="status status-{}">{}</span>').format(status.css, label)

    def _every_school(self, phase_id: str) -> Markup:
        offers = []
        for offer in self.catalog.services.offers:
            clause = self.catalog.clause_showing(f"offer:{offer.id}")
            offers.append({"offer": offer, "body": self.offer(offer, phase_id=phase_id),
                           "clause": self.clause_link(clause.id) if clause else None})
        return self._template("every_school.html", offers=offers)

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
            pcs += Markup(" ({})").format(Markup("; ").join(self.edition_links(pcs_notes, "how the site counts them")))
        facts = [SummaryRow("YHGFL school", [Line(Markup("Yes" if school.yhgfl else "No"))]),
                 SummaryRow("PCs or laptops with access to SIMS", [Line(pcs)]),
                 SummaryRow("School type", [Line(self.page_link(type_page(school_type.id), school_type.name))])]
        changes = self.changes()
        sections = [("what-you-get", "What your school gets"), ("tier", f"What {offer.tier.name} includes"),
                    ("contacts", "Whom to contact"), ("changes", changes.section_title)]
        # Only the title is Markdown. The page is out of the navigation, so it must not have a table of
        # contents either: Material's would refer to a navigation entry the page does not have.
        return self.markdown_page(f"# {markdown_text(school.name)}", self.set_aside(self._template(
            "school_page.html", school=school, school_type=school_type, offer=offer,
            summary=self._summary([offer], facts), sections=sections,
            type_href=self.href(type_page(school_type.id), None), index_href=self.href(SCHOOLS_INDEX, None),
            services=self._template("school_services.html", school=school, rows=rows, status=self.status,
                                    key=self._status_key(rows))
            if rows else self._template("no_matrix.html", phase=phase),
            tiers=self._template("tier_sections.html", sections=[
                self._tier_section(o, school.tier) for o in offers if o.tier in offer.builds_on or o is offer]),
            contacts=self.shared("contacts", self.contacts), changes=changes.for_school(school),
            compared=self.previous is not None)))

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
        for matrix in self.catalog.services.matrices:
            pages = self._type_page_links(matrix.phase)
            if self.catalog.schools:
                pages.append(self.page_link(SCHOOLS_INDEX, "the page of each school"))
            for group in matrix.groups:
                for row in group.rows:
                    if row.edition_note:
                        for where in pages:
                            use([row.edition_note], where)
        return uses

    def _type_page_links(self, phase_id: str) -> list[Markup]:
        return [self.page_link(type_page(t.id), f"the page for {t.name[0].lower()}{t.name[1:]}")
                for t in self.catalog.services.school_types if t.phase == phase_id]

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


def long_date(iso: str) -> str:
    """2026-11-29 as 29 November 2026."""
    value = datetime.date.fromisoformat(iso)
    return f"{value.day} {value:%B %Y}"
