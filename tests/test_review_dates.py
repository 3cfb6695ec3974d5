"""The yearly review: its dates are checked, shown on every page (test_banner.py), and `make check` warns
once a review is overdue."""

from __future__ import annotations

import datetime

import pytest

from macros.sla.checks import find_warnings
from macros.sla.load import load
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"


def warnings_on(files, today: datetime.date) -> list[str]:
    from macros.sla.yamlfile import read_yaml

    catalog = load(files.dir)
    return [str(warning) for warning in find_warnings(
        catalog.services, catalog.site, read_yaml(files.dir / "services.yaml", "data/services.yaml"),
        read_yaml(files.dir / "site.yaml", SITE), today)]


def test_an_overdue_review_is_a_warning(minimal):
    due = minimal.text("site.yaml").splitlines().index("  next_review_due: 2027-11-28") + 1
    reviewed = minimal.text("site.yaml").splitlines().index("  last_reviewed: 2026-11-29") + 1
    assert [w for w in warnings_on(minimal, datetime.date(2027, 11, 28))
            if "service_desk" not in w and "web_address" not in w] == []
    assert [w for w in warnings_on(minimal, datetime.date(2027, 11, 30))
            if "service_desk" not in w and "web_address" not in w] == [
        f"{SITE}:{due}: review.next_review_due: the yearly review was due on 2027-11-28 and is overdue; review the "
        "specification and prices, then run `make reviewed` and set next_review_due a year on",
        f"{SITE}:{reviewed}: accessibility.last_reviewed: the accessibility statement was last reviewed on "
        "2026-11-29, more than a year ago; review it and update last_reviewed"]


def test_review_dates_must_be_in_order_and_not_ahead(minimal):
    due = minimal.edit("site.yaml", "  next_review_due: 2027-11-28", "  next_review_due: 2026-11-01")
    assert problems(minimal) == [
        f"{SITE}:{due}: review.next_review_due: 2026-11-01 is not after the last review (2026-11-28); the next "
        "review is due after it, usually a year later"]
    minimal.edit("site.yaml", "  next_review_due: 2026-11-01", "  next_review_due: 3000-01-01")
    line = minimal.edit("site.yaml", "  last_reviewed: 2026-11-28", "  last_reviewed: 2999-01-01")
    found = problems(minimal)
    assert len(found) == 1 and found[0].startswith(
        f"{SITE}:{line}: review.last_reviewed: 2999-01-01 is in the future (today is ")


# --- the boundaries, day by day --------------------------------------------------------------------------


DUE_WARNING = ("review.next_review_due: the yearly review was due on 2027-11-28 and is overdue; review the "
               "specification and prices, then run `make reviewed` and set next_review_due a year on")
STATEMENT_WARNING = ("accessibility.last_reviewed: the accessibility statement was last reviewed on 2026-11-29, more "
                     "than a year ago; review it and update last_reviewed")


@pytest.mark.parametrize("today, overdue", [
    (datetime.date(2027, 11, 27), False),  # the day before it is due
    (datetime.date(2027, 11, 28), False),  # the day it is due: not yet overdue
    (datetime.date(2027, 11, 29), True),   # the day after
    (datetime.date(2028, 6, 1), True),
], ids=["day-before", "due-day", "day-after", "months-after"])
def test_the_review_is_overdue_from_the_day_after_it_is_due(minimal, today, overdue):
    due = minimal.text("site.yaml").splitlines().index("  next_review_due: 2027-11-28") + 1
    found = [w for w in warnings_on(minimal, today) if "next_review_due" in w]
    assert found == ([f"{SITE}:{due}: {DUE_WARNING}"] if overdue else [])


@pytest.mark.parametrize("today, overdue", [
    (datetime.date(2027, 11, 28), False),  # 364 days after the review
    (datetime.date(2027, 11, 29), False),  # a year to the day: not more than a year
    (datetime.date(2027, 11, 30), True),   # a year and a day
], ids=["day-before-a-year", "a-year", "a-year-and-a-day"])
def test_the_accessibility_statement_is_overdue_a_year_and_a_day_after_its_review(minimal, today, overdue):
    reviewed = minimal.text("site.yaml").splitlines().index("  last_reviewed: 2026-11-29") + 1
    found = [w for w in warnings_on(minimal, today) if "accessibility.last_reviewed" in w]
    assert found == ([f"{SITE}:{reviewed}: {STATEMENT_WARNING}"] if overdue else [])


def test_the_warnings_follow_the_dates_in_the_data(minimal):
    minimal.edit("site.yaml", "  next_review_due: 2027-11-28", "  next_review_due: 2028-03-01")
    assert [w for w in warnings_on(minimal, datetime.date(2028, 3, 1)) if "next_review_due" in w] == []
    assert [w.split(": ", 1)[1] for w in warnings_on(minimal, datetime.date(2028, 3, 2)) if "next_review_due" in w] == [
        "review.next_review_due: the yearly review was due on 2028-03-01 and is overdue; review the specification and "
        "prices, then run `make reviewed` and set next_review_due a year on"]


def test_a_review_done_today_is_accepted_and_one_dated_tomorrow_refused(minimal):
    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    later = today + datetime.timedelta(days=800)
    minimal.edit("site.yaml", "  next_review_due: 2027-11-28", f"  next_review_due: {later}")
    line = minimal.edit("site.yaml", "  last_reviewed: 2026-11-28", f"  last_reviewed: {today}")
    assert load(minimal.dir).site.review.last_reviewed == today.isoformat()
    minimal.edit("site.yaml", f"  last_reviewed: {today}", f"  last_reviewed: {tomorrow}")
    assert problems(minimal) == [f"{SITE}:{line}: review.last_reviewed: {tomorrow} is in the future (today is "
                                 f"{today}); write the date it was done"]


@pytest.mark.parametrize("key", ["prepared", "last_reviewed", "last_tested"])
def test_the_statements_dates_may_be_today_but_not_tomorrow(minimal, key):
    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    text = minimal.text("site.yaml")
    for name in ("prepared", "last_reviewed", "last_tested"):  # all today, so that they stay in order
        text = text.replace(f"  {name}: 2026-11-29", f"  {name}: {today}")
    minimal.write("site.yaml", text)
    load(minimal.dir)
    line = text.splitlines().index(f"  {key}: {today}") + 1
    minimal.write("site.yaml", text.replace(f"  {key}: {today}", f"  {key}: {tomorrow}"))
    found = problems(minimal)
    assert found[0] == (f"{SITE}:{line}: accessibility.{key}: {tomorrow} is in the future (today is {today}); "
                        "write the date it was done")


def test_the_next_review_must_be_due_at_least_a_day_after_the_last(minimal):
    line = minimal.edit("site.yaml", "  next_review_due: 2027-11-28", "  next_review_due: 2026-11-28")
    assert problems(minimal) == [
        f"{SITE}:{line}: review.next_review_due: 2026-11-28 is not after the last review (2026-11-28); the next "
        "review is due after it, usually a year later"]
    minimal.edit("site.yaml", "  next_review_due: 2026-11-28", "  next_review_due: 2026-11-29")
    assert load(minimal.dir).site.review.next_review_due == "2026-11-29"


def test_a_statement_reviewed_the_day_it_was_prepared_is_accepted(minimal):
    minimal.edit("site.yaml", "  prepared: 2026-11-29", "  prepared: 2026-11-20")
    minimal.edit("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-11-20")
    assert load(minimal.dir).site.accessibility.last_reviewed == "2026-11-20"
