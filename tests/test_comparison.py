"""Two tiers compared: what changes for a school moving between them, worked out without MkDocs.

The services that differ are checked against the source document's codes (spec_facts.MATRIX), read with
the legend by the letter (test_entitlement.BY_CODE), not with the data's `kind`. The built page and its
pieces: test_comparison_build.py; in Chromium: test_browser_comparison.py."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from itertools import permutations

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION, DataFiles
from macros.sla.catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST
from macros.sla.entitlement import (
    DescribedChange,
    Status,
    TierOffer,
    described_changes,
    price_difference,
    tier_changes,
    tier_offers,
)
from macros.sla.load import load
from macros.sla.move_page import MovePage
from macros.sla.pages import Pages
from spec_facts import MATRIX, TIERS
from test_entitlement import BY_CODE

pytestmark = pytest.mark.unit

PRIMARY = ["core", "gold", "platinum", "platinum-plus"]
"""The primary tiers' ids, in the order of TIERS['primary'] and of the codes in MATRIX."""


@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


def tier(catalog, phase: str, tier_id: str):
    return catalog.tier(phase, tier_id)


def expected_changes(before: str, after: str, yhgfl: bool) -> list[tuple[str, str, Status, Status]]:
    """Every row of the published table whose two codes mean different things for this school."""
    column = 0 if yhgfl else 1
    changes = []
    for group, service, codes in MATRIX:
        by_tier = dict(zip(PRIMARY, codes.split(), strict=True))
        was, will_be = BY_CODE[by_tier[before]][column], BY_CODE[by_tier[after]][column]
        if was != will_be:
            changes.append((group, service, was, will_be))
    return changes


def test_the_tiers_are_the_published_ones(catalog):
    assert [t.name for t in catalog.phase("primary").tiers] == TIERS["primary"]
    assert [t.id for t in catalog.phase("primary").tiers] == PRIMARY


@pytest.mark.parametrize("yhgfl", [True, False], ids=["yhgfl", "not-yhgfl"])
@pytest.mark.parametrize("before, after", list(permutations(PRIMARY, 2)), ids="-to-".join)
def test_the_services_that_change_are_those_whose_codes_mean_different_things(catalog, before, after, yhgfl):
    rows = tier_changes(catalog, "primary", tier(catalog, "primary", before), tier(catalog, "primary", after), yhgfl)
    assert [(row.group, row.service, row.cells[0].status, row.cells[1].status) for row in rows] == \
        expected_changes(before, after, yhgfl)
    assert all(row.cells[0].tier.id == before and row.cells[1].tier.id == after for row in rows)


def changes(catalog, before: str, after: str, yhgfl: bool) -> dict[str, tuple[str, str]]:
    rows = tier_changes(catalog, "primary", tier(catalog, "primary", before), tier(catalog, "primary", after), yhgfl)
    return {f"{row.group}: {row.service}": (row.cells[0].status.value, row.cells[1].status.value) for row in rows}


def test_core_to_gold_software_installation_depends_on_yhgfl(catalog):
    # Core N, Gold B (YHGFL schools only): not included either way for another school, so not a change.
    assert "ICT Helpdesk: Software installation and configuration" not in changes(catalog, "core", "gold", False)
    assert changes(catalog, "core", "gold", True)["ICT Helpdesk: Software installation and configuration"] == (
        "Not included", "Included")
    assert len(changes(catalog, "core", "gold", False)) == 15
    assert len(changes(catalog, "core", "gold", True)) == 18


def test_gold_to_platinum_virus_recovery_and_internet_access(catalog):
    recovery = "ICT Helpdesk: Recovery from virus infection (best endeavours)"
    internet = "Whole School Network: Support for Internet access"
    other, member = changes(catalog, "gold", "platinum", False), changes(catalog, "gold", "platinum", True)
    assert other[recovery] == ("Not available", "Included")        # O/B for a school that is not YHGFL
    assert member[recovery] == ("Optional extra", "Included")      # O/B for a YHGFL school
    assert other[internet] == ("Not included", "Supported software only")   # B, then S
    assert member[internet] == ("Included", "Supported software only")
    # Moving down reads the other way round.
    assert changes(catalog, "platinum", "gold", False)[recovery] == ("Included", "Not available")


def test_platinum_and_platinum_plus_share_every_row_of_the_table(catalog):
    assert changes(catalog, "platinum", "platinum-plus", True) == {}
    assert changes(catalog, "platinum-plus", "platinum", False) == {}


def test_a_phase_without_a_table_has_no_rows_that_change(catalog):
    assert tier_changes(catalog, "secondary", tier(catalog, "secondary", "core"),
                        tier(catalog, "secondary", "platinum"), True) == []


# --- the services the tiers' descriptions list ------------------------------------------


def described(catalog, phase: str, before: str, after: str) -> list[tuple[str, Status, Status]]:
    return [(change.tier.id, change.before, change.after)
            for change in described_changes(catalog, phase, tier(catalog, phase, before), tier(catalog, phase, after))]


def test_moving_up_adds_the_services_listed_for_each_tier_on_the_way(catalog):
    assert described(catalog, "secondary", "core", "platinum") == [
        ("silver", Status.NOT_LISTED, Status.INCLUDED), ("platinum", Status.NOT_LISTED, Status.INCLUDED)]
    assert described(catalog, "secondary", "silver", "platinum") == [("platinum", Status.NOT_LISTED, Status.INCLUDED)]
    assert described(catalog, "primary", "platinum", "platinum-plus") == [
        ("platinum-plus", Status.NOT_LISTED, Status.INCLUDED)]


