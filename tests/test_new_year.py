"""`make new-year YEAR=2009/10`: shows what it will do and asks to confirm; archives this year's data (read-only
copies with checksums, renamed into place) and sets the next year; says what to review. It refuses, changing
nothing, a year that does not follow, a year already started, a second new year with no edit since the first,
and data with problems. Interrupted at any write, it leaves the data as it was or finished, and running it
again finishes. `make undo-new-year` puts the data back byte for byte."""

from __future__ import annotations

import hashlib
import io
import stat
from pathlib import Path

import pytest

from macros.sla import newyear
from macros.sla.__main__ import main
from macros.sla.archive import ArchiveChanged, latest_archive
from macros.sla.load import load
from macros.sla.newyear import following

pytestmark = pytest.mark.unit


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), empty ones included: a refusal must leave no folder behind."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def everything(files) -> dict[str, bytes | None]:
    """The data folder and the undo folder beside it."""
    return {**snapshot(files.dir), **{f".undo/{name}": data for name, data in snapshot(files.dir.parent / ".undo")
                                      .items()}}


def new_year(files, year: str, capsys, confirmed: bool = True) -> tuple[int, str, str]:
    code = main(["new-year", year, *(["--yes"] if confirmed else []), "--data-dir", str(files.dir)])
    out, err = capsys.readouterr()
    return code, out, err


def undo(files, capsys) -> tuple[int, str, str]:
    code = main(["undo-new-year", "--data-dir", str(files.dir)])
    out, err = capsys.readouterr()
    return code, out, err


NOTE = ("# ARCHIVED COPY of data/{name} for 2008/09, made by make new-year on {today}. Do not edit:\n"
        "# make check verifies it against SHA256SUMS. This year's data is in data/{name}.\n")


@pytest.mark.parametrize("year, expected", [("2008/09", "2009/10"), ("1999/00", "2000/01"), ("2099/00", "2100/01")])
def test_the_year_after(year, expected):
    assert following(year) == expected


def test_a_new_year_archives_the_data_read_only_with_checksums_and_sets_the_year(minimal, capsys):
    import datetime

    minimal.write("prices.yaml", "# yaml-language-server: $schema=schema/prices.schema.json\n"
                  + minimal.text("prices.yaml"))
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, err) == (0, "")
    archive = minimal.dir / "archive" / "2008-09"
    today = datetime.date.today().isoformat()
    expected = {}
    for name in ("services.yaml", "prices.yaml", "schools.yaml", "site.yaml"):
        text = before[name].decode("utf-8").replace("$schema=schema/", "$schema=../../schema/")
        expected[name] = (NOTE.format(name=name, today=today) + text).encode("utf-8")
    sums = "".join(f"{hashlib.sha256(expected[name]).hexdigest()}  {name}\n" for name in expected).encode("utf-8")
    assert snapshot(archive) == {**expected, "SHA256SUMS": sums}
    assert all(not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) for path in archive.iterdir())
    assert minimal.text("prices.yaml") == before["prices.yaml"].decode("utf-8").replace(
        "financial_year: 2008/09", "financial_year: 2009/10")
    assert load(minimal.dir).prices.financial_year == "2009/10"
    assert latest_archive(minimal.dir, load(minimal.dir)).year == "2008/09"
    lines = out.splitlines()
    assert lines[:4] == [
        "make new-year will start 2009/10:",
        "- Archive 2008/09: copy services.yaml, prices.yaml, schools.yaml, site.yaml to data/archive/2008-09/ "
        "(read-only copies, "
        "with their checksums).",
        "- Set financial_year: 2009/10 in data/prices.yaml (line 2; it is 2008/09).",
        "- Keep the data as it is now, so that `make undo-new-year` can put it back."]
    assert lines[4] == f"Archived SHA256SUMS, prices.yaml, schools.yaml, services.yaml, site.yaml to {archive}/."
    assert lines[5] == f"Set financial_year to 2009/10 in {minimal.dir / 'prices.yaml'} (it was 2008/09)."
    assert lines[8] == "Now review:"
    assert lines[9].startswith("- prices.yaml: every price")
    dated = [line for line in lines if line.startswith("- data/site.yaml:")]
    assert dated == [f"- data/site.yaml:{number}: {line.strip()}"
                     for number, line in enumerate(minimal.text("site.yaml").splitlines(), start=1)
                     if "2026-" in line or "2027-" in line]
    assert len(dated) == 5  # three accessibility dates and the two review dates
    assert lines[-1] == "To go back: make undo-new-year."


