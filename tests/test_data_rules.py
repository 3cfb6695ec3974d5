"""Edits that would publish nonsense are refused, each with one `file:line` message that says how to fix it.

Prices below zero, a financial year that is not two consecutive years, dates in the future or out of order,
a tier priced for a school type that gets it at no additional cost, a summary that drops a condition of its
clause, and references to edition notes that do not exist.
"""

from __future__ import annotations

import pytest

from macros.sla.load import load
from test_data_errors import problems

pytestmark = pytest.mark.unit

S = "data/services.yaml"
P = "data/prices.yaml"
SITE = "data/site.yaml"


def add_package_prices(files, entries: str) -> int:
    """Append `package_prices:` with `entries`; return the line of the first entry."""
    text = files.text("prices.yaml")
    files.write("prices.yaml", text + "package_prices:\n" + entries)
    return text.count("\n") + 2


# --- prices ------------------------------------------------------------------


@pytest.mark.parametrize("key, entry, label", [
    ("package_prices", "  - school_type: primary\n    tier: gold\n    price: -5\n", "the 1st"),
    ("service_prices", "  - service: Bespoke training\n    price: -5\n    unit: per day\n",
     "the 1st: Bespoke training"),
])
def test_a_negative_price_is_refused_wherever_it_is(minimal, key, entry, label):
    text = minimal.text("prices.yaml")
    minimal.write("prices.yaml", f"{text}{key}:\n{entry}")
    line = text.count("\n") + 2 + entry[: entry.index("price: -5")].count("\n")
    assert problems(minimal) == [
        f"{P}:{line}: {key}[0] ({label}).price: a price cannot be negative (valid: 0 to 1000000, such as 850 or "
        "850.50)"]


@pytest.mark.parametrize("year, valid", [("2009/11", "2009/10"), ("2010/10", "2010/11"), ("2008/10", "2008/09")])
def test_a_financial_year_is_two_consecutive_years(minimal, year, valid):
    line = minimal.edit("prices.yaml", "financial_year: 2008/09", f"financial_year: {year}")
    assert problems(minimal) == [
        f"{P}:{line}: financial_year: '{year}' is not a financial year: the second year must follow the first "
        f"(valid: {valid})"]


@pytest.mark.parametrize("year", ["2008/09", "1999/00", "2026/27"])
def test_consecutive_years_are_accepted(minimal, year):
    minimal.edit("prices.yaml", "financial_year: 2008/09", f"financial_year: {year}")
    assert load(minimal.dir).prices.financial_year == year


def test_a_tier_at_no_additional_cost_cannot_have_a_price(minimal):
    line = add_package_prices(minimal, "  - school_type: primary\n    tier: core\n    price: 1800\n")
    free = minimal.text("services.yaml").splitlines().index("    no_additional_cost: [core]") + 1
    assert problems(minimal) == [
        f"{P}:{line}: package_prices[0] (the 1st): core comes at no additional cost to primary (services.yaml "
        f"line {free}), so it cannot have a price; remove this price, or move core to additional_cost there"]


def test_a_tier_at_additional_cost_cannot_be_priced_at_nothing(minimal):
    line = add_package_prices(minimal, "  - school_type: primary\n    tier: gold\n    price: 0\n")
    paid = minimal.text("services.yaml").splitlines().index("    additional_cost: [gold]") + 1
    assert problems(minimal) == [
        f"{P}:{line + 2}: package_prices[0] (the 1st).price: a price of 0 contradicts 'additional cost' for gold "
        f"and primary (services.yaml line {paid}); give the price, or move gold to no_additional_cost there"]


def test_a_package_price_names_a_known_school_type_and_a_tier_of_its_phase(minimal):
    line = add_package_prices(minimal, "  - school_type: infant\n    tier: gold\n    price: 5\n"
                                       "  - school_type: primary\n    tier: silver\n    price: 5\n")
    assert problems(minimal) == [
        f"{P}:{line}: package_prices[0] (the 1st).school_type: unknown school type 'infant' (valid: primary)",
        f"{P}:{line + 4}: package_prices[1] (the 2nd).tier: unknown tier 'silver' for phase primary "
        "(valid: core, gold)"]


