"""What has changed between two years' data: last year's (the latest archive, see `archive`) and this year's.

Pure data, no HTML: the changes page, its CSV, the changes shown on each school type's and school's page
and the tests all call `compare`, and narrow its answer with `Changes.for_school_type` or
`Changes.for_school`.

Things are matched by what identifies them, never by their position: a row of an inclusion table by its
phase, group and service (two rows may share a service name in different groups); a tier by its phase and
id; a price-list item by its list, its name and the phase; a package price by school type and tier; a
service price by service and unit; a contact by id; a clause by id, so that a clause inserted before others
is one clause added, and the others are renumbered, not changed; a school by its page address (its slug, or
the one made from its name), so that a school that kept its address under a new name is renamed, not removed
and added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, TypeVar

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .checks import school_slug
from .entitlement import Status, resolve
from .models import Clause, Item, Matrix, School, SchoolType

Change = Literal["added", "removed", "changed"]
SchoolListed = Literal["added", "removed", "renamed"]
T = TypeVar("T")

CONTACT_FIELDS = {"name": "name", "role": "role", "address": "address", "email": "e-mail",
                  "telephone": "telephone", "fax": "fax"}
"""The fields of a contact that are compared, and their names in words."""
SERVICE_DESK_FIELDS = {"name": "name", "telephone": "telephone", "email": "e-mail", "hours": "opening hours"}
CLAUSE_FIELDS = {"title": "title", "text": "text", "items": "bullet points"}
"""The parts of a clause that are compared: its words (what it shows from the data is compared where the
data is: tiers, prices, contacts)."""


# -- what changed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    """A code of an inclusion table, with the legend's meaning as printed and the kind of entitlement."""

    code: str
    meaning: str
    kind: str

    @property
    def status(self) -> Status:
        """What it means for a school that may or may not be a YHGFL school."""
        return resolve(self.kind)

    def for_school(self, yhgfl: bool | None) -> Status:
        return resolve(self.kind, yhgfl)


@dataclass(frozen=True)
class TierCode:
    tier_id: str
    tier_name: str
    code: Code


@dataclass(frozen=True)
class RowChange:
    """A service added to or removed from a phase's inclusion table, with its code for each tier."""

    change: Change
    phase_id: str
    group: str
    service: str
    codes: tuple[TierCode, ...]
    sims_pcs_over: int | None = None


@dataclass(frozen=True)
class CellChange:
    """One tier's code for one service of an inclusion table, changed."""

    phase_id: str
    group: str
    service: str
    tier_id: str
    tier_name: str
    before: Code
    after: Code
    sims_pcs_over: int | None = None

    def statuses(self, yhgfl: bool | None = None, sims_pcs: int | None = None) -> tuple[Status, Status]:
        """The entitlement before and after, for a school that is (True), is not (False) or may be (None)
        YHGFL, with `sims_pcs` PCs or laptops with access to SIMS (None: not known)."""
        if sims_pcs is not None and self.sims_pcs_over is not None and sims_pcs <= self.sims_pcs_over:
            return Status.DOES_NOT_APPLY, Status.DOES_NOT_APPLY
        return self.before.for_school(yhgfl), self.after.for_school(yhgfl)


@dataclass(frozen=True)
class ListedChange:
    """A service that a tier's (or an offer's) description lists, added or removed."""

    change: Change
    owner: Literal["tier", "offer"]
    owner_id: str
    owner_name: str
    text: str
    phase_id: str | None = None
    """The tier's phase; None for an offer, which is for every school."""


@dataclass(frozen=True)
class OfferChange:
    """A service available to every school (outside the tiers), added or removed."""

    change: Change
    offer_id: str
    title: str


@dataclass(frozen=True)
class CostChange:
    """Whether a school type gets a tier at no additional cost, at additional cost or not at all, changed."""

    school_type_id: str
    school_type_name: str
    phase_id: str
    tier_id: str
    tier_name: str
    before: str | None
    """NO_ADDITIONAL_COST, ADDITIONAL_COST, or None: not offered to the school type."""
    after: str | None

    @property
    def change(self) -> Change:
        return "added" if self.before is None else "removed" if self.after is None else "changed"


PriceArea = Literal["price-list", "package", "service"]


