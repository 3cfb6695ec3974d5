"""The planner's answers (macros/sla/planner.py), over the frozen 2008/09 edition, against values typed from it.

From the edition: primary schools get Core at no additional cost and Gold, Platinum and Platinum+ at additional
cost, none of them priced yet (to be notified); secondary schools get Core and Silver at no additional cost and
Platinum at additional cost; formerly grant-maintained secondary schools pay for Silver and Platinum. The Capita
top-up costs primary schools £850 complete or £375 a module (Core Modules, Assessment Suite, Resources Software;
the Examinations and Timetable modules are not offered to primary schools), and secondary schools £1,090 complete
or £550 a module (£300 Examinations, £790 Timetable & Exams). Amounts are in pence.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import EDITION
from macros.sla.load import load
from macros.sla.planner import LEAVE, MODULES, NEW, NONE, order, order_csv, order_text, plan, planner_data
from macros.sla.render import Renderer

pytestmark = pytest.mark.unit

CAPITA = "capita-top-up"
COMPLETE = "complete-sims-help-desk-support"
CORE_MODULES, ASSESSMENT, RESOURCES = ("sims-core-modules-support", "sims-assessment-suite-support",
                                       "sims-resources-software-support")
EXAMS, TIMETABLE = "sims-examinations-module", "sims-timetable-suite-support"
CAPITA_TITLE = "Capita SIMS Top-Up Subscription Service"


def data_for(school_type: str, data_dir: Path = EDITION) -> dict:
    catalog = load(data_dir)
    renderer = Renderer(catalog, lambda path, anchor: "#")
    return planner_data(catalog, catalog.school_type(school_type), renderer.plain,
                        lambda before, after: f"compare/{before}-to-{after}")


def choose(current: str, tier: str, capita: str = NONE, modules: tuple[str, ...] = (),
           offers: tuple[str, ...] = (), yhgfl: bool | None = None) -> dict:
    return {"current": current, "tier": tier, "yhgfl": yhgfl, "priced": {CAPITA: capita},
            "modules": {CAPITA: list(modules)}, "offers": list(offers)}


# (school type, choice, lines as (name, pence), total, to be notified, commitment, notice)
CASES = [
    ("primary", choose("core", "core"), [("Core (Primary schools)", 0)], 0, [], False, False),
    ("primary", choose("core", "gold", MODULES, (CORE_MODULES, ASSESSMENT, RESOURCES)),
     [("Gold (Primary schools)", None), (f"{CAPITA_TITLE}: SIMS Core Modules support", 37500),
      (f"{CAPITA_TITLE}: SIMS Assessment Suite support", 37500),
      (f"{CAPITA_TITLE}: SIMS Resources Software support", 37500)],
     112500, ["Gold (Primary schools)"], True, False),
    ("primary", choose("platinum", "gold", COMPLETE),
     [("Gold (Primary schools)", None), (f"{CAPITA_TITLE}: Complete SIMS Help Desk Support", 85000)],
     85000, ["Gold (Primary schools)"], True, True),
    ("primary", choose(NEW, "core", offers=("pay-as-you-use",)),
     [("Core (Primary schools)", 0), ("Pay-as-you-use Services", None)], 0, ["Pay-as-you-use Services"],
     True, False),
    ("primary", choose("gold", LEAVE), [], 0, [], False, True),
    ("primary", choose("platinum-plus", "platinum-plus", offers=("special-services",)),
     [("Platinum+ (Primary schools)", None), ("Special Services", None)], 0,
     ["Platinum+ (Primary schools)", "Special Services"], False, False),
    # A module not offered to the phase (Examinations, for primary schools) cannot be bought, even if asked for.
    ("primary", choose("core", "core", MODULES, (EXAMS, CORE_MODULES)),
     [("Core (Primary schools)", 0), (f"{CAPITA_TITLE}: SIMS Core Modules support", 37500)], 37500, [], False, False),
    # Modules ticked, but the reader went back to "None": nothing of the top-up is bought.
    ("primary", choose("core", "core", NONE, (CORE_MODULES,)), [("Core (Primary schools)", 0)], 0, [], False, False),
    ("secondary", choose("silver", "silver", MODULES, (EXAMS, TIMETABLE)),
     [("Silver (Secondary schools)", 0), (f"{CAPITA_TITLE}: SIMS Examinations module", 30000),
      (f"{CAPITA_TITLE}: SIMS Timetable Suite support", 55000)], 85000, [], False, False),
    ("secondary", choose("silver", "core"), [("Core (Secondary schools)", 0)], 0, [], True, True),
    ("secondary-formerly-gm", choose("core", "silver", COMPLETE),
     [("Silver (Secondary schools formerly grant maintained)", None),
      (f"{CAPITA_TITLE}: Complete SIMS Help Desk Support", 109000)],
     109000, ["Silver (Secondary schools formerly grant maintained)"], True, False),
]


@pytest.mark.parametrize(("school_type", "choice", "lines", "total", "to_be_notified", "commitment", "notice"),
                         CASES)
def test_the_plan(school_type, choice, lines, total, to_be_notified, commitment, notice):
    answer = plan(data_for(school_type), choice)
    assert [(line["name"], line["pence"]) for line in answer["lines"]] == lines
    assert answer["total"] == total
    assert answer["toBeNotified"] == to_be_notified
    assert (answer["commitment"], answer["notice"]) == (commitment, notice)


# (school type, modules ticked, modules' total, complete price, which is cheaper, by how much)
CHEAPER = [
    ("primary", (CORE_MODULES, ASSESSMENT, RESOURCES), 112500, 85000, "whole", 27500),
    ("primary", (CORE_MODULES,), 37500, 85000, "modules", 47500),
    ("secondary", (EXAMS, TIMETABLE), 85000, 109000, "modules", 24000),
    ("secondary", (CORE_MODULES, ASSESSMENT), 110000, 109000, "whole", 1000),
]


@pytest.mark.parametrize(("school_type", "modules", "modules_total", "whole", "cheaper", "by"), CHEAPER)
def test_which_way_of_buying_the_top_up_is_cheaper(school_type, modules, modules_total, whole, cheaper, by):
    answer = plan(data_for(school_type), choose("core", "core", MODULES, modules))
    assert answer["cheaper"] == [{"service": CAPITA_TITLE, "modules": modules_total, "whole": whole,
                                  "wholeName": "Complete SIMS Help Desk Support", "cheaper": cheaper, "by": by}]


def test_no_comparison_without_modules_or_when_bought_complete():
    data = data_for("primary")
    assert plan(data, choose("core", "core", MODULES, ()))["cheaper"] == []
    assert plan(data, choose("core", "core", COMPLETE))["cheaper"] == []


@pytest.mark.parametrize(("school_type", "current", "tier", "difference"), [
    ("primary", "core", "gold", None),  # Gold's price is to be notified
    ("primary", "core", "core", 0),
    ("primary", NEW, "core", 0),
    ("primary", "core", LEAVE, 0),
    ("primary", "gold", LEAVE, None),
    ("secondary", "core", "silver", 0),  # both at no additional cost to secondary schools
    ("secondary-formerly-gm", "core", "silver", None),  # at additional cost to these, price to be notified
])
def test_the_cost_against_this_year(school_type, current, tier, difference):
    assert plan(data_for(school_type), choose(current, tier))["difference"] == difference


def test_the_modules_each_phase_can_buy():
    assert [item["name"] for item in data_for("primary")["priced"][0]["modules"]] == [
        "SIMS Core Modules support", "SIMS Assessment Suite support", "SIMS Resources Software support"]
    assert [(item["name"], item["pence"]) for item in data_for("secondary")["priced"][0]["modules"]] == [
        ("SIMS Core Modules support", 55000), ("SIMS Examinations module", 30000),
        ("SIMS Assessment Suite support", 55000), ("SIMS Timetable Suite support", 55000),
        ("SIMS Resources Software support", 55000), ("SIMS Timetable & Exams Suite support", 79000)]


def test_what_a_move_adds_for_a_yhgfl_school_and_for_others():
    """Remote upgrades and installations: N for Core, B (YHGFL schools only) for Platinum."""
    data = data_for("primary")
    remote = ("SIMS: Technical Support", "Remote upgrades and installations")
    for yhgfl, expected in ((True, [("gained", *remote, None)]), (False, []), (None, [("gained", *remote, True)])):
        answer = plan(data, choose("core", "platinum", yhgfl=yhgfl))
        found = [(c["kind"], c["group"], c["service"], c["who"]) for c in answer["changes"]
                 if c["service"] == remote[1]]
        assert found == expected, yhgfl
        assert answer["moveHref"] == "compare/core-to-platinum"
    assert plan(data, choose("core", "core"))["changes"] == []
    assert plan(data, choose(NEW, "gold"))["moveHref"] is None


def test_the_specifications_words_for_the_rules():
    words = data_for("primary")["words"]
    assert words["commitment"] == {"clause": "5.4", "text": (
        "From 1 April, schools wishing to contract for services for the first time, or wishing to change the level "
        "of their existing contract, must be willing to commit to the new contract for an initial period of three "
        "years.")}
    assert words["notice"] == {"clause": "5.3", "text": (
        "To terminate the agreement at any point after 1 April, either party must give the other at least one "
        "term's notice, in writing, to terminate the service at the end of that financial year.")}
    assert words["subscription"]["clause"] == "13.1"
    assert words["subscription"]["text"] == ("Subscriptions will be payable annually in advance. The charge will be "
                                             "invoiced as early as possible after 1 April.")
    assert words["asUsed"]["clause"] == "13.2"
    assert "within 28 days of the date of invoice" in words["asUsed"]["text"]


def test_the_invoicing_that_applies():
    data = data_for("primary")
    assert plan(data, choose("core", "core"))["paid"] == ["subscription"]
    assert plan(data, choose("core", LEAVE, offers=("pay-as-you-use",)))["paid"] == ["as-used"]
    assert plan(data, choose("core", LEAVE))["paid"] == []
    # The specification says special services come "at additional cost", not how they are paid: the order says so.
    special = plan(data, choose("core", LEAVE, offers=("special-services",)))
    assert (special["lines"][0]["paid"], special["paid"]) == ("not-stated", [])
    found = order(data, choose("core", LEAVE, COMPLETE, offers=("special-services",)), None)
    assert [(line["item"], line["paid"]) for line in found["lines"]] == [
        (f"{CAPITA_TITLE}: Complete SIMS Help Desk Support", "Annual subscription"), ("Special Services", "Not stated")]


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A copy of the edition whose complete primary top-up costs £900, with Gold priced at £1,250 for primary
    schools, and the ordering data filled in."""
    data = tmp_path / "data"
    shutil.copytree(EDITION, data)
    prices = data / "prices.yaml"
    text = prices.read_text(encoding="utf-8").replace("prices: {primary: 850, secondary: 1090}",
                                                      "prices: {primary: 900, secondary: 1090}")
    text = text.replace("package_prices: []", "package_prices:\n  - {school_type: primary, tier: gold, price: 1250}")
    text += ("\nordering:\n  opens: 2008-01-14\n  closes: 2008-03-14\n  notice_by: 2007-12-31\n"
             "  email: ict.orders@example.gov.uk\n  post_to: Northgate House, Halifax\n")
    prices.write_text(text, encoding="utf-8")
    return data


