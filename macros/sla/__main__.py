"""Command line for officers and `make`: `python -m macros.sla check`, `... schema`, `... new-year 2009/10` and
`... deadline --raised "2026-12-24 16:45" --priority 3`, `... reviewed` (and `... reviewed --undo`),
`... free-port 127.0.0.1:8000`, which `make serve` runs first, `... site` (`make site`; `--offline` for
`make site-offline`), and `... publish` and `... rollback` (`make publish DEST=...`, `make rollback DEST=...`)."""

from __future__ import annotations

import argparse
import datetime
import errno
import json
import os
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from . import deadline_answers, deadlines, lock, newyear, publish, review
from .archive import Archive, latest_archive
from .catalog import Catalog
from .load import FILES, load, unexpected
from .problems import DataError

PROJECT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.sla", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data files (services, prices, schools, site)")
    check.add_argument("data_dir", nargs="?", type=Path, default=PROJECT / "data")
    schema = commands.add_parser("schema", help="write the JSON Schema and the reference of the data files")
    schema.add_argument("out_dir", nargs="?", type=Path, default=PROJECT / "data" / "schema")
    year = commands.add_parser("new-year", help="archive this year's data and start the next financial year")
    year.add_argument("year", nargs="?", help="the new financial year, e.g. 2009/10 (default: $YEAR, as make "
                      "passes it, never through the shell)")
    year.add_argument("--yes", action="store_true", help="do not ask to confirm (default: $CONFIRM=yes)")
    year.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    undo_year = commands.add_parser("undo-new-year", help="put the data back as it was before the last new year")
    undo_year.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    deadline = commands.add_parser("deadline", help="when a call must receive attention, and its update dates")
    deadline.add_argument("--raised", help="when the call was logged: YYYY-MM-DD HH:MM, e.g. '2026-12-24 16:45'")
    deadline.add_argument("--priority", help="its priority: a number (1 to 6) or a name, e.g. 3 or medium")
    deadline.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    reviewed = commands.add_parser("reviewed", help="record that an officer has reviewed the data as it is now")
    reviewed.add_argument("--undo", action="store_true", help="put back site.yaml as it was before")
    reviewed.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    site = commands.add_parser("site", help="check the data and build site/ (a failed build leaves it as it was)")
    site.add_argument("--offline", action="store_true", help="build site-offline/, the copy that works opened "
                      "from a folder")
    for name, text in (("publish", "check the data, build a new release into DEST/releases/ and make it live"),
                       ("rollback", "make the release before the live one live again")):
        command = commands.add_parser(name, help=text)
        command.add_argument("dest", nargs="?", help="the folder the web server serves the site from (default: "
                             "$DEST, as make passes it, never through the shell)")
    free = commands.add_parser("free-port", help="say in one line if the preview's address is taken")
    free.add_argument("host", help="address:port, e.g. 127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "free-port":
        return _free_port(args.host)
    if args.command == "reviewed":
        return _reviewed(args.data_dir, args.undo)
    if args.command == "deadline":
        return _deadline(args.data_dir, args.raised, args.priority)
    if args.command == "check":
        return _check(args.data_dir)
    if args.command == "new-year":
        return _locked(args.data_dir.parent, "make new-year", lambda: _new_year(
            args.data_dir, args.year if args.year is not None else os.environ.get("YEAR", ""),
            args.yes or os.environ.get("CONFIRM", "").strip().lower() == "yes"))
    if args.command == "undo-new-year":
        return _locked(args.data_dir.parent, "make undo-new-year", lambda: _undo_new_year(args.data_dir))
    if args.command == "site":
        return _locked(PROJECT, f"make {publish.OFFLINE if args.offline else publish.SITE}",
                       lambda: _site(args.offline))
    if args.command in ("publish", "rollback"):
        dest_text = args.dest if args.dest is not None else os.environ.get("DEST", "")
        if not dest_text.strip():
            print(f"Give the folder the web server serves the site from: make {args.command} "
                  "DEST=/srv/intranet/ict-services", file=sys.stderr)
            return 2
        dest = Path(dest_text).absolute()
        if args.command == "publish":
            return _locked(PROJECT, "make publish", lambda: _publish(dest))
        return _locked(PROJECT, "make rollback", lambda: _rollback(dest))
    return _schema(args.out_dir)


def _locked(folder: Path, command: str, run: Callable[[], int]) -> int:
    """`run()` while holding the lock of the project in `folder`; if another command holds it too long, say which."""
    try:
        with lock.held(folder, command):
            return run()
    except lock.Busy as busy:
        print(f"Not started: {busy}", file=sys.stderr)
        return 1


def _site(offline: bool) -> int:
    """`make site` (`make site-offline`): build, then swap into place; a failed build leaves the folder as it was."""
    name = publish.OFFLINE if offline else publish.SITE
    try:
        publish.build_site(PROJECT, offline)
    except publish.Refused as refused:
        print(f"Not built: {refused}", file=sys.stderr)
        return 1
    except publish.BuildFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Build failed: {error.strerror or error} ({error.filename}); {name}/ is unchanged. Free the space "
              f"or fix the cause, then run make {name} again.", file=sys.stderr)
        return 1
    if offline:
        print(f"Built {name}/ - copy the folder anywhere and open index.html.")
    else:
        print(f"Built {name}/ - open {name}/index.html through a web server, or run 'make serve'.")
    return 0


