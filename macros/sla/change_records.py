"""What has changed between two years' data, as typed records (pure data, no HTML): what `changes.compare`
answers, and how `Changes` narrows it to one school type or one school."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Literal

from .catalog import Catalog
from .entitlement import Status, resolve
from .models import Clause, Item, School, SchoolType

Change = Literal["added", "removed", "changed"]
SchoolListed = Literal["added", "removed", "renamed"]

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
            yield from list_difference(item_texts(self.before.items), item_texts(self.after.items))

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


def item_texts(items: Iterable[Item]) -> list[str]:
    """Every bullet point's words, nested ones included, in order."""
    return [text for item in items for text in (item.text, *item_texts(item.items))]


def list_difference(was: list[str], now: list[str]) -> Iterator[tuple[Change, str]]:
    yield from (("added", text) for text in now if text not in was)
    yield from (("removed", text) for text in was if text not in now)
