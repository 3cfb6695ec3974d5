"""The answer first: the summary at the top of school and school-type pages, how to get help, and the home
page's choices. Each summary line is checked against the data it comes from, and follows it when it changes."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from conftest import FIXTURES, DataFiles
from macros.sla.entitlement import alike_school_types, tier_offers
from macros.sla.load import load
from macros.sla.pages import Pages
from macros.sla.summary import Summary
from test_data_errors import problems

pytestmark = pytest.mark.unit

EDITION = FIXTURES / "edition-2008-09"
"""The 2008/09 edition, frozen: the facts below are its facts, not whatever data/ holds this year."""


@pytest.fixture
def data(tmp_path) -> DataFiles:
    shutil.copytree(EDITION, tmp_path / "data")
    return DataFiles(tmp_path / "data")


def words(markup) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", str(markup))).split())


def summary(data_dir, type_id: str, tier_id: str | None = None) -> dict[str, list[str]]:
    """The summary rows of a school type's page (every tier), or of a school of that type with `tier_id`."""
    catalog = load(data_dir)
    renderer = Pages(catalog, href=lambda path, anchor: f"/{path}/" + (f"#{anchor}" if anchor else ""))
    school_type = catalog.school_type(type_id)
    offers = tier_offers(catalog, school_type.phase, school_type)
    if tier_id is not None:
        offers = [offer for offer in offers if offer.tier.id == tier_id]
    return {row.key: [words(line.text) for line in row.lines] for row in Summary(renderer).rows(offers)}


FAULT = ["Report faults and ask questions to the ICT Service Desk. The specification gives no telephone number or "
         "e-mail address for it; ask the council."]
COMPLAINTS = [
    "Any concerns or complaints about the level or quality of service should firstly be made to the officer "
    "concerned or to the ICT Service Desk.",
    "If the issue is not resolved to your satisfaction you should contact the following: For ICT issues, and for "
    "management information and SIMS user support issues you should contact: Pam Plant, Principal Officer, "
    "Performance Support and ICT, telephone 01422 392569.",
    "The whole route: section 11.1."]
CONDITION = ("\u201cSignificant elements of the services are largely reactive and target response times are detailed "
             "for these in section 3.2.5. The actual response time will depend in part on the level of service "
             "selected, the level of demand at the time and complexity of the requirement.\u201d (section 8.2).")
TARGETS = ["Priority 1 (Critical): Ranks highest and above all other ICT Support Team activity.",
           "Priority 2 (High): attention within 1 working day",
           "Priority 3 (Medium): attention within 2 working days",
           "Priority 4 (Low): attention within 5 working days"]


def test_a_schools_summary_answers_the_three_questions_first():
    rows = summary(EDITION, "primary", "gold")
    assert list(rows) == ["Your tier and its cost", "Report a fault or ask a question", "Response times",
                          "Complaints about the service", "Contract year", "How to leave", "Commitment",
                          "Prices shown for"]
    assert rows["Your tier and its cost"] == ["Gold: at additional cost; the price is to be notified (section 12.2)"]
    assert rows["Report a fault or ask a question"] == FAULT
    assert rows["Complaints about the service"] == COMPLAINTS
    assert rows["Response times"] == [
        "Gold has pre-determined response times, as the site reads the specification (section 3.2.5; "
        "which tiers have them):",
        *TARGETS, CONDITION]
    assert rows["How to leave"] == [
        "To end the contract at any point after 1 April, either party must give the other at least one term's "
        "notice, in writing; the service then ends at the end of that financial year (section 5.3)."]
    assert rows["Commitment"] == [
        "From 1 April, a school contracting for the first time, or changing the level of its contract, must be "
        "willing to commit to the new contract for an initial period of three years (section 5.4)."]
    assert rows["Prices shown for"] == ["the financial year 2008/09"]


