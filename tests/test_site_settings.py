"""Officers' settings in a copy of the data, built: footer links on every page and on 404.html, a date with a
one-digit day in words, a telephone number written with brackets as a tel: link. Without a build:
test_site_yaml.py and test_render.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build
from test_site_yaml import LINKS

pytestmark = pytest.mark.build



def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("settings") / "project")
    address = "address: Town Hall, Crossley Street, Halifax, West Yorkshire, HX1 1UJ\n"
    edit(project / "data" / "site.yaml", address, address + LINKS)
    edit(project / "data" / "site.yaml", "  prepared: 2026-11-29", "  prepared: 2026-11-05")
    edit(project / "data" / "services.yaml", "    telephone: 01422 392527", '    telephone: "(01422) 392 527"')
    result = mkdocs_build(project, project.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project.parent / "site"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", ["index.html", "specification/services/index.html", "404.html"])
def test_footer_links_on_every_kind_of_page(site, path):
    page_url = "http://site/" + path.removesuffix("index.html")
    links = [(a.get_text(), urljoin(page_url, a["href"])) for a in soup(site, path).select(".md-copyright a")]
    assert links == [("Accessibility statement", "http://site/accessibility/"), ("Privacy", "http://site/privacy/"),
                     ("Calderdale Council", "https://www.calderdale.gov.uk/"),
                     ("Schools' intranet", "http://intranet.example/schools?a=1&b=2")]
    html = (site / path).read_text(encoding="utf-8")
    assert '<li><a href="http://intranet.example/schools?a=1&amp;b=2">Schools&#39; intranet</a></li>' in html


def test_a_date_with_a_one_digit_day_is_shown_in_words(site):
    text = re.sub(r"\s+", " ", soup(site, "accessibility/index.html").select_one("article").get_text(" "))
    assert "This statement was prepared on 5 November 2026. It was last reviewed on 29 November 2026." in text


def test_a_telephone_number_with_brackets_is_a_tel_link(site):
    cards = [card for card in soup(site, "specification/complaints/index.html").select(".contact-card")
             if card.strong.get_text() == "Sue Rumbold"]
    assert [(a["href"], a.get_text()) for card in cards for a in card.select("a[href^='tel:']")] == [
        ("tel:+441422392527", "(01422) 392 527")]