@dataclass(frozen=True)
class PriceChange:
    """A price added, removed or changed: an item of a price list for one phase, a tier's package price for
    one school type, or the price of a special or pay-as-you-use service."""

    area: PriceArea
    heading: str
    """The price list's title; for packages and services, what they are."""
    item: str
    """The item, the tier (packages) or the service."""
    before: Decimal | None
    after: Decimal | None
    group: str | None = None
    phase_id: str | None = None
    for_whom: str | None = None
    """The phase (price lists) or the school type (packages), in words."""
    school_type_id: str | None = None
    tier_id: str | None = None
    unit: str | None = None

    @property
    def change(self) -> Change:
        return "added" if self.before is None else "removed" if self.after is None else "changed"

    @property
    def difference(self) -> Decimal | None:
        """How much more (less, if negative) it costs now; None unless it has a price in both years."""
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class ContactChange:
    """A contact (or the ICT Service Desk, `contact_id` None) added, removed, or one of its fields changed."""

    change: Change
    contact_id: str | None
    name: str
    field: str | None = None
    """The field's name in words (CONTACT_FIELDS); None for a contact added or removed."""
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class RouteChange:
    """The route for concerns and complaints, step by step in words, when it changed."""

    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class ClauseChange:
    """A clause added, removed, or with its title, text or bullet points changed."""

    change: Change
    clause_id: str
    before_number: str | None
    after_number: str | None
    before: Clause | None
    after: Clause | None
    fields: tuple[str, ...] = ()
    """For a changed clause, which of CLAUSE_FIELDS changed."""
    phases: frozenset[str] = frozenset()
    """The phases the clause is about (it or a clause containing it shows their tiers or table); empty: it is
    about every school."""


    @property
    def items_added(self) -> list[str]:
        """For a changed clause, the bullet points (nested ones too) that are new."""
        return [text for change, text in self._item_changes() if change == "added"]

    @property
    def items_removed(self) -> list[str]:
        return [text for change, text in self._item_changes() if change == "removed"]

    def _item_changes(self) -> Iterator[tuple[Change, str]]:
        if self.before is not None and self.after is not None:
            yield from _list_difference(_texts(self.before.items), _texts(self.after.items))

    def paragraphs(self) -> list[tuple[tuple[Words, ...], tuple[Words, ...]]] | None:
        """For a changed clause with as many paragraphs as before, each paragraph's words before and after,
        marked where they differ (`word_changes`); None when paragraphs were added or removed."""
        if self.before is None or self.after is None or len(self.before.text) != len(self.after.text):
            return None
        return [word_changes(was, now) for was, now in zip(self.before.text, self.after.text, strict=True)]


@dataclass(frozen=True)
class SchoolChange:
    """A school with a page of its own (schools.yaml), added to or removed from the list, or renamed: listed
    both years at the same address under another name."""

    change: SchoolListed
    slug: str
    """Its page's address, schools/<slug>/: this year's page, or, for a school removed, last year's."""
    name: str
    """Its name this year; for a school removed, last year's."""
    school_type_id: str
    school_type_name: str
    """Its type's name, from the year of `name`."""
    before_name: str | None = None
    """For a school renamed, its name last year."""


@dataclass(frozen=True)
class Words:
    """A run of words of one version of a paragraph, and whether the other version differs there."""

    text: str
    changed: bool


def word_changes(before: str, after: str) -> tuple[tuple[Words, ...], tuple[Words, ...]]:
    """Two versions of a paragraph as runs of words (to be joined with spaces), each run marked if the other
    version differs there. A placeholder ({section:id}) without spaces stays whole, as it is one word."""
    was, now = before.split(), after.split()
    old: list[Words] = []
    new: list[Words] = []
    for operation, i1, i2, j1, j2 in SequenceMatcher(a=was, b=now, autojunk=False).get_opcodes():
        if i2 > i1:
            old.append(Words(" ".join(was[i1:i2]), operation != "equal"))
        if j2 > j1:
            new.append(Words(" ".join(now[j1:j2]), operation != "equal"))
    return tuple(old), tuple(new)


@dataclass(frozen=True)
class Renumbered:
    """A clause in both years whose number changed."""

    clause_id: str
    before_number: str
    after_number: str


