"""The changes in words, rendered without MkDocs: no value of either year can put markup into a page, last
year's text is worded from last year's data, and the pages say so when there is no earlier year.

The built pages: test_changes_build.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import DataFiles
from macros.sla.changes_page import CSV_COLUMNS, NO_EARLIER_YEAR, csv_rows
from macros.sla.load import load
from macros.sla.pages import Pages
from macros.sla.site_pages import site_pages
from test_changes import ITEMS_BEFORE, LEGEND_Y, change_items, change_prices, schools_yaml

pytestmark = pytest.mark.unit

HOSTILE = '<script>alert(1)</script> " onmouseover="x'


def csv_row(area: str, change: str, item: str, **values: str) -> dict[str, str]:
    """A row of changes.csv: every column, those not given empty."""
    assert set(values) <= set(CSV_COLUMNS)
    return {column: {"area": area, "change": change, "item": item, **values}.get(column, "") for column in CSV_COLUMNS}


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def table(soup: BeautifulSoup, caption: str) -> list[list[str]]:
    """The rows of the table with this caption, each cell's words."""
    found = [element for element in soup.find_all("caption") if words(element) == caption]
    assert len(found) == 1, f"{len(found)} tables captioned {caption!r}"
    return [[words(cell) for cell in row.find_all(["th", "td"])] for row in found[0].parent.select("tbody tr")]




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
    contact_rows = [row for row in csv_rows(renderer.catalog, renderer.previous) if row["area"] == "contact"]
    assert contact_rows == [csv_row("contact", "changed", f"Alex {HOSTILE}", detail="name", before="Alex Example",
                                    after=f"Alex {HOSTILE}")]


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


# -- each kind of change, on the page and in changes.csv, typed out ------------------------------------


def test_every_kind_of_price_change_on_the_page_and_in_the_csv(years):
    change_prices(years)
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    assert table(soup, "Top-up prices: changes") == [
        ["Help desk (Support)", "Primary schools", "£850", "£900.50", "£50.50 more"],
        ["Site visit (Support)", "Primary schools", "£95", "£80", "£15 less"],
        ["Remote session (Support)", "Primary schools", "not offered", "£45", "new"],
        ["Training (Support)", "Primary schools", "£120", "not offered", "no longer listed"]]
    assert table(soup, "Prices of packages: changes") == [["Gold", "Primary schools", "£1,250", "£1,300", "£50 more"]]
    assert table(soup, "Prices of special and pay-as-you-use services: changes") == [
        ["Network survey (per day)", "Every school", "£300", "£320", "£20 more"],
        ["Training course (per session)", "Every school", "£150", "£125", "£25 less"],
        ["Server set-up", "Every school", "not listed", "£500", "new"],
        ["Cabling", "Every school", "£40", "not listed", "no longer listed"]]
    assert "for 2009/10 from those for 2008/09: 9 changes." in words(soup)
    top_up = {"phase": "primary", "detail": "Support"}
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("price-list", "changed", "Help desk", before="850.00", after="900.50", difference="50.50", **top_up),
        csv_row("price-list", "changed", "Site visit", before="95.00", after="80.00", difference="-15.00", **top_up),
        csv_row("price-list", "added", "Remote session", after="45.00", **top_up),
        csv_row("price-list", "removed", "Training", before="120.00", **top_up),
        csv_row("package", "changed", "Gold", phase="primary", school_type="primary", tier="gold", before="1250.00",
                after="1300.00", difference="50.00"),
        csv_row("service", "changed", "Network survey", detail="per day", before="300.00", after="320.00",
                difference="20.00"),
        csv_row("service", "changed", "Training course", detail="per session", before="150.00", after="125.00",
                difference="-25.00"),
        csv_row("service", "added", "Server set-up", after="500.00"),
        csv_row("service", "removed", "Cabling", before="40.00")]


def test_a_clauses_bullet_points_on_the_page_and_in_the_csv(years):
    change_items(years)
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    [change] = soup.select(".clause-change")
    assert words(change.select_one("h3")) == "Changed section 1.1 See section 1.2."
    assert words(change.find("p", recursive=False)) == "Changed: its bullet points."
    before, after = change.select(".clause-version")
    assert [words(p) for p in before.find_all("p")] == [
        "Bullet points in 2008/09", "Only in 2008/09: Call the help desk. · the head teacher"]
    assert [words(li) for li in before.select("ul > li")] == [
        "Call the help desk.", "Write to the officer the head teacher", "the officer", "the head teacher"]
    assert [words(p) for p in after.find_all("p")] == [
        "Bullet points in 2009/10", "New in 2009/10: Call the service desk. · E-mail the officer."]
    assert [words(li) for li in after.select("ul > li")] == [
        "Call the service desk.", "Write to the officer", "the officer", "E-mail the officer."]
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("clause", "changed", "one", detail="bullet points",
                before="- Call the help desk.\n- Write to\n  - the officer\n  - the head teacher",
                after="- Call the service desk.\n- Write to\n  - the officer\n- E-mail the officer.")]
    section = renderer.changes().for_school_type(renderer.catalog.school_type("primary"))
    assert "section 1.1 See section 1.2.: its bullet points changed" in words(BeautifulSoup(section, "html.parser"))


