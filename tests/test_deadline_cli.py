"""`python -m macros.sla deadline`: the deadline first, for scripts; one clear line and a non-zero exit for bad input.

The expected dates are worked out by hand (see test_deadlines.py for the rules).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EDITION
from macros.sla.__main__ import main

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["deadline", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_the_issue_example_christmas_eve_at_priority_3(capsys):
    code, out, err = run(capsys, "--raised", "2026-12-24 16:45", "--priority", "3")
    assert (code, err) == (0, [])
    assert out == [
        "2026-12-30 16:45",
        "Priority 3 (Medium), logged at 4.45 pm on Thursday 24 December 2026: attention by 4.45 pm on Wednesday "
        "30 December 2026.",
        "Update upon receipt: 2026-12-24 16:45",
        "Update after initial assessment: no time given",
        "Updates then weekly: 2027-01-06 16:45, 2027-01-13 16:45, 2027-01-20 16:45, and so on",
        "Bank holidays skipped: 2026-12-25 (Christmas Day), 2026-12-28 (Boxing Day (observed)), 2027-01-01 "
        "(New Year's Day)"]


def test_out_of_hours_says_when_counting_starts(capsys):
    code, out, _ = run(capsys, "--raised", "2026-08-29 10:00", "--priority", "high")
    assert code == 0
    assert out[0] == "2026-09-01 17:00"
    assert "Counted from: 2026-09-01 08:30 (logged outside working hours)" in out
    assert out[-1] == "Bank holidays skipped: 2026-08-31 (Late Summer Bank Holiday)"


@pytest.mark.parametrize("priority, why", [
    ("5", 'Priority 5 (Hold): the specification sets no target time for it, and says: "Monitored monthly, and '
          'reported as and when required by the Help Desk."'),
    ("6", 'Priority 6 (Waiting for school): the specification sets no target time for it, and says: "Monitored '
          'monthly, and reported as and when required by the Help Desk."'),
])
def test_hold_and_waiting_for_school_have_no_deadline(capsys, priority, why):
    assert run(capsys, "--raised", "2026-12-24 16:45", "--priority", priority) == (0, ["no deadline", why], [])


def test_critical_has_no_deadline_but_daily_updates(capsys):
    code, out, _ = run(capsys, "--raised", "2026-11-27 16:45", "--priority", "1")
    assert code == 0
    assert out[0] == "no deadline"
    assert out[2] == "Updates daily, while unresolved: 2026-11-30 16:45, 2026-12-01 16:45, 2026-12-02 16:45, and so on"


@pytest.mark.parametrize("raised, priority, first, skipped", [
    # Today's date when this was written, Monday 7 December 2026: attention by Wednesday 9 December.
    ("2026-12-07 16:45", "3", "2026-12-09 16:45", "Bank holidays skipped: 2026-12-25 (Christmas Day), 2026-12-28 "
                                                  "(Boxing Day (observed))"),
    ("2022-06-01 16:45", "2", "2022-06-06 16:45", "Bank holidays skipped: 2022-06-02 (Spring Bank Holiday), "
                                                  "2022-06-03 (Platinum Jubilee of Elizabeth II)"),
    ("1977-06-03 16:45", "high", "1977-06-06 16:45", "Bank holidays skipped: 1977-06-07 (Silver Jubilee of "
                                                     "Elizabeth II)"),
    ("1872-03-28 15:00", "3", "1872-04-03 15:00", "Bank holidays skipped: 1872-03-29 (Good Friday), 1872-04-01 "
                                                  "(Easter Monday)"),
])
def test_any_year_whose_bank_holidays_are_known(capsys, raised, priority, first, skipped):
    code, out, err = run(capsys, "--raised", raised, "--priority", priority)
    assert (code, err) == (0, [])
    assert (out[0], out[-1]) == (first, skipped)


def test_the_last_known_year_says_what_it_cannot_know(capsys):
    code, out, _ = run(capsys, "--raised", "2100-12-24 16:45", "--priority", "4")
    assert code == 0
    assert out[0] == "2101-01-04 16:45"
    assert out[-2:] == ["Bank holidays skipped: 2100-12-27 (Christmas Day (observed)), 2100-12-28 (Boxing Day "
                        "(observed))", "Check: the bank holidays after 2100-12-31 are not known"]


@pytest.mark.parametrize("args, message", [
    (["--raised", "2026-12-24 16:45", "--priority", "9"],
     "error: unknown priority '9' (valid: 1 (Critical), 2 (High), 3 (Medium), 4 (Low), 5 (Hold), 6 (Waiting for "
     "school))"),
    (["--raised", "2026-02-30 10:00", "--priority", "2"], "error: 2026-02-30 is not a date in the calendar"),
    (["--raised", "2026-12-24 16:75", "--priority", "2"], "error: 16:75 is not a time of day (valid: 00:00 to 23:59)"),
    (["--raised", "tomorrow", "--priority", "2"],
     "error: 'tomorrow' is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. 2026-12-24 16:45"),
    (["--raised", "1871-12-31 10:00", "--priority", "2"],
     "error: choose a day from Monday 1 January 1872 to Friday 31 December 2100: the bank holidays of those days "
     "only are known here"),
    (["--raised", "2101-01-01 10:00", "--priority", "2"],
     "error: choose a day from Monday 1 January 1872 to Friday 31 December 2100: the bank holidays of those days "
     "only are known here"),
    (["--priority", "2"], "error: give --raised, e.g. deadline --raised '2026-12-24 16:45' --priority 3"),
    ([], "error: give --raised and --priority, e.g. deadline --raised '2026-12-24 16:45' --priority 3"),
])
def test_bad_input_is_one_clear_line_and_a_non_zero_exit(capsys, args, message):
    assert run(capsys, *args) == (2, [], [message])


def test_bad_data_is_reported_as_make_check_does(capsys, minimal):
    minimal.edit("services.yaml", '  working_hours: {start: "08:30", end: "17:00"}',
                 '  working_hours: {start: "08:30", end: "08:00"}')
    code, out, err = run(capsys, "--raised", "2026-12-24 16:45", "--priority", "1", "--data-dir", str(minimal.dir))
    assert (code, out) == (1, [])
    assert err[1].endswith("response_standards.working_hours: the working day must end after it starts (start "
                           "08:30, end 08:00)")


def test_the_command_runs_as_the_readme_says():
    result = subprocess.run([sys.executable, "-m", "macros.sla", "deadline", "--raised", "2026-12-24 16:45",
                             "--priority", "3", "--data-dir", str(EDITION)], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2026-12-30 16:45"
