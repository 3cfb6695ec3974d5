"""Reading a built page as a test reads it: the HTML of the page, without the words in brackets that explain the
first use of a glossary word ("SIMS (the schools' management information software)"), which test_terms.py and
test_school_page_build.py test on their own, so that other tests read the text as the data say it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def without_explanations(soup: BeautifulSoup) -> BeautifulSoup:
    """`soup` with every `.term-explained` taken out and the words on either side one text again."""
    for span in soup.select(".term-explained"):
        span.decompose()
    soup.smooth()
    return soup


def read_page(file: Path, explained: bool = False) -> BeautifulSoup:
    """The built page in `file` (an index.html), without the glossary's explanations unless `explained`."""
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return soup if explained else without_explanations(soup)
