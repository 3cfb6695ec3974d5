"""Fast on a phone, read from the built HTML: each table is in a page once, with each row's anchor on the row;
pages stay under a number of elements (what a phone's browser must style and lay out), with 1,000 schools too;
every school is still listed for a browser without JavaScript; the scripts do not hold up the first paint.

Lighthouse's measures themselves are `make bench` (tests/benchmark.py): they are too noisy for a test."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import EDITION, html_pages
from macros.site import THEME_TEMPLATES
from macros.sla.anchors import slug
from macros.sla.catalog import Catalog
from macros.sla.load import load

pytestmark = pytest.mark.build

MAX_ELEMENTS = {"": 450, "entitlement/primary/": 1650, "compare/primary/": 1500, "specification/services/": 1500,
                "schools/": 350, "schools/example-hill-top-primary-school-fictional/": 820,
                "whole-specification/": 2300}
"""At most this many elements in each page: about a tenth more than it has. If the data grew, raise the limit;
if the markup did, see why first (a table shown twice, a list of every school). Each was about 1.3 times as many
with every table shown a second time, row by row. The school page grew by a section, "What costs this school
extra", in issue 19 (740 elements)."""
MAX_ELEMENTS_MANY_SCHOOLS = {"": 450, "schools/": 700}
"""The same with 1,000 schools: the home page had 3,357 elements and the schools index 11,249 when they listed
every school as elements."""
SPECIFICATION_TABLES = ["specification/services/", "specification/service-standards/"]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def elements(page: BeautifulSoup) -> int:
    """The elements a browser with JavaScript makes of the page: the contents of <template> are not in the page,
    and those of <noscript> are text to it."""
    return sum(1 for tag in page.find_all(True)
               if not any(parent.name in ("template", "noscript") for parent in tag.parents))


def row_anchors(catalog: Catalog) -> set[str]:
    """The anchor of each row, and group of rows, of the specification's tables, spelt as the site has always
    spelt them: links, bookmarks and search results lead to them."""
    anchors = set()
    for matrix in catalog.services.matrices:
        for group in matrix.groups:
            anchors.add(f"inclusions--{slug(group.name)}")
            anchors |= {f"inclusions--{slug(group.name)}--{slug(row.service)}" for row in group.rows}
    anchors |= {f"priority-{priority.level}" for priority in catalog.services.response_standards.priorities}
    anchors |= {f"software--{slug(row.type + ' ' + ' '.join(row.products))[:60]}"
                for row in catalog.services.supported_software.rows}
    for price_list in catalog.prices.price_lists:
        for group in price_list.groups:
            group_anchor = f"{price_list.id}--{slug(group.name)}" if group.name else price_list.id
            anchors |= {group_anchor} if group.name else set()
            anchors |= {f"{group_anchor}--{slug(item.name)}" for item in group.items}
    anchors |= {f"package--{package.school_type}-{package.tier}" for package in catalog.prices.package_prices}
    anchors |= {f"service-price--{index + 1}" for index in range(len(catalog.prices.service_prices))}
    return anchors


def anchored_rows(page: BeautifulSoup) -> dict[str, Tag]:
    return {row["id"]: row for row in page.select("table.data-table tr[id]")}


def test_each_row_of_the_specifications_tables_carries_its_anchor(built_site):
    expected = row_anchors(load(EDITION))
    assert {"inclusions--ict-helpdesk", "inclusions--ict-helpdesk--call-routing", "priority-1",
            "software--antivirus-software-sophos-f-secure",
            "capita-top-up--complete-sims-help-desk-support"} <= expected
    found: Counter[str] = Counter()
    for url in SPECIFICATION_TABLES:
        found.update(list(anchored_rows(soup(built_site, url))))
    assert found == Counter(expected), "each anchor on one row of the section pages"
    assert set(anchored_rows(soup(built_site, "whole-specification"))) == expected
    services = anchored_rows(soup(built_site, "specification/services"))
    assert "Call routing" in services["inclusions--ict-helpdesk--call-routing"].th.get_text()
    group = services["inclusions--ict-helpdesk"]
    assert "group-row" in group["class"] and group.th.get_text(strip=True) == "ICT Helpdesk"


def test_each_table_is_in_its_page_once(built_site):
    for path in html_pages(built_site):
        page = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        assert page.select("details.in-words") == [], path
        captions = Counter(caption.get_text(" ", strip=True) for caption in page.select("article table caption"))
        assert [caption for caption, count in captions.items() if count > 1] == [], path
        ids = Counter(tag["id"] for tag in page.find_all(id=True))
        assert [anchor for anchor, count in ids.items() if count > 1] == [], path


