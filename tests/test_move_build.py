"""Two tiers compared, on the built site: the comparison page's links to every move, and each move's page with
its exact words (the cost and the commitment first, then what the new tier adds and what the school would lose).

What changes, worked out without a build: test_comparison.py and test_move_and_tier_pages.py; in Chromium:
test_browser_comparison.py."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from built_pages import read_page
from conftest import copy_project, with_package_prices

pytestmark = pytest.mark.build

PRIMARY = ["core", "gold", "platinum", "platinum-plus"]
SECONDARY = ["core", "silver", "platinum"]


def words(element: Tag) -> str:
    text = " ".join(element.get_text(" ").split()).removesuffix(" ¶")
    for spaced, tight in ((" .", "."), (" ,", ","), (" :", ":"), (" ;", ";"), ("( ", "("), (" )", ")")):
        text = text.replace(spaced, tight)
    return text


def page(site: Path, path: str) -> BeautifulSoup:
    return read_page(site / path / "index.html")


def summary(soup: BeautifulSoup) -> dict[str, list[str]]:
    return {words(row.dt): [words(p) for p in row.dd.find_all("p")] for row in soup.select(".summary-list-row")}


def listed(soup: BeautifulSoup, anchor: str) -> list[str]:
    """The lines of a list of changes ('Gold adds', 'You would lose', 'Other changes')."""
    heading = soup.find("h2", id=anchor)
    return [words(li) for li in heading.find_next_sibling("ul").find_all("li")]


@pytest.mark.parametrize("phase, tiers", [("primary", PRIMARY), ("secondary", SECONDARY)])
def test_the_comparison_page_links_every_move_without_javascript(built_site, phase, tiers):
    soup = page(built_site, f"compare/{phase}")
    links = soup.select("ul.move-list a")
    assert [a["href"] for a in links] == [f"{a}-to-{b}/" for a, b in permutations(tiers, 2)]
    assert not links[0].find_parent(class_="js-only")
    for a in links:
        assert (built_site / "compare" / phase / a["href"] / "index.html").is_file()
    form = soup.select_one("form[data-move-form]")
    assert "js-only" in form["class"]
    assert [words(label) for label in form.select("label")] == ["Your school's tier now",
                                                                 "The tier you are considering"]
    assert [label["for"] for label in form.select("label")] == [select["id"] for select in form.select("select")]


def test_gold_to_platinum_says_what_it_adds_for_every_school_and_for_some(built_site):
    soup = page(built_site, "compare/primary/gold-to-platinum")
    assert words(soup.h1) == "From Gold to Platinum: primary schools"
    assert summary(soup) == {
        "Cost": ["Difference in price: to be notified (section 12.2).",
                 "Now (Gold): Additional cost; the price is to be notified. After moving (Platinum): Additional "
                 "cost; the price is to be notified."],
        "Commitment": ["From 1 April, a school contracting for the first time, or changing the level of its "
                       "contract, must be willing to commit to the new contract for an initial period of three "
                       "years (section 5.4)."],
        "What changes": ["Platinum adds: 13 services of the inclusion table. You would lose: 1."]}
    adds = listed(soup, "adds")
    assert adds[0] == ("Support for production of school census (Pupil Data: Collection, Validation, Analysis): "
                       "Optional extra now, Included in Platinum")
    assert ("Software installation and configuration (ICT Helpdesk) schools that are not YHGFL schools only: "
            "Not included now, Included in Platinum") in adds
    assert ("Recovery from virus infection (best endeavours) (ICT Helpdesk) schools that are not YHGFL schools "
            "only: Not available now, Included in Platinum") in adds
    assert ("Hardware and network support (Whole School Network): Not included now, Included in Platinum") in adds
    # Included in Gold for a YHGFL school, only for supported software in Platinum: less, and said so; for another
    # school, not included in Gold: more.
    assert listed(soup, "lose") == ["Support for Internet access (Whole School Network) YHGFL schools only: Included "
                                    "now, Supported software only in Platinum"]
    assert ("Support for Internet access (Whole School Network) schools that are not YHGFL schools only: Not included "
            "now, Supported software only in Platinum") in adds
    assert soup.find("h2", id="other-changes") is None
    assert page(built_site, "compare/primary/core-to-gold").find("h2", id="lose").find_next_sibling("p").get_text() \
        == "Nothing in the inclusion table: every service Core includes, Gold includes too."
    described = soup.select_one(".move-described")
    assert words(described.h3) == "Platinum adds what Platinum's description lists"
    assert words(described.select_one(".clause-ref")) == "In the specification: section 7.4.2."


def test_core_to_gold_keeps_what_the_table_gives_core(built_site):
    soup = page(built_site, "compare/primary/core-to-gold")
    both = words(soup.select_one(".move-both"))
    assert both.startswith("The inclusion table gives Core and Gold alike: Call routing (ICT Helpdesk); Fault "
                           "logging and general queries (ICT Helpdesk)")
    assert ("Software installation and configuration (ICT Helpdesk) YHGFL schools only: Not included now, "
            "Included in Gold") in listed(soup, "adds")


def test_platinum_to_platinum_plus_differs_only_in_the_descriptions(built_site):
    soup = page(built_site, "compare/primary/platinum-to-platinum-plus")
    assert summary(soup)["What changes"] == [
        "Platinum+ adds: 0 services of the inclusion table. You would lose: 0."]
    assert words(soup.select_one(".move-described h3")) == "Platinum+ adds what Platinum+'s description lists"


def test_secondary_moves_say_that_gold_is_a_primary_tier(built_site):
    soup = page(built_site, "compare/secondary/platinum-to-core")
    assert words(soup.select_one(".other-phases")) == (
        "Gold and Platinum+ are tiers for primary schools, not for secondary schools.")
    assert list(summary(soup)) == [
        "Cost for secondary schools", "Cost for secondary schools formerly grant maintained", "Commitment",
        "Notice"]  # a move to a lower tier
    assert [words(h3) for h3 in soup.select(".move-described h3")] == [
        "You would lose what Silver's description lists", "You would lose what Platinum's description lists"]
    assert words(soup.select_one(".move-described li")) == "a contribution towards SIMS licenses;"
    assert not soup.select("#adds")   # secondary schools have no inclusion table
    assert words(page(built_site, "compare/secondary").select_one(".other-phases")) == (
        "Gold and Platinum+ are tiers for primary schools, not for secondary schools.")


def test_the_commitment_links_its_clause(built_site):
    row = page(built_site, "compare/primary/gold-to-core").find("dt", string="Commitment").find_next("dd")
    assert row.a["href"] == "../../../specification/contract-length/#initial-commitment"


# --- with package prices published ------------------------------------------------------


@pytest.fixture(scope="module")
def priced(tmp_path_factory) -> Path:
    """The site built with package prices for some tiers and school types."""
    return with_package_prices(copy_project(tmp_path_factory.mktemp("compare-priced") / "project"), [
        ("primary", "gold", 1250), ("primary", "platinum", 2000), ("primary-formerly-gm", "platinum", 2400.5)])


def test_the_price_difference_once_prices_are_published(priced):
    costs = summary(page(priced, "compare/primary/core-to-gold"))
    assert costs["Cost for primary schools"] == [
        "Difference in price: £1,250 a year more.",
        "Now (Core for primary schools): No additional cost. After moving (Gold for primary schools): Additional "
        "cost: £1,250 a year."]
    assert summary(page(priced, "compare/primary/platinum-to-gold"))["Cost for primary schools"][0] == (
        "Difference in price: £750 a year less.")
    assert summary(page(priced, "compare/primary/core-to-platinum"))[
        "Cost for primary schools formerly grant maintained"] == [
        "Difference in price: £2,400.50 a year more.",
        "Now (Core for primary schools formerly grant maintained): No additional cost. After moving (Platinum for "
        "primary schools formerly grant maintained): Additional cost: £2,400.50 a year."]
    gold_to_platinum = page(priced, "compare/primary/gold-to-platinum")
    assert summary(gold_to_platinum)["Cost for primary schools formerly grant maintained"][0] == (
        "Difference in price: to be notified (section 12.2).")
    link = gold_to_platinum.find("dt", string="Cost for primary schools formerly grant maintained").find_next("a")
    assert link["href"] == "../../../specification/price/#package-prices"
