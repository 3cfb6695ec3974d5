"""What has changed between two years' data (`changes.compare`), without MkDocs: each kind of change as typed
data, and the changes narrowed to a school type and to a school.

Last year's data is the latest archive (test_archive.py); the built page and CSV: test_changes_build.py; in
Chromium: test_browser_changes.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import DataFiles
from macros.sla.change_records import (
    CellChange,
    Changes,
    ClauseChange,
    Code,
    ContactChange,
    CostChange,
    ListedChange,
    OfferChange,
    PriceChange,
    Renumbered,
    RouteChange,
    RowChange,
    SchoolChange,
    TierCode,
    Words,
    word_changes,
)
from macros.sla.changes import compare
from macros.sla.entitlement import Status
from macros.sla.load import load
from macros.sla.models import Clause, School, SchoolType

pytestmark = pytest.mark.unit

Y = Code("Y", "included", "included")
N = Code("N", "not included", "not-included")
B = Code("B", "YHGFL schools only", "yhgfl-only")
LEGEND_B = "      - code: N\n        meaning: not included\n        kind: not-included\n"
"""Where the minimal data's legend ends: a code B is added after it."""




def compared(years: tuple[DataFiles, DataFiles]) -> Changes:
    before, after = years
    return compare(load(before.dir), load(after.dir))


def only(changes: Changes, **kinds: object) -> None:
    """`changes` holds exactly `kinds` (e.g. prices=(...)), and nothing of any other kind."""
    assert changes == Changes(changes.before_year, changes.after_year, **kinds)


def add_code_b(data: DataFiles) -> None:
    data.edit("services.yaml", LEGEND_B, LEGEND_B + "      - code: B\n        meaning: YHGFL schools only\n"
                                                  "        kind: yhgfl-only\n")


# -- each kind of change -----------------------------------------------------------------


def test_the_same_data_has_no_changes(years):
    changes = compared(years)
    only(changes)
    assert changes.count == 0
    assert (changes.before_year, changes.after_year) == ("2008/09", "2008/09")


def test_a_price_change_with_its_difference(years):
    years[1].edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    years[1].edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: 900.50}")
    changes = compared(years)
    only(changes, prices=(PriceChange("price-list", "Top-up prices", "Help desk", Decimal("850.00"),
                                      Decimal("900.50"), group="Support", phase_id="primary",
                                      for_whom="Primary schools"),))
    assert (changes.before_year, changes.after_year) == ("2008/09", "2009/10")
    assert changes.prices[0].difference == Decimal("50.50")
    assert changes.prices[0].change == "changed"
    assert changes.count == 1


def test_a_matrix_cell_change_with_its_meaning_in_words(years):
    add_code_b(years[0])
    add_code_b(years[1])
    years[1].edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: B, gold: Y}")
    changes = compared(years)
    cell = CellChange("primary", "Group one", "Second service", "core", "Core", N, B)
    only(changes, cells=(cell,))
    assert (cell.before.meaning, cell.after.meaning) == ("not included", "YHGFL schools only")
    assert cell.statuses() == (Status.NOT_INCLUDED, Status.YHGFL_ONLY)
    assert cell.statuses(yhgfl=True) == (Status.NOT_INCLUDED, Status.INCLUDED)
    assert cell.statuses(yhgfl=False) == (Status.NOT_INCLUDED, Status.NOT_INCLUDED)


def test_a_contact_change_field_by_field(years):
    years[1].edit("services.yaml", "telephone: 01000 000001", "telephone: 01000 000002")
    years[1].edit("services.yaml", "address: [1 Test Street]", "address: [1 Test Street, Testtown]")
    only(compared(years), contacts=(
        ContactChange("changed", "alex", "Alex Example", "address", "1 Test Street", "1 Test Street, Testtown"),
        ContactChange("changed", "alex", "Alex Example", "telephone", "01000 000001", "01000 000002")))


