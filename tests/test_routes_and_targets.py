"""Two routes, never one, and response targets only with their conditions, on the built pages of whatever data
data/ holds: every school's page, every school type's page, the home page.

- Reporting a fault or asking a question (the ICT Service Desk) is a row and a section of its own; the route
  for concerns or complaints (the clause with the escalation) is another, starting as the clause starts.
- A tier the specification does not offer with pre-determined response times is given no target as its own;
  wherever targets are stated, the clauses that qualify them are quoted.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from built_pages import read_page
from conftest import EDITION
from macros.sla.checks import school_slug
from macros.sla.entitlement import school_type_of
from macros.sla.load import load
from macros.sla.render import Renderer

pytestmark = pytest.mark.build

CATALOG = load(EDITION)


def soup(site, path: str) -> BeautifulSoup:
    return read_page(site / path / "index.html")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def summary(page: BeautifulSoup) -> dict[str, list[str]]:
    return {words(row.dt): [words(p) for p in row.dd.find_all("p")] for row in page.select(".summary-list-row")}


def condition_words() -> list[str]:
    """Each clause that qualifies the targets, in full, as plain words without spaces (links split text)."""
    renderer = Renderer(CATALOG, href=lambda path, anchor: "")
    return ["".join(renderer.plain(" ".join(CATALOG.clause(clause_id).clause.text)).split())
            for clause_id in CATALOG.services.response_standards.conditions]


def quotes_conditions(text: str) -> bool:
    squeezed = "".join(text.split())
    return all(condition in squeezed for condition in condition_words())


SCHOOLS = [(school_slug(school), school) for school in CATALOG.schools]


@pytest.mark.parametrize("slug, school", SCHOOLS, ids=[slug for slug, _ in SCHOOLS])
def test_each_school_page_keeps_the_two_routes_apart(built_site, slug, school):
    page = soup(built_site, f"schools/{slug}")
    rows = summary(page)
    fault, complaints = rows["Report a fault or ask a question"], rows["Complaints about the service"]
    desk = CATALOG.services.service_desk.name
    assert fault[0].startswith(f"Report faults and ask questions to the {desk}")
    first = CATALOG.services.escalation[0]
    assert complaints[0] == " ".join(f"{first.when} {first.who}".split())
    assert not any(contact.name in " ".join(fault) for contact in CATALOG.services.contacts)
    section = page.find("h2", id="contacts")
    assert [words(h3) for h3 in section.find_all_next("h3", limit=2)] == [
        "Report a fault or ask a question", "Complaints about the service"]


@pytest.mark.parametrize("slug, school", SCHOOLS, ids=[slug for slug, _ in SCHOOLS])
def test_each_school_page_states_targets_only_for_a_tier_offered_with_them(built_site, slug, school):
    times = [words(p) for p in soup(built_site, f"schools/{slug}").select(".school-response-times p")]
    phase = school_type_of(CATALOG, school).phase
    tier = CATALOG.tier(phase, school.tier)
    said = " ".join(times)
    if CATALOG.has_response_targets(phase, school.tier):
        assert times[0].startswith(f"{tier.name} has pre-determined response times, as the site reads the")
        assert "working day" in said
    else:
        assert "working day" not in said and "attention within" not in said
        assert f"does not say whether {tier.name} has them" in said
    assert quotes_conditions(said)


@pytest.mark.parametrize("school_type", CATALOG.services.school_types, ids=lambda t: t.id)
def test_each_school_type_page_ties_each_target_to_the_tiers_that_have_it(built_site, school_type):
    page = soup(built_site, f"entitlement/{school_type.id}")
    row = next(row for row in page.select(".summary-list-row") if words(row.dt) == "Response times")
    timed = {tier.id for tier in CATALOG.phase(school_type.phase).tiers
             if CATALOG.has_response_targets(school_type.phase, tier.id)}
    for line in row.dd.find_all("p"):
        if "attention within" in words(line):
            assert set(line.get("data-for-tiers", " ".join(sorted(timed))).split()) == timed
    assert quotes_conditions(words(row))
    response_times = page.select_one(".response-times")  # the section "Response times", linking to the calculator
    assert quotes_conditions(words(response_times))


def test_the_home_page_says_where_to_report_a_fault_before_the_complaints_route(built_site):
    page = soup(built_site, "")
    article = page.select_one("article")
    headings = [h2["id"] for h2 in article.select("h2")]
    assert headings.index("report-a-fault") < headings.index("complaints")
    assert headings.index("report-a-fault") < 2  # near the top: first or second
    assert words(article.select_one(".report-a-fault")).startswith(
        f"Report faults and ask questions to the {CATALOG.services.service_desk.name}")
