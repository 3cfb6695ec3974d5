"""Two tiers compared, on the built comparison pages: the form, and the answers put together from the pieces
as site.js does (`answer` below follows `comparing` in site.js), with their exact words.

What changes, worked out without a build: test_comparison.py; in Chromium: test_browser_comparison.py."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.build


def words(element: Tag) -> str:
    return " ".join(element.get_text().split())


class Comparison:
    """The comparison block of a built page: its form, pieces and list of answers."""

    def __init__(self, site: Path, phase: str):
        html = (site / "compare" / phase / "index.html").read_text(encoding="utf-8")
        self.soup = BeautifulSoup(html, "html.parser")
        self.holder = self.soup.select_one("section[data-compare]")
        # The pieces, parsed on their own: inside a <template>, CSS selectors and get_text() see nothing.
        template = BeautifulSoup(self.holder.find("template").decode_contents(), "html.parser")
        self.pieces = {element["data-piece"]: element for element in template.find_all(attrs={"data-piece": True})}
        self.answers = json.loads(self.holder.find("script", attrs={"data-compare-answers": True}).string)

    def piece(self, piece_id: str, **slots: str) -> Tag:
        """A copy of a piece, each slot given the contents of the piece named for it."""
        node = copy.copy(self.pieces[piece_id])
        for name, filler in slots.items():
            slot = node.find(attrs={"data-slot": name})
            for child in list(self.pieces[filler].contents):
                slot.append(copy.copy(child))
        return node

    def answer(self, before: str, after: str, yhgfl: str = "any", school_type: str = "any") -> list[str]:
        """The answer for a choice, as its lines of text: heading, summary, group headings and services, the
        services the descriptions list, the cost."""
        change = self.answers["changes"][f"{before}/{after}/{yhgfl}"]
        statuses = self.answers["statuses"]
        tiers = {"from": f"tier-{before}", "to": f"tier-{after}"}
        lines = [words(self.piece("heading", **tiers)), words(self.piece(change["summary"]))]
        if change["groups"]:
            lines.append(words(self.piece("matrix-heading")))
        for group, services in change["groups"]:
            lines.append(words(self.piece(f"group-{group}")))
            lines += [words(self.piece("line", service=f"service-{service}", before=f"status-{statuses[was]}",
                                       after=f"status-{statuses[will_be]}", **tiers))
                      for service, was, will_be in services]
        if change["described"]:
            lines.append(words(self.piece("described-heading").h4))   # then what "Not listed" means
        for tier, was, will_be in change["described"]:
            described = self.piece(f"described-{tier}", before=f"status-{statuses[was]}",
                                   after=f"status-{statuses[will_be]}", **tiers)
            lines += [words(described.h5), words(described.p)]
        lines += self.cost(before, after, school_type)
        return lines

    def cost(self, before: str, after: str, school_type: str = "any") -> list[str]:
        cost = self.pieces[self.answers["costs"][f"{before}/{after}/{school_type}"]]
        return [words(cost.h4)] + [words(li) for li in cost.find_all("li")]

    def legends(self) -> list[str]:
        return [words(legend) for legend in self.holder.select("form legend")]


@pytest.fixture(scope="module")
def primary(built_site) -> Comparison:
    return Comparison(built_site, "primary")


@pytest.fixture(scope="module")
def secondary(built_site) -> Comparison:
    return Comparison(built_site, "secondary")


def test_the_block_is_hidden_without_javascript_and_kept_out_of_search(primary, built_site):
    # Hidden without JavaScript by site.css (`.no-js .js-only`); drawn from the first paint with it.
    assert "js-only" in primary.holder["class"] and primary.holder.has_attr("data-search-exclude")
    assert primary.holder.find_next_sibling("h2")["id"] == "inclusion-table"   # before the full tables, which stay
    assert [h2["id"] for h2 in primary.soup.select("article h2[id]")][-2:] == ["inclusion-table", "described"]
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "After moving" not in index and "Compare two tiers for your school" not in index


def test_the_form_is_labelled(primary, secondary):
    assert primary.legends() == ["Your school's current tier", "The tier you are considering",
                                 "Is your school a YHGFL (Yorkshire and Humber Grid for Learning) school?"]
    for name in ("from", "to"):
        assert [words(radio.parent) for radio in primary.holder.select(f"input[type=radio][name={name}]")] == [
            "Core", "Gold", "Platinum", "Platinum+"]
    assert [words(radio.parent) for radio in primary.holder.select("input[name=yhgfl]")] == ["Yes", "No"]
    assert not primary.holder.select("input[name=type]")     # both primary types pay alike: not asked
    assert secondary.legends() == ["Your school's current tier", "The tier you are considering",
                                   "Your type of school"]
    assert primary.holder.select_one("form [role=status][aria-live=polite]") is not None


GOLD_TO_PLATINUM_NOT_YHGFL = [
    "Moving from Gold to Platinum",
    "For a school that is not a YHGFL school, 13 of the 46 services in the inclusion table differ. The services "
    "listed for Platinum are included in Platinum; Gold's description does not list them.",
    "Services in the inclusion table that differ",
    "Pupil Data: Collection, Validation, Analysis",
    "Support for production of school census Now (Gold): Optional extra After moving (Platinum): Included",
    "ICT Helpdesk",
    "Software installation and configuration Now (Gold): Not included After moving (Platinum): Included",
    "Antivirus and operating system software: Automated updates throughout the whole school (subject to site "
    "survey) Now (Gold): Not available After moving (Platinum): Included",
    "Recovery from virus infection (best endeavours) Now (Gold): Not available After moving (Platinum): Included",
    "SIMS: Technical Support",
    "Access to SIMS from more than 10 PCs Now (Gold): Optional extra After moving (Platinum): Included",
    "Whole School Network",
    "Hardware and network support Now (Gold): Not included After moving (Platinum): Included",
    "Maintenance of one 'whole school' server Now (Gold): Not included After moving (Platinum): Included",
    "Maintenance of one administration server and one curriculum server Now (Gold): Not included "
    "After moving (Platinum): Included",
    "Support for Internet access Now (Gold): Not included After moving (Platinum): Supported software only",
    "Installation of curriculum software Now (Gold): Not included After moving (Platinum): Included",
    "Automation of curriculum software installation (where software allows) Now (Gold): Not included "
    "After moving (Platinum): Included",
    "Ordering hardware and desktop software Now (Gold): Not included After moving (Platinum): Included",
    "Network consultancy services - evaluation of school requirements and supplier proposals Now (Gold): "
    "Not included After moving (Platinum): Included",
    "Services listed in the tiers' descriptions that differ",
    "Listed for Platinum (section 7.4.2)",
    "Now (Gold): Not listed for this tier After moving (Platinum): Included",
    "Cost",
    "Now (Gold): Additional cost; the price is to be notified",
    "After moving (Platinum): Additional cost; the price is to be notified",
    "Difference in price: to be notified (section 12.2)",
]


def test_gold_to_platinum_for_a_school_that_is_not_yhgfl(primary):
    assert primary.answer("gold", "platinum", "no") == GOLD_TO_PLATINUM_NOT_YHGFL


def test_core_to_gold_software_installation_changes_only_for_a_yhgfl_school(primary):
    software = "Software installation and configuration Now (Core): Not included After moving (Gold): Included"
    assert software in primary.answer("core", "gold", "yes")
    assert not any(line.startswith("Software installation") for line in primary.answer("core", "gold", "no"))
    assert primary.answer("core", "gold", "no")[1].startswith(
        "For a school that is not a YHGFL school, 15 of the 46 services in the inclusion table differ.")


def test_no_group_heading_is_left_empty(primary):
    headings = {words(piece) for name, piece in primary.pieces.items() if name.startswith("group-")}
    for key in primary.answers["changes"]:
        lines = primary.answer(*key.split("/"))
        for index, line in enumerate(lines):
            if line in headings:
                assert "Now (" in lines[index + 1], f"{key}: {line!r} has no service under it"


def test_platinum_to_platinum_plus_differs_only_in_the_descriptions(primary):
    assert primary.answer("platinum", "platinum-plus", "yes")[:5] == [
        "Moving from Platinum to Platinum+",
        "For a YHGFL school, none of the 46 services in the inclusion table differs. The services listed for "
        "Platinum+ are included in Platinum+; Platinum's description does not list them.",
        "Services listed in the tiers' descriptions that differ",
        "Listed for Platinum+ (section 7.4.3)",
        "Now (Platinum): Not listed for this tier After moving (Platinum+): Included"]


def test_secondary_lists_the_services_the_new_tier_adds_or_loses(secondary):
    assert secondary.answer("platinum", "core", school_type="secondary") == [
        "Moving from Platinum to Core",
        "The services listed for Silver and Platinum are included in Platinum; Core's description does not "
        "list them.",
        "Services listed in the tiers' descriptions that differ",
        "Listed for Silver (section 7.5.1)",
        "Now (Platinum): Included After moving (Core): Not listed for this tier",
        "Listed for Platinum (section 7.5.2)",
        "Now (Platinum): Included After moving (Core): Not listed for this tier",
        "Cost for secondary schools",
        "Now (Platinum): Additional cost; the price is to be notified",
        "After moving (Core): No additional cost",
        "Difference in price: to be notified (section 12.2)"]
    assert words(secondary.pieces["described-heading"].p) == (
        "Not listed for this tier: the tier's description does not list the service; that alone does not mean "
        "the tier excludes it.")
    described = secondary.pieces["described-silver"]
    assert [words(li) for li in described.find_all("li")][0] == "a contribution towards SIMS licenses;"
    assert secondary.cost("core", "silver", "secondary")[-1] == (
        "Difference in price: none: both are at no additional cost")
    assert secondary.cost("core", "silver", "secondary-formerly-gm")[2] == (
        "After moving (Silver): Additional cost; the price is to be notified")


def test_the_commitment_is_the_clause_summary_with_its_link(primary):
    answer = primary.holder.select_one("[data-compare-answer]")
    assert answer.has_attr("hidden")
    commitment = answer.find("h4", string="Commitment").find_next("p")
    assert words(commitment) == ("From 1 April, a school contracting for the first time, or changing the level of "
                                 "its contract, must be willing to commit to the new contract for an initial period "
                                 "of three years (section 5.4).")
    assert commitment.a["href"] == "../../specification/contract-length/#initial-commitment"


def test_the_answers_cost_little_page_weight(built_site):
    html = (built_site / "compare" / "primary" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<section class="compare-choice[^"]*".*?</script>\s*</section>', html, re.S)
    assert block and len(block.group(0).encode()) < 45_000


# --- with package prices published ------------------------------------------------------


@pytest.fixture(scope="module")
def priced(tmp_path_factory) -> Path:
    """The site built with package prices for some tiers and school types."""
    project = copy_project(tmp_path_factory.mktemp("compare-priced") / "project")
    prices = project / "data" / "prices.yaml"
    prices.write_text(prices.read_text(encoding="utf-8").replace("package_prices: []", (
        "package_prices:\n"
        "  - school_type: primary\n    tier: gold\n    price: 1250\n"
        "  - school_type: primary\n    tier: platinum\n    price: 2000\n"
        "  - school_type: primary-formerly-gm\n    tier: platinum\n    price: 2400.5\n")), encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_price_difference_once_prices_are_published(priced):
    primary = Comparison(priced, "primary")
    assert primary.legends()[-1] == "Your type of school"   # the price now depends on the type
    assert primary.cost("core", "gold", "primary") == [
        "Cost for primary schools", "Now (Core): No additional cost",
        "After moving (Gold): Additional cost: £1,250 a year", "Difference in price: £1,250 a year more"]
    assert primary.cost("platinum", "gold", "primary")[-1] == "Difference in price: £750 a year less"
    assert primary.cost("core", "platinum", "primary-formerly-gm") == [
        "Cost for primary schools formerly grant maintained", "Now (Core): No additional cost",
        "After moving (Platinum): Additional cost: £2,400.50 a year", "Difference in price: £2,400.50 a year more"]
    assert primary.cost("gold", "platinum", "primary-formerly-gm")[1:] == [
        "Now (Gold): Additional cost; the price is to be notified",
        "After moving (Platinum): Additional cost: £2,400.50 a year",
        "Difference in price: to be notified (section 12.2)"]
    link = primary.pieces["cost/gold/platinum/primary-formerly-gm"].find_all("li")[-1].a
    assert link["href"] == "../../specification/price/#package-prices"