def _publish(dest: Path) -> int:
    """`make publish`: check the data, build a release, make it live, say what is live and how to go back."""
    data_dir = PROJECT / "data"
    checked = _checked(data_dir)
    if checked is None:
        print(f"Nothing published: fix the data first. {dest} is unchanged.", file=sys.stderr)
        return 1
    catalog, _ = checked
    unchanged = f"{dest} is unchanged"
    try:
        before = publish.live(dest)
        if before is not None:
            unchanged += f" ({before.name} is still live)"
        done = publish.publish(PROJECT, dest, catalog.prices.financial_year)
    except publish.Refused as refused:
        print(f"Nothing published: {refused}", file=sys.stderr)
        return 1
    except publish.BuildFailed as failed:
        print(f"Publish failed: {failed}; {unchanged}.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Publish failed: {error.strerror or error} ({error.filename}); {unchanged}. Free the space or fix "
              f"the cause, then run make publish again.", file=sys.stderr)
        return 1
    for name in done.tidied:
        print(f"Removed {name}, left by an interrupted publish.")
    print(f"Published {done.release.name} ({done.release.year}) to {done.release.path}/.")
    _say_live(dest, done.release)
    if done.removed:
        print(f"Removed the oldest releases, keeping the last {publish.KEEP}: {', '.join(done.removed)}.")
    for problem in done.problems:
        print(f"Warning: {problem}; the new release is live all the same.", file=sys.stderr)
    if done.before is not None:
        print(f"To go back to {done.before.name}: make rollback DEST={shlex.quote(str(dest))}")
    return 0


def _rollback(dest: Path) -> int:
    """`make rollback`: the release before the live one becomes live."""
    try:
        now, was = publish.rollback(dest)
    except publish.Refused as refused:
        print(f"Nothing rolled back: {refused}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Nothing rolled back: {error.strerror or error} ({error.filename}).", file=sys.stderr)
        return 1
    print(f"Rolled back from {was.name} to {now.name} ({now.year}); {was.name} is kept in {dest / publish.RELEASES}"
          " until later publishes remove it.")
    _say_live(dest, now)
    return 0


def _say_live(dest: Path, release: publish.Release) -> None:
    print(f"Live now: {release.name} ({release.year}). The web server serves {dest / publish.CURRENT / publish.SITE}"
          f"; the copy to open from a shared drive is {dest / publish.CURRENT / publish.OFFLINE}.")