@dataclass(frozen=True)
class Changes:
    """Everything that changed from `before_year` to `after_year`, each kind in the order of the data."""

    before_year: str
    after_year: str
    rows: tuple[RowChange, ...] = ()
    offers: tuple[OfferChange, ...] = ()
    listed: tuple[ListedChange, ...] = ()
    cells: tuple[CellChange, ...] = ()
    costs: tuple[CostChange, ...] = ()
    prices: tuple[PriceChange, ...] = ()
    contacts: tuple[ContactChange, ...] = ()
    route: RouteChange | None = None
    clauses: tuple[ClauseChange, ...] = ()
    renumbered: tuple[Renumbered, ...] = ()
    schools: tuple[SchoolChange, ...] = ()
    school: School | None = field(default=None, compare=False)
    """Set by `for_school`: the school these changes were narrowed to (cells are then to be read for it)."""

    @property
    def count(self) -> int:
        """How many changes there are, not counting clauses that only moved to a new number."""
        return (len(self.rows) + len(self.offers) + len(self.listed) + len(self.cells) + len(self.costs)
                + len(self.prices) + len(self.contacts) + (self.route is not None) + len(self.clauses)
                + len(self.schools))

    @property
    def schools_removed(self) -> tuple[SchoolChange, ...]:
        """The schools listed last year and not this year, in last year's order."""
        return tuple(school for school in self.schools if school.change == "removed")

    def for_school_type(self, school_type: SchoolType) -> Changes:
        """The changes that affect a school type: its phase's inclusion table and tiers, what its tiers cost
        it, its phase's prices and its package prices, and everything for every school (offers, service
        prices, contacts, the route, clauses not about another phase, clause numbers). Not the schools
        added to or removed from the list, which change nothing for another school."""
        phase = school_type.phase
        return replace(
            self,
            rows=tuple(row for row in self.rows if row.phase_id == phase),
            listed=tuple(item for item in self.listed if item.phase_id in (None, phase)),
            cells=tuple(cell for cell in self.cells if cell.phase_id == phase),
            costs=tuple(cost for cost in self.costs if cost.school_type_id == school_type.id),
            prices=tuple(price for price in self.prices if _price_for(price, school_type)),
            clauses=tuple(clause for clause in self.clauses if not clause.phases or phase in clause.phases),
            schools=())

    def for_school(self, catalog: Catalog, school: School) -> Changes:
        """The changes that affect one school (`catalog` is this year's): as for its school type, but only
        its own tier (and the tiers it builds on, whose services it gets), and only the cells whose
        entitlement changed for this school, given its YHGFL membership and PC count."""
        school_type = catalog.school_type(school.school_type)
        narrowed = self.for_school_type(school_type)
        tiers = {school.tier, *(tier.id for tier in catalog.builds_on(school_type.phase, school.tier))}
        return replace(
            narrowed,
            listed=tuple(item for item in narrowed.listed if item.owner == "offer" or item.owner_id in tiers),
            cells=tuple(cell for cell in narrowed.cells if cell.tier_id == school.tier
                        and len(set(cell.statuses(school.yhgfl, school.sims_pcs))) == 2),
            costs=tuple(cost for cost in narrowed.costs if cost.tier_id == school.tier),
            prices=tuple(price for price in narrowed.prices if price.area != "package"
                         or price.tier_id == school.tier),
            school=school)


def _price_for(price: PriceChange, school_type: SchoolType) -> bool:
    if price.area == "price-list":
        return price.phase_id == school_type.phase
    if price.area == "package":
        return price.school_type_id == school_type.id
    return True


# -- comparing two years -----------------------------------------------------------------


@lru_cache(maxsize=4)
def compare(before: Catalog, after: Catalog) -> Changes:
    """What changed from `before` (last year's data) to `after` (this year's). A catalog is compared by
    identity, so a build compares its two catalogs once, however many pages show the changes."""
    return Changes(
        before_year=before.prices.financial_year,
        after_year=after.prices.financial_year,
        rows=tuple(_rows(before, after)),
        offers=tuple(_offers(before, after)),
        listed=tuple(_listed(before, after)),
        cells=tuple(_cells(before, after)),
        costs=tuple(_costs(before, after)),
        prices=tuple(_prices(before, after)),
        contacts=tuple(_contacts(before, after)),
        route=_route(before, after),
        clauses=tuple(_clauses(before, after)),
        renumbered=tuple(Renumbered(clause_id, before.numbered[clause_id].number, numbered.number)
                         for clause_id, numbered in after.numbered.items()
                         if clause_id in before.numbered and before.numbered[clause_id].number != numbered.number),
        schools=tuple(_schools(before, after)),
    )


