"""The preview's answer to bad data: a page listing the problems, in place of every page.

While `make serve` runs (SITE_PREVIEW=true), data that fails its checks does not stop the build, which
would leave the browser waiting: the build instead writes the list of problems, as `make check` prints it,
at the address of every page of the last good build, with the preview's live-reload script, so that
fixing the data brings the site back by itself. `make site` and `make test` still stop on bad data.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from .sla.problems import MAX_SHOWN, DataError, more_problems

PREVIEW = "SITE_PREVIEW"
"""Set to `true` by `make serve`."""


def previewing() -> bool:
    return os.environ.get(PREVIEW, "").lower() == "true"


def page_sources(site_dir: Path) -> list[str]:
    """The source path of each page a build wrote into `site_dir` ('entitlement/primary.md' for
    entitlement/primary/index.html), the home page first."""
    sources = {"index.md"}
    if site_dir.is_dir():
        for page in site_dir.rglob("index.html"):
            folder = page.parent.relative_to(site_dir).as_posix()
            if folder != "." and not folder.startswith(("assets/", "search")):
                sources.add(f"{folder}.md")
    return sorted(sources, key=lambda source: (source != "index.md", source))


def problems_page(error: DataError) -> str:
    """The Markdown of the page that lists the problems (macros off: it must show the text as it is)."""
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in error.problems[:MAX_SHOWN])
    if len(error.problems) > MAX_SHOWN:
        items += f"\n<li>{more_problems(len(error.problems) - MAX_SHOWN)}</li>"
    waiting = ("<p>References between entries (tiers, codes, ids) are checked once these are fixed.</p>"
               if not error.references_checked else "")
    count = len(error.problems)
    return (
        "---\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n"
        "# The data has problems\n\n"
        f'<div class="data-problems">\n<p>{count} {"problem" if count == 1 else "problems"} in the data files '
        "stop the site from being built. <code>make check</code> lists the same:</p>\n"
        f"<ul>\n{items}\n</ul>\n{waiting}\n"
        "<p>Open each file at the line given, fix what it says and save. This page reloads by itself; when the "
        "data is valid, the site comes back.</p>\n</div>\n"
    )


WATCH_INTERVAL = 0.1
"""How often, in seconds, the preview looks at the watched files for a saved edit (MkDocs: every half second)."""
BUILD_DELAY = 0.02
"""How long, in seconds, the preview waits after a change for the next before it builds (MkDocs: a tenth of a
second). The changes one look finds arrive together, within this; a later change is found no sooner than the
next look, WATCH_INTERVAL later, so that waiting longer only held up every build."""


def look_often(server: object) -> None:
    """Make `mkdocs serve` look for saved edits every WATCH_INTERVAL seconds. MkDocs' preview compares the
    watched files (content/, mkdocs.yml, data/, macros/, overrides/: a few hundred) with their last state every
    half second, so a saved edit waited a quarter of a second on average before the build began. Its watcher
    (watchdog's PollingObserver) takes the interval when it is made, and MkDocs gives no setting for it: this
    sets it on the watcher, for the folders it watches already and those it watches from now on, and sets the
    server's wait after a change (`build_delay`) to BUILD_DELAY. A MkDocs or watchdog that works otherwise keeps
    its own interval and wait."""
    observer = getattr(server, "observer", None)
    watchers = [observer, *getattr(observer, "emitters", ())]
    if observer is None or not all(isinstance(getattr(watcher, "_timeout", None), float) for watcher in watchers):
        return
    for watcher in watchers:
        watcher._timeout = WATCH_INTERVAL
    if isinstance(getattr(server, "build_delay", None), float):
        setattr(server, "build_delay", BUILD_DELAY)  # noqa: B010 - `server` is typed as any object
