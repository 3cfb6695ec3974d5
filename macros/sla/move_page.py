"""A move's page (`compare/<phase>/<from>-to-<to>`): what moving from one tier to another changes for a school.

The answer first: what the move costs (for each school type, where they pay differently) and the commitment a
change of tier brings. Then what the new tier adds and what the school would lose, in the inclusion table's
words, each marked where it holds only for YHGFL schools or only for others; then what the tiers'
descriptions list. Where a description lists a service that the inclusion table gives both tiers (Gold's
description lists "Provision of an ICT Service Desk", the table gives every tier call routing and fault
logging), the page says both, so that nobody reads that the lower tier cannot log a fault.

Everything is worked out here, at build time, from `entitlement`; the page has no script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import permutations

from markupsafe import Markup

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .entitlement import (
    Row,
    Status,
    TierOffer,
    alike_school_types,
    described_changes,
    matrix_rows,
    price_difference,
    tier_changes,
    tier_offers,
)
from .models import SchoolType, Tier
from .paths import comparison_page, plan_page, tier_page
from .render import Renderer
from .text import day_words, join_words, markdown_text, money
from .text_renderer import Href

COMMITMENT = "{term:initial_commitment}"
"""What a school changing its tier commits to: the summary of the clause that states this term."""
NOTICE = "{term:notice}"
"""The notice to end the contract: the summary of the clause that states this term."""

GAINED, LOST, CHANGED = "gained", "lost", "changed"
WHO = {True: "YHGFL schools only", False: "schools that are not YHGFL schools only"}


@dataclass(frozen=True)
class Change:
    """One service of the inclusion table whose entitlement differs between the two tiers, for `who` (None:
    every school alike; True: YHGFL schools; False: the others)."""

    kind: str
    group: str
    service: str
    before: Status
    after: Status
    who: bool | None


SUPPORT = {Status.INCLUDED: 2, Status.SUPPORTED_ONLY: 1}
"""How much of a service a tier gives: all of it, or for the supported software only; anything else (an extra
to buy, or none) gives none of it."""


def kind_of(before: Status, after: Status) -> str:
    """Whether the move gains a service (the new tier gives more of it: it becomes included, or supported for
    the supported software), loses it (the new tier gives less of it), or changes it otherwise (e.g. an extra to
    buy that becomes unavailable)."""
    was, will_be = SUPPORT.get(before, 0), SUPPORT.get(after, 0)
    if will_be > was:
        return GAINED
    if will_be < was:
        return LOST
    return CHANGED


def services_count(found: list[Change]) -> int:
    """How many services of the inclusion table `found` names: a service listed once for YHGFL schools and once
    for the others counts once."""
    return len({(change.group, change.service) for change in found})


def changes(catalog: Catalog, phase_id: str, before: Tier, after: Tier) -> list[Change]:
    """The services that differ, in the table's order: once where YHGFL makes no difference, else once for YHGFL
    schools and once for the others (when both differ)."""
    found = []
    answers = {yhgfl: {id(row.matrix_row): row for row in tier_changes(catalog, phase_id, before, after, yhgfl)}
               for yhgfl in (True, False)}
    for row in matrix_rows(catalog, phase_id, [before, after]):
        for_each = {yhgfl: answers[yhgfl].get(id(row.matrix_row)) for yhgfl in (True, False)}
        statuses = {yhgfl: (r.cells[0].status, r.cells[1].status) if r else None for yhgfl, r in for_each.items()}
        alike = statuses[True] == statuses[False]
        for yhgfl, pair in statuses.items():
            if pair is not None:
                found.append(Change(kind_of(*pair), row.group, row.service, pair[0], pair[1], None if alike else yhgfl))
            if alike:
                break
    return found


def lower_tier_notice(notice_by: str | None, desk: str) -> str:
    """What the site says of notice for a move to a lower tier, after the specification's notice to end the
    contract (5.3), which says nothing of such a move; `notice_by` is the council's last day for notice in words
    (prices.yaml, ordering.notice_by, which covers both), `desk` whom to ask without it. The move pages, the
    planner's answer and its paper order all say this."""
    said = "The specification does not say whether a move to a lower tier needs this notice."
    if notice_by:
        return f"{said} The council's last day for notice, to leave or to move to a lower tier, is {notice_by}."
    return f"{said} The council has not yet published its last day for notice this year: ask the {desk}."


