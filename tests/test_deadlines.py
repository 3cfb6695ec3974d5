"""Working-day deadlines (macros/sla/deadlines.py) against cases worked out by hand from a calendar.

Every expected value is typed here: the weekday of each date and the bank holidays of England were looked up in
a calendar, and the counting done by hand with the rules of the edition notes "Counting working days" and "When
progress updates fall due": a working day is 8.30 am to 5.00 pm, Monday to Friday, less the bank holidays of
England; a case raised in working hours is due the same time N working days later; one raised outside them (5.00
pm is outside: it is the end of the day) counts from the next start of working hours and is due by 5.00 pm on the
Nth working day counting that one. The regular updates count from the attention target (Critical: from receipt),
and the bank holidays skipped are those on working weekdays from the day logged (that day included) to the last
date of the answer.

The response standards are typed here too (STANDARDS, the 2008/09 specification's), not read from data/, which
the officer changes: 2 High (1 working day, updates every two working days), 3 Medium (2, weekly), 4 Low (5,
monthly), 1 Critical (no target, daily working days from receipt), 5 Hold and 6 Waiting for school (no deadline).
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json

import pytest
import yaml

from macros.sla import deadlines
from macros.sla.deadline_answers import answer_words
from macros.sla.deadlines import (
    DeadlineError,
    answer,
    full_calendar,
    moment_words,
    parse_priority,
    parse_raised,
    time_words,
)
from macros.sla.models import ResponseStandards

pytestmark = pytest.mark.unit

STANDARDS = ResponseStandards.model_validate(yaml.safe_load("""
enquiry_targets:
  - {channel: telephone, target: 48 hours}
working_hours: {start: "08:30", end: "17:00"}
working_days: [Monday, Tuesday, Wednesday, Thursday, Friday]
bank_holidays: england
working_day: >-
  One working day is defined to be between the hours of {working:start} to {working:end} {working:days}, or from
  the time the case was raised until the same time the next working day.
priorities:
  - level: 1
    name: Critical
    definition: [A key service is not available to multiple users.]
    attention_note: Ranks highest and above all other ICT Support Team activity.
    updates: {every: 1, unit: working-day, while_unresolved: true}
  - level: 2
    name: High
    definition: Service failure affecting one or more users in a school.
    attention_working_days: 1
    updates: {upon_receipt: true, after_initial_assessment: true, every: 2, unit: working-day}
  - level: 3
    name: Medium
    definition: User problem where the work process is affected, but not enough to prevent it.
    attention_working_days: 2
    updates: {upon_receipt: true, after_initial_assessment: true, every: 1, unit: week}
  - level: 4
    name: Low
    definition: Low impact - more of an irritation or a simple request.
    attention_working_days: 5
    updates: {upon_receipt: true, after_initial_assessment: true, every: 1, unit: month}
  - level: 5
    name: Hold
    definition: Where problems may be posted when they are deemed to have been overcome.
    monitoring: Monitored monthly, and reported as and when required by the Help Desk.
  - level: 6
    name: Waiting for school
    definition: Problems returned to school for action.
    monitoring: Monitored monthly, and reported as and when required by the Help Desk.
