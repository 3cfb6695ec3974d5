"""'When will you respond?': the response times and the calculator, on a page of their own (paths.RESPONSE_TIMES).

The page answers first: the target times of each priority as the specification words them (with its clause), which
tiers have them, whom to call; then the calculator "When must my call receive attention?", its worked examples and
the bank holidays. The calculator is a form, hidden without JavaScript, and a JSON block with the working hours and
days, each priority's target and schedule and every bank holiday the `holidays` package knows (1872 to 2100,
compactly: see `calendar_data`), worked out at build time (no request at reading time); site.js (`deadlines`)
answers with the same sums as `deadlines.answer`. The worked examples, computed here, show the answers without
JavaScript, and are on this page only.

Pages for a school type, a tier or a school show the response times with a link here: `response_times_block`.
"""

from __future__ import annotations

import calendar
import datetime
from functools import cached_property

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .deadline_answers import answer_words, worked_examples
from .deadlines import (
    UPDATES_SHOWN,
    WEEKDAYS,
    WorkingCalendar,
    answer,
    capital,
    date_words,
    financial_year_dates,
    full_calendar,
    moment_words,
    no_deadline_reason,
    update_words,
    working_words,
)
from .entitlement import tier_offers
from .paths import ABOUT_EDITION, RESPONSE_TIMES
from .render import CALCULATOR_LINK, Renderer, Row, Table
from .summary import Summary

RESPONSE_TIMES_TITLE = "When will you respond?"
FORM_ID = "deadline"
"""The prefix of the ids of the calculator's fields; the site has one calculator, on the response-times page."""
HOLIDAY_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""The letters that stand for the names of bank holidays in the page's calendar (`calendar_data`)."""


def response_times_block(renderer: Renderer, phase_id: str, tier_id: str | None = None) -> Markup:
    """The response times for a page about a phase's school type, tier or school: the specification's words and
    table of priorities (with its clause), which of the phase's tiers have the target times (only `tier_id`'s,
    if given), the clauses that qualify every target, and the link "When will you respond? Work out the date for a
    call" to the response-times page. No calculator and no worked examples: they are on that page only."""
    return ResponseTimes(renderer).for_phase(phase_id, tier_id)


