"""In Chromium: the planner ("Plan next year", plan/<type>/) answers as Python does (macros/sla/planner.py) for every
combination each school type allows, plans a school's next year from its own page's link, prints the order on at
most two A4 pages, downloads the order as the page shows it, and works without JavaScript as a paper form.

The answers themselves are checked against values typed from the edition in test_planner.py; here the page's
script is checked against them.
"""

from __future__ import annotations

import base64
import datetime
import io
import itertools
import json
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from conftest import EDITION, add_axe, built, copy_project, served, watched_page
from macros.sla.load import load
from macros.sla.planner import LEAVE, MODULES, NEW, NONE, order, order_csv, order_text, plan, planner_data
from macros.sla.render import Renderer
from test_accessibility import AXE_TAGS, VNU

pytestmark = pytest.mark.browser

CATALOG = load(EDITION)
HILL_TOP = "example-hill-top-primary-school-fictional"
"""A primary school on Gold, not a YHGFL school, with 14 PCs with SIMS (the edition's schools.yaml)."""

COMPARE = """([cases, withOrders]) => {
  const data = JSON.parse(document.querySelector("script[data-planner-data]").textContent);
  const canonical = value => JSON.stringify(value, (key, inner) => inner && typeof inner === "object" &&
    !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort()) : inner);
  const wrong = [];
  cases.forEach((c, index) => {
    const answer = window.slaPlanner.answer(data, c.choice);
    if (canonical(answer) !== canonical(c.answer)) { wrong.push([index, "answer", answer]); }
    if (!withOrders || !c.order) { return; }
    const school = c.school ? data.schools.find(s => s.slug === c.school) : null;
    const found = window.slaPlanner.order(data, c.choice, school);
    if (canonical(found) !== canonical(c.order)) { wrong.push([index, "order", found]); }
    if (window.slaPlanner.csv(found) !== c.csv) { wrong.push([index, "csv", window.slaPlanner.csv(found)]); }
    if (window.slaPlanner.text(found) !== c.text) { wrong.push([index, "text", window.slaPlanner.text(found)]); }
  });
  return {count: cases.length, wrong: wrong.slice(0, 5)};
}"""


def page_data(school_type_id: str) -> dict:
    renderer = Renderer(CATALOG, lambda path, anchor: "#")
    return planner_data(CATALOG, CATALOG.school_type(school_type_id), renderer.plain, lambda before, after: "")


def combinations(data: dict) -> list[dict]:
    """Every choice the school type allows: each current tier (or new), each tier for next year (or leaving),
    each way of buying each priced service (none, each whole item, and every set of its modules); with them, in
    turn, a YHGFL school, another school and one that does not say, and every set of the other services."""
    tiers = [tier["id"] for tier in data["tiers"]]
    ways = []
    for service in data["priced"]:
        modules = [item["id"] for item in service["modules"]]
        ways.append([(NONE, [])] + [(item["id"], []) for item in service["whole"]]
                    + [(MODULES, list(ticked)) for size in range(len(modules) + 1)
                       for ticked in itertools.combinations(modules, size)])
    offers = [item["id"] for item in data["offers"]]
    offer_sets = [list(chosen) for size in range(len(offers) + 1) for chosen in itertools.combinations(offers, size)]
    schools = (True, False, None)
    found = []
    for index, (current, tier, bought) in enumerate(itertools.product(
            tiers + [NEW], tiers + [LEAVE], itertools.product(*ways))):
        each = list(zip(data["priced"], bought, strict=True))
        found.append({"current": current, "tier": tier, "yhgfl": schools[index % len(schools)],
                      "priced": {service["id"]: way for service, (way, _) in each},
                      "modules": {service["id"]: ticked for service, (_, ticked) in each},
                      "offers": offer_sets[index % len(offer_sets)]})
    return found


