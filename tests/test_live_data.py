"""The officer's data, whatever year it is for: what holds for any valid data, checked on the live data/ and on a
project in its second year (the 2008/09 edition after `new-year` and a year's edits: prices, a cell of the
inclusion table, a contact, an inserted clause, schools added and removed; tests/changes_edits.py).

Nothing here names a fact of one year: the facts of the 2008/09 edition are tested against its frozen copy in
tests/fixtures/edition-2008-09/ (the other test modules). After any valid year's edits, these tests pass."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages
from macros.sla import paths
from macros.sla.__main__ import main
from macros.sla.archive import latest_archive
from macros.sla.catalog import Catalog
from macros.sla.checks import school_slug
from macros.sla.load import load
from macros.sla.text import money

pytestmark = pytest.mark.build

PROJECTS = ["live_project", "year_two"]


class Built:
    """A project, its data loaded and its built site read."""

    def __init__(self, project: Path):
        self.data = project / "data"
        self.catalog: Catalog = load(self.data)
        self.site = project.parent / "site"
        self.pages = {path: BeautifulSoup((self.site / path).read_text(encoding="utf-8"), "html.parser")
                      for path in html_pages(self.site)}

    def text(self, path: str) -> str:
        page = self.pages[path]
        return re.sub(r"\s+", " ", page.get_text(" ")).strip()

    def page(self, address: str) -> str:
        """The file of a page address ('schools/x/' -> 'schools/x/index.html')."""
        return f"{address.strip('/')}/index.html" if address.strip("/") else "index.html"


@pytest.fixture(scope="module", params=PROJECTS)
def built(request) -> Built:
    return Built(request.getfixturevalue(request.param))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def test_the_data_passes_make_check(built, capsys):
    assert main(["check", str(built.data)]) == 0, capsys.readouterr().err


def test_every_page_names_the_year_its_data_is_for(built):
    year = built.catalog.prices.financial_year
    missing = [path for path in built.pages if path != "404.html" and f"Applies to {year}" not in built.text(path)]
    assert missing == []


def test_every_school_has_its_page_under_its_name(built):
    for school in built.catalog.schools:
        path = built.page(paths.school_page(school_slug(school)))
        assert path in built.pages, f"no page for {school.name}"
        assert words(school.name) in words(built.pages[path].select_one("h1").get_text(" "))


def test_every_school_type_has_its_page_under_its_name(built):
    for school_type in built.catalog.services.school_types:
        path = built.page(paths.type_page(school_type.id))
        assert path in built.pages, f"no page for {school_type.id}"
        assert words(school_type.name) in built.text(path)


def test_every_numbered_clause_is_on_its_sections_page_under_its_number(built):
    for numbered in built.catalog.numbered.values():
        path = built.page(paths.section_page(numbered.section.id))
        element = built.pages[path].find(id=numbered.id)
        assert element is not None, f"{numbered.number} ({numbered.id}) has no element on {path}"
        assert numbered.number in built.text(path), f"{numbered.number} is not on {path}"


def test_every_price_in_the_data_is_on_the_site(built):
    prices = built.catalog.prices
    amounts = {money(price) for price_list in prices.price_lists for group in price_list.groups
               for item in group.items for price in item.prices.values()}
    amounts |= {money(package.price) for package in prices.package_prices}
    amounts |= {money(service.price) for service in prices.service_prices}
    everywhere = " ".join(built.text(path) for path in built.pages)
    assert [amount for amount in sorted(amounts) if amount not in everywhere] == []


def test_every_contact_is_on_the_site_with_their_email_and_telephone(built):
    everywhere = " ".join(built.text(path) for path in built.pages)
    for contact in built.catalog.services.contacts:
        for value in (contact.name, contact.email, contact.telephone):
            assert words(value) in everywhere, f"{contact.id}: {value!r} is not on the site"


def test_every_internal_link_leads_to_a_page_and_anchor_that_exist(built):
    checked = 0
    for path, page in built.pages.items():
        for link in page.find_all("a", href=True):
            href = link["href"]
            if re.match(r"^(mailto:|tel:|https?:|#__)", href):
                continue
            url, fragment = urldefrag(urljoin("http://site/" + path, href))
            target = url.removeprefix("http://site/").partition("?")[0]  # ?school= is for the planner's script
            if not target.endswith("/") and not target.endswith(".html") and target:
                assert (built.site / target).is_file(), f"{path}: {href} leads to no file"
                continue
            target = built.page(target) if not target.endswith(".html") else target
            assert target in built.pages, f"{path}: {href} leads to no page"
            if fragment:
                assert built.pages[target].find(id=fragment) is not None, f"{path}: {href}: no #{fragment}"
            checked += 1
    assert checked > len(built.pages)


def test_the_changes_page_compares_with_the_latest_archive_if_there_is_one(built):
    archive = latest_archive(built.data, built.catalog)
    changes = [path for path in built.pages if path.startswith("changes/")]
    if archive is None:
        assert all(f"since {built.catalog.prices.financial_year}" not in built.text(path) for path in changes)
    else:
        assert changes, "no page of what has changed"
        assert any(archive.year in built.text(path) for path in changes)