@pytest.mark.parametrize("year, message", [
    ("2010/11", "2010/11 does not follow the current financial year 2008/09; the next one is 2009/10"),
    ("2007/08", "2007/08 does not follow the current financial year 2008/09; the next one is 2009/10"),
    ("2008/09", "2008/09 has already been started: financial_year in data/prices.yaml is 2008/09. Nothing was "
                "changed."),
    ("2009-10", "'2009-10' is not a financial year; write it as 2009/10 (four digits, a slash, two digits)"),
    ("$(touch x)", "'$(touch x)' is not a financial year; write it as 2009/10 (four digits, a slash, two digits)"),
])
def test_a_year_that_does_not_follow_is_refused_and_nothing_changes(minimal, capsys, year, message):
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, year, capsys)
    assert (code, out, err) == (1, "", f"New year not started: {message}\n")
    assert snapshot(minimal.dir) == before


def test_the_same_year_twice_says_it_has_been_started_and_suggests_no_other_year(minimal, capsys):
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == ("New year not started: 2009/10 has already been started: financial_year in data/prices.yaml is "
                   "2009/10 and 2008/09 is archived in data/archive/2008-09/. Nothing was changed.\n")
    assert "2010/11" not in err
    assert snapshot(minimal.dir) == before


def test_a_second_new_year_with_no_edit_since_the_first_is_refused(minimal, capsys):
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    minimal.write("prices.yaml", "# a comment is not an edit of the data\n" + minimal.text("prices.yaml"))
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2010/11", capsys)
    assert (code, out) == (1, "")
    assert err == (
        "New year not started: 2009/10 was started by make new-year and no data file has changed since: its "
        "prices, clauses and schools are still 2008/09's, as archived in data/archive/2008-09/. Starting 2010/11 "
        "now would archive 2009/10 before it has been used. Nothing was changed. Start 2010/11 when 2009/10 has "
        "ended, after its edits; to go back to 2008/09, run make undo-new-year.\n")
    assert snapshot(minimal.dir) == before
    minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: 875}")
    code, out, err = new_year(minimal, "2010/11", capsys)
    assert (code, err) == (0, "") and out.startswith("make new-year will start 2010/11:\n")
    assert sorted(path.name for path in (minimal.dir / "archive").iterdir()) == ["2008-09", "2009-10"]


def test_an_archive_that_does_not_match_the_data_is_not_overwritten_and_no_deletion_is_advised(minimal, capsys):
    archive = minimal.dir / "archive" / "2008-09"
    archive.mkdir(parents=True)
    (archive / "prices.yaml").write_text("# last year's prices\n", encoding="utf-8")
    before = snapshot(minimal.dir)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == (
        "New year not started: data/archive/2008-09/ already holds 2008/09, archived before, and it does not match "
        "the data in data/ (financial_year there is still 2008/09). Nothing was changed. If you started 2009/10 "
        "and then set financial_year back to 2008/09 by hand, set it to 2009/10 again: the archive is last year's "
        "data for 2009/10. If an undo was interrupted, run make undo-new-year again to finish it.\n")
    assert not any(word in err.lower() for word in ("remove", "delete", "rename"))
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
    before = everything(minimal)
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, out) == (1, "")
    assert err == (f"New year not started: {minimal.dir / 'prices.yaml'} must have one line 'financial_year: "
                   "2008/09' at the start of a line, to change\n")
    assert everything(minimal) == before
    assert not (minimal.dir / "archive").exists()
    minimal.edit("prices.yaml", line, "financial_year: 2008/09")
    code, out, err = new_year(minimal, "2009/10", capsys)
    assert (code, err) == (0, "")
    assert sorted(path.name for path in (minimal.dir / "archive" / "2008-09").iterdir()) == [
        "SHA256SUMS", "prices.yaml", "schools.yaml", "services.yaml", "site.yaml"]
    assert load(minimal.dir).prices.financial_year == "2009/10"


# --- confirming ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer, started", [("yes\n", True), ("Yes \n", True), ("no\n", False), ("\n", False),
                                             ("", False)])
