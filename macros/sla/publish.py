"""Build the site into `site/` (`make site`), and publish it to the web server's folder (`make publish`, `make
rollback`).

`make site` (`python -m macros.sla site`, `... site --offline` for `site-offline/`) builds into a new folder of its
own (`.build-site-<random>/`), then swaps it into `site/`: a failed build leaves `site/` as it was. It refuses a
`site/` that is a link or a mount point (the web server's folder): that is what `make publish` is for.

`make publish DEST=/srv/intranet/ict-services` checks the data, builds both copies of the site into a new release,
and switches `DEST/current` to it in one step. The layout of DEST:

    DEST/
      current -> releases/2008-09-20261207-101500     the live release: the web server serves DEST/current/site
      releases/
        2008-09-20261130-090000/                      an earlier release, kept for `make rollback`
        2008-09-20261207-101500/
          site/                                       the site, for the web server
          site-offline/                               the copy to open from a folder or shared drive (file://)

A release is named after the financial year it publishes and the time it was built (YYYYMMDD-HHMMSS; `-2`, `-3` is
added to a second release in the same second), and releases are ordered by that time. A release is built in
`DEST/releases/.<name>.partial/` and renamed when both copies are built, so a failed or interrupted build never
leaves a half release (and the next publish removes what an interrupted one left). `current` is switched by making
a new link beside it and renaming it over the old one: a reader gets the old site or the new one, never a mixture
and never an error. The last `KEEP` releases are kept, and never the live one or the one before it is removed.

`make rollback DEST=...` switches `current` back to the release before the live one, in the same single step.

Both run under the project's lock (`lock.py`), as do `make site` and `make new-year`.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .newyear import archive_name

SITE = "site"
OFFLINE = "site-offline"
RELEASES = "releases"
CURRENT = "current"
KEEP = 5
"""How many releases `make publish` keeps (the live one and the one before it are always kept)."""
PARTIAL = ".partial"
BUILDING = ".build-"
"""The prefix of the folders `make site` builds into, in the project folder."""
RELEASE_NAME = re.compile(r"^(?P<first>\d{4})-(?P<second>\d{2})-(?P<stamp>\d{8}-\d{6})(?:-(?P<count>[2-9]|[1-9]\d+))?$")

Builder = Callable[[Path, Path, bool], bool]
"""Builds the project's site into a folder (the offline copy when the flag is set); False when the build failed."""


class Refused(Exception):
    """Nothing was built or switched; the message says why and what to do."""


class BuildFailed(Exception):
    """A build failed; what it would have replaced is unchanged. MkDocs has already said why."""


