"""The downloads: entitlements.csv follows its contract and the specification; the data as JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from spec_facts import LEGEND, MATRIX

pytestmark = pytest.mark.build

TIER_IDS = ["core", "gold", "platinum", "platinum-plus"]
COSTS = {"primary": ["no additional cost", "additional cost", "additional cost", "additional cost"],
         "primary-formerly-gm": ["no additional cost", "additional cost", "additional cost", "additional cost"]}


def read_csv(built_site, name: str) -> tuple[bytes, list[dict[str, str]], list[str]]:
    raw = (built_site / "downloads" / name).read_bytes()
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return raw, rows, reader.fieldnames


def test_entitlements_csv_contract(built_site):
    raw, rows, columns = read_csv(built_site, "entitlements.csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark, so that spreadsheets read UTF-8"
    assert columns == ["school_type", "tier", "tier_cost", "group", "service", "code"]
    assert b"\r\n" in raw
    expected = [{"school_type": school_type, "tier": tier, "tier_cost": cost, "group": group, "service": service,
                 "code": codes.split()[index]}
                for school_type, costs in COSTS.items()
                for index, (tier, cost) in enumerate(zip(TIER_IDS, costs, strict=True))
                for group, service, codes in MATRIX]
    assert rows == expected
    assert {row["code"] for row in rows} <= set(LEGEND)
    assert {row["tier_cost"] for row in rows} == {"no additional cost", "additional cost"}


@pytest.mark.parametrize("school_type", ["primary", "primary-formerly-gm", "secondary", "secondary-formerly-gm"])
def test_a_csv_per_school_type(built_site, school_type):
    _, everything, _ = read_csv(built_site, "entitlements.csv")
    raw, rows, columns = read_csv(built_site, f"entitlements-{school_type}.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert columns == ["school_type", "tier", "tier_cost", "group", "service", "code"]
    assert rows == [row for row in everything if row["school_type"] == school_type]
    assert len(rows) == (4 * 46 if school_type.startswith("primary") else 0)  # no matrix for secondary: no rows


def test_the_whole_data_set_as_json(built_site):
    """Every field of every model is there: test_specification_json.py."""
    text = (built_site / "downloads" / "specification.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert sorted(data) == ["prices", "schools", "services", "site"]
    assert data["prices"]["financial_year"] == "2008/09"
    item = data["prices"]["price_lists"][0]["groups"][0]["items"][0]
    assert item == {"name": "Complete SIMS Help Desk Support", "prices": {"primary": "850.00", "secondary": "1090.00"}}
    assert [contact["name"] for contact in data["services"]["contacts"]] == ["Pam Plant", "Sue Rumbold"]
    assert [school["name"] for school in data["schools"]][:2] == [
        "Example Brookside Primary School (fictional)", "Example Hill Top Primary School (fictional)"]
    assert len(data["schools"]) == 6
    assert (data["site"]["owner"], data["site"]["accessibility"]["last_reviewed"]) == ("Calderdale Council",
                                                                                     "2026-11-29")
    assert "½ day visit" in text  # written as UTF-8, not as \u00bd


def test_downloads_are_linked_from_the_type_pages(built_site):
    html = (built_site / "entitlement" / "primary" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/entitlements-primary.csv"' in html
