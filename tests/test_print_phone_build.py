"""Built: every page carries the line that heads it on paper, once, above its content; the header carries the full
name and the short title of data/site.yaml, or the full name alone when the officer gives no short title."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, html_pages, mkdocs_build

pytestmark = pytest.mark.build

FULL_NAME = "Calderdale Council – Traded services: ICT and information management"


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_page_carries_the_line_that_heads_it_on_paper(built_site):
    today = datetime.date.today()
    expected = ("Calderdale Metropolitan Borough Council: Traded services: ICT and information management. For the "
                f"financial year 2008/09. Site built on {today.day} {today:%B %Y}. ")
    pages = html_pages(built_site)
    assert {"404.html", "index.html", "compare/primary/index.html", "changes/index.html"} <= set(pages)
    for path in pages:
        headers = soup(built_site, path).select(".print-header")
        assert [header.get_text() for header in headers] == [expected], path
        assert headers[0].parent["class"] == ["md-banner__inner", "md-grid", "md-typeset"], path  # above the page
        assert headers[0].select_one("span[data-print-date]") is not None, path  # where site.js writes the day


def test_without_a_short_title_the_header_shows_the_full_name(tmp_path):
    project = copy_project(tmp_path / "project")
    site_yaml = project / "data" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    assert text.count("short_title: ICT services for schools\n") == 1
    site_yaml.write_text(text.replace("short_title: ICT services for schools\n", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    name = soup(tmp_path / "site", "index.html").select_one(".md-header__topic .md-ellipsis")
    assert " ".join(name.get_text().split()) == FULL_NAME
    assert name.select(".site-name-short, .site-name-full") == []