class ResponseTimes(Renderer):
    """Renders the response-times page and the response times of other pages, with the links of `renderer`
    (relative to the page being built)."""

    def __init__(self, renderer: Renderer):
        super().__init__(renderer.catalog, renderer.href, renderer.set_aside)
        self.standards = renderer.catalog.services.response_standards

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return full_calendar(self.standards)

    # -- the page ----------------------------------------------------------------

    def page(self) -> str:
        """The Markdown of the page: answer first, then the calculator, its worked examples and the bank holidays.
        Sections that copy the specification are kept out of search (which leads to the specification itself)."""
        summary = Summary(self)
        services, year = self.catalog.services, self.catalog.prices.financial_year
        phases = [(phase.name, self._tiers(summary, phase.id)) for phase in services.phases]
        return self.markdown_page(
            f"# {RESPONSE_TIMES_TITLE}",
            self._template("response_page_intro.html", council=services.provider.council, title=services.title,
                           financial_year=year, desk=services.service_desk.name, targets=summary.targets(),
                           clause=self._clause_ref(), whom="#whom-to-call", calculator="#calculator"),
            "## Target times by priority {#target-times data-search-exclude}",
            self._template("response_times.html", text=self._clause_text(),
                           standards=self.response_standards(anchors=False), phases=phases, tiers=[],
                           conditions=summary.conditions(), clause=self._clause_ref(), link=None),
            "## Whom to call {#whom-to-call}",
            Markup('<div class="response-whom">{}</div>').format(
                Markup("").join(Markup("<p>{}</p>").format(line.text) for line in summary.report_a_fault())),
            "## When must my call receive attention? {#calculator}",
            self.calculator(),
            "## Worked examples {#worked-examples data-search-exclude}",
            self._template("deadline_examples.html", examples=self.examples()),
            "## Questions schools ask {#questions}",
            self._questions(),
            "## Bank holidays {#bank-holidays}",
            self._template("bank_holidays.html", tables=self.holiday_tables()),
        )

    def calculator(self) -> Markup:
        """The form (shown by site.js) and the calendar it counts over."""
        first, last = self.known
        notes = [self.catalog.edition_note(note_id) for note_id in self.standards.edition_notes]
        return self._template(
            "deadline_calculator.html", form_id=FORM_ID,
            working=f"{working_words(self.standards, 'start')} to {working_words(self.standards, 'end')}, "
                    f"{working_words(self.standards, 'days')}",
            first=first.isoformat(), last=last.isoformat(), first_words=date_words(first),
            last_words=date_words(last), priorities=self.standards.priorities,
            readings=self.edition_links([note.id for note in notes if note.kind != "added"]),
            calendar=Markup(htmlsafe_json_dumps(self.page_data())))

    def _questions(self) -> Markup:
        """What the specification leaves unsaid (the edition notes of kind `added`), in full."""
        notes = [self.catalog.edition_note(note_id) for note_id in self.standards.edition_notes]
        return self._template("deadline_questions.html", silent=[
            {"note": note, "link": self.href(ABOUT_EDITION, f"note-{note.id}")} for note in notes
            if note.kind == "added"])

    def _clause_text(self) -> list[str]:
        clause = self.catalog.clause_showing("response-standards")
        return clause.clause.text if clause else []

    def _clause_ref(self) -> Markup | None:
        clause = self.catalog.clause_showing("response-standards")
        return self.clause_link(clause.id) if clause else None

    # -- other pages -------------------------------------------------------------

    def for_phase(self, phase_id: str, tier_id: str | None = None) -> Markup:
        """See `response_times_block`."""
        summary = Summary(self)
        return self._template(
            "response_times.html", text=self._clause_text(),
            standards=self.response_standards(anchors=False), phases=[],
            tiers=self._tiers(summary, phase_id, tier_id), conditions=summary.conditions(), clause=self._clause_ref(),
            link={"href": self.href(RESPONSE_TIMES, None), "text": CALCULATOR_LINK})

    def _tiers(self, summary: Summary, phase_id: str, tier_id: str | None = None) -> list[Markup]:
        """Which of a phase's tiers (or only `tier_id`) are offered with the target times, and what the
        specification says of the others."""
        offers = [offer for offer in tier_offers(self.catalog, phase_id) if tier_id in (None, offer.tier.id)]
        timed, untimed = summary.by_targets(offers)
        return ([summary.timed(timed) + Markup(".")] if timed else []) + (
            [summary.untimed(phase_id, untimed, name_timed=not timed)] if untimed else [])

    # -- the calculator's data ---------------------------------------------------------

    @property
    def known(self) -> tuple[datetime.date, datetime.date]:
        known = self.calendar.known
        assert known is not None  # the full calendar always knows its years
        return known

    def examples(self) -> list[dict]:
        """The worked examples, each with its answer in words."""
        examples = []
        for label, raised, level in worked_examples(self.standards, self.calendar,
                                                    self.catalog.prices.financial_year):
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
        """A table of the bank holidays on working days of the financial year of the data, and of the next."""
        tables = []
        year = self.catalog.prices.financial_year
        for financial_year in (year, next_financial_year(year)):
            first, last = financial_year_dates(financial_year)
            table = Table(f"Bank holidays in England, financial year {financial_year}", ["Date", "Bank holiday"])
            for day, name in sorted(self.calendar.holidays.items()):
                if first <= day <= last and day.weekday() in self.calendar.days:
                    table.rows.append(Row(Markup.escape(date_words(day)), [self.prose(name)],
                                          f"bank-holiday-{day.isoformat()}"))
            tables.append(self._table(table, anchors=False))
        return tables


def calendar_data(cal: WorkingCalendar) -> dict:
    """The calendar as site.js reads it: minutes after midnight, weekdays 0 (Monday) to 6, ISO dates, and the bank
    holidays as `{"names": [...], "days": "88i3g..."}`: for each holiday in date order, the number of days since the
    one before (the first: since the first known day) and a letter for its name (a for the first name, b for the
    second ...). 1,700 holidays take 6 KB so, 55 KB as ISO dates and names."""
    names: list[str] = []
    days, previous = [], cal.known[0] if cal.known else datetime.date(1970, 1, 1)
    for day, name in sorted(cal.holidays.items()):
        if name not in names:
            names.append(name)
        if len(names) > len(HOLIDAY_LETTERS):
            raise ValueError(f"more than {len(HOLIDAY_LETTERS)} names of bank holidays: the page cannot carry them")
        days.append(f"{(day - previous).days}{HOLIDAY_LETTERS[names.index(name)]}")
        previous = day
    return {"start": cal.start, "end": cal.end, "days": sorted(cal.days),
            "holidays": {"names": names, "days": "".join(days)},
            "known": [day.isoformat() for day in cal.known] if cal.known else None,
            "weekdays": list(WEEKDAYS), "months": list(calendar.month_name)[1:]}


def next_financial_year(financial_year: str) -> str:
    """'2008/09' -> '2009/10'."""
    first = int(financial_year[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}"