def test_an_inserted_clause_renumbers_the_clauses_after_it(years):
    years[1].edit("services.yaml", "    clauses:\n      - id: one\n",
                  "    clauses:\n      - id: zero\n        text: A new first clause.\n      - id: one\n")
    changes = compared(years)
    added = Clause.model_validate({"id": "zero", "text": "A new first clause."})
    # 'one' still says "See {section:two}": its data is unchanged, though 'two' now has another number.
    only(changes, clauses=(ClauseChange("added", "zero", None, "1.1", None, added),),
         renumbered=(Renumbered("one", "1.1", "1.2"), Renumbered("two", "1.2", "1.3")))
    assert changes.count == 1


def test_a_changed_clause_says_what_changed_and_which_words(years):
    years[1].edit("services.yaml", "text: From {term:year_start}.", "text: From {term:year_start} each year.")
    changes = compared(years)
    [clause] = changes.clauses
    assert (clause.change, clause.clause_id, clause.before_number, clause.after_number, clause.fields) == (
        "changed", "two", "1.2", "1.2", ("text",))
    assert clause.phases == {"primary"}  # it shows a primary tier
    assert clause.paragraphs() == [((Words("From", False), Words("{term:year_start}.", True)),
                                    (Words("From", False), Words("{term:year_start} each year.", True)))]
    assert changes.renumbered == ()


def test_an_added_and_a_removed_matrix_row(years):
    years[1].edit("services.yaml", "          - service: First service\n            codes: {core: Y, gold: Y}\n", "")
    years[1].edit("services.yaml", "codes: {core: N, gold: Y}",
                  "codes: {core: N, gold: Y}\n"
                  "          - service: Third service\n            codes: {core: N, gold: Y}")
    only(compared(years), rows=(
        RowChange("added", "primary", "Group one", "Third service", (TierCode("core", "Core", N),
                                                                     TierCode("gold", "Gold", Y))),
        RowChange("removed", "primary", "Group one", "First service", (TierCode("core", "Core", Y),
                                                                       TierCode("gold", "Gold", Y)))))


def test_a_cost_change_for_a_school_type_and_its_package_price(years):
    years[0].edit("prices.yaml", "price_lists:", "package_prices:\n  - {school_type: primary, tier: gold, price: 1250}"
                                                "\nprice_lists:")
    years[1].edit("services.yaml", "    no_additional_cost: [core]\n    additional_cost: [gold]",
                  "    no_additional_cost: [core, gold]\n    additional_cost: []")
    changes = compared(years)
    only(changes, costs=(CostChange("primary", "Primary schools", "primary", "gold", "Gold", "additional cost",
                                    "no additional cost"),),
         prices=(PriceChange("package", "Prices of packages", "Gold", Decimal("1250.00"), None, phase_id="primary",
                             for_whom="Primary schools", school_type_id="primary", tier_id="gold"),))
    assert (changes.costs[0].change, changes.prices[0].change, changes.prices[0].difference) == (
        "changed", "removed", None)


def test_the_route_for_complaints_and_the_service_desk(years):
    years[1].edit("services.yaml", "escalation:\n  - when: First contact\n    contact: alex\n",
                  "escalation:\n  - when: First contact\n    contact: alex\n"
                  "  - when: Then\n    who: the complaints procedure.\n")
    years[1].edit("services.yaml", "  name: ICT Service Desk\n",
                  "  name: ICT Service Desk\n  telephone: 01000 000009\n")
    only(compared(years),
         contacts=(ContactChange("changed", None, "ICT Service Desk", "telephone", None, "01000 000009"),),
         route=RouteChange(("First contact: Alex Example, Officer",),
                           ("First contact: Alex Example, Officer", "Then the complaints procedure.")))


def test_services_listed_by_a_tier_and_offers(years):
    years[1].edit("services.yaml", "          - a gold service\n", "          - a better gold service\n")
    years[1].edit("services.yaml", "    price_list: top-up\n", "    price_list: top-up\n"
                                                                "  - id: bespoke\n    title: Bespoke services\n")
    years[1].edit("services.yaml", "        show: tier:primary/gold\n",
                  "        show: tier:primary/gold\n      - id: three\n        show: offer:bespoke\n")
    changes = compared(years)
    assert changes.offers == (OfferChange("added", "bespoke", "Bespoke services"),)
    assert changes.listed == (ListedChange("added", "tier", "gold", "Gold", "a better gold service", "primary"),
                              ListedChange("removed", "tier", "gold", "Gold", "a gold service", "primary"))
    assert [clause.clause_id for clause in changes.clauses] == ["three"]