@pytest.mark.parametrize("school_type", [t.id for t in CATALOG.services.school_types])
def test_the_page_and_python_agree_on_every_combination(page: Page, site_url, school_type):
    page.goto(f"{site_url}/plan/{school_type}/")
    page.wait_for_function("() => window.slaPlanner !== undefined")
    data = json.loads(page.locator("script[data-planner-data]").text_content())
    made = page_data(school_type)  # what the page carries is what Python makes of the data (its links aside)
    assert {**data, "moves": None} == {**made, "moves": None}
    assert [(key, move["changes"]) for key, move in data["moves"].items()] == [
        (key, move["changes"]) for key, move in made["moves"].items()]
    schools = [school["slug"] for school in data["schools"]] + [None]
    cases = []
    for index, choice in enumerate(combinations(data)):
        case = {"choice": choice, "answer": plan(data, choice)}
        if index % 5 == 0:  # the order, its spreadsheet and its text, for a fifth of them, schools in turn
            school = schools[index // 5 % len(schools)]
            found = order(data, choice, next((s for s in data["schools"] if s["slug"] == school), None))
            case.update(school=school, order=found, csv=order_csv(found), text=order_text(found))
        cases.append(case)
    result = page.evaluate(COMPARE, [cases, True])
    assert result == {"count": len(cases), "wrong": []}
    assert len(cases) == (5 * 5 * 10 if school_type.startswith("primary") else 4 * 4 * 66)


def open_plan(page: Page, site_url: str, slug: str = HILL_TOP) -> None:
    """A school's planner, reached from the link on its page."""
    page.goto(f"{site_url}/schools/{slug}/")
    page.get_by_role("link", name="Plan next year for this school").click()
    expect(page.locator("[data-plan-status]")).not_to_be_empty()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_schools_plan_from_its_tier_to_another(browser, site_url, width):
    with watched_page(browser, site_url, viewport={"width": width, "height": 844}) as page:
        open_plan(page, site_url)
        assert page.url.endswith(f"/plan/primary/?school={HILL_TOP}")
        expect(page.locator("#plan-school")).to_have_value(HILL_TOP)
        expect(page.locator("#plan-current")).to_have_value("gold")
        expect(page.locator("#plan-yhgfl-no")).to_be_checked()
        expect(page.locator("#plan-tier-gold")).to_be_checked()
        answer = page.locator("[data-plan-answer]")
        expect(answer).not_to_contain_text("Commitment")

        page.locator("label[for='plan-tier-platinum']").click()
        page.locator("label[for='plan-capita-top-up-complete-sims-help-desk-support']").click()
        expect(page.locator("[data-plan-status]")).to_have_text(
            "Platinum: additional cost, price to be notified. Known prices: £850 a year; 1 still to be notified.")
        expect(answer).to_contain_text("Cost against this yearNot known yet: the price of Gold and of Platinum for "
                                       "primary schools is still to be notified.")
        expect(answer).to_contain_text("Platinum adds:")
        expect(answer).to_contain_text("Software installation and configuration")
        expect(answer).to_contain_text("Total of known prices£850 a year, of the prices known")
        expect(answer).to_contain_text("Not counted, because their prices are still to be notified: Platinum "
                                       "(Primary schools).")
        expect(answer).to_contain_text("must be willing to commit to the new contract for an initial period of three "
                                       "years. (section 5.4)")
        expect(answer).not_to_contain_text("Notice")
        expect(answer.get_by_role("link", name="Everything that changes from Gold to Platinum")).to_have_attribute(
            "href", "../../compare/primary/gold-to-platinum/")

        page.locator("label[for='plan-tier-core']").click()
        expect(answer).to_contain_text("You would lose:")
        expect(answer).to_contain_text("either party must give the other at least one term's notice, in writing")
        # the specification's notice is to end the agreement: for a lower tier, it is not said to apply
        expect(answer).to_contain_text("The specification does not say whether a move to a lower tier needs this "
                                       "notice. The council has not yet published its last day for notice this "
                                       "year: ask the ICT Service Desk.")

        page.locator("label[for='plan-capita-top-up-modules']").click()
        for module in ("sims-core-modules-support", "sims-assessment-suite-support", "sims-resources-software-support"):
            page.locator(f"label[for='plan-capita-top-up-module-{module}']").click()
        expect(answer).to_contain_text("the modules ticked cost £1,125; Complete SIMS Help Desk Support at £850 is "
                                       "£275 cheaper.")
        page.keyboard.press("Tab")  # the choices work by keyboard too: Space ticks the focused box
        add_axe(page)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                               "resultTypes: ['violations']})", AXE_TAGS)
        assert [f"{v['id']}: {v['nodes'][0]['html'][:120]}" for v in result["violations"]] == []


def test_a_tier_and_a_move_lead_to_the_plan_of_it(page: Page, site_url):
    page.goto(f"{site_url}/entitlement/secondary-formerly-gm/silver/")
    page.get_by_role("link", name="plan next year with Silver").click()
    expect(page.locator("#plan-tier-silver")).to_be_checked()
    expect(page.locator("#plan-current")).to_have_value("core")  # the form's first tier, until the reader says
    page.goto(f"{site_url}/compare/primary/platinum-to-gold/")
    page.get_by_role("link", name="plan it for primary schools formerly grant maintained").click()
    assert page.url.endswith("/plan/primary-formerly-gm/?current=platinum&tier=gold")
    expect(page.locator("#plan-current")).to_have_value("platinum")
    expect(page.locator("#plan-tier-gold")).to_be_checked()
    expect(page.locator("[data-plan-answer]")).to_contain_text("You would lose:")
    expect(page.locator("[data-plan-answer]")).to_contain_text("at least one term's notice, in writing")


