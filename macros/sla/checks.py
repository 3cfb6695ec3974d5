"""Checks of references within and between the data files.

The models check each file's shape; these checks run once all the files have the
right shape, and report every broken reference at once, each at its line.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

from pydantic import BaseModel

from .models import WEB_ADDRESS_EXAMPLE, Clause, Matrix, Prices, School, Schools, SchoolType, Services, SiteInfo
from .paths import HELP_PLACES, SEARCH_PAGES
from .problems import Path, Problem, one_of, shorten
from .review import changed_since_review
from .text import KINDS, PLACEHOLDER, WORKING_KEYS, join_words, slugify, split, stray_braces
from .yamlfile import YamlFile

SIMPLE_BLOCKS = ("escalation", "service-levels", "response-standards", "supported-software",
                 "package-prices", "service-prices", "deadline-calculator")
BLOCKS_WITH_ID = ("contact", "tier", "offer", "price-list", "matrix")
TITLED_BLOCKS = ("tier", "offer")
"""A clause showing one of these takes its heading from it."""


def find_problems(services: Services, prices: Prices, schools: Schools, site: SiteInfo,
                  sfile: YamlFile, pfile: YamlFile, schools_file: YamlFile, site_file: YamlFile) -> list[Problem]:
    """Every broken reference in the data files."""
    return list(_Checker(services, prices, schools, site, sfile, pfile, schools_file, site_file).run())


def find_warnings(services: Services, site: SiteInfo, sfile: YamlFile, site_file: YamlFile,
                  today: datetime.date | None = None, fingerprints: dict[str, str] | None = None) -> list[Problem]:
    """What the data lacks, or lets lapse, that the site can do without but an officer should see to;
    `fingerprints` are the data files' as read (see `review`)."""
    today = today or datetime.date.today()
    warnings = []
    if fingerprints is not None:
        warnings += _review_warnings(site, site_file, fingerprints)
    due = datetime.date.fromisoformat(site.review.next_review_due)
    if due < today:
        warnings.append(site_file.problem(("review", "next_review_due"), (
            f"the yearly review was due on {due.isoformat()} and is overdue; review the specification and prices, "
            f"then run `make reviewed` and set next_review_due a year on")))
    statement = datetime.date.fromisoformat(site.accessibility.last_reviewed)
    if statement < today - datetime.timedelta(days=365):
        warnings.append(site_file.problem(("accessibility", "last_reviewed"), (
            f"the accessibility statement was last reviewed on {statement.isoformat()}, more than a year ago; "
            f"review it and update last_reviewed")))
    accessibility = site.accessibility
    if not accessibility.contact.given or not accessibility.reply_within.strip():
        lacking = [words for words, empty in (("contact", not accessibility.contact.given),
                                              ("reply time", not accessibility.reply_within.strip())) if empty]
        warnings.append(site_file.problem(("accessibility", "contact"), (
            f"the accessibility statement has no {join_words(lacking, 'and no')}, which the accessibility "
            "regulations require; fill in contact (name, email, telephone) and reply_within under accessibility "
            "when the council has decided them")))
    if site.web_address is None:
        warnings.append(site_file.problem(("web_address",), (
            "not set: the page for an address that does not exist works only if the site is published "
            "at the root of its server, and sitemap.xml lists no pages; set web_address to the address of the "
            f"site's home page, e.g. {WEB_ADDRESS_EXAMPLE}")))
    desk = services.service_desk
    missing = {key: words for key, words in SERVICE_DESK_DETAILS.items() if getattr(desk, key) is None}
    if not missing:
        return warnings
    return warnings + [sfile.problem(("service_desk",), (
        f"no {join_words(list(missing.values()), 'or')} for the {desk.name}; pages tell schools to log calls with "
        f"it but cannot say how to reach it. Add {join_words([f'`{key}:`' for key in missing])} under service_desk "
        f"when the council confirms them"))]