# -- the inclusion tables and services -------------------------------------------------


def _matrix_rows(matrix: Matrix | None) -> dict[tuple[str, str], tuple[str, dict[str, str], int | None]]:
    """(group, service) -> (group, codes by tier id, PC threshold), in the order of the table."""
    if matrix is None:
        return {}
    return {(group.name, row.service): (group.name, row.codes, row.sims_pcs_over)
            for group in matrix.groups for row in group.rows}


def _codes(matrix: Matrix | None) -> dict[str, Code]:
    return {entry.code: Code(entry.code, entry.meaning, entry.kind) for entry in matrix.legend} if matrix else {}


def _phase_ids(before: Catalog, after: Catalog) -> list[str]:
    """Every phase of either year: this year's in order, then any that were removed."""
    return _union([phase.id for phase in after.services.phases], [phase.id for phase in before.services.phases])


def _tier_names(catalog: Catalog, phase_id: str) -> dict[str, str]:
    phase = next((phase for phase in catalog.services.phases if phase.id == phase_id), None)
    return {tier.id: tier.name for tier in phase.tiers} if phase else {}


def _rows(before: Catalog, after: Catalog) -> Iterator[RowChange]:
    for phase_id in _phase_ids(before, after):
        sides: tuple[tuple[Change, Catalog, Catalog], ...] = (("added", after, before), ("removed", before, after))
        for change, catalog, other in sides:
            matrix = catalog.matrix(phase_id) if _has_phase(catalog, phase_id) else None
            others = _matrix_rows(other.matrix(phase_id) if _has_phase(other, phase_id) else None)
            codes, names = _codes(matrix), _tier_names(catalog, phase_id)
            for key, (group, by_tier, pcs) in _matrix_rows(matrix).items():
                if key not in others:
                    yield RowChange(change, phase_id, group, key[1],
                                    tuple(TierCode(tier_id, name, codes[by_tier[tier_id]])
                                          for tier_id, name in names.items() if tier_id in by_tier), pcs)


def _cells(before: Catalog, after: Catalog) -> Iterator[CellChange]:
    for phase_id in _phase_ids(before, after):
        if not (_has_phase(before, phase_id) and _has_phase(after, phase_id)):
            continue
        old_matrix, new_matrix = before.matrix(phase_id), after.matrix(phase_id)
        old_rows, old_codes, new_codes = _matrix_rows(old_matrix), _codes(old_matrix), _codes(new_matrix)
        old_tiers = _tier_names(before, phase_id)
        for key, (group, by_tier, pcs) in _matrix_rows(new_matrix).items():
            if key not in old_rows:
                continue
            was_by_tier = old_rows[key][1]
            for tier_id, name in _tier_names(after, phase_id).items():
                if tier_id not in old_tiers or tier_id not in was_by_tier or tier_id not in by_tier:
                    continue
                was, now = old_codes[was_by_tier[tier_id]], new_codes[by_tier[tier_id]]
                if was != now:  # its letter, what it means for a school, or the key's words for it
                    yield CellChange(phase_id, group, key[1], tier_id, name, was, now, pcs)


def _offers(before: Catalog, after: Catalog) -> Iterator[OfferChange]:
    old = {offer.id: offer for offer in before.services.offers}
    new = {offer.id: offer for offer in after.services.offers}
    yield from (OfferChange("added", offer.id, offer.title) for offer in new.values() if offer.id not in old)
    yield from (OfferChange("removed", offer.id, offer.title) for offer in old.values() if offer.id not in new)


def _listed(before: Catalog, after: Catalog) -> Iterator[ListedChange]:
    """The services listed by each tier and each offer that are there in both years, added or removed."""
    for phase_id in _phase_ids(before, after):
        if not (_has_phase(before, phase_id) and _has_phase(after, phase_id)):
            continue
        old = {tier.id: tier for tier in before.phase(phase_id).tiers}
        for tier in after.phase(phase_id).tiers:
            if tier.id in old:
                for change, text in _list_difference(_texts(old[tier.id].services), _texts(tier.services)):
                    yield ListedChange(change, "tier", tier.id, tier.name, text, phase_id)
    old_offers = {offer.id: offer for offer in before.services.offers}
    for offer in after.services.offers:
        if offer.id in old_offers:
            was = [item for group in old_offers[offer.id].service_groups for item in group.items]
            now = [item for group in offer.service_groups for item in group.items]
            for change, text in _list_difference(_texts(was), _texts(now)):
                yield ListedChange(change, "offer", offer.id, offer.title, text)


