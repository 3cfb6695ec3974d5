"""In Chromium: what a reader types into the search box, in their own words, and the page (and the place on it)
that must come first. Material's own search runs the queries against the index the site builds; see
macros/sla/search.py for the entries, the synonyms and the weights.

The page is opened once for the whole table: each query replaces the last in the search box."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import EDITION, watched_page
from macros.sla.load import load

pytestmark = pytest.mark.browser

SPEC = "specification"
QUERIES = [
    # query, the page of the first result, the place on it its best entry leads to (None: the page itself)
    # -- synonyms: leaving
    ("leave", f"{SPEC}/contract-length/", "notice-period"),
    ("cancel", f"{SPEC}/contract-length/", "notice-period"),
    ("terminate", f"{SPEC}/contract-length/", "notice-period"),
    ("end the contract", f"{SPEC}/contract-length/", "notice-period"),
    ("how do I leave", f"{SPEC}/contract-length/", "notice-period"),
    ("notice", f"{SPEC}/contract-length/", "notice-period"),
    # -- synonyms: whom to call (questions about the services: 2.3; the ICT Service Desk and the complaints route
    #    follow; "call" alone is a word of "log a call", the fault route)
    ("phone", f"{SPEC}/providers/", "provider-contact"),
    ("ring", f"{SPEC}/providers/", "provider-contact"),
    ("telephone", f"{SPEC}/providers/", "provider-contact"),
    ("contact", f"{SPEC}/providers/", "provider-contact"),
    ("email", f"{SPEC}/providers/", "provider-contact"),
    # -- synonyms: prices
    ("cost", f"{SPEC}/price/", "package-prices"),
    ("price", f"{SPEC}/price/", "package-prices"),
    ("charge", f"{SPEC}/price/", "package-prices"),
    ("fee", f"{SPEC}/price/", "package-prices"),
    ("how much", f"{SPEC}/price/", "package-prices"),
    # -- a specific word outranks a synonym: "cost" leads to the package prices, "Capita" names 7.6.3 (the Capita
    #    top-up and its prices), which the synonym also leads to; and a clause comes before the rows of its tables
    ("cost of Capita support", f"{SPEC}/services/", "capita-top-up"),
    ("capita top-up", f"{SPEC}/services/", "capita-top-up"),
    ("price of capita top-up", f"{SPEC}/services/", "capita-top-up"),
    # -- synonyms: something is wrong: the fault route (the ICT Service Desk), not the complaints route
    ("fault", "", "report-a-fault"),
    ("broken", "", "report-a-fault"),
    ("not working", "", "report-a-fault"),
    ("problem", "", "report-a-fault"),
    ("my computer is broken", "", "report-a-fault"),
    ("log a call", "", "report-a-fault"),
    ("service desk", "", "report-a-fault"),
    ("report a fault", "", "report-a-fault"),
    ("call", "", "report-a-fault"),
    ("who do I call", "", "report-a-fault"),
    ("repair", "", "report-a-fault"),
    ("fix", "", "report-a-fault"),
    ("broken PC", "", "report-a-fault"),
    ("response times", f"{SPEC}/service-standards/", "responsiveness"),
    ("how long", f"{SPEC}/service-standards/", "responsiveness"),
    # -- synonyms: complaints: the route of 11.1
    ("complaint", f"{SPEC}/complaints/", "escalation"),
    ("complain", f"{SPEC}/complaints/", "escalation"),
    ("not happy", f"{SPEC}/complaints/", "escalation"),
    ("unhappy", f"{SPEC}/complaints/", "escalation"),
    ("escalate", f"{SPEC}/complaints/", "escalation"),
    # -- the curriculum network and its computers: supported by the primary Platinum tier
    ("curriculum", f"{SPEC}/services/", "primary-platinum"),
    ("classroom", f"{SPEC}/services/", "primary-platinum"),
    ("whole school", f"{SPEC}/services/", "primary-platinum"),
    # -- a clause's subject: that clause first
    ("priority 1", f"{SPEC}/service-standards/", "priority-1"),
    ("priority 3", f"{SPEC}/service-standards/", "priority-3"),
    ("critical", f"{SPEC}/service-standards/", "priority-1"),
    ("Gold", f"{SPEC}/services/", "gold"),
    ("Platinum+", f"{SPEC}/services/", "primary-platinum-plus"),
    ("secondary platinum", f"{SPEC}/services/", "secondary-platinum"),
    ("CRB", f"{SPEC}/service-standards/", "identification"),
    ("commitment", f"{SPEC}/contract-length/", "initial-commitment"),
    ("invoice", f"{SPEC}/charging/", None),
    # -- rows of the tables, people and schools
    ("Call routing", f"{SPEC}/services/", "inclusions--ict-helpdesk--call-routing"),
    ("Supply of CDs", f"{SPEC}/services/", "inclusions--sims-technical-support--supply-of-cds"),
    ("Sophos", f"{SPEC}/services/", "software--antivirus-software-sophos-f-secure"),
    ("Microsoft Office", f"{SPEC}/services/", "software--desktop-applications-microsoft-office-family-of-products"),
    ("Complete SIMS Help Desk", f"{SPEC}/services/", "capita-top-up--complete-sims-help-desk-support"),
    ("SIMS Examinations module", f"{SPEC}/services/", "capita-top-up--individual-modules--sims-examinations-module"),
    ("internet", f"{SPEC}/services/", "inclusions--administration-network--support-for-internet-access"),
    ("Pam Plant", f"{SPEC}/complaints/", "escalation--step-2"),
    ("Sue Rumbold", f"{SPEC}/complaints/", "escalation--step-3"),
    ("Brookside", "schools/example-brookside-primary-school-fictional/", None),
    ("Hill Top Primary", "schools/example-hill-top-primary-school-fictional/", None),
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """The home page with the search box, kept open for the whole table; no request may leave the site."""
    with watched_page(browser, site_url, viewport={"width": 1280, "height": 900}) as page:
        page.goto(site_url + "/")
        page.locator("input.md-search__input").click()
        yield page


def ask(page: Page, query: str) -> None:
    """Put `query` in the search box (Material searches on key up), once the results of the last are gone."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    box.fill(query)
    box.press("End")


