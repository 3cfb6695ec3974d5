"""What the entitlement pages share: the blocks that a school type's page, a tier's page, a move's page and a
school's page have in common (statuses and costs in words, a tier's section, whom to contact, the summary), and
the pieces of the home page that answer 'what is my school entitled to?'.

`EntitlementParts` renders them; `pages.Pages` builds the pages on it, and the page classes that need a piece
(`tier_page.TierPage`, `move_page.MovePage`, `comparison.ComparisonPage`, `changes_page.ChangesPage`) are
given it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from markupsafe import Markup

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST
from .entitlement import Row, Status, TierOffer, alike_school_types, tier_offers
from .paths import comparison_page, plan_page, type_page
from .render import Renderer
from .response import response_times_block
from .summary import COMPLAINTS, REPORT_A_FAULT, Summary, SummaryRow
from .text import day_words, join_words, money


class EntitlementParts(Renderer):
    """Renders the blocks the entitlement pages share, on top of the specification's blocks."""

    def _summary(self, offers: list[TierOffer], facts: list[SummaryRow] | None = None,
                 tier_href: Callable[[TierOffer], str] | None = None) -> Markup:
        """'At a glance': what the tiers cost and give (see `summary`); `tier_href` links each tier to its page."""
        return self._template("summary.html", heading="At a glance",
                              rows=Summary(self, tier_href).rows(offers, facts),
                              council=self.catalog.services.provider.council, title=self.catalog.services.title,
                              financial_year=self.catalog.prices.financial_year)

    def _response_times(self, phase_id: str) -> Markup:
        """The response times as the specification words them, with a link to the response-times page."""
        return response_times_block(self, phase_id)

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
                            # the same prices only where they are published: else the same kinds of cost
                            "priced": all(o.cost != ADDITIONAL_COST or o.price is not None for o in offers),
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

    def plan_links(self) -> Markup:
        """The home page's way to the planners: the window for orders while it is open (planner.js checks the
        reader's date; the page as built shows it if it was open on the day of the build), and a planner for
        each school type."""
        ordering, year = self.catalog.prices.ordering, self.catalog.prices.financial_year
        today = datetime.date.today().isoformat()
        window = None
        if ordering.opens and ordering.closes:
            window = {"opens": ordering.opens, "closes": ordering.closes, "closes_words": day_words(ordering.closes),
                      "open": ordering.opens <= today <= ordering.closes}
        return self._template("plan_links.html", year=year, window=window, planners=[
            {"href": self.href(plan_page(t.id), None), "name": t.name} for t in self.catalog.services.school_types])

    def comparison_links(self) -> Markup:
        return Markup(", ").join(self.page_link(comparison_page(phase.id), f"tiers for {phase.name.lower()}")
                                 for phase in self.catalog.services.phases)

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
            "notes": self.edition_marks(offer.tier.edition_notes),
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