def test_it_asks_to_confirm_and_only_yes_starts_the_year(minimal, capsys, monkeypatch, answer, started):
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    monkeypatch.delenv("CONFIRM", raising=False)
    before = everything(minimal)
    code, out, err = new_year(minimal, "2009/10", capsys, confirmed=False)
    assert out.startswith("make new-year will start 2009/10:\n- Archive 2008/09: copy ")
    assert "Start 2009/10? Type yes and press Enter: " in out
    if started:
        assert (code, err) == (0, "")
        assert load(minimal.dir).prices.financial_year == "2009/10"
    else:
        assert (code, err) == (1, "New year not started: it was not confirmed (type yes; in a script, add "
                                  "CONFIRM=yes). Nothing was changed.\n")
        assert everything(minimal) == before


def test_confirm_and_year_from_the_environment_as_make_passes_them(minimal, capsys, monkeypatch):
    monkeypatch.setenv("YEAR", "2009/10")
    monkeypatch.setenv("CONFIRM", "yes")
    assert main(["new-year", "--data-dir", str(minimal.dir)]) == 0
    assert load(minimal.dir).prices.financial_year == "2009/10"


def test_no_year_given_says_how_to_give_it(minimal, capsys, monkeypatch):
    monkeypatch.delenv("YEAR", raising=False)
    assert main(["new-year", "--data-dir", str(minimal.dir)]) == 2
    assert capsys.readouterr().err == "Give the new financial year: make new-year YEAR=2009/10\n"


# --- interrupted ----------------------------------------------------------------------------------------------


class Killed(BaseException):
    """Stands for the process being killed: nothing catches it, nothing is cleaned up."""


def count_writes(monkeypatch, fail_at: int | None, error: BaseException) -> list[str]:
    """Count each write and rename of newyear; the `fail_at`-th (from 0) raises `error` instead."""
    calls: list[str] = []
    real_write, real_rename = newyear._write_bytes, newyear._rename

    def counted(real):
        def step(*args):
            calls.append(f"{real.__name__} {args[0]}")
            if len(calls) - 1 == fail_at:
                raise error
            return real(*args)
        return step

    monkeypatch.setattr(newyear, "_write_bytes", counted(real_write))
    monkeypatch.setattr(newyear, "_rename", counted(real_rename))
    return calls


def finished_state(tmp_path, minimal, capsys, monkeypatch) -> tuple[dict, int]:
    """The data after an uninterrupted new year, and the number of writes and renames it made."""
    import shutil

    reference = tmp_path / "reference" / "data"
    shutil.copytree(minimal.dir, reference)
    with monkeypatch.context() as patched:
        calls = count_writes(patched, None, Killed())
        assert main(["new-year", "2009/10", "--yes", "--data-dir", str(reference)]) == 0
    capsys.readouterr()
    return snapshot(reference), len(calls)


@pytest.mark.parametrize("how", ["killed", "disk full"])
def test_interrupted_at_each_write_the_data_is_as_it_was_or_finished_and_running_again_finishes(
        minimal, tmp_path, capsys, monkeypatch, how):
    finished, writes = finished_state(tmp_path, minimal, capsys, monkeypatch)
    assert writes >= 8  # the undo copy (4 files), the archive (4 and a rename), prices.yaml (a file and a rename)
    original = snapshot(minimal.dir)
    data_files = ("prices.yaml", "services.yaml", "site.yaml")
    tidied = 0
    for fail_at in range(writes):
        with monkeypatch.context() as patched:
            error = Killed() if how == "killed" else OSError(28, "No space left on device", "prices.yaml")
            count_writes(patched, fail_at, error)
            if how == "killed":
                with pytest.raises(Killed):
                    main(["new-year", "2009/10", "--yes", "--data-dir", str(minimal.dir)])
            else:
                assert main(["new-year", "2009/10", "--yes", "--data-dir", str(minimal.dir)]) == 1
                assert "run the same command again to finish" in capsys.readouterr().err
        now = snapshot(minimal.dir)
        data_now = {name: now[name] for name in data_files}
        assert data_now in ({name: original[name] for name in data_files},
                            {name: finished[name] for name in data_files}), f"write {fail_at}"
        assert not (now.keys() & {"archive/2008-09/prices.yaml"}) or now["archive/2008-09/SHA256SUMS"] is not None
        capsys.readouterr()
        half_made = sorted(path.name for path in (minimal.dir / "archive").glob(".*.partial")) \
            if (minimal.dir / "archive").is_dir() else []
        code, out, err = new_year(minimal, "2009/10", capsys)
        assert (code, err) == (0, ""), f"write {fail_at}"
        tidied += len(half_made)
        for name in half_made:
            assert (f"- Removed data/archive/{name}/, left half-made by an interrupted run (your data was not "
                    "changed by it).") in out.splitlines()
        assert snapshot(minimal.dir) == finished, f"write {fail_at}"
        assert latest_archive(minimal.dir, load(minimal.dir)).year == "2008/09"
        assert undo(minimal, capsys)[0] == 0
        assert snapshot(minimal.dir) == original, f"write {fail_at}"
    assert tidied > 0  # some runs were stopped while the archive was half-made


