"""Working-day deadlines: when a case raised at a given time must receive attention, and when the school is updated.

The specification defines one working day as its working hours on its working days, "or from the time the case
was raised until the same time the next working day" (`response_standards` in services.yaml). This module counts
such days over a `WorkingCalendar` (the hours and days from the data, and the bank holidays that are not working
days), with no MkDocs and no HTML: the response-times page (through `response.py`), `python -m macros.sla
deadline` and the tests call `answer`, and site.js (`deadlineAnswer`) does the same sums in the reader's browser
over the calendar the page carries (`full_calendar`: every year whose bank holidays the `holidays` package knows),
so the two must agree (tests/test_browser_deadlines.py).

How the site reads what the specification leaves open is in edition notes (data/site.yaml), which the page links
to; in short:

- A case raised in working hours counts from that moment; one raised outside them (before the day starts, at or
  after its end, on a weekend or a bank holiday) counts from the start of the next working day.
- N working days from a moment in the working day is the same time N working days later; N working days from the
  start of a working day is the end of the Nth working day counting that one, the same working time as "the same
  time the next working day" but said the way a reader expects ("by 5.00 pm on Monday").
- Regular updates count from the attention deadline (the latest moment of the initial assessment), or from receipt
  when a priority has no attention target in working days. Updates every N working days fall N working days
  apart; updates every N days, weeks or months fall on that calendar day at the same time, or on the next working
  day when that day is not one.
"""

from __future__ import annotations

import calendar
import datetime
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .models import Priority, ResponseStandards, UpdateUnit

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UPDATES_SHOWN = 3
"""How many of the regular updates an answer lists ("and so on while the case is unresolved")."""


class DeadlineError(ValueError):
    """Input the calculator cannot answer: its message is one line for the reader."""


