"""In Chromium: two tiers compared on the comparison pages, by keyboard, kept in the address, without
JavaScript, and checked with axe-core; and "show only the differences" without empty group headings.

The answers' words, read from the built HTML: test_comparison_build.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import add_axe
from test_accessibility import AXE_TAGS

pytestmark = pytest.mark.browser

PROMPT = ("To see what would change, choose your school's current tier, the tier you are considering and whether "
          "your school is a YHGFL school.")


def group(page: Page, legend: str):
    return page.get_by_role("group", name=legend)


def changes(page: Page):
    return page.locator("[data-compare-answer] ul.compare-changes > li")


def test_choosing_two_tiers_by_keyboard(page, site_url):
    page.goto(site_url + "/compare/primary/")
    holder = page.locator("section[data-compare]")
    answer = holder.locator("[data-compare-answer]")
    status = holder.get_by_role("status")
    expect(holder).to_be_visible()
    expect(answer).to_be_hidden()
    expect(status).to_have_text(PROMPT)

    group(page, "Your school's current tier").get_by_label("Core").focus()
    page.keyboard.press("Space")        # Core
    page.keyboard.press("Tab")          # the tier considered: none chosen yet, so its first, Core
    page.keyboard.press("ArrowRight")   # Gold
    expect(status).to_have_text(PROMPT)  # YHGFL not answered yet
    page.keyboard.press("ArrowRight")   # Platinum
    page.keyboard.press("Tab")          # YHGFL: Yes
    page.keyboard.press("Space")
    expect(group(page, "The tier you are considering").get_by_label("Platinum", exact=True)).to_be_checked()
    expect(group(page, "Is your school a YHGFL (Yorkshire and Humber Grid for Learning) school?")
           .get_by_label("Yes")).to_be_checked()

    expect(status).to_have_text("Shown below: what changes moving from Core to Platinum, for a YHGFL school.")
    expect(answer).to_be_visible()
    expect(answer.locator("h3")).to_have_text("Moving from Core to Platinum")
    for attribute, value in [("data-compare-from", "core"), ("data-compare-to", "platinum"), ("data-yhgfl", "yes"),
                             ("data-school-type", "any")]:
        expect(answer).to_have_attribute(attribute, value)
    expect(changes(page)).to_have_count(26)
    expect(changes(page).first).to_have_text(
        "Support for production of school census Now (Core): Optional extra After moving (Platinum): Included")
    expect(answer.get_by_text("Remote upgrades and installations")).to_be_visible()   # B: included for YHGFL
    assert "from=core" in page.url and "to=platinum" in page.url and "yhgfl=yes" in page.url

    page.keyboard.press("ArrowRight")   # No: only the answer for a school that is not YHGFL
    expect(status).to_have_text(
        "Shown below: what changes moving from Core to Platinum, for a school that is not a YHGFL school.")
    expect(changes(page)).to_have_count(25)
    expect(answer.get_by_text("Remote upgrades and installations")).to_have_count(0)
    expect(answer.locator("h3")).to_have_count(1)
    assert "yhgfl=no" in page.url

    page.reload()                       # the choice is kept in the address
    expect(group(page, "Your school's current tier").get_by_label("Core")).to_be_checked()
    expect(group(page, "The tier you are considering").get_by_label("Platinum", exact=True)).to_be_checked()
    expect(group(page, "Is your school a YHGFL (Yorkshire and Humber Grid for Learning) school?")
           .get_by_label("No")).to_be_checked()
    expect(changes(page)).to_have_count(25)
    expect(holder.get_by_role("status")).to_have_text(
        "Shown below: what changes moving from Core to Platinum, for a school that is not a YHGFL school.")


def test_every_group_heading_of_an_answer_has_services_under_it(page, site_url):
    page.goto(site_url + "/compare/primary/?from=platinum-plus&to=gold&yhgfl=no")
    result = page.locator("[data-compare-result]")
    expect(result.locator("h5").first).to_be_visible()
    empty = result.evaluate("""result => Array.from(result.querySelectorAll(':scope > h5')).filter(
        heading => !(heading.nextElementSibling && heading.nextElementSibling.matches('ul.compare-changes')
                     && heading.nextElementSibling.children.length)).map(heading => heading.textContent)""")
    assert empty == []
    expect(result.locator(":scope > h5")).to_have_text(
        ["Pupil Data: Collection, Validation, Analysis", "ICT Helpdesk", "SIMS: Technical Support",
         "Whole School Network"])


def test_the_same_tier_twice_asks_for_another(page, site_url):
    page.goto(site_url + "/compare/primary/?from=gold&to=gold&yhgfl=no")
    expect(page.locator("section[data-compare]").get_by_role("status")).to_have_text(
        "Your current tier and the tier you are considering are the same: choose another tier to compare.")
    expect(page.locator("[data-compare-answer]")).to_be_hidden()


def test_secondary_asks_the_school_type_and_not_yhgfl(page, site_url):
    page.goto(site_url + "/compare/secondary/?from=core&to=silver&type=secondary-formerly-gm")
    expect(group(page, "Your type of school").get_by_label("Secondary schools formerly grant maintained")) \
        .to_be_checked()
    expect(page.get_by_role("group", name="Is your school a YHGFL")).to_have_count(0)
    answer = page.locator("[data-compare-answer]")
    expect(answer.locator(".compare-cost h4")).to_have_text("Cost for secondary schools formerly grant maintained")
    expect(answer.locator(".compare-cost li").nth(1)).to_have_text(
        "After moving (Silver): Additional cost; the price is to be notified")
    group(page, "Your type of school").get_by_label("Secondary schools", exact=True).check()
    expect(answer.locator(".compare-cost li").nth(2)).to_have_text(
        "Difference in price: none: both are at no additional cost")
    assert "type=secondary" in page.url and "type=secondary-formerly-gm" not in page.url


def test_without_javascript_the_page_shows_the_full_tables(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/compare/primary/?from=core&to=platinum&yhgfl=yes")
    expect(page.locator("section[data-compare]")).to_be_hidden()
    expect(page.get_by_text("After moving")).to_have_count(0)
    expect(page.locator("#inclusion-table + p + p + div table tbody tr:not(.group-row)")).to_have_count(46)
    expect(page.locator("#described")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "mobile"])
def test_a_comparison_with_a_choice_made_has_no_axe_violations(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/compare/primary/?from=gold&to=platinum-plus&yhgfl=no")
    expect(page.locator("[data-compare-answer]")).to_be_visible()
    page.locator("[data-compare-answer] details summary").first.click()   # a list of described services open
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
