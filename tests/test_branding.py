"""Plainly the council's own site: its name leads the header and every page's title, its logo (when the officer
adds one) is in the header, and an address that does not exist gets a page that helps."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.build

SITE_NAME = "Calderdale Council – Traded services: ICT and information management"
CREST = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path, title", [
    ("index.html", f"Home - {SITE_NAME}"),
    ("entitlement/primary/index.html", f"Primary schools - {SITE_NAME}"),
    ("schools/example-ridge-academy-fictional/index.html", f"Example Ridge Academy (fictional) - {SITE_NAME}"),
    ("404.html", f"Page not found - {SITE_NAME}"),
])
def test_the_council_leads_every_title_and_the_header(built_site, path, title):
    page = soup(built_site, path)
    assert page.title.get_text() == title
    assert page.select_one(".md-header__topic .site-name-full").get_text() == SITE_NAME  # wide screens
    assert page.select_one(".md-header__topic .site-name-short").get_text() == "ICT services for schools"  # phones
    assert page.select_one("a.md-logo")["aria-label"] == SITE_NAME
    assert page.select_one("a.md-logo img") is None  # no logo in the data: the theme's icon, and the name


def test_the_page_for_a_missing_address_helps_from_anywhere(built_site):
    page = soup(built_site, "404.html")
    article = page.select_one("article")
    assert article.h1.get_text() == "Page not found"
    assert [(a.get_text(), a["href"]) for a in article.select("ul a")] == [
        ("What is my school entitled to?", "/"), ("Find your school", "/schools/"),
        ("The specification, section by section", "/specification/purpose/"),
        ("The whole specification on one page", "/whole-specification/")]
    search = article.select_one("form[role=search]")
    assert (search["action"], search["method"], search.select_one("input[type=search]")["name"]) == ("/", "get", "q")
    assert search.select_one("label").get_text() == "Search the site" and "js-only" in search["class"]
    help_headings = [h.get_text() for h in article.find("h2", id="help").find_all_next("h3")]
    assert help_headings == ["Report a fault or ask a question", "Complaints about the service"]
    help_text = " ".join(article.find("h2", id="help").find_next("p").get_text().split())
    assert help_text.startswith("Report faults and ask questions to the ICT Service Desk.")
    footer = [a["href"] for a in page.select(".council-footer-links a")]
    assert footer[:2] == ["/accessibility/", "/privacy/"]  # from the root: the page is shown at any address


def test_a_logo_in_the_data_is_in_the_header(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "crest.svg").write_text(CREST, encoding="utf-8")
    site_yaml = project / "data" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "owner: Calderdale Council\n", "owner: Calderdale Council\nlogo: crest.svg\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "assets" / "images" / "crest.svg").read_text(encoding="utf-8") == CREST
    for path, src in (("index.html", "assets/images/crest.svg"),
                      ("entitlement/primary/index.html", "../../assets/images/crest.svg")):
        logo = soup(tmp_path / "site", path).select_one("a.md-logo")
        assert (logo["aria-label"], logo.img["src"], logo.img["alt"]) == (SITE_NAME, src, "")
