"""Placeholders in every text of the four files: each `{kind:key}` names something that exists, braces are
matched, and no clause number is typed out where `{section:id}` keeps it right."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from ..problems import Path, Problem, one_of, shorten
from ..text import KINDS, PLACEHOLDER, WORKING_KEYS, split, stray_braces
from ..yamlfile import YamlFile
from .known import Known

TYPED_NUMBER = re.compile(r"\b(?:section|clause|paragraph)s?\s+(\d+(?:\.\d+)*)\b(?!\s+of\b)", re.IGNORECASE)
"""A clause number typed into a text ("see section 5.4"), not a section of something else ("section 3 of the
Act"). Edition notes in site.yaml quote the published copy's numbers, and are not checked."""


def placeholder_problems(known: Known) -> Iterator[Problem]:
    """Every problem of the placeholders and typed clause numbers of the four files."""
    yield from _placeholders(known, known.s, (), known.sfile)
    yield from _placeholders(known, known.p, (), known.pfile)
    yield from _placeholders(known, known.schools, (), known.schools_file)
    yield from _placeholders(known, known.site, (), known.site_file)


def _placeholders(known: Known, model: BaseModel, path: Path, file: YamlFile) -> Iterator[Problem]:
    for name in type(model).model_fields:
        if name == "show":
            continue
        yield from _placeholders_in(known, getattr(model, name), path + (name,), file)


def _placeholders_in(known: Known, value: object, path: Path, file: YamlFile) -> Iterator[Problem]:
    if isinstance(value, BaseModel):
        yield from _placeholders(known, value, path, file)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders_in(known, item, path + (index,), file)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders_in(known, item, path + (key,), file)
    elif isinstance(value, str):
        yield from _check_text(known, value, path, file)


def _check_text(known: Known, text: str, path: Path, file: YamlFile) -> Iterator[Problem]:
    """Placeholders in a text, each problem at the line of the text where it is."""
    def at(words: str, message: str) -> Problem:
        return Problem(file.name, file.line_containing(path, words), file.where(path), message)

    if stray_braces(text):
        yield known.problem(path, "unmatched '{' or '}'; braces are only for placeholders such as "
                                  "{section:responsiveness}", file)
    if not (file is known.site_file and path[:1] == ("edition",)):
        yield from _typed_numbers(known, text, at)
    for part in split(text):
        if isinstance(part, str):
            continue
        valid = {"section": known.clauses, "term": known.terms, "provider": known.provider,
                 "working": list(WORKING_KEYS)}
        if part.kind not in KINDS:
            yield at(str(part), f"unknown placeholder '{shorten(str(part))}' "
                                f"(valid: {{section:id}}, {{term:name}}, {{tier:phase/id}}, "
                                f"{{provider:field}}, {{working:start|end|days}})")
        elif part.kind == "tier":
            problem = known.tier_key_problem(part.key)
            if problem:
                yield at(str(part), f"in '{part}': {problem}")
        elif part.key not in valid[part.kind]:
            what = {"section": "clause id", "term": "term", "provider": "provider field",
                    "working": "working-day detail"}[part.kind]
            yield at(str(part), f"in '{shorten(str(part))}': unknown {what} '{part.key}' "
                                f"{one_of(valid[part.kind], part.key)}")


def _typed_numbers(known: Known, text: str, at: Callable[[str, str], Problem]) -> Iterator[Problem]:
    """A clause number typed into a text goes wrong when clauses are added: `{section:id}` stays right."""
    for found in TYPED_NUMBER.finditer(PLACEHOLDER.sub("", text)):
        typed, number = " ".join(found.group(0).split()), found.group(1)
        clause_id = known.numbers.get(number)
        if clause_id:
            yield at(number, (
                f"'{typed}' is typed out; write {{section:{clause_id}}} instead (the clause numbered {number} "
                f"now), which the site shows as 'section {number}' with a link and keeps right when clauses are "
                "renumbered"))
        else:
            yield at(number, (
                f"'{typed}' is typed out, and no clause is numbered {number}; write {{section:id}} with the id "
                f"of the clause meant {one_of(known.clauses, '')}, which the site shows with its number and a link"))
