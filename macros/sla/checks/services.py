"""References within services.yaml, and from it to prices.yaml: unique ids, school types and their tiers, the
tiers a tier builds on, the inclusion tables, the escalation route and the offers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..models import Matrix
from ..problems import Path, Problem, one_of
from .known import Known, clause_tree


def service_problems(known: Known) -> Iterator[Problem]:
    """Every broken reference of services.yaml but those of its clauses (see `clauses`)."""
    yield from _unique_ids(known)
    yield from _school_types(known)
    yield from _tiers(known)
    yield from _matrix(known)
    yield from _escalation(known)
    yield from _offers(known)


def _unique_ids(known: Known) -> Iterator[Problem]:
    s = known.s
    yield from known.duplicates([(("contacts", i, "id"), c.id) for i, c in enumerate(s.contacts)], "contact id")
    yield from known.duplicates([(("school_types", i, "id"), t.id) for i, t in enumerate(s.school_types)],
                                "school type id")
    yield from known.duplicates([(("phases", i, "id"), p.id) for i, p in enumerate(s.phases)], "phase id")
    for i, phase in enumerate(s.phases):
        yield from known.duplicates(
            [(("phases", i, "tiers", j, "id"), t.id) for j, t in enumerate(phase.tiers)], "tier id")
    yield from known.duplicates([(("offers", i, "id"), o.id) for i, o in enumerate(s.offers)], "offer id")
    yield from known.duplicates(
        [(path + ("id",), clause.id) for path, clause in clause_tree(s.sections, ("sections",))], "clause id")
    yield from known.duplicates([(("matrices", m, "phase"), matrix.phase) for m, matrix in enumerate(s.matrices)],
                                "matrix for phase")
    for m, matrix in enumerate(s.matrices):
        yield from known.duplicates(
            [(("matrices", m, "legend", i, "code"), e.code) for i, e in enumerate(matrix.legend)], "legend code")
        rows = [(("matrices", m, "groups", g, "rows", r, "service"), f"{group.name} / {row.service}")
                for g, group in enumerate(matrix.groups) for r, row in enumerate(group.rows)]
        yield from known.duplicates(rows, "matrix row (group / service)")
    yield from known.duplicates(
        [(("response_standards", "priorities", i, "level"), str(p.level))
         for i, p in enumerate(s.response_standards.priorities)], "priority level")


def _school_types(known: Known) -> Iterator[Problem]:
    for i, school_type in enumerate(known.s.school_types):
        path = ("school_types", i)
        if school_type.phase not in known.phases:
            yield from known.phase_ref(path + ("phase",), school_type.phase)
            continue
        named: Counter[str] = Counter()
        for key in ("no_additional_cost", "additional_cost"):
            for j, tier in enumerate(getattr(school_type, key)):
                named[tier] += 1
                yield from known.tier_ref(path + (key, j), school_type.phase, tier)
        for tier in known.tiers[school_type.phase]:
            if named[tier] == 0:
                yield known.problem(path, f"tier '{tier}' is in neither no_additional_cost nor "
                                          f"additional_cost; list each tier of {school_type.phase} once")
            elif named[tier] > 1:
                yield known.problem(path, f"tier '{tier}' is listed more than once; "
                                          f"list each tier of {school_type.phase} once")


def _tiers(known: Known) -> Iterator[Problem]:
    for i, phase in enumerate(known.s.phases):
        parents = {tier.id: tier.builds_on for tier in phase.tiers}
        matrix = next((m for m in known.s.matrices if m.phase == phase.id), None)
        groups = [group.name for group in matrix.groups] if matrix else []
        for j, tier in enumerate(phase.tiers):
            for k, note in enumerate(tier.edition_notes):
                yield from known.note_ref(("phases", i, "tiers", j, "edition_notes", k), note)
            for k, group_name in enumerate(tier.table_groups):
                if group_name not in groups:
                    where = (f"the groups of the {phase.id} inclusion table {one_of(groups, group_name)}"
                             if groups else f"{phase.id} has no inclusion table; remove table_groups")
                    yield known.problem(("phases", i, "tiers", j, "table_groups", k),
                                        f"unknown group '{group_name}': table_groups names {where}")
            path = ("phases", i, "tiers", j, "builds_on")
            if tier.builds_on is None:
                continue
            if tier.builds_on not in parents:
                yield from known.tier_ref(path, phase.id, tier.builds_on)
                continue
            chain: list[str] = [tier.id]
            current: str | None = tier.builds_on
            while current is not None and current in parents and current not in chain:
                chain.append(current)
                current = parents[current]
            if current == tier.id:
                loop = " → ".join(chain + [tier.id])
                yield known.problem(path, f"'builds on' goes round in a circle ({loop}); "
                                          f"the first tier of a phase builds on nothing")
        for j, exclusions in enumerate(phase.exclusions):
            for k, tier_id in enumerate(exclusions.applies_to):
                yield from known.tier_ref(("phases", i, "exclusions", j, "applies_to", k), phase.id, tier_id)


def _matrix(known: Known) -> Iterator[Problem]:
    for m, matrix in enumerate(known.s.matrices):
        yield from _one_matrix(known, ("matrices", m), matrix)


def _one_matrix(known: Known, at: Path, matrix: Matrix) -> Iterator[Problem]:
    if matrix.phase not in known.phases:
        yield from known.phase_ref(at + ("phase",), matrix.phase)
        return
    tiers = known.tiers[matrix.phase]
    codes = [entry.code for entry in matrix.legend]
    unknown: dict[str, list[Path]] = {}
    for g, group in enumerate(matrix.groups):
        for r, row in enumerate(group.rows):
            path = at + ("groups", g, "rows", r, "codes")
            for tier, code in row.codes.items():
                if tier not in tiers:
                    unknown.setdefault(tier, []).append(path + (tier,))
                elif code not in codes:
                    yield known.problem(path + (tier,), f"unknown code '{code}' {one_of(codes)}")
            if row.edition_note is not None:
                yield from known.note_ref(at + ("groups", g, "rows", r, "edition_note"), row.edition_note)
            for tier in tiers:
                if tier not in row.codes:
                    yield known.problem(path, f"no code for tier '{tier}'; every row needs a code for each "
                                              f"tier of {matrix.phase} ({', '.join(tiers)})")
    for tier, paths in unknown.items():
        if len(paths) == 1:
            yield from known.tier_ref(paths[0], matrix.phase, tier)
            continue
        lines = [known.sfile.line_of(path) for path in paths]
        listed = ", ".join(map(str, lines)) if len(lines) <= 8 else \
            f"{', '.join(map(str, lines[:6]))}, … {lines[-1]}"
        yield known.problem(paths[0], (
            f"unknown tier '{tier}' for phase {matrix.phase} {one_of(tiers)} in {len(paths)} rows of the matrix "
            f"(lines {listed}); remove `{tier}` from these {len(paths)} rows, or add the tier back to phase "
            f"{matrix.phase}"))


def _escalation(known: Known) -> Iterator[Problem]:
    for i, step in enumerate(known.s.escalation):
        if step.contact is not None and step.contact not in known.contacts:
            yield known.problem(("escalation", i, "contact"),
                                f"unknown contact '{step.contact}' {one_of(known.contacts)}")


def _offers(known: Known) -> Iterator[Problem]:
    for i, offer in enumerate(known.s.offers):
        if offer.price_list is not None and offer.price_list not in known.price_lists:
            yield known.problem(("offers", i, "price_list"), f"unknown price list '{offer.price_list}' "
                                                             f"in prices.yaml {one_of(known.price_lists)}")