def test_a_build_compares_its_two_years_once(years):
    before, after = load(years[0].dir), load(years[1].dir)
    assert compare(before, after) is compare(before, after)


def test_word_changes_mark_the_words_that_differ():
    assert word_changes("kept under review. As before", "kept under review each spring. As before") == (
        (Words("kept under", False), Words("review.", True), Words("As before", False)),
        (Words("kept under", False), Words("review each spring.", True), Words("As before", False)))


# -- schools added, removed and renamed ----------------------------------------------------------


def schools_yaml(*schools: str) -> str:
    """schools.yaml listing primary Core schools, each given as 'Name' or 'Name | slug'."""
    entries = []
    for school in schools:
        name, _, slug = (part.strip() for part in school.partition("|"))
        entries.append(f"  - name: {name}\n" + (f"    slug: {slug}\n" if slug else "")
                       + "    school_type: primary\n    tier: core\n    yhgfl: false\n    sims_pcs: 3\n")
    return "schools:\n" + "".join(entries)


def test_schools_added_removed_and_renamed_matched_by_their_address(years):
    before, after = years
    before.write("schools.yaml", schools_yaml("Brook School", "Dale School", "Old Hall School | hall", "Ash School"))
    after.write("schools.yaml", schools_yaml("Ash School", "New Hall Academy | hall", "Fell School", "Brook School"))
    changes = compared(years)
    # This year's order (added and renamed), then last year's (removed); Ash and Brook only moved in the list.
    only(changes, schools=(
        SchoolChange("renamed", "hall", "New Hall Academy", "primary", "Primary schools", "Old Hall School"),
        SchoolChange("added", "fell-school", "Fell School", "primary", "Primary schools"),
        SchoolChange("removed", "dale-school", "Dale School", "primary", "Primary schools")))
    assert changes.count == 3
    assert changes.schools_removed == (
        SchoolChange("removed", "dale-school", "Dale School", "primary", "Primary schools"),)


def test_a_new_name_that_makes_a_new_address_is_a_school_removed_and_one_added(years):
    before, after = years
    before.write("schools.yaml", schools_yaml("Hill Top School"))
    after.write("schools.yaml", schools_yaml("Hilltop School", "HILL TOP school!"))  # the second keeps hill-top-school
    only(compared(years), schools=(
        SchoolChange("added", "hilltop-school", "Hilltop School", "primary", "Primary schools"),
        SchoolChange("renamed", "hill-top-school", "HILL TOP school!", "primary", "Primary schools",
                     "Hill Top School")))


def test_a_removed_school_is_named_with_last_years_type(years):
    before, after = years
    before.write("schools.yaml", schools_yaml("Brook School"))
    before.edit("services.yaml", "    name: Primary schools\n    phase: primary", "    name: Infant schools\n"
                                                                           "    phase: primary")
    only(compared(years), schools=(
        SchoolChange("removed", "brook-school", "Brook School", "primary", "Infant schools"),))


def test_with_no_schools_last_year_every_school_is_added(years):
    years[1].write("schools.yaml", schools_yaml("Brook School"))
    only(compared(years), schools=(SchoolChange("added", "brook-school", "Brook School", "primary",
                                                "Primary schools"),))


# -- narrowed to a school type, and to a school -------------------------------------------------


PRIMARY = SchoolType(id="primary", name="Primary schools", phase="primary", no_additional_cost=["core"],
                     additional_cost=["gold"])