def test_a_core_schools_summary_states_no_target_without_the_tiers_condition():
    """8.2 and the tiers sold with 'pre-determined response times': a Core school is given no target as its own."""
    rows = summary(EDITION, "primary", "core")
    assert rows["Response times"] == [
        "As the site reads the specification, Gold, Platinum and Platinum+ have pre-determined response times; the "
        "specification does not say whether Core has them (Which tiers have target response times).", CONDITION]
    assert not any("working day" in line for line in rows["Response times"])
    secondary = summary(EDITION, "secondary", "platinum")["Response times"]
    assert secondary[0] == ("Platinum has pre-determined response times, as the site reads the specification "
                            "(section 3.2.5; which tiers have them):")


def test_a_school_types_targets_narrow_to_the_tiers_that_have_them():
    catalog = load(EDITION)
    renderer = Pages(catalog, href=lambda path, anchor: f"/{path}/")
    rows = Summary(renderer).rows(tier_offers(catalog, "primary", catalog.school_type("primary")))
    times = next(row for row in rows if row.key == "Response times")
    assert [(words(line.text), line.for_tiers) for line in times.lines] == [
        ("Gold, Platinum and Platinum+ have pre-determined response times, as the site reads the specification "
         "(section 3.2.5; which tiers have them):", "gold platinum platinum-plus"),
        *((target, "gold platinum platinum-plus") for target in TARGETS),
        ("As the site reads the specification, Gold, Platinum and Platinum+ have pre-determined response times; the "
         "specification does not say whether Core has them (Which tiers have target response times).", "core"),
        (CONDITION, None)]


def test_a_tier_has_targets_when_it_or_a_tier_it_builds_on_is_offered_with_them(data):
    catalog = load(data.dir)
    assert [(phase.id, tier.id) for phase in catalog.services.phases for tier in phase.tiers
            if catalog.has_response_targets(phase.id, tier.id)] == [
        ("primary", "gold"), ("primary", "platinum"), ("primary", "platinum-plus"), ("secondary", "silver"),
        ("secondary", "platinum")]
    data.edit("services.yaml", "        predetermined_response_times: true   # its service standards: \"See section",
              "        predetermined_response_times: false  # its service standards: \"See section")
    catalog = load(data.dir)
    assert not catalog.has_response_targets("secondary", "platinum")
    assert summary(data.dir, "secondary", "silver")["Response times"][0] == (
        "The specification does not say whether Silver has them (Which tiers have target response times).")


def test_an_unknown_condition_clause_is_refused_with_the_valid_ids(data):
    line = data.edit("services.yaml", "  conditions: [reactive-services]", "  conditions: [reactive-service]")
    assert problems(data) == [
        f"data/services.yaml:{line}: response_standards.conditions[0] (the 1st): unknown clause id "
        "'reactive-service' (valid: one of 81 values, closest: reactive-services, special-services, "
        "primary-services, secondary-services, services); list the clauses whose words qualify the target times, "
        "e.g. reactive-services"]


def test_a_school_types_summary_has_a_line_per_tier_that_the_form_narrows():
    catalog = load(EDITION)
    renderer = Pages(catalog, href=lambda path, anchor: f"/{path}/")
    school_type = catalog.school_type("secondary-formerly-gm")
    rows = Summary(renderer).rows(tier_offers(catalog, "secondary", school_type))
    tiers = rows[0]
    assert tiers.key == "Tier and cost"
    assert [(words(line.text), line.for_tiers) for line in tiers.lines] == [
        ("Core: at no additional cost", "core"),
        ("Silver: at additional cost; the price is to be notified (section 12.2)", "silver"),
        ("Platinum: at additional cost; the price is to be notified (section 12.2)", "platinum")]


def test_the_summary_follows_the_data(data):
    data.edit("services.yaml", "  notice: at least one term's notice, in writing",
              "  notice: at least two terms' notice, by letter")
    data.edit("prices.yaml", "package_prices: []",
              "package_prices:\n  - school_type: primary\n    tier: gold\n    price: 1250\n")
    data.edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    data.edit("services.yaml", "      attention_working_days: 1\n", "      attention_working_days: 3\n")
    rows = summary(data.dir, "primary", "gold")
    assert rows["Your tier and its cost"] == ["Gold: at additional cost, £1,250 a year (section 12.2)"]
    assert rows["How to leave"] == [
        "To end the contract at any point after 1 April, either party must give the other at least two terms' "
        "notice, by letter; the service then ends at the end of that financial year (section 5.3)."]
    assert rows["Prices shown for"] == ["the financial year 2009/10"]
    assert "Priority 2 (High): attention within 3 working days" in rows["Response times"]
    assert summary(data.dir, "primary-formerly-gm", "gold")["Your tier and its cost"] == [
        "Gold: at additional cost; the price is to be notified (section 12.2)"]


