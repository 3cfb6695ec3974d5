"""Last year's data: the latest archive under `data/archive/`, for the page of what has changed.

An archive is a folder `data/archive/<YYYY-YY>/` (the financial year, `/` written `-`, e.g. `2008-09`)
holding copies of `services.yaml`, `prices.yaml`, `site.yaml` and, if there was one, `schools.yaml`, as
`make new-year` leaves them. The latest archive is the one whose name sorts last; folders with other names
are not archives and are left alone.

An archive is loaded with the same `load` as the current data, strictly. It is a copy of data that was
valid when it was made, so it loads as long as the models accept what they accepted then. A model change
that would refuse old data (a new required key, a key renamed) must either give the new key a default or
update the archives in `data/archive/` in the same change; `tests/test_archive.py` loads every archive
of the project, so `make test` catches the change before an officer does. Should an archive still fail to
load, the build stops with `ArchiveError`: each problem as `data/archive/2008-09/services.yaml:12: ...`,
and what to do about it. Loading archives leniently instead would let a comparison silently miss whatever
the lenient reading dropped.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .catalog import Catalog
from .load import load_cached
from .problems import DataError, Problem
from .yamlfile import read_yaml

ARCHIVE = "archive"
"""The folder of the archives, inside the data folder."""
ARCHIVE_NAME = re.compile(r"^\d{4}-\d{2}$")
CHECKSUMS = "SHA256SUMS"
"""In each archive made by `make new-year`: the SHA-256 checksum of each archived file (as `sha256sum` writes
them), which every load of the archive verifies. Archives made before there were checksums have none."""
SCHEMA_LINE = "$schema=schema/"


def archived_text(text: str, name: str, year: str, today: datetime.date) -> str:
    """A data file's text as archived: a first-line note that it is an archived copy not to be edited, and the
    editor's schema line pointing from the archive's folder to data/schema/."""
    note = (f"# ARCHIVED COPY of data/{name} for {year}, made by make new-year on {today.isoformat()}. Do not edit:\n"
            f"# make check verifies it against {CHECKSUMS}. This year's data is in data/{name}.\n")
    return note + text.replace(SCHEMA_LINE, "$schema=../../schema/", 1)


def verify_archive(folder: Path, data_dir: Path) -> list[Problem]:
    """A problem for each archived file that is missing or changed since it was archived (checked against
    `CHECKSUMS`); none for an archive made before there were checksums."""
    sums = folder / CHECKSUMS
    if not sums.is_file():
        return []
    shown = f"{data_dir.name}/{ARCHIVE}/{folder.name}"
    problems = []
    listed = {}
    for line in sums.read_text(encoding="utf-8", errors="replace").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    for name, digest in listed.items():
        path = folder / name
        if not path.is_file():
            problems.append(Problem(f"{shown}/{name}", 1, "", f"this archived file is missing; {CHECKSUMS} lists "
                                    "it. Put it back as it was (with git: git checkout -- "
                                    f"{shown}/{name})"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(Problem(f"{shown}/{name}", 1, "", (
                f"this archived copy has been changed since make new-year archived it (its checksum is not the "
                f"one in {CHECKSUMS}). An archive keeps last year as it was, for the page 'What has changed': "
                f"put the file back as it was (with git: git checkout -- {shown}/{name}); this year's changes "
                f"belong in {data_dir.name}/{name}")))
    return problems


@dataclass(frozen=True)
class Archive:
    """A year's data as it was archived."""

    name: str
    """The folder's name, e.g. '2008-09'."""
    catalog: Catalog

    @property
    def year(self) -> str:
        """The financial year, e.g. '2008/09'."""
        return self.catalog.prices.financial_year


class ArchiveError(DataError):
    """An archive that cannot be compared: every problem, named by the archive's file and line."""

    def __init__(self, folder: str, problems: list[Problem], references_checked: bool = True):
        self.folder = folder
        super().__init__(problems, references_checked)

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in {self.folder}, last year's data, which the page 'What has changed' compares "
                 "with; nothing was built:"]
        lines += [str(problem) for problem in self.problems]
        lines.append(f"{self.folder} is a copy of the data files as they were when the year was archived. Fix "
                     "each line above in that copy (a key the site now requires: copy it from the same place in "
                     f"data/), or, to compare with no earlier year, move {self.folder} out of data/archive/.")
        return "\n".join(lines)


class ArchiveChanged(ArchiveError):
    """An archive whose files are not those `make new-year` wrote."""

    def report(self) -> str:
        count = len(self.problems)
        noun = "file" if count == 1 else "files"
        lines = [f"{count} archived {noun} in {self.folder} changed since they were archived; nothing was built:"]
        return "\n".join(lines + [str(problem) for problem in self.problems])


def archive_folders(data_dir: Path) -> list[Path]:
    """Every archive under `data_dir`, oldest first."""
    folder = data_dir / ARCHIVE
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_dir() and ARCHIVE_NAME.match(path.name))


def latest_archive(data_dir: Path, current: Catalog | None = None) -> Archive | None:
    """The latest archive of the data in `data_dir`, loaded and checked; None when there is none. With
    `current` (this year's data), the archive must be of an earlier year. Raises ArchiveError."""
    folders = archive_folders(data_dir)
    return load_archive(folders[-1], data_dir, current) if folders else None


def load_archive(folder: Path, data_dir: Path, current: Catalog | None = None) -> Archive:
    """One archive (a folder of `archive_folders`), loaded like the current data. Raises ArchiveError."""
    shown = f"{data_dir.name}/{ARCHIVE}/{folder.name}"
    changed = verify_archive(folder, data_dir)
    if changed:
        raise ArchiveChanged(shown, changed)
    try:
        catalog = load_cached(folder)
    except DataError as error:
        raise ArchiveError(shown, [replace(problem, file=f"{data_dir.name}/{ARCHIVE}/{problem.file}")
                                   for problem in error.problems], error.references_checked) from None
    year = catalog.prices.financial_year
    expected = folder.name.replace("-", "/")
    message = None
    if year != expected:
        message = (f"'{year}' is not the year of the archive's folder, {folder.name} (valid: {expected}; the "
                   "folder is named after the year, with '-' for '/')")
    elif current is not None and year >= current.prices.financial_year:
        message = (f"the archive is for {year}, not for a year before {current.prices.financial_year}, the year "
                   f"of {data_dir.name}/prices.yaml; an archive keeps a year that has ended")
        if year == current.prices.financial_year:
            message += ("; if make new-year was interrupted, run it again to finish it, or run make undo-new-year "
                        "to go back")
    if message:
        prices = read_yaml(folder / "prices.yaml", f"{shown}/prices.yaml")
        raise ArchiveError(shown, [prices.problem(("financial_year",), message)])
    return Archive(folder.name, catalog)