def _texts(items: Iterable[Item]) -> list[str]:
    """Every bullet point's words, nested ones included, in order."""
    return [text for item in items for text in (item.text, *_texts(item.items))]


def _list_difference(was: list[str], now: list[str]) -> Iterator[tuple[Change, str]]:
    yield from (("added", text) for text in now if text not in was)
    yield from (("removed", text) for text in was if text not in now)


# -- what tiers cost, and prices ---------------------------------------------------------


def _costs(before: Catalog, after: Catalog) -> Iterator[CostChange]:
    old_types = {school_type.id: school_type for school_type in before.services.school_types}
    for school_type in after.services.school_types:
        was_type = old_types.get(school_type.id)
        same_phase = was_type is not None and was_type.phase == school_type.phase
        old_names = _tier_names(before, school_type.phase) if same_phase else {}
        new_names = _tier_names(after, school_type.phase)
        for tier_id in _union(list(new_names), list(old_names)):
            was = _cost(was_type, tier_id) if same_phase else None
            now = _cost(school_type, tier_id)
            if was != now:
                yield CostChange(school_type.id, school_type.name, school_type.phase, tier_id,
                                 new_names.get(tier_id) or old_names[tier_id], was, now)


def _cost(school_type: SchoolType | None, tier_id: str) -> str | None:
    if school_type is None:
        return None
    if tier_id in school_type.no_additional_cost:
        return NO_ADDITIONAL_COST
    return ADDITIONAL_COST if tier_id in school_type.additional_cost else None


def _prices(before: Catalog, after: Catalog) -> Iterator[PriceChange]:
    yield from _price_list_changes(before, after)
    old = {(p.school_type, p.tier): p.price for p in before.prices.package_prices}
    new = {(p.school_type, p.tier): p.price for p in after.prices.package_prices}
    for school_type_id, tier_id in _union(list(new), list(old)):
        catalog = after if (school_type_id, tier_id) in new else before
        school_type = catalog.school_type(school_type_id)
        was, now = old.get((school_type_id, tier_id)), new.get((school_type_id, tier_id))
        if was != now:
            yield PriceChange("package", "Prices of packages", catalog.tier(school_type.phase, tier_id).name, was,
                              now, phase_id=school_type.phase, for_whom=school_type.name,
                              school_type_id=school_type_id, tier_id=tier_id)
    old_services = {(p.service, p.unit): p.price for p in before.prices.service_prices}
    new_services = {(p.service, p.unit): p.price for p in after.prices.service_prices}
    for service, unit in _union(list(new_services), list(old_services)):
        was, now = old_services.get((service, unit)), new_services.get((service, unit))
        if was != now:
            yield PriceChange("service", "Prices of special and pay-as-you-use services", service, was, now,
                              unit=unit)


def _price_list_changes(before: Catalog, after: Catalog) -> Iterator[PriceChange]:
    def items(catalog: Catalog) -> dict[tuple[str, str, str], tuple[str, str | None, Decimal]]:
        """(list id, item, phase id) -> (list title, group, price)."""
        return {(price_list.id, item.name, phase_id): (price_list.title, group.name, price)
                for price_list in catalog.prices.price_lists for group in price_list.groups
                for item in group.items for phase_id, price in item.prices.items()}

    old, new = items(before), items(after)
    for key in _union(list(new), list(old)):
        title, group, _ = new.get(key) or old[key]
        was, now = (old[key][2] if key in old else None), (new[key][2] if key in new else None)
        if was != now:
            catalog = after if _has_phase(after, key[2]) else before
            yield PriceChange("price-list", title, key[1], was, now, group=group, phase_id=key[2],
                              for_whom=catalog.phase(key[2]).name)


# -- contacts and the route -------------------------------------------------------------------


