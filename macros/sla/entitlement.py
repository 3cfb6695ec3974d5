"""What a school gets: matrix codes resolved for a tier, YHGFL membership and PC count, and what changes
when it moves from one tier to another.

Plain functions over the catalog, with no HTML: the pages are rendered from
the views built here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .catalog import NO_ADDITIONAL_COST, Catalog
from .models import MatrixRow, School, SchoolType, Tier


class Status(StrEnum):
    """An entitlement in plain words."""

    INCLUDED = "Included"
    NOT_INCLUDED = "Not included"
    OPTIONAL = "Optional extra"
    NOT_AVAILABLE = "Not available"
    SUPPORTED_ONLY = "Supported software only"
    YHGFL_ONLY = "YHGFL schools only"
    OPTIONAL_YHGFL_ONLY = "Optional extra for YHGFL schools only"
    DOES_NOT_APPLY = "Does not apply"
    NOT_LISTED = "Not listed for this tier"

    @property
    def css(self) -> str:
        return self.name.lower().replace("_", "-")

    @property
    def meaning(self) -> str:
        """What the words mean, for the key under a table."""
        return _MEANINGS[self]


_MEANINGS = {
    Status.INCLUDED: "part of the tier.",
    Status.NOT_INCLUDED: "not part of the tier.",
    Status.OPTIONAL: "not part of the tier, but can be bought as an extra.",
    Status.NOT_AVAILABLE: "an extra that only YHGFL schools can buy.",
    Status.SUPPORTED_ONLY: "only for the software and services in the list of supported software.",
    Status.YHGFL_ONLY: "part of the tier for YHGFL schools, not for other schools.",
    Status.OPTIONAL_YHGFL_ONLY: "an extra that YHGFL schools can buy; other schools cannot.",
    Status.DOES_NOT_APPLY: "the service concerns more PCs or laptops with access to SIMS than the school has.",
    Status.NOT_LISTED: "the tier's description does not list the service; that alone does not mean the tier "
                       "excludes it.",
}


_FIXED = {"included": Status.INCLUDED, "not-included": Status.NOT_INCLUDED, "optional": Status.OPTIONAL,
          "supported-only": Status.SUPPORTED_ONLY}
_FOR_YHGFL = {  # kind: (YHGFL school, other school, not known)
    "yhgfl-only": (Status.INCLUDED, Status.NOT_INCLUDED, Status.YHGFL_ONLY),
    "optional-yhgfl-only": (Status.OPTIONAL, Status.NOT_AVAILABLE, Status.OPTIONAL_YHGFL_ONLY),
}


def resolve(kind: str, yhgfl: bool | None = None) -> Status:
    """What a code of this kind means for a school that is (True), is not (False) or may be (None) YHGFL."""
    if kind in _FIXED:
        return _FIXED[kind]
    member, other, unknown = _FOR_YHGFL[kind]
    return unknown if yhgfl is None else member if yhgfl else other


def applies(row: MatrixRow, sims_pcs: int | None) -> bool:
    """False when the row concerns more PCs or laptops with access to SIMS than the school has."""
    return row.sims_pcs_over is None or sims_pcs is None or sims_pcs > row.sims_pcs_over


@dataclass(frozen=True)
class Cell:
    """One tier's entitlement to one service; `if_yhgfl` and `if_not_yhgfl` differ for conditional codes."""

    tier: Tier
    code: str
    status: Status
    if_yhgfl: Status
    if_not_yhgfl: Status

    @property
    def conditional(self) -> bool:
        return self.if_yhgfl != self.if_not_yhgfl


@dataclass(frozen=True)
class Row:
    group: str
    service: str
    matrix_row: MatrixRow
    cells: list[Cell]

    @property
    def differs(self) -> bool:
        """True when the tiers do not all give the same."""
        return len({(cell.if_yhgfl, cell.if_not_yhgfl) for cell in self.cells}) > 1


def matrix_rows(catalog: Catalog, phase_id: str, tiers: list[Tier] | None = None, yhgfl: bool | None = None,
                sims_pcs: int | None = None) -> list[Row]:
    """The phase's matrix resolved for the given tiers (all by default); [] when it has no matrix."""
    matrix = catalog.matrix(phase_id)
    if matrix is None:
        return []
    tiers = tiers if tiers is not None else catalog.phase(phase_id).tiers
    kinds = {entry.code: entry.kind for entry in matrix.legend}
    rows = []
    for group in matrix.groups:
        for matrix_row in group.rows:
            cells = []
            for tier in tiers:
                code = matrix_row.codes[tier.id]
                if applies(matrix_row, sims_pcs):
                    statuses = [resolve(kinds[code], known) for known in (yhgfl, True, False)]
                else:
                    statuses = [Status.DOES_NOT_APPLY] * 3
                cells.append(Cell(tier, code, *statuses))
            rows.append(Row(group.name, matrix_row.service, matrix_row, cells))
    return rows


