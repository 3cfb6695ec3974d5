"""What has changed since last year, built: the changes page lists exactly the year's changes (and the clauses
renumbered, and the schools added and removed), changes.csv gives the same as rows, and each school type's and
school's page shows the changes that affect it; the address of a school no longer listed has a page saying
so. Without an archive, each says there is no earlier year; a broken archive stops the build with its file and
line.

The diff itself: test_changes.py; the archive: test_archive.py; in Chromium: test_browser_changes.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from built_pages import read_page
from changes_edits import ADDED_SCHOOL, INSERTED_CLAUSE, INSERTED_TEXT, REMOVED_SCHOOL, RENUMBERED
from conftest import DataFiles, mkdocs_build
from macros.sla.__main__ import main

pytestmark = pytest.mark.build

CSV_COLUMNS = ["area", "change", "phase", "school_type", "tier", "item", "detail", "before", "after", "difference"]
AREAS = ["services", "inclusion-table", "costs", "prices", "contacts", "schools", "clauses", "clause-numbers"]


def words(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def heading(element: Tag) -> str:
    """A heading's words, without its permalink."""
    return words(element).removesuffix("¶").strip()


def html(site: Path, page: str) -> BeautifulSoup:
    """The page, without the words in brackets that explain a glossary word (test_school_page_build.py)."""
    return read_page(site / page / "index.html")


def area(soup: BeautifulSoup, anchor: str) -> list[Tag]:
    """The elements after the heading with id `anchor`, up to the next heading of the same level."""
    start = soup.find(id=anchor)
    assert start is not None, anchor
    found = []
    for sibling in start.find_next_siblings():
        if sibling.name == start.name:
            break
        found.append(sibling)
    return found


def table_rows(elements: list[Tag]) -> list[list[str]]:
    return [[words(cell) for cell in row.find_all(["th", "td"])]
            for element in elements for row in element.select("tbody tr")]


def read_csv(site: Path) -> tuple[bytes, list[str], list[dict[str, str]]]:
    raw = (site / "downloads" / "changes.csv").read_bytes()
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    return raw, list(reader.fieldnames or []), list(reader)


# -- a year's changes ----------------------------------------------------------------------


def test_the_changes_page_lists_exactly_the_years_changes(changes_site):
    page = html(changes_site, "changes")
    assert heading(page.find("h1")) == "What has changed since 2008/09"
    assert [heading["id"] for heading in page.select("article h2[id]") if heading["id"] in AREAS] == AREAS
    intro = words(page.select_one(".changes-intro"))
    assert "for 2009/10 from those for 2008/09: 6 changes, and 4 clauses with a new number." in intro

    assert [words(element) for element in area(page, "services")] == ["No service was added or removed."]
    assert table_rows(area(page, "inclusion-table")) == [
        ["Software installation and configuration (ICT Helpdesk)", "Gold", "YHGFL schools only (B)", "Included (Y)"]]
    assert [words(element) for element in area(page, "costs")] == ["No tier's cost changed for any type of school."]
    assert table_rows(area(page, "prices")) == [
        ["Complete SIMS Help Desk Support", "Secondary schools", "£1,090", "£1,150", "£60 more"]]
    assert table_rows(area(page, "contacts")) == [["Pam Plant", "Telephone", "01422 392569", "01422 392570"]]
    assert [words(item) for element in area(page, "schools") for item in element.select("li")] == [
        f"New {ADDED_SCHOOL[0]} (Primary schools)",
        f"Removed {REMOVED_SCHOOL[0]} ({REMOVED_SCHOOL[2]}) : no longer listed"]

    [clause] = [element for element in area(page, "clauses") if "clause-change" in element.get("class", [])]
    assert words(clause.find("h3")) == "New section 5.1 The council meets each school once a year to review…"
    assert clause.find("h3").find("a")["href"] == f"../specification/contract-length/#{INSERTED_CLAUSE}"
    assert words(clause.select_one(".clause-version")) == f"In 2009/10 {INSERTED_TEXT}"

    renumbered = table_rows(area(page, "clause-numbers"))
    assert [row[1:] for row in renumbered] == [list(numbers) for numbers in RENUMBERED.values()]
    assert renumbered[0][0] == "The terms of this service will be reviewed on an…"  # a clause without a title
    links = [row.find("a")["href"] for element in area(page, "clause-numbers") for row in element.select("tbody tr")]
    assert links == [f"../specification/contract-length/#{clause_id}" for clause_id in RENUMBERED]


