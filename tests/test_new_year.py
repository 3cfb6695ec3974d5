"""`make new-year YEAR=2009/10`: archives this year's data, sets the next year, says what to review; refuses,
changing nothing, a year that does not follow, an archive that exists and data with problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.sla.__main__ import main
from macros.sla.load import load
from macros.sla.newyear import following

pytestmark = pytest.mark.unit


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), empty ones included: a refusal must leave no folder behind."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def new_year(files, year: str, capsys) -> tuple[int, str, str]:
    code = main(["new-year", year, "--data-dir", str(files.dir)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("year, expected", [("2008/09", "2009/10"), ("1999/00", "2000/01"), ("2099/00", "2100/01")])
def test_the_year_after(year, expected):
    assert following(year) == expected


def test_a_new_year_archives_the_data_and_sets_the_year(minimal, capsys):
    before = snapshot(minimal.dir)
    minimal.write("prices.yaml", "# Prices for one year; a comment to keep.\n" + minimal.text("prices.yaml"))
    prices_before = minimal.text("prices.yaml")
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, err) == (0, "")
    archive = minimal.dir / "archive" / "2008-09"
    assert snapshot(archive) == {**{name: data for name, data in before.items() if name != "prices.yaml"},
                                 "prices.yaml": prices_before.encode("utf-8")}
    assert minimal.text("prices.yaml") == prices_before.replace("financial_year: 2008/09", "financial_year: 2009/10")
    assert load(minimal.dir).prices.financial_year == "2009/10"
    lines = out.splitlines()
    assert lines[0] == f"Archived prices.yaml, schools.yaml, services.yaml, site.yaml to {archive}/."
    assert lines[1] == f"Set financial_year to 2009/10 in {minimal.dir / 'prices.yaml'} (it was 2008/09)."
    assert lines[4] == "Now review:"
    assert lines[5].startswith("- prices.yaml: every price")
    dated = [line for line in lines if line.startswith("- data/site.yaml:")]
    assert dated == [f"- data/site.yaml:{number}: {line.strip()}"
                     for number, line in enumerate(minimal.text("site.yaml").splitlines(), start=1)
                     if "2026-" in line or "2027-" in line]
    assert len(dated) == 5  # three accessibility dates and the two review dates


@pytest.mark.parametrize("year, message", [
    ("2010/11", "2010/11 does not follow the current financial year 2008/09; the next one is 2009/10"),
    ("2008/09", "2008/09 does not follow the current financial year 2008/09; the next one is 2009/10"),
    ("2009-10", "'2009-10' is not a financial year; write it as 2009/10 (four digits, a slash, two digits)"),
])
def test_a_year_that_does_not_follow_is_refused_and_nothing_changes(minimal, capsys, year, message):
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, year, capsys)
    assert (code, out, err) == (1, "", f"New year not started: {message}\n")
    assert snapshot(minimal.dir) == before


def test_an_existing_archive_is_not_overwritten(minimal, capsys):
    archive = minimal.dir / "archive" / "2008-09"
    archive.mkdir(parents=True)
    (archive / "prices.yaml").write_text("# last year's prices\n", encoding="utf-8")
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == (f"New year not started: {archive} already exists, so 2008/09 has been archived before; nothing "
                   "was changed. Remove or rename that folder first if you mean to archive 2008/09 again\n")
    assert snapshot(minimal.dir) == before


def test_data_with_problems_is_not_archived(minimal, capsys):
    line = minimal.edit("services.yaml", "    contact: alex", "    contact: alix")
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == ("New year not started: the data has problems; fix them first (make check lists them), then "
                   "start the new year:\n"
                   f"data/services.yaml:{line}: escalation[0] (the 1st: First contact).contact: unknown contact "
                   "'alix' (valid: alex)\n")
    assert snapshot(minimal.dir) == before


def test_a_refused_new_year_leaves_no_archive_folder_to_block_the_next(minimal, capsys):
    """Refused for the line it must change (a comment after the year): nothing is left, not even an empty
    data/archive/2008-09/, which would make the next try refuse as 'archived before'."""
    line = "financial_year: 2008/09  # the year of these prices"
    minimal.edit("prices.yaml", "financial_year: 2008/09", line)
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == (f"New year not started: {minimal.dir / 'prices.yaml'} must have one line 'financial_year: "
                   "2008/09' at the start of a line, to change\n")
    assert snapshot(minimal.dir) == before
    assert not (minimal.dir / "archive").exists()
    minimal.edit("prices.yaml", line, "financial_year: 2008/09")
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, err) == (0, "")
    assert sorted(path.name for path in (minimal.dir / "archive" / "2008-09").iterdir()) == [
        "prices.yaml", "schools.yaml", "services.yaml", "site.yaml"]
    assert load(minimal.dir).prices.financial_year == "2009/10"


@pytest.mark.parametrize("year", ["2010/11", "2009-10"])
def test_a_refused_year_then_the_right_one(minimal, capsys, year):
    assert new_year(minimal, year, capsys)[0] == 1
    assert not (minimal.dir / "archive").exists()
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, err) == (0, "")
    assert (minimal.dir / "archive" / "2008-09" / "prices.yaml").read_text(encoding="utf-8").startswith(
        "financial_year: 2008/09\n")