@pytest.mark.parametrize("query, first, place", QUERIES, ids=[query for query, _, _ in QUERIES])
def test_the_first_result_is_where_the_reader_means(search_page, site_url, query, first, place):
    ask(search_page, query)
    result = search_page.locator(".md-search-result__item").first
    links = result.locator(":scope > a")  # the page, then its best parts (the rest are folded away)
    expect(links.first).to_have_attribute("href", re.compile(rf"^{re.escape(site_url)}/{re.escape(first)}(\?|$)"))
    if place is not None:
        expect(links.nth(1)).to_have_attribute("href", re.compile(rf"/{re.escape(first)}(\?[^#]*)?#{place}$"))


def test_the_table_asks_every_synonym_of_the_data():
    """Each word of data/site.yaml's synonyms (the issue's among them) is a query of the table above."""
    words = {word for synonym in load(EDITION).site.search.synonyms for word in synonym.words}
    assert {"leave", "cancel", "terminate", "phone", "log a call", "ring", "cost", "price", "charge", "fault",
            "broken"} <= words
    assert words - {query for query, _, _ in QUERIES} == set()
    assert len(QUERIES) >= 25


def typed(page: Page, address: str, query: str):
    """The best part of the first result for `query`, typed key by key into the search box at `address`."""
    page.goto(address)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)
    return page.locator(".md-search-result__item").first.locator(":scope > a").nth(1)


def test_a_synonym_leads_to_its_place_and_the_preview_reads_as_words(page, site_url):
    best = typed(page, site_url + "/", "cancel")
    expect(best).to_contain_text("5.3 How to leave")
    expect(best).to_contain_text("either party must give the other at least one term's notice")
    best.click()
    page.wait_for_url("**/specification/contract-length/**#notice-period")
    expect(page.locator("#notice-period")).to_be_in_viewport()


def test_a_row_found_by_search_is_shown(page, site_url):
    best = typed(page, site_url + "/specification/purpose/", "priority 1")
    expect(best).to_contain_text("Priority 1: Critical")
    expect(best).to_contain_text("Expected to apply to less than 5% of incidents.")
    best.click()
    page.wait_for_url("**/specification/service-standards/**#priority-1")
    expect(page.locator("[id='priority-1']")).to_be_visible()


def test_a_fault_leads_to_the_service_desk_and_then_the_response_times(search_page, site_url):
    """Fault words lead to where to report a fault (the home page's ICT Service Desk), then to the response
    standards; the complaints route is not what they find first."""
    ask(search_page, "broken")
    results = search_page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(rf"^{re.escape(site_url)}/(\?|$)"))
    expect(search_page.locator(".md-search-result__item a[href*='/specification/service-standards/']").first) \
        .to_be_attached()


def test_the_404_pages_search_box_opens_search_with_the_words(page, site_url):
    """The page for a missing address sends its words to the home page (?q=), where the theme's search opens with
    them."""
    page.goto(site_url + "/404.html")
    box = page.get_by_role("searchbox", name="Search the site")
    box.fill("cancel")
    box.press("Enter")
    page.wait_for_url(re.compile(rf"^{re.escape(site_url)}/(\?q=cancel)?$"))
    expect(page.locator("input.md-search__input")).to_have_value("cancel")
    best = page.locator(".md-search-result__item").first.locator(":scope > a").nth(1)
    expect(best).to_contain_text("5.3 How to leave")
