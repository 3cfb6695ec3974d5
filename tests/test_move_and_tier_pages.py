"""A tier's page and a move's page, rendered without MkDocs from the frozen 2008/09 edition.

What changes between two tiers is checked against the source document's codes (spec_facts.MATRIX, read with
the legend by the letter: test_entitlement.BY_CODE); counts and words are typed out. The built pages:
test_move_and_tier_build.py; in Chromium: test_browser_move_and_tier.py."""

from __future__ import annotations

import shutil
from itertools import permutations

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION, DataFiles
from macros.sla.entitlement import Status, matrix_rows
from macros.sla.load import load
from macros.sla.move_page import GAINED, LOST, MovePage, changes, other_phases_words, services_count
from macros.sla.pages import Pages
from macros.sla.tier_page import TierPage, counts, counts_words
from test_comparison import PRIMARY, expected_changes

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


@pytest.fixture
def data(tmp_path) -> DataFiles:
    shutil.copytree(EDITION, tmp_path / "data")
    return DataFiles(tmp_path / "data")


def pages(catalog) -> Pages:
    return Pages(catalog, href=lambda path, anchor: f"/{path}/" + (f"#{anchor}" if anchor else ""))


def move(catalog, phase: str, before: str, after: str) -> BeautifulSoup:
    renderer = pages(catalog)
    return BeautifulSoup(MovePage(catalog, renderer.href, renderer.status, renderer.cost_words).page(
        phase, before, after), "html.parser")


