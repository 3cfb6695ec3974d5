"""Start a new financial year, or undo it: archive this year's data, set the new year, say what to review.

`make new-year YEAR=2009/10` (`python -m macros.sla new-year 2009/10`) first checks the data and the year and
shows what it will do; once the officer confirms, it

1. keeps the data files as they are in `.undo/new-year/` (beside the data folder), for `make undo-new-year`;
2. writes the archive into `data/archive/.2008-09.partial/` and renames it to `data/archive/2008-09/`: each file
   is a copy with a first-line note that it is archived and not to be edited, written read-only, and
   `SHA256SUMS` records each file's checksum, which `make check` and every build verify (`archive.py`);
3. writes the new `prices.yaml` beside the old one and renames it into place.

Every write is a new file renamed into place, so an interruption (a killed process, a full disk) leaves the
data as it was, or the archive made and the year not yet set. Running the same command again finishes: it
removes what a half-made step left (a `.partial` folder, a `.new` file) and, when the archive is already made
and matches the data, only sets the year. It refuses, changing nothing, a year that does not follow the
current one, data that does not pass `make check`, a year that has already been started, and a second new
year with no edit since the first (which would archive a year that was never used).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .archive import ARCHIVE, CHECKSUMS, Archive, archive_folders, archived_text, verify_archive
from .catalog import Catalog
from .files import write_new
from .load import FILES, load
from .problems import DataError, Problem
from .yamlfile import read_yaml

YEAR = re.compile(r"^(\d{4})/(\d{2})$")
FINANCIAL_YEAR_LINE = re.compile(r"^financial_year:[ \t]*\S+[ \t]*$", re.M)
DATED = re.compile(r"\b(?:19|20)\d\d\b")
UNDO = Path(".undo") / "new-year"
"""Where the data files are kept as they were before the last new year, beside the data folder."""
RECORD = "record.json"
PARTIAL = ".partial"


class Refused(Exception):
    """The new year was not started (or not undone); the message says why, and what was changed, if anything."""


@dataclass(frozen=True)
class Plan:
    """What `carry_out` will do, once the officer has confirmed it."""

    data_dir: Path
    previous: str
    year: str
    files: list[str]
    """The data files to archive, by name."""
    archive: Path
    archive_made: bool
    """The archive was made by an interrupted run: only the year is left to set."""
    year_line: int
    tidied: tuple[str, ...] = ()
    """What an interrupted run had left half-made, and `plan` removed."""

    def describe(self) -> list[str]:
        """What will be done, in the officer's words, one line each."""
        data = self.data_dir.name
        lines = [f"Removed {leftover}, left half-made by an interrupted run (your data was not changed by it)."
                 for leftover in self.tidied]
        lines += [f"Finishing the new year that was interrupted: {data}/{ARCHIVE}/{self.archive.name}/ was already "
                 f"made and matches the data."] if self.archive_made else [
            f"Archive {self.previous}: copy {', '.join(self.files)} to {data}/{ARCHIVE}/{self.archive.name}/ "
            "(read-only copies, with their checksums)."]
        lines.append(f"Set financial_year: {self.year} in {data}/prices.yaml (line {self.year_line}; it is "
                     f"{self.previous}).")
        lines.append("Keep the data as it is now, so that `make undo-new-year` can put it back.")
        return lines


@dataclass(frozen=True)
class NewYear:
    """What `carry_out` did, and what the officer must now review."""

    archive: Path
    previous: str
    year: str
    to_review: list[str]


def archive_name(financial_year: str) -> str:
    """'2008/09' as the folder name '2008-09'."""
    return financial_year.replace("/", "-")


