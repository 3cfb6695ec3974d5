"""Problems found in the data files, reported to officers as `file:line: path: message`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

Path = tuple[str | int, ...]
"""A key path into a data file: mapping keys are strings, list positions are ints."""


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
        lines += [str(problem) for problem in self.problems]
        if not self.references_checked:
            lines.append("References between entries (tiers, codes, ids) are checked once these are fixed.")
        return "\n".join(lines)


def format_path(path: Path) -> str:
    """Write a key path the way an officer reads it: `phases[0].tiers[2].name`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


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