CORE_CELL = CellChange("primary", "Group one", "Second service", "core", "Core", N, B)
PCS_CELL = CellChange("primary", "Group one", "First service", "core", "Core", N, Y, sims_pcs_over=10)
GOLD_CELL = CellChange("primary", "Group one", "Second service", "gold", "Gold", N, Y)
SECONDARY_CELL = CellChange("secondary", "Group", "Service", "core", "Core", N, Y)
EVERYTHING = Changes(
    "2008/09", "2009/10",
    rows=(RowChange("added", "primary", "Group one", "New", ()), RowChange("added", "secondary", "G", "New", ())),
    offers=(OfferChange("added", "bespoke", "Bespoke services"),),
    listed=(ListedChange("added", "tier", "core", "Core", "a core service", "primary"),
            ListedChange("added", "tier", "gold", "Gold", "a gold service", "primary"),
            ListedChange("added", "tier", "core", "Core", "a secondary service", "secondary"),
            ListedChange("added", "offer", "bespoke", "Bespoke services", "training")),
    cells=(CORE_CELL, PCS_CELL, GOLD_CELL, SECONDARY_CELL),
    costs=(CostChange("primary", "Primary schools", "primary", "gold", "Gold", "additional cost", "no additional cost"),
           CostChange("primary", "Primary schools", "primary", "core", "Core", None, "no additional cost"),
           CostChange("secondary", "Secondary schools", "secondary", "core", "Core", None, "no additional cost")),
    prices=(PriceChange("price-list", "Top-up", "Help desk", Decimal(1), Decimal(2), phase_id="primary"),
            PriceChange("price-list", "Top-up", "Help desk", Decimal(1), Decimal(2), phase_id="secondary"),
            PriceChange("package", "Packages", "Gold", None, Decimal(5), school_type_id="primary", tier_id="gold"),
            PriceChange("package", "Packages", "Gold", None, Decimal(5), school_type_id="other", tier_id="gold"),
            PriceChange("service", "Services", "Training", None, Decimal(3))),
    contacts=(ContactChange("added", "sam", "Sam"),),
    route=RouteChange(("a",), ("b",)),
    clauses=(ClauseChange("added", "everyone", None, "1.1", None, None),
             ClauseChange("added", "secondary-only", None, "1.2", None, None, phases=frozenset({"secondary"}))),
    renumbered=(Renumbered("later", "1.1", "1.3"),),
    schools=(SchoolChange("added", "new-school", "New School", "primary", "Primary schools"),))


def test_the_changes_that_affect_a_school_type():
    narrowed = EVERYTHING.for_school_type(PRIMARY)
    assert narrowed.rows == EVERYTHING.rows[:1]
    assert narrowed.offers == EVERYTHING.offers
    assert narrowed.listed == (EVERYTHING.listed[0], EVERYTHING.listed[1], EVERYTHING.listed[3])
    assert narrowed.cells == (CORE_CELL, PCS_CELL, GOLD_CELL)
    assert narrowed.costs == EVERYTHING.costs[:2]
    assert narrowed.prices == (EVERYTHING.prices[0], EVERYTHING.prices[2], EVERYTHING.prices[4])
    assert (narrowed.contacts, narrowed.route, narrowed.renumbered) == (
        EVERYTHING.contacts, EVERYTHING.route, EVERYTHING.renumbered)
    assert [clause.clause_id for clause in narrowed.clauses] == ["everyone"]
    assert narrowed.schools == ()  # a school added to the list changes nothing for another school


@pytest.mark.parametrize("yhgfl, sims_pcs, cells", [
    (True, 11, [CORE_CELL, PCS_CELL]),  # B becomes included for a YHGFL school
    (False, 11, [PCS_CELL]),  # N to B changes nothing for another school
    (True, 10, [CORE_CELL]),  # the row concerns more than 10 PCs: it does not apply to this school
])
def test_the_changes_that_affect_a_school(minimal, yhgfl, sims_pcs, cells):
    school = School(name="Test School", school_type="primary", tier="core", yhgfl=yhgfl, sims_pcs=sims_pcs)
    narrowed = EVERYTHING.for_school(load(minimal.dir), school)
    assert list(narrowed.cells) == cells
    assert narrowed.listed == (EVERYTHING.listed[0], EVERYTHING.listed[3])  # its tier's, and the offer's
    assert narrowed.costs == EVERYTHING.costs[1:2]  # its tier's cost only
    assert narrowed.prices == (EVERYTHING.prices[0], EVERYTHING.prices[4])  # no package price for its tier
    assert narrowed.school == school


# -- every kind of price change, clause items and the legend, typed out ------------------------------


