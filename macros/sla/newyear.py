"""Start a new financial year: archive this year's data, set the new year, say what to review.

`make new-year YEAR=2009/10` (`python -m macros.sla new-year 2009/10`) copies the data files to
`data/archive/2008-09/`, where the "What has changed" page finds last year's data, then sets
`financial_year` in prices.yaml. Nothing else stored needs to move: the dates the site shows for a
financial year are worked out from it. What an officer must look at again (prices, review dates, any text
naming a year) is listed for them. It refuses, changing nothing, a year that does not follow the current
one, an archive that already exists, and data that does not pass `make check`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .archive import ARCHIVE
from .load import FILES, load
from .problems import DataError

YEAR = re.compile(r"^(\d{4})/(\d{2})$")
FINANCIAL_YEAR_LINE = re.compile(r"^financial_year:[ \t]*\S+[ \t]*$", re.M)
DATED = re.compile(r"\b(?:19|20)\d\d\b")


class Refused(Exception):
    """The new year was not started; the message says why, and nothing was changed."""


@dataclass(frozen=True)
class NewYear:
    """What `start` did, and what the officer must now review."""

    archive: Path
    previous: str
    year: str
    to_review: list[str]


def archive_name(financial_year: str) -> str:
    """'2008/09' as the folder name '2008-09'."""
    return financial_year.replace("/", "-")


def following(financial_year: str) -> str:
    """The financial year after '2008/09': '2009/10'."""
    first = int(financial_year[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}"


def start(data_dir: Path, year: str) -> NewYear:
    """Archive the data of the current year and set `year`; raise Refused, changing nothing, if it cannot."""
    try:
        catalog = load(data_dir)
    except DataError as error:
        raise Refused("the data has problems; fix them first (make check lists them), then start the new "
                      "year:\n" + "\n".join(str(problem) for problem in error.problems)) from None
    current = catalog.prices.financial_year
    expected = following(current)
    if not YEAR.match(year):
        raise Refused(f"'{year}' is not a financial year; write it as {expected} (four digits, a slash, two digits)")
    if year != expected:
        raise Refused(f"{year} does not follow the current financial year {current}; the next one is {expected}")
    archive = data_dir / ARCHIVE / archive_name(current)
    if archive.exists():
        raise Refused(f"{archive} already exists, so {current} has been archived before; nothing was changed. "
                      f"Remove or rename that folder first if you mean to archive {current} again")
    prices = data_dir / "prices.yaml"
    text = prices.read_text(encoding="utf-8")
    if len(FINANCIAL_YEAR_LINE.findall(text)) != 1:
        raise Refused(f"{prices} must have one line 'financial_year: {current}' at the start of a line, to change")
    archive.mkdir(parents=True)
    for name in FILES:
        if (data_dir / name).exists():
            shutil.copy2(data_dir / name, archive / name)
    prices.write_text(FINANCIAL_YEAR_LINE.sub(f"financial_year: {year}", text), encoding="utf-8")
    return NewYear(archive, current, year, to_review(data_dir, current))


def to_review(data_dir: Path, previous: str) -> list[str]:
    """What an officer must look at for the new year: the prices, the review dates, and each line that
    names a year (`file:line: text`)."""
    items = [
        "prices.yaml: every price (the Capita top-up prices, package prices and service prices) is still "
        f"last year's ({previous}); change those that changed",
        "site.yaml: review.last_reviewed and review.next_review_due, once the specification and prices are "
        "reviewed; the accessibility statement's dates when it is reviewed",
    ]
    for name in FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if DATED.search(line) and not line.lstrip().startswith(("#", "financial_year:")):
                items.append(f"{path.parent.name}/{name}:{number}: {line.strip()}")
    return items
