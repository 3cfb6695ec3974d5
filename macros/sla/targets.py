"""The kinds of place a synonym of data/site.yaml can lead to, written `kind:id`: one table.

The model's description of `targets` (models.py, and so the data reference), the checks of each target's id
(checks/settings.py, `_search_targets`) and the places search leads to (search.py, `target_place`) all read this table;
checks/settings.py and search.py refuse to start if they do not handle exactly its kinds. A new kind is a row here, then
a line in each of those two (and in the comment above `search:` in data/site.yaml and the officer's guide).
"""

from __future__ import annotations

from dataclasses import dataclass

from .paths import ABOUT_EDITION, ACCESSIBILITY, CHANGES, GLOSSARY, PRIVACY, RESPONSE_TIMES, SCHOOLS_INDEX

PAGE_TARGETS = {"home": "index", "schools": SCHOOLS_INDEX, "changes": CHANGES, "about-this-edition": ABOUT_EDITION,
                "accessibility": ACCESSIBILITY, "privacy": PRIVACY, "response-times": RESPONSE_TIMES,
                "glossary": GLOSSARY}
"""The pages a synonym can lead to by name (`page:schools`), and where each lives (see `paths`). A page named
here that the site does not build stops the build, naming the synonym (search.py `SearchError`)."""

HELP_TARGETS = {"fault": ("index", "report-a-fault")}
"""Where `help:fault` leads: the home page's heading "Report a fault or ask a question" (content/index.md gives it
this anchor)."""


@dataclass(frozen=True)
class TargetKind:
    """One kind of search target."""

    what: str
    """What it is and how its id is written, for the data reference."""
    id_word: str
    """What its id is, in messages: "unknown clause id 'x' in 'clause:x'"."""


TARGET_KINDS = {
    "clause": TargetKind("a clause of the specification, by id, e.g. clause:notice-period", "clause id"),
    "contact": TargetKind("a contact's card, by id: in the route for complaints, or else where a clause shows it, "
                          "e.g. contact:pam-plant", "contact id"),
    "priority": TargetKind("a priority of the response standards, by level, e.g. priority:1", "priority level"),
    "school-type": TargetKind("the page of a school type, by id, e.g. school-type:primary", "school type id"),
    "compare": TargetKind("the page comparing the tiers of a phase, by phase id, e.g. compare:primary", "phase id"),
    "page": TargetKind("a page of the site: home, schools (Find your school), changes, about-this-edition, "
                       "accessibility, privacy, response-times or glossary, e.g. page:schools", "page"),
    "help": TargetKind("where to get help: fault (the home page's 'Report a fault or ask a question', the ICT "
                       "Service Desk), e.g. help:fault; for complaints, lead to the route's clause, "
                       "clause:escalation", "help"),
}
"""Every kind of search target, by the name written before the colon."""


def unhandled(handled: set[str], where: str) -> None:
    """Raise if `handled` is not exactly the kinds of the table: a module that resolves targets missed one."""
    if handled != set(TARGET_KINDS):
        missing, extra = sorted(set(TARGET_KINDS) - handled), sorted(handled - set(TARGET_KINDS))
        raise RuntimeError(f"{where} handles the search target kinds {sorted(handled)}, not those of targets.py: "
                           f"missing {missing}, not in the table {extra}")