@dataclass(frozen=True)
class WorkingCalendar:
    """When work is done: the working hours (minutes after midnight) on the working days, less the holidays."""

    start: int
    end: int
    days: frozenset[int]
    """Working weekdays, 0 for Monday to 6 for Sunday."""
    holidays: Mapping[datetime.date, str]
    """Bank holidays (date: name) that are not working days."""
    known: tuple[datetime.date, datetime.date] | None = None
    """The first and last day whose holidays `holidays` holds; None when it holds every year (a test's calendar)."""

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() in self.days and day not in self.holidays

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day after `day`."""
        day += datetime.timedelta(days=1)
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def on_or_after(self, day: datetime.date) -> datetime.date:
        """`day` if it is a working day, or the next one."""
        return day if self.is_working_day(day) else self.next_working_day(day)


@dataclass(frozen=True)
class Answer:
    """When a case raised at `raised` with priority `level` receives attention and updates."""

    level: int
    raised: datetime.datetime
    counted_from: datetime.datetime | None
    """Receipt: `raised` if in working hours, else the start of the next working day; None without a schedule."""
    deadline: datetime.datetime | None
    """Attention by then; None when the priority has no attention target in working days."""
    receipt_update: datetime.datetime | None
    """The update 'upon receipt', if the priority has one."""
    assessment_update: bool
    """True if there is an update after the initial assessment, for which the specification gives no time."""
    updates: list[datetime.datetime] = field(default_factory=list)
    """The first `UPDATES_SHOWN` regular updates."""
    skipped: list[tuple[datetime.date, str]] = field(default_factory=list)
    """Bank holidays on working weekdays from the day raised to the last date of the answer."""
    beyond_known: bool = False
    """True if a date of the answer is after the last day whose holidays the calendar knows."""

    @property
    def has_schedule(self) -> bool:
        return self.counted_from is not None

    def as_json(self) -> dict:
        """The answer as plain values, in the form site.js gives it (`deadlineAnswer`), for comparing the two."""
        def moment(value: datetime.datetime | None) -> str | None:
            return value.strftime("%Y-%m-%dT%H:%M") if value else None

        return {"level": self.level, "counted_from": moment(self.counted_from), "deadline": moment(self.deadline),
                "receipt_update": moment(self.receipt_update), "assessment_update": self.assessment_update,
                "updates": [moment(update) for update in self.updates],
                "skipped": [day.isoformat() for day, _ in self.skipped], "beyond_known": self.beyond_known}


# --- the calendar ----------------------------------------------------------------


def minutes(hh_mm: str) -> int:
    """'08:30' as 510."""
    hours, mins = hh_mm.split(":")
    return int(hours) * 60 + int(mins)


def bank_holidays(kind: str, years: Iterable[int]) -> dict[datetime.date, str]:
    """The bank holidays of `kind` ('england' or 'none') in the calendar years `years`."""
    if kind == "none":
        return {}
    if kind != "england":
        raise ValueError(f"unknown bank holidays {kind!r}")
    wanted = set(years)
    england = england_holidays()
    if not all(england.first <= year <= england.last for year in wanted):
        return _from_package(sorted(wanted))
    return {day: name for day, name in england.days.items() if day.year in wanted}


def known_years() -> tuple[int, int]:
    """The first and last calendar year whose bank holidays the `holidays` package knows for England (1872 and
    2100 in its version 0.109): a call can be logged on any day of them."""
    england = england_holidays()
    return england.first, england.last


@dataclass(frozen=True)
class KnownHolidays:
    """Every bank holiday of the years `first` to `last` (date: name), in order of date."""

    first: int
    last: int
    days: dict[datetime.date, str]


HOLIDAYS_CACHE = Path(sys.prefix) / "sla-cache"
"""Where England's bank holidays are kept between builds: beside the installed `holidays` package (in .venv), one
file for each version of it, so a new version is read afresh."""


@cache
def england_holidays() -> KnownHolidays:
    """England's bank holidays in every year the `holidays` package knows. Importing the package loads the rules of
    every country it has (a fifth of a second, each build), so what it says is kept in HOLIDAYS_CACHE and read from
    there; a missing, unreadable or damaged copy is made again from the package."""
    path = HOLIDAYS_CACHE / f"bank-holidays-england-{version('holidays')}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return KnownHolidays(int(stored["first"]), int(stored["last"]),
                             {datetime.date.fromisoformat(day): str(name) for day, name in stored["days"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    first, last = _package_years()
    found = KnownHolidays(first, last, _from_package(list(range(first, last + 1))))
    days = {day.isoformat(): name for day, name in found.days.items()}
    text = json.dumps({"first": first, "last": last, "days": days})
    try:  # written whole and then renamed into place, so a build running at the same time never reads half of it
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:  # a folder the build may not write to: it reads the package again next time
        pass
    return found


def _package_years() -> tuple[int, int]:
    import holidays

    england = holidays.country_holidays("GB", subdiv="ENG")
    return int(england.start_year), int(england.end_year)


def _from_package(years: list[int]) -> dict[datetime.date, str]:
    import holidays

    # Without subdiv="ENG" the holidays of the United Kingdom as a whole lack Easter Monday and the August bank
    # holiday, which are bank holidays in England only (and Wales), not in Scotland.
    found = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return {day: str(name) for day, name in sorted(found.items())}


def financial_year_dates(financial_year: str) -> tuple[datetime.date, datetime.date]:
    """'2008/09' as 1 April 2008 and 31 March 2009."""
    first = int(financial_year[:4])
    return datetime.date(first, 4, 1), datetime.date(first + 1, 3, 31)


def working_calendar(standards: ResponseStandards, holiday_dates: Mapping[datetime.date, str],
                     known: tuple[datetime.date, datetime.date] | None = None) -> WorkingCalendar:
    """The calendar of the response standards, with the given holidays."""
    return WorkingCalendar(start=minutes(standards.working_hours.start), end=minutes(standards.working_hours.end),
                           days=frozenset(WEEKDAYS.index(day) for day in standards.working_days),
                           holidays=dict(holiday_dates), known=known)


def full_calendar(standards: ResponseStandards) -> WorkingCalendar:
    """The calendar of every day whose bank holidays are known (`known_years`): the one the response-times page
    carries (compactly, see `response.calendar_data`), the `deadline` command counts over and the tests check."""
    first, last = known_years()
    return working_calendar(standards, bank_holidays(standards.bank_holidays, range(first, last + 1)),
                            (datetime.date(first, 1, 1), datetime.date(last, 12, 31)))


# --- the answer ------------------------------------------------------------------


def answer(standards: ResponseStandards, cal: WorkingCalendar, raised: datetime.datetime, level: int) -> Answer:
    """When a case raised at `raised` with priority `level` must receive attention, and its updates.

    Raises DeadlineError for a priority the data does not have, or a day whose bank holidays `cal` does not know.
    """
    priority = priority_of(standards, level)
    raised = raised.replace(second=0, microsecond=0)
    if cal.known and not cal.known[0] <= raised.date() <= cal.known[1]:
        raise DeadlineError(f"choose a day from {date_words(cal.known[0])} to {date_words(cal.known[1])}: "
                            f"the bank holidays of those days only are known here")
    schedule = priority.updates
    if priority.attention_working_days is None and schedule is None:
        return Answer(level, raised, None, None, None, False)
    start = counted_from(cal, raised)
    deadline = (working_days_after(cal, start, priority.attention_working_days)
                if priority.attention_working_days else None)
    updates: list[datetime.datetime] = []
    if schedule is not None:
        anchor = deadline or start
        updates = [regular_update(cal, anchor, schedule.every * number, schedule.unit)
                   for number in range(1, UPDATES_SHOWN + 1)]
    last = max([start] + ([deadline] if deadline else []) + updates).date()
    skipped = [(day, name) for day, name in sorted(cal.holidays.items())
               if raised.date() <= day <= last and day.weekday() in cal.days]
    return Answer(level, raised, start, deadline,
                  receipt_update=start if schedule is not None and schedule.upon_receipt else None,
                  assessment_update=bool(schedule and schedule.after_initial_assessment),
                  updates=updates, skipped=skipped, beyond_known=bool(cal.known and last > cal.known[1]))


def priority_of(standards: ResponseStandards, level: int) -> Priority:
    for priority in standards.priorities:
        if priority.level == level:
            return priority
    levels = ", ".join(str(p.level) for p in standards.priorities)
    raise DeadlineError(f"unknown priority '{level}' (valid: {levels})")


def counted_from(cal: WorkingCalendar, moment: datetime.datetime) -> datetime.datetime:
    """`moment` if it is in working hours on a working day, or else the start of the next working day."""
    day, time = moment.date(), moment.hour * 60 + moment.minute
    if cal.is_working_day(day) and cal.start <= time < cal.end:
        return moment
    if not (cal.is_working_day(day) and time < cal.start):
        day = cal.next_working_day(day)
    return at(day, cal.start)


def working_days_after(cal: WorkingCalendar, moment: datetime.datetime, count: int) -> datetime.datetime:
    """`count` (1 or more) working days after `moment`: the same time `count` working days later or, from the
    start of a working day, the end of the `count`th working day counting that one."""
    moment = counted_from(cal, moment)
    day, time = moment.date(), moment.hour * 60 + moment.minute
    if time == cal.start:
        for _ in range(count - 1):
            day = cal.next_working_day(day)
        return at(day, cal.end)
    for _ in range(count):
        day = cal.next_working_day(day)
    return at(day, time)


def regular_update(cal: WorkingCalendar, anchor: datetime.datetime, count: int, unit: UpdateUnit) -> datetime.datetime:
    """`count` units after `anchor`: working days are counted as for deadlines; days, weeks and months by the
    calendar, at the same time of day, moved to the next working day if the day is not one."""
    if unit == "working-day":
        return working_days_after(cal, anchor, count)
    if unit == "month":
        day = add_months(anchor.date(), count)
    else:
        day = anchor.date() + datetime.timedelta(days=count * (7 if unit == "week" else 1))
    return at(cal.on_or_after(day), anchor.hour * 60 + anchor.minute)


def add_months(day: datetime.date, count: int) -> datetime.date:
    """The same day `count` months later, or the last day of that month if it is shorter (31 January + 1 month is
    28 or 29 February)."""
    year, month = divmod(day.month - 1 + count, 12)
    year += day.year
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def at(day: datetime.date, minute_of_day: int) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60)


# --- reading input ------------------------------------------------------------------

_RAISED = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})")


def parse_raised(text: str) -> datetime.datetime:
    """'2026-12-24 16:45' as a datetime; DeadlineError with one line saying what is wrong."""
    match = _RAISED.fullmatch(text.strip())
    if not match:
        raise DeadlineError(f"'{text}' is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. 2026-12-24 16:45")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise DeadlineError(f"{match.group(1)}-{match.group(2)}-{match.group(3)} is not a date in the "
                            f"calendar") from None
    if hour > 23 or minute > 59:
        raise DeadlineError(f"{match.group(4)}:{match.group(5)} is not a time of day (valid: 00:00 to 23:59)")
    return datetime.datetime(date.year, date.month, date.day, hour, minute)


def parse_priority(standards: ResponseStandards, text: str) -> int:
    """A priority given by its number ('3') or its name ('medium')."""
    wanted = text.strip().lower()
    for priority in standards.priorities:
        if wanted in (str(priority.level), priority.name.lower()):
            return priority.level
    levels = ", ".join(f"{p.level} ({p.name})" for p in standards.priorities)
    raise DeadlineError(f"unknown priority '{text}' (valid: {levels})")


# --- words ---------------------------------------------------------------------------
# site.js (`deadlineWords`) writes the same words; a browser test compares the worked examples with its answers.
# Whole answers in words, the command's lines and the worked examples: deadline_answers.py.


def time_words(moment: datetime.datetime | int) -> str:
    """'8.30 am', '5.00 pm', '12.00 pm' (noon), '12.15 am'."""
    total = moment if isinstance(moment, int) else moment.hour * 60 + moment.minute
    hour, minute = divmod(total, 60)
    return f"{(hour + 11) % 12 + 1}.{minute:02d} {'am' if hour < 12 else 'pm'}"


def date_words(day: datetime.date) -> str:
    """'Tuesday 26 August 2008'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


