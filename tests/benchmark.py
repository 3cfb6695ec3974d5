"""`make bench`: build times, how fast the preview shows an edit, the size of the search index, and Lighthouse's
measure of each type of page on a phone.

Targets (on this project's 2-core machines):
- the build time grows linearly (1,000 schools take at most 12 times as long as 100) and 1,000 schools
  build in under 10 seconds;
- the site builds in at most 1.5 times the time Material takes to build a bare site of the same pages'
  text (the built pages' article HTML as Markdown pages, Material with its search plugin), in the same run;
- while `make serve` runs, a saved edit to a data file is in the page the browser asks for within 1.5 s;
- each school adds at most 600 bytes to the search index (one small entry of its name, type and tier);
- on a phone (Lighthouse's mobile performance: simulated slow 4G and a slower CPU), each type of page scores
  at least what a bare Material page carrying the same text scores in the same run, and blocks the main
  thread (total blocking time) at most 1.5 times as long; the home page and the schools index hold that with
  1,000 schools too.
Each measurement is repeated, as the machines are shared: the best build time counts, and each phone measure's
median. Exits 1 if a target is missed. `python tests/benchmark.py phone` measures the phones only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import CHROMIUM, ROOT, copy_project, mkdocs_build, served
from macros.sla.checks import school_slug
from macros.sla.load import load
from macros.sla.paths import SCHOOLS_INDEX, comparison_page, school_page, section_page, type_page

SIZES = (100, 1000)
RUNS = 2
MAX_RATIO = 12
MAX_SECONDS = 10.0
MAX_BARE_RATIO = 1.5
MAX_REFRESH = 1.5
BARE_RUNS = 3
REFRESHES = 3
MAX_INDEX_BYTES_PER_SCHOOL = 600
"""What each school may add to the search index (search/search_index.json), which every reader's browser loads:
one small entry of its name, type and tier."""
LIGHTHOUSE = ROOT / "tests" / "lighthouse.mjs"
LIGHTHOUSE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]
PHONE_RUNS = int(os.environ.get("PHONE_RUNS", "3"))
"""Lighthouse runs of each page; the median counts. A page's score and blocking time vary from run to run by more
than the pages differ (bare Material's blocking time on one page, in one bench: 8 to 119 ms), so the best of
each would compare one lucky run with another."""
MAX_BLOCKING_RATIO = 1.5
BLOCKING_FLOOR = 50
"""Blocking times under this many milliseconds count as this many: below it, they are one run's noise."""
PHONE_PAGES = {"home": "index", "entitlement": type_page("primary"), "comparison": comparison_page("primary"),
               "school": None, "schools index": SCHOOLS_INDEX, "specification section": section_page("services")}
"""The page of each type that Lighthouse loads (the school page: the first school listed)."""
PHONE_PAGES_MANY_SCHOOLS = ("home", "schools index")
"""The types of page measured again with 1,000 schools."""


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
                  f"    sims_pcs: {number % 30}"]
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
    """A bare Material project whose pages hold the text of the built site's pages. As in the site, the
    schools' own pages are out of the navigation and the search index (each page would otherwise list them
    all)."""
    docs = target / "docs"
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if article is None or folder.startswith(("assets", "search")):
            continue
        markdown = docs / ("index.md" if folder == "." else f"{folder}.md")
        markdown.parent.mkdir(parents=True, exist_ok=True)
        front_matter = "---\nsearch:\n  exclude: true\n---\n" if folder.startswith("schools/") else ""
        markdown.write_text(front_matter + article.group(1) + "\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text("site_name: Bare Material\ntheme:\n  name: material\n  font: false\n"
                                       "not_in_nav: /schools/*.md\nplugins:\n  - search\n", encoding="utf-8")
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


# -- phones: Lighthouse's mobile performance, against bare Material ------------------------------------------

@dataclass(frozen=True)
class PhoneRun:
    """Lighthouse's mobile measure of a page: the performance score (0-100), the total blocking time (ms: the
    main thread's tasks, beyond their first 50 ms each) and the number of elements of the page."""

    score: int
    blocking: int
    elements: int

    @staticmethod
    def median(runs: list[PhoneRun]) -> PhoneRun:
        """Each measure's median over `runs` (the elements: those of the first run, as they do not vary)."""
        return PhoneRun(round(statistics.median(run.score for run in runs)),
                        round(statistics.median(run.blocking for run in runs)), runs[0].elements)


@dataclass(frozen=True)
class PhonePage:
    label: str
    ours: PhoneRun
    bare: PhoneRun

    def missed(self) -> list[str]:
        """The targets this page misses."""
        return [target for target, met in (("score", self.ours.score >= self.bare.score),
                                           ("blocking time", max(self.ours.blocking, BLOCKING_FLOOR)
                                            <= MAX_BLOCKING_RATIO * max(self.bare.blocking, BLOCKING_FLOOR)))
                if not met]


def lighthouse(urls: list[str]) -> list[PhoneRun]:
    """Lighthouse's mobile measure of each address, in order, in one headless Chromium (tests/lighthouse.mjs).
    Stops if a page requested anything from another host."""
    result = subprocess.run(["node", str(LIGHTHOUSE), *urls], env=dict(os.environ, CHROME_PATH=CHROMIUM),
                            capture_output=True, text=True, timeout=120 + 60 * len(urls))
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or len(reports) != len(urls):
        sys.exit(f"Lighthouse failed (it needs `npm ci` and {CHROMIUM}):\n{result.stdout}{result.stderr}")
    for report in reports:
        hosts = {urlparse(url).netloc for url in report["requests"] if urlparse(url).scheme in ("http", "https")}
        if hosts != {urlparse(report["url"]).netloc}:
            sys.exit(f"{report['url']} requested other hosts: {sorted(hosts)}")
    return [PhoneRun(report["score"], report["tbt"], report["elements"]) for report in reports]