def test_moving_down_loses_them(catalog):
    assert described(catalog, "secondary", "platinum", "core") == [
        ("silver", Status.INCLUDED, Status.NOT_LISTED), ("platinum", Status.INCLUDED, Status.NOT_LISTED)]
    change = described_changes(catalog, "secondary", tier(catalog, "secondary", "platinum"),
                               tier(catalog, "secondary", "silver"))
    assert change == [DescribedChange(tier(catalog, "secondary", "platinum"), Status.INCLUDED, Status.NOT_LISTED)]
    assert not change[0].added


# --- prices ---------------------------------------------------------------------------


def offer(cost: str | None, price: str | None = None) -> TierOffer:
    """Gold, at a cost (and price) set by the test."""
    gold = tier_offers(load(EDITION), "primary")[1]
    return dataclasses.replace(gold, cost=cost, price=Decimal(price) if price else None)


@pytest.mark.parametrize("before, after, difference", [
    (offer(NO_ADDITIONAL_COST), offer(ADDITIONAL_COST, "1250"), Decimal("1250")),
    (offer(ADDITIONAL_COST, "1250"), offer(NO_ADDITIONAL_COST), Decimal("-1250")),
    (offer(ADDITIONAL_COST, "1250"), offer(ADDITIONAL_COST, "2400.50"), Decimal("1150.50")),
    (offer(NO_ADDITIONAL_COST), offer(NO_ADDITIONAL_COST), Decimal("0")),
    (offer(NO_ADDITIONAL_COST), offer(ADDITIONAL_COST), None),          # price to be notified
    (offer(ADDITIONAL_COST), offer(ADDITIONAL_COST, "1250"), None),
], ids=["free-to-priced", "priced-to-free", "priced-to-priced", "free-to-free", "to-be-notified",
        "from-to-be-notified"])
def test_price_difference(before, after, difference):
    assert price_difference(before, after) == difference


def test_a_price_difference_needs_a_school_type():
    with pytest.raises(ValueError):
        price_difference(offer(None), offer(NO_ADDITIONAL_COST))


@pytest.fixture
def data(tmp_path) -> DataFiles:
    """A copy of the real data files, to change."""
    shutil.copytree(EDITION, tmp_path / "data")
    return DataFiles(tmp_path / "data")


# --- what a move costs, on the minimal data with a third tier ---------------------------------------------


def three_tiers(minimal: DataFiles, no_additional_cost: str, additional_cost: str, packages: str) -> None:
    """The minimal data with Platinum (building on Gold) added, the costs for primary schools, and package prices."""
    minimal.edit("services.yaml", "          - a gold service\n", "          - a gold service\n"
                 "      - id: platinum\n        name: Platinum\n        title: Platinum Service\n"
                 "        builds_on: gold\n")
    minimal.edit("services.yaml", "    no_additional_cost: [core]\n    additional_cost: [gold]\n",
                 f"    no_additional_cost: [{no_additional_cost}]\n    additional_cost: [{additional_cost}]\n")
    minimal.edit("services.yaml", "codes: {core: Y, gold: Y}", "codes: {core: Y, gold: Y, platinum: Y}")
    minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y, platinum: Y}")
    minimal.write("prices.yaml", minimal.text("prices.yaml") + f"package_prices:\n{packages}")


def cost_piece(catalog, before: str, after: str) -> list[str]:
    """The words of the cost of a move from `before` to `after` on its page, as the summary says them."""
    pages = Pages(catalog, href=lambda path, anchor: f"/{path}/" + (f"#{anchor}" if anchor else ""))
    html = MovePage(catalog, pages.href, pages.status, pages.cost_words).page("primary", before, after)
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one(".summary-list-row")
    return [" ".join(element.get_text(" ").split()) for element in row.select("dt, dd p")]


def test_two_tiers_at_the_same_extra_price_cost_the_same_but_not_nothing(minimal):
    three_tiers(minimal, "core", "gold, platinum", "  - {school_type: primary, tier: gold, price: 1250}\n"
                                                   "  - {school_type: primary, tier: platinum, price: 1250}\n")
    catalog = load(minimal.dir)
    assert cost_piece(catalog, "gold", "platinum") == [
        "Cost", "Difference in price: none .",
        "Now ( Gold ): Additional cost: £1,250 a year . After moving ( Platinum ): Additional cost: £1,250 a year ."]
    assert cost_piece(catalog, "platinum", "core") == [
        "Cost", "Difference in price: £1,250 a year less .",
        "Now ( Platinum ): Additional cost: £1,250 a year . After moving ( Core ): No additional cost ."]


def test_two_tiers_at_no_additional_cost_say_so(minimal):
    three_tiers(minimal, "core, platinum", "gold", "  - {school_type: primary, tier: gold, price: 980.50}\n")
    catalog = load(minimal.dir)
    assert cost_piece(catalog, "core", "platinum") == [
        "Cost", "Difference in price: none: both are at no additional cost .",
        "Now ( Core ): No additional cost . After moving ( Platinum ): No additional cost ."]
    assert cost_piece(catalog, "platinum", "gold") == [
        "Cost", "Difference in price: £980.50 a year more .",
        "Now ( Platinum ): No additional cost . After moving ( Gold ): Additional cost: £980.50 a year ."]
