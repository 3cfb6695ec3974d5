"""The answer first: the summary at the top of each school type's page and each school's page.

What the school gets and what it costs, how to get help, response times, and the contract: each line
keeps the conditions of its clause (the contract lines are the clauses' own `summary`), and cites it.
The rows are plain data built here; `summary.html` prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from .catalog import ADDITIONAL_COST, Catalog
from .deadlines import attention_words
from .entitlement import TierOffer
from .render import Renderer
from .text import join_words, money

REPORT_A_FAULT = "Report a fault or ask a question"
COMPLAINTS = "Complaints about the service"


@dataclass(frozen=True)
class Line:
    """One line of a summary row: words (escaped when printed), and the tiers it is about, if narrowed."""

    text: Markup
    for_tiers: str | None = None


@dataclass(frozen=True)
class SummaryRow:
    key: str
    lines: list[Line] = field(default_factory=list)
    screen_only: bool = False
    """Left out of print, where the page prints the same in full further on (the route for complaints)."""


class Summary:
    """Builds the summary of a school type's page (every tier, narrowed by the form) or a school's page."""

    def __init__(self, renderer: Renderer, tier_href: Callable[[TierOffer], str] | None = None):
        self.renderer = renderer
        self.catalog: Catalog = renderer.catalog
        self.tier_href = tier_href
        """Where a tier's name leads: its page (on a school type's page, which lists the tiers), or by default the
        clause that describes it."""

    def rows(self, offers: list[TierOffer], facts: list[SummaryRow] | None = None) -> list[SummaryRow]:
        """The summary rows: the tiers in view (one for a school; each line narrows with the form when there
        are several), how to report a fault, `facts` about the school, response times (by tier: the
        specification offers target times with some tiers only), how to complain and the contract."""
        narrowed = len(offers) > 1
        (fault, complaints), common = self.renderer.shared("summary", self._common_rows)
        return [SummaryRow("Tier and cost" if narrowed else "Your tier and its cost",
                           [Line(self._tier_line(offer), offer.tier.id if narrowed else None) for offer in offers]),
                fault, *(facts or []), SummaryRow("Response times", self.response_times(offers, narrowed)),
                complaints, *common]

    def _common_rows(self) -> tuple[list[SummaryRow], list[SummaryRow]]:
        """The rows that are the same on every page: how to report a fault and how to complain; the contract
        and the year."""
        r = self.renderer
        common = []
        for numbered in self.catalog.numbered.values():  # in document order
            clause = numbered.clause
            if clause.summary and clause.summary_label:
                common.append(SummaryRow(clause.summary_label, [Line(Markup("{} ({}).").format(
                    r.prose(clause.summary.removesuffix(".")), r.clause_link(clause.id)))]))
        year = self.catalog.prices.financial_year
        common.append(SummaryRow("Prices shown for", [Line(Markup("the financial year {}").format(year))]))
        return [SummaryRow(REPORT_A_FAULT, self.report_a_fault()),
                SummaryRow(COMPLAINTS, self.complaints(), screen_only=True)], common

    # -- rows ------------------------------------------------------------------

    def _tier_line(self, offer: TierOffer) -> Markup:
        r = self.renderer
        tier = r.prose(offer.tier.name)
        clause = self.catalog.clause_showing(f"tier:{offer.phase_id}/{offer.tier.id}")
        if self.tier_href is not None:
            tier = Markup('<a href="{}">{}</a>').format(self.tier_href(offer), tier)
        elif clause is not None:
            tier = Markup('<a href="{}">{}</a>').format(r.clause_href(clause.id), tier)
        if offer.cost != ADDITIONAL_COST:
            return Markup("{}: at no additional cost").format(tier)
        packages = self.catalog.clause_showing("package-prices")
        where = Markup(" ({})").format(r.clause_link(packages.id)) if packages else Markup("")
        if offer.price is None:
            return Markup("{}: at additional cost; the price is to be notified{}").format(tier, where)
        return Markup("{}: at additional cost, {} a year{}").format(tier, money(offer.price), where)

    def report_a_fault(self) -> list[Line]:
        """Where to report a fault or ask a question: the ICT Service Desk, reached as the data says (the
        specification gives no number: the officer adds it to `service_desk`)."""
        r, desk = self.renderer, self.catalog.services.service_desk
        ways = []
        if desk.telephone:
            ways.append(Markup('telephone <a href="tel:{}">{}</a>').format(r.telephone_uri(desk.telephone),
                                                                         desk.telephone))
        if desk.email:
            ways.append(Markup('e-mail <a href="mailto:{}">{}</a>').format(desk.email, desk.email))
        first = Markup("Report faults and ask questions to the {}").format(desk.name)
        if ways:
            first += Markup(": ") + Markup(" or ").join(ways)
        else:
            first += Markup(". The specification gives no telephone number or e-mail address for it; ask the "
                            "council")
        if desk.hours:
            first += Markup(" ({})").format(desk.hours)
        return [Line(first + Markup("."))]

    def complaints(self) -> list[Line]:
        """Concerns or complaints about the level or quality of service: the route's first step in its own
        words, the first named contact, and the whole route."""
        r, services = self.renderer, self.catalog.services
        lines = []
        route = self.catalog.clause_showing("escalation")
        first = services.escalation[0] if services.escalation else None
        if first is not None and first.who:
            lines.append(Line(Markup("{} {}").format(r.prose(first.when), r.prose(first.who))))
        step = next((step for step in services.escalation if step.contact), None)
        if step is not None and step.contact is not None:
            contact = self.catalog.contact(step.contact)
            lines.append(Line(Markup('{}: {}, {}, telephone <a href="tel:{}">{}</a>.').format(
                r.prose(step.when), contact.name, contact.role, r.telephone_uri(contact.telephone),
                contact.telephone)))
        if route is not None:
            lines.append(Line(Markup("The whole route: {}.").format(r.clause_link(route.id))))
        return lines

    def response_times(self, offers: list[TierOffer], narrowed: bool = True) -> list[Line]:
        """The target times for the tiers in view that the specification offers with them, what it says of the
        others, and the clauses that qualify every target (`response_standards.conditions`), quoted."""
        if not offers:
            return []
        phase_id = offers[0].phase_id
        timed, untimed = self.by_targets(offers)
        lines = []
        if timed:
            for_tiers = " ".join(o.tier.id for o in timed) if narrowed and untimed else None
            lines.append(Line(self.timed(timed) + Markup(":"), for_tiers))
            lines += [Line(text, for_tiers) for text in self.targets()]
        if untimed:
            lines.append(Line(self.untimed(phase_id, untimed),
                              " ".join(o.tier.id for o in untimed) if narrowed and timed else None))
        lines += [Line(text) for text in self.conditions()]
        return lines

    def by_targets(self, offers: list[TierOffer]) -> tuple[list[TierOffer], list[TierOffer]]:
        """The offers whose tiers have pre-determined response times, and the others, each in order."""
        timed = [o for o in offers if self.catalog.has_response_targets(o.phase_id, o.tier.id)]
        return timed, [o for o in offers if o not in timed]

    def timed(self, timed: list[TierOffer]) -> Markup:
        """'Gold, Platinum and Platinum+ have pre-determined response times, as the site reads the specification
        (section 3.2.5; which tiers have them)': which tiers have them is the site's reading (the note)."""
        r = self.renderer
        standards = self.catalog.clause_showing("response-standards")
        note = self.catalog.services.response_standards.tiers_note
        how = Markup("; {}").format(r.edition_links([note], "which tiers have them")[0]) if note else Markup("")
        where = Markup(" ({}{})").format(r.clause_link(standards.id), how) if standards else Markup("")
        return Markup("{} {} pre-determined response times, as the site reads the specification{}").format(
            r.prose(join_words([o.tier.name for o in timed])), "has" if len(timed) == 1 else "have", where)

    def untimed(self, phase_id: str, untimed: list[TierOffer], name_timed: bool = True) -> Markup:
        """'As the site reads the specification, Gold, Platinum and Platinum+ have pre-determined response times;
        the specification does not say whether Core has them (note).'"""
        r = self.renderer
        names = join_words([o.tier.name for o in untimed])
        with_them = [t.name for t in self.catalog.phase(phase_id).tiers
                     if self.catalog.has_response_targets(phase_id, t.id)]
        offered = (Markup("As the site reads the specification, {} {} pre-determined response times; the "
                          "specification").format(r.prose(join_words(with_them)),
                                                  "has" if len(with_them) == 1 else "have")
                   if with_them and name_timed else Markup("The specification"))
        note = self.catalog.services.response_standards.tiers_note
        link = Markup(" ({})").format(r.edition_links([note])[0]) if note else Markup("")
        return Markup("{} does not say whether {} {} them{}.").format(
            offered, r.prose(names), "has" if len(untimed) == 1 else "have", link)

    def conditions(self) -> list[Markup]:
        """The clauses that qualify every target time, quoted with their links."""
        r = self.renderer
        quoted = []
        for clause_id in self.catalog.services.response_standards.conditions:
            clause = self.catalog.clause(clause_id)
            quoted.append(Markup("\u201c{}\u201d ({}).").format(
                Markup(" ").join(r.prose(text) for text in clause.clause.text), r.clause_link(clause_id)))
        return quoted

    def targets(self) -> list[Markup]:
        """'Priority 2 (High): attention within 1 working day', for each priority with a target or a note."""
        r = self.renderer
        lines = []
        for priority in self.catalog.services.response_standards.priorities:
            if priority.attention_working_days:
                said = Markup("attention within {}").format(attention_words(priority.attention_working_days))
            elif priority.attention_note:
                said = r.prose(priority.attention_note)
            else:
                continue
            lines.append(Markup("Priority {} ({}): {}").format(priority.level, r.prose(priority.name), said))
        return lines