def tier(catalog, school_type: str, tier_id: str) -> BeautifulSoup:
    renderer = pages(catalog)
    return BeautifulSoup(TierPage(catalog, renderer.href, renderer).page(school_type, tier_id), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


# --- what a move changes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("yhgfl", [True, False], ids=["yhgfl", "not-yhgfl"])
@pytest.mark.parametrize("before, after", list(permutations(PRIMARY, 2)), ids="-to-".join)
def test_a_move_lists_for_each_school_exactly_the_services_whose_codes_differ(catalog, before, after, yhgfl):
    found = changes(catalog, "primary", catalog.tier("primary", before), catalog.tier("primary", after))
    for_this_school = [(c.group, c.service, c.before, c.after) for c in found if c.who in (None, yhgfl)]
    assert for_this_school == expected_changes(before, after, yhgfl)


def test_core_to_gold_adds_and_gold_to_core_loses_the_same_services(catalog):
    core, gold = catalog.tier("primary", "core"), catalog.tier("primary", "gold")
    up = changes(catalog, "primary", core, gold)
    down = changes(catalog, "primary", gold, core)
    assert ("Access to SIMS from up to 10 PCs", None) in [(c.service, c.who) for c in up if c.kind == GAINED]
    assert ("Software installation and configuration", True) in [(c.service, c.who) for c in up if c.kind == GAINED]
    assert [(c.service, c.who) for c in up if c.kind == GAINED] == [(c.service, c.who) for c in down
                                                                  if c.kind == LOST]
    assert not [c for c in up if c.kind == LOST]


def test_a_move_page_says_cost_and_commitment_first(catalog):
    soup = move(catalog, "primary", "core", "gold")
    rows = soup.select(".summary-list-row")
    assert [words(row.dt) for row in rows] == ["Cost", "Commitment", "What changes"]
    assert words(rows[0].dd).startswith("Difference in price: to be notified")
    assert "commit to the new contract for an initial period of three years" in words(rows[1].dd)
    assert words(rows[2].dd) == "Gold adds : 15 services of the inclusion table. You would lose : 0. Other changes : 3."


def test_less_support_is_a_loss_and_more_is_a_gain(catalog):
    """From "Supported software only" to "Not included" a school loses support, and gains it the other way;
    from "Included" to "Supported software only" it loses some (the source's codes S, N and A: spec_facts)."""
    core, gold, platinum = (catalog.tier("primary", tier) for tier in ("core", "gold", "platinum"))
    down = {(c.group, c.service, c.who): c.kind for c in changes(catalog, "primary", gold, core)}
    assert down[("Administration Network", "Support for Internet access", None)] == LOST
    up = {(c.group, c.service, c.who): c.kind for c in changes(catalog, "primary", core, gold)}
    assert up[("Administration Network", "Support for Internet access", None)] == GAINED
    across = {(c.group, c.service, c.who): (c.before, c.after, c.kind)
              for c in changes(catalog, "primary", gold, platinum)}
    internet = ("Whole School Network", "Support for Internet access")
    assert across[(*internet, True)] == (Status.INCLUDED, Status.SUPPORTED_ONLY, LOST)
    assert across[(*internet, False)] == (Status.NOT_INCLUDED, Status.SUPPORTED_ONLY, GAINED)


def test_a_service_listed_for_yhgfl_schools_and_for_the_others_counts_once(catalog):
    found = changes(catalog, "primary", catalog.tier("primary", "gold"), catalog.tier("primary", "platinum"))
    gained = [c for c in found if c.kind == GAINED]
    assert services_count(gained) == len({c.service for c in gained}) < len(gained)
    summary = words(move(catalog, "primary", "gold", "platinum").select(".summary-list-row")[-1].dd)
    assert summary == f"Platinum adds : {services_count(gained)} services of the inclusion table. You would lose : 1."


def test_where_a_description_lists_what_the_table_gives_both_tiers_the_page_says_both(catalog):
    up = words(move(catalog, "primary", "core", "gold").select_one(".move-both"))
    assert up == ("The inclusion table gives Core and Gold alike: Call routing (ICT Helpdesk); Fault logging and "
                  "general queries (ICT Helpdesk); Virus Protection Advice (ICT Helpdesk). A Core school has these "
                  "already.")
    down = words(move(catalog, "primary", "gold", "core").select_one(".move-both"))
    assert down.endswith("You keep these in Core.")


def test_secondary_pages_say_which_tiers_are_primary_tiers(catalog):
    assert other_phases_words(catalog, "secondary") == [
        "Gold and Platinum+ are tiers for primary schools, not for secondary schools."]
    assert other_phases_words(catalog, "primary") == [
        "Silver is a tier for secondary schools, not for primary schools."]
    assert words(move(catalog, "secondary", "silver", "platinum").select_one(".other-phases")) == (
        "Gold and Platinum+ are tiers for primary schools, not for secondary schools.")


def test_a_cost_for_each_school_type_that_pays_differently(catalog, data):
    assert [words(dt) for dt in move(catalog, "secondary", "core", "silver").select(".summary-list-row dt")][:2] == [
        "Cost for secondary schools", "Cost for secondary schools formerly grant maintained"]
    assert [words(dt) for dt in move(catalog, "primary", "core", "gold").select(".summary-list-row dt")][0] == "Cost"
    data.edit("prices.yaml", "package_prices: []",
              "package_prices:\n  - school_type: primary\n    tier: gold\n    price: 1250\n")
    soup = move(load(data.dir), "primary", "core", "gold")
    assert [words(row) for row in soup.select(".summary-list-row")][:2] == [
        "Cost for primary schools Difference in price: £1,250 a year more . Now ( Core for primary schools ): No "
        "additional cost . After moving ( Gold for primary schools ): Additional cost: £1,250 a year .",
        "Cost for primary schools formerly grant maintained Difference in price: to be notified ( section 12.2 ) . "
        "Now ( Core for primary schools formerly grant maintained ): No additional cost . After moving ( Gold for "
        "primary schools formerly grant maintained ): Additional cost ; the price is to be notified."]


# --- a tier's page ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tier_id, expected", [
    ("core", "Core includes 16 of the 46 services in the inclusion table; 5 more can be bought as extras."),
    ("gold", "Gold includes 26 of the 46 services in the inclusion table (3 more for YHGFL schools), and 2 more for "
             "the supported software only; 6 more can be bought as extras, and 2 more by YHGFL schools only."),
    ("platinum", "Platinum includes 38 of the 46 services in the inclusion table (1 more for YHGFL schools), and 3 "
                 "more for the supported software only; 4 more can be bought as extras."),
])
def test_what_a_tier_includes_in_one_sentence(catalog, tier_id, expected):
    rows = matrix_rows(catalog, "primary", [catalog.tier("primary", tier_id)])
    assert counts_words(counts(rows), catalog.tier("primary", tier_id).name) == expected


def test_a_tier_page_answers_what_it_costs_and_includes_first(catalog):
    soup = tier(catalog, "primary", "gold")
    rows = soup.select(".summary-list-row")
    assert [words(row.dt) for row in rows][:3] == ["Cost", "What it includes", "Report a fault or ask a question"]
    assert words(rows[0].dd) == "Gold : at additional cost; the price is to be notified ( section 12.2 )"
    assert words(rows[1].dd).startswith("Gold includes 26 of the 46 services")


