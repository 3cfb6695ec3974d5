"""Writing the officer's files safely: a new file, on disk, renamed into place, so that an interruption leaves
the old file or the new one, never half of one (`make reviewed`, `make new-year` and their undo)."""

from __future__ import annotations

import os
from pathlib import Path


def write_new(path: Path, content: bytes) -> None:
    """Write a new file and make sure it is on disk before anything renames it."""
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def replace_file(path: Path, content: bytes) -> None:
    """Write `content` to `.<name>.new` beside `path`, then rename it over `path` in one step."""
    temporary = path.with_name(f".{path.name}.new")
    write_new(temporary, content)
    os.replace(temporary, path)
