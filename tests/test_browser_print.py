"""In Chromium: every kind of page printed to A4 says whose service it is, the site's title, the financial year
and the day, on its first page, prints no address, and fits its number of pages; on a phone, the header shows
the short title and every card of a table is in sight of its group's heading.

The kinds of page are a table (`PAGE_KINDS`): to add one, add its sample address and its most pages."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import watched_page

pytestmark = pytest.mark.browser

PAGE_KINDS: dict[str, tuple[str, int | None]] = {
    "home": ("", None),
    "school type": ("entitlement/primary/", None),
    "tier of a school type": ("entitlement/primary/gold/", 3),
    "comparison": ("compare/primary/", None),
    "move between tiers": ("compare/primary/gold-to-platinum/", 3),
    "school": ("schools/example-hill-top-primary-school-fictional/", 3),
    "schools index": ("schools/", None),
    "changes": ("changes/", None),
    "response times": ("response-times/", None),
    "glossary": ("glossary/", None),
    "specification section": ("specification/services/", None),
    "whole specification": ("whole-specification/", None),
    "about this edition": ("about-this-edition/", None),
    "accessibility": ("accessibility/", None),
    "privacy": ("privacy/", None),
    "page not found": ("404.html", None),
}
"""Each kind of page: the address of one page of that kind, and the most A4 pages it may print on (None: no
limit). The site must have each."""

FIRST_PAGE = ("Calderdale Metropolitan Borough Council: Traded services: ICT and information management. "
              "For the financial year 2008/09.")


def today_words() -> str:
    today = datetime.date.today()
    return f"{today.day} {today:%B %Y}"


def printed(page, url: str) -> list[str]:
    """`url` printed to an A4 PDF as Chromium prints it: the text of each page, its spaces and lines made one."""
    page.goto(url)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_each_kind_of_page_prints_whose_which_year_and_when_and_no_address(browser, site_url, built_site, kind):
    path, most = PAGE_KINDS[kind]
    assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), (
        f"the site has no page {path!r} of the kind {kind!r}")
    with watched_page(browser, site_url, viewport={"width": 1280, "height": 900}) as page:
        sheets = printed(page, f"{site_url}/{path}")
    if most is not None:
        assert len(sheets) <= most, f"{kind} prints on {len(sheets)} A4 pages, more than {most}"
    day = today_words()
    assert sheets[0].startswith(f"{FIRST_PAGE} Site built on {day}. Printed on {day}."), sheets[0][:300]
    assert [sheet for sheet in sheets if "http" in sheet] == []


def test_without_javascript_a_printed_page_says_when_the_site_was_built(browser, site_url):
    with watched_page(browser, site_url, java_script_enabled=False) as page:
        sheets = printed(page, f"{site_url}/compare/primary/")
    assert sheets[0].startswith(f"{FIRST_PAGE} Site built on {today_words()}. Compare the tiers: primary schools")
    assert "Printed on" not in sheets[0]


def test_a_printed_link_names_the_page_it_leads_to_not_its_address(page, site_url):
    text = " ".join(printed(page, f"{site_url}/"))
    assert "tiers for primary schools (see “Compare the tiers: primary schools”)" in text
    assert "/compare/primary/" not in text


@pytest.mark.parametrize("width, shown, hidden", [
    (390, "ICT services for schools", "Calderdale Council – Traded services: ICT and information management"),
    (1280, "Calderdale Council – Traded services: ICT and information management", "ICT services for schools"),
])
def test_the_header_shows_the_short_title_on_a_phone_and_the_full_name_on_a_wide_screen(browser, site_url, width,
                                                                                         shown, hidden):
    with watched_page(browser, site_url, viewport={"width": width, "height": 844}) as page:
        page.goto(f"{site_url}/entitlement/primary/")
        title = page.locator(".md-header__topic").first
        expect(title.get_by_text(shown, exact=True)).to_be_visible()
        expect(title.get_by_text(hidden, exact=True)).to_be_hidden()
        name = title.locator(".md-ellipsis")
        assert name.evaluate("(e) => e.scrollWidth <= e.clientWidth"), "the name is cut short"


@pytest.mark.parametrize("width", [320, 390])
def test_the_short_title_fits_the_smallest_phones(browser, site_url, width):
    with watched_page(browser, site_url, viewport={"width": width, "height": 700}) as page:
        page.goto(f"{site_url}/")
        name = page.locator(".md-header__topic .md-ellipsis").first
        expect(name).to_have_text("ICT services for schools", use_inner_text=True)
        assert name.evaluate("(e) => e.scrollWidth <= e.clientWidth"), "the short title is cut short"


def whole_school_network(page):
    """The group of rows "Whole School Network" of the comparison's inclusion table: a <tbody>, its heading first."""
    return page.locator(".table-wrap tbody", has=page.locator(
        "tr.group-row", has_text=re.compile(r"^\s*Whole School Network\s*$"))).first


def test_a_card_scrolled_on_a_phone_is_in_sight_of_its_group(browser, site_url):
    """"Hardware and network support: Not included" means nothing without "Whole School Network"."""
    with watched_page(browser, site_url, viewport={"width": 390, "height": 844}) as page:
        page.goto(f"{site_url}/compare/primary/")
        group = whole_school_network(page)
        card = group.locator("tr:not(.group-row)", has_text="Installation of curriculum software")
        heading = group.locator("tr.group-row")
        card.evaluate("(row) => window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 400)")
        header = page.locator(".md-header").bounding_box()
        top, card_box = heading.bounding_box(), card.bounding_box()
        assert header and top and card_box
        assert header["y"] + header["height"] <= top["y"] + 1, "the group's heading is under the header"
        assert top["y"] + top["height"] <= card_box["y"] + 1, "the group's heading is not above the card"
        assert card_box["y"] - top["y"] > 200, "the heading did not stay in sight: the card is just below it"
        expect(heading).to_have_text("Whole School Network")


def test_a_link_in_a_card_is_not_left_under_its_groups_heading_when_focused(browser, site_url):
    """Shift+Tab back up a page leaves the link it focuses where it is, if in the viewport: under the group's
    heading that stays in sight, unless the page's scroll padding keeps that band out of the focus's way."""
    with watched_page(browser, site_url, viewport={"width": 390, "height": 844}) as page:
        page.goto(f"{site_url}/compare/primary/")
        group = whole_school_network(page)
        link = group.locator("tr:not(.group-row) a").first
        expect(link).to_have_text("Supported software only")
        link.evaluate("(a) => window.scrollTo(0, a.getBoundingClientRect().top + window.scrollY - 60)")
        link.evaluate("(a) => a.focus()")
        page.wait_for_timeout(200)
        assert link.evaluate("""(a) => { const box = a.getBoundingClientRect();
            return a.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)); }""")


def test_a_link_to_a_row_lands_on_a_phone_clear_of_the_header_and_its_groups_heading(browser, site_url):
    with watched_page(browser, site_url, viewport={"width": 390, "height": 844}) as page:
        row_id = "inclusions--whole-school-network--installation-of-curriculum-software"
        page.goto(f"{site_url}/specification/services/#{row_id}")
        row = page.locator(f"#{row_id}")
        page.wait_for_timeout(200)
        heading = page.locator(f"tbody:has(#{row_id}) tr.group-row").bounding_box()
        box = row.bounding_box()
        assert heading and box and heading["y"] + heading["height"] <= box["y"] + 1
        assert 6 * 20 - 2 <= box["y"] <= 6 * 20 + 2  # 6rem down, as before the headings stayed in sight