def lower_first(name: str) -> str:
    """'Primary schools' as 'primary schools', in the middle of a sentence."""
    return name[:1].lower() + name[1:]


def move_title(catalog: Catalog, phase_id: str, before_id: str, after_id: str) -> str:
    """'From Gold to Platinum: primary schools'."""
    phase = catalog.phase(phase_id)
    return (f"From {catalog.tier(phase_id, before_id).name} to {catalog.tier(phase_id, after_id).name}: "
            f"{phase.name.lower()}")


def moves(catalog: Catalog, phase_id: str) -> list[tuple[Tier, Tier]]:
    """Every ordered pair of the phase's tiers: the moves a school can make."""
    return list(permutations(catalog.phase(phase_id).tiers, 2))


def other_phases_words(catalog: Catalog, phase_id: str) -> list[str]:
    """'Gold and Platinum+ are tiers for primary schools, not for secondary schools.': the tiers that other phases
    have and this one does not, by phase, so that a secondary school reading of Gold learns it is a primary tier."""
    here = catalog.phase(phase_id)
    found = []
    for phase in catalog.services.phases:
        names = [tier.name for tier in phase.tiers if tier.name not in {t.name for t in here.tiers}]
        if phase.id != phase_id and names:
            found.append(f"{join_words(names)} {'is a tier' if len(names) == 1 else 'are tiers'} for "
                         f"{phase.name.lower()}, not for {here.name.lower()}.")
    return found


def cost_tag(offer: TierOffer, words: str) -> Markup:
    """A tier's cost in `words` ('additional cost: £1,250 a year'), as a tag coloured by the kind of cost."""
    css = "included" if offer.cost == NO_ADDITIONAL_COST else "optional"
    return Markup('<span class="status status-{}">{}</span>').format(css, words.capitalize())