def test_changes_csv_gives_the_same_as_rows(changes_site):
    raw, columns, rows = read_csv(changes_site)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # UTF-8 with a byte-order mark, as entitlements.csv
    assert columns == CSV_COLUMNS
    row = dict.fromkeys(CSV_COLUMNS, "")
    assert rows == [
        {**row, "area": "matrix-cell", "change": "changed", "phase": "primary", "tier": "gold",
         "item": "ICT Helpdesk: Software installation and configuration", "before": "B (YHGFL schools only)",
         "after": "Y (included)"},
        {**row, "area": "price-list", "change": "changed", "phase": "secondary",
         "item": "Complete SIMS Help Desk Support", "detail": "Capita SIMS Top-Up Subscription Service Prices",
         "before": "1090.00", "after": "1150.00", "difference": "60.00"},
        {**row, "area": "contact", "change": "changed", "item": "Pam Plant", "detail": "telephone",
         "before": "01422 392569", "after": "01422 392570"},
        {**row, "area": "school", "change": "added", "item": ADDED_SCHOOL[0], "school_type": "primary",
         "detail": f"schools/{ADDED_SCHOOL[1]}/"},
        {**row, "area": "school", "change": "removed", "item": REMOVED_SCHOOL[0],
         "school_type": "secondary-formerly-gm", "detail": f"schools/{REMOVED_SCHOOL[1]}/"},
        {**row, "area": "clause", "change": "added", "item": INSERTED_CLAUSE, "detail": "section 5.1",
         "after": INSERTED_TEXT},
        *({**row, "area": "clause-number", "change": "renumbered", "item": clause_id, "before": before, "after": after}
          for clause_id, (before, after) in RENUMBERED.items()),
    ]


@pytest.mark.parametrize("page, shown", [
    ("entitlement/primary", ["inclusion-table", "contacts", "clauses"]),
    ("entitlement/primary-formerly-gm", ["inclusion-table", "contacts", "clauses"]),
    ("entitlement/secondary", ["prices", "contacts", "clauses"]),
    # Gold: B (YHGFL schools only) became Y (included), which changes nothing for a YHGFL school.
    ("schools/example-brookside-primary-school-fictional", ["contacts", "clauses"]),
    ("schools/example-hill-top-primary-school-fictional", ["inclusion-table", "contacts", "clauses"]),
    ("schools/example-valley-primary-school-fictional", ["contacts", "clauses"]),  # Core: its code did not change
    ("schools/example-castle-high-school-fictional", ["prices", "contacts", "clauses"]),
])
def test_each_type_and_school_page_shows_the_changes_that_affect_it(changes_site, page, shown):
    soup = html(changes_site, page)
    assert heading(soup.find(id="changes")) == "What has changed for you since 2008/09"
    section = area(soup, "changes")
    assert [element["id"] for part in section for element in part.select("h3[id]")] == [
        f"changes-{anchor}" for anchor in shown]
    text = " ".join(words(part) for part in section)
    assert "4 clauses of the specification have a new number." in text
    assert "Pam Plant Telephone 01422 392569 01422 392570" in text
    if "inclusion-table" in shown:
        assert "Software installation and configuration (ICT Helpdesk) Gold" in text
    if page.startswith("schools/example-hill-top"):  # not a YHGFL school: the words for this school
        assert "Not included (B) Included (Y)" in text
    if "prices" in shown:
        assert "Complete SIMS Help Desk Support Secondary schools £1,090 £1,150 £60 more" in text


def test_the_changes_page_links_each_school_added_to_its_page(changes_site):
    page = html(changes_site, "changes")
    added, removed = [item for element in area(page, "schools") for item in element.select("li")]
    [link] = added.find_all("a")
    assert (words(link), link["href"]) == (ADDED_SCHOOL[0], f"../schools/{ADDED_SCHOOL[1]}/")
    assert words(html(changes_site, f"schools/{ADDED_SCHOOL[1]}").find("h1")).startswith(ADDED_SCHOOL[0])
    assert removed.find("a") is None  # named, with its type: its address no longer shows what it is entitled to


