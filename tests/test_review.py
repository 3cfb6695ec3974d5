"""The review the banner vouches for: "Last reviewed" only while every data file is as it was reviewed;
`make reviewed` records it (a new site.yaml renamed into place, the old one kept for `make undo-reviewed`)."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from conftest import ROOT
from macros.sla.load import load
from macros.sla.pages import Pages
from macros.sla.review import Refused, fingerprint, mark_reviewed, review_block, undo_reviewed

pytestmark = pytest.mark.unit

TODAY = datetime.date(2026, 12, 7)


def banner(files) -> str:
    return str(Pages(load(files.dir), href=lambda path, anchor: "/").banner())


def review_warnings(files) -> list[str]:
    return [str(w) for w in load(files.dir).warnings if w.path.startswith("review")]


def test_the_fingerprint_is_of_the_data_not_the_layout_and_leaves_out_the_review():
    assert fingerprint("services.yaml", {"a": 1, "b": [1, 2]}) == fingerprint("services.yaml", {"b": [1, 2], "a": 1})
    assert fingerprint("services.yaml", {"a": 1}) != fingerprint("services.yaml", {"a": 2})
    site = {"owner": "Council", "review": {"last_reviewed": "2026-11-29"}}
    assert fingerprint("site.yaml", site) == fingerprint("site.yaml", {"owner": "Council", "review": {"x": 1}})
    assert fingerprint("site.yaml", site) != fingerprint("site.yaml", {"owner": "Another council"})
    assert len(fingerprint("prices.yaml", None)) == 16


def test_without_a_record_of_the_review_no_page_claims_it(minimal):
    assert banner(minimal) == "Applies to 2008/09 · Next review due 28 November 2027"
    line = minimal.text("site.yaml").splitlines().index("  last_reviewed: 2026-11-28") + 1
    assert review_warnings(minimal) == [
        f"data/site.yaml:{line}: review.last_reviewed: there is no record of which data the review of 2026-11-28 "
        "covered, so pages do not show 'Last reviewed'; once you have reviewed the site, run `make reviewed`, "
        "which records the date and the data"]


def test_a_recorded_review_is_claimed_until_a_data_file_changes(minimal):
    mark_reviewed(minimal.dir, load(minimal.dir).fingerprints, TODAY)
    assert banner(minimal) == "Applies to 2008/09 · Last reviewed 7 December 2026 · Next review due 28 November 2027"
    assert review_warnings(minimal) == []
    minimal.edit("site.yaml", "owner: Test Council", "owner: Test Council  # a comment changes no data")
    assert review_warnings(minimal) == []
    minimal.edit("services.yaml", "  notice: one term's notice", "  notice: two terms' notice")
    minimal.edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2008/09\n# edited")
    line = next(number for number, text in enumerate(minimal.text("site.yaml").splitlines(), start=1)
                if text.startswith("  reviewed_data: {services.yaml: "))
    assert banner(minimal) == "Applies to 2008/09 · Next review due 28 November 2027"
    assert review_warnings(minimal) == [
        f"data/site.yaml:{line}: review.reviewed_data: data/services.yaml changed after the review of 2026-12-07, "
        "so pages no longer show 'Last reviewed'; review the changes (`make serve`), then run `make reviewed`"]


def test_the_review_block_is_rewritten_and_nothing_else():
    text = ("owner: A\n"
            "review:   # the yearly review\n"
            "  last_reviewed: 2026-11-29\n"
            "  next_review_due: 2027-11-29\n"
            "  # Written by `make reviewed`; do not edit: a fingerprint of each data file as it was reviewed.\n"
            "  reviewed_data: {services.yaml: old}\n"
            "\n"
            "search:\n"
            "  synonyms: []\n")
    assert review_block(text, TODAY, {"services.yaml": "0123", "site.yaml": "4567"}) == (
        "owner: A\n"
        "review:   # the yearly review\n"
        "  last_reviewed: 2026-12-07\n"
        "  next_review_due: 2027-11-29\n"
        "  # Written by `make reviewed`; do not edit: a fingerprint of each data file as it was reviewed.\n"
        "  reviewed_data: {services.yaml: 0123, site.yaml: 4567}\n"
        "\n"
        "search:\n"
        "  synonyms: []\n")
    assert review_block("review:\n    next_review_due: 2027-11-29", TODAY, {"site.yaml": "ab"}) == (
        "review:\n"
        "    last_reviewed: 2026-12-07\n"
        "    next_review_due: 2027-11-29\n"
        "    # Written by `make reviewed`; do not edit: a fingerprint of each data file as it was reviewed.\n"
        "    reviewed_data: {site.yaml: ab}\n")
    with pytest.raises(Refused, match="site.yaml has no `review:` block"):
        review_block("owner: A\n", TODAY, {})


def test_undo_puts_site_yaml_back_byte_for_byte(minimal):
    before = (minimal.dir / "site.yaml").read_bytes()
    kept = mark_reviewed(minimal.dir, load(minimal.dir).fingerprints, TODAY)
    assert kept == minimal.dir.parent / ".undo" / "reviewed" / "site.yaml" and kept.read_bytes() == before
    assert (minimal.dir / "site.yaml").read_bytes() != before
    assert sorted(path.name for path in minimal.dir.iterdir()) == sorted(
        ["services.yaml", "prices.yaml", "schools.yaml", "site.yaml"])  # no temporary file left beside it
    undo_reviewed(minimal.dir)
    assert (minimal.dir / "site.yaml").read_bytes() == before
    with pytest.raises(Refused, match="there is no review to undo"):
        undo_reviewed(minimal.dir)


def test_make_reviewed_refuses_invalid_data_and_leaves_it_alone(minimal):
    minimal.edit("services.yaml", "  notice: one term's notice", "  notice: [")
    before = (minimal.dir / "site.yaml").read_bytes()
    result = subprocess.run([sys.executable, "-m", "macros.sla", "reviewed", "--data-dir", str(minimal.dir)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Review not recorded: fix the data first."
    assert "Traceback" not in result.stderr
    assert (minimal.dir / "site.yaml").read_bytes() == before
