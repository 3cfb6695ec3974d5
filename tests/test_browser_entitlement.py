"""In Chromium: a school type's page leads to each tier's page (by keyboard, without JavaScript, and from links
shared before tiers had pages), the comparison leads to each move's page, the schools filter, the comparison's
'only differences', and printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SOFTWARE_INSTALL = "Software installation and configuration"


def cell(page: Page, service: str, column: int = 0):
    """A cell of a tier page's table of services (`column` 0), or of its table of what YHGFL changes (1: a YHGFL
    school, 2: any other)."""
    table = "#services + div table" if column == 0 else ".yhgfl-table table"
    row = page.locator(f"{table} tbody tr", has=page.locator("th", has_text=service))
    return row.locator("td").nth(max(column - 1, 0))


def test_the_tier_pages_by_keyboard(page, site_url):
    """From a school type's page, the keyboard reaches each tier's page; the tier page answers what the tier
    includes and what it costs on its first screen at 390px."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "/entitlement/primary/")
    gold = page.locator("table[data-tier-pages] a", has_text="Gold")
    gold.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/entitlement/primary/gold/")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Gold for primary schools")
    for label in ("Cost", "What it includes"):
        row = page.locator(".summary-list-row", has=page.locator("dt", has_text=label))
        expect(row).to_be_in_viewport()
    expect(page.locator(".summary-list-row", has=page.locator("dt", has_text="What it includes"))).to_contain_text(
        "Gold includes 26 of the 46 services in the inclusion table")


def test_links_shared_before_tiers_had_pages_lead_to_the_tier(page, site_url):
    page.goto(site_url + "/entitlement/primary/?tier=platinum&yhgfl=no")
    page.wait_for_url("**/entitlement/primary/platinum/")
    page.goto(site_url + "/entitlement/primary/?tier=nonsense")
    expect(page.locator("h1")).to_contain_text("Primary schools: what you are entitled to")
    page.goto(site_url + "/compare/primary/?from=core&to=gold&yhgfl=yes")
    page.wait_for_url("**/compare/primary/core-to-gold/")


def test_both_yhgfl_answers_on_the_tier_page(page, site_url):
    page.goto(site_url + "/entitlement/primary/gold/")
    expect(cell(page, "Recovery from virus infection")).to_have_text(
        "Optional extra for YHGFL schools only", use_inner_text=True)
    expect(cell(page, "Recovery from virus infection", 1)).to_have_text("Optional extra", use_inner_text=True)
    expect(cell(page, "Recovery from virus infection", 2)).to_have_text("Not available", use_inner_text=True)
    expect(cell(page, SOFTWARE_INSTALL, 1)).to_have_text("Included", use_inner_text=True)
    expect(cell(page, SOFTWARE_INSTALL, 2)).to_have_text("Not included", use_inner_text=True)


def test_without_javascript_the_tier_and_move_links_show_the_right_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/entitlement/primary/")
    page.locator("table[data-tier-pages] a", has_text="Platinum+").click()
    page.wait_for_url("**/entitlement/primary/platinum-plus/")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Platinum+ for primary schools")
    page.goto(site_url + "/compare/primary/")
    expect(page.locator("form[data-move-form]")).to_be_hidden()
    page.get_by_role("link", name="Gold to Platinum", exact=True).click()
    page.wait_for_url("**/compare/primary/gold-to-platinum/")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("From Gold to Platinum: primary schools")
    context.close()


def test_the_comparison_form_leads_to_the_move_page(page, site_url):
    page.goto(site_url + "/compare/primary/")
    form = page.locator("form[data-move-form]")
    form.get_by_label("Your school's tier now").select_option("gold")
    form.get_by_label("The tier you are considering").select_option("gold")
    form.get_by_role("button").click()
    expect(form.get_by_role("status")).to_contain_text("are the same")
    form.get_by_label("The tier you are considering").select_option("core")
    form.get_by_role("button").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/primary/gold-to-core/")


def test_schools_filter(page, site_url):
    page.goto(site_url + "/schools/")
    rows = page.locator(".schools-table tbody tr")
    expect(rows).to_have_count(6)
    expect(page.get_by_role("status")).to_have_text("All 6 schools are shown.")
    page.get_by_label("School name contains").fill("no such school")
    expect(rows).to_have_count(0)
    expect(page.get_by_role("status")).to_have_text("No school matches.")
    page.get_by_label("School name contains").fill("hill top")
    expect(page.locator(".schools-table tbody tr:visible")).to_have_count(1)
    expect(page.locator(".schools-table tbody tr:visible th")).to_have_text(
        "Example Hill Top Primary School (fictional)")
    page.get_by_label("School name contains").fill("")
    page.get_by_label("School type").select_option("secondary")
    expect(page.locator(".schools-table tbody tr:visible")).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("1 school matches.")
    page.locator(".schools-table tbody tr:visible a").click()
    page.wait_for_url("**/schools/example-castle-high-school-fictional/")


def test_comparison_shows_only_differences(page, site_url):
    page.goto(site_url + "/compare/primary/")
    table = page.locator(".comparison table").first
    expect(table.locator("tbody tr:visible:not(.group-row)")).to_have_count(46)
    page.get_by_label("Show only the services that differ between tiers").check()
    expect(table.locator("tbody tr:visible:not(.group-row)")).to_have_count(26)
    expect(table.locator("tr.same:visible")).to_have_count(0)


def test_printing_hides_the_chrome_and_shows_where_links_go(page, site_url):
    page.goto(site_url + "/entitlement/primary/gold/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("#moving")).to_be_hidden()   # the moves between tiers are for the screen
    clause = page.locator(".clause-ref a").first  # "section 7.4.1" reads the same on paper: no address
    expect(clause).to_have_text("section 7.4.1")
    assert clause.get_attribute("data-print-url") is None
    link = page.get_by_role("link", name="compare the tiers")
    assert link.get_attribute("data-print-url") == site_url + "/compare/primary/"
    after = page.evaluate("(a) => getComputedStyle(a, '::after').content", link.element_handle())
    assert after == f'" <{site_url}/compare/primary/>"'
    overflow = page.evaluate("getComputedStyle(document.querySelector('.table-wrap')).overflowX")
    assert overflow == "visible"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_printing_leaves_the_links_of_status_tags_without_an_address(page, site_url):
    """A status tag in a narrow table cell ("Supported software only") would run its address out of the column."""
    page.goto(site_url + "/schools/example-brookside-primary-school-fictional/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    tags = page.locator(".status a")
    expect(tags.first).to_be_attached()
    assert page.evaluate("[...document.querySelectorAll('.status a')].every(a => !a.hasAttribute('data-print-url'))")
    assert page.locator("article a[data-print-url]").count() > 0  # other links still print their address
