"""Builds fail loudly and cleanly: bad data or a broken page stops the build, site/ is left as it was."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import mkdocs_build, with_makefile
from macros.sla.load import load

pytestmark = pytest.mark.build


def snapshot(directory: Path) -> dict[str, str]:
    return {path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(directory.rglob("*")) if path.is_file()}


def break_data(project: Path) -> int:
    """Put an unknown tier into the data; return the line of the mistake."""
    services = project / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    old = "    additional_cost: [silver, platinum]"
    assert text.count(old) == 1
    services.write_text(text.replace(old, "    additional_cost: [silver, platnum]"), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_bad_data_stops_mkdocs_with_file_and_line(project, tmp_path):
    line = break_data(project)
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f"data/services.yaml:{line}: school_types[3] (the 4th: secondary-formerly-gm).additional_cost[1] "
            "(the 2nd): unknown tier 'platnum' for phase secondary (valid: core, silver, platinum)") in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("body, named", [
    ("{{ no_such_macro() }}", "no_such_macro"),      # mkdocs-macros: on_undefined strict
    ("{{ spec.no_such_fact }}", "no_such_fact"),
    ("[gone](nowhere.md)", "nowhere.md"),             # mkdocs --strict: broken link
    ("[gone](index.md#no-such-anchor)", "no-such-anchor"),
])
def test_a_broken_content_page_fails_the_build(project, tmp_path, body, named):
    (project / "content" / "broken.md").write_text(f"# Broken\n\n{body}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert named in result.stdout + result.stderr


def test_content_pages_are_added_to_the_navigation(project, tmp_path):
    (project / "content" / "help.md").write_text("# Help for officers\n\nSome help.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Help for officers" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def make_project(project: Path) -> Path:
    """The project copy with its Makefile, sharing the already installed .venv."""
    return with_makefile(project)


def run_make(project: Path, target: str, *variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", target, *variables], cwd=project, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                          stdin=subprocess.DEVNULL)


def test_make_new_year_gives_year_to_the_program_never_to_the_shell_and_undo_puts_the_data_back(make_project):
    data = make_project / "data"
    before = {path.name: path.read_bytes() for path in data.glob("*.yaml")}
    for year in ("$$(touch pwned)", "2009/10; touch pwned", "`touch pwned`"):
        refused = run_make(make_project, "new-year", f"YEAR={year}", "CONFIRM=yes")
        assert refused.returncode != 0
        assert "is not a financial year; write it as 2009/10" in refused.stderr, refused.stderr
        assert not list(make_project.rglob("pwned"))
    unconfirmed = run_make(make_project, "new-year", "YEAR=2009/10")
    assert "New year not started: it was not confirmed" in unconfirmed.stderr
    started = run_make(make_project, "new-year", "YEAR=2009/10", "CONFIRM=yes")
    assert started.returncode == 0, started.stderr
    assert (data / "archive" / "2008-09" / "SHA256SUMS").is_file()
    undone = run_make(make_project, "undo-new-year")
    assert undone.returncode == 0, undone.stderr
    assert {path.name: path.read_bytes() for path in data.glob("*.yaml")} == before
    assert not (data / "archive").exists()


def test_make_site_builds_then_a_failed_build_leaves_site_untouched(make_project):
    first = run_make(make_project, "site")
    assert first.returncode == 0, first.stdout + first.stderr
    site = make_project / "site"
    before = snapshot(site)
    assert "index.html" in before and "specification/services/index.html" in before

    line = break_data(make_project)
    failed = run_make(make_project, "site")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert (f"data/services.yaml:{line}: school_types[3] (the 4th: secondary-formerly-gm).additional_cost[1] "
            "(the 2nd): unknown tier 'platnum'") in output
    assert "Traceback" not in output
    assert snapshot(site) == before
    assert not (make_project / ".site-new").exists()


def test_make_site_keeps_site_when_mkdocs_itself_fails(make_project):
    assert run_make(make_project, "site").returncode == 0
    before = snapshot(make_project / "site")
    (make_project / "content" / "broken.md").write_text("# Broken\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    failed = run_make(make_project, "site")
    assert failed.returncode != 0
    assert "site/ is unchanged" in failed.stderr
    assert snapshot(make_project / "site") == before


def test_make_check_reports_valid_data(make_project):
    """Whatever this year's data hold: the counts, then one warning per line, each with its file and line."""
    result = run_make(make_project, "check")
    assert result.returncode == 0, result.stderr
    catalog = load(make_project / "data")
    services = catalog.services
    rows = sum(len(group.rows) for matrix in services.matrices for group in matrix.groups)
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        f"The data in data/ is valid: {len(catalog.sections)} sections, {len(catalog.numbered)} clauses, "
        f"{sum(len(phase.tiers) for phase in services.phases)} tiers, {rows} matrix rows, prices for "
        f"{catalog.prices.financial_year}, {len(catalog.schools)} schools.")
    assert lines[1:] == [f"Warning: {warning}" for warning in catalog.warnings]
    assert all(re.match(r"Warning: data/\w+\.yaml:\d+: ", line) for line in lines[1:])
