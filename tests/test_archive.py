"""Last year's data: the latest archive under data/archive/, loaded like the data, and what a build says when
an archive cannot be compared (file and line, and what to do; never a traceback).

Archives are loaded strictly, with the same models as the data (see macros/sla/archive.py): a model change
that would refuse an archive must come with a default or with the archive updated, and the last test here
loads every archive of the project to catch it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, DataFiles
from macros.sla.__main__ import main
from macros.sla.archive import ArchiveError, archive_folders, latest_archive, load_archive
from macros.sla.changes import compare
from macros.sla.load import load
from macros.sla.newyear import following

pytestmark = pytest.mark.unit


def make_archive(data: Path, name: str, year: str | None = None) -> DataFiles:
    """A copy of the minimal data as data/archive/<name>/, for the financial year `year` (default: the name's)."""
    folder = data / "archive" / name
    shutil.copytree(FIXTURES / "minimal", folder)
    archived = DataFiles(folder)
    archived.edit("prices.yaml", "financial_year: 2008/09", f"financial_year: {year or name.replace('-', '/')}")
    return archived


@pytest.fixture
def data(minimal) -> DataFiles:
    """This year's data: the minimal data set, for 2009/10."""
    minimal.edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2009/10")
    return minimal


def test_no_archive_means_no_earlier_year(data):
    assert latest_archive(data.dir, load(data.dir)) is None


def test_the_latest_archive_is_the_one_whose_name_sorts_last(data):
    make_archive(data.dir, "2007-08")
    make_archive(data.dir, "2008-09")
    (data.dir / "archive" / "notes").mkdir()  # not a year: not an archive
    assert [folder.name for folder in archive_folders(data.dir)] == ["2007-08", "2008-09"]
    archive = latest_archive(data.dir, load(data.dir))
    assert archive is not None
    assert (archive.name, archive.year) == ("2008-09", "2008/09")


def test_an_archive_that_does_not_load_names_its_file_and_line(data):
    archived = make_archive(data.dir, "2008-09")
    line = archived.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: '£850'}")
    with pytest.raises(ArchiveError) as raised:
        latest_archive(data.dir, load(data.dir))
    report = raised.value.report()
    assert report.splitlines() == [
        "1 problem in data/archive/2008-09, last year's data, which the page 'What has changed' compares with; "
        "nothing was built:",
        f"data/archive/2008-09/prices.yaml:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk)"
        ".prices.primary: write prices without £ or commas: 850",
        "data/archive/2008-09 is a copy of the data files as they were when the year was archived. Fix each line "
        "above in that copy (a key the site now requires: copy it from the same place in data/), or, to compare "
        "with no earlier year, move data/archive/2008-09 out of data/archive/."]


def test_an_archive_without_a_key_the_models_now_require(data):
    """What happens if a model gains a required key after an archive was made: the build says where and what."""
    archived = make_archive(data.dir, "2008-09")
    archived.edit("site.yaml", "privacy: No cookies.\n", "")
    with pytest.raises(ArchiveError) as raised:
        latest_archive(data.dir, load(data.dir))
    assert [str(problem) for problem in raised.value.problems] == [
        "data/archive/2008-09/site.yaml:1: missing required key 'privacy'"]
    assert "copy it from the same place in data/" in raised.value.report()


@pytest.mark.parametrize("name, year, message", [
    ("2008-09", "2007/08", "financial_year: '2007/08' is not the year of the archive's folder, 2008-09 (valid: "
                           "2008/09; the folder is named after the year, with '-' for '/')"),
    ("2009-10", None, "financial_year: the archive is for 2009/10, not for a year before 2009/10, the year of "
                      "data/prices.yaml; an archive keeps a year that has ended; if make new-year was interrupted, "
                      "run it again to finish it, or run make undo-new-year to go back"),
])
def test_an_archive_of_the_wrong_year(data, name, year, message):
    archived = make_archive(data.dir, name, year)
    line = archived.text("prices.yaml").splitlines().index(f"financial_year: {year or name.replace('-', '/')}") + 1
    with pytest.raises(ArchiveError) as raised:
        latest_archive(data.dir, load(data.dir))
    assert [str(problem) for problem in raised.value.problems] == [
        f"data/archive/{name}/prices.yaml:{line}: {message}"]


def test_every_archive_of_the_project_loads_with_the_models_of_today():
    data = ROOT / "data"
    folders = archive_folders(data)
    if not folders:  # before the first `make new-year`: nothing to compare with, and the site says so
        assert latest_archive(data, load(data)) is None
        return
    for folder in folders:
        assert load_archive(folder, data).name == folder.name
    latest = latest_archive(data, load(data))
    assert latest is not None and latest.name == folders[-1].name


def test_todays_data_archived_by_make_new_year_loads_as_last_years(tmp_path):
    """The archive the officer's next `make new-year` will make of the project's data loads with these models,
    is last year's data for the new year, and differs from it in nothing but the year."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("archive", "schema"))
    year = load(tmp_path / "data").prices.financial_year
    assert main(["new-year", following(year), "--yes", "--data-dir", str(tmp_path / "data")]) == 0
    current = load(tmp_path / "data")
    archive = latest_archive(tmp_path / "data", current)
    assert archive is not None
    assert (archive.name, archive.year, current.prices.financial_year) == (year.replace("/", "-"), year,
                                                                          following(year))
    changes = compare(archive.catalog, current)
    assert (changes.count, changes.renumbered) == (0, ())