def change_prices(years: tuple[DataFiles, DataFiles]) -> None:
    """2008/09 to 2009/10: in the price list a rise (Help desk), a fall (Site visit), an item added (Remote
    session) and one removed (Training); a package price that rises; service prices that rise, fall, are added
    and are removed (matched by service and unit)."""
    before, after = years
    after.edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    before.edit("prices.yaml", "            prices: {primary: 850}\n",
                "            prices: {primary: 850}\n"
                "          - name: Training\n            prices: {primary: 120}\n"
                "          - name: Site visit\n            prices: {primary: 95}\n")
    after.edit("prices.yaml", "            prices: {primary: 850}\n",
               "            prices: {primary: 900.50}\n"
               "          - name: Site visit\n            prices: {primary: 80}\n"
               "          - name: Remote session\n            prices: {primary: 45}\n")
    before.write("prices.yaml", before.text("prices.yaml")
                 + "package_prices:\n  - {school_type: primary, tier: gold, price: 1250}\n"
                 "service_prices:\n  - {service: Network survey, price: 300, unit: per day}\n"
                 "  - {service: Training course, price: 150, unit: per session}\n"
                 "  - {service: Cabling, price: 40}\n")
    after.write("prices.yaml", after.text("prices.yaml")
                + "package_prices:\n  - {school_type: primary, tier: gold, price: 1300}\n"
                "service_prices:\n  - {service: Network survey, price: 320, unit: per day}\n"
                "  - {service: Training course, price: 125, unit: per session}\n"
                "  - {service: Server set-up, price: 500}\n")


def test_every_kind_of_price_change(years):
    change_prices(years)
    changes = compared(years)
    top_up = {"group": "Support", "phase_id": "primary", "for_whom": "Primary schools"}
    services = "Prices of special and pay-as-you-use services"
    only(changes, prices=(
        PriceChange("price-list", "Top-up prices", "Help desk", Decimal("850"), Decimal("900.50"), **top_up),
        PriceChange("price-list", "Top-up prices", "Site visit", Decimal("95"), Decimal("80"), **top_up),
        PriceChange("price-list", "Top-up prices", "Remote session", None, Decimal("45"), **top_up),
        PriceChange("price-list", "Top-up prices", "Training", Decimal("120"), None, **top_up),
        PriceChange("package", "Prices of packages", "Gold", Decimal("1250"), Decimal("1300"), phase_id="primary",
                    for_whom="Primary schools", school_type_id="primary", tier_id="gold"),
        PriceChange("service", services, "Network survey", Decimal("300"), Decimal("320"), unit="per day"),
        PriceChange("service", services, "Training course", Decimal("150"), Decimal("125"), unit="per session"),
        PriceChange("service", services, "Server set-up", None, Decimal("500")),
        PriceChange("service", services, "Cabling", Decimal("40"), None)))
    assert [(price.change, price.difference) for price in changes.prices] == [
        ("changed", Decimal("50.50")), ("changed", Decimal("-15")), ("added", None), ("removed", None),
        ("changed", Decimal("50")), ("changed", Decimal("20")), ("changed", Decimal("-25")), ("added", None),
        ("removed", None)]
    assert changes.count == 9


def test_a_service_price_in_another_unit_is_another_price(years):
    years[0].write("prices.yaml", years[0].text("prices.yaml")
                   + "service_prices:\n  - {service: Training course, price: 150, unit: per session}\n")
    years[1].write("prices.yaml", years[1].text("prices.yaml")
                   + "service_prices:\n  - {service: Training course, price: 150, unit: per day}\n")
    services = "Prices of special and pay-as-you-use services"
    only(compared(years), prices=(
        PriceChange("service", services, "Training course", None, Decimal("150"), unit="per day"),
        PriceChange("service", services, "Training course", Decimal("150"), None, unit="per session")))


CLAUSE_ONE = "      - id: one\n        text: See {section:two}.\n"
ITEMS_BEFORE = ("        items:\n          - Call the help desk.\n"
                "          - text: Write to\n            items: [the officer, the head teacher]\n")
ITEMS_AFTER = ("        items:\n          - Call the service desk.\n"
               "          - text: Write to\n            items: [the officer]\n          - E-mail the officer.\n")


