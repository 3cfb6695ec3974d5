"""The officer's data for ordering (prices.yaml `ordering`): checked, and warned about while it is empty."""

from __future__ import annotations

import pytest

from macros.sla.load import load
from test_data_errors import problems

pytestmark = pytest.mark.unit

P = "data/prices.yaml"


def ordering_warnings(files) -> list[str]:
    return [str(warning) for warning in load(files.dir).warnings if "ordering" in str(warning)]


def with_ordering(files, block: str) -> int:
    """Add an `ordering:` block to prices.yaml; return the line of its first key."""
    text = files.text("prices.yaml").rstrip("\n") + "\n"
    files.write("prices.yaml", text + "ordering:\n" + block)
    return text.count("\n") + 2


def test_empty_ordering_data_is_warned_about_not_refused(minimal):
    assert ordering_warnings(minimal) == [
        f"{P}:1: ordering.notice_by: no last date for notice: the planner states the rule (at least one term's "
        "notice, in writing) but not by when; set notice_by to the date the council decides, e.g. 2007-12-31",
        f"{P}:1: ordering.email: no address for orders: the printed order cannot say where to send it and the "
        "planner offers no e-mail; set email (and post_to, for paper orders) under ordering",
        f"{P}:1: ordering.opens: no window for orders: the home page and the planner do not say when orders are "
        "taken; set opens and closes under ordering (dates such as 2008-01-14)"]


def test_complete_ordering_data_has_no_warning(minimal):
    with_ordering(minimal, "  opens: 2008-01-14\n  closes: 2008-03-14\n  notice_by: 2007-12-31\n"
                           "  email: orders@example.gov.uk\n")
    assert ordering_warnings(minimal) == []


def test_a_window_needs_both_days_in_order(minimal):
    line = with_ordering(minimal, "  opens: 2008-03-14\n  closes: 2008-01-14\n")
    assert problems(minimal) == [
        f"{P}:{line + 1}: ordering.closes: 2008-01-14 is before the day orders open (2008-03-14); the window must "
        "close on or after the day it opens"]
    minimal.edit("prices.yaml", "  closes: 2008-01-14\n", "")
    assert problems(minimal) == [
        f"{P}:{line}: ordering.opens: the window for orders needs both days: add `closes:` (a date such as "
        "2008-01-14), or leave both empty"]


@pytest.mark.parametrize(("block", "expected"), [
    ("  notice_by: 31/12/2007\n", "ordering.notice_by: expected a date written as 2026-11-29 (year-month-day)"),
    ("  notice_by: 2007-02-30\n", "ordering.notice_by: 2007-02-30 is not a date in the calendar"),
    ("  email: orders at council\n", "ordering.email"),
])
def test_a_slip_in_the_ordering_data_names_the_line_and_key(minimal, block, expected):
    line = with_ordering(minimal, block)
    found = problems(minimal)
    assert len(found) == 1 and found[0].startswith(f"{P}:{line}: {expected}"), found


@pytest.mark.parametrize(("block", "stale"), [
    ("  notice_by: 2007-12-31\n", False),
    ("  notice_by: 2008-04-01\n", True),   # the day the year starts: too late to leave at the end of the last
    ("  notice_by: 2006-12-31\n", True),   # last year's, kept by make new-year
    ("  opens: 2008-01-14\n  closes: 2008-03-14\n", False),
    ("  opens: 2006-01-14\n  closes: 2006-03-14\n", True),
    ("  opens: 2009-04-01\n  closes: 2009-05-01\n", True),
])
def test_dates_left_from_another_year_are_warned_about(minimal, block, stale):
    """The minimal data's prices are for 2008/09, which starts on 1 April 2008."""
    with_ordering(minimal, block)
    found = [w for w in ordering_warnings(minimal) if "is not in" in w]
    assert len(found) == (1 if stale else 0), found
