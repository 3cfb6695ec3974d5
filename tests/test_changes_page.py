"""The changes in words, rendered without MkDocs: no value of either year can put markup into a page, last
year's text is worded from last year's data, and the pages say so when there is no earlier year.

The built pages: test_changes_build.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import DataFiles
from macros.sla.changes_page import NO_EARLIER_YEAR, csv_rows
from macros.sla.load import load
from macros.sla.pages import Pages

pytestmark = pytest.mark.unit

HOSTILE = '<script>alert(1)</script> " onmouseover="x'




def pages(years: tuple[DataFiles, DataFiles] | None, data: DataFiles | None = None) -> Pages:
    if years is None:
        assert data is not None
        return Pages(load(data.dir), href=lambda path, anchor: f"/{path}#{anchor}")
    return Pages(load(years[1].dir), href=lambda path, anchor: f"/{path}#{anchor}", previous=load(years[0].dir))


def safe(html: str) -> BeautifulSoup:
    """The HTML, parsed, having checked that the hostile values stayed text."""
    soup = BeautifulSoup(html, "html.parser")
    # The only scripts are data blocks (the response-time calculator's), which no browser runs.
    assert [script for script in soup.find_all("script") if script.get("type") != "application/json"] == []
    assert [element.name for element in soup.find_all(True) if "onmouseover" in element.attrs] == []
    return soup


def test_no_value_of_either_year_puts_markup_into_a_page(years):
    before, after = years
    # Removed, last year: a row of the table and a clause; changed: a contact's name, a price list's title.
    before.edit("services.yaml", "          - service: First service\n",
                f"          - service: 'First service {HOSTILE}'\n")
    before.edit("services.yaml", "        text: See {section:two}.\n",
                f"        text: 'See {{section:two}}. {HOSTILE}'\n")
    after.edit("services.yaml", "          - service: First service\n            codes: {core: Y, gold: Y}\n", "")
    after.edit("services.yaml", "      - id: one\n        text: See {section:two}.\n", "")
    after.edit("services.yaml", "    name: Alex Example\n", f"    name: 'Alex {HOSTILE}'\n")
    after.edit("prices.yaml", "    title: Top-up prices\n", f"    title: 'Top-up prices {HOSTILE}'\n")
    after.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: 900}")
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    text = soup.get_text()
    assert f"First service {HOSTILE}" in text
    assert f"Alex {HOSTILE}" in text
    # Last year's clause, now gone, is worded from last year's data: its reference is words, not a link.
    assert f"See section 1.2. {HOSTILE}" in text
    assert [region["aria-label"] for region in soup.select("div[role=region]")] == [
        f"Top-up prices {HOSTILE}: changes", "Contacts: changes", "Clause numbers that changed"]
    school_type = renderer.catalog.school_type("primary")
    safe(renderer.entitlement_page("primary"))
    assert f"Alex {HOSTILE}" in safe(renderer.changes().for_school_type(school_type)).get_text()
    assert f"Alex {HOSTILE}" in "".join(row["before"] + row["after"] for row in csv_rows(renderer.catalog,
                                                                                            renderer.previous))


def test_without_an_earlier_year_the_pages_say_so(minimal):
    renderer = pages(None, minimal)
    assert renderer.changes().title == "What has changed since last year"
    page = renderer.changes_page()
    assert page.startswith("# What has changed since last year\n")
    assert NO_EARLIER_YEAR in page
    section = renderer.changes().for_school_type(renderer.catalog.school_type("primary"))
    assert BeautifulSoup(section, "html.parser").get_text().strip() == NO_EARLIER_YEAR
    assert csv_rows(renderer.catalog, None) == []


def test_a_year_without_changes_says_none_affect_the_school_type(years):
    years[1].edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    renderer = pages(years)
    section = renderer.changes().for_school_type(renderer.catalog.school_type("primary"))
    assert " ".join(BeautifulSoup(section, "html.parser").get_text().split()) == (
        "No changes since 2008/09 affect primary schools. Every change: What has changed since 2008/09.")
