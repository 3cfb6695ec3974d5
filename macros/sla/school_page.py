"""A school's page, the whole answer for one school: its tier and what it costs and how to report a fault first,
then what costs this school extra (`extras.py`), the response times, the contract, then the detail.

`Pages.school_page` gives the detail blocks it shares with the school type's page; this module puts the page
together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .catalog import Catalog
from .checks import school_slug
from .entitlement import TierOffer, school_type_of
from .extras import Extra, OfferPrices, SchoolExtras, school_extras
from .models import School
from .paths import RESPONSE_TIMES, SCHOOLS_INDEX, comparison_page, plan_page, tier_page, type_page
from .render import Renderer
from .summary import REPORT_A_FAULT, Line, Summary, SummaryRow
from .text import markdown_text, money
from .text_renderer import Href

RESPONSE_TIMES_TITLE = "When will you respond?"
FIRST_ROWS = ("Your tier and its cost", REPORT_A_FAULT)
"""The rows of the summary that open the page (on a phone, its first screen)."""
RESPONSE_ROW = "Response times"


@dataclass(frozen=True)
class SchoolDetail:
    """The blocks of a school's page that the school type's page has too, made by `Pages`."""

    services: Markup
    tiers: Markup
    contacts: Markup
    changes: Markup
    changes_title: str
    compared: bool
    pcs: Markup
    """The school's count of PCs or laptops with access to SIMS, with the edition note on how it is counted."""


class SchoolPage(Renderer):
    """Renders one school's page."""

    def __init__(self, catalog: Catalog, href: Href, set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)

    def page(self, school: School, offer: TierOffer, detail: SchoolDetail) -> str:
        school_type = school_type_of(self.catalog, school)
        facts = [SummaryRow("School type", [Line(Markup('<a href="{}">{}</a>').format(
                     self.href(type_page(school_type.id), None), school_type.name))]),
                 SummaryRow("YHGFL school", [Line(Markup("Yes" if school.yhgfl else "No"))]),
                 SummaryRow("PCs or laptops with access to SIMS", [Line(detail.pcs)])]
        rows = Summary(self, lambda offer: self.href(tier_page(school_type.id, offer.tier.id), None)).rows(
            [offer], facts)
        first = [row for row in rows if row.key in FIRST_ROWS] + facts
        response = [row for row in rows if row.key == RESPONSE_ROW]
        rest = [row for row in rows if row not in first and row not in response]
        sections = [("extras", "What costs this school extra"), ("response-times", RESPONSE_ROW),
                    ("contract", "Complaints and the contract"), ("what-you-get", "What your school gets"),
                    ("tier", f"What {offer.tier.name} includes"), ("contacts", "Whom to contact"),
                    ("changes", detail.changes_title)]
        # Only the title is Markdown. The page is out of the navigation, so it must not have a table of
        # contents either: Material's would refer to a navigation entry the page does not have.
        return self.markdown_page(f"# {markdown_text(school.name)}", self.set_aside(self._template(
            "school_page.html", school=school, school_type=school_type, offer=offer, sections=sections,
            glance=self._template("summary.html", heading="At a glance", rows=first,
                                  council=self.catalog.services.provider.council,
                                  title=self.catalog.services.title,
                                  financial_year=self.catalog.prices.financial_year),
            extras=self.extras(school, offer, school_extras(self.catalog, school)),
            response=[line for row in response for line in row.lines],
            response_times=Markup('<a href="{}">{}</a>').format(self.href(RESPONSE_TIMES, None),
                                                                 RESPONSE_TIMES_TITLE),
            rest=rest, detail=detail, type_href=self.href(type_page(school_type.id), None),
            index_href=self.href(SCHOOLS_INDEX, None), year=self.catalog.prices.financial_year,
            plan_href=f"{self.href(plan_page(school_type.id), None)}?school={school_slug(school)}")))

    def extras(self, school: School, offer: TierOffer, extras: SchoolExtras) -> Markup:
        """The section "What costs this school extra", worded from `extras`."""
        phase = self.catalog.phase(offer.phase_id)
        matrix = self.catalog.clause_showing(f"matrix:{phase.id}")
        service_prices = self.catalog.clause_showing("service-prices")
        return self._template(
            "school_extras.html", school=school, tier=offer.tier, phase=phase,
            has_matrix=self.catalog.matrix(phase.id) is not None,
            matrix=self.clause_link(matrix.id) if matrix else None,
            optional=[self._extra(extra, school, phase.name) for extra in extras.optional],
            yhgfl_only=[{"item": item, "marks": self._marks(item.edition_note)} for item in extras.yhgfl_only],
            priced=[self._prices(prices, phase.name) for prices in extras.priced_offers],
            others=[{"title": other.title, "clause": self._offer_link(other.id),
                     "available_to": self.prose(other.available_to.removesuffix(".")) if other.available_to else None}
                    for other in extras.other_offers],
            service_prices=self.clause_link(service_prices.id) if service_prices else None,
            prices_published=bool(self.catalog.prices.service_prices),
            compare=Markup('<a href="{}">{}</a>').format(self.href(comparison_page(phase.id), None),
                                                         f"Compare the tiers: {phase.name.lower()}"))

    def _extra(self, extra: Extra, school: School, phase_name: str) -> dict:
        why = None
        if extra.sims_pcs_over is not None:
            why = Markup("your school has {} PCs or laptops with access to SIMS, more than {}, so this is an "
                         "optional extra for it").format(school.sims_pcs, extra.sims_pcs_over)
        # an extra because of the school's PCs: `why` says so, and the PCs in the summary carry the row's note
        return {"extra": extra, "why": why, "marks": None if why else self._marks(extra.edition_note),
                "prices": self._prices(extra.offer, phase_name) if extra.offer else None}

    def _marks(self, note_id: str | None) -> Markup | None:
        """The '(why?)' mark of a row's edition note, if it has one."""
        return self.edition_marks([note_id]) if note_id else None

    def _prices(self, prices: OfferPrices, phase_name: str) -> Markup:
        """'Capita SIMS Top-Up Subscription Service, 2008/09 prices for primary schools: Complete SIMS Help Desk
        Support £850; individual modules from £375. This service is available on payment of an annual
        subscription (section 7.6.3).'"""
        parts = []
        for group in prices.groups:
            if group.name is None:
                parts += [Markup("{} {}").format(self.prose(name), money(price)) for name, price in group.items]
            else:
                lowest = min(price for _, price in group.items)
                parts.append(Markup("{} from {}").format(self.prose(group.name[0].lower() + group.name[1:]),
                                                         money(lowest)))
        words = Markup("{}, {} prices for {}: {}.").format(
            self.prose(prices.title), self.catalog.prices.financial_year, phase_name.lower(),
            Markup("; ").join(parts))
        if prices.cost:
            words += Markup(" {}").format(self.prose(prices.cost.removesuffix(".")))
        link = self._offer_link(prices.offer_id)
        return words + (Markup(" ({}).").format(link) if link else Markup("." if prices.cost else ""))

    def _offer_link(self, offer_id: str) -> Markup | None:
        clause = self.catalog.clause_showing(f"offer:{offer_id}")
        return self.clause_link(clause.id) if clause else None