def _contacts(before: Catalog, after: Catalog) -> Iterator[ContactChange]:
    old = {contact.id: contact for contact in before.services.contacts}
    new = {contact.id: contact for contact in after.services.contacts}
    for contact in new.values():
        if contact.id not in old:
            yield ContactChange("added", contact.id, contact.name)
            continue
        for name, words in CONTACT_FIELDS.items():
            was, now = _words(getattr(old[contact.id], name)), _words(getattr(contact, name))
            if was != now:
                yield ContactChange("changed", contact.id, contact.name, words, was, now)
    yield from (ContactChange("removed", contact.id, contact.name) for contact in old.values() if contact.id not in new)
    old_desk, new_desk = before.services.service_desk, after.services.service_desk
    for name, words in SERVICE_DESK_FIELDS.items():
        was, now = _words(getattr(old_desk, name)), _words(getattr(new_desk, name))
        if was != now:
            yield ContactChange("changed", None, new_desk.name, words, was, now)


def _words(value: str | list[str] | None) -> str | None:
    return ", ".join(value) if isinstance(value, list) else value


def _route(before: Catalog, after: Catalog) -> RouteChange | None:
    def steps(catalog: Catalog) -> list[tuple[str, str | None, str | None]]:
        return [(step.when, step.contact, step.who) for step in catalog.services.escalation]

    if steps(before) == steps(after):
        return None
    return RouteChange(route_words(before), route_words(after))


def route_words(catalog: Catalog) -> tuple[str, ...]:
    """Each step of the route for concerns and complaints, in words: when, and whom to go to."""
    words = []
    for step in catalog.services.escalation:
        if step.contact is not None:
            contact = catalog.contact(step.contact)
            words.append(f"{step.when}: {contact.name}, {contact.role}")
        else:
            words.append(f"{step.when} {step.who}")
    return tuple(words)


# -- clauses -------------------------------------------------------------------------------------


def _clauses(before: Catalog, after: Catalog) -> Iterator[ClauseChange]:
    old_phases, new_phases = clause_phases(before), clause_phases(after)
    for clause_id, numbered in after.numbered.items():
        was = before.numbered.get(clause_id)
        if was is None:
            yield ClauseChange("added", clause_id, None, numbered.number, None, numbered.clause,
                               phases=new_phases[clause_id])
            continue
        fields = tuple(name for name in CLAUSE_FIELDS
                       if getattr(was.clause, name) != getattr(numbered.clause, name))
        if fields:
            yield ClauseChange("changed", clause_id, was.number, numbered.number, was.clause, numbered.clause,
                               fields, new_phases[clause_id])
    for clause_id, was in before.numbered.items():
        if clause_id not in after.numbered:
            yield ClauseChange("removed", clause_id, was.number, None, was.clause, None,
                               phases=old_phases[clause_id])


def clause_phases(catalog: Catalog) -> dict[str, frozenset[str]]:
    """For each clause, the phases it is about: those whose tier or inclusion table it, or a clause that
    contains it, shows; empty for a clause about every school."""
    phases: dict[str, frozenset[str]] = {}

    def visit(clause: Clause, inherited: frozenset[str]) -> None:
        own = {key.partition("/")[0] for kind, _, key in (block.partition(":") for block in clause.show)
               if kind in ("tier", "matrix")}
        phases[clause.id] = inherited | own
        for child in clause.clauses:
            visit(child, phases[clause.id])

    for section in catalog.services.sections:
        visit(section, frozenset())
    return phases


# -- schools -------------------------------------------------------------------------------------


def _schools(before: Catalog, after: Catalog) -> Iterator[SchoolChange]:
    """Schools added and renamed, in this year's order, then those removed, in last year's; matched by address."""
    old = {school_slug(school): school for school in before.schools}
    new = {school_slug(school): school for school in after.schools}
    for slug, school in new.items():
        was = old.get(slug)
        if was is None or was.name != school.name:
            yield SchoolChange("added" if was is None else "renamed", slug, school.name, school.school_type,
                               after.school_type(school.school_type).name, was.name if was else None)
    yield from (SchoolChange("removed", slug, school.name, school.school_type,
                             before.school_type(school.school_type).name)
                for slug, school in old.items() if slug not in new)


# -- helpers --------------------------------------------------------------------------------------


def _has_phase(catalog: Catalog, phase_id: str) -> bool:
    return any(phase.id == phase_id for phase in catalog.services.phases)


def _union(first: list[T], second: list[T]) -> list[T]:
    """The items of `first`, then those of `second` that are not in it, each once."""
    return list(dict.fromkeys([*first, *second]))
