"""A tier's page for one school type (`entitlement/<type>/<tier>`): what the tier includes and what it costs.

The answer first: the summary says what the tier costs this school type and how many of the inclusion
table's services it includes; then the services one by one, what being a YHGFL school changes (both answers
side by side), the tier as the specification describes it (with the exclusions that apply), and the moves to
the other tiers. The school type's page is the way in and links each tier's page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from .catalog import Catalog
from .entitlement import Row, Status, TierOffer, matrix_rows, tier_offers
from .models import SchoolType
from .paths import comparison_page, move_page, plan_page, type_page
from .render import Renderer
from .response import response_times_block
from .summary import Line, Summary, SummaryRow
from .text import markdown_text
from .text_renderer import Href


class TierPageParts(Protocol):
    """What a tier's page shares with the school type's and school's pages
    (`entitlement_parts.EntitlementParts`)."""

    def status(self, status: Status, sims_pcs: int | None = None) -> Markup: ...

    def cost_words(self, offer: TierOffer) -> str: ...

    def _tier_section(self, offer: TierOffer, school_tier: str | None = None) -> dict: ...

    def _status_key(self, rows: list[Row]) -> Markup: ...

    def contacts(self) -> Markup: ...


@dataclass(frozen=True)
class Counts:
    """How many of the inclusion table's services a tier gives: for every school, for YHGFL schools only, for
    the supported software only, and as extras to buy (for every school, or for YHGFL schools only)."""

    total: int
    included: int
    included_if_yhgfl: int
    supported_only: int
    """For schools that are not YHGFL schools (a YHGFL school may have one of these in full: `included_if_yhgfl`)."""
    optional: int
    optional_if_yhgfl: int


def counts(rows: list[Row]) -> Counts:
    """Counts of one tier's column (`rows` resolved for that tier alone)."""
    cells = [row.cells[0] for row in rows]
    return Counts(
        total=len(cells),
        included=sum(cell.if_not_yhgfl is Status.INCLUDED for cell in cells),
        included_if_yhgfl=sum(cell.if_yhgfl is Status.INCLUDED and cell.if_not_yhgfl is not Status.INCLUDED
                              for cell in cells),
        supported_only=sum(cell.if_not_yhgfl is Status.SUPPORTED_ONLY for cell in cells),
        optional=sum(cell.if_not_yhgfl is Status.OPTIONAL for cell in cells),
        optional_if_yhgfl=sum(cell.if_yhgfl is Status.OPTIONAL and cell.if_not_yhgfl is not Status.OPTIONAL
                              for cell in cells))


def counts_words(found: Counts, tier_name: str) -> str:
    """'Gold includes 30 of the 46 services in the inclusion table (2 more for YHGFL schools), and 2 more for the
    supported software only; 3 more can be bought as extras.'"""
    words = f"{tier_name} includes {found.included} of the {found.total} services in the inclusion table"
    if found.included_if_yhgfl:
        words += f" ({found.included_if_yhgfl} more for YHGFL schools)"
    if found.supported_only:
        words += f", and {found.supported_only} more for the supported software only"
    extras = []
    if found.optional:
        extras.append(f"{found.optional} more can be bought as extras")
    if found.optional_if_yhgfl:
        extras.append(f"{found.optional_if_yhgfl} more by YHGFL schools only")
    return words + ("; " + ", and ".join(extras) if extras else "") + "."


def tier_page_title(catalog: Catalog, school_type: SchoolType, tier_id: str) -> str:
    """'Gold for primary schools'."""
    tier = catalog.tier(school_type.phase, tier_id)
    return f"{tier.name} for {school_type.name[0].lower()}{school_type.name[1:]}"


class TierPage(Renderer):
    """Renders a tier's page for a school type; `parts` (the entitlement pages' renderer) words statuses, costs
    and the tier's section."""

    def __init__(self, catalog: Catalog, href: Href, parts: TierPageParts,
                 set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)
        self.parts = parts

    def page(self, school_type_id: str, tier_id: str) -> str:
        school_type = self.catalog.school_type(school_type_id)
        phase = self.catalog.phase(school_type.phase)
        offers = tier_offers(self.catalog, phase.id, school_type)
        offer = next(o for o in offers if o.tier.id == tier_id)
        rows = matrix_rows(self.catalog, phase.id, [offer.tier])
        conditional = [row for row in rows if row.cells[0].conditional]
        sections = [("services", f"What {offer.tier.name} includes"),
                    *([("yhgfl", "What being a YHGFL school changes")] if conditional else []),
                    ("description", f"{offer.tier.title} as the specification describes it"),
                    ("response-times", "Response times"), ("moving", "Moving to another tier"),
                    ("contacts", "Whom to contact")]
        includes = [Line(Markup('{} <a href="#services">The services one by one</a>.').format(
            counts_words(counts(rows), offer.tier.name)))] if rows else []
        summary_rows = Summary(self).rows([offer], [SummaryRow(
            "School type", [Line(Markup('<a href="{}">{}</a>: every tier, the contract and the services every '
                                        'school can buy').format(self.href(type_page(school_type.id), None),
                                                                 school_type.name))])])
        summary_rows[0] = SummaryRow("Cost", summary_rows[0].lines)
        if includes:
            summary_rows.insert(1, SummaryRow("What it includes", includes))
        return self.markdown_page(
            f"# {markdown_text(tier_page_title(self.catalog, school_type, tier_id))}",
            self._template(
                "tier_page.html", school_type=school_type, offer=offer, sections=sections,
                summary=self._template("summary.html", heading="At a glance", rows=summary_rows,
                                       council=self.catalog.services.provider.council,
                                       title=self.catalog.services.title,
                                       financial_year=self.catalog.prices.financial_year),
                type_href=self.href(type_page(school_type.id), None),
                compare_href=self.href(comparison_page(phase.id), None),
                plan_href=f"{self.href(plan_page(school_type.id), None)}?tier={offer.tier.id}",
                services=self._template("tier_services.html", tier=offer.tier, rows=rows, status=self.parts.status,
                                        key=self.parts._status_key(rows), edition_marks=self.edition_marks)
                if rows else self._template("no_matrix.html", phase=phase),
                conditional=conditional, status=self.parts.status,
                tier=self._template("tier_sections.html", sections=[self.parts._tier_section(offer, offer.tier.id)]),
                moves=[{"offer": other, "cost": self.parts.cost_words(other),
                        "href": self.href(move_page(phase.id, offer.tier.id, other.tier.id), None)}
                       for other in offers if other is not offer],
                response_times=response_times_block(self, phase.id, offer.tier.id),
                contacts=self.parts.contacts()))