def change_items(years: tuple[DataFiles, DataFiles]) -> None:
    """2008/09 to 2009/10: in clause 'one' (1.1), one bullet point reworded, a nested one removed, one added."""
    years[1].edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    years[0].edit("services.yaml", CLAUSE_ONE, CLAUSE_ONE + ITEMS_BEFORE)
    years[1].edit("services.yaml", CLAUSE_ONE, CLAUSE_ONE + ITEMS_AFTER)


def test_a_clauses_bullet_points_changed(years):
    change_items(years)
    changes = compared(years)
    was = Clause.model_validate({"id": "one", "text": "See {section:two}.", "items": [
        "Call the help desk.", {"text": "Write to", "items": ["the officer", "the head teacher"]}]})
    now = Clause.model_validate({"id": "one", "text": "See {section:two}.", "items": [
        "Call the service desk.", {"text": "Write to", "items": ["the officer"]}, "E-mail the officer."]})
    only(changes, clauses=(ClauseChange("changed", "one", "1.1", "1.1", was, now, ("items",)),))
    [clause] = changes.clauses
    assert clause.items_added == ["Call the service desk.", "E-mail the officer."]
    assert clause.items_removed == ["Call the help desk.", "the head teacher"]
    assert changes.count == 1


def test_a_nested_bullet_point_alone_is_a_change(years):
    years[0].edit("services.yaml", CLAUSE_ONE, CLAUSE_ONE + ITEMS_BEFORE)
    years[1].edit("services.yaml", CLAUSE_ONE, CLAUSE_ONE + ITEMS_BEFORE.replace("the head teacher", "the head"))
    [clause] = compared(years).clauses
    assert (clause.change, clause.clause_id, clause.fields) == ("changed", "one", ("items",))
    assert (clause.items_added, clause.items_removed) == (["the head"], ["the head teacher"])


def test_a_title_text_and_items_changed_together(years):
    years[1].edit("services.yaml", CLAUSE_ONE, "      - id: one\n        title: Where to look\n"
                                               "        text: See {section:two} first.\n" + ITEMS_AFTER)
    [clause] = compared(years).clauses
    assert clause.fields == ("title", "text", "items")
    assert (clause.items_added, clause.items_removed) == (
        ["Call the service desk.", "Write to", "the officer", "E-mail the officer."], [])


LEGEND_Y = "      - code: Y\n        meaning: included\n        kind: included\n"


def test_a_codes_kind_changed_in_the_legend_changes_every_cell_with_it(years):
    """What a code means for a school (its kind) changed, the letter kept: each cell with the code changed."""
    add_code_b(years[0])
    years[1].edit("services.yaml", LEGEND_B, LEGEND_B + "      - code: B\n        meaning: included for every school\n"
                                                        "        kind: included\n")
    for data in years:
        data.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: B, gold: B}")
    now = Code("B", "included for every school", "included")
    changes = compared(years)
    only(changes, cells=(CellChange("primary", "Group one", "Second service", "core", "Core", B, now),
                         CellChange("primary", "Group one", "Second service", "gold", "Gold", B, now)))
    assert changes.cells[0].statuses(yhgfl=False) == (Status.NOT_INCLUDED, Status.INCLUDED)


def test_a_codes_meaning_reworded_in_the_legend_is_a_change_of_each_cell_with_it(years):
    """The words of the key changed, the letter and the kind kept: still a change to what the table says."""
    years[1].edit("services.yaml", LEGEND_Y, LEGEND_Y.replace("meaning: included", "meaning: included in the tier"))
    now = Code("Y", "included in the tier", "included")
    changes = compared(years)
    only(changes, cells=(CellChange("primary", "Group one", "First service", "core", "Core", Y, now),
                         CellChange("primary", "Group one", "First service", "gold", "Gold", Y, now),
                         CellChange("primary", "Group one", "Second service", "gold", "Gold", Y, now)))
    # What a school gets is the same: no school's own page lists it.
    assert changes.cells[0].statuses(yhgfl=True) == (Status.INCLUDED, Status.INCLUDED)
