"""One command at a time: `make site`, `make site-offline`, `make publish`, `make rollback` and `make new-year` (and
its undo) each hold the lock file `.lock` in the project folder while they run.

The lock is `fcntl.flock` on that file: the system lets it go when the command ends, however it ends (finished,
failed, killed), so a lock file left behind is never stale and never needs deleting. While a command holds it, the
file names the command and its process id; a second command waits up to `WAIT_SECONDS` (or `$LOCK_WAIT` seconds)
for it, then gives up and says which command holds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

LOCK = ".lock"
WAIT_SECONDS = 120.0
"""How long a second command waits for the first: longer than a publish takes on a slow machine."""
POLL_SECONDS = 0.2


class Busy(Exception):
    """Another command held the lock for longer than this one would wait; the message names it."""


def wait_seconds() -> float:
    """`$LOCK_WAIT` seconds if it is set to a number (the tests make it short), else `WAIT_SECONDS`."""
    text = os.environ.get("LOCK_WAIT", "").strip()
    try:
        return max(0.0, float(text)) if text else WAIT_SECONDS
    except ValueError:
        return WAIT_SECONDS


@contextlib.contextmanager
def held(folder: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold `folder/.lock` for `command` (e.g. 'make site') while the block runs; wait for another holder up to
    `wait` seconds (default: `wait_seconds()`), then raise `Busy` naming it."""
    limit = wait_seconds() if wait is None else wait
    path = folder / LOCK
    # "a+": opening must not empty the file, which names the holder until this command holds the lock itself.
    with open(path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + limit
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(handle)
                if time.monotonic() >= deadline:
                    raise Busy(f"{holder} is still running (it holds {path}); wait for it to finish, then run "
                               f"{command} again. The lock goes when that command ends, even if it is stopped or "
                               "fails: there is nothing to delete.") from None
                if not told:
                    unit = "second" if limit == 1 else "seconds"
                    print(f"Waiting for {holder} to finish (up to {limit:g} {unit})...", file=sys.stderr)
                    told = True
                time.sleep(POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{command} (pid {os.getpid()})\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _holder(handle: TextIO) -> str:
    """What the lock file says holds it: 'make site (pid 1234)', or 'another command' while it is being written."""
    handle.seek(0)
    text = handle.read().strip()
    return f"`{text.splitlines()[0]}`" if text else "another command"