"""))


def worked(raised: str, level: int) -> tuple[str | None, str | None, list[str], list[str]]:
    """When counting starts, the deadline, the regular updates and the bank holidays skipped, as typed below."""
    moment = datetime.datetime.fromisoformat(raised)
    found = answer(STANDARDS, full_calendar(STANDARDS), moment, level)

    def text(value: datetime.datetime | None) -> str | None:
        return value.isoformat(sep=" ", timespec="minutes") if value else None

    return (text(found.counted_from), text(found.deadline), [text(update) or "" for update in found.updates],
            [day.isoformat() for day, _ in found.skipped])


# (name, logged, priority, counting starts, attention by, the three regular updates, bank holidays skipped)
CASES = [
    # -- Friday afternoons ------------------------------------------------------------------------------
    ("friday-4.45pm-high", "2026-11-27 16:45", 2, "2026-11-27 16:45", "2026-11-30 16:45",
     ["2026-12-02 16:45", "2026-12-04 16:45", "2026-12-08 16:45"], []),
    ("friday-4.45pm-medium", "2026-11-27 16:45", 3, "2026-11-27 16:45", "2026-12-01 16:45",
     ["2026-12-08 16:45", "2026-12-15 16:45", "2026-12-22 16:45"], []),
    # Monthly from Friday 4 December: Monday 4 January, Thursday 4 February, Thursday 4 March; Christmas Day,
    # Boxing Day's substitute (Monday 28 December) and New Year's Day fall in that time.
    ("friday-4.45pm-low", "2026-11-27 16:45", 4, "2026-11-27 16:45", "2026-12-04 16:45",
     ["2027-01-04 16:45", "2027-02-04 16:45", "2027-03-04 16:45"], ["2026-12-25", "2026-12-28", "2027-01-01"]),
    ("friday-4.59pm-high-still-in-hours", "2026-11-27 16:59", 2, "2026-11-27 16:59", "2026-11-30 16:59",
     ["2026-12-02 16:59", "2026-12-04 16:59", "2026-12-08 16:59"], []),
    # 5.00 pm is the end of the working day: counting starts at 8.30 am on Monday, not at 5.00 pm on Friday.
    ("friday-5.00pm-high-is-out-of-hours", "2026-11-27 17:00", 2, "2026-11-30 08:30", "2026-11-30 17:00",
     ["2026-12-02 17:00", "2026-12-04 17:00", "2026-12-08 17:00"], []),
    # -- the late-August bank holiday (Monday 31 August 2026) and the day before it -----------------------
    ("friday-before-august-bank-holiday-high", "2026-08-28 16:45", 2, "2026-08-28 16:45", "2026-09-01 16:45",
     ["2026-09-03 16:45", "2026-09-07 16:45", "2026-09-09 16:45"], ["2026-08-31"]),
    ("friday-before-august-bank-holiday-medium", "2026-08-28 16:45", 3, "2026-08-28 16:45", "2026-09-02 16:45",
     ["2026-09-09 16:45", "2026-09-16 16:45", "2026-09-23 16:45"], ["2026-08-31"]),
    # Monthly from Monday 7 September: Wednesday 7 October; 7 November is a Saturday, so Monday 9 November; Monday
    # 7 December.
    ("friday-before-august-bank-holiday-low", "2026-08-28 16:45", 4, "2026-08-28 16:45", "2026-09-07 16:45",
     ["2026-10-07 16:45", "2026-11-09 16:45", "2026-12-07 16:45"], ["2026-08-31"]),
    ("friday-5.00pm-before-august-bank-holiday", "2026-08-28 17:00", 2, "2026-09-01 08:30", "2026-09-01 17:00",
     ["2026-09-03 17:00", "2026-09-07 17:00", "2026-09-09 17:00"], ["2026-08-31"]),
    ("saturday-of-august-bank-holiday-weekend", "2026-08-29 10:00", 2, "2026-09-01 08:30", "2026-09-01 17:00",
     ["2026-09-03 17:00", "2026-09-07 17:00", "2026-09-09 17:00"], ["2026-08-31"]),
    # Logged on the bank holiday itself: that day is one of those not counted.
    ("on-the-august-bank-holiday", "2026-08-31 11:00", 2, "2026-09-01 08:30", "2026-09-01 17:00",
     ["2026-09-03 17:00", "2026-09-07 17:00", "2026-09-09 17:00"], ["2026-08-31"]),
    ("on-the-august-bank-holiday-before-8.30", "2026-08-31 07:00", 3, "2026-09-01 08:30", "2026-09-02 17:00",
     ["2026-09-09 17:00", "2026-09-16 17:00", "2026-09-23 17:00"], ["2026-08-31"]),
    ("friday-before-august-bank-holiday-2008", "2008-08-22 16:45", 2, "2008-08-22 16:45", "2008-08-26 16:45",
     ["2008-08-28 16:45", "2008-09-01 16:45", "2008-09-03 16:45"], ["2008-08-25"]),
    # -- Christmas and New Year -----------------------------------------------------------------------------
    ("christmas-eve-2026-medium-the-issue's-example", "2026-12-24 16:45", 3, "2026-12-24 16:45", "2026-12-30 16:45",
     ["2027-01-06 16:45", "2027-01-13 16:45", "2027-01-20 16:45"], ["2026-12-25", "2026-12-28", "2027-01-01"]),
    ("christmas-eve-2026-high", "2026-12-24 16:45", 2, "2026-12-24 16:45", "2026-12-29 16:45",
     ["2026-12-31 16:45", "2027-01-05 16:45", "2027-01-07 16:45"], ["2026-12-25", "2026-12-28", "2027-01-01"]),
    # Monthly from Tuesday 5 January 2027 reaches Monday 5 April, past Easter (26 and 29 March 2027).
    ("christmas-eve-2026-low-over-new-year", "2026-12-24 16:45", 4, "2026-12-24 16:45", "2027-01-05 16:45",
     ["2027-02-05 16:45", "2027-03-05 16:45", "2027-04-05 16:45"],
     ["2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29"]),
    ("new-year's-eve-high-at-noon", "2026-12-31 12:00", 2, "2026-12-31 12:00", "2027-01-04 12:00",
     ["2027-01-06 12:00", "2027-01-08 12:00", "2027-01-12 12:00"], ["2027-01-01"]),
    ("on-new-year's-day", "2027-01-01 09:00", 3, "2027-01-04 08:30", "2027-01-05 17:00",
     ["2027-01-12 17:00", "2027-01-19 17:00", "2027-01-26 17:00"], ["2027-01-01"]),
    # Christmas 2027 is a weekend: its substitutes are Monday 27 and Tuesday 28 December, and New Year's Day (a
    # Saturday) is Monday 3 January 2028; the weekend days themselves are not in the list.
    ("christmas-eve-2027-both-substitute-days", "2027-12-24 16:45", 2, "2027-12-24 16:45", "2027-12-29 16:45",
     ["2027-12-31 16:45", "2028-01-05 16:45", "2028-01-07 16:45"], ["2027-12-27", "2027-12-28", "2028-01-03"]),
    ("christmas-eve-2008", "2008-12-24 16:45", 3, "2008-12-24 16:45", "2008-12-30 16:45",
     ["2009-01-06 16:45", "2009-01-13 16:45", "2009-01-20 16:45"], ["2008-12-25", "2008-12-26", "2009-01-01"]),
    ("day-before-christmas-eve-2009-boxing-day-substitute", "2009-12-23 16:45", 3, "2009-12-23 16:45",
     "2009-12-29 16:45", ["2010-01-05 16:45", "2010-01-12 16:45", "2010-01-19 16:45"],
     ["2009-12-25", "2009-12-28", "2010-01-01"]),
    # -- Easter: Good Friday and Easter Monday --------------------------------------------------------------
    ("thursday-before-good-friday-2027-high", "2027-03-25 16:45", 2, "2027-03-25 16:45", "2027-03-30 16:45",
     ["2027-04-01 16:45", "2027-04-05 16:45", "2027-04-07 16:45"], ["2027-03-26", "2027-03-29"]),
    ("thursday-before-good-friday-2027-medium", "2027-03-25 10:00", 3, "2027-03-25 10:00", "2027-03-31 10:00",
     ["2027-04-07 10:00", "2027-04-14 10:00", "2027-04-21 10:00"], ["2027-03-26", "2027-03-29"]),
    ("on-good-friday-2027", "2027-03-26 10:00", 2, "2027-03-30 08:30", "2027-03-30 17:00",
     ["2027-04-01 17:00", "2027-04-05 17:00", "2027-04-07 17:00"], ["2027-03-26", "2027-03-29"]),
    # Monthly from Monday 13 April: Wednesday 13 May; 13 June is a Saturday, so Monday 15 June; Monday 13 July.
    ("thursday-before-good-friday-2026-low", "2026-04-02 15:00", 4, "2026-04-02 15:00", "2026-04-13 15:00",
     ["2026-05-13 15:00", "2026-06-15 15:00", "2026-07-13 15:00"],
     ["2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25"]),
    # -- the other bank holidays ------------------------------------------------------------------------------
    ("friday-before-may-day", "2026-05-01 16:45", 2, "2026-05-01 16:45", "2026-05-05 16:45",
     ["2026-05-07 16:45", "2026-05-11 16:45", "2026-05-13 16:45"], ["2026-05-04"]),
    ("friday-before-spring-bank-holiday", "2026-05-22 09:00", 3, "2026-05-22 09:00", "2026-05-27 09:00",
     ["2026-06-03 09:00", "2026-06-10 09:00", "2026-06-17 09:00"], ["2026-05-25"]),
    # -- the last working day of March (the end of the financial year) --------------------------------------
    ("last-working-day-of-march-2026-medium", "2026-03-31 14:00", 3, "2026-03-31 14:00", "2026-04-02 14:00",
     ["2026-04-09 14:00", "2026-04-16 14:00", "2026-04-23 14:00"], ["2026-04-03", "2026-04-06"]),
    # 9 May is a Saturday, so the first monthly update is Monday 11 May.
    ("last-working-day-of-march-2026-low-over-easter", "2026-03-31 14:00", 4, "2026-03-31 14:00", "2026-04-09 14:00",
     ["2026-05-11 14:00", "2026-06-09 14:00", "2026-07-09 14:00"],
     ["2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25"]),
    ("last-working-day-of-march-2027", "2027-03-31 16:00", 2, "2027-03-31 16:00", "2027-04-01 16:00",
     ["2027-04-05 16:00", "2027-04-07 16:00", "2027-04-09 16:00"], []),
    ("last-working-day-of-march-2028-a-friday", "2028-03-31 16:45", 2, "2028-03-31 16:45", "2028-04-03 16:45",
     ["2028-04-05 16:45", "2028-04-07 16:45", "2028-04-11 16:45"], []),
    # -- out of hours -------------------------------------------------------------------------------------------
    ("before-the-day-starts", "2026-11-30 07:15", 2, "2026-11-30 08:30", "2026-11-30 17:00",
     ["2026-12-02 17:00", "2026-12-04 17:00", "2026-12-08 17:00"], []),
    ("at-the-start-of-the-day", "2026-11-30 08:30", 3, "2026-11-30 08:30", "2026-12-01 17:00",
     ["2026-12-08 17:00", "2026-12-15 17:00", "2026-12-22 17:00"], []),
    ("a-minute-after-the-start", "2026-11-30 08:31", 2, "2026-11-30 08:31", "2026-12-01 08:31",
     ["2026-12-03 08:31", "2026-12-07 08:31", "2026-12-09 08:31"], []),
    ("late-evening", "2026-11-30 22:00", 2, "2026-12-01 08:30", "2026-12-01 17:00",
     ["2026-12-03 17:00", "2026-12-07 17:00", "2026-12-09 17:00"], []),
    ("sunday-a-minute-before-midnight", "2026-11-29 23:59", 4, "2026-11-30 08:30", "2026-12-04 17:00",
     ["2027-01-04 17:00", "2027-02-04 17:00", "2027-03-04 17:00"], ["2026-12-25", "2026-12-28", "2027-01-01"]),
    # Before 8.30 am on a Saturday: counting starts on Monday, not at 8.30 am that Saturday.
    ("saturday-midnight", "2026-11-28 00:00", 3, "2026-11-30 08:30", "2026-12-01 17:00",
     ["2026-12-08 17:00", "2026-12-15 17:00", "2026-12-22 17:00"], []),
    ("saturday-7.00am", "2026-11-28 07:00", 2, "2026-11-30 08:30", "2026-11-30 17:00",
     ["2026-12-02 17:00", "2026-12-04 17:00", "2026-12-08 17:00"], []),
    # -- no deadline ------------------------------------------------------------------------------------------
    # Critical: daily updates counted in working days from receipt, over Christmas Day and Monday 28 December.
    ("critical-has-no-target-in-working-days", "2026-12-24 16:45", 1, "2026-12-24 16:45", None,
     ["2026-12-29 16:45", "2026-12-30 16:45", "2026-12-31 16:45"], ["2026-12-25", "2026-12-28"]),
    ("hold", "2026-12-24 16:45", 5, None, None, [], []),
    ("waiting-for-school", "2026-11-28 10:00", 6, None, None, [], []),
    # -- other years: any day whose bank holidays the holidays package knows (1872 to 2100) ----------------------
    # Today's date when this was written, Monday 7 December 2026; Boxing Day (Saturday) is Monday 28 December.
    ("monday-7-december-2026", "2026-12-07 16:45", 3, "2026-12-07 16:45", "2026-12-09 16:45",
     ["2026-12-16 16:45", "2026-12-23 16:45", "2026-12-30 16:45"], ["2026-12-25", "2026-12-28"]),
    # The Platinum Jubilee: the Spring Bank Holiday moved to Thursday 2 June 2022, and Friday 3 June.
    ("platinum-jubilee-2022", "2022-06-01 16:45", 2, "2022-06-01 16:45", "2022-06-06 16:45",
     ["2022-06-08 16:45", "2022-06-10 16:45", "2022-06-14 16:45"], ["2022-06-02", "2022-06-03"]),
    # The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    ("state-funeral-2022", "2022-09-16 10:00", 3, "2022-09-16 10:00", "2022-09-21 10:00",
     ["2022-09-28 10:00", "2022-10-05 10:00", "2022-10-12 10:00"], ["2022-09-19"]),
    # The Coronation of Charles III, Monday 8 May 2023.
    ("coronation-2023", "2023-05-05 16:45", 2, "2023-05-05 16:45", "2023-05-09 16:45",
     ["2023-05-11 16:45", "2023-05-15 16:45", "2023-05-17 16:45"], ["2023-05-08"]),
    # The Silver Jubilee, Tuesday 7 June 1977.
    ("silver-jubilee-1977", "1977-06-03 16:45", 2, "1977-06-03 16:45", "1977-06-06 16:45",
     ["1977-06-09 16:45", "1977-06-13 16:45", "1977-06-15 16:45"], ["1977-06-07"]),
    # The first year the package knows: Good Friday 29 March and Easter Monday 1 April 1872.
    ("easter-1872", "1872-03-28 15:00", 3, "1872-03-28 15:00", "1872-04-03 15:00",
     ["1872-04-10 15:00", "1872-04-17 15:00", "1872-04-24 15:00"], ["1872-03-29", "1872-04-01"]),
]


@pytest.mark.parametrize("raised, level, counted_from, deadline, updates, skipped", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_deadline(raised, level, counted_from, deadline, updates, skipped):
    assert worked(raised, level) == (counted_from, deadline, updates, skipped)


def test_there_are_at_least_thirty_hand_checked_cases():
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


def full(raised: str, level: int) -> dict:
    moment = datetime.datetime.fromisoformat(raised)
    return answer(STANDARDS, full_calendar(STANDARDS), moment, level).as_json()


# --- the whole answer: receipt, updates and the bank holidays skipped ------------------------------------------


def test_high_every_two_working_days_over_the_august_bank_holiday():
    assert full("2026-08-28 16:45", 2) == {
        "level": 2, "counted_from": "2026-08-28T16:45", "deadline": "2026-09-01T16:45",
        "receipt_update": "2026-08-28T16:45", "assessment_update": True,
        "updates": ["2026-09-03T16:45", "2026-09-07T16:45", "2026-09-09T16:45"],
        "skipped": ["2026-08-31"], "beyond_known": False}


def test_medium_weekly_after_christmas():
    assert full("2026-12-24 16:45", 3) == {
        "level": 3, "counted_from": "2026-12-24T16:45", "deadline": "2026-12-30T16:45",
        "receipt_update": "2026-12-24T16:45", "assessment_update": True,
        "updates": ["2027-01-06T16:45", "2027-01-13T16:45", "2027-01-20T16:45"],
        "skipped": ["2026-12-25", "2026-12-28", "2027-01-01"], "beyond_known": False}


def test_a_weekly_update_on_a_bank_holiday_moves_to_the_next_working_day():
    found = full("2026-08-20 10:00", 3)
    assert found["deadline"] == "2026-08-24T10:00"
    assert found["updates"] == ["2026-09-01T10:00", "2026-09-07T10:00", "2026-09-14T10:00"]


def test_monthly_updates_keep_the_day_of_the_month_or_the_months_last_day():
    # Attention by Monday 31 January 2028; a month later is Tuesday 29 February (a leap year), then Friday
    # 31 March; 30 April is a Sunday and Monday 1 May is May Day, so Tuesday 2 May.
    found = full("2028-01-24 10:00", 4)
    assert found["deadline"] == "2028-01-31T10:00"
    assert found["updates"] == ["2028-02-29T10:00", "2028-03-31T10:00", "2028-05-02T10:00"]


def test_critical_is_updated_daily_from_receipt():
    assert full("2026-11-27 16:45", 1) == {
        "level": 1, "counted_from": "2026-11-27T16:45", "deadline": None, "receipt_update": None,
        "assessment_update": False, "updates": ["2026-11-30T16:45", "2026-12-01T16:45", "2026-12-02T16:45"],
        "skipped": [], "beyond_known": False}


def test_critical_out_of_hours_counts_from_the_next_working_day():
    found = full("2026-08-29 10:00", 1)
    assert found["counted_from"] == "2026-09-01T08:30"
    assert found["updates"] == ["2026-09-01T17:00", "2026-09-02T17:00", "2026-09-03T17:00"]
    assert found["skipped"] == ["2026-08-31"]


def test_an_update_after_the_end_of_a_working_day_counts_from_the_next():
    # Attention by 5.00 pm on Tuesday 1 September; two working days after that is 5.00 pm on Thursday.
    assert full("2026-08-29 10:00", 2)["updates"][0] == "2026-09-03T17:00"


@pytest.mark.parametrize("level", [5, 6])
def test_hold_and_waiting_for_school_have_no_dates(level):
    assert full("2026-12-24 16:45", level) == {
        "level": level, "counted_from": None, "deadline": None, "receipt_update": None,
        "assessment_update": False, "updates": [], "skipped": [], "beyond_known": False}


# --- words --------------------------------------------------------------------------------------------------


def words(raised: str, level: int):
    moment = datetime.datetime.fromisoformat(raised)
    cal = full_calendar(STANDARDS)
    return answer_words(STANDARDS, answer(STANDARDS, cal, moment, level), cal)


def test_the_answer_in_words():
    said = words("2026-08-29 10:00", 2)
    assert said.status == ("Priority 2 (High), logged at 10.00 am on Saturday 29 August 2026: attention by 5.00 pm "
                           "on Tuesday 1 September 2026.")
    assert said.facts == [
        ("Counted from", ["8.30 am on Tuesday 1 September 2026, when working hours next start (the call was logged "
                          "outside them)"]),
        ("Attention by", ["5.00 pm on Tuesday 1 September 2026"]),
        ("Updates", ["Upon receipt: 8.30 am on Tuesday 1 September 2026",
                     "After initial assessment: the specification gives no time; the later updates are counted "
                     "from the attention target, the latest time for it",
                     "Then every two days: 5.00 pm on Thursday 3 September 2026; 5.00 pm on Monday 7 September "
                     "2026; 5.00 pm on Wednesday 9 September 2026; and so on"]),
        ("Bank holidays not counted", ["Monday 31 August 2026 (Late Summer Bank Holiday)"])]


def test_no_deadline_in_words_quotes_the_specification():
    assert words("2026-12-24 16:45", 5).status == "Priority 5 (Hold): no deadline."
    assert words("2026-12-24 16:45", 5).facts == [("Why", [
        'The specification sets no target time for it, and says: "Monitored monthly, and reported as and when '
        'required by the Help Desk."'])]
    assert words("2026-12-24 16:45", 1).status == (
        "Priority 1 (Critical), logged at 4.45 pm on Thursday 24 December 2026: no target in working days; the "
        'specification says: "Ranks highest and above all other ICT Support Team activity."')


@pytest.mark.parametrize("minute, words", [
    (0, "12.00 am"), (15, "12.15 am"), (8 * 60 + 30, "8.30 am"), (11 * 60 + 59, "11.59 am"), (12 * 60, "12.00 pm"),
    (12 * 60 + 30, "12.30 pm"), (13 * 60, "1.00 pm"), (17 * 60, "5.00 pm"), (23 * 60 + 59, "11.59 pm"),
], ids=["midnight", "after-midnight", "start", "before-noon", "noon", "after-noon", "1pm", "end", "last-minute"])
def test_times_of_day_in_words(minute, words):
    assert time_words(minute) == words
    assert time_words(datetime.datetime(2026, 12, 31, minute // 60, minute % 60)) == words


def test_noon_is_pm_in_the_answer():
    said = words("2026-12-31 12:00", 2)
    assert said.status == ("Priority 2 (High), logged at 12.00 pm on Thursday 31 December 2026: attention by "
                           "12.00 pm on Monday 4 January 2027.")
    assert said.facts[0] == ("Attention by", ["12.00 pm on Monday 4 January 2027"])
    assert said.facts[-1] == ("Bank holidays not counted", ["Friday 1 January 2027 (New Year's Day)"])
    assert moment_words(datetime.datetime(2027, 1, 4, 0, 5)) == "12.05 am on Monday 4 January 2027"


def test_a_call_at_5pm_is_counted_from_the_next_morning_in_words():
    said = words("2026-11-27 17:00", 2)
    assert said.status == ("Priority 2 (High), logged at 5.00 pm on Friday 27 November 2026: attention by 5.00 pm "
                           "on Monday 30 November 2026.")
    assert said.facts[0] == ("Counted from", ["8.30 am on Monday 30 November 2026, when working hours next start "
                                              "(the call was logged outside them)"])
    assert said.facts[-1] == ("Bank holidays not counted", ["none in this time"])


def test_a_call_logged_on_a_bank_holiday_names_that_day_in_words():
    said = words("2026-08-31 11:00", 3)
    assert said.facts[0] == ("Counted from", ["8.30 am on Tuesday 1 September 2026, when working hours next start "
                                              "(the call was logged outside them)"])
    assert said.facts[-1] == ("Bank holidays not counted", ["Monday 31 August 2026 (Late Summer Bank Holiday)"])


# --- the calendar: every day whose bank holidays the holidays package knows -------------------------------------


def test_the_calendar_knows_the_bank_holidays_from_1872_to_2100():
    cal = full_calendar(STANDARDS)
    assert cal.known == (datetime.date(1872, 1, 1), datetime.date(2100, 12, 31))
    assert [day.isoformat() for day in cal.holidays if day.year in (2008, 2009) and day.weekday() < 5] == [
        "2008-01-01", "2008-03-21", "2008-03-24", "2008-05-05", "2008-05-26", "2008-08-25", "2008-12-25",
        "2008-12-26", "2009-01-01", "2009-04-10", "2009-04-13", "2009-05-04", "2009-05-25", "2009-08-31",
        "2009-12-25", "2009-12-28"]


def test_easter_monday_and_the_august_bank_holiday_are_holidays_in_england():
    cal = full_calendar(STANDARDS)
    assert cal.holidays[datetime.date(2026, 4, 6)] == "Easter Monday"
    assert cal.holidays[datetime.date(2026, 8, 31)] == "Late Summer Bank Holiday"


@pytest.mark.parametrize("raised", [datetime.datetime(1871, 12, 31, 10, 0), datetime.datetime(2101, 1, 1, 10, 0)])
def test_a_day_whose_bank_holidays_are_not_known_is_refused(raised):
    with pytest.raises(DeadlineError) as caught:
        answer(STANDARDS, full_calendar(STANDARDS), raised, 2)
    assert str(caught.value) == ("choose a day from Monday 1 January 1872 to Friday 31 December 2100: the bank "
                                 "holidays of those days only are known here")


def test_an_answer_that_reaches_past_the_known_holidays_says_so():
    # Christmas 2100 is a Saturday: Monday 27 and Tuesday 28 December are its substitutes. 1 January 2101 is a
    # Saturday, but the bank holidays of 2101 are not known, so Monday 3 January counts as a working day.
    cal = full_calendar(STANDARDS)
    found = answer(STANDARDS, cal, datetime.datetime(2100, 12, 24, 16, 45), 4)
    assert found.as_json() == {
        "level": 4, "counted_from": "2100-12-24T16:45", "deadline": "2101-01-04T16:45",
        "receipt_update": "2100-12-24T16:45", "assessment_update": True,
        "updates": ["2101-02-04T16:45", "2101-03-04T16:45", "2101-04-04T16:45"],
        "skipped": ["2100-12-27", "2100-12-28"], "beyond_known": True}
    assert answer_words(STANDARDS, found, cal).facts[-1] == ("Check", [
        "The bank holidays after Friday 31 December 2100 are not known here, so a later date above may need to "
        "move to the next working day."])


# --- reading input ---------------------------------------------------------------------------------------------


def test_reading_the_time_a_call_was_raised():
    assert parse_raised("2026-12-24 16:45") == datetime.datetime(2026, 12, 24, 16, 45)
    assert parse_raised("2026-12-24T16:45") == datetime.datetime(2026, 12, 24, 16, 45)


@pytest.mark.parametrize("text, message", [
    ("2026-02-30 10:00", "2026-02-30 is not a date in the calendar"),
    ("2026-12-24 24:00", "24:00 is not a time of day (valid: 00:00 to 23:59)"),
    ("24/12/2026 16:45", "'24/12/2026 16:45' is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. 2026-12-24 "
                         "16:45"),
])
def test_a_raised_time_that_does_not_exist_is_refused(text, message):
    with pytest.raises(DeadlineError) as caught:
        parse_raised(text)
    assert str(caught.value) == message


def test_a_priority_by_number_or_name():
    assert parse_priority(STANDARDS, "3") == 3
    assert parse_priority(STANDARDS, "Waiting for school") == 6
    with pytest.raises(DeadlineError) as caught:
        parse_priority(STANDARDS, "urgent")
    assert str(caught.value) == ("unknown priority 'urgent' (valid: 1 (Critical), 2 (High), 3 (Medium), 4 (Low), "
                                 "5 (Hold), 6 (Waiting for school))")


# --- England's bank holidays, kept between builds ----------------------------------------------------------------


@pytest.fixture
def holidays_copy(tmp_path, monkeypatch):
    """deadlines.py keeps its copy of the bank holidays in an empty folder of the test's own, read afresh."""
    monkeypatch.setattr(deadlines, "HOLIDAYS_CACHE", tmp_path)
    deadlines.england_holidays.cache_clear()
    yield tmp_path
    deadlines.england_holidays.cache_clear()


