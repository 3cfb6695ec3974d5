"""The real data: it loads, it has the shape of the specification, its schema and reference are current."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from conftest import EDITION, ROOT
from macros.sla.__main__ import FILES, reference_text, schema_text
from macros.sla.load import load
from macros.sla.models import Model

pytestmark = pytest.mark.unit

@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


def test_counts_match_the_specification(catalog):
    services = catalog.services
    assert len(catalog.sections) == 13
    assert [t.id for t in services.school_types] == ["primary", "primary-formerly-gm", "secondary",
                                                     "secondary-formerly-gm"]
    assert {p.id: [t.name for t in p.tiers] for p in services.phases} == {
        "primary": ["Core", "Gold", "Platinum", "Platinum+"], "secondary": ["Core", "Silver", "Platinum"]}
    assert [matrix.phase for matrix in services.matrices] == ["primary"]
    assert sum(len(group.rows) for group in catalog.matrix("primary").groups) == 46
    assert len(catalog.matrix("primary").groups) == 10
    assert catalog.matrix("secondary") is None
    assert [p.level for p in services.response_standards.priorities] == [1, 2, 3, 4, 5, 6]
    assert len(services.supported_software.rows) == 11
    assert sum(len(g.items) for g in catalog.price_list("capita-top-up").groups) == 7
    assert [o.id for o in services.offers] == ["special-services", "pay-as-you-use", "capita-top-up",
                                               "special-projects"]


def test_the_documents_clause_numbers(catalog):
    """The numbers the document refers to land on the clauses it means."""
    number = {clause_id: item.number for clause_id, item in catalog.numbered.items()}
    assert number["responsiveness"] == "3.2.5"
    assert number["notice-period"] == "5.3"
    assert number["services"] == "7"
    assert number["gold"] == "7.4.1"
    assert number["secondary-platinum"] == "7.5.2"
    assert number["capita-top-up"] == "7.6.3"


def test_tier_chains(catalog):
    assert [t.name for t in catalog.builds_on("primary", "platinum-plus")] == ["Core", "Gold", "Platinum"]
    assert [t.name for t in catalog.builds_on("secondary", "platinum")] == ["Core", "Silver"]
    assert catalog.builds_on("primary", "core") == []


def test_exclusions_apply_to_gold_and_platinum_only(catalog):
    assert [len(group.items) for group in catalog.exclusions("primary", "gold")] == [14]
    assert catalog.exclusions("primary", "platinum") == catalog.exclusions("primary", "gold")
    assert catalog.exclusions("primary", "platinum-plus") == []


@pytest.mark.parametrize("name", FILES)
def test_json_schema_is_current(name):
    committed = (ROOT / "data" / "schema" / name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8")
    assert committed == schema_text(name), "run 'make schema' and commit data/schema/"


def test_data_reference_is_current():
    committed = (ROOT / "data" / "schema" / "reference.md").read_text(encoding="utf-8")
    assert committed == reference_text(), "run 'make schema' and commit data/schema/"


def _all_models() -> list[type[BaseModel]]:
    found, queue = [], [Model]
    while queue:
        current = queue.pop()
        found.append(current)
        queue += current.__subclasses__()
    return [model for model in found if model is not Model]


@pytest.mark.parametrize("model", _all_models(), ids=lambda model: model.__name__)
def test_every_key_is_described_for_officers(model):
    assert model.__doc__ and model.__doc__.strip()
    undocumented = [name for name, info in model.model_fields.items() if not info.description]
    assert undocumented == []
    reference = (ROOT / "data" / "schema" / "reference.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert f"| `{name}` |" in reference
