"""In Chromium: a move's page answers with the cost difference on a phone's first screen; the comparison page
without JavaScript; a move chosen with the form, checked with axe-core; and "show only the differences" without
empty group headings. The form by keyboard and without JavaScript: test_browser_entitlement.py.

The pages' words, read from the built HTML: test_move_build.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import add_axe
from test_accessibility import AXE_TAGS

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("path", ["compare/primary/gold-to-platinum-plus/", "compare/secondary/core-to-silver/"])
def test_a_move_page_shows_the_cost_difference_on_its_first_screen(browser, site_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    difference = page.locator(".summary-list-row dd p", has_text="Difference in price").first
    expect(difference).to_be_in_viewport()
    expect(page.locator(".summary-list-row dt", has_text="Commitment")).to_be_attached()
    context.close()


def test_without_javascript_the_page_shows_the_full_tables(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/compare/primary/")
    expect(page.locator("form[data-move-form]")).to_be_hidden()
    expect(page.locator("ul.move-list a")).to_have_count(12)
    expect(page.locator("#inclusion-table + p + p + div table tbody tr:not(.group-row)")).to_have_count(46)
    expect(page.locator("#described")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "mobile"])
def test_a_move_chosen_with_the_form_has_no_axe_violations(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/compare/primary/")
    form = page.locator("form[data-move-form]")
    form.get_by_label("Your school's tier now").select_option("gold")
    form.get_by_label("The tier you are considering").select_option("platinum-plus")
    form.get_by_role("button").click()
    page.wait_for_url("**/compare/primary/gold-to-platinum-plus/")
    add_axe(page)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert [(v["id"], v["nodes"][0]["html"][:100]) for v in result["violations"]] == []
    assert scroll <= client


def test_only_the_differences_leaves_no_empty_group_heading(page, site_url):
    page.goto(site_url + "/compare/primary/")
    table = page.locator(".comparison table").first
    page.get_by_label("Show only the services that differ between tiers").check()
    expect(table.locator("tr.group-row:visible")).to_have_text(
        ["Pupil Data: Collection, Validation, Analysis", "SIMS: Support on use of software", "ICT Helpdesk",
         "SIMS: Technical Support", "Administration Network", "Whole School Network"])
    page.get_by_label("Show only the services that differ between tiers").uncheck()
    expect(table.locator("tr.group-row:visible")).to_have_count(10)
