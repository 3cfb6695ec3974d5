"""data/site.yaml on its own, without a build: dates are written 2026-11-29 and shown in words, footer links
lead to web addresses and are printed as given. The same in a built site: test_site_settings.py."""

from __future__ import annotations

import pytest

from macros.sla.load import load
from macros.sla.pages import Pages, long_date
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"


def test_dates_need_two_digit_days_and_months(minimal):
    day = minimal.edit("site.yaml", "  prepared: 2026-11-29", "  prepared: 2026-11-5")
    month = minimal.edit("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-1-05")
    assert problems(minimal) == [
        f"{SITE}:{day}: accessibility.prepared: expected a date written as 2026-11-29 (year-month-day)",
        f"{SITE}:{month}: accessibility.last_reviewed: expected a date written as 2026-11-29 (year-month-day)"]


@pytest.mark.parametrize("written, shown", [("2026-11-29", "29 November 2026"), ("2026-11-05", "5 November 2026"),
                                            ("2026-01-05", "5 January 2026")])
def test_dates_are_shown_in_words(written, shown):
    assert long_date(written) == shown


def test_the_statement_shows_its_dates_in_words(minimal):
    minimal.edit("site.yaml", "  prepared: 2026-11-29", "  prepared: 2026-01-05")
    minimal.edit("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-11-05")
    minimal.edit("site.yaml", "  last_tested: 2026-11-29", "  last_tested: 2026-11-05")
    page = Pages(load(minimal.dir), href=lambda section, anchor: "#").accessibility_statement()
    assert "<p>This statement was prepared on 5 January 2026. It was last reviewed on 5 November 2026.</p>" in page
    assert "This website was last tested on 5 November 2026." in page


LINKS = """\
footer_links:
  - text: Calderdale Council
    url: https://www.calderdale.gov.uk/
  - text: Schools' intranet
    url: http://intranet.example/schools?a=1&b=2
"""


def test_footer_links_follow_the_statement_and_the_notice(minimal):
    minimal.edit("site.yaml", "address: 1 Test Street\n", "address: 1 Test Street\n" + LINKS)
    hrefs = {"accessibility": "/accessibility/", "privacy": "/privacy/"}
    footer = Pages(load(minimal.dir), href=lambda path, anchor: hrefs[path]).footer()
    assert footer == (
        '<p class="council-footer">© Test Council · 1 Test Street</p>\n'
        '<ul class="council-footer-links">\n'
        '<li><a href="/accessibility/">Accessibility statement</a></li>\n'
        '<li><a href="/privacy/">Privacy</a></li>\n'
        '<li><a href="https://www.calderdale.gov.uk/">Calderdale Council</a></li>\n'
        '<li><a href="http://intranet.example/schools?a=1&amp;b=2">Schools&#39; intranet</a></li>\n'
        "</ul>")


def test_a_footer_link_must_be_a_web_address(minimal):
    line = minimal.edit("site.yaml", "address: 1 Test Street\n", "address: 1 Test Street\n" + LINKS.replace(
        "https://www.calderdale.gov.uk/", "ftp://files.example/").replace(
        "http://intranet.example/schools?a=1&b=2", "javascript:alert(1)"))
    valid = "(valid: a web address starting with https://, e.g. https://www.calderdale.gov.uk)"
    assert problems(minimal) == [
        f"{SITE}:{line + 3}: footer_links[0] (the 1st: Calderdale Council).url: 'ftp://files.example/' is not valid "
        + valid,
        f"{SITE}:{line + 5}: footer_links[1] (the 2nd: Schools' intranet).url: 'javascript:alert(1)' is not valid "
        + valid]
