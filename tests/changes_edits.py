"""The officer's year, for the tests of what has changed: `make new-year YEAR=2009/10` (which archives the
data as `data/archive/2008-09/`), then, for 2009/10, a price, a cell of the inclusion table and a contact
changed, a clause inserted, one school added and one removed. What the changes page must then list is below,
exactly."""

from __future__ import annotations

from pathlib import Path

from conftest import DataFiles
from macros.sla.__main__ import main

INSERTED_CLAUSE = "review-meeting"
INSERTED_TEXT = "The council meets each school once a year to review the service."
RENUMBERED = {"annual-review": ("5.1", "5.2"), "rolling-contract": ("5.2", "5.3"),
              "notice-period": ("5.3", "5.4"), "initial-commitment": ("5.4", "5.5")}
"""The clauses after the inserted one: (number in 2008/09, number in 2009/10)."""
ADDED_SCHOOL = ("Example Woodland Primary School (fictional)", "example-woodland-primary-school-fictional")
"""The school listed in 2009/10 and not in 2008/09: its name and its page's address (schools/<slug>/)."""
REMOVED_SCHOOL = ("Example Ridge Academy (fictional)", "example-ridge-academy-fictional",
                  "Secondary schools formerly grant maintained")
"""The school listed in 2008/09 and not in 2009/10: its name, its address and its type's name."""
REMOVED_ENTRY = """  - name: Example Ridge Academy (fictional)
    school_type: secondary-formerly-gm
    tier: platinum
    yhgfl: false
    sims_pcs: 35
"""


def change_for_next_year(data: Path) -> None:
    """2009/10: the secondary price of Complete SIMS Help Desk Support, Gold's code for software installation,
    Pam Plant's telephone number, a clause inserted at the start of section 5, a primary school added after
    the last primary school and the last school (a secondary academy) removed."""
    files = DataFiles(data)
    files.edit("prices.yaml", "prices: {primary: 850, secondary: 1090}", "prices: {primary: 850, secondary: 1150}")
    files.edit("services.yaml", "- service: Software installation and configuration\n"
                                "          codes: {core: N, gold: B, platinum: Y, platinum-plus: Y}",
               "- service: Software installation and configuration\n"
               "          codes: {core: N, gold: Y, platinum: Y, platinum-plus: Y}")
    files.edit("services.yaml", "telephone: 01422 392569", "telephone: 01422 392570")
    files.edit("services.yaml", "    clauses:\n      - id: annual-review\n",
               f"    clauses:\n      - id: {INSERTED_CLAUSE}\n        text: {INSERTED_TEXT}\n"
               "      - id: annual-review\n")
    files.edit("schools.yaml", REMOVED_ENTRY, "")
    files.edit("schools.yaml", "    sims_pcs: 4\n", f"    sims_pcs: 4\n  - name: {ADDED_SCHOOL[0]}\n"
                                                    "    school_type: primary\n    tier: platinum\n"
                                                    "    yhgfl: true\n    sims_pcs: 12\n")


def next_year(project: Path) -> Path:
    """`make new-year YEAR=2009/10` on the project's data, then the changes of `change_for_next_year`; return
    the data folder."""
    data = project / "data"
    if main(["new-year", "2009/10", "--yes", "--data-dir", str(data)]) != 0:
        raise AssertionError("make new-year YEAR=2009/10 refused the project's data")
    change_for_next_year(data)
    return data