def test_bullet_points_added_to_a_clause_that_had_none(years):
    years[1].edit("services.yaml", "        text: See {section:two}.\n",
                  "        text: See {section:two}.\n" + ITEMS_BEFORE)
    renderer = pages(years)
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("clause", "changed", "one", detail="bullet points",
                after="- Call the help desk.\n- Write to\n  - the officer\n  - the head teacher")]
    [change] = safe(renderer.changes_page()).select(".clause-change")
    assert [words(p) for p in change.select(".clause-version-before p")] == ["Bullet points in 2008/09", "None."]


def test_matrix_rows_added_and_removed_in_the_csv_and_on_the_page(years):
    years[1].edit("services.yaml", "          - service: First service\n            codes: {core: Y, gold: Y}\n", "")
    years[1].edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y}\n"
                                                             "          - service: Third service\n"
                                                             "            codes: {core: N, gold: Y}")
    renderer = pages(years)
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("matrix-row", "added", "Group one: Third service", phase="primary",
                after="Core: N (not included); Gold: Y (included)"),
        csv_row("matrix-row", "removed", "Group one: First service", phase="primary",
                before="Core: Y (included); Gold: Y (included)")]
    soup = safe(renderer.changes_page())
    assert [words(li) for li in soup.select("ul.changes-list li")] == [
        "New Third service (Group one) : Core Not included (N); Gold Included (Y)",
        "Removed First service (Group one) : Core Included (Y); Gold Included (Y)"]


def test_a_code_whose_kind_changed_in_the_legend_on_the_page_and_in_the_csv(years):
    for data in years:
        data.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: N}")
    years[1].edit("services.yaml", "        meaning: not included\n        kind: not-included\n",
                  "        meaning: optional extra\n        kind: optional\n")
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    assert table(soup, "The inclusion table for primary schools: codes changed") == [
        ["Second service (Group one)", "Core", "Not included (N)", "Optional extra (N)"],
        ["Second service (Group one)", "Gold", "Not included (N)", "Optional extra (N)"]]
    assert words(soup.select_one(".changes-key")) == (
        "Codes, as in the key of the inclusion table: N, optional extra (in 2008/09: not included).")
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("matrix-cell", "changed", "Group one: Second service", phase="primary", tier=tier,
                before="N (not included)", after="N (optional extra)") for tier in ("core", "gold")]


def test_a_code_reworded_in_the_legend_on_the_page_and_in_the_csv(years):
    years[1].edit("services.yaml", LEGEND_Y, LEGEND_Y.replace("meaning: included", "meaning: included in the tier"))
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    assert table(soup, "The inclusion table for primary schools: codes changed") == [
        ["First service (Group one)", "Core", "Included (Y)", "Included (Y)"],
        ["First service (Group one)", "Gold", "Included (Y)", "Included (Y)"],
        ["Second service (Group one)", "Gold", "Included (Y)", "Included (Y)"]]
    assert words(soup.select_one(".changes-key")) == (
        "Codes, as in the key of the inclusion table: Y, included in the tier (in 2008/09: included).")
    assert [row["before"] + " | " + row["after"] for row in csv_rows(renderer.catalog, renderer.previous)] == [
        "Y (included) | Y (included in the tier)"] * 3


# -- schools added, removed and renamed; the page of a school no longer listed ----------------------------


def change_schools(years: tuple[DataFiles, DataFiles]) -> None:
    """2008/09 to 2009/10: Fell School added, Dale School removed, Old Hall School renamed New Hall Academy (it
    kept its address, schools/hall/), Brook School unchanged."""
    years[1].edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    years[0].write("schools.yaml", schools_yaml("Brook School", "Dale School", "Old Hall School | hall"))
    years[1].write("schools.yaml", schools_yaml("Brook School", "New Hall Academy | hall", "Fell School"))


