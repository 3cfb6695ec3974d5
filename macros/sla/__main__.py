"""Command line for officers and `make`: `python -m macros.sla check` and `... schema`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .load import FILES, load
from .problems import DataError

PROJECT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.sla", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate data/services.yaml and data/prices.yaml")
    check.add_argument("data_dir", nargs="?", type=Path, default=PROJECT / "data")
    schema = commands.add_parser("schema", help="write the JSON Schema of each data file")
    schema.add_argument("out_dir", nargs="?", type=Path, default=PROJECT / "data" / "schema")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.data_dir)
    return _schema(args.out_dir)


def _check(data_dir: Path) -> int:
    try:
        catalog = load(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    services = catalog.services
    rows = sum(len(group.rows) for group in services.matrix.groups)
    print(f"{data_dir.name}/services.yaml and {data_dir.name}/prices.yaml are valid: "
          f"{len(catalog.sections)} sections, {len(catalog.numbered)} clauses, "
          f"{sum(len(phase.tiers) for phase in services.phases)} tiers, {rows} matrix rows, "
          f"prices for {catalog.prices.financial_year}.")
    return 0


def schema_text(name: str) -> str:
    """The JSON Schema of one data file, as written to data/schema/."""
    return json.dumps(FILES[name].model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _schema(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        target = out_dir / name.replace(".yaml", ".schema.json")
        target.write_text(schema_text(name), encoding="utf-8")
        print(f"wrote {target.relative_to(PROJECT) if target.is_relative_to(PROJECT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