def _review_warnings(site: SiteInfo, site_file: YamlFile, fingerprints: dict[str, str]) -> list[Problem]:
    """The banner claims the review only for data as reviewed: say why it does not, and what to run."""
    reviewed = site.review.last_reviewed
    if not site.review.reviewed_data:
        return [site_file.problem(("review", "last_reviewed"), (
            f"there is no record of which data the review of {reviewed} covered, so pages do not show "
            "'Last reviewed'; once you have reviewed the site, run `make reviewed`, which records the date "
            "and the data"))]
    changed = changed_since_review(site.review.reviewed_data, fingerprints)
    if not changed:
        return []
    files = join_words([f"data/{name}" for name in changed])
    return [site_file.problem(("review", "reviewed_data"), (
        f"{files} changed after the review of {reviewed}, so pages no longer show 'Last reviewed'; review "
        "the changes (`make serve`), then run `make reviewed`"))]


SEARCH_TARGET_WORDS = {"clause": "clause id", "contact": "contact id", "priority": "priority level",
                       "school-type": "school type id", "compare": "phase id", "page": "page", "help": "help"}
"""What the id of each kind of search target is, in messages."""

SERVICE_DESK_DETAILS = {"telephone": "telephone number", "email": "e-mail address", "hours": "opening hours"}

TYPED_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[.:]\d{2}\b", re.IGNORECASE)
TYPED_DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
"""A time of day or a weekday typed into the words of the working day."""
TYPED_NUMBER = re.compile(r"\b(?:section|clause|paragraph)s?\s+(\d+(?:\.\d+)*)\b(?!\s+of\b)", re.IGNORECASE)
"""A clause number typed into a text ("see section 5.4"), not a section of something else ("section 3 of the
Act"). Edition notes in site.yaml quote the published copy's numbers, and are not checked."""

MAX_SLUG = 100
"""The longest page address of a school (schools/<slug>/): longer ones break on some computers."""
RESERVED_SLUGS = {"index": "it is the address of the schools index (Find your school), which the school's page would "
                           "replace"}
RESERVED_SLUGS |= {name: f"{name.upper()} is a name Windows reserves, so the site could not be copied to a "
                         "Windows computer"
                   for name in ("con", "aux", "nul", "prn", *(f"com{n}" for n in range(1, 10)),
                                *(f"lpt{n}" for n in range(1, 10)))}
"""Page addresses a school cannot have, and why."""


def school_slug(school: School) -> str:
    """The address of a school's page: its `slug`, or one made from its name."""
    return school.slug or slugify(school.name)


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


