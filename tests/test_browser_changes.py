"""In Chromium: the page of what has changed since last year, after a year's changes (tests/changes_edits.py),
the changes on a school type's and a school's page, and the page at the address of a school no longer listed:
what a reader sees, the links, axe-core at desktop and mobile widths, reflow at 320 pixels, nothing requested
from another host, and the Nu HTML Checker.

Every page of the site without an archive (the changes page saying there is no earlier year) is checked by
test_accessibility.py; the words of the changes: test_changes_build.py."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from changes_edits import ADDED_SCHOOL, INSERTED_CLAUSE, INSERTED_TEXT, REMOVED_SCHOOL
from conftest import add_axe, served, watched_page
from test_accessibility import AXE_TAGS, VNU

pytestmark = pytest.mark.browser

PAGES = ["changes/", "entitlement/primary/", "entitlement/secondary/",
         "schools/example-hill-top-primary-school-fictional/", f"schools/{REMOVED_SCHOOL[1]}/"]


@pytest.fixture(scope="module")
def changes_url(changes_site: Path):
    """The site after a year's changes, served over HTTP on a free local port."""
    with served(changes_site) as url:
        yield url


@pytest.fixture
def reader(browser, changes_url):
    """A fresh page at desktop width; afterwards, fails if anything was requested from another host."""
    with watched_page(browser, changes_url, viewport={"width": 1280, "height": 900}) as page:
        yield page


def test_the_changes_page_in_chromium(reader: Page, changes_url):
    page = reader
    page.goto(changes_url + "/")
    page.get_by_role("link", name="What has changed since 2008/09").first.click()
    page.wait_for_url("**/changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^What has changed since 2008/09\b"))
    prices = page.get_by_role("table", name="Capita SIMS Top-Up Subscription Service Prices: changes")
    expect(prices.get_by_role("row")).to_have_count(2)
    # The page's first "SIMS" is in this row's header: explained there (sla/terms.py).
    row = ("Complete SIMS (the schools' management information software) Help Desk Support Secondary schools £1,090 "
           "£1,150 £60 more")
    expect(prices.get_by_role("row", name=row, exact=True)).to_be_visible()
    cell = page.get_by_role("table", name="The inclusion table for primary schools: codes changed")
    expect(cell.get_by_role("row").nth(1)).to_contain_text("YHGFL schools only")
    expect(page.get_by_role("table", name="Clause numbers that changed").get_by_role("row")).to_have_count(5)
    # The CSV downloads, and the new clause's link leads to it in the specification.
    response = page.request.get(changes_url + "/downloads/changes.csv")
    assert response.ok and response.body().startswith(b"\xef\xbb\xbfarea,change,")
    page.locator(".clause-change h3 a").first.click()
    page.wait_for_url(f"**/specification/contract-length/#{INSERTED_CLAUSE}")
    expect(page.get_by_text(INSERTED_TEXT)).to_be_visible()


def test_the_schools_added_and_removed_in_chromium(reader: Page, changes_url):
    page = reader
    page.goto(changes_url + "/changes/")
    schools = page.locator("#schools + ul.changes-list li")
    expect(schools).to_have_text([re.compile(rf"^New\s+{re.escape(ADDED_SCHOOL[0])}"),
                                  re.compile(rf"^Removed\s+{re.escape(REMOVED_SCHOOL[0])}")])
    page.get_by_role("link", name=ADDED_SCHOOL[0], exact=True).click()
    page.wait_for_url(f"**/schools/{ADDED_SCHOOL[1]}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(rf"^{re.escape(ADDED_SCHOOL[0])}"))


def test_a_removed_schools_address_answers_with_its_page_and_the_finder(reader: Page, changes_url):
    page = reader
    response = page.goto(f"{changes_url}/schools/{REMOVED_SCHOOL[1]}/")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(rf"^{re.escape(REMOVED_SCHOOL[0])} is no longer listed"))
    expect(page.locator(".md-banner")).to_contain_text("Applies to 2009/10")
    page.get_by_label("Your school's name").fill("woodland")
    found = page.locator("#home-schools li").filter(visible=True)
    expect(found).to_have_count(1)
    found.get_by_role("link").click()
    page.wait_for_url(f"**/schools/{ADDED_SCHOOL[1]}/")
    # An address that no school ever had is still not found.
    assert page.goto(f"{changes_url}/schools/no-such-school/").status == 404


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "mobile"])
def test_no_axe_violations_with_changes(browser, changes_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(f"{changes_url}/{path}", wait_until="load")
        add_axe(page)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                               "resultTypes: ['violations']})", AXE_TAGS)
        found += [f"{path}: {v['id']} ({len(v['nodes'])}x): {v['help']}: {v['nodes'][0]['html'][:120]}"
                  for v in result["violations"]]
    context.close()
    assert found == []


def test_the_changes_reflow_at_320_pixels(browser, changes_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    too_wide = []
    for path in PAGES:
        page.goto(f"{changes_url}/{path}")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            too_wide.append(f"{path}: {scroll}px wide")
    context.close()
    assert too_wide == []


def test_the_pages_with_changes_are_valid_html(changes_site):
    files = [str(changes_site / path / "index.html") for path in PAGES]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{m['url'].removeprefix('file:' + str(changes_site))}:{m.get('lastLine')}: {m['message']}"
            for m in messages] == []