def test_one_price_per_school_type_and_tier(minimal):
    line = add_package_prices(minimal, "  - school_type: primary\n    tier: gold\n    price: 5\n"
                                       "  - school_type: primary\n    tier: gold\n    price: 6\n")
    assert problems(minimal) == [
        f"{P}:{line + 3}: package_prices[1] (the 2nd): duplicate package price (school type/tier) 'primary/gold' "
        f"(first used at line {line}); each package price (school type/tier) must be unique"]


def test_a_good_package_price_is_found_for_its_school_type(minimal):
    add_package_prices(minimal, "  - school_type: primary\n    tier: gold\n    price: 1250.50\n")
    catalog = load(minimal.dir)
    assert str(catalog.package_price("primary", "gold")) == "1250.50"
    assert catalog.package_price("primary", "core") is None


# --- dates of the accessibility statement ------------------------------------


@pytest.mark.parametrize("key", ["prepared", "last_reviewed", "last_tested"])
def test_a_date_in_the_future_is_refused(minimal, key):
    line = minimal.edit("site.yaml", f"  {key}: 2026-11-29", f"  {key}: 2999-01-01")
    found = problems(minimal)
    assert f"{SITE}:{line}: accessibility.{key}: 2999-01-01 is in the future (today is " in found[0]
    assert found[0].endswith("); write the date it was done")


def test_a_review_before_the_statement_was_prepared_is_refused(minimal):
    prepared = minimal.edit("site.yaml", "  prepared: 2026-11-29", "  prepared: 2026-11-20")
    line = minimal.edit("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-11-19")
    assert problems(minimal) == [
        f"{SITE}:{line}: accessibility.last_reviewed: 2026-11-19 is before the statement was prepared (2026-11-20, "
        f"line {prepared}); a statement is reviewed on or after the day it was prepared"]


# --- summaries keep their clause's conditions ---------------------------------


NOTICE = """      - id: two
        text: From {term:year_start}.
"""


def test_a_summary_must_use_every_term_of_its_clause(minimal):
    line = minimal.edit("services.yaml", NOTICE, NOTICE.replace(
        "text: From {term:year_start}.",
        "text: From {term:year_start}, give {term:notice}, {term:notice_takes_effect}.")
        + "        summary: Give {term:notice}.\n")
    assert problems(minimal) == [
        f"{S}:{line + 2}: sections[0].clauses[1] (the 2nd: two).summary: the summary leaves out "
        "{term:notice_takes_effect}, which the clause's text states; a summary must keep every condition of its "
        "clause, so use {term:notice_takes_effect} in it",
        f"{S}:{line + 2}: sections[0].clauses[1] (the 2nd: two).summary: the summary leaves out "
        "{term:year_start}, which the clause's text states; a summary must keep every condition of its clause, "
        "so use {term:year_start} in it"]


@pytest.mark.parametrize("summary, dropped", [
    ("From {term:year_start}.", ["{tier:primary/gold}"]),
    ("For {tier:primary/gold}.", ["{term:year_start}"]),
    ("Every year.", ["{term:year_start}", "{tier:primary/gold}"]),
], ids=["tier-dropped", "term-dropped", "both-dropped"])
def test_a_summary_must_keep_every_tier_of_its_clause(minimal, summary, dropped):
    line = minimal.edit("services.yaml", NOTICE, NOTICE.replace(
        "text: From {term:year_start}.", "text: From {term:year_start}, for {tier:primary/gold} only.")
        + f"        summary: {summary}\n")
    assert problems(minimal) == [
        f"{S}:{line + 2}: sections[0].clauses[1] (the 2nd: two).summary: the summary leaves out {fact}, which the "
        f"clause's text states; a summary must keep every condition of its clause, so use {fact} in it"
        for fact in dropped]