class MovePage(Renderer):
    """Renders a move's page; `status` words an entitlement as a tag (`entitlement_parts.EntitlementParts.status`)
    and `cost_words` a tier's cost."""

    def __init__(self, catalog: Catalog, href: Href, status: Callable[[Status], Markup],
                 cost_words: Callable[[TierOffer], str], set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)
        self.status = status
        self.cost_words = cost_words

    def page(self, phase_id: str, before_id: str, after_id: str) -> str:
        phase = self.catalog.phase(phase_id)
        before, after = self.catalog.tier(phase_id, before_id), self.catalog.tier(phase_id, after_id)
        found = changes(self.catalog, phase_id, before, after)
        listed = described_changes(self.catalog, phase_id, before, after)
        return self.markdown_page(
            f"# {markdown_text(move_title(self.catalog, phase_id, before_id, after_id))}",
            self._template(
                "move_page.html", phase=phase, before=before, after=after,
                costs=[self.cost(phase_id, before, after, school_type, len(self._cost_types(phase_id)) > 1)
                       for school_type in self._cost_types(phase_id)],
                commitment=self.commitment(), notice=self.notice(phase_id, before, after), status=self.status,
                gained=[c for c in found if c.kind == GAINED], lost=[c for c in found if c.kind == LOST],
                changed=[c for c in found if c.kind == CHANGED], who=WHO, count=services_count,
                has_matrix=bool(matrix_rows(self.catalog, phase_id)),
                described=[self._described(phase_id, change.tier, change.added, before, after) for change in listed],
                others=other_phases_words(self.catalog, phase_id),
                compare_href=self.href(comparison_page(phase_id), None),
                plans=[{"name": school_type.name.lower(),
                        "href": f"{self.href(plan_page(school_type.id), None)}?current={before.id}&tier={after.id}"}
                       for school_type in self.catalog.services.school_types if school_type.phase == phase_id]))

    # -- the answer --------------------------------------------------------------

    def _cost_types(self, phase_id: str) -> list[SchoolType]:
        """The phase's school types that pay differently (the first of each group that pays alike)."""
        return [group[0] for group in alike_school_types(self.catalog) if group[0].phase == phase_id]

    def cost(self, phase_id: str, before: Tier, after: Tier, school_type: SchoolType, several: bool) -> dict:
        """What each tier costs `school_type` (and the types that pay alike), and the difference, in words; the
        links to the two tiers' pages name the school type when `several` types pay differently."""
        alike = next(group for group in alike_school_types(self.catalog) if group[0] is school_type)
        offers = {offer.tier.id: offer for offer in tier_offers(self.catalog, phase_id, school_type)}
        was, will_be = offers[before.id], offers[after.id]
        difference = price_difference(was, will_be)
        if difference is None:
            change = Markup("to be notified{}").format(self._package_prices_link())
        elif difference == 0:
            both_free = was.cost == will_be.cost == NO_ADDITIONAL_COST
            change = Markup("none: both are at no additional cost" if both_free else "none")
        else:
            change = Markup("{} a year {}").format(money(abs(difference)), "more" if difference > 0 else "less")
        return {"for": join_words([lower_first(t.name) for t in alike]), "difference": change,
                "before_cost": self._cost(was), "after_cost": self._cost(will_be),
                "before_href": self.href(tier_page(school_type.id, before.id), None),
                "after_href": self.href(tier_page(school_type.id, after.id), None),
                "before_name": f"{before.name} for {lower_first(school_type.name)}" if several else before.name,
                "after_name": f"{after.name} for {lower_first(school_type.name)}" if several else after.name}

    def commitment(self) -> Markup | None:
        """The summary of the clause on the commitment a change of tier brings, with its link."""
        clause = next((numbered for numbered in self.catalog.numbered.values()
                       if COMMITMENT in (numbered.clause.summary or "")), None)
        if clause is None:
            return None
        return Markup("{} ({}).").format(self.prose((clause.clause.summary or "").removesuffix(".")),
                                         self.clause_link(clause.id))

    def notice(self, phase_id: str, before: Tier, after: Tier) -> Markup | None:
        """For a move to a lower tier, what the specification says of notice: it asks for notice to end the
        contract and says nothing of a move to a lower tier; the council's last day for notice (prices.yaml,
        ordering.notice_by) covers both. None for a move to a higher tier."""
        tiers = self.catalog.phase(phase_id).tiers
        clause = next((numbered for numbered in self.catalog.numbered.values()
                       if NOTICE in (numbered.clause.summary or "")), None)
        if tiers.index(after) > tiers.index(before) or clause is None:
            return None
        return Markup("{} ({}). {}").format(
            self.prose((clause.clause.summary or "").removesuffix(".")), self.clause_link(clause.id),
            lower_tier_notice(day_words(self.catalog.prices.ordering.notice_by),
                              self.plain(self.catalog.services.service_desk.name)))

    def _cost(self, offer: TierOffer) -> Markup:
        """'No additional cost', 'Additional cost: £1,250 a year' or 'Additional cost; the price is to be
        notified', as a tag."""
        if offer.cost == ADDITIONAL_COST and offer.price is None:
            return Markup("{}; the price is to be notified").format(cost_tag(offer, self.cost_words(offer)))
        return cost_tag(offer, self.cost_words(offer))

    def _package_prices_link(self) -> Markup:
        clause = self.catalog.clause_showing("package-prices")
        return Markup(" ({})").format(self.clause_link(clause.id)) if clause else Markup("")

    # -- what the descriptions list ----------------------------------------------

    def _described(self, phase_id: str, tier: Tier, added: bool, before: Tier, after: Tier) -> dict:
        """The services a tier's description lists, which the move adds or loses, and what the inclusion table
        gives both tiers alike in the groups the description covers (`table_groups`)."""
        clause = self.catalog.clause_showing(f"tier:{phase_id}/{tier.id}")
        both: list[Row] = [row for row in matrix_rows(self.catalog, phase_id, [before, after])
                           if row.group in tier.table_groups
                           and all(cell.if_yhgfl is Status.INCLUDED and cell.if_not_yhgfl is Status.INCLUDED
                                   for cell in row.cells)]
        return {"tier": tier, "added": added, "clause": self.clause_link(clause.id) if clause else None,
                "both": both, "lower": before if added else after, "offers": self._offers_listed(tier)}

    def _offers_listed(self, tier: Tier) -> list[dict]:
        """The services offered on their own (section 7.6) that the tier's description lists, by a reference to
        their clause (Silver's "top-up services from CapitaES (see section 7.6.3)"), each with whom it is for: a
        school leaving the tier reads that the service is offered on its own too, and to whom."""
        texts = [str(item.text) for service in tier.services for item in (service, *service.items)]
        found = []
        for offer in self.catalog.services.offers:
            clause = self.catalog.clause_showing(f"offer:{offer.id}")
            if clause and any(f"{{section:{clause.id}}}" in text for text in texts):
                found.append({"title": offer.title, "clause": self.clause_link(clause.id),
                              "available_to": offer.available_to})
        return found
