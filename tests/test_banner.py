"""Every page says which financial year the site applies to and when it was reviewed."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION, ROOT, mkdocs_build
from macros.sla.load import load

pytestmark = pytest.mark.build

PAGES = ["index.html", "entitlement/primary/index.html", "compare/secondary/index.html", "schools/index.html",
         "specification/price/index.html", "404.html"]


def long(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


@pytest.mark.parametrize("path", [*PAGES, "a school's page"])
def test_the_year_and_the_review_are_on_every_page(built_site, path):
    """The year of the prices, the review only while the data are as reviewed (test_review.py), the next one."""
    catalog = load(EDITION)
    review = catalog.site.review
    expected = [f"Applies to {catalog.prices.financial_year}"]
    if review.reviewed_data and all(review.reviewed_data.get(name) == digest
                                    for name, digest in catalog.fingerprints.items()):
        expected.append(f"Last reviewed {long(review.last_reviewed)}")
    expected.append(f"Next review due {long(review.next_review_due)}")
    if path == "a school's page":  # whichever school the live data list first, or the index when they list none
        schools = sorted((built_site / "schools").glob("*/index.html"))
        path = schools[0].relative_to(built_site).as_posix() if schools else "schools/index.html"
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    assert [" ".join(p.get_text().split()) for p in soup.select(".md-banner .site-banner")] == [" · ".join(expected)]


def test_a_build_after_make_reviewed_claims_the_review_and_an_edit_withdraws_it(project, tmp_path):
    """The whole way round, as an officer goes: build (no claim), `make reviewed`, build (the claim), edit a
    summary, build (no claim)."""
    def banner() -> str:
        site = tmp_path / "site"
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stdout + result.stderr
        soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        return " ".join(soup.select_one(".site-banner").get_text().split())

    site_yaml = project / "data" / "site.yaml"
    site_yaml.write_text(re.sub(r"(?m)^  reviewed_data: .*\n", "", site_yaml.read_text(encoding="utf-8")),
                         encoding="utf-8")
    assert "Last reviewed" not in banner()
    result = subprocess.run([sys.executable, "-m", "macros.sla", "reviewed", "--data-dir",
                             str(project / "data")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    today = datetime.date.today()
    assert f"Last reviewed {today.day} {today:%B %Y}" in banner()
    services = project / "data" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace(
        "a school contracting for the first time", "a school contracting for the very first time", 1),
        encoding="utf-8")
    assert "Last reviewed" not in banner()
