"""The response-time calculator: "When will you respond?", on the responsiveness clause and each entitlement page.

Around the calculator are the plain answers a head needs, from the data: how to log a call (the service desk,
as in the summaries), what the specification does not say (the edition notes of kind `added` that
`response_standards.edition_notes` names, in full) and how the site counts (links to the other notes). Then
the calculator: a form, hidden without JavaScript, and a JSON block with the working hours and days, each
priority's target and schedule and the bank holidays of the financial year of the prices and the next, worked
out here at build time (no request at reading time); site.js (`deadlines`) answers with the same sums as
`deadlines.answer`. Worked examples, computed here, show the answers without JavaScript. On the response page,
tables of the bank holidays follow.
"""

from __future__ import annotations

import calendar
import datetime

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .deadlines import (
    UPDATES_SHOWN,
    WEEKDAYS,
    WorkingCalendar,
    answer,
    answer_words,
    capital,
    date_words,
    financial_year_dates,
    moment_words,
    no_deadline_reason,
    page_calendar,
    update_words,
    worked_examples,
    working_words,
)
from .entitlement import tier_offers
from .paths import ABOUT_EDITION
from .render import Renderer, Row, Table
from .summary import Summary

FORM_ID = "deadline"
"""The prefix of the ids of the calculator's fields; a page has at most one calculator."""


class ResponseTimes(Renderer):
    """Renders the calculator block with the links of `renderer` (relative to the page being built)."""

    def __init__(self, renderer: Renderer):
        super().__init__(renderer.catalog, renderer.href)
        self.standards = renderer.catalog.services.response_standards
        self.calendar = page_calendar(self.standards, renderer.catalog.prices.financial_year)

    def calculator(self, level: int, holiday_tables: bool, phase_id: str | None = None) -> Markup:
        """The block; `level` is the level of its first headings; `holiday_tables` adds the bank holidays;
        `phase_id` (on a school type's page) says which of that phase's tiers have the targets, else of each
        phase."""
        summary = Summary(self)
        notes = [self.catalog.edition_note(note_id) for note_id in self.standards.edition_notes]
        first, last = self.known
        responsiveness = self.catalog.clause_showing("deadline-calculator")
        return self._template(
            "deadline_calculator.html", level=min(level, 4), form_id=FORM_ID,
            working=f"{working_words(self.standards, 'start')} to {working_words(self.standards, 'end')}, "
                    f"{working_words(self.standards, 'days')}",
            first=first.isoformat(), last=last.isoformat(), first_words=date_words(first),
            last_words=date_words(last), priorities=self.standards.priorities,
            help=summary.report_a_fault(), tiers=self.tiers(summary, phase_id), conditions=summary.conditions(),
            silent=[{"note": note, "link": self.href(ABOUT_EDITION, f"note-{note.id}")}
                    for note in notes if note.kind == "added"],
            readings=self.edition_links([note.id for note in notes if note.kind != "added"]),
            examples=self.examples(), calendar=Markup(htmlsafe_json_dumps(self.page_data())),
            holidays=self.holiday_tables() if holiday_tables else [],
            responsiveness=self.clause_link(responsiveness.id) if responsiveness and not holiday_tables else None)

    def tiers(self, summary: Summary, phase_id: str | None) -> list[Markup]:
        """Which tiers the targets are offered with, for one phase or, named, for each."""
        phases = [self.catalog.phase(phase_id)] if phase_id else self.catalog.services.phases
        lines = []
        for phase in phases:
            offers = tier_offers(self.catalog, phase.id)
            timed, untimed = summary.by_targets(offers)
            parts = ([summary.timed(timed) + Markup(".")] if timed else []) + (
                [summary.untimed(phase.id, untimed, name_timed=not timed)] if untimed else [])
            line = Markup(" ").join(parts)
            lines.append(line if phase_id else Markup("{}: {}").format(self.prose(phase.name), line))
        return lines

    @property
    def known(self) -> tuple[datetime.date, datetime.date]:
        known = self.calendar.known
        assert known is not None  # a page calendar always knows its years
        return known

    def examples(self) -> list[dict]:
        """The worked examples, each with its answer in words."""
        examples = []
        for label, raised, level in worked_examples(self.standards, self.calendar):
            words = answer_words(self.standards, answer(self.standards, self.calendar, raised, level), self.calendar)
            examples.append({"label": capital(label), "raised": raised.strftime("%Y-%m-%dT%H:%M"), "level": level,
                             "when": moment_words(raised), "status": words.status, "facts": words.facts})
        return examples

    def page_data(self) -> dict:
        """What site.js needs to answer: the calendar and, for each priority, its target, schedule and words."""
        return {"calendar": calendar_data(self.calendar), "shown": UPDATES_SHOWN, "priorities": [
            {"level": p.level, "name": self.plain(p.name), "attention_days": p.attention_working_days,
             "updates": p.updates.model_dump() if p.updates else None,
             "labels": [self.plain(words) for words in update_words(p)],
             "reason": self.plain(no_deadline_reason(p)),
             "definition": [self.plain(text) for text in p.definition]}
            for p in self.standards.priorities]}

    def holiday_tables(self) -> list[Markup]:
        """A table of the bank holidays on working days of each financial year the calculator knows."""
        tables = []
        year = self.catalog.prices.financial_year
        for financial_year in (year, next_financial_year(year)):
            first, last = financial_year_dates(financial_year)
            table = Table(f"Bank holidays in England, financial year {financial_year}", ["Date", "Bank holiday"])
            for day, name in sorted(self.calendar.holidays.items()):
                if first <= day <= last and day.weekday() in self.calendar.days:
                    text = self.prose(name)
                    table.rows.append(Row(Markup.escape(date_words(day)), [text],
                                          f"bank-holiday-{day.isoformat()}"))
            tables.append(self._table(table, anchors=False))
        return tables


def calendar_data(cal: WorkingCalendar) -> dict:
    """The calendar as site.js reads it: minutes after midnight, weekdays 0 (Monday) to 6, ISO dates."""
    return {"start": cal.start, "end": cal.end, "days": sorted(cal.days),
            "holidays": [[day.isoformat(), name] for day, name in sorted(cal.holidays.items())],
            "known": [day.isoformat() for day in cal.known] if cal.known else None,
            "weekdays": list(WEEKDAYS), "months": list(calendar.month_name)[1:]}


def next_financial_year(financial_year: str) -> str:
    """'2008/09' -> '2009/10'."""
    first = int(financial_year[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}"