def test_a_price_changed_in_the_data(edited):
    data = data_for("primary", edited)
    answer = plan(data, choose("core", "gold", MODULES, (CORE_MODULES, ASSESSMENT, RESOURCES)))
    assert [(line["name"], line["pence"]) for line in answer["lines"]][0] == ("Gold (Primary schools)", 125000)
    assert answer["total"] == 237500
    assert answer["toBeNotified"] == []
    assert answer["cheaper"][0]["whole"] == 90000
    assert answer["cheaper"][0]["by"] == 22500
    assert answer["difference"] == 125000
    assert [plan(data, choose(current, tier))["difference"] for current, tier in (
        ("gold", "core"), (NEW, "gold"), ("gold", LEAVE), ("platinum", "gold"))] == [-125000, 125000, -125000, None]


def test_the_last_day_for_notice_when_the_council_has_set_it(edited):
    data = data_for("primary", edited)
    assert data["window"] == {"opens": "2008-01-14", "closes": "2008-03-14"}
    assert data["sendTo"] == {"email": "ict.orders@example.gov.uk", "post": "Northgate House, Halifax"}
    assert plan(data, choose("platinum", "gold"))["noticeBy"] == "2007-12-31"
    assert plan(data, choose("gold", "platinum"))["noticeBy"] is None
    assert plan(data, choose(NEW, "core"))["noticeBy"] is None
    assert data_for("primary")["noticeBy"] is None  # the edition as shipped leaves it to the council


