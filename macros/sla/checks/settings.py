"""site.yaml: dates that are not in the future and come in order, unique edition notes, and search synonyms
that lead to places the site has."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..problems import Path, Problem, one_of
from ..targets import HELP_TARGETS, PAGE_TARGETS, TARGET_KINDS, unhandled
from .known import Known, clause_tree


def settings_problems(known: Known) -> Iterator[Problem]:
    """Every problem of site.yaml's dates, edition notes and search synonyms."""
    yield from _site(known)
    yield from _search(known)


def _site(known: Known) -> Iterator[Problem]:
    statement, file = known.site.accessibility, known.site_file
    today = datetime.date.today()
    for key in ("prepared", "last_reviewed", "last_tested"):
        if datetime.date.fromisoformat(getattr(statement, key)) > today:
            yield known.problem(("accessibility", key), (
                f"{getattr(statement, key)} is in the future (today is {today.isoformat()}); "
                f"write the date it was done"), file)
    yield from known.duplicates([(("edition", "notes", i, "id"), note.id)
                                 for i, note in enumerate(known.site.edition.notes)], "edition note id", file)
    review = known.site.review
    if datetime.date.fromisoformat(review.last_reviewed) > today:
        yield known.problem(("review", "last_reviewed"), (
            f"{review.last_reviewed} is in the future (today is {today.isoformat()}); write the date it was done"),
            file)
    if review.next_review_due <= review.last_reviewed:
        yield known.problem(("review", "next_review_due"), (
            f"{review.next_review_due} is not after the last review ({review.last_reviewed}); the next review is "
            f"due after it, usually a year later"), file)
    if statement.last_reviewed < statement.prepared:
        yield known.problem(("accessibility", "last_reviewed"), (
            f"{statement.last_reviewed} is before the statement was prepared ({statement.prepared}, line "
            f"{file.line_of(('accessibility', 'prepared'))}); a statement is reviewed on or after the day "
            f"it was prepared"), file)


def _search(known: Known) -> Iterator[Problem]:
    """Each synonym leads to places that exist, and each word is listed once."""
    file, valid = known.site_file, _search_targets(known)
    words: list[tuple[Path, str]] = []
    for i, synonym in enumerate(known.site.search.synonyms):
        path = ("search", "synonyms", i)
        words += [(path + ("words", k), word.casefold()) for k, word in enumerate(synonym.words)]
        listed = isinstance(file.value_at(path + ("targets",)), list)  # or one target, without a list
        for k, target in enumerate(synonym.targets):
            here = path + ("targets", k) if listed else path + ("targets",)
            kind, colon, key = target.partition(":")
            if not colon or kind not in valid:
                yield known.problem(here, f"'{target}' is not a search target; write kind:id, such as "
                                          f"clause:notice-period {one_of([f'{kind}:…' for kind in valid])}", file)
            elif kind == "contact" and key in known.contacts and key not in valid[kind]:
                yield known.problem(here, (
                    f"'{target}': no page shows this contact's card, so search has nowhere to lead; add them to "
                    f"the escalation route in services.yaml or show 'contact:{key}' in a clause, or choose a "
                    f"contact that is shown {one_of(valid[kind], key)}"), file)
            elif kind == "priority" and not valid[kind]:
                yield known.problem(here, (
                    f"'{target}': no clause shows the response standards ('response-standards' under show: in "
                    f"services.yaml), so search has nowhere to lead"), file)
            elif key not in valid[kind]:
                yield known.problem(here, (
                    f"unknown {TARGET_KINDS[kind].id_word} '{key}' in '{target}' {one_of(valid[kind], key)}"), file)
    yield from known.duplicates(words, "search word", file)


def _search_targets(known: Known) -> dict[str, list[str]]:
    """For each kind of search target, the ids it may name: for contacts and priorities, only those a page
    shows (search.py `target_place` leads to the card or the row)."""
    shown = {block for _, clause in clause_tree(known.s.sections, ("sections",)) for block in clause.show}
    routed = [step.contact for step in known.s.escalation if step.contact] if "escalation" in shown else []
    contacts = [key for key in known.contacts if key in routed or f"contact:{key}" in shown]
    priorities = [str(p.level) for p in known.s.response_standards.priorities] \
        if "response-standards" in shown else []
    valid = {"clause": known.clauses, "contact": contacts, "priority": priorities,
             "school-type": list(known.school_types), "compare": list(known.phases), "page": list(PAGE_TARGETS),
             "help": list(HELP_TARGETS)}
    unhandled(set(valid), "checks/settings.py")
    return valid