@pytest.mark.parametrize("query", ["?school=constructor&current=toString&tier=__proto__", "?tier=silver"])
def test_a_link_the_form_cannot_follow_leaves_its_first_choices(page: Page, site_url, query):
    """Silver is no tier of primary schools; `constructor` and the rest are names every script object has."""
    page.goto(f"{site_url}/plan/primary/{query}")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "Core: no additional cost. Known prices: £0 a year.")
    expect(page.locator("#plan-school")).to_have_value("")
    expect(page.locator("#plan-current")).to_have_value("core")


def test_the_choices_work_by_keyboard(page: Page, site_url):
    page.goto(f"{site_url}/plan/secondary/")
    expect(page.locator("[data-plan-status]")).not_to_be_empty()
    page.locator("#plan-tier-core").focus()
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys move the choice
    expect(page.locator("#plan-tier-silver")).to_be_checked()
    page.locator("#plan-offer-special-services").focus()
    page.keyboard.press("Space")
    expect(page.locator("[data-plan-answer]")).to_contain_text("Special Services: price to be notified")
    page.get_by_role("button", name="Show the plan").focus()
    page.keyboard.press("Enter")  # the plan is shown as the choices change; the button takes the reader to it
    expect(page.locator("#plan-answer-heading")).to_be_focused()


def pdf_text(page: Page) -> tuple[int, list[str]]:
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), [" ".join((p.extract_text() or "").split()) for p in reader.pages]


def test_the_printed_order(page: Page, site_url):
    open_plan(page, site_url)
    page.locator("label[for='plan-tier-platinum']").click()
    page.locator("label[for='plan-capita-top-up-modules']").click()
    page.locator("label[for='plan-capita-top-up-module-sims-core-modules-support']").click()
    page.locator("label[for='plan-offer-pay-as-you-use']").click()
    pages, text = pdf_text(page)
    assert pages <= 2
    first = text[0]
    today = datetime.date.today()
    for words in ("Calderdale Metropolitan Borough Council", "2008/09", f"Printed on {today.day} ",
                  "Order for 2008/09", "Example Hill Top Primary School (fictional)", "Tier this year Gold",
                  "Tier for 2008/09 Platinum", "Total of known prices £375.00",
                  "Prices still to be notified, not in the total: Platinum (Primary schools); "
                  "Pay-as-you-use Services."):
        assert words in first, words
    whole = " ".join(text)
    for words in ("initial period of three years", "at least one term's notice, in writing", "Signed for the school",
                  "invoiced as early as possible after 1 April"):
        assert words in whole, words
    assert "http" not in whole
    assert "Is it a YHGFL school?" not in whole  # the form does not print; the order does


def data_url(href: str) -> str:
    head, _, body = href.partition(",")
    return base64.b64decode(body).decode("utf-8") if head.endswith(";base64") else urllib.parse.unquote(body)


def test_the_downloads_are_the_order_the_page_shows(page: Page, site_url):
    open_plan(page, site_url)
    page.locator("label[for='plan-tier-platinum']").click()
    page.locator("label[for='plan-capita-top-up-complete-sims-help-desk-support']").click()
    data = page_data("primary")
    choice = {"current": "gold", "tier": "platinum", "yhgfl": False, "priced": {"capita-top-up": "complete-sims-help-"
              "desk-support"}, "modules": {"capita-top-up": []}, "offers": []}
    expected = order(data, choice, next(s for s in data["schools"] if s["slug"] == HILL_TOP))
    csv_link, json_link = page.locator("[data-plan-csv]"), page.locator("[data-plan-json]")
    assert json.loads(data_url(json_link.get_attribute("href"))) == expected
    assert data_url(csv_link.get_attribute("href")) == "\ufeff" + order_csv(expected)
    assert json_link.get_attribute("download") == f"order-2008-09-{HILL_TOP}.json"
    with page.expect_download() as download:
        csv_link.click()
    saved = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert saved == order_csv(expected)
    assert "Total of known prices,,850.00" in saved
    table = page.locator("[data-plan-order] table")
    expect(table).to_contain_text("Complete SIMS Help Desk Support")
    expect(table).to_contain_text("£850.00")
    assert page.locator("[data-plan-email]").count() == 0  # the edition sets no address for orders