def test_a_summary_that_keeps_every_term_and_tier_is_accepted(minimal):
    minimal.edit("services.yaml", NOTICE, NOTICE.replace(
        "text: From {term:year_start}.", "text: From {term:year_start}, for {tier:primary/gold} only.")
        + "        summary: '{tier:primary/gold} from {term:year_start}.'\n")
    assert load(minimal.dir).clause("two").clause.summary == "{tier:primary/gold} from {term:year_start}."


def test_a_summary_that_keeps_every_term_is_accepted(minimal):
    minimal.edit("services.yaml", NOTICE, NOTICE + "        summary: Contracts start on {term:year_start}.\n")
    numbered = load(minimal.dir).clause("two")
    assert numbered.clause.summary == "Contracts start on {term:year_start}."


# --- edition notes --------------------------------------------------------------


def test_references_to_edition_notes_must_exist(minimal):
    minimal.edit("services.yaml", "        show: tier:primary/gold\n",
                 "        show: tier:primary/gold\n        edition_notes: [clause-numbres]\n")
    tier = minimal.edit("services.yaml", "        builds_on: core\n",
                        "        builds_on: core\n        edition_notes: [platinum-plus]\n")
    row = minimal.edit("services.yaml", "            codes: {core: N, gold: Y}\n",
                       "            codes: {core: N, gold: Y}\n            edition_note: admin-pcs\n")
    clause = minimal.text("services.yaml").splitlines().index("        edition_notes: [clause-numbres]")
    assert problems(minimal) == [
        f"{S}:{tier + 1}: phases[0].tiers[1] (the 2nd: gold).edition_notes[0] (the 1st): "
        "unknown edition note 'platinum-plus' in site.yaml (valid: restored-numbers)",
        f"{S}:{row + 1}: matrices[0].groups[0].rows[1] (the 2nd: Second "
        "service).edition_note: unknown edition note 'admin-pcs' in site.yaml (valid: restored-numbers)",
        f"{S}:{clause + 1}: sections[0].clauses[1] (the 2nd: two).edition_notes[0] (the 1st): "
        "unknown edition note 'clause-numbres' in site.yaml (valid: restored-numbers)"]


def test_edition_note_ids_are_unique(minimal):
    text = minimal.text("site.yaml")
    minimal.write("site.yaml", text + "    - id: restored-numbers\n      kind: inferred\n      title: Again\n"
                                      "      text: Again.\n")
    line = text.count("\n") + 1
    first = text.splitlines().index("    - id: restored-numbers") + 1
    assert problems(minimal) == [
        f"{SITE}:{line}: edition.notes[1] (the 2nd: Again).id: duplicate edition note id "
        f"'restored-numbers' (first used at line {first}); each edition note id must be unique"]


def test_an_edition_note_kind_is_one_of_seven(minimal):
    line = minimal.edit("site.yaml", "      kind: restored", "      kind: guessed")
    assert problems(minimal) == [
        f"{SITE}:{line}: edition.notes[0] (the 1st: restored-numbers).kind: 'guessed' is not valid (valid: restored, "
        "inferred, corrected, rearranged, reworded, added or as-published)"]


# --- the council's logo -------------------------------------------------------


def test_a_logo_must_be_a_file_in_data(minimal):
    text = minimal.text("site.yaml")
    minimal.write("site.yaml", text.replace("owner: Test Council\n", "owner: Test Council\nlogo: crest.svg\n"))
    line = minimal.text("site.yaml").splitlines().index("logo: crest.svg") + 1
    assert problems(minimal) == [
        f"{SITE}:{line}: logo: there is no file crest.svg in data/; put the logo file there, or remove this line"]
    minimal.write("crest.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert load(minimal.dir).site.logo == "crest.svg"


def test_a_logo_is_an_svg_or_png_file_name(minimal):
    text = minimal.text("site.yaml")
    minimal.write("site.yaml", text.replace("owner: Test Council\n", "owner: Test Council\nlogo: ../crest.gif\n"))
    line = minimal.text("site.yaml").splitlines().index("logo: ../crest.gif") + 1
    assert problems(minimal) == [
        f"{SITE}:{line}: logo: '../crest.gif' is not valid (valid: the name of an .svg or .png file in data/, "
        "e.g. council-logo.svg)"]
