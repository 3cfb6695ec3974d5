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
    assert [w for w in warnings_on(minimal, datetime.date(2027, 11, 28)) if "service_desk" not in w] == []
    assert [w for w in warnings_on(minimal, datetime.date(2027, 11, 30)) if "service_desk" not in w] == [
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
