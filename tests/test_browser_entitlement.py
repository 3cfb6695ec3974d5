"""In Chromium: narrowing an entitlement page by keyboard, the page without JavaScript, the schools filter,
the comparison's 'only differences', and printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SOFTWARE_INSTALL = "Software installation and configuration"


def cell(page: Page, service: str, column: int):
    row = page.locator("#services-by-tier + div table tbody tr", has=page.locator("th", has_text=service))
    return row.locator("td").nth(column)


def test_narrowing_by_keyboard(page, site_url):
    page.goto(site_url + "/entitlement/primary/")
    form = page.locator("form[data-narrow]")
    expect(form).to_be_visible()
    all_tiers = form.get_by_label("All tiers")
    all_tiers.focus()
    page.keyboard.press("ArrowRight")  # Core
    page.keyboard.press("ArrowRight")  # Gold
    expect(form.get_by_label("Gold (additional cost)")).to_be_checked()
    page.keyboard.press("Tab")          # to the YHGFL group
    page.keyboard.press("ArrowRight")   # Yes
    page.keyboard.press("ArrowRight")   # No
    expect(form.get_by_label("No", exact=True)).to_be_checked()
    expect(form.get_by_role("status")).to_have_text(
        "Showing Gold (additional cost), for a school that is not YHGFL.")

    headers = page.locator("#services-by-tier + div table thead th:visible")
    expect(headers).to_have_text(["Service", "Gold"])
    gold = cell(page, SOFTWARE_INSTALL, 1)
    expect(gold).to_have_text("Not included", use_inner_text=True)
    expect(page.locator("#tier-gold")).to_be_visible()
    expect(page.locator("#tier-core")).to_be_visible()        # Gold includes Core
    expect(page.locator("#tier-platinum")).to_be_hidden()
    assert "tier=gold" in page.url and "yhgfl=no" in page.url

    page.keyboard.press("ArrowLeft")    # Yes
    expect(gold).to_have_text("Included", use_inner_text=True)
    page.reload()                       # the choice is kept in the address
    expect(page.locator("form[data-narrow]").get_by_label("Yes", exact=True)).to_be_checked()
    expect(cell(page, SOFTWARE_INSTALL, 1)).to_have_text("Included", use_inner_text=True)


def test_a_choice_made_before_site_js_starts_is_applied(page, site_url):
    """site.js is asked for once the page is read (overrides/main.html): held back here until the reader has
    chosen a tier, it applies that choice when it starts."""
    held = []
    page.route("**/assets/javascripts/site.js", lambda route: held.append(route))
    page.goto(site_url + "/entitlement/primary/", wait_until="domcontentloaded")
    form = page.locator("form[data-narrow]")
    form.get_by_label("Gold (additional cost)").check()
    expect(form.get_by_role("status")).to_have_text("Showing all tiers, for YHGFL and other schools.")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(form.get_by_role("status")).to_have_text("Showing Gold (additional cost), for YHGFL and other schools.")
    expect(page.locator("#tier-platinum")).to_be_hidden()
    assert "tier=gold" in page.url


def test_optional_extra_for_yhgfl_schools_resolves(page, site_url):
    page.goto(site_url + "/entitlement/primary/?tier=gold&yhgfl=no")
    expect(cell(page, "Recovery from virus infection", 1)).to_have_text("Not available", use_inner_text=True)
    page.goto(site_url + "/entitlement/primary/?tier=gold&yhgfl=yes")
    expect(cell(page, "Recovery from virus infection", 1)).to_have_text("Optional extra", use_inner_text=True)


def test_without_javascript_everything_is_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/entitlement/primary/")
    expect(page.locator("form[data-narrow]")).to_be_hidden()
    expect(page.locator(".tier-section")).to_have_count(4)
    for tier in ("core", "gold", "platinum", "platinum-plus"):
        expect(page.locator(f"#tier-{tier}")).to_be_visible()
    expect(page.locator("#services-by-tier + div table thead th:visible")).to_have_text(
        ["Service", "Core", "Gold", "Platinum", "Platinum+"])
    expect(cell(page, SOFTWARE_INSTALL, 1)).to_have_text("YHGFL schools only", use_inner_text=True)
    expect(cell(page, "Recovery from virus infection", 1)).to_have_text(
        "Optional extra for YHGFL schools only", use_inner_text=True)
    context.close()


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


def test_printing_hides_the_chrome_and_names_the_page_a_link_leads_to(page, site_url):
    page.goto(site_url + "/entitlement/primary/?tier=gold")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("form[data-narrow] fieldset").first).to_be_hidden()
    expect(page.locator("form[data-narrow] .narrow-status")).to_have_text("Showing Gold (additional cost), for YHGFL "
                                                                          "and other schools.")
    clause = page.locator(".clause-ref a").first  # "section 7.4.1" reads the same on paper: no address
    expect(clause).to_have_text("section 7.4.1")
    assert clause.get_attribute("data-print-page") is None
    link = page.get_by_role("link", name="the tiers side by side")
    assert link.get_attribute("data-print-page") == "Compare the tiers: primary schools"
    after = page.evaluate("(a) => getComputedStyle(a, '::after').content", link.element_handle())
    assert after == '" (see “Compare the tiers: primary schools”)"'
    assert page.locator("article a[data-print-url]").count() == 0  # no address is printed
    overflow = page.evaluate("getComputedStyle(document.querySelector('.table-wrap')).overflowX")
    assert overflow == "visible"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_printing_leaves_the_links_of_status_tags_without_an_address(page, site_url):
    """A status tag in a narrow table cell ("Supported software only") would run a page's name out of the
    column."""
    page.goto(site_url + "/schools/example-brookside-primary-school-fictional/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    tags = page.locator(".status a")
    expect(tags.first).to_be_attached()
    assert page.evaluate("[...document.querySelectorAll('.status a')].every(a => !a.hasAttribute('data-print-page'))")
    assert page.locator("article a[data-print-page]").count() > 0  # other links still name their page