@dataclass(frozen=True)
class Release:
    """One folder of DEST/releases/: a site and its offline copy, built together."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def year(self) -> str:
        """The financial year it publishes, as written in the data: '2008/09'."""
        match = _matched(self.name)
        return f"{match['first']}/{match['second']}"

    @property
    def order(self) -> tuple[str, int, str]:
        """When it was built (then its number within that second): releases are listed in this order."""
        match = _matched(self.name)
        return match["stamp"], int(match["count"] or 1), self.name


@dataclass(frozen=True)
class Published:
    """What `publish` did."""

    release: Release
    before: Release | None
    """The release that was live until now, if any."""
    removed: list[str] = field(default_factory=list)
    """Old releases removed, beyond the last `KEEP`."""
    tidied: list[str] = field(default_factory=list)
    """What an interrupted publish had left, removed."""
    problems: list[str] = field(default_factory=list)
    """Old releases that could not be removed, and why (the new release is live all the same)."""


def mkdocs_build(project: Path, out: Path, offline: bool) -> bool:
    """`mkdocs build --strict` of `project` into `out`; MkDocs prints its own messages. True when it succeeded."""
    env = dict(os.environ, SITE_OFFLINE="true" if offline else "false", NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.run(command, cwd=project, env=env, check=False).returncode == 0


def build_site(project: Path, offline: bool = False, build: Builder = mkdocs_build) -> Path:
    """`make site`: build into a new folder, then put it in place of `site/` (`site-offline/`); return that folder.
    Raises `Refused` for a `site/` that is a link or a mount point, `BuildFailed` when the build fails. Run it
    under the lock: it removes the build folders that an interrupted run left."""
    target = project / (OFFLINE if offline else SITE)
    if target.is_symlink():
        raise Refused(f"{target.name}/ is a link (to {os.readlink(target)}), not a folder of its own; make "
                      f"{target.name} does not replace what a link leads to. To put the site in the web server's "
                      "folder, run make publish DEST=<that folder> (it keeps the previous release for make "
                      f"rollback); or rename the link {target.name} and run make {target.name} again.")
    if os.path.ismount(target):
        raise Refused(f"{target.name}/ is a mount point (another disk or a share); make {target.name} does not "
                      "replace it. To put the site there, run make publish DEST=<that folder> instead.")
    if target.exists() and not target.is_dir():
        raise Refused(f"{target.name} is a file, not a folder; rename it, then run make {target.name} again.")
    for left in project.glob(f"{BUILDING}*"):
        shutil.rmtree(left, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f"{BUILDING}{target.name}-", dir=project))
    try:
        new = work / target.name
        if not build(project, new, offline):
            raise BuildFailed(f"Build failed: {target.name}/ is unchanged.")
        old = work / "old"
        had_old = target.exists()
        if had_old:
            os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            if had_old:
                os.rename(old, target)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def publish(project: Path, dest: Path, year: str, build: Builder = mkdocs_build,
            now: datetime.datetime | None = None) -> Published:
    """`make publish`: build the site and its offline copy as a new release of `dest`, switch `dest/current` to
    it, and remove releases beyond the last `KEEP`. `year` is the data's financial year ('2008/09'). Raises
    `Refused` (nothing done) or `BuildFailed` (`dest` as it was)."""
    if dest.exists() and not dest.is_dir():
        raise Refused(f"{dest} is a file, not a folder: give DEST the folder the web server serves the site from.")
    if not dest.parent.is_dir():
        raise Refused(f"the folder {dest.parent} does not exist: check DEST (make publish creates the last folder "
                      "of it, not the ones above).")
    before = live(dest)
    folders = [folder for folder in (dest, dest / RELEASES) if not folder.exists()]
    for folder in folders:
        folder.mkdir()
    releases_dir = dest / RELEASES
    tidied = _tidy(releases_dir)
    name = _new_name(releases_dir, year, now or datetime.datetime.now())
    partial = releases_dir / f".{name}{PARTIAL}"
    try:
        partial.mkdir()
        for copy, offline in ((SITE, False), (OFFLINE, True)):
            if not build(project, partial / copy, offline):
                raise BuildFailed(f"the build of {copy}/ failed")
        os.rename(partial, releases_dir / name)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        for folder in reversed(folders):
            folder.rmdir()
        raise
    release = Release(releases_dir / name)
    _switch(dest, release)
    removed, problems = _prune(dest, release)
    return Published(release, before, removed, tidied, problems)


def rollback(dest: Path) -> tuple[Release, Release]:
    """`make rollback`: switch `dest/current` to the release before the live one; return (now live, was live).
    Raises `Refused` when nothing is published or there is no earlier release."""
    now = live(dest)
    if now is None:
        raise Refused(f"nothing has been published to {dest} yet (there is no {dest / CURRENT}).")
    earlier = previous(dest, now)
    if earlier is None:
        raise Refused(f"{now.name} is the earliest release in {dest / RELEASES}, so there is none to go back to; "
                      f"{now.name} is still live.")
    _switch(dest, earlier)
    return earlier, now


def releases(dest: Path) -> list[Release]:
    """The releases in `dest/releases/`, earliest first (folders of other names are left alone)."""
    folder = dest / RELEASES
    if not folder.is_dir():
        return []
    found = [Release(path) for path in folder.iterdir()
             if RELEASE_NAME.match(path.name) and path.is_dir() and not path.is_symlink()]
    return sorted(found, key=lambda release: release.order)


def live(dest: Path) -> Release | None:
    """The release `dest/current` leads to; None before the first publish. Raises `Refused` when `current` is not
    the link `make publish` makes."""
    link = dest / CURRENT
    if not link.is_symlink():
        if link.exists():
            raise Refused(f"{link} is a folder or file, not the link make publish makes; rename it (for example "
                          f"to {CURRENT}-before-publish), point the web server at {link}/site, then run make "
                          "publish again.")
        return None
    target = Path(os.readlink(link))
    release = Release(dest / RELEASES / target.name)
    if target.parent not in (Path(RELEASES), dest / RELEASES) or not RELEASE_NAME.match(target.name) \
            or not release.path.is_dir():
        raise Refused(f"{link} leads to {target}, which is not a release in {dest / RELEASES}; rename the link "
                      f"(for example to {CURRENT}-before-publish), then run make publish again.")
    return release


def previous(dest: Path, release: Release) -> Release | None:
    """The release before `release`, in the order they were built."""
    earlier = [other for other in releases(dest) if other.order < release.order]
    return earlier[-1] if earlier else None


def _matched(name: str) -> re.Match[str]:
    match = RELEASE_NAME.match(name)
    if match is None:
        raise ValueError(f"not the name of a release: {name!r}")
    return match


def _new_name(releases_dir: Path, year: str, now: datetime.datetime) -> str:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    same_second = [release.order[1] for release in releases(releases_dir.parent) if release.order[0] == stamp]
    count = max(same_second, default=0) + 1
    return f"{archive_name(year)}-{stamp}" + (f"-{count}" if count > 1 else "")


def _switch(dest: Path, release: Release) -> None:
    """Point `dest/current` at `release` in one step: a new link beside it, renamed over it."""
    link = dest / CURRENT
    new = dest / f".{CURRENT}.{os.getpid()}.new"
    if new.is_symlink() or new.exists():
        new.unlink()
    os.symlink(Path(RELEASES) / release.name, new)
    os.replace(new, link)


def _tidy(releases_dir: Path) -> list[str]:
    """Remove what an interrupted publish left (a `.<name>.partial` folder, a `.current.<pid>.new` link); return
    their names. Run it under the lock, when no other publish can be writing them."""
    left = [path for path in releases_dir.glob(f".*{PARTIAL}") if path.is_dir() and not path.is_symlink()]
    for path in left:
        shutil.rmtree(path)
    links = [path for path in releases_dir.parent.glob(f".{CURRENT}.*.new") if path.is_symlink()]
    for path in links:
        path.unlink()
    return sorted(path.name for path in left + links)


def _prune(dest: Path, now: Release) -> tuple[list[str], list[str]]:
    """Remove the releases beyond the last `KEEP`, never the live one or the one before it."""
    ordered = releases(dest)
    keep = {release.name for release in ordered[-KEEP:]} | {now.name}
    earlier = previous(dest, now)
    if earlier is not None:
        keep.add(earlier.name)
    removed, problems = [], []
    for release in ordered:
        if release.name in keep:
            continue
        try:
            shutil.rmtree(release.path)
            removed.append(release.name)
        except OSError as error:
            problems.append(f"could not remove the old release {release.path} ({error.strerror or error})")
    return removed, problems