def moment_words(moment: datetime.datetime) -> str:
    """'4.45 pm on Tuesday 26 August 2008'."""
    return f"{time_words(moment)} on {date_words(moment.date())}"


def days_words(days: Iterable[str]) -> str:
    """'Monday to Friday' for a run of three or more days, otherwise 'Monday, Wednesday and Friday'."""
    chosen = sorted(set(days), key=WEEKDAYS.index)
    numbers = [WEEKDAYS.index(day) for day in chosen]
    if len(chosen) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{chosen[0]} to {chosen[-1]}"
    return chosen[0] if len(chosen) == 1 else f"{', '.join(chosen[:-1])} and {chosen[-1]}"


def capital(text: str) -> str:
    """The text with its first letter in capitals."""
    return text[:1].upper() + text[1:]


NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def attention_words(count: int) -> str:
    """'1 working day', '2 working days' (the specification writes the number in figures)."""
    return f"{count} working day{'' if count == 1 else 's'}"


def every_words(count: int, unit: UpdateUnit) -> str:
    """'daily', 'weekly', 'monthly', 'every two days', 'every 12 weeks'; working days are 'days', as the
    specification words them (how the site counts them is an edition note)."""
    noun = {"working-day": "day", "day": "day", "week": "week", "month": "month"}[unit]
    if count == 1:
        return {"day": "daily", "week": "weekly", "month": "monthly"}[noun]
    number = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    return f"every {number} {noun}s"


