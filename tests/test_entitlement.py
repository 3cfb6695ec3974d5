"""Entitlement resolution: every code, for YHGFL and other schools, for every PC count that matters."""

from __future__ import annotations

from itertools import product

import pytest

from conftest import EDITION
from macros.sla.entitlement import Status, applies, matrix_rows, resolve, school_rows, tier_offers
from macros.sla.load import load
from macros.sla.models import MatrixRow, School
from spec_facts import MATRIX, TIERS

# What each code of the legend means, by the letter (independent of the data's `kind`):
# (YHGFL school, other school, not known)
BY_CODE = {
    "Y": (Status.INCLUDED, Status.INCLUDED, Status.INCLUDED),
    "N": (Status.NOT_INCLUDED, Status.NOT_INCLUDED, Status.NOT_INCLUDED),
    "O": (Status.OPTIONAL, Status.OPTIONAL, Status.OPTIONAL),
    "B": (Status.INCLUDED, Status.NOT_INCLUDED, Status.YHGFL_ONLY),
    "O/B": (Status.OPTIONAL, Status.NOT_AVAILABLE, Status.OPTIONAL_YHGFL_ONLY),
    "S": (Status.SUPPORTED_ONLY, Status.SUPPORTED_ONLY, Status.SUPPORTED_ONLY),
}
PC_THRESHOLD = {"Access to SIMS from more than 10 PCs": 10}

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


@pytest.mark.parametrize("kind, yhgfl, expected", [
    ("included", True, Status.INCLUDED), ("included", False, Status.INCLUDED), ("included", None, Status.INCLUDED),
    ("not-included", True, Status.NOT_INCLUDED), ("not-included", False, Status.NOT_INCLUDED),
    ("not-included", None, Status.NOT_INCLUDED),
    ("optional", True, Status.OPTIONAL), ("optional", False, Status.OPTIONAL), ("optional", None, Status.OPTIONAL),
    ("yhgfl-only", True, Status.INCLUDED), ("yhgfl-only", False, Status.NOT_INCLUDED),
    ("yhgfl-only", None, Status.YHGFL_ONLY),
    ("optional-yhgfl-only", True, Status.OPTIONAL), ("optional-yhgfl-only", False, Status.NOT_AVAILABLE),
    ("optional-yhgfl-only", None, Status.OPTIONAL_YHGFL_ONLY),
    ("supported-only", True, Status.SUPPORTED_ONLY), ("supported-only", False, Status.SUPPORTED_ONLY),
    ("supported-only", None, Status.SUPPORTED_ONLY),
])
def test_resolve_every_kind(kind, yhgfl, expected):
    assert resolve(kind, yhgfl) is expected


def test_plain_english_labels():
    assert [status.value for status in Status] == [
        "Included", "Not included", "Optional extra", "Not available", "Supported software only",
        "YHGFL schools only", "Optional extra for YHGFL schools only", "Does not apply", "Not listed for this tier"]


@pytest.mark.parametrize("sims_pcs, expected", [(None, True), (0, False), (10, False), (11, True), (40, True)])
def test_a_row_about_more_than_10_pcs_applies_only_above_10(sims_pcs, expected):
    row = MatrixRow(service="Access to SIMS from more than 10 PCs", codes={"gold": "O"}, sims_pcs_over=10)
    assert applies(row, sims_pcs) is expected
    assert applies(MatrixRow(service="Call routing", codes={"gold": "Y"}), sims_pcs) is True


@pytest.mark.parametrize("yhgfl, sims_pcs", list(product([True, False, None], [None, 4, 10, 11, 25])))
def test_every_cell_for_every_tier(catalog, yhgfl, sims_pcs):
    tiers = catalog.phase("primary").tiers
    rows = matrix_rows(catalog, "primary", tiers, yhgfl, sims_pcs)
    assert len(rows) == len(MATRIX)
    for row, (group, service, codes) in zip(rows, MATRIX, strict=True):
        assert (row.group, row.service) == (group, service)
        for cell, code, tier_name in zip(row.cells, codes.split(), TIERS["primary"], strict=True):
            assert (cell.tier.name, cell.code) == (tier_name, code)
            threshold = PC_THRESHOLD.get(service)
            if threshold is not None and sims_pcs is not None and sims_pcs <= threshold:
                expected = Status.DOES_NOT_APPLY
            else:
                expected = BY_CODE[code][{True: 0, False: 1, None: 2}[yhgfl]]
            assert cell.status is expected, (service, tier_name, yhgfl, sims_pcs)


def test_conditional_cells_know_both_answers(catalog):
    rows = {row.service: row for row in matrix_rows(catalog, "primary")}
    gold = rows["Software installation and configuration"].cells[1]
    assert (gold.code, gold.status, gold.if_yhgfl, gold.if_not_yhgfl) == (
        "B", Status.YHGFL_ONLY, Status.INCLUDED, Status.NOT_INCLUDED)
    assert gold.conditional is True
    assert rows["Call routing"].cells[1].conditional is False
    assert (rows["Call routing"].differs, rows["Software installation and configuration"].differs) == (False, True)


def test_no_matrix_no_rows(catalog):
    assert matrix_rows(catalog, "secondary") == []


def test_tiers_include_the_tiers_they_build_on(catalog):
    primary = {o.tier.id: o for o in tier_offers(catalog, "primary")}
    assert [t.id for t in primary["core"].included_in] == ["core", "gold", "platinum", "platinum-plus"]
    assert [t.id for t in primary["gold"].included_in] == ["gold", "platinum", "platinum-plus"]
    assert [t.id for t in primary["platinum-plus"].included_in] == ["platinum-plus"]
    secondary = {o.tier.id: o for o in tier_offers(catalog, "secondary")}
    assert [t.id for t in secondary["silver"].included_in] == ["silver", "platinum"]


@pytest.mark.parametrize("school_type, costs", [
    ("primary", ["no additional cost", "additional cost", "additional cost", "additional cost"]),
    ("primary-formerly-gm", ["no additional cost", "additional cost", "additional cost", "additional cost"]),
    ("secondary", ["no additional cost", "no additional cost", "additional cost"]),
    ("secondary-formerly-gm", ["no additional cost", "additional cost", "additional cost"]),
])
def test_cost_of_each_tier_for_each_school_type(catalog, school_type, costs):
    types = {t.id: t for t in catalog.services.school_types}
    offers = tier_offers(catalog, types[school_type].phase, types[school_type])
    assert [offer.cost for offer in offers] == costs


def test_a_school_gets_its_own_tier_resolved(catalog):
    school = School(name="A", school_type="primary", tier="gold", yhgfl=False, sims_pcs=14)
    rows = {row.service: row.cells[0].status for row in school_rows(catalog, school)}
    assert rows["Software installation and configuration"] is Status.NOT_INCLUDED
    assert rows["Recovery from virus infection (best endeavours)"] is Status.NOT_AVAILABLE
    assert rows["Access to SIMS from more than 10 PCs"] is Status.OPTIONAL
    small = School(name="B", school_type="primary", tier="gold", yhgfl=True, sims_pcs=8)
    rows = {row.service: row.cells[0].status for row in school_rows(catalog, small)}
    assert rows["Software installation and configuration"] is Status.INCLUDED
    assert rows["Recovery from virus infection (best endeavours)"] is Status.OPTIONAL
    assert rows["Access to SIMS from more than 10 PCs"] is Status.DOES_NOT_APPLY
    assert rows["Access to SIMS from up to 10 PCs"] is Status.INCLUDED