def test_the_bank_holidays_are_kept_and_read_back_the_same(holidays_copy):
    made = deadlines.england_holidays()
    (kept,) = holidays_copy.glob("bank-holidays-england-*.json")
    deadlines.england_holidays.cache_clear()
    read = deadlines.england_holidays()
    assert read == made
    assert (read.first, read.last) == (1872, 2100)
    assert read.days[datetime.date(2008, 12, 25)] == "Christmas Day"
    assert read.days[datetime.date(2009, 5, 25)] == "Spring Bank Holiday"
    assert len(list(holidays_copy.iterdir())) == 1, "no half-written copy is left beside the copy"
    assert kept.name.endswith(f"-{importlib.metadata.version('holidays')}.json")


def test_the_kept_copy_is_what_the_copy_says(holidays_copy):
    """A copy that reads well is believed: the build does not ask the package again."""
    (holidays_copy / f"bank-holidays-england-{importlib.metadata.version('holidays')}.json").write_text(
        json.dumps({"first": 2008, "last": 2009, "days": {"2008-12-25": "Christmas Day"}}), encoding="utf-8")
    assert deadlines.known_years() == (2008, 2009)
    assert deadlines.bank_holidays("england", [2008]) == {datetime.date(2008, 12, 25): "Christmas Day"}