def update_words(priority: Priority) -> list[str]:
    """The priority's update schedule in the specification's words: 'Upon receipt', 'After initial assessment',
    'Then every two days'; 'Daily, while unresolved'; or its monitoring."""
    schedule = priority.updates
    if schedule is None:
        return [priority.monitoring] if priority.monitoring else []
    words = []
    if schedule.upon_receipt:
        words.append("Upon receipt")
    if schedule.after_initial_assessment:
        words.append("After initial assessment")
    regular = every_words(schedule.every, schedule.unit)
    regular = f"Then {regular}" if words else capital(regular)
    words.append(f"{regular}, while unresolved" if schedule.while_unresolved else regular)
    return words


def no_deadline_reason(priority: Priority) -> str:
    """Why a priority has no attention target in working days, in the specification's words: 'no target in
    working days; the specification says: "Ranks highest ..."'."""
    if priority.attention_note:
        return f'no target in working days; the specification says: "{priority.attention_note}"'
    said = f', and says: "{priority.monitoring}"' if priority.monitoring else ""
    return f"the specification sets no target time for it{said}"


def working_words(standards: ResponseStandards, key: str) -> str:
    """What `{working:start}`, `{working:end}` and `{working:days}` stand for: '8.30 am', '5.00 pm', 'Monday to
    Friday'."""
    if key == "days":
        return days_words(standards.working_days)
    return time_words(minutes(getattr(standards.working_hours, key)))