def _deadline(data_dir: Path, raised_text: str | None, priority_text: str | None) -> int:
    """Print the deadline (or 'no deadline') first, then the rest; bad input is one line on stderr, exit 2."""
    if raised_text is None or priority_text is None:
        missing = " and ".join(name for name, value in (("--raised", raised_text), ("--priority", priority_text))
                               if value is None)
        print(f"error: give {missing}, e.g. deadline --raised '2026-12-24 16:45' --priority 3", file=sys.stderr)
        return 2
    try:
        standards = load(data_dir).services.response_standards
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        raised = deadlines.parse_raised(raised_text)
        level = deadlines.parse_priority(standards, priority_text)
        lines = deadline_answers.command_lines(standards, deadlines.full_calendar(standards), raised, level)
    except deadlines.DeadlineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (ValueError, OverflowError) as error:  # a date the calendar cannot count to: one line, no traceback
        print(f"error: cannot work out a deadline for {raised_text}: {error}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _free_port(host: str) -> int:
    """0 if the preview can listen at `host` (address:port); else one line on stderr saying what to run."""
    address, _, port_text = host.rpartition(":")
    if not address or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        print(f"'{host}' is not an address and port, e.g. 127.0.0.1:8000: run make serve PORT=8001",
              file=sys.stderr)
        return 2
    port = int(port_text)
    with socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the preview's server does
        try:
            probe.bind((address.strip("[]"), port))
        except OSError as error:
            taken = error.errno == errno.EADDRINUSE
            print(f"Port {port} is in use (another preview?): run make serve PORT={port + 1}" if taken else
                  f"Cannot listen at {host} ({error.strerror}): run make serve PORT={port + 1}", file=sys.stderr)
            return 1
    return 0


def _checked(data_dir: Path) -> tuple[Catalog, Archive | None] | None:
    """The data and its latest archive, checked as the build checks them; None once the problems are printed."""
    try:
        catalog = load(data_dir)
        archive = latest_archive(data_dir, catalog)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return None
    except Exception as error:  # a slip no check foresaw: the officer reads one problem, not a traceback
        print(DataError([unexpected(f"{data_dir.name}/", error)]).report(), file=sys.stderr)
        return None
    return catalog, archive


def _check(data_dir: Path) -> int:
    checked = _checked(data_dir)
    if checked is None:
        return 1
    catalog, archive = checked
    services = catalog.services
    rows = sum(len(group.rows) for matrix in services.matrices for group in matrix.groups)
    print(f"The data in {data_dir.name}/ is valid: {len(catalog.sections)} sections, "
          f"{len(catalog.numbered)} clauses, {sum(len(phase.tiers) for phase in services.phases)} tiers, "
          f"{rows} matrix rows, prices for {catalog.prices.financial_year}, {len(catalog.schools)} schools.")
    if archive is not None:
        print(f"Changes are shown against {data_dir.name}/archive/{archive.name}/ ({archive.year}), which is also "
              "valid.")
    for warning in catalog.warnings + newyear.year_warnings(data_dir, catalog, archive):
        print(f"Warning: {warning}")
    return 0


def _new_year(data_dir: Path, year: str, confirmed: bool) -> int:
    """Show what will be done, ask to confirm (unless `confirmed`), then do it."""
    if not year.strip():
        print("Give the new financial year: make new-year YEAR=2009/10", file=sys.stderr)
        return 2
    try:
        chosen = newyear.plan(data_dir, year.strip())
    except newyear.Refused as refused:
        print(f"New year not started: {refused}", file=sys.stderr)
        return 1
    print(f"make new-year will start {chosen.year}:")
    for line in chosen.describe():
        print(f"- {line}")
    if not confirmed:
        try:
            answer = input(f"Start {chosen.year}? Type yes and press Enter: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() != "yes":
            print("New year not started: it was not confirmed (type yes; in a script, add CONFIRM=yes). Nothing "
                  "was changed.", file=sys.stderr)
            return 1
    try:
        started = newyear.carry_out(chosen)
    except OSError as error:
        print(f"New year not finished: {error.strerror or error} ({error.filename}). Your data in "
              f"{data_dir.name}/ is as it was, or the archive is made and the year not yet set; free the space "
              "or fix the cause, then run the same command again to finish.", file=sys.stderr)
        return 1
    archived = ", ".join(sorted(path.name for path in started.archive.iterdir()))
    print(f"Archived {archived} to {started.archive}/.")
    print(f"Set financial_year to {started.year} in {data_dir / 'prices.yaml'} (it was {started.previous}).")
    print("Nothing else needed moving: the dates shown for a financial year are worked out from it.")
    print(f"The page 'What has changed since {started.previous}' now compares the data with the archive.")
    print("Now review:")
    for item in started.to_review:
        print(f"- {item}")
    print("To go back: make undo-new-year.")
    return 0


def _undo_new_year(data_dir: Path) -> int:
    try:
        print(newyear.undo(data_dir))
    except newyear.Refused as refused:
        print(f"Nothing undone: {refused}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Undo not finished: {error.strerror or error} ({error.filename}); fix the cause, then run make "
              "undo-new-year again to finish.", file=sys.stderr)
        return 1
    return 0


def _reviewed(data_dir: Path, undo: bool) -> int:
    """Record today's review of the data as they are (valid data only), or undo the last record."""
    try:
        if undo:
            review.undo_reviewed(data_dir)
            print(f"Put back {data_dir.name}/site.yaml as it was before `make reviewed`.")
            return 0
        catalog = load(data_dir)
        today = datetime.date.today()
        saved = review.mark_reviewed(data_dir, catalog.fingerprints, today)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print("Review not recorded: fix the data first.", file=sys.stderr)
        return 1
    except review.Refused as refused:
        print(f"Review not recorded: {refused}", file=sys.stderr)
        return 1
    print(f"Recorded the review of {today.isoformat()} in {data_dir.name}/site.yaml (review: last_reviewed and "
          "reviewed_data). Every page now says 'Last reviewed' until a data file changes.")
    print(f"The previous site.yaml is kept as {saved}; `make undo-reviewed` puts it back.")
    return 0


def schema_text(name: str) -> str:
    """The JSON Schema of one data file, as written to data/schema/."""
    return json.dumps(FILES[name].model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def reference_text() -> str:
    """A Markdown reference of every key of the data files, from the models' descriptions."""
    lines = ["# Data reference", "",
             "Generated from the models by `make schema`; do not edit by hand. Each heading is a kind of",
             "entry; its keys are listed with whether they are required and what they hold.", ""]
    seen: set[str] = set()
    for name, model in FILES.items():
        lines += [f"## {name}", ""]
        queue: list[type[BaseModel]] = [model]
        while queue:
            current = queue.pop(0)
            if current.__name__ in seen:
                continue
            seen.add(current.__name__)
            lines += [f"### {current.__name__}", "", (current.__doc__ or "").strip(), "",
                      "| key | required | meaning |", "| --- | --- | --- |"]
            for field_name, info in current.model_fields.items():
                required = "yes" if info.is_required() else "no"
                lines.append(f"| `{field_name}` | {required} | {info.description} |")
                queue += [inner for inner in _models_in(info.annotation) if inner.__name__ not in seen]
            lines.append("")
    return "\n".join(lines)


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _schema(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {name.replace(".yaml", ".schema.json"): schema_text(name) for name in FILES}
    outputs["reference.md"] = reference_text()
    for file_name, text in outputs.items():
        target = out_dir / file_name
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(PROJECT) if target.is_relative_to(PROJECT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
