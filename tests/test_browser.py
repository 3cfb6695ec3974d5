"""In Chromium: a reader types into the search box and follows a result to the right place.

Every request the pages make is recorded; none may go to another host.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def search(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("query, anchor, heading", [
    ("Call routing", "inclusions--ict-helpdesk--call-routing", "Call routing"),
    ("Sophos", "software--antivirus-software-sophos-f-secure", "Sophos, F-secure"),
    ("Platinum+", "primary-platinum-plus", "7.4.3 Platinum+ Service – Primary schools"),
    ("Complete SIMS Help Desk", "capita-top-up--complete-sims-help-desk-support",
     "Complete SIMS Help Desk Support"),
])
def test_search_result_leads_to_where_it_is_described(page, site_url, query, anchor, heading):
    page.goto(site_url + "/")
    search(page, query)
    result = page.locator(f".md-search-result__item a[href*='#{anchor}']").first
    expect(result).to_be_visible()
    result.click()
    page.wait_for_url(f"**#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_in_viewport()  # a row of a table, or a heading
    expect(target).to_contain_text(heading)
    assert "/specification/services/" in page.url


def test_search_for_a_contact_by_name(page, site_url):
    page.goto(site_url + "/specification/purpose/")
    search(page, "Sue Rumbold")
    result = page.locator(".md-search-result__item a[href*='/specification/complaints/'][href*='#']").first
    expect(result).to_contain_text("Sue Rumbold")  # her card, at her step of the route for complaints
    result.click()
    page.wait_for_url("**/specification/complaints/**#escalation--step-3")
    expect(page.locator(".contact-card", has_text="Sue Rumbold")).to_be_in_viewport()


def test_search_by_keyboard_only(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")  # Material's shortcut to the search box
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()  # on a loaded machine, keys typed before it has the focus are lost
    page.keyboard.type("Supply of CDs", delay=10)
    expect(box).to_have_value("Supply of CDs")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.keyboard.press("ArrowDown")  # the page the results are on
    page.keyboard.press("ArrowDown")  # its best section
    page.keyboard.press("Enter")
    page.wait_for_url("**/specification/services/**#inclusions--sims-technical-support--supply-of-cds")
    expect(page.locator("#inclusions--sims-technical-support--supply-of-cds")).to_be_visible()


def test_cross_reference_link_is_followed(page, site_url):
    page.goto(site_url + "/specification/contract-length/")
    page.get_by_role("link", name="section 5.3").click()
    expect(page.locator("#notice-period")).to_be_in_viewport()
    page.goto(site_url + "/specification/service-provision/")
    page.get_by_role("link", name="section 3.2.5").click()
    page.wait_for_url("**/specification/service-standards/#responsiveness")
    expect(page.get_by_role("heading", name="3.2.5 Responsiveness")).to_be_visible()
