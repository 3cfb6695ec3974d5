"""In Chromium: the first phone screen of a school page answers what it gets, what it costs and whom to call;
a printed school page fits three A4 pages and says whose, which tier, which year and when; a page narrowed to
a tier prints that tier only; the home page finds a school by name."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

HILL_TOP = "schools/example-hill-top-primary-school-fictional/"


def pdf_text(page, url: str) -> tuple[int, str]:
    """Print `url` to an A4 PDF as Chromium does; its number of pages and its text."""
    page.goto(url)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_first_phone_screen_of_a_school_page_answers_first(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/{HILL_TOP}")
    rows = page.locator(".summary-list-row")
    tier = rows.filter(has_text="Your tier and its cost")
    help_row = rows.filter(has_text="Report a fault or ask a question")
    expect(tier.locator("dd")).to_have_text("Gold: at additional cost; the price is to be notified (section 12.2)")
    expect(help_row.locator("dd p").first).to_contain_text("Report faults and ask questions to the ICT Service Desk")
    for row in (tier, help_row.locator("dd p").first):
        box = row.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, box
    context.close()


@pytest.mark.parametrize("slug, tier", [("example-hill-top-primary-school-fictional", "Gold"),
                                        ("example-moorside-junior-and-infant-school-fictional", "Platinum+"),
                                        ("example-castle-high-school-fictional", "Silver")])
def test_a_school_page_prints_on_at_most_three_pages_for_governors(page, site_url, slug, tier):
    count, text = pdf_text(page, f"{site_url}/schools/{slug}/")
    today = datetime.date.today()
    assert count <= 3, count
    first_page = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    first = " ".join(first_page.split())
    assert "Calderdale Metropolitan Borough Council: Traded services: ICT and information management." in first
    assert "For the financial year 2008/09." in first
    assert f"Printed on {today.day} {today:%B %Y}." in first
    assert f"Your tier and its cost {tier}: at" in first
    assert "Report a fault or ask a question Report faults and ask questions to the ICT Service Desk" in first
    assert "How to leave To end the contract at any point after 1 April" in first
    assert "section 5.3" in text and "specification/contract-length" not in text  # clause references, no addresses


def test_a_link_to_one_tier_leads_to_its_page_which_prints_that_tier_only(page, site_url):
    page.goto(f"{site_url}/entitlement/primary/?tier=gold&yhgfl=no")
    expect(page).to_have_url(re.compile(r"/entitlement/primary/gold/"))
    count, text = pdf_text(page, page.url)
    assert count <= 3
    assert "Gold Service" in text and "Platinum+ Service" not in text
    assert "Specific exclusions (applies to both Gold and Platinum)" in text


def test_a_platinum_plus_school_is_not_shown_the_exclusions_of_gold_and_platinum(page, site_url):
    _, text = pdf_text(page, f"{site_url}/schools/example-moorside-junior-and-infant-school-fictional/")
    assert "Gold Service" in text and "Platinum Service" in text
    assert "Specific exclusions" not in text


def test_the_home_page_finds_a_school_by_name_with_the_keyboard(page, site_url):
    page.goto(f"{site_url}/")
    box = page.get_by_label("Your school's name")
    box.focus()
    page.keyboard.type("hill")
    schools = page.locator("#home-schools li")
    expect(schools.filter(visible=True)).to_have_count(1)
    expect(schools.filter(visible=True).locator("a")).to_have_text("Example Hill Top Primary School (fictional)")
    expect(page.locator("#find-school-status")).to_have_text("1 school matches.")
    page.keyboard.press("Enter")
    expect(page.locator("#home-schools a").filter(has_text="Hill Top")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/{HILL_TOP}")


def test_without_javascript_the_home_page_lists_every_school(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/")
    expect(page.locator("form.school-finder")).to_be_hidden()
    expect(page.locator("#home-schools li")).to_have_count(6)
    context.close()