def following(financial_year: str) -> str:
    """The financial year after '2008/09': '2009/10'."""
    first = int(financial_year[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}"


def plan(data_dir: Path, year: str) -> Plan:
    """Check that `year` can start now; raise Refused, changing nothing but leftovers of an interrupted run."""
    try:
        catalog = load(data_dir)
    except DataError as error:
        raise Refused("the data has problems; fix them first (make check lists them), then start the new "
                      "year:\n" + "\n".join(str(problem) for problem in error.problems)) from None
    current = catalog.prices.financial_year
    if not YEAR.match(year):
        raise Refused(f"'{_short(year)}' is not a financial year; write it as {following(current)} (four digits, "
                      "a slash, two digits)")
    folders = archive_folders(data_dir)
    latest = folders[-1] if folders else None
    if year == current:
        where = f" and {latest.name.replace('-', '/')} is archived in {_shown(latest)}/" if latest else ""
        raise Refused(f"{year} has already been started: financial_year in {data_dir.name}/prices.yaml is "
                      f"{year}{where}. Nothing was changed.")
    if year != following(current):
        raise Refused(f"{year} does not follow the current financial year {current}; the next one is "
                      f"{following(current)}")
    tidied = _tidy(data_dir)
    archive = data_dir / ARCHIVE / archive_name(current)
    made = archive.exists()
    if made:
        problems = verify_archive(archive, data_dir)
        if problems or not _same_data(archive, data_dir, ignore_year=False):
            raise Refused(
                f"{_shown(archive)}/ already holds {current}, archived before, and it does not match the data in "
                f"{data_dir.name}/ (financial_year there is still {current}). Nothing was changed. If you started "
                f"{year} and then set financial_year back to {current} by hand, set it to {year} again: the "
                f"archive is last year's data for {year}. If an undo was interrupted, run make undo-new-year "
                "again to finish it.")
    elif latest is not None and not verify_archive(latest, data_dir) and _same_data(latest, data_dir,
                                                                                      ignore_year=True):
        raise Refused(
            f"{current} was started by make new-year and no data file has changed since: its prices, clauses "
            f"and schools are still {latest.name.replace('-', '/')}'s, as archived in {_shown(latest)}/. Starting "
            f"{year} now would archive {current} before it has been used. Nothing was changed. Start {year} when "
            f"{current} has ended, after its edits; to go back to {latest.name.replace('-', '/')}, run make "
            "undo-new-year.")
    text = (data_dir / "prices.yaml").read_text(encoding="utf-8")
    found = list(FINANCIAL_YEAR_LINE.finditer(text))
    if len(found) != 1:
        raise Refused(f"{data_dir / 'prices.yaml'} must have one line 'financial_year: {current}' at the start of "
                      "a line, to change")
    files = [name for name in FILES if (data_dir / name).exists()]
    return Plan(data_dir, current, year, files, archive, made, text[:found[0].start()].count("\n") + 1,
                tuple(tidied))


def carry_out(chosen: Plan, today: datetime.date | None = None) -> NewYear:
    """Do what `chosen` describes (see the module's docstring for the order of the writes)."""
    data_dir = chosen.data_dir
    prices = data_dir / "prices.yaml"
    text = prices.read_text(encoding="utf-8")
    new_text = FINANCIAL_YEAR_LINE.sub(f"financial_year: {chosen.year}", text)
    if not chosen.archive_made:
        _keep_for_undo(chosen, {name: (data_dir / name).read_bytes() for name in chosen.files},
                       hashlib.sha256(new_text.encode("utf-8")).hexdigest())
        partial = chosen.archive.with_name(f".{chosen.archive.name}{PARTIAL}")
        partial.mkdir(parents=True)
        sums = []
        for name in chosen.files:
            content = archived_text((data_dir / name).read_text(encoding="utf-8"), name, chosen.previous,
                                    today or datetime.date.today())
            _write_bytes(partial / name, content.encode("utf-8"))
            (partial / name).chmod(0o444)
            sums.append(f"{hashlib.sha256(content.encode('utf-8')).hexdigest()}  {name}\n")
        _write_bytes(partial / CHECKSUMS, "".join(sums).encode("utf-8"))
        (partial / CHECKSUMS).chmod(0o444)
        _rename(partial, chosen.archive)
    _replace(prices, new_text.encode("utf-8"))
    return NewYear(chosen.archive, chosen.previous, chosen.year, to_review(data_dir, chosen.previous))


def undo(data_dir: Path) -> str:
    """Put the data files back as they were before the last new year, byte for byte, and remove its archive.
    Files edited since are kept in `.undo/` (named in the answer), not lost. Returns what was done."""
    kept = data_dir.parent / UNDO
    try:
        record = json.loads((kept / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise Refused(f"there is no new year to undo: {kept}/ holds no record of one (make new-year keeps it "
                      "there, on the computer where it was run)") from None
    archive = data_dir / ARCHIVE / record["archive"]
    edited = []
    for name in record["files"]:
        current = data_dir / name
        content = current.read_bytes() if current.exists() else None
        if content is not None and content != (kept / name).read_bytes() and \
                hashlib.sha256(content).hexdigest() != record["left"].get(name):
            edited.append(name)
    said = []
    if edited:
        stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M%S")
        edits = kept.parent / f"new-year-edits-{stamp}"
        edits.mkdir(parents=True)
        for name in edited:
            shutil.copy2(data_dir / name, edits / name)
        said.append(f"Your edits since the new year are kept in {edits}/ ({', '.join(edited)}).")
    for name in record["files"]:
        _replace(data_dir / name, (kept / name).read_bytes())
    said.append(f"Put back {', '.join(record['files'])} in {data_dir.name}/ as they were before make new-year "
                f"(financial_year: {record['previous']}).")
    if archive.exists():
        removed = archive.with_name(f".{archive.name}.removed")
        _rename(archive, removed)
        shutil.rmtree(removed)
        if not any(archive.parent.iterdir()):
            archive.parent.rmdir()
        said.append(f"Removed {_shown(archive)}/, the archive that new year made (a copy of the data now back in "
                    f"{data_dir.name}/).")
    shutil.rmtree(kept)
    return "\n".join(said)


def to_review(data_dir: Path, previous: str) -> list[str]:
    """What an officer must look at for the new year: the prices, the review dates, and each line that
    names a year (`file:line: text`)."""
    items = [
        "prices.yaml: every price (the Capita top-up prices, package prices and service prices) is still "
        f"last year's ({previous}); change those that changed",
        "site.yaml: review.last_reviewed and review.next_review_due, once the specification and prices are "
        "reviewed; the accessibility statement's dates when it is reviewed",
    ]
    for name in FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if DATED.search(line) and not line.lstrip().startswith(("#", "financial_year:")):
                items.append(f"{path.parent.name}/{name}:{number}: {line.strip()}")
    return items


def year_warnings(data_dir: Path, catalog: Catalog, archive: Archive | None) -> list[Problem]:
    """A warning when financial_year does not follow the latest archive's year: the year changed by hand."""
    if archive is None or catalog.prices.financial_year == following(archive.year):
        return []
    expected = following(archive.year)
    prices = read_yaml(data_dir / "prices.yaml", f"{data_dir.name}/prices.yaml")
    return [prices.problem(("financial_year",), (
        f"is {catalog.prices.financial_year}, but the latest archive is {archive.year}, so {expected} was never "
        f"archived: the year seems to have been changed by hand. Put back 'financial_year: {expected}', then run "
        f"make new-year YEAR={following(expected)}, which archives {expected} first"))]


def _keep_for_undo(chosen: Plan, originals: dict[str, bytes], new_prices: str) -> None:
    """`.undo/new-year/`: the data files as they are, and a record of the new year, written as a new folder
    renamed into place."""
    kept = chosen.data_dir.parent / UNDO
    partial = kept.with_name(kept.name + PARTIAL)
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    for name, content in originals.items():
        _write_bytes(partial / name, content)
    left = {name: hashlib.sha256(content).hexdigest() for name, content in originals.items()}
    left["prices.yaml"] = new_prices
    record = {"archive": chosen.archive.name, "previous": chosen.previous, "year": chosen.year,
              "files": list(originals), "left": left}
    _write_bytes(partial / RECORD, json.dumps(record, indent=2).encode("utf-8"))
    if kept.exists():
        old = kept.with_name(kept.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        _rename(kept, old)
        _rename(partial, kept)
        shutil.rmtree(old)
    else:
        _rename(partial, kept)


def _tidy(data_dir: Path) -> list[str]:
    """Remove what an interrupted run left half-made, never the data nor a finished archive; say what."""
    removed = []
    folder = data_dir / ARCHIVE
    if folder.is_dir():
        for leftover in sorted(folder.iterdir()):
            if leftover.name.startswith(".") and leftover.name.endswith((PARTIAL, ".removed")):
                shutil.rmtree(leftover)
                removed.append(f"{data_dir.name}/{ARCHIVE}/{leftover.name}/")
    stray = data_dir / ".prices.yaml.new"
    if stray.exists():
        stray.unlink()
        removed.append(f"{data_dir.name}/{stray.name}")
    return removed


def _same_data(archive: Path, data_dir: Path, ignore_year: bool) -> bool:
    """The archive holds the same data as `data_dir` (comments aside; with `ignore_year`, financial_year too)."""
    names = {name for name in FILES if (data_dir / name).exists()}
    if names != {name for name in FILES if (archive / name).exists()}:
        return False
    for name in names:
        try:
            ours = read_yaml(data_dir / name, name).data
            theirs = read_yaml(archive / name, name).data
        except DataError:
            return False
        if ignore_year and name == "prices.yaml" and isinstance(ours, dict) and isinstance(theirs, dict):
            ours, theirs = ({key: value for key, value in data.items() if key != "financial_year"}
                            for data in (ours, theirs))
        if ours != theirs:
            return False
    return True


def _shown(folder: Path) -> str:
    """'data/archive/2008-09' for an archive folder."""
    return f"{folder.parent.parent.name}/{ARCHIVE}/{folder.name}"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _write_bytes(path: Path, content: bytes) -> None:
    """Write a new file and make sure it is on disk (the tests fail this to stand for a crash or a full disk)."""
    write_new(path, content)


def _replace(path: Path, content: bytes) -> None:
    """A new file beside `path` renamed over it, as `files.replace_file`, through the two steps the tests fail."""
    temporary = path.with_name(f".{path.name}.new")
    _write_bytes(temporary, content)
    _rename(temporary, path)


def _rename(source: Path, target: Path) -> None:
    """Rename into place, in one step (the tests fail this to stand for a crash)."""
    os.replace(source, target)