def test_a_tier_page_shows_both_yhgfl_answers(catalog):
    table = tier(catalog, "primary", "gold").select_one(".yhgfl-table table")
    lines = [[words(cell) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert ["Software installation and configuration (ICT Helpdesk)", "Included", "Not included"] in lines
    assert ["Recovery from virus infection (best endeavours) (ICT Helpdesk)", "Optional extra",
            "Not available"] in lines
    assert len(lines) == 5


def test_a_tier_page_keeps_only_the_exclusions_that_apply(catalog):
    gold = words(tier(catalog, "primary", "gold").select_one(".tier-section"))
    core = words(tier(catalog, "primary", "core").select_one(".tier-section"))
    assert "Specific exclusions (applies to both Gold and Platinum)" in gold
    assert "Specific exclusions" not in core


def test_a_tier_page_links_every_move_from_it(catalog):
    links = [a["href"] for a in tier(catalog, "secondary", "silver").select(".move-links a")]
    assert links == ["/compare/secondary/silver-to-core/", "/compare/secondary/silver-to-platinum/"]


def test_school_types_are_said_to_cost_the_same_only_once_their_prices_are_published(catalog, data):
    """The home page's choice of school type: types whose tiers are free or at additional cost alike read as
    'at the same cost' only when the prices of their paid tiers are published and equal."""
    def first_choice(source) -> str:
        return words(BeautifulSoup(pages(source).school_type_choices(), "html.parser").select_one(".choice-costs"))

    assert first_choice(catalog).startswith("The same tiers for both, free or at additional cost alike (prices to "
                                            "be notified). Core at no additional cost;")
    prices = "".join(f"\n  - school_type: {school_type}\n    tier: {tier}\n    price: 1250"
                     for school_type in ("primary", "primary-formerly-gm")
                     for tier in ("gold", "platinum", "platinum-plus"))
    data.edit("prices.yaml", "package_prices: []", f"package_prices:{prices}\n")
    assert first_choice(load(data.dir)).startswith("The same tiers at the same cost for both. Core at no additional")


def test_a_move_page_keeps_the_notes_of_a_tiers_description(catalog):
    """Secondary Platinum's description ends with notes on who pays what (a parity payment to CapitaES; delegated
    funding): a move to it or from it says them with its services."""
    for before, after in (("silver", "platinum"), ("platinum", "core")):
        notes = [words(li) for li in move(catalog, "secondary", before, after).select(".move-notes li")]
        assert [note.split(" ")[0] for note in notes] == ["Former", "Please"]
        assert "one-off parity payment" in notes[1]
    assert move(catalog, "secondary", "core", "silver").select(".move-notes") == []


def test_a_service_a_description_lists_that_is_also_offered_on_its_own_says_so_and_to_whom(catalog):
    """Silver's description lists "top-up services from CapitaES (see section 7.6.3)", which section 7.6.3 offers
    to all maintained schools: a school moving from Silver to Core reads both."""
    soup = move(catalog, "secondary", "silver", "core")
    assert [words(p) for p in soup.select(".move-offer")] == [
        "Capita SIMS Top-Up Subscription Service ( section 7.6.3 ) is also offered on its own: Available from CapitaES "
        "to all maintained schools in Calderdale. They are brokered by the Local Authority and offered on a "
        "subscription basis at CapitaES prices."]
    assert move(catalog, "primary", "core", "gold").select(".move-offer") == []


def test_a_move_to_a_lower_tier_says_what_the_specification_says_of_notice(catalog, data):
    """The specification asks for notice to end the contract (5.3) and says nothing of a move to a lower tier:
    a move down says both, and the council's last day for notice once it is published; a move up says nothing."""
    rows = {words(row.dt): words(row.dd)
            for row in move(catalog, "primary", "gold", "core").select(".summary-list-row")}
    assert rows["Notice"] == (
        "To end the contract at any point after 1 April, either party must give the other at least one term's "
        "notice, in writing; the service then ends at the end of that financial year ( section 5.3 ). The "
        "specification does not say whether a move to a lower tier needs this notice. The council has not yet "
        "published its last day for notice this year: ask the ICT Service Desk.")
    assert "Notice" not in [words(dt) for dt in move(catalog, "primary", "core", "gold").select(".summary-list-row dt")]
    data.edit("prices.yaml", "service_prices: []\n", "service_prices: []\nordering:\n  notice_by: 2008-12-19\n")
    rows = {words(row.dt): words(row.dd)
            for row in move(load(data.dir), "secondary", "platinum", "silver").select(".summary-list-row")}
    assert rows["Notice"].endswith("The council's last day for notice, to leave or to move to a lower tier, is 19 "
                                   "December 2008.")
