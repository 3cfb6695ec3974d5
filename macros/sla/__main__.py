"""Command line for officers and `make`: `python -m macros.sla check`, `... schema`, `... new-year 2009/10` and
`... deadline --raised "2026-12-24 16:45" --priority 3`, `... reviewed` (and `... reviewed --undo`), and
`... free-port 127.0.0.1:8000`, which `make serve` runs first."""

from __future__ import annotations

import argparse
import datetime
import errno
import json
import os
import socket
import sys
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from . import deadlines, newyear, review
from .archive import latest_archive
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
        return _new_year(args.data_dir, args.year if args.year is not None else os.environ.get("YEAR", ""),
                         args.yes or os.environ.get("CONFIRM", "").strip().lower() == "yes")
    if args.command == "undo-new-year":
        return _undo_new_year(args.data_dir)
    return _schema(args.out_dir)


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
        lines = deadlines.command_lines(standards, deadlines.any_year_calendar(standards, raised.date()), raised,
                                        level)
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


def _check(data_dir: Path) -> int:
    try:
        catalog = load(data_dir)
        archive = latest_archive(data_dir, catalog)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except Exception as error:  # a slip no check foresaw: the officer reads one problem, not a traceback
        print(DataError([unexpected(f"{data_dir.name}/", error)]).report(), file=sys.stderr)
        return 1
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