def test_every_table_is_a_data_table_that_materials_script_leaves_in_place(built_site):
    """Material's script takes each table without a class out of the page and puts it back in a box of its own,
    once the page is drawn, and the browser styles it all again: the tables carry a class."""
    for path in html_pages(built_site):
        page = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        assert [str(table)[:80] for table in page.select("article table:not([class])")] == [], path
        assert all(table.find_parent(class_="table-wrap") for table in page.select("article table")), path


@pytest.mark.parametrize("url, limit", MAX_ELEMENTS.items(), ids=[url or "home" for url in MAX_ELEMENTS])
def test_pages_stay_small(built_site, url, limit):
    assert elements(soup(built_site, url)) <= limit


@pytest.mark.parametrize("url, limit", MAX_ELEMENTS_MANY_SCHOOLS.items(), ids=["home", "schools index"])
def test_pages_listing_the_schools_stay_small_with_1000_schools(many_schools_site, url, limit):
    assert elements(soup(many_schools_site, url)) <= limit


def school_links(links: list[Tag], prefix: str) -> list[str]:
    return sorted(link["href"].removeprefix(prefix) for link in links)


def test_without_javascript_every_school_is_listed_once(many_schools_site):
    every = sorted(f"{path.parent.name}/" for path in (many_schools_site / "schools").glob("*/index.html"))
    assert len(every) == 1000
    home = soup(many_schools_site, "")
    assert len(home.select("#home-schools > li")) == 10  # with JavaScript, the finder shows at most these
    assert school_links(home.select(".find-school .school-list li > a"), "schools/") == every
    assert home.select_one("noscript#home-schools-more ul.school-list")
    index = soup(many_schools_site, "schools")
    assert len(index.select(".schools-table")[0].select("tbody tr")) == 50
    assert school_links(index.select(".schools-table tbody th a"), "") == every
    assert index.select_one("noscript#schools-more .schools-table table.data-table caption").get_text() == (
        "Schools with their own page (continued)")
    status = index.select_one("form.school-filter [role=status]").get_text()
    assert status == "The first 50 of 1,000 schools are shown: narrow the list by name or type, or show them all."


def test_with_few_schools_the_lists_are_whole(built_site):
    assert len(soup(built_site, "").select("#home-schools > li")) == 6
    index = soup(built_site, "schools")
    assert len(index.select(".schools-table tbody tr")) == 6 and index.select("noscript") == []
    assert index.select_one("[data-show-all]").has_attr("hidden")


@pytest.mark.parametrize("url", ["", "response-times/", "compare/primary/", "schools/"])
def test_scripts_do_not_hold_up_the_first_paint(built_site, url):
    """No script is in the page's markup to hold up its drawing: Material's script, then site.js, are asked for
    once the page's first text is drawn, and Material's is told that the page is read; the controls
    that need JavaScript are drawn from the first paint: a script in the head marks the page as scripted
    (site.css `.no-js .js-only`), none is `hidden`."""
    page = soup(built_site, url)
    assert page.select("script[src]") == []
    base = (Path(THEME_TEMPLATES) / "base.html").read_text(encoding="utf-8")
    theme = re.search(r"""<script src="\{\{ '(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)' \| url \}\}">""", base)
    assert theme, "Material's base.html no longer names its script as overrides/main.html expects"
    loader = [script.get_text() for script in page.body.select("script:not([src])") if "site.js" in script.get_text()]
    assert len(loader) == 1 and 'getEntriesByName("first-contentful-paint")' in loader[0]
    prefix = "../" * url.count("/")
    assert f'add("{prefix}{theme.group(1)}", function () {{' in loader[0]
    assert 'document.dispatchEvent(new Event("DOMContentLoaded"))' in loader[0]
    assert f'add("{prefix}assets/javascripts/site.js");' in loader[0]
    head = " ".join(script.get_text() for script in page.head.select("script:not([src])"))
    assert 'document.documentElement.classList.replace("no-js", "js")' in head
    assert page.html["class"] == ["no-js"]
    controls = page.select("article .js-only")
    assert controls and not [control.name for control in controls if control.has_attr("hidden")]
    assert page.select('link[href*="palette"]') == []  # the theme's default colours need no stylesheet
    # Nor the script that applies chosen colours: a script in the page before its text waits for the stylesheets,
    # and the browser draws the header on its own first, then the text (a later "largest paint" on a phone).
    article = page.select_one("article")
    before = [script for script in page.body.select("script:not([src])") if script.sourceline < article.sourceline]
    assert before == []
