"""The clauses of services.yaml: titles, summaries that keep their clause's conditions, the blocks a clause
shows (each item once), and the response standards' words and references."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Clause
from ..problems import Path, Problem, one_of
from ..text import PLACEHOLDER, split
from .known import Known, clause_tree

SIMPLE_BLOCKS = ("escalation", "service-levels", "response-standards", "supported-software",
                 "package-prices", "service-prices", "deadline-calculator")
BLOCKS_WITH_ID = ("contact", "tier", "offer", "price-list", "matrix")
TITLED_BLOCKS = ("tier", "offer")
"""A clause showing one of these takes its heading from it."""

TYPED_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[.:]\d{2}\b", re.IGNORECASE)
TYPED_DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
"""A time of day or a weekday typed into the words of the working day."""


def clause_problems(known: Known) -> Iterator[Problem]:
    """Every problem of the clauses and of the response standards."""
    yield from _sections(known)
    yield from _response_standards(known)


def _sections(known: Known) -> Iterator[Problem]:
    for i, section in enumerate(known.s.sections):
        if section.title is None:
            yield known.problem(("sections", i), "a section needs a title")
    shown: dict[str, Path] = {}
    for path, clause in clause_tree(known.s.sections, ("sections",)):
        titled = clause.title or any(block.partition(":")[0] in TITLED_BLOCKS for block in clause.show)
        if not titled and not clause.text and len(path) > 2:  # a section without a title is reported above
            yield known.problem(path, "a clause without a title needs text for its number to stand before")
        for k, note in enumerate(clause.edition_notes):
            yield from known.note_ref(path + ("edition_notes", k), note)
        if clause.summary is not None:
            yield from _summary(known, path, clause)
        elif clause.summary_label is not None:
            yield known.problem(path + ("summary_label",), "a summary_label labels the clause's summary; "
                                                           "add a summary, or remove the label")
        for k, block in enumerate(clause.show):
            here = path + ("show", k)
            problem = _block_problem(known, block)
            if problem:
                yield known.problem(here, problem)
            elif ":" in block:
                if block in shown:
                    line = known.sfile.line_of(shown[block])
                    yield known.problem(here, f"'{block}' is already shown at line {line}; "
                                              f"show each item once and link to it with {{section:id}}")
                shown[block] = here


def _response_standards(known: Known) -> Iterator[Problem]:
    """The working day's words show its hours and days through placeholders, never typed out, so that they
    cannot disagree with the hours and days the calculator counts; each day is listed once."""
    standards, path = known.s.response_standards, ("response_standards",)
    text = PLACEHOLDER.sub("", standards.working_day)
    for typed, placeholder, key in ((TYPED_TIME, "{working:start} or {working:end}", "working_hours"),
                                    (TYPED_DAY, "{working:days}", "working_days")):
        found = typed.search(text)
        if found:
            yield known.problem(path + ("working_day",), (
                f"'{found.group(0)}' is typed out; write {placeholder} instead, which shows {key} (line "
                f"{known.sfile.line_of(path + (key,))}), so that the words and the calculator agree"))
    yield from known.duplicates([(path + ("working_days", i), day) for i, day in enumerate(standards.working_days)],
                                "working day")
    for k, note in enumerate(standards.edition_notes):
        yield from known.note_ref(path + ("edition_notes", k), note)
    if standards.tiers_note is not None:
        yield from known.note_ref(path + ("tiers_note",), standards.tiers_note)
    for k, clause_id in enumerate(standards.conditions):
        if clause_id not in known.clauses:
            yield known.problem(path + ("conditions", k), (
                f"unknown clause id '{clause_id}' {one_of(known.clauses, clause_id)}; list the clauses whose "
                "words qualify the target times, e.g. reactive-services"))


def _summary(known: Known, path: Path, clause: Clause) -> Iterator[Problem]:
    """A summary keeps the clause's conditions: every term and tier its text uses."""
    def facts(texts: list[str]) -> list[str]:
        return [f"{{{part.kind}:{part.key}}}" for text in texts for part in split(text)
                if not isinstance(part, str) and part.kind in ("term", "tier")]

    summarised = facts([clause.summary or ""])
    for fact in dict.fromkeys(facts(clause.text)):
        if fact not in summarised:
            yield known.problem(path + ("summary",), (
                f"the summary leaves out {fact}, which the clause's text states; a summary must keep every "
                f"condition of its clause, so use {fact} in it"))


def _block_problem(known: Known, block: str) -> str | None:
    kind, colon, key = block.partition(":")
    if not colon:
        if kind in SIMPLE_BLOCKS:
            return None
        return f"unknown block '{block}' {one_of(list(SIMPLE_BLOCKS) + [k + ':…' for k in BLOCKS_WITH_ID])}"
    if kind == "contact" and key not in known.contacts:
        return f"unknown contact '{key}' {one_of(known.contacts)}"
    if kind == "offer" and key not in known.offers:
        return f"unknown offer '{key}' {one_of(known.offers)}"
    if kind == "price-list" and key not in known.price_lists:
        return f"unknown price list '{key}' {one_of(known.price_lists)}"
    if kind == "tier":
        return known.tier_key_problem(key)
    if kind == "matrix" and key not in [matrix.phase for matrix in known.s.matrices]:
        return f"no matrix for phase '{key}' {one_of([matrix.phase for matrix in known.s.matrices])}"
    if kind not in BLOCKS_WITH_ID:
        return f"unknown block '{block}' {one_of(list(SIMPLE_BLOCKS) + [k + ':…' for k in BLOCKS_WITH_ID])}"
    return None