def test_the_order_as_data_spreadsheet_and_text():
    data = data_for("primary")
    school = {"slug": "x", "name": "=Hill Top, \"Primary\"", "tier": "core", "yhgfl": False, "pcs": 14}
    found = order(data, choose("core", "gold", MODULES, (CORE_MODULES,), ("pay-as-you-use",)), school)
    assert found == {
        "council": "Calderdale Metropolitan Borough Council", "financialYear": "2008/09",
        "schoolType": "Primary schools", "school": {"name": "=Hill Top, \"Primary\"", "yhgfl": False, "pcs": 14},
        "currentTier": "Core", "tier": "Gold",
        "lines": [{"item": "Gold (Primary schools)", "paid": "Annual subscription", "price": None},
                  {"item": f"{CAPITA_TITLE}: SIMS Core Modules support", "paid": "Annual subscription",
                   "price": "375.00"},
                  {"item": "Pay-as-you-use Services", "paid": "Pay as you use", "price": None}],
        "total": "375.00", "toBeNotified": ["Gold (Primary schools)", "Pay-as-you-use Services"],
        "commitment": True, "notice": False, "noticeBy": None}
    json.dumps(found)  # the JSON download holds exactly this
    rows = list(csv.reader(io.StringIO(order_csv(found))))
    assert rows == [
        ["School", "Financial year", "Item", "How it is paid", "Price (£)"],
        ["'=Hill Top, \"Primary\"", "2008/09", "Gold (Primary schools)", "Annual subscription", "To be notified"],
        ["'=Hill Top, \"Primary\"", "2008/09", f"{CAPITA_TITLE}: SIMS Core Modules support", "Annual subscription",
         "375.00"],
        ["'=Hill Top, \"Primary\"", "2008/09", "Pay-as-you-use Services", "Pay as you use", "To be notified"],
        ["'=Hill Top, \"Primary\"", "2008/09", "Total of known prices", "", "375.00"]]
    assert order_text(found) == (
        "Order for 2008/09: Primary schools\nSchool: =Hill Top, \"Primary\"\nTier this year: Core\n"
        "Tier for 2008/09: Gold\n\n- Gold (Primary schools) (Annual subscription): to be notified\n"
        f"- {CAPITA_TITLE}: SIMS Core Modules support (Annual subscription): £375.00\n"
        "- Pay-as-you-use Services (Pay as you use): to be notified\n\nTotal of known prices: £375.00\n"
        "Prices still to be notified: Gold (Primary schools); Pay-as-you-use Services\n")


def test_an_order_for_a_school_not_listed_and_one_leaving():
    found = order(data_for("secondary"), choose(NEW, "core"), None)
    assert (found["school"], found["currentTier"], found["tier"]) == (None, "None: new to these services", "Core")
    leaving = order(data_for("secondary"), choose("silver", LEAVE), None)
    assert (leaving["tier"], leaving["lines"], leaving["total"], leaving["notice"]) == (
        "No tier: leave these services", [], "0.00", True)