class _Checker:
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

    def run(self) -> Iterator[Problem]:
        yield from self._unique_ids()
        yield from self._school_types()
        yield from self._tiers()
        yield from self._matrix()
        yield from self._escalation()
        yield from self._offers()
        yield from self._sections()
        yield from self._response_standards()
        yield from self._prices()
        yield from self._schools()
        yield from self._site()
        yield from self._search()
        yield from self._glossary()
        yield from self._placeholders(self.s, (), self.sfile)
        yield from self._placeholders(self.p, (), self.pfile)
        yield from self._placeholders(self.schools, (), self.schools_file)
        yield from self._placeholders(self.site, (), self.site_file)

    # -- helpers -------------------------------------------------------------

    def _problem(self, path: Path, message: str, file: YamlFile | None = None) -> Problem:
        return (file or self.sfile).problem(path, message)

    def _duplicates(self, ids: Sequence[tuple[Path, str]], what: str,
                    file: YamlFile | None = None) -> Iterator[Problem]:
        seen: dict[str, Path] = {}
        for path, value in ids:
            if value in seen:
                line = (file or self.sfile).line_of(seen[value])
                yield self._problem(path, f"duplicate {what} '{value}' (first used at line {line}); "
                                          f"each {what} must be unique", file)
            else:
                seen[value] = path

    def _tier_ref(self, path: Path, phase: str, tier: str, file: YamlFile | None = None) -> Iterator[Problem]:
        if phase in self.tiers and tier not in self.tiers[phase]:
            yield self._problem(path, f"unknown tier '{tier}' for phase {phase} {one_of(self.tiers[phase])}", file)

    def _unknown_school_type(self, path: Path, type_id: str, file: YamlFile) -> Problem:
        return self._problem(path, f"unknown school type '{type_id}' {one_of(list(self.school_types))}", file)

    def _phase_ref(self, path: Path, phase: str, file: YamlFile | None = None) -> Iterator[Problem]:
        if phase not in self.phases:
            yield self._problem(path, f"unknown phase '{phase}' {one_of(list(self.phases))}", file)

    # -- services.yaml -------------------------------------------------------

    def _unique_ids(self) -> Iterator[Problem]:
        s = self.s
        yield from self._duplicates([(("contacts", i, "id"), c.id) for i, c in enumerate(s.contacts)], "contact id")
        yield from self._duplicates([(("school_types", i, "id"), t.id) for i, t in enumerate(s.school_types)],
                                    "school type id")
        yield from self._duplicates([(("phases", i, "id"), p.id) for i, p in enumerate(s.phases)], "phase id")
        for i, phase in enumerate(s.phases):
            yield from self._duplicates(
                [(("phases", i, "tiers", j, "id"), t.id) for j, t in enumerate(phase.tiers)], "tier id")
        yield from self._duplicates([(("offers", i, "id"), o.id) for i, o in enumerate(s.offers)], "offer id")
        yield from self._duplicates(
            [(path + ("id",), clause.id) for path, clause in clause_tree(s.sections, ("sections",))], "clause id")
        yield from self._duplicates([(("matrices", m, "phase"), matrix.phase) for m, matrix in enumerate(s.matrices)],
                                    "matrix for phase")
        for m, matrix in enumerate(s.matrices):
            yield from self._duplicates(
                [(("matrices", m, "legend", i, "code"), e.code) for i, e in enumerate(matrix.legend)], "legend code")
            rows = [(("matrices", m, "groups", g, "rows", r, "service"), f"{group.name} / {row.service}")
                    for g, group in enumerate(matrix.groups) for r, row in enumerate(group.rows)]
            yield from self._duplicates(rows, "matrix row (group / service)")
        yield from self._duplicates(
            [(("response_standards", "priorities", i, "level"), str(p.level))
             for i, p in enumerate(s.response_standards.priorities)], "priority level")

    def _school_types(self) -> Iterator[Problem]:
        for i, school_type in enumerate(self.s.school_types):
            path = ("school_types", i)
            if school_type.phase not in self.phases:
                yield from self._phase_ref(path + ("phase",), school_type.phase)
                continue
            named: Counter[str] = Counter()
            for key in ("no_additional_cost", "additional_cost"):
                for j, tier in enumerate(getattr(school_type, key)):
                    named[tier] += 1
                    yield from self._tier_ref(path + (key, j), school_type.phase, tier)
            for tier in self.tiers[school_type.phase]:
                if named[tier] == 0:
                    yield self._problem(path, f"tier '{tier}' is in neither no_additional_cost nor "
                                              f"additional_cost; list each tier of {school_type.phase} once")
                elif named[tier] > 1:
                    yield self._problem(path, f"tier '{tier}' is listed more than once; "
                                              f"list each tier of {school_type.phase} once")

    def _tiers(self) -> Iterator[Problem]:
        for i, phase in enumerate(self.s.phases):
            parents = {tier.id: tier.builds_on for tier in phase.tiers}
            for j, tier in enumerate(phase.tiers):
                for k, note in enumerate(tier.edition_notes):
                    yield from self._note_ref(("phases", i, "tiers", j, "edition_notes", k), note)
                path = ("phases", i, "tiers", j, "builds_on")
                if tier.builds_on is None:
                    continue
                if tier.builds_on not in parents:
                    yield from self._tier_ref(path, phase.id, tier.builds_on)
                    continue
                chain: list[str] = [tier.id]
                current: str | None = tier.builds_on
                while current is not None and current in parents and current not in chain:
                    chain.append(current)
                    current = parents[current]
                if current == tier.id:
                    loop = " → ".join(chain + [tier.id])
                    yield self._problem(path, f"'builds on' goes round in a circle ({loop}); "
                                              f"the first tier of a phase builds on nothing")
            for j, exclusions in enumerate(phase.exclusions):
                for k, tier_id in enumerate(exclusions.applies_to):
                    yield from self._tier_ref(("phases", i, "exclusions", j, "applies_to", k), phase.id, tier_id)

    def _matrix(self) -> Iterator[Problem]:
        for m, matrix in enumerate(self.s.matrices):
            yield from self._one_matrix(("matrices", m), matrix)

    def _one_matrix(self, at: Path, matrix: Matrix) -> Iterator[Problem]:
        if matrix.phase not in self.phases:
            yield from self._phase_ref(at + ("phase",), matrix.phase)
            return
        tiers = self.tiers[matrix.phase]
        codes = [entry.code for entry in matrix.legend]
        unknown: dict[str, list[Path]] = {}
        for g, group in enumerate(matrix.groups):
            for r, row in enumerate(group.rows):
                path = at + ("groups", g, "rows", r, "codes")
                for tier, code in row.codes.items():
                    if tier not in tiers:
                        unknown.setdefault(tier, []).append(path + (tier,))
                    elif code not in codes:
                        yield self._problem(path + (tier,), f"unknown code '{code}' {one_of(codes)}")
                if row.edition_note is not None:
                    yield from self._note_ref(at + ("groups", g, "rows", r, "edition_note"), row.edition_note)
                offers = [offer.id for offer in self.s.offers]
                if row.offer is not None and row.offer not in offers:
                    yield self._problem(at + ("groups", g, "rows", r, "offer"),
                                        f"unknown offer '{row.offer}' {one_of(offers)}")
                for tier in tiers:
                    if tier not in row.codes:
                        yield self._problem(path, f"no code for tier '{tier}'; every row needs a code for each "
                                                  f"tier of {matrix.phase} ({', '.join(tiers)})")
        for tier, paths in unknown.items():
            if len(paths) == 1:
                yield from self._tier_ref(paths[0], matrix.phase, tier)
                continue
            lines = [self.sfile.line_of(path) for path in paths]
            listed = ", ".join(map(str, lines)) if len(lines) <= 8 else \
                f"{', '.join(map(str, lines[:6]))}, … {lines[-1]}"
            yield self._problem(paths[0], (
                f"unknown tier '{tier}' for phase {matrix.phase} {one_of(tiers)} in {len(paths)} rows of the matrix "
                f"(lines {listed}); remove `{tier}` from these {len(paths)} rows, or add the tier back to phase "
                f"{matrix.phase}"))

    def _escalation(self) -> Iterator[Problem]:
        for i, step in enumerate(self.s.escalation):
            if step.contact is not None and step.contact not in self.contacts:
                yield self._problem(("escalation", i, "contact"),
                                    f"unknown contact '{step.contact}' {one_of(self.contacts)}")

    def _offers(self) -> Iterator[Problem]:
        for i, offer in enumerate(self.s.offers):
            if offer.price_list is not None and offer.price_list not in self.price_lists:
                yield self._problem(("offers", i, "price_list"), f"unknown price list '{offer.price_list}' "
                                                                 f"in prices.yaml {one_of(self.price_lists)}")

    def _sections(self) -> Iterator[Problem]:
        for i, section in enumerate(self.s.sections):
            if section.title is None:
                yield self._problem(("sections", i), "a section needs a title")
        shown: dict[str, Path] = {}
        for path, clause in clause_tree(self.s.sections, ("sections",)):
            titled = clause.title or any(block.partition(":")[0] in TITLED_BLOCKS for block in clause.show)
            if not titled and not clause.text and len(path) > 2:  # a section without a title is reported above
                yield self._problem(path, "a clause without a title needs text for its number to stand before")
            for k, note in enumerate(clause.edition_notes):
                yield from self._note_ref(path + ("edition_notes", k), note)
            if clause.summary is not None:
                yield from self._summary(path, clause)
            elif clause.summary_label is not None:
                yield self._problem(path + ("summary_label",), "a summary_label labels the clause's summary; "
                                                               "add a summary, or remove the label")
            for k, block in enumerate(clause.show):
                here = path + ("show", k)
                problem = self._block_problem(block)
                if problem:
                    yield self._problem(here, problem)
                elif ":" in block:
                    if block in shown:
                        line = self.sfile.line_of(shown[block])
                        yield self._problem(here, f"'{block}' is already shown at line {line}; "
                                                  f"show each item once and link to it with {{section:id}}")
                    shown[block] = here

    def _response_standards(self) -> Iterator[Problem]:
        """The working day's words show its hours and days through placeholders, never typed out, so that they
        cannot disagree with the hours and days the calculator counts; each day is listed once."""
        standards, path = self.s.response_standards, ("response_standards",)
        text = PLACEHOLDER.sub("", standards.working_day)
        for typed, placeholder, key in ((TYPED_TIME, "{working:start} or {working:end}", "working_hours"),
                                        (TYPED_DAY, "{working:days}", "working_days")):
            found = typed.search(text)
            if found:
                yield self._problem(path + ("working_day",), (
                    f"'{found.group(0)}' is typed out; write {placeholder} instead, which shows {key} (line "
                    f"{self.sfile.line_of(path + (key,))}), so that the words and the calculator agree"))
        yield from self._duplicates([(path + ("working_days", i), day) for i, day in enumerate(standards.working_days)],
                                    "working day")
        for k, note in enumerate(standards.edition_notes):
            yield from self._note_ref(path + ("edition_notes", k), note)
        if standards.tiers_note is not None:
            yield from self._note_ref(path + ("tiers_note",), standards.tiers_note)
        for k, clause_id in enumerate(standards.conditions):
            if clause_id not in self.clauses:
                yield self._problem(path + ("conditions", k), (
                    f"unknown clause id '{clause_id}' {one_of(self.clauses, clause_id)}; list the clauses whose "
                    "words qualify the target times, e.g. reactive-services"))

    def _summary(self, path: Path, clause: Clause) -> Iterator[Problem]:
        """A summary keeps the clause's conditions: every term and tier its text uses."""
        def facts(texts: list[str]) -> list[str]:
            return [f"{{{part.kind}:{part.key}}}" for text in texts for part in split(text)
                    if not isinstance(part, str) and part.kind in ("term", "tier")]

        summarised = facts([clause.summary or ""])
        for fact in dict.fromkeys(facts(clause.text)):
            if fact not in summarised:
                yield self._problem(path + ("summary",), (
                    f"the summary leaves out {fact}, which the clause's text states; a summary must keep every "
                    f"condition of its clause, so use {fact} in it"))

    def _glossary(self) -> Iterator[Problem]:
        """Each word once, and its edition note known."""
        seen: dict[str, str] = {}
        for i, entry in enumerate(self.site.glossary):
            for k, word in enumerate([entry.term, *entry.also]):
                key = ("glossary", i, "term") if k == 0 else ("glossary", i, "also", k - 1)
                if word in seen:
                    yield self._problem(key, f"'{word}' is already in the glossary, as '{seen[word]}'; "
                                             "list each word once", self.site_file)
                seen.setdefault(word, entry.term)
            if entry.edition_note is not None:
                yield from self._note_ref(("glossary", i, "edition_note"), entry.edition_note, self.site_file)
            elif entry.added:
                yield self._problem(("glossary", i, "added"), (
                    "words the site adds need an edition note that says so: add `edition_note:` with the id of a "
                    f"note of kind 'added' under edition {one_of(self.notes)}"), self.site_file)

    def _note_ref(self, path: Path, note: str, file: YamlFile | None = None) -> Iterator[Problem]:
        if note not in self.notes:
            yield self._problem(path, f"unknown edition note '{note}' in site.yaml {one_of(self.notes)}", file)

    def _block_problem(self, block: str) -> str | None:
        kind, colon, key = block.partition(":")
        if not colon:
            if kind in SIMPLE_BLOCKS:
                return None
            return f"unknown block '{block}' {one_of(list(SIMPLE_BLOCKS) + [k + ':…' for k in BLOCKS_WITH_ID])}"
        if kind == "contact" and key not in self.contacts:
            return f"unknown contact '{key}' {one_of(self.contacts)}"
        if kind == "offer" and key not in self.offers:
            return f"unknown offer '{key}' {one_of(self.offers)}"
        if kind == "price-list" and key not in self.price_lists:
            return f"unknown price list '{key}' {one_of(self.price_lists)}"
        if kind == "tier":
            return self._tier_key_problem(key)
        if kind == "matrix" and key not in [matrix.phase for matrix in self.s.matrices]:
            return f"no matrix for phase '{key}' {one_of([matrix.phase for matrix in self.s.matrices])}"
        if kind not in BLOCKS_WITH_ID:
            return f"unknown block '{block}' {one_of(list(SIMPLE_BLOCKS) + [k + ':…' for k in BLOCKS_WITH_ID])}"
        return None

    def _tier_key_problem(self, key: str) -> str | None:
        phase, slash, tier = key.partition("/")
        if not slash or phase not in self.tiers:
            every = [f"{phase_id}/{tier_id}" for phase_id, tiers in self.tiers.items() for tier_id in tiers]
            return f"'{key}' is not a tier; write phase/tier {one_of(every)}"
        if tier not in self.tiers[phase]:
            return f"unknown tier '{tier}' for phase {phase} {one_of(self.tiers[phase])}"
        return None

    # -- prices.yaml ---------------------------------------------------------

    def _prices(self) -> Iterator[Problem]:
        p, file = self.p, self.pfile
        yield from self._duplicates([(("price_lists", i, "id"), pl.id) for i, pl in enumerate(p.price_lists)],
                                    "price list id", file)
        for i, price_list in enumerate(p.price_lists):
            for j, phase in enumerate(price_list.phases):
                yield from self._phase_ref(("price_lists", i, "phases", j), phase, file)
            for g, group in enumerate(price_list.groups):
                for k, item in enumerate(group.items):
                    for phase in item.prices:
                        if phase not in price_list.phases:
                            yield self._problem(("price_lists", i, "groups", g, "items", k, "prices", phase),
                                                f"phase '{phase}' is not a column of this price list "
                                                f"{one_of(price_list.phases)}", file)
        packages = []
        for i, package in enumerate(p.package_prices):
            path = ("package_prices", i)
            packages.append((path, f"{package.school_type}/{package.tier}"))
            school_type = self.school_types.get(package.school_type)
            if school_type is None:
                yield self._unknown_school_type(path + ("school_type",), package.school_type, file)
            elif school_type.phase in self.tiers:  # an unknown phase is reported at the school type
                if package.tier in self.tiers[school_type.phase]:
                    yield from self._package_cost(path, package.tier, package.price, school_type)
                else:
                    yield from self._tier_ref(path + ("tier",), school_type.phase, package.tier, file)
        yield from self._duplicates(packages, "package price (school type/tier)", file)

    def _package_cost(self, path: Path, tier: str, price: Decimal,
                      school_type: SchoolType) -> Iterator[Problem]:
        """A price must not contradict what services.yaml says a tier costs this school type."""
        index = list(self.school_types).index(school_type.id)
        if tier in school_type.no_additional_cost:
            line = self.sfile.line_of(("school_types", index, "no_additional_cost"))
            yield self._problem(path, (
                f"{tier} comes at no additional cost to {school_type.id} (services.yaml line {line}), so it cannot "
                f"have a price; remove this price, or move {tier} to additional_cost there"), self.pfile)
        elif price == 0:
            line = self.sfile.line_of(("school_types", index, "additional_cost"))
            yield self._problem(path + ("price",), (
                f"a price of 0 contradicts 'additional cost' for {tier} and {school_type.id} (services.yaml line "
                f"{line}); give the price, or move {tier} to no_additional_cost there"), self.pfile)

    # -- schools.yaml --------------------------------------------------------

    def _schools(self) -> Iterator[Problem]:
        file = self.schools_file
        seen: dict[str, Path] = {}
        for i, school in enumerate(self.schools.schools):
            path = ("schools", i)
            school_type = self.school_types.get(school.school_type)
            if school_type is None:
                yield self._unknown_school_type(path + ("school_type",), school.school_type, file)
            else:
                yield from self._tier_ref(path + ("tier",), school_type.phase, school.tier, file)
            slug = school_slug(school)
            where = path + ("slug",) if school.slug else path + ("name",)
            if not slug:
                yield self._problem(where, "the name has no letters or digits to make a page address from; "
                                           "add a slug (lower-case letters, digits and hyphens)", file)
            elif len(slug) > MAX_SLUG:
                shorter = "-".join(slug[:MAX_SLUG].split("-")[:5])
                what = "the slug" if school.slug else "the page address made from the name"
                yield self._problem(where, (
                    f"{what} is {len(slug)} characters long (at most {MAX_SLUG}); "
                    f"{'shorten the slug' if school.slug else 'add a shorter slug'}, e.g. slug: {shorter}"), file)
            elif slug in RESERVED_SLUGS:
                fix = "give a different slug" if school.slug else "add a slug"
                yield self._problem(where, (
                    f"page address schools/{slug}/ cannot be used: {RESERVED_SLUGS[slug]}; {fix}, e.g. "
                    f"slug: {slug}-school"), file)
            elif slug in seen:
                yield self._problem(where, f"page address schools/{slug}/ is already used by the school at line "
                                           f"{file.line_of(seen[slug])}; give one of them a different slug", file)
            else:
                seen[slug] = path

    # -- site.yaml -----------------------------------------------------------

    def _site(self) -> Iterator[Problem]:
        statement, file = self.site.accessibility, self.site_file
        today = datetime.date.today()
        for key in ("prepared", "last_reviewed", "last_tested"):
            if datetime.date.fromisoformat(getattr(statement, key)) > today:
                yield self._problem(("accessibility", key), (
                    f"{getattr(statement, key)} is in the future (today is {today.isoformat()}); "
                    f"write the date it was done"), file)
        yield from self._duplicates([(("edition", "notes", i, "id"), note.id)
                                     for i, note in enumerate(self.site.edition.notes)], "edition note id", file)
        review = self.site.review
        if datetime.date.fromisoformat(review.last_reviewed) > today:
            yield self._problem(("review", "last_reviewed"), (
                f"{review.last_reviewed} is in the future (today is {today.isoformat()}); write the date it was done"),
                file)
        if review.next_review_due <= review.last_reviewed:
            yield self._problem(("review", "next_review_due"), (
                f"{review.next_review_due} is not after the last review ({review.last_reviewed}); the next review is "
                f"due after it, usually a year later"), file)
        if statement.last_reviewed < statement.prepared:
            yield self._problem(("accessibility", "last_reviewed"), (
                f"{statement.last_reviewed} is before the statement was prepared ({statement.prepared}, line "
                f"{file.line_of(('accessibility', 'prepared'))}); a statement is reviewed on or after the day "
                f"it was prepared"), file)

    def _search(self) -> Iterator[Problem]:
        """Each synonym leads to places that exist, and each word is listed once."""
        file, valid = self.site_file, self._search_targets()
        words: list[tuple[Path, str]] = []
        for i, synonym in enumerate(self.site.search.synonyms):
            path = ("search", "synonyms", i)
            words += [(path + ("words", k), word.casefold()) for k, word in enumerate(synonym.words)]
            listed = isinstance(file.value_at(path + ("targets",)), list)  # or one target, without a list
            for k, target in enumerate(synonym.targets):
                here = path + ("targets", k) if listed else path + ("targets",)
                kind, colon, key = target.partition(":")
                if not colon or kind not in valid:
                    yield self._problem(here, f"'{target}' is not a search target; write kind:id, such as "
                                              f"clause:notice-period {one_of([f'{kind}:…' for kind in valid])}", file)
                elif kind == "contact" and key in self.contacts and key not in valid[kind]:
                    yield self._problem(here, (
                        f"'{target}': no page shows this contact's card, so search has nowhere to lead; add them to "
                        f"the escalation route in services.yaml or show 'contact:{key}' in a clause, or choose a "
                        f"contact that is shown {one_of(valid[kind], key)}"), file)
                elif kind == "priority" and not valid[kind]:
                    yield self._problem(here, (
                        f"'{target}': no clause shows the response standards ('response-standards' under show: in "
                        f"services.yaml), so search has nowhere to lead"), file)
                elif key not in valid[kind]:
                    yield self._problem(here, (
                        f"unknown {SEARCH_TARGET_WORDS[kind]} '{key}' in '{target}' {one_of(valid[kind], key)}"), file)
        yield from self._duplicates(words, "search word", file)

    def _search_targets(self) -> dict[str, list[str]]:
        """For each kind of search target, the ids it may name: for contacts and priorities, only those a page
        shows (search.py `target_place` leads to the card or the row)."""
        shown = {block for _, clause in clause_tree(self.s.sections, ("sections",)) for block in clause.show}
        routed = [step.contact for step in self.s.escalation if step.contact] if "escalation" in shown else []
        contacts = [key for key in self.contacts if key in routed or f"contact:{key}" in shown]
        priorities = [str(p.level) for p in self.s.response_standards.priorities] \
            if "response-standards" in shown else []
        return {"clause": self.clauses, "contact": contacts, "priority": priorities,
                "school-type": list(self.school_types), "compare": list(self.phases), "page": list(SEARCH_PAGES),
                "help": list(HELP_PLACES)}

    # -- text in all files ---------------------------------------------------

    def _placeholders(self, model: BaseModel, path: Path, file: YamlFile) -> Iterator[Problem]:
        for name in type(model).model_fields:
            if name == "show":
                continue
            yield from self._placeholders_in(getattr(model, name), path + (name,), file)

    def _placeholders_in(self, value: object, path: Path, file: YamlFile) -> Iterator[Problem]:
        if isinstance(value, BaseModel):
            yield from self._placeholders(value, path, file)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from self._placeholders_in(item, path + (index,), file)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from self._placeholders_in(item, path + (key,), file)
        elif isinstance(value, str):
            yield from self._check_text(value, path, file)

    def _check_text(self, text: str, path: Path, file: YamlFile) -> Iterator[Problem]:
        """Placeholders in a text, each problem at the line of the text where it is."""
        def at(words: str, message: str) -> Problem:
            return Problem(file.name, file.line_containing(path, words), file.where(path), message)

        if stray_braces(text):
            yield self._problem(path, "unmatched '{' or '}'; braces are only for placeholders such as "
                                      "{section:responsiveness}", file)
        if not (file is self.site_file and path[:1] == ("edition",)):
            yield from self._typed_numbers(text, at)
        for part in split(text):
            if isinstance(part, str):
                continue
            valid = {"section": self.clauses, "term": self.terms, "provider": self.provider,
                     "working": list(WORKING_KEYS)}
            if part.kind not in KINDS:
                yield at(str(part), f"unknown placeholder '{shorten(str(part))}' "
                                    f"(valid: {{section:id}}, {{term:name}}, {{tier:phase/id}}, "
                                    f"{{provider:field}}, {{working:start|end|days}})")
            elif part.kind == "tier":
                problem = self._tier_key_problem(part.key)
                if problem:
                    yield at(str(part), f"in '{part}': {problem}")
            elif part.key not in valid[part.kind]:
                what = {"section": "clause id", "term": "term", "provider": "provider field",
                        "working": "working-day detail"}[part.kind]
                yield at(str(part), f"in '{shorten(str(part))}': unknown {what} '{part.key}' "
                                    f"{one_of(valid[part.kind], part.key)}")

    def _typed_numbers(self, text: str, at: Callable[[str, str], Problem]) -> Iterator[Problem]:
        """A clause number typed into a text goes wrong when clauses are added: `{section:id}` stays right."""
        for found in TYPED_NUMBER.finditer(PLACEHOLDER.sub("", text)):
            typed, number = " ".join(found.group(0).split()), found.group(1)
            clause_id = self.numbers.get(number)
            if clause_id:
                yield at(number, (
                    f"'{typed}' is typed out; write {{section:{clause_id}}} instead (the clause numbered {number} "
                    f"now), which the site shows as 'section {number}' with a link and keeps right when clauses are "
                    "renumbered"))
            else:
                yield at(number, (
                    f"'{typed}' is typed out, and no clause is numbered {number}; write {{section:id}} with the id "
                    f"of the clause meant {one_of(self.clauses, '')}, which the site shows with its number and a link"))
