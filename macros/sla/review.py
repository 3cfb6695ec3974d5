"""What the yearly review vouches for: a fingerprint of each data file as it was reviewed.

The banner on every page says "Last reviewed …" only while every data file is as it was when an officer
reviewed it: `make reviewed` records the date and a fingerprint of each file's data in `review:` of site.yaml;
an edit to any data file afterwards (a summary, a note, a search word, a price) changes its fingerprint, the
banner stops claiming the review and `make check` says which file changed. The fingerprint is of the data, not
the bytes: comments and layout do not count, and site.yaml's own `review:` block is left out.

`mark_reviewed` writes site.yaml as a new file renamed into place, keeping the file it replaces in
`.undo/reviewed/site.yaml` (beside the data folder) for `undo_reviewed`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from .files import replace_file

FILES = ("services.yaml", "prices.yaml", "schools.yaml", "site.yaml")
UNDO = Path(".undo") / "reviewed"


def fingerprint(name: str, data: Any) -> str:
    """A short digest of one file's data; for site.yaml, without its `review:` block."""
    if name == "site.yaml" and isinstance(data, dict):
        data = {key: value for key, value in data.items() if key != "review"}
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def changed_since_review(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """The files whose data differ from what was reviewed, in FILES order; every file when none was recorded."""
    return [name for name in FILES if name in current and recorded.get(name) != current[name]]


class Refused(Exception):
    """`make reviewed` cannot record the review; the message says why and what to do."""


def mark_reviewed(data_dir: Path, current: dict[str, str], today: datetime.date) -> Path:
    """Set `review.last_reviewed` to `today` and `review.reviewed_data` to `current` in site.yaml; return the
    copy of the file it replaced (in .undo/reviewed/ beside the data folder)."""
    site = data_dir / "site.yaml"
    text = site.read_text(encoding="utf-8")
    updated = review_block(text, today, current)
    undo = data_dir.parent / UNDO
    undo.mkdir(parents=True, exist_ok=True)
    _write(undo / "site.yaml", text)
    _write(site, updated)
    return undo / "site.yaml"


def undo_reviewed(data_dir: Path) -> None:
    """Put back the site.yaml that the last `mark_reviewed` replaced."""
    saved = data_dir.parent / UNDO / "site.yaml"
    if not saved.is_file():
        raise Refused("there is no review to undo: `make reviewed` has not been run since the last undo")
    _write(data_dir / "site.yaml", saved.read_text(encoding="utf-8"))
    saved.unlink()


MARKER = "# Written by `make reviewed`; do not edit: a fingerprint of each data file as it was reviewed."


def review_block(text: str, today: datetime.date, current: dict[str, str]) -> str:
    """site.yaml's text with `last_reviewed` and `reviewed_data` of its `review:` block set; nothing else
    changes."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"review:\s*(#.*)?$", line)), None)
    if start is None:
        raise Refused("site.yaml has no `review:` block; add one with last_reviewed and next_review_due "
                      "(see data/README.md), then run `make reviewed` again")
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    recorded = re.compile(r"\s+(reviewed_data:|(services|prices|schools|site)\.yaml:)")
    block = [line for line in lines[start + 1:end]
             if not recorded.match(line) and line.strip() != MARKER]
    indent = next((line[:len(line) - len(line.lstrip())] for line in block if line.strip()), "  ")
    dated = False
    for i, line in enumerate(block):
        if re.match(r"\s+last_reviewed:", line):
            block[i] = f"{indent}last_reviewed: {today.isoformat()}\n"
            dated = True
    if not dated:
        block.insert(0, f"{indent}last_reviewed: {today.isoformat()}\n")
    if block and not block[-1].endswith("\n"):
        block[-1] += "\n"
    digests = ", ".join(f"{name}: {digest}" for name, digest in current.items())
    block += [f"{indent}{MARKER}\n", f"{indent}reviewed_data: {{{digests}}}\n"]
    return "".join(lines[:start + 1] + block + lines[end:])


def _write(path: Path, text: str) -> None:
    """Write `text` to a new file beside `path`, then rename it into place: never a half-written file."""
    replace_file(path, text.encode("utf-8"))