def built(project: Path, site: Path) -> Path:
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return site


def with_bare_material(site: Path) -> tuple[Path, Path]:
    """The built site, and a bare Material build of its pages' text beside it."""
    bare = site.parent / f"{site.name}-bare-site"
    timed_build(bare_material(site, site.parent / f"{site.name}-bare"), bare, 1)
    return site, bare


def phone_scores(sites: tuple[Path, Path], many: tuple[Path, Path]) -> list[PhonePage]:
    """Each type of page of `sites` (the site and its bare Material twin), and those of PHONE_PAGES_MANY_SCHOOLS
    of `many` (built with 1,000 schools): Lighthouse's measures, median of PHONE_RUNS, ours and bare in turn."""
    first = load(ROOT / "data").schools[0]
    paths = {label: path or school_page(school_slug(first)) for label, path in PHONE_PAGES.items()}
    cases = [(label, paths[label], sites) for label in PHONE_PAGES]
    cases += [(f"{label}, {SIZES[-1]:,} schools", paths[label], many) for label in PHONE_PAGES_MANY_SCHOOLS]
    with served(sites[0]) as ours, served(sites[1]) as bare, served(many[0]) as ours_many, \
            served(many[1]) as bare_many:
        roots = {sites: (ours, bare), many: (ours_many, bare_many)}
        urls = [f"{root}/" + ("" if path == "index" else path.removesuffix("index").rstrip("/") + "/")
                for _, path, pair in cases for root in roots[pair]]
        runs = [lighthouse(urls) for _ in range(PHONE_RUNS)]
    return [PhonePage(label, PhoneRun.median([run[2 * index] for run in runs]),
                      PhoneRun.median([run[2 * index + 1] for run in runs]))
            for index, (label, _, _) in enumerate(cases)]


def report_phones(pages: list[PhonePage]) -> bool:
    """Print each page's measures beside bare Material's; True if every target is met."""
    print(f"phone (Lighthouse {LIGHTHOUSE_VERSION}, mobile, median of {PHONE_RUNS} runs): score at least bare "
          f"Material's, blocking time at most {MAX_BLOCKING_RATIO} times bare Material's (under {BLOCKING_FLOOR} ms "
          f"counts as {BLOCKING_FLOOR} ms)")
    print(f"{'':33}{'this site':^30}  {'bare Material, same text':^30}")
    print(f"{'page':33}{'score':>8}{'blocking':>12}{'elements':>10}  {'score':>8}{'blocking':>12}{'elements':>10}")
    for page in pages:
        missed = page.missed()
        print(f"{page.label:33}{page.ours.score:8d}{page.ours.blocking:9d} ms{page.ours.elements:10,d}  "
              f"{page.bare.score:8d}{page.bare.blocking:9d} ms{page.bare.elements:10,d}  "
              f"{'MISSED ' + ' and '.join(missed) if missed else 'ok'}")
    return not any(page.missed() for page in pages)


def phones_only() -> int:
    """`python tests/benchmark.py phone`: the phone measures alone, with the project's schools and with 1,000."""
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "ours")
        sites = with_bare_material(built(project, Path(temp) / "site"))
        (project / "data" / "schools.yaml").write_text(synthetic_schools(SIZES[-1]), encoding="utf-8")
        many = with_bare_material(built(project, Path(temp) / f"site-{SIZES[-1]}"))
        return 0 if report_phones(phone_scores(sites, many)) else 1


def search_index_bytes(site: Path) -> int:
    return (site / "search" / "search_index.json").stat().st_size


def report_search_index(sizes: dict[int, int]) -> bool:
    """Print the size of the search index with each number of schools, and what each school adds to it."""
    small, large = SIZES
    per_school = (sizes[large] - sizes[small]) / (large - small)
    print("schools  search index (search_index.json)")
    for count, size in sizes.items():
        print(f"{count:7,d}  {size / 1024:8.1f} KB")
    ok = per_school <= MAX_INDEX_BYTES_PER_SCHOOL
    print(f"each school adds {per_school:.0f} bytes to the search index (target at most {MAX_INDEX_BYTES_PER_SCHOOL}) "
          f"{'ok' if ok else 'MISSED'}")
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        ours, bare = build_against_bare_material(Path(temp))
        refresh = preview_refresh(Path(temp))
        project = copy_project(Path(temp) / "project")
        times = {count: build_seconds(project, count) for count in SIZES}
        index_bytes = {count: search_index_bytes(project.parent / f"site-{count}-0") for count in SIZES}
        # the site and its bare twin, both built by build_against_bare_material
        phones = phone_scores((Path(temp) / "ours-site", Path(temp) / "bare-site"),
                              with_bare_material(project.parent / f"site-{SIZES[-1]}-0"))
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
    index_ok = report_search_index(index_bytes)
    phones_ok = report_phones(phones)
    return 0 if ratio_ok and time_ok and bare_ok and refresh_ok and index_ok and phones_ok else 1


if __name__ == "__main__":
    sys.exit(phones_only() if sys.argv[1:] == ["phone"] else main())