# --- archives kept as they were ---------------------------------------------------------------------------------


def test_an_edited_archive_is_reported_with_its_file_and_what_to_do(minimal, capsys):
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    archived = minimal.dir / "archive" / "2008-09" / "prices.yaml"
    archived.chmod(0o644)
    text = archived.read_text(encoding="utf-8")
    archived.write_text(text.replace("prices: {primary: 850}", "prices: {primary: 800}"), encoding="utf-8")
    with pytest.raises(ArchiveChanged) as raised:
        latest_archive(minimal.dir, load(minimal.dir))
    assert raised.value.report() == (
        "1 archived file in data/archive/2008-09 changed since they were archived; nothing was built:\n"
        "data/archive/2008-09/prices.yaml:1: this archived copy has been changed since make new-year archived it "
        "(its checksum is not the one in SHA256SUMS). An archive keeps last year as it was, for the page 'What has "
        "changed': put the file back as it was (with git: git checkout -- data/archive/2008-09/prices.yaml); this "
        "year's changes belong in data/prices.yaml")
    assert main(["check", str(minimal.dir)]) == 1
    assert "data/archive/2008-09/prices.yaml:1: this archived copy has been changed" in capsys.readouterr().err


def test_a_year_changed_by_hand_is_a_warning_that_says_what_to_run(minimal, capsys):
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    line = minimal.edit("prices.yaml", "financial_year: 2009/10", "financial_year: 2010/11")
    assert main(["check", str(minimal.dir)]) == 0
    out = capsys.readouterr().out
    assert (f"Warning: data/prices.yaml:{line}: financial_year: is 2010/11, but the latest archive is 2008/09, so "
            "2009/10 was never archived: the year seems to have been changed by hand. Put back 'financial_year: "
            "2009/10', then run make new-year YEAR=2010/11, which archives 2009/10 first") in out.splitlines()


def test_a_year_that_follows_its_archive_gives_no_such_warning(minimal, capsys):
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    assert main(["check", str(minimal.dir)]) == 0
    assert "changed by hand" not in capsys.readouterr().out


# --- undo -----------------------------------------------------------------------------------------------------


def test_undo_puts_the_data_back_byte_for_byte_and_removes_the_archive(minimal, capsys):
    before = snapshot(minimal.dir)
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    code, out, err = undo(minimal, capsys)
    assert (code, err) == (0, "")
    assert snapshot(minimal.dir) == before
    assert out == ("Put back services.yaml, prices.yaml, schools.yaml, site.yaml in data/ as they were before make "
                   "new-year (financial_year: 2008/09).\nRemoved data/archive/2008-09/, the archive that new year "
                   "made (a copy of the data now back in data/).\n")
    assert undo(minimal, capsys)[0] == 1  # once only
    assert new_year(minimal, "2009/10", capsys)[0] == 0  # and the year can start again


def test_undo_keeps_the_edits_made_since_the_new_year(minimal, capsys):
    before = snapshot(minimal.dir)
    assert new_year(minimal, "2009/10", capsys)[0] == 0
    minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: 875}")
    edited = minimal.text("prices.yaml")
    code, out, err = undo(minimal, capsys)
    assert (code, err) == (0, "")
    assert snapshot(minimal.dir)["prices.yaml"] == before["prices.yaml"]
    kept = [path for path in (minimal.dir.parent / ".undo").iterdir() if path.name.startswith("new-year-edits-")]
    assert len(kept) == 1 and (kept[0] / "prices.yaml").read_text(encoding="utf-8") == edited
    assert out.splitlines()[0] == f"Your edits since the new year are kept in {kept[0]}/ (prices.yaml)."


def test_undo_with_nothing_to_undo_says_so(minimal, capsys):
    code, out, err = undo(minimal, capsys)
    assert (code, out) == (1, "")
    assert err.startswith("Nothing undone: there is no new year to undo: ")