@dataclass(frozen=True)
class TierOffer:
    """A tier of a phase, and what it costs a school type (None when no school type is in view)."""

    phase_id: str
    tier: Tier
    cost: str | None
    price: Decimal | None
    """The annual price for the school type, when prices.yaml publishes one."""
    builds_on: list[Tier]
    """The tiers whose services this one includes, from the most basic up."""
    included_in: list[Tier]
    """The tiers whose subscribers get this tier's own services: itself and every tier built on it."""


def tier_offers(catalog: Catalog, phase_id: str, school_type: SchoolType | None = None) -> list[TierOffer]:
    """Every tier of the phase, in order, with its cost for `school_type` if one is given."""
    phase = catalog.phase(phase_id)
    offers = []
    for tier in phase.tiers:
        cost, price = None, None
        if school_type is not None:
            cost = catalog.cost(school_type, tier.id)
            price = catalog.package_price(school_type.id, tier.id)
        included_in = [other for other in phase.tiers
                       if other.id == tier.id or tier in catalog.builds_on(phase.id, other.id)]
        offers.append(TierOffer(phase.id, tier, cost, price, catalog.builds_on(phase.id, tier.id), included_in))
    return offers


# -- moving from one tier to another ------------------------------------------------


def tier_changes(catalog: Catalog, phase_id: str, before: Tier, after: Tier, yhgfl: bool | None = None) -> list[Row]:
    """The rows of the phase's matrix that change for a school moving from tier `before` to tier `after`, resolved
    for a school that is (True), is not (False) or may be (None) YHGFL; each row's cells are the two tiers'.
    [] when the phase has no matrix."""
    return [row for row in matrix_rows(catalog, phase_id, [before, after], yhgfl)
            if row.cells[0].status != row.cells[1].status]


@dataclass(frozen=True)
class DescribedChange:
    """The services a tier's description lists (`tier.services`), when one of two tiers includes them and the
    other does not: `before` and `after` are Included or Not listed for this tier."""

    tier: Tier
    before: Status
    after: Status

    @property
    def added(self) -> bool:
        return self.after is Status.INCLUDED


def described_changes(catalog: Catalog, phase_id: str, before: Tier, after: Tier) -> list[DescribedChange]:
    """For each tier whose description lists services, in order: whether moving from `before` to `after` adds or
    loses them (a tier includes the services of the tiers it builds on); tiers included by both are left out."""
    changes = []
    for offer in tier_offers(catalog, phase_id):
        if offer.tier.services:
            was, will_be = (Status.INCLUDED if tier in offer.included_in else Status.NOT_LISTED
                            for tier in (before, after))
            if was != will_be:
                changes.append(DescribedChange(offer.tier, was, will_be))
    return changes


def annual_price(offer: TierOffer) -> Decimal | None:
    """What the tier costs its school type a year: nothing at no additional cost; at additional cost, the package
    price, or None while prices.yaml publishes none."""
    if offer.cost is None:
        raise ValueError(f"{offer.tier.id}: the annual price needs a school type")
    return Decimal(0) if offer.cost == NO_ADDITIONAL_COST else offer.price


def price_difference(before: TierOffer, after: TierOffer) -> Decimal | None:
    """How much more a year (less, if negative) tier `after` costs than tier `before`, for the same school type;
    None while either price is to be notified."""
    was, will_be = annual_price(before), annual_price(after)
    return None if was is None or will_be is None else will_be - was


def school_type_of(catalog: Catalog, school: School) -> SchoolType:
    return catalog.school_type(school.school_type)


def school_rows(catalog: Catalog, school: School) -> list[Row]:
    """The school's own entitlement: its tier, its YHGFL membership, its PC count."""
    school_type = school_type_of(catalog, school)
    tier = catalog.tier(school_type.phase, school.tier)
    return matrix_rows(catalog, school_type.phase, [tier], school.yhgfl, school.sims_pcs)


def alike_school_types(catalog: Catalog) -> list[list[SchoolType]]:
    """The school types in groups whose entitlements are identical: the same phase, and every tier at the
    same cost and price. A type is grouped with the first type like it, in the order of the data."""
    groups: dict[tuple[object, ...], list[SchoolType]] = {}
    for school_type in catalog.services.school_types:
        key = (school_type.phase, *((offer.tier.id, offer.cost, offer.price)
                                    for offer in tier_offers(catalog, school_type.phase, school_type)))
        groups.setdefault(key, []).append(school_type)
    return list(groups.values())
