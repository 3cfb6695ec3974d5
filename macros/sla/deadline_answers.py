"""Answers in words: what the response-times page, its worked examples and `python -m macros.sla deadline` say.

The sums are `deadlines.answer`'s; here they become one sentence and labelled facts (site.js `deadlineWords` writes
the same words, and a browser test compares the two), the lines of the command, and the worked examples of the
page, chosen from the financial year's calendar.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .deadlines import (
    Answer,
    WorkingCalendar,
    answer,
    at,
    capital,
    date_words,
    financial_year_dates,
    moment_words,
    no_deadline_reason,
    priority_of,
    time_words,
    update_words,
)
from .models import ResponseStandards


def worked_examples(standards: ResponseStandards, cal: WorkingCalendar,
                    financial_year: str) -> list[tuple[str, datetime.datetime, int]]:
    """Cases that show how the counting works, from the financial year (and the next for Easter when the year
    has none): (what is special about it, when raised, priority)."""
    first, year_end = financial_year_dates(financial_year)
    levels = [p.level for p in standards.priorities if p.attention_working_days or p.updates]
    if not levels:
        return []

    def level(index: int) -> int:
        return levels[min(index, len(levels) - 1)]

    def working_day_before(day: datetime.date) -> datetime.date:
        day -= datetime.timedelta(days=1)
        while not cal.is_working_day(day):
            day -= datetime.timedelta(days=1)
        return day

    late = cal.end - 15 if cal.end - 15 > cal.start else cal.start
    examples: list[tuple[str, datetime.datetime, int]] = []
    august = next((day for day in cal.holidays if day.month == 8 and first <= day <= year_end), None)
    if august:
        before = working_day_before(august)
        examples.append((f"{time_words(late)} on the working day before the {cal.holidays[august]}",
                         at(before, late), level(1)))
        saturday = before + datetime.timedelta(days=(5 - before.weekday()) % 7)
        examples.append(("on the Saturday morning of that weekend, outside working hours", at(saturday, 10 * 60),
                         level(0)))
    christmas = datetime.date(first.year, 12, 24)
    christmas_eve = christmas if cal.is_working_day(christmas) else working_day_before(christmas)
    examples.append((f"{time_words(late)} on the last working day before Christmas", at(christmas_eve, late),
                     level(3)))
    easter = next((day for day in sorted(cal.holidays) if day >= first and "Good Friday" in cal.holidays[day]), None)
    if easter:
        examples.append(("the afternoon before Good Friday", at(working_day_before(easter), 15 * 60), level(2)))
    examples.append(("the last working day of March, the end of the financial year",
                     at(working_day_before(year_end + datetime.timedelta(days=1)), 14 * 60), level(3)))
    return examples


@dataclass(frozen=True)
class AnswerWords:
    """An answer in words: one sentence for the live region (and the CLI), then labelled facts."""

    status: str
    facts: list[tuple[str, list[str]]]


def answer_words(standards: ResponseStandards, found: Answer, cal: WorkingCalendar) -> AnswerWords:
    """The words of an answer, as the page shows them (site.js `deadlineWords` writes the same)."""
    priority = priority_of(standards, found.level)
    name = f"Priority {priority.level} ({priority.name})"
    if found.counted_from is None:
        return AnswerWords(f"{name}: no deadline.", [("Why", [capital(no_deadline_reason(priority))])])
    raised = f"{name}, logged at {moment_words(found.raised)}"
    facts: list[tuple[str, list[str]]] = []
    if found.counted_from != found.raised:
        facts.append(("Counted from", [f"{moment_words(found.counted_from)}, when working hours next start "
                                       f"(the call was logged outside them)"]))
    if found.deadline:
        status = f"{raised}: attention by {moment_words(found.deadline)}."
        facts.append(("Attention by", [moment_words(found.deadline)]))
    else:
        status = f"{raised}: {no_deadline_reason(priority)}"
        facts.append(("Attention", [capital(no_deadline_reason(priority))]))
    labels = update_words(priority)
    updates = []
    if found.receipt_update:
        updates.append(f"{labels.pop(0)}: {moment_words(found.receipt_update)}")
    if found.assessment_update:
        counted = ("; the later updates are counted from the attention target, the latest time for it"
                   if found.deadline else "")
        updates.append(f"{labels.pop(0)}: the specification gives no time{counted}")
    updates.append(f"{labels[0]}: {'; '.join(moment_words(update) for update in found.updates)}; and so on")
    facts.append(("Updates", updates))
    facts.append(("Bank holidays not counted", [f"{date_words(day)} ({holiday})" for day, holiday in found.skipped]
                  or ["none in this time"]))
    if found.beyond_known and cal.known:
        facts.append(("Check", [f"The bank holidays after {date_words(cal.known[1])} are not known here, so a "
                                f"later date above may need to move to the next working day."]))
    return AnswerWords(status, facts)


def command_lines(standards: ResponseStandards, cal: WorkingCalendar, raised: datetime.datetime,
                  level: int) -> list[str]:
    """What `python -m macros.sla deadline` prints: the deadline as YYYY-MM-DD HH:MM (or 'no deadline') on the
    first line, for scripts; then the answer in words, the updates and the bank holidays skipped."""
    found = answer(standards, cal, raised, level)
    words = answer_words(standards, found, cal)
    priority = priority_of(standards, level)

    def iso(moment: datetime.datetime) -> str:
        return moment.strftime("%Y-%m-%d %H:%M")

    if found.counted_from is None:
        return ["no deadline", f"Priority {level} ({priority.name}): {no_deadline_reason(priority)}"]
    lines = [iso(found.deadline) if found.deadline else "no deadline", words.status]
    if found.counted_from != found.raised:
        lines.append(f"Counted from: {iso(found.counted_from)} (logged outside working hours)")
    labels = update_words(priority)
    if found.receipt_update:
        lines.append(f"Update {labels.pop(0).lower()}: {iso(found.receipt_update)}")
    if found.assessment_update:
        lines.append(f"Update {labels.pop(0).lower()}: no time given")
    lines.append(f"Updates {labels[0][:1].lower()}{labels[0][1:]}: "
                 f"{', '.join(iso(update) for update in found.updates)}, and so on")
    lines.append("Bank holidays skipped: " + (", ".join(f"{day.isoformat()} ({name})" for day, name in found.skipped)
                                               or "none"))
    if found.beyond_known and cal.known:
        lines.append(f"Check: the bank holidays after {cal.known[1].isoformat()} are not known")
    return lines