@pytest.mark.parametrize("damaged", ["", "{", '{"first": 1872}', '{"first": 1872, "last": 2100, "days": []}',
                                     '{"first": 1872, "last": 2100, "days": {"25 December": "Christmas"}}', "[]"])
def test_a_damaged_copy_is_made_again_from_the_package(holidays_copy, damaged):
    kept = holidays_copy / f"bank-holidays-england-{importlib.metadata.version('holidays')}.json"
    kept.write_text(damaged, encoding="utf-8")
    assert deadlines.known_years() == (1872, 2100)
    assert deadlines.bank_holidays("england", [2009])[datetime.date(2009, 8, 31)] == "Late Summer Bank Holiday"
    assert json.loads(kept.read_text(encoding="utf-8"))["days"]["2009-04-13"] == "Easter Monday"


def test_a_folder_it_cannot_write_to_still_gives_the_holidays(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(deadlines, "HOLIDAYS_CACHE", blocked)
    deadlines.england_holidays.cache_clear()
    try:
        assert deadlines.bank_holidays("england", [2008])[datetime.date(2008, 3, 21)] == "Good Friday"
    finally:
        deadlines.england_holidays.cache_clear()


def test_years_outside_the_copy_are_asked_of_the_package(holidays_copy):
    (holidays_copy / f"bank-holidays-england-{importlib.metadata.version('holidays')}.json").write_text(
        json.dumps({"first": 2008, "last": 2009, "days": {"2008-12-25": "Christmas Day"}}), encoding="utf-8")
    assert deadlines.bank_holidays("england", [2010])[datetime.date(2010, 5, 3)] == "May Day"
    assert deadlines.bank_holidays("none", [2008]) == {}
