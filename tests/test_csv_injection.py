"""CSV cells that a spreadsheet would read as a formula are written as text (OWASP's rule: a single quote in
front); plain numbers, such as a price cut in changes.csv, stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from macros.sla.downloads import entitlements_csv, spreadsheet_text
from macros.sla.load import load

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://example.com\",\"x\")", "'=HYPERLINK(\"http://example.com\",\"x\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-", "'-"),
    ("-25.00", "-25.00"),
    ("-50", "-50"),
    ("60.00", "60.00"),
    ("Service desk", "Service desk"),
    ("a=b", "a=b"),
    ("", ""),
], ids=["equals", "plus", "minus-formula", "at", "tab", "carriage-return", "minus-alone", "negative-price",
        "negative-integer", "price", "words", "equals-inside", "empty"])
def test_a_cell_that_starts_a_formula_is_text(cell, written):
    assert spreadsheet_text(cell) == written


def test_the_entitlements_csv_writes_a_formula_in_the_data_as_text(minimal):
    minimal.edit("services.yaml", "- service: First service", "- service: '=1+1'")
    raw = entitlements_csv(load(minimal.dir))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert "'=1+1" in [row["service"] for row in rows]
    assert "=1+1" not in [row["service"] for row in rows]
