"""Every summary the site writes keeps the conditions of the clause it summarises.

The summaries of the contract and charging clauses are data (`summary:` beside the clause), and `make check`
refuses one that leaves out a term its clause states. These tests pin each summary on the real data to its
clause: the exact sentence a reader sees, that it changes when the clause's terms change, and that dropping
a condition from it is refused.
"""

from __future__ import annotations

import html
import re
import shutil

import pytest

from conftest import EDITION, DataFiles
from macros.sla.entitlement import tier_offers
from macros.sla.load import load
from macros.sla.pages import Pages
from test_data_errors import problems

pytestmark = pytest.mark.unit

# Each summarised clause: its number, and the summary as a reader sees it (with the real terms).
SUMMARIES = {
    "rolling-contract": ("5.2", "From 1 April, the contract runs on an annual rolling basis unless either party "
                                "gives notice to end it."),
    "notice-period": ("5.3", "To end the contract at any point after 1 April, either party must give the other "
                             "at least one term's notice, in writing; the service then ends at the end of that "
                             "financial year."),
    "initial-commitment": ("5.4", "From 1 April, a school contracting for the first time, or changing the level of "
                                  "its contract, must be willing to commit to the new contract for an initial "
                                  "period of three years."),
    "subscription-charging": ("13.1", "Subscriptions are payable annually in advance, invoiced as early as possible "
                                      "after 1 April."),
    "pay-as-you-use-charging": ("13.2", "Pay-as-you-use services are invoiced monthly; schools should pay invoices "
                                        "within 28 days of the date of invoice, or raise queries with the initiator "
                                        "immediately."),
}
# The condition each clause states, in the clause's own words, that its summary must keep.
CONDITIONS = {
    "rolling-contract": ["From 1 April", "annual rolling basis", "unless either party gives notice"],
    "notice-period": ["at any point after 1 April", "either party must give the other",
                      "at least one term's notice, in writing", "at the end of that financial year"],
    "initial-commitment": ["From 1 April", "for the first time", "change the level",
                           "initial period of three years"],
    "subscription-charging": ["annually in advance", "as early as possible after 1 April"],
    "pay-as-you-use-charging": ["invoiced monthly", "within 28 days of the date of invoice",
                                "raise queries with the initiator immediately"],
}


@pytest.fixture
def data(tmp_path) -> DataFiles:
    """A copy of the real data files, to change."""
    shutil.copytree(EDITION, tmp_path / "data")
    return DataFiles(tmp_path / "data")


def pages(data_dir) -> Pages:
    return Pages(load(data_dir), href=lambda path, anchor: f"/{path}/" + (f"#{anchor}" if anchor else ""))


def plain(markup) -> str:
    """The words a reader sees: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", str(markup))).split())


def test_these_are_the_clauses_with_summaries():
    catalog = load(EDITION)
    summarised = {clause_id: numbered.number for clause_id, numbered in catalog.numbered.items()
                  if numbered.clause.summary}
    assert summarised == {clause_id: number for clause_id, (number, _) in SUMMARIES.items()}


@pytest.mark.parametrize("clause_id", SUMMARIES)
def test_each_summary_reads_as_its_clause_says(clause_id):
    renderer = pages(EDITION)
    numbered = renderer.catalog.clause(clause_id)
    clause_text = plain(renderer.prose(" ".join(numbered.clause.text)))
    summary = plain(renderer.prose(numbered.clause.summary))
    assert summary == SUMMARIES[clause_id][1]
    for condition in CONDITIONS[clause_id]:
        assert condition in clause_text, f"{clause_id} no longer says {condition!r}: review its summary"
    for condition in CONDITIONS[clause_id]:
        words = condition.replace("change the level", "changing the level").replace("From 1 April", "1 April")
        assert words.lower() in summary.lower(), f"the summary of {clause_id} drops {condition!r}"


def test_the_contract_list_follows_the_clauses_and_their_terms(data):
    data.edit("services.yaml", "  notice_takes_effect: at the end of that financial year",
              "  notice_takes_effect: at the end of the term in which notice is given")
    data.edit("services.yaml", "  invoice_queries: raise queries with the initiator immediately",
              "  invoice_queries: query them in writing within 7 days")
    renderer = pages(data.dir)
    catalog = renderer.catalog
    notice = plain(renderer.prose(" ".join(catalog.clause("notice-period").clause.text)))
    assert notice.endswith("to terminate the service at the end of the term in which notice is given.")
    contract = plain(renderer._contract_terms(tier_offers(catalog, "primary", catalog.school_type("primary"))))
    assert ("either party must give the other at least one term's notice, in writing; the service then ends at "
            "the end of the term in which notice is given (") in contract
    assert "within 28 days of the date of invoice, or query them in writing within 7 days (" in contract


def test_a_summary_that_drops_the_end_of_the_financial_year_is_refused(data):
    line = data.edit("services.yaml", "          must give the other {term:notice}; the service then ends\n"
                                      "          {term:notice_takes_effect}.",
                     "          must give the other {term:notice}.")
    found = problems(data)
    assert len(found) == 1
    assert found[0].startswith(f"data/services.yaml:{line - 2}: sections[4].clauses[2] (the 3rd: notice-period)"
                               ".summary: the summary leaves out {term:notice_takes_effect}")


def test_a_clause_that_gains_a_condition_breaks_its_summary(data):
    data.edit("services.yaml", "          Subscriptions will be payable {term:subscription_invoicing}. The charge",
              "          Subscriptions will be payable {term:subscription_invoicing}, {term:payment_due}. The charge")
    found = problems(data)
    assert [problem.split(".summary: ")[1] for problem in found] == [
        "the summary leaves out {term:payment_due}, which the clause's text states; a summary must keep every "
        "condition of its clause, so use {term:payment_due} in it"]


def test_the_price_line_names_each_tier_at_additional_cost(data):
    text = data.text("prices.yaml").replace("package_prices: []", (
        "package_prices:\n  - school_type: primary\n    tier: gold\n    price: 1250\n"
        "  - school_type: secondary-formerly-gm\n    tier: silver\n    price: 1800.5\n"))
    data.write("prices.yaml", text)
    renderer = pages(data.dir)
    catalog = renderer.catalog

    def price_line(type_id: str) -> str:
        contract = renderer._contract_terms(tier_offers(catalog, catalog.school_type(type_id).phase,
                                                        catalog.school_type(type_id)))
        return next(" ".join(item.split()) for item in str(contract).split("<li>") if item.startswith("Prices"))

    assert price_line("primary") == ("Prices of the tiers at additional cost: Gold £1,250 a year; to be notified "
                                     "for Platinum and Platinum+ (<a href=\"/specification/price/#package-prices\">"
                                     "section 12.2</a>).</li>")
    assert price_line("primary-formerly-gm").startswith(
        "Prices of the tiers at additional cost: to be notified for Gold, Platinum and Platinum+ (")
    assert price_line("secondary-formerly-gm").startswith(
        "Prices of the tiers at additional cost: Silver £1,800.50 a year; to be notified for Platinum (")
    assert price_line("secondary").startswith("Prices of the tiers at additional cost: to be notified for Platinum (")
