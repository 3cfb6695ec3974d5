"""The downloadable files: the entitlements as CSV (all types, and one per type), what has changed since last
year as CSV, and all the data as JSON."""

from __future__ import annotations

import csv
import io
import json
import re

from .catalog import Catalog
from .changes_page import CSV_COLUMNS as CHANGES_COLUMNS
from .changes_page import csv_rows as changes_rows
from .paths import download

CSV_COLUMNS = ["school_type", "tier", "tier_cost", "group", "service", "code"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP, "CSV injection")."""
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def downloads(catalog: Catalog, previous: Catalog | None = None) -> dict[str, bytes]:
    """Each download by its path under the site root; `previous` is last year's data (the latest archive), if
    any, for changes.csv."""
    files = {download("entitlements.csv"): entitlements_csv(catalog)}
    for school_type in catalog.services.school_types:
        files[download(f"entitlements-{school_type.id}.csv")] = entitlements_csv(catalog, school_type.id)
    files[download("changes.csv")] = changes_csv(catalog, previous)
    files[download("specification.json")] = data_json(catalog)
    return files


def entitlement_rows(catalog: Catalog, school_type_id: str | None = None) -> list[dict[str, str]]:
    """One row per school type, tier of its phase and row of its phase's matrix, codes as in the legend.

    A phase without a published matrix has no rows: none are invented.
    """
    rows = []
    for school_type in catalog.services.school_types:
        if school_type_id not in (None, school_type.id):
            continue
        matrix = catalog.matrix(school_type.phase)
        if matrix is None:
            continue
        for tier in catalog.phase(school_type.phase).tiers:
            for group in matrix.groups:
                for row in group.rows:
                    rows.append({"school_type": school_type.id, "tier": tier.id,
                                 "tier_cost": catalog.cost(school_type, tier.id),
                                 "group": group.name, "service": row.service, "code": row.codes[tier.id]})
    return rows


def entitlements_csv(catalog: Catalog, school_type_id: str | None = None) -> bytes:
    """The rows as CSV in UTF-8 with a byte-order mark, so that spreadsheets read it as UTF-8."""
    return _csv(CSV_COLUMNS, entitlement_rows(catalog, school_type_id))


def changes_csv(catalog: Catalog, previous: Catalog | None) -> bytes:
    """What has changed since `previous`, a row per change (only the header when there is no earlier year), in
    UTF-8 with a byte-order mark, as the entitlements."""
    return _csv(CHANGES_COLUMNS, changes_rows(catalog, previous))


def spreadsheet_text(value: str) -> str:
    """`value` as a CSV cell that a spreadsheet shows as it is: a cell starting with a character of FORMULA_STARTS
    gets a single quote in front (OWASP's rule), so that a spreadsheet never runs it as a formula; a plain number
    (`-25.00`, a price cut in changes.csv) is left as it is, to stay a number."""
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def data_json(catalog: Catalog) -> bytes:
    """The whole data set, as validated: each data file's model under the file's name."""
    data = {
        "services": catalog.services.model_dump(mode="json"),
        "prices": catalog.prices.model_dump(mode="json"),
        "schools": [school.model_dump(mode="json") for school in catalog.schools],
        "site": catalog.site.model_dump(mode="json"),
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    """`rows` as CSV in UTF-8 with a byte-order mark, each cell made safe for spreadsheets (`spreadsheet_text`)."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    writer.writerows({column: spreadsheet_text(value) for column, value in row.items()} for row in rows)
    return text.getvalue().encode("utf-8-sig")
