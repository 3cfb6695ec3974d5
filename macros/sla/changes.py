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

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .change_records import (
    CLAUSE_FIELDS,
    CONTACT_FIELDS,
    SERVICE_DESK_FIELDS,
    CellChange,
    Change,
    Changes,
    ClauseChange,
    Code,
    ContactChange,
    CostChange,
    ListedChange,
    OfferChange,
    PriceChange,
    Renumbered,
    RouteChange,
    RowChange,
    SchoolChange,
    TierCode,
    item_texts,
    list_difference,
)
from .checks import school_slug
from .models import Clause, Matrix, SchoolType

T = TypeVar("T")


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
                for change, text in list_difference(item_texts(old[tier.id].services), item_texts(tier.services)):
                    yield ListedChange(change, "tier", tier.id, tier.name, text, phase_id)
    old_offers = {offer.id: offer for offer in before.services.offers}
    for offer in after.services.offers:
        if offer.id in old_offers:
            was = [item for group in old_offers[offer.id].service_groups for item in group.items]
            now = [item for group in offer.service_groups for item in group.items]
            for change, text in list_difference(item_texts(was), item_texts(now)):
                yield ListedChange(change, "offer", offer.id, offer.title, text)


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