def test_a_removed_schools_address_has_a_page_saying_it_is_no_longer_listed(changes_site):
    page = html(changes_site, f"schools/{REMOVED_SCHOOL[1]}")
    assert heading(page.find("h1")) == f"{REMOVED_SCHOOL[0]} is no longer listed"
    assert words(page.find("title")).startswith(f"{REMOVED_SCHOOL[0]} is no longer listed - ")
    article = page.select_one("article")
    assert words(article.find("p")) == (
        f"{REMOVED_SCHOOL[0]}, one of the secondary schools formerly grant maintained, had a page of its own on this "
        "site in 2008/09. It is not in the list of schools for 2009/10, the year this site applies to, so this page "
        "no longer shows what it is entitled to.")
    # The home page's finder: the box for a name, and this year's schools, the new one included.
    finder = article.select_one(".find-school")
    assert finder.select_one("form.school-finder label[for=find-school-name]") is not None
    assert f"../{ADDED_SCHOOL[1]}/" in [link["href"] for link in finder.select("ul.school-list a")]
    assert REMOVED_SCHOOL[0] not in words(finder)
    links = {words(link): link["href"] for link in article.find_all("a")}
    assert links[REMOVED_SCHOOL[2]] == "../../entitlement/secondary-formerly-gm/"
    assert links["schools added, removed or renamed"] == "../../changes/#schools"
    # Like every page: the banner and the landmarks; unlike a school's: out of search engines, search and navigation.
    assert words(page.select_one(".md-banner .site-banner")).startswith("Applies to 2009/10")
    assert page.find("main") is not None and page.find("header") is not None and page.find("footer") is not None
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert html(changes_site, "changes").find("meta", attrs={"name": "robots"}) is None
    index = json.loads((changes_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in index["docs"] if REMOVED_SCHOOL[1] in doc["location"]] == []
    assert [doc["title"] for doc in index["docs"] if doc["location"] == f"schools/{ADDED_SCHOOL[1]}/"] == [
        ADDED_SCHOOL[0]]
    assert not [link for link in page.select("nav a") if REMOVED_SCHOOL[1] in link.get("href", "")]


def test_the_entitlement_page_lists_the_changes_in_its_contents(changes_site):
    soup = html(changes_site, "entitlement/primary")
    contents = [(link["href"], words(link)) for link in soup.select(".page-contents a")]
    assert contents[-1] == ("#changes", "What has changed for you since 2008/09")


def test_the_home_page_and_the_navigation_link_to_the_changes_page(changes_site):
    soup = html(changes_site, ".")
    assert [words(link) for link in soup.select('article a[href="changes/"]')] == ["What has changed since 2008/09"]
    assert [words(link) for link in soup.select('nav a[href="changes/"]')] == ["What has changed since 2008/09"]


# -- no archive, and an archive that cannot be compared ---------------------------------------------


def test_without_an_archive_there_is_no_earlier_year(built_site):
    page = html(built_site, "changes")
    assert heading(page.find("h1")) == "What has changed since last year"
    assert words(page.select_one("article p")).startswith("There is no earlier year to compare with.")
    for other in ("entitlement/primary", "schools/example-brookside-primary-school-fictional"):
        assert [words(element) for element in area(html(built_site, other), "changes")] == [
            "There is no earlier year to compare with."]
    assert [words(link) for link in html(built_site, ".").select('article a[href="changes/"]')] == [
        "What has changed since last year"]
    raw, columns, rows = read_csv(built_site)
    assert (raw.startswith(b"\xef\xbb\xbf"), columns, rows) == (True, CSV_COLUMNS, [])


def test_an_archive_that_cannot_be_compared_stops_the_build(project, tmp_path):
    assert main(["new-year", "2009/10", "--yes", "--data-dir", str(project / "data")]) == 0
    archived = DataFiles(project / "data" / "archive" / "2008-09")
    (archived.dir / "SHA256SUMS").unlink()  # an archive of before checksums: it loads as the models of today say
    line = archived.edit("prices.yaml", "prices: {primary: 850, secondary: 1090}",
                         "prices: {primary: 850, secondary: '£1,090'}")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/archive/2008-09/prices.yaml:{line}: " in output
    assert "write prices without £ or commas: 1090" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "changes").exists()


@pytest.mark.parametrize("page", ["changes", "entitlement/primary",
                                  "schools/example-hill-top-primary-school-fictional",
                                  f"schools/{REMOVED_SCHOOL[1]}"])
def test_the_changes_markup_reads_in_order(changes_site, page):
    """Tables with captions and scoped headers, headings without a skipped level, ids used once."""
    soup = html(changes_site, page)
    article = soup.select_one("article")
    for table in article.select("table"):
        assert table.caption is not None and words(table.caption)
        assert {th.get("scope") for th in table.find_all("th")} <= {"col", "row", "rowgroup"}
    levels = [int(tag.name[1]) for tag in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
