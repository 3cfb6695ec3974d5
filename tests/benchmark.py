"""`make bench`: the full build time with 100 and with 1,000 synthetic schools.

Targets (on this project's 2-core machines): the build time grows linearly
(1,000 schools take at most 12 times as long as 100) and 1,000 schools build
in under 10 seconds. Each size is built twice and the faster run counts, as
the machines are shared. Exits 1 if a target is missed.
"""

from __future__ import annotations

import sys
import tempfile
import time
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


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "project")
        times = {count: build_seconds(project, count) for count in SIZES}
    small, large = SIZES
    ratio = times[large] / times[small]
    print(f"schools  full build (best of {RUNS})")
    for count, seconds in times.items():
        print(f"{count:7,d}  {seconds:6.2f} s")
    ratio_ok, time_ok = ratio <= MAX_RATIO, times[large] < MAX_SECONDS
    print(f"ratio {large:,}/{small:,}: {ratio:.1f} (target at most {MAX_RATIO}) {'ok' if ratio_ok else 'MISSED'}")
    print(f"{large:,} schools: {times[large]:.2f} s (target under {MAX_SECONDS:.0f} s) {'ok' if time_ok else 'MISSED'}")
    return 0 if ratio_ok and time_ok else 1


if __name__ == "__main__":
    sys.exit(main())
