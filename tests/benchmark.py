"""`make bench`: build times, and how fast the preview shows an edit.

Targets (on this project's 2-core machines):
- the build time grows linearly (1,000 schools take at most 12 times as long as 100) and 1,000 schools
  build in under 10 seconds;
- the site builds in at most 1.5 times the time Material takes to build a bare site of the same pages'
  text (the built pages' article HTML as Markdown pages, Material with its search plugin), in the same run;
- while `make serve` runs, a saved edit to a data file is in the page the browser asks for within 1.5 s.
Each measurement is repeated and the best run counts, as the machines are shared. Exits 1 if a target is
missed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import ROOT, copy_project, mkdocs_build
from macros.sla.load import load

SIZES = (100, 1000)
RUNS = 2
MAX_RATIO = 12
MAX_SECONDS = 10.0
MAX_BARE_RATIO = 1.5
MAX_REFRESH = 1.5
BARE_RUNS = 3
REFRESHES = 3


def synthetic_schools(count: int) -> str:
    """A schools.yaml with `count` schools spread over every school type, tier and YHGFL status."""
    catalog = load(ROOT / "data")
    choices = cycle([(school_type.id, tier.id) for school_type in catalog.services.school_types
                     for tier in catalog.phase(school_type.phase).tiers])
    lines = ["schools:"]
    for number in range(1, count + 1):
        school_type, tier = next(choices)
        lines += [f"  - name: Synthetic School {number:04d}", f"    school_type: {school_type}",
                  f"    tier: {tier}", f"    yhgfl: {'true' if number % 2 else 'false'}",
                  f"    admin_pcs: {number % 30}"]
    return "\n".join(lines) + "\n"


def build_seconds(project: Path, count: int) -> float:
    (project / "data" / "schools.yaml").write_text(synthetic_schools(count), encoding="utf-8")
    best = float("inf")
    for run in range(RUNS):
        site = project.parent / f"site-{count}-{run}"
        started = time.perf_counter()
        result = mkdocs_build(project, site)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"build with {count} schools failed:\n{result.stdout}{result.stderr}")
        pages = len(list((site / "schools").glob("*/index.html")))
        if pages != count:
            sys.exit(f"expected {count} school pages, found {pages}")
        best = min(best, elapsed)
    return best


def timed_build(project: Path, site: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        started = time.perf_counter()
        result = mkdocs_build(project, site)
        best = min(best, time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return best


def bare_material(site: Path, target: Path) -> Path:
    """A bare Material project whose pages hold the text of the built site's pages."""
    docs = target / "docs"
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if article is None or folder.startswith(("assets", "search")):
            continue
        markdown = docs / ("index.md" if folder == "." else f"{folder}.md")
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(article.group(1) + "\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text("site_name: Bare Material\ntheme:\n  name: material\n  font: false\n"
                                       "plugins:\n  - search\n", encoding="utf-8")
    return target


def build_against_bare_material(temp: Path) -> tuple[float, float]:
    """Seconds for this site's build and for the bare Material build of the same pages' text."""
    project = copy_project(temp / "ours")
    ours = timed_build(project, temp / "ours-site", BARE_RUNS)
    bare = bare_material(temp / "ours-site", temp / "bare")
    return ours, timed_build(bare, temp / "bare-site", BARE_RUNS)


def preview_refresh(temp: Path) -> float:
    """Seconds from saving an edit to a data file to the preview serving a page with it (best of a few)."""
    project = copy_project(temp / "preview")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PREVIEW="true")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/specification/service-standards/"
    try:
        wait_for(url, "Quality awards", 60)
        prices = project / "data" / "services.yaml"
        original = prices.read_text(encoding="utf-8")
        best = float("inf")
        for number in range(REFRESHES):
            marker = f"Quality awards {number}"
            started = time.perf_counter()
            prices.write_text(original.replace("title: Quality awards", f"title: {marker}"), encoding="utf-8")
            wait_for(url, marker, 30)
            best = min(best, time.perf_counter() - started)
            time.sleep(1)
        return best
    finally:
        server.terminate()
        server.wait(10)


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit(f"the preview did not show {text!r} at {url} within {timeout:.0f} s")


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        ours, bare = build_against_bare_material(Path(temp))
        refresh = preview_refresh(Path(temp))
        project = copy_project(Path(temp) / "project")
        times = {count: build_seconds(project, count) for count in SIZES}
    bare_ok, refresh_ok = ours <= MAX_BARE_RATIO * bare, refresh <= MAX_REFRESH
    print(f"build: {ours:.2f} s; bare Material with the same pages' text: {bare:.2f} s; ratio {ours / bare:.2f} "
          f"(target at most {MAX_BARE_RATIO}) {'ok' if bare_ok else 'MISSED'}")
    print(f"preview: an edit to a data file shows in {refresh:.2f} s (target at most {MAX_REFRESH} s) "
          f"{'ok' if refresh_ok else 'MISSED'}")
    small, large = SIZES
    ratio = times[large] / times[small]
    print(f"schools  full build (best of {RUNS})")
    for count, seconds in times.items():
        print(f"{count:7,d}  {seconds:6.2f} s")
    ratio_ok, time_ok = ratio <= MAX_RATIO, times[large] < MAX_SECONDS
    print(f"ratio {large:,}/{small:,}: {ratio:.1f} (target at most {MAX_RATIO}) {'ok' if ratio_ok else 'MISSED'}")
    print(f"{large:,} schools: {times[large]:.2f} s (target under {MAX_SECONDS:.0f} s) {'ok' if time_ok else 'MISSED'}")
    return 0 if ratio_ok and time_ok and bare_ok and refresh_ok else 1


if __name__ == "__main__":
    sys.exit(main())
