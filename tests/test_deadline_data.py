"""The working day, the attention targets and the update schedules are data: each refused edit gets one
`file:line` message, and a changed hour, day, target or schedule changes the answers and the words.

The messages are triggered on a copy of tests/fixtures/minimal; the answers on a copy of the real data, with the
expected dates worked out by hand (see test_deadlines.py for the rules).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION, DataFiles
from macros.sla.deadlines import answer, full_calendar, update_words
from macros.sla.load import load
from macros.sla.render import Renderer
from test_data_errors import problems

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
S = "data/services.yaml"
HOURS = '  working_hours: {start: "08:30", end: "17:00"}'
DAYS = "  working_days: [Monday, Tuesday, Wednesday, Thursday, Friday]"
RS = "response_standards"
CRITICAL = f"{RS}.priorities[0] (the 1st: Critical)"


# --- refused edits ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("hours, message", [
    ('{start: "8.30", end: "17:00"}', "working_hours.start: expected a time on the 24-hour clock written as 08:30 or "
                                      "17:00"),
    ('{start: "08:30", end: "25:00"}', "working_hours.end: 25:00 is not a time of day (valid: 00:00 to 23:59)"),
    ("{start: 08:30, end: 5pm}", "working_hours.end: expected a time on the 24-hour clock written as 08:30 or 17:00"),
    ('{start: "08:30", end: "08:30"}', "working_hours: the working day must end after it starts (start 08:30, end "
                                       "08:30)"),
    ('{start: "08:30"}', "working_hours: missing required key 'end'"),
])
def test_working_hours_must_be_two_times_of_day_in_order(minimal, hours, message):
    line = minimal.edit("services.yaml", HOURS, f"  working_hours: {hours}")
    assert problems(minimal) == [f"{S}:{line}: {RS}.{message}"]


def test_working_days_are_days_of_the_week_each_once(minimal):
    line = minimal.edit("services.yaml", DAYS, "  working_days: [Monday, Tuesday, Wensday, Thursday, Friday, Monday]")
    assert problems(minimal) == [
        f"{S}:{line}: {RS}.working_days[2] (the 3rd): 'Wensday' is not valid (valid: Monday, Tuesday, Wednesday, "
        "Thursday, Friday, Saturday or Sunday)"]
    minimal.edit("services.yaml", "Wensday", "Wednesday")
    assert problems(minimal) == [
        f"{S}:{line}: {RS}.working_days[5] (the 6th): duplicate working day 'Monday' (first used at line {line}); "
        "each working day must be unique"]


@pytest.mark.parametrize("days, index", [("[monday, Tuesday, Wednesday, Thursday, Friday]", 0),
                                         ("[Monday, Tuesday, Wednesday, Thursday, friday]", 4),
                                         ("[Monday, Tuesday, Wednesday, Thursday, Friday, MONDAY]", 5)],
                         ids=["lower-case-first", "lower-case-last", "a-duplicate-in-capitals"])
def test_a_weekday_not_written_with_one_capital_is_refused(minimal, days, index):
    """The calculator counts the days by their names: 'monday' is refused, never read as no working day."""
    line = minimal.edit("services.yaml", DAYS, f"  working_days: {days}")
    wrong = days.strip("[]").split(", ")[index]
    nth = {0: "1st", 4: "5th", 5: "6th"}[index]
    assert problems(minimal) == [
        f"{S}:{line}: {RS}.working_days[{index}] (the {nth}): '{wrong}' is not valid (valid: Monday, Tuesday, "
        "Wednesday, Thursday, Friday, Saturday or Sunday)"]


def test_bank_holidays_are_those_of_england_or_none(minimal):
    line = minimal.edit("services.yaml", "  bank_holidays: england", "  bank_holidays: scotland")
    assert problems(minimal) == [f"{S}:{line}: {RS}.bank_holidays: 'scotland' is not valid (valid: england or none)"]


@pytest.mark.parametrize("typed, message", [
    ("from 8.30 am to 5.00 pm", "'8.30 am' is typed out; write {working:start} or {working:end} instead, which "
                                "shows working_hours (line {hours}), so that the words and the calculator agree"),
    ("from 09:00", "'09:00' is typed out; write {working:start} or {working:end} instead, which shows working_hours "
                   "(line {hours}), so that the words and the calculator agree"),
    ("on weekdays but not Saturday", "'Saturday' is typed out; write {working:days} instead, which shows "
                                     "working_days (line {days}), so that the words and the calculator agree"),
    ("closed on saturday", "'saturday' is typed out; write {working:days} instead, which shows working_days (line "
                           "{days}), so that the words and the calculator agree"),
    ("from MONDAY", "'MONDAY' is typed out; write {working:days} instead, which shows working_days (line {days}), "
                    "so that the words and the calculator agree"),
    ("until 5 PM", "'5 PM' is typed out; write {working:start} or {working:end} instead, which shows working_hours "
                   "(line {hours}), so that the words and the calculator agree"),
])
def test_the_working_day_words_cannot_type_out_hours_or_days(minimal, typed, message):
    line = minimal.edit("services.yaml", "  working_day: A working day.", f"  working_day: A working day {typed}.")
    expected = message.replace("{hours}", str(line + 1)).replace("{days}", str(line + 2))
    assert problems(minimal) == [f"{S}:{line}: {RS}.working_day: {expected}"]


def test_the_working_day_words_show_the_hours_through_placeholders(minimal):
    minimal.edit("services.yaml", "  working_day: A working day.",
                 "  working_day: From {working:start} to {working:end}, {working:days}.")
    catalog = load(minimal.dir)
    assert Renderer(catalog, lambda path, anchor: "#").plain(catalog.services.response_standards.working_day) == (
        "From 8.30 am to 5.00 pm, Monday to Friday.")


def test_an_unknown_working_placeholder_is_refused(minimal):
    line = minimal.edit("services.yaml", "  working_day: A working day.", "  working_day: Until {working:lunch}.")
    assert problems(minimal) == [
        f"{S}:{line}: {RS}.working_day: in '{{working:lunch}}': unknown working-day detail 'lunch' "
        "(valid: start, end, days)"]


@pytest.mark.parametrize("old, new, where, message", [
    ("      updates: {every: 1, unit: working-day}\n", "", "",
     "give exactly one of 'updates' (the schedule of progress updates) or 'monitoring' (words, for a priority "
     "without one)"),
    ("      updates: {every: 1, unit: working-day}\n",
     "      updates: {every: 1, unit: working-day}\n      monitoring: Monitored monthly.\n", "",
     "give exactly one of 'updates' (the schedule of progress updates) or 'monitoring' (words, for a priority "
     "without one)"),
    ("{every: 1, unit: working-day}", "{every: 1, unit: fortnight}", ".updates.unit",
     "'fortnight' is not valid (valid: working-day, day, week or month)"),
    ("{every: 1, unit: working-day}", "{every: 0, unit: week}", ".updates.every",
     "must be from 1 to 100, got the number 0"),
    ("{every: 1, unit: working-day}", "{every: 1, unit: week, upon_reciept: true}", ".updates",
     "unknown key 'upon_reciept' (valid: upon_receipt, after_initial_assessment, every, unit, while_unresolved); "
     "did you mean `upon_receipt`?"),
    ("      updates: {every: 1", "      attention_working_days: 0\n      updates: {every: 1",
     ".attention_working_days", "must be from 1 to 365, got the number 0"),
])
def test_a_priority_has_a_schedule_or_monitoring_and_sensible_numbers(minimal, old, new, where, message):
    line = minimal.edit("services.yaml", old, new)
    if not where:  # a problem of the priority as a whole is reported at its first line
        line = minimal.text("services.yaml").splitlines().index("    - level: 1") + 1
    assert problems(minimal) == [f"{S}:{line}: {CRITICAL}{where}: {message}"]


def test_edition_notes_of_the_response_standards_must_exist(minimal):
    line = minimal.edit("services.yaml", DAYS, DAYS + "\n  edition_notes: [bank-holidays]")
    assert problems(minimal) == [
        f"{S}:{line + 1}: {RS}.edition_notes[0] (the 1st): unknown edition note 'bank-holidays' in site.yaml "
        "(valid: restored-numbers)"]


# --- changing the data changes the answers -----------------------------------------------------------------


@pytest.fixture
def data(tmp_path) -> DataFiles:
    shutil.copytree(EDITION, tmp_path / "data")
    return DataFiles(tmp_path / "data")


def when(files: DataFiles, raised: str, level: int) -> dict:
    standards = load(files.dir).services.response_standards
    moment = datetime.datetime.fromisoformat(raised)
    return answer(standards, full_calendar(standards), moment, level).as_json()


def test_later_working_hours_change_the_deadlines(data):
    assert when(data, "2026-11-27 17:15", 2)["deadline"] == "2026-11-30T17:00"  # after 5.00 pm: out of hours
    assert when(data, "2026-11-30 08:45", 2)["deadline"] == "2026-12-01T08:45"
    data.edit("services.yaml", HOURS, '  working_hours: {start: "09:00", end: "17:30"}')
    assert when(data, "2026-11-27 17:15", 2)["deadline"] == "2026-11-30T17:15"  # now in working hours
    assert when(data, "2026-11-30 08:45", 2)["deadline"] == "2026-11-30T17:30"  # now before they start


def test_a_longer_target_changes_the_deadline(data):
    assert when(data, "2026-12-24 16:45", 3)["deadline"] == "2026-12-30T16:45"
    data.edit("services.yaml", "      attention_working_days: 2\n", "      attention_working_days: 3\n")
    assert when(data, "2026-12-24 16:45", 3)["deadline"] == "2026-12-31T16:45"


def test_saturday_as_a_working_day(data):
    data.edit("services.yaml", DAYS, "  working_days: [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday]")
    assert when(data, "2026-11-27 16:45", 2)["deadline"] == "2026-11-28T16:45"


def test_without_bank_holidays_christmas_is_counted(data):
    data.edit("services.yaml", "  bank_holidays: england", "  bank_holidays: none")
    found = when(data, "2026-12-24 16:45", 3)
    assert (found["deadline"], found["skipped"]) == ("2026-12-28T16:45", [])


def test_a_changed_schedule_changes_the_update_dates_and_their_words(data):
    data.edit("services.yaml", "every: 1, unit: week}", "every: 3, unit: working-day}")
    assert when(data, "2026-12-24 16:45", 3)["updates"] == ["2027-01-05T16:45", "2027-01-08T16:45",
                                                             "2027-01-13T16:45"]
    medium = load(data.dir).services.response_standards.priorities[2]
    assert update_words(medium) == ["Upon receipt", "After initial assessment", "Then every three days"]


def test_the_published_words_follow_the_data(data):
    data.edit("services.yaml", HOURS, '  working_hours: {start: "09:00", end: "17:30"}')
    data.edit("services.yaml", "      attention_working_days: 1\n", "      attention_working_days: 2\n")
    catalog = load(data.dir)
    soup = BeautifulSoup(Renderer(catalog, lambda path, anchor: "#").block("response-standards", level=3),
                         "html.parser")
    assert "between the hours of 9.00 am to 5.30 pm Monday to Friday" in soup.get_text(" ")
    high = soup.select("tbody tr")[1]
    assert high.find_all("td")[1].get_text(" ", strip=True) == "Will receive attention within 2 working days."


def test_the_published_words_are_the_specifications():
    """Made from the data, the words are those of the published copy (tests/spec_facts.py has the rest)."""
    standards = load(EDITION).services.response_standards
    catalog = load(EDITION)
    assert Renderer(catalog, lambda path, anchor: "#").plain(standards.working_day) == (
        "One working day is defined to be between the hours of 8.30 am to 5.00 pm Monday to Friday, or from the time "
        "the case was raised until the same time the next working day.")
    assert [update_words(priority) for priority in standards.priorities] == [
        ["Daily, while unresolved"], ["Upon receipt", "After initial assessment", "Then every two days"],
        ["Upon receipt", "After initial assessment", "Then weekly"],
        ["Upon receipt", "After initial assessment", "Then monthly"],
        ["Monitored monthly, and reported as and when required by the Help Desk."],
        ["Monitored monthly, and reported as and when required by the Help Desk."]]
