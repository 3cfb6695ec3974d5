"""The answer first: the summary at the top of each school type's page and each school's page.

What the school gets and what it costs, how to get help, response times, and the contract: each line
keeps the conditions of its clause (the contract lines are the clauses' own `summary`), and cites it.
The rows are plain data built here; `summary.html` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .catalog import ADDITIONAL_COST, Catalog
from .deadlines import attention_words
from .entitlement import TierOffer
from .render import Renderer, money


@dataclass(frozen=True)
class Line:
    """One line of a summary row: words (escaped when printed), and the tiers it is about, if narrowed."""

    text: Markup
    for_tiers: str | None = None


@dataclass(frozen=True)
class SummaryRow:
    key: str
    lines: list[Line] = field(default_factory=list)


class Summary:
    """Builds the summary of a school type's page (every tier, narrowed by the form) or a school's page."""

    def __init__(self, renderer: Renderer):
        self.renderer = renderer
        self.catalog: Catalog = renderer.catalog

    def rows(self, offers: list[TierOffer], facts: list[SummaryRow] | None = None) -> list[SummaryRow]:
        """The summary rows: the tiers in view (one for a school; each line narrows with the form when there
        are several), how to get help, `facts` about the school, response times and the contract."""
        narrowed = len(offers) > 1
        help_rows, common = self.renderer.shared("summary", self._common_rows)
        return [SummaryRow("Tier and cost" if narrowed else "Your tier and its cost",
                           [Line(self._tier_line(offer), offer.tier.id if narrowed else None) for offer in offers]),
                *help_rows, *(facts or []), *common]

    def _common_rows(self) -> tuple[list[SummaryRow], list[SummaryRow]]:
        """The rows that are the same on every page: how to get help; response times, the contract and the year."""
        r = self.renderer
        common = [SummaryRow("Response times", self._response_times())]
        for numbered in self.catalog.numbered.values():  # in document order
            clause = numbered.clause
            if clause.summary and clause.summary_label:
                common.append(SummaryRow(clause.summary_label, [Line(Markup("{} ({}).").format(
                    r.prose(clause.summary.removesuffix(".")), r.clause_link(clause.id)))]))
        year = self.catalog.prices.financial_year
        common.append(SummaryRow("Prices shown for", [Line(Markup("the financial year {}").format(year))]))
        return [SummaryRow("How to get help", self.help())], common

    # -- rows ------------------------------------------------------------------

    def _tier_line(self, offer: TierOffer) -> Markup:
        r = self.renderer
        tier = r.prose(offer.tier.name)
        clause = self.catalog.clause_showing(f"tier:{offer.phase_id}/{offer.tier.id}")
        if clause is not None:
            tier = Markup('<a href="{}">{}</a>').format(r.clause_href(clause.id), tier)
        if offer.cost != ADDITIONAL_COST:
            return Markup("{}: at no additional cost").format(tier)
        packages = self.catalog.clause_showing("package-prices")
        where = Markup(" ({})").format(r.clause_link(packages.id)) if packages else Markup("")
        if offer.price is None:
            return Markup("{}: at additional cost; the price is to be notified{}").format(tier, where)
        return Markup("{}: at additional cost, {} a year{}").format(tier, money(offer.price), where)

    def help(self) -> list[Line]:
        """Whom to call first, and then, as the complaints route says; nothing the data does not give."""
        r, services = self.renderer, self.catalog.services
        desk = services.service_desk
        ways = []
        if desk.telephone:
            ways.append(Markup('telephone <a href="tel:{}">{}</a>').format(r.telephone_uri(desk.telephone),
                                                                         desk.telephone))
        if desk.email:
            ways.append(Markup('e-mail <a href="mailto:{}">{}</a>').format(desk.email, desk.email))
        first = Markup("Log faults and questions with the {}").format(desk.name)
        if ways:
            first += Markup(": ") + Markup(" or ").join(ways)
        else:
            first += Markup(". The specification gives no telephone number or e-mail address for it")
        if desk.hours:
            first += Markup(" ({})").format(desk.hours)
        lines = [Line(first + Markup("."))]
        step = next((step for step in services.escalation if step.contact), None)
        route = self.catalog.clause_showing("escalation")
        if step is not None and step.contact is not None:
            contact = self.catalog.contact(step.contact)
            lines.append(Line(Markup('If it is not resolved to your satisfaction: {}, {}, telephone '
                                     '<a href="tel:{}">{}</a>{}.').format(
                contact.name, contact.role, r.telephone_uri(contact.telephone), contact.telephone,
                Markup(" (the whole route: {})").format(r.clause_link(route.id)) if route else Markup(""))))
        return lines

    def _response_times(self) -> list[Line]:
        r = self.renderer
        lines = []
        for priority in self.catalog.services.response_standards.priorities:
            if priority.attention_working_days:
                said = Markup("attention within {}").format(attention_words(priority.attention_working_days))
            elif priority.attention_note:
                said = r.prose(priority.attention_note)
            else:
                continue
            lines.append(Line(Markup("Priority {} ({}): {}").format(priority.level, r.prose(priority.name), said)))
        clause = self.catalog.clause_showing("response-standards")
        if lines and clause is not None:
            lines.append(Line(Markup("What each priority means, and when a call will get attention: {}").format(
                r.clause_link(clause.id))))
        return lines
