"""What every check refers to: the data being checked, its files, and the ids a reference may name.

`Known` is built once per run of the checks; each module of this package takes it and reports the problems of
its concern (see `__init__.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..models import Clause, Prices, Schools, Services, SiteInfo
from ..problems import Path, Problem, one_of
from ..yamlfile import YamlFile


def clause_numbers(clauses: Iterable[Clause], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Each clause's number (as catalog.py numbers them: 3, 3.2, 3.2.5) and id, in document order."""
    for index, clause in enumerate(clauses, start=1):
        number = f"{prefix}{index}"
        yield number, clause.id
        yield from clause_numbers(clause.clauses, number + ".")


def clause_tree(clauses: Iterable[Clause], path: Path) -> Iterator[tuple[Path, Clause]]:
    """Each clause with its key path, depth first, in document order."""
    for index, clause in enumerate(clauses):
        here = path + (index,)
        yield here, clause
        yield from clause_tree(clause.clauses, here + ("clauses",))


class Known:
    """The four files' data and YAML (for lines), and the ids of what the files define."""

    def __init__(self, services: Services, prices: Prices, schools: Schools, site: SiteInfo,
                 sfile: YamlFile, pfile: YamlFile, schools_file: YamlFile, site_file: YamlFile):
        self.s, self.p, self.sfile, self.pfile = services, prices, sfile, pfile
        self.schools, self.schools_file = schools, schools_file
        self.site, self.site_file = site, site_file
        self.phases = {phase.id: phase for phase in services.phases}
        self.school_types = {school_type.id: school_type for school_type in services.school_types}
        self.tiers = {phase.id: [tier.id for tier in phase.tiers] for phase in services.phases}
        self.contacts = [contact.id for contact in services.contacts]
        self.offers = [offer.id for offer in services.offers]
        self.price_lists = [price_list.id for price_list in prices.price_lists]
        self.clauses = [clause.id for _, clause in clause_tree(services.sections, ("sections",))]
        self.numbers = dict(clause_numbers(services.sections))
        self.terms = list(type(services.terms).model_fields)
        self.notes = [note.id for note in site.edition.notes]
        self.provider = list(type(services.provider).model_fields)

    # -- problems and references, for every check --------------------------------

    def problem(self, path: Path, message: str, file: YamlFile | None = None) -> Problem:
        return (file or self.sfile).problem(path, message)

    def duplicates(self, ids: Sequence[tuple[Path, str]], what: str,
                   file: YamlFile | None = None) -> Iterator[Problem]:
        seen: dict[str, Path] = {}
        for path, value in ids:
            if value in seen:
                line = (file or self.sfile).line_of(seen[value])
                yield self.problem(path, f"duplicate {what} '{value}' (first used at line {line}); "
                                         f"each {what} must be unique", file)
            else:
                seen[value] = path

    def tier_ref(self, path: Path, phase: str, tier: str, file: YamlFile | None = None) -> Iterator[Problem]:
        if phase in self.tiers and tier not in self.tiers[phase]:
            yield self.problem(path, f"unknown tier '{tier}' for phase {phase} {one_of(self.tiers[phase])}", file)

    def unknown_school_type(self, path: Path, type_id: str, file: YamlFile) -> Problem:
        return self.problem(path, f"unknown school type '{type_id}' {one_of(list(self.school_types))}", file)

    def phase_ref(self, path: Path, phase: str, file: YamlFile | None = None) -> Iterator[Problem]:
        if phase not in self.phases:
            yield self.problem(path, f"unknown phase '{phase}' {one_of(list(self.phases))}", file)

    def note_ref(self, path: Path, note: str) -> Iterator[Problem]:
        if note not in self.notes:
            yield self.problem(path, f"unknown edition note '{note}' in site.yaml {one_of(self.notes)}")

    def tier_key_problem(self, key: str) -> str | None:
        phase, slash, tier = key.partition("/")
        if not slash or phase not in self.tiers:
            every = [f"{phase_id}/{tier_id}" for phase_id, tiers in self.tiers.items() for tier_id in tiers]
            return f"'{key}' is not a tier; write phase/tier {one_of(every)}"
        if tier not in self.tiers[phase]:
            return f"unknown tier '{tier}' for phase {phase} {one_of(self.tiers[phase])}"
        return None
