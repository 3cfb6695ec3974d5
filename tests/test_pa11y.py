"""A second accessibility engine beside axe-core (test_accessibility.py): pa11y, with HTML_CodeSniffer and the
WCAG 2 AA standard, over one or two pages of each kind (`page_sample`) at desktop and at phone width, in
one Debian Chromium (tests/pa11y.mjs, with pa11y pinned in package.json). Errors must be none; warnings need a
person's judgement and are not asked for. The pages are served locally, and ask nothing of another host."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlparse

import pytest

from conftest import CHROMIUM, ROOT, page_sample

pytestmark = pytest.mark.browser

PA11Y = ROOT / "tests" / "pa11y.mjs"

# What pa11y reports that is not a failure here, each with the elements it may be reported on and why.
ALLOWED = {
    "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2": (
        ('<form class="md-search__form"', '<form class="narrow', '<form class="compare-form"',
         '<form class="school-finder', '<form class="school-filter'),
        "HTML_CodeSniffer asks every form for a submit button (technique H32, for 3.2.2 On Input). These forms "
        "change only what the page shows as the reader chooses (narrowing a page, comparing tiers, filtering "
        "schools), never the context: no other page opens and the focus does not move, which is what 3.2.2 asks; a "
        "submit button would do nothing. Material's search box shows results as one types, and Enter opens the "
        "first."),
}
# Elements pa11y is told to leave out (its `hideElements`), and why.
HIDDEN = {
    "#__toc": "Material's checkbox that opens the page's contents in a phone's navigation: never shown (display: "
              "none), so out of the accessibility tree, and without a label on a page that has no contents; "
              "HTML_CodeSniffer checks hidden form fields too (F68, H91).",
}


def allowed(issue: dict) -> bool:
    where, _reason = ALLOWED.get(issue["code"], ((), ""))
    return issue["context"].startswith(where) if where else False


def test_pa11y_finds_no_errors_on_a_sample_of_each_kind_of_page(built_site, site_url):
    """The slow engine on a sample of each kind of page (the pages of a kind share their templates); axe-core, the
    faster one, takes every page."""
    node = shutil.which("node")
    assert node, "node is missing: 'make test' installs it (apt-get install nodejs npm)"
    assert (ROOT / "node_modules" / "pa11y").is_dir(), "node_modules is missing: run 'make test' (npm ci)"
    sample = [f"{site_url}/{path}" for path in page_sample(built_site)]
    runs = [(url, width) for width in (1280, 390) for url in sample]
    settings = {"chromium": CHROMIUM, "runs": runs, "hide": ", ".join(HIDDEN), "ignore": []}
    result = subprocess.run([node, str(PA11Y), json.dumps(settings)], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(run["url"], run["width"]) for run in found] == runs
    errors = [f"{run['url'].removeprefix(site_url)} at {run['width']}px: {issue['code']}: {issue['message']} "
              f"{issue['context'][:120]}"
              for run in found for issue in run["issues"] if issue["type"] == "error" and not allowed(issue)]
    assert not errors, "\n".join(errors)
    hosts = {urlparse(url).netloc for run in found for url in run["requests"] if urlparse(url).scheme != "data"}
    assert hosts == {urlparse(site_url).netloc}
    assert len(sample) > 15
