"""Problems found in the data files, reported to officers as `file:line: path: message`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]
"""A key path into a data file: mapping keys are strings, list positions are ints."""

MAX_SHOWN = 50
"""At most this many problems are listed; the rest are counted ("... and 12 more problems")."""
QUOTED_LENGTH = 60
"""A value quoted in a message is cut to this many characters, ending with "…"."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file, pinned to the line where it is."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when the data files cannot be used; carries every problem found."""

    def __init__(self, problems: Sequence[Problem], references_checked: bool = True):
        self.problems = sorted(set(problems))
        self.references_checked = references_checked
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the data files; nothing was built:"]
        lines += [str(problem) for problem in self.problems[:MAX_SHOWN]]
        if count > MAX_SHOWN:
            lines.append(more_problems(count - MAX_SHOWN))
        if not self.references_checked:
            lines.append("References between entries (tiers, codes, ids) are checked once these are fixed.")
        return "\n".join(lines)


def more_problems(count: int) -> str:
    """The line that stands for the problems not listed."""
    return f"... and {count} more {'problem' if count == 1 else 'problems'}"


def shorten(text: str, limit: int = QUOTED_LENGTH) -> str:
    """`text` as quoted in a message, cut to `limit` characters ending with "…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_path(path: Path, notes: Mapping[int, str] | None = None) -> str:
    """Write a key path the way an officer reads it: `phases[0].tiers[2].name`.

    `notes` adds words in brackets after some parts, by their position in `path`:
    `phases[0].tiers[2] (the 3rd: gold).name`.
    """
    text = ""
    for position, part in enumerate(path):
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
        if notes and position in notes:
            text += f" ({notes[position]})"
    return text


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_PRICE_AS_PRINTED = re.compile(r"£\s*\d+(?:\.\d+)?|£?\s*\d{1,3}(?:,\s*\d{3})+(?:\.\d+)?")


def price_fix(written: str) -> str | None:
    """How to write a price typed as it is printed (`£1,090`, `1,090`, `£1090`), or None if it is not one."""
    if not _PRICE_AS_PRINTED.fullmatch(written.strip()):
        return None
    plain = re.sub(r"[£,\s]", "", written)
    return f"write prices without £ or commas: {plain}"


def one_of(values: Sequence[object], given: str | None = None) -> str:
    """The `(valid: …)` tail of a message; long lists show the closest matches to `given`."""
    shown = [str(value) for value in values]
    if not shown:
        return "(valid: none defined)"
    if len(shown) <= 12 or given is None:
        return f"(valid: {', '.join(shown)})"
    near = difflib.get_close_matches(given, shown, n=5, cutoff=0.4)
    hint = f"closest: {', '.join(near)}" if near else f"e.g. {', '.join(shown[:5])}"
    return f"(valid: one of {len(shown)} values, {hint})"