def test_schools_added_removed_and_renamed_on_the_page_and_in_the_csv(years):
    change_schools(years)
    renderer = pages(years)
    soup = safe(renderer.changes_page())
    assert "Schools added, removed or renamed (3)" in [words(link) for link in soup.select(".page-contents a")]
    items = soup.select("ul.changes-list li")
    assert [words(li) for li in items] == [
        "Renamed New Hall Academy (Primary schools) : called Old Hall School in 2008/09",
        "New Fell School (Primary schools)",
        "Removed Dale School (Primary schools) : no longer listed"]
    assert [[link["href"] for link in li.find_all("a")] for li in items] == [
        ["/schools/hall#None"], ["/schools/fell-school#None"], []]  # a school removed has no page of its own
    assert "for 2009/10 from those for 2008/09: 3 changes." in words(soup)
    assert csv_rows(renderer.catalog, renderer.previous) == [
        csv_row("school", "renamed", "New Hall Academy", school_type="primary", detail="schools/hall/",
                before="Old Hall School", after="New Hall Academy"),
        csv_row("school", "added", "Fell School", school_type="primary", detail="schools/fell-school/"),
        csv_row("school", "removed", "Dale School", school_type="primary", detail="schools/dale-school/")]
    # Not on the pages of a school type or a school: a school added to the list changes nothing for the others.
    section = renderer.changes().for_school_type(renderer.catalog.school_type("primary"))
    assert "Fell School" not in section and "Dale School" not in section


def test_no_school_added_or_removed_is_said_as_for_the_other_kinds(years):
    years[1].edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    for data in years:
        data.write("schools.yaml", schools_yaml("Brook School"))
    soup = safe(pages(years).changes_page())
    assert "Schools added, removed or renamed (none)" in [words(link) for link in soup.select(".page-contents a")]
    assert ("No school was added to, removed from or renamed in the list of schools with a page of their own."
            in words(soup))


def test_a_removed_schools_page_says_so_and_offers_the_finder(years):
    change_schools(years)
    page = pages(years).removed_school_page("dale-school")
    title, _, body = page.partition("\n")
    assert title == "# Dale School is no longer listed"
    soup = safe(body)
    assert [words(h) for h in soup.find_all("h2")] == ["What you can do", "Find your school", "If you need help"]
    assert words(soup.find("p")) == (
        "Dale School, one of the primary schools, had a page of its own on this site in 2008/09. It is not in the "
        "list of schools for 2009/10, the year this site applies to, so this page no longer shows what it is "
        "entitled to.")
    links = [(words(link), link["href"]) for link in soup.find_all("a")]
    assert ("Primary schools", "/entitlement/primary#None") in links
    assert ("schools added, removed or renamed", "/changes#schools") in links
    # The home page's finder: a box for the school's name and this year's schools, the renamed one included.
    assert soup.select_one("form.school-finder input#find-school-name") is not None
    assert [words(link) for link in soup.select("ul.school-list a")] == [
        "Brook School", "New Hall Academy", "Fell School"]
    with pytest.raises(KeyError):
        pages(years).removed_school_page("brook-school")  # still listed: its own page is at that address


def test_a_removed_school_has_a_page_out_of_navigation_search_and_search_engines(years):
    change_schools(years)
    renderer = pages(years)
    listed = site_pages(renderer.catalog, renderer.previous)
    removed = [page for page in listed if page.call.macro == "removed_school_page"]
    assert [(page.path, page.title, str(page.call), page.nav, page.searched, page.indexed) for page in removed] == [
        ("schools/dale-school", "Dale School is no longer listed", "removed_school_page('dale-school')", None, False,
         False)]
    assert removed[0].meta() == {
        "description": "Dale School is no longer listed for 2009/10: it had a page on this site in 2008/09. What "
                       "schools of its type get, and whom to ask.",
        "search": {"exclude": True}, "robots": "noindex"}
    assert [page for page in site_pages(renderer.catalog) if page.call.macro == "removed_school_page"] == []  # none


def test_no_schools_name_puts_markup_into_the_pages(years):
    years[0].write("schools.yaml", schools_yaml(f"'Dale {HOSTILE}' | dale", f"'Old {HOSTILE}' | hall"))
    years[1].write("schools.yaml", schools_yaml(f"'Fell {HOSTILE}' | fell", f"'New {HOSTILE}' | hall"))
    renderer = pages(years)
    assert [words(li) for li in safe(renderer.changes_page()).select("ul.changes-list li")] == [
        f"New Fell {HOSTILE} (Primary schools)",
        f"Renamed New {HOSTILE} (Primary schools) : called Old {HOSTILE} in 2008/09",
        f"Removed Dale {HOSTILE} (Primary schools) : no longer listed"]
    title, _, body = renderer.removed_school_page("dale").partition("\n")
    assert "<script>" not in title and "&lt;script&gt;" in title
    assert words(safe(body).find("p")).startswith(f"Dale {HOSTILE}, one of the primary schools,")