def test_the_page_as_the_script_leaves_it_is_valid_html(page: Page, site_url, tmp_path):
    """The Nu HTML Checker reads the built pages (test_accessibility.py); here, the plan and the order that
    planner.js writes into one, with every kind of line and answer."""
    open_plan(page, site_url)
    page.locator("label[for='plan-tier-core']").click()
    page.locator("label[for='plan-capita-top-up-modules']").click()
    page.locator("label[for='plan-capita-top-up-module-sims-core-modules-support']").click()
    page.locator("label[for='plan-offer-pay-as-you-use']").click()
    expect(page.locator("[data-plan-answer]")).to_contain_text("Which is cheaper")
    written = tmp_path / "plan.html"
    written.write_text(page.content(), encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(written)],
                            capture_output=True, text=True, timeout=120)
    assert [m["message"] for m in json.loads(result.stderr or result.stdout)["messages"]] == []


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_a_paper_order_form(browser, site_url, width):
    with watched_page(browser, site_url, viewport={"width": width, "height": 844}, java_script_enabled=False) as page:
        page.goto(f"{site_url}/plan/secondary/?school=anything")
        expect(page.locator("form[data-planner-form]")).to_be_hidden()
        paper = page.locator(".plan-paper")
        expect(paper).to_be_visible()
        for words in ("Core: no additional cost", "Silver: no additional cost",
                      "Platinum: additional cost, price to be notified", "Complete SIMS Help Desk Support: £1,090 a "
                      "year", "SIMS Examinations module: £300 a year", "Special Services: price to be notified",
                      "Signed for the school"):
            expect(paper).to_contain_text(words)
        pages, text = pdf_text(page)
        assert pages <= 2
        assert "Order form for 2008/09" in text[0] and "Calderdale Metropolitan Borough Council" in text[0]
        assert "The planner needs JavaScript" not in " ".join(text)


def test_the_ordering_data_reaches_the_home_page_and_the_order(browser, tmp_path):
    """With a window open today, a last day for notice, an address for orders and Gold priced for primary schools,
    as an officer would set them."""
    project = copy_project(tmp_path / "project")
    prices = project / "data" / "prices.yaml"
    today = datetime.date.today()
    text = prices.read_text(encoding="utf-8").replace(
        "package_prices: []", "package_prices:\n  - {school_type: primary, tier: gold, price: 1250}")
    prices.write_text(text + (
        f"\nordering:\n  opens: {today - datetime.timedelta(days=1)}\n  closes: {today + datetime.timedelta(days=30)}"
        "\n  notice_by: 2007-12-31\n  email: ict.orders@example.gov.uk\n  post_to: Northgate House, Halifax\n"),
        encoding="utf-8")
    site = built(project)
    closes = today + datetime.timedelta(days=30)
    with served(site) as url, watched_page(browser, url, viewport={"width": 390, "height": 844}) as page:
        page.goto(f"{url}/")
        expect(page.locator("[data-plan-window]")).to_have_text(
            f"Orders for 2008/09 are open until {closes.day} {closes:%B} {closes.year}.")
        open_plan(page, url)
        page.locator("label[for='plan-tier-core']").click()
        expect(page.locator("[data-plan-answer]")).to_contain_text(
            "The council's last day for notice, to leave or to move to a lower tier, is 31 December 2007.")
        page.locator("label[for='plan-tier-leave']").click()
        expect(page.locator("[data-plan-answer]")).to_contain_text("Give notice in writing by 31 December 2007.")
        expect(page.locator("[data-plan-answer]")).not_to_contain_text("lower tier")
        page.locator("label[for='plan-tier-core']").click()
        expect(page.locator("[data-plan-answer]")).to_contain_text("Core costs £1,250 a year less than Gold.")
        mail = page.locator("[data-plan-email]")
        expect(mail).to_have_text("E-mail the order to ict.orders@example.gov.uk")
        href = mail.get_attribute("href")
        assert href.startswith("mailto:ict.orders@example.gov.uk?subject=Order%20for%202008%2F09%3A%20Example%20Hill")
        body = urllib.parse.unquote(href.partition("&body=")[2])
        assert body.startswith("Order for 2008/09: Primary schools\nSchool: Example Hill Top Primary School")
        assert "Tier for 2008/09: Core" in body
        expect(page.locator(".plan-terms").first).to_contain_text("ict.orders@example.gov.uk, or by post to "
                                                                  "Northgate House, Halifax.")