def test_the_service_desk_details_appear_once_an_officer_adds_them(data):
    data.edit("services.yaml", "service_desk:\n  name: ICT Service Desk\n",
              "service_desk:\n  name: ICT Service Desk\n  telephone: 01422 000000\n"
              "  email: ict.desk@example.org\n  hours: 8.30 am to 5.00 pm, Monday to Friday\n")
    assert [w for w in load(data.dir).warnings if w.path.startswith("service_desk")] == []
    rows = summary(data.dir, "primary", "core")
    assert rows["Report a fault or ask a question"] == [
        "Report faults and ask questions to the ICT Service Desk: telephone 01422 000000 or e-mail "
        "ict.desk@example.org (8.30 am to 5.00 pm, Monday to Friday)."]
    catalog = load(data.dir)
    renderer = Pages(catalog, href=lambda path, anchor: f"/{path}/")
    line = Summary(renderer).rows(tier_offers(catalog, "primary", catalog.school_type("primary"))[:1])[1].lines[0]
    assert "telephone" in str(line.text)
    assert '<a href="tel:+441422000000">01422 000000</a>' in str(line.text)
    assert '<a href="mailto:ict.desk@example.org">ict.desk@example.org</a>' in str(line.text)


def test_a_missing_service_desk_number_is_a_warning_not_an_error(data):
    def desk_warnings() -> list[str]:
        return [str(warning) for warning in load(data.dir).warnings if warning.path.startswith("service_desk")]

    line = data.text("services.yaml").splitlines().index("service_desk:") + 1
    assert desk_warnings() == [
        f"data/services.yaml:{line}: service_desk: no telephone number, e-mail address or opening hours for the "
        "ICT Service Desk; pages tell schools to log calls with it but cannot say how to reach it. Add "
        "`telephone:`, `email:` and `hours:` under service_desk when the council confirms them"]
    data.edit("services.yaml", "service_desk:\n  name: ICT Service Desk\n",
              "service_desk:\n  name: ICT Service Desk\n  telephone: 01422 000000\n")
    assert [warning.split(": ", 2)[2] for warning in desk_warnings()] == [
        "no e-mail address or opening hours for the ICT Service Desk; pages tell schools to log calls with it but "
        "cannot say how to reach it. Add `email:` and `hours:` under service_desk when the council confirms them"]


def test_a_summary_label_needs_a_summary(data):
    line = data.edit("services.yaml", "      - id: annual-review\n",
                     "      - id: annual-review\n        summary_label: Review\n")
    assert problems(data) == [
        f"data/services.yaml:{line + 1}: sections[4].clauses[0] (the 1st: annual-review).summary_label: a "
        "summary_label labels the clause's summary; add a summary, or remove the label"]


def test_school_types_with_the_same_entitlements_are_one_choice(data):
    assert [[t.id for t in group] for group in alike_school_types(load(EDITION))] == [
        ["primary", "primary-formerly-gm"], ["secondary"], ["secondary-formerly-gm"]]
    data.edit("prices.yaml", "package_prices: []",
              "package_prices:\n  - school_type: primary-formerly-gm\n    tier: gold\n    price: 900\n")
    assert [[t.id for t in group] for group in alike_school_types(load(data.dir))] == [
        ["primary"], ["primary-formerly-gm"], ["secondary"], ["secondary-formerly-gm"]]


def test_the_schools_index_says_what_it_shows_as_served():
    from macros.sla.site_pages import INDEX_SHOWN, schools_index_status
    assert schools_index_status(1) == "1 school is shown."
    assert schools_index_status(INDEX_SHOWN) == f"All {INDEX_SHOWN} schools are shown."
    assert schools_index_status(1000) == (
        f"The first {INDEX_SHOWN} of 1,000 schools are shown: narrow the list by name or type, or show them all.")
