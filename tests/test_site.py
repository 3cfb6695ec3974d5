"""The built site states every fact of the specification, in the right place."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from built_pages import read_page
from spec_facts import (
    CAPITA_PRICES,
    CONTACTS,
    CROSS_REFERENCES,
    LEGEND,
    MATRIX,
    PHRASES,
    PRIORITIES,
    SERVICE_LEVELS,
    SOFTWARE,
    TIERS,
)

pytestmark = pytest.mark.build


def text_of(element: Tag) -> str:
    text = re.sub(r"\s+", " ", element.get_text(" "))
    return text.replace(" ,", ",").replace(" .", ".").replace(" :", ":").strip()


class Pages(dict):
    """Every page by its URL path ('' for the home page, 'specification/services/' ...), and the downloads."""

    downloads: set[str]


@pytest.fixture(scope="module")
def pages(built_site: Path) -> Pages:
    result = Pages()
    for file in built_site.rglob("*.html"):
        url = file.relative_to(built_site).as_posix().removesuffix("index.html")
        result[url] = read_page(file)
    result.downloads = {file.relative_to(built_site).as_posix() for file in (built_site / "downloads").iterdir()}
    return result


@pytest.fixture(scope="module")
def site_text(pages) -> str:
    return " ".join(text_of(page.select_one("article")) for page in pages.values() if page.select_one("article"))


def table(pages, caption: str) -> Tag:
    """The table with this caption in the specification (entitlement pages repeat some)."""
    found = [t for url, page in pages.items() if url.startswith("specification/") for t in page.find_all("table")
             if t.caption and text_of(t.caption) == caption]
    assert len(found) == 1, f"expected one table captioned {caption!r}, found {len(found)}"
    return found[0]


def resolve(pages, page_url: str, href: str) -> Tag | None:
    """The element a link leads to (None for a download); fails if the page, file or anchor is missing. A query
    (the planner's ?school=) is for the page's script: the page is the one without it."""
    url, fragment = urldefrag(urljoin("http://site/" + page_url, href))
    path = url.removeprefix("http://site/").partition("?")[0]
    if path.startswith("downloads/") and not fragment:
        assert path in pages.downloads, f"link {href!r} on {page_url!r} leads to a missing download {path!r}"
        return None
    assert path in pages, f"link {href!r} on {page_url!r} leads to a missing page {path!r}"
    target = pages[path].find(id=fragment) if fragment else pages[path].select_one("article h1")
    assert target is not None, f"link {href!r} on {page_url!r}: no element with id {fragment!r} on {path!r}"
    return target


# --- facts -------------------------------------------------------------------


@pytest.mark.parametrize("phrase", PHRASES)
def test_phrase_is_on_the_site(site_text, phrase):
    assert phrase in site_text


def test_inclusion_matrix_has_every_row_and_cell(pages):
    matrix = table(pages, "Service Inclusions and Exclusions (Primary Schools)")
    assert [text_of(th) for th in matrix.select("thead th")] == ["Service"] + TIERS["primary"]
    rows, group = [], None
    for tr in matrix.select("tbody tr"):
        if "group-row" in (tr.get("class") or []):
            group = text_of(tr)
            continue
        codes = [td.find(string=True, recursive=False).strip() for td in tr.find_all("td")]
        meanings = [text_of(td.select_one(".visually-hidden")).strip("()") for td in tr.find_all("td")]
        assert meanings == [LEGEND[code] for code in codes]
        rows.append((group, text_of(tr.th), " ".join(codes)))
    assert rows == MATRIX


def test_inclusion_matrix_legend(pages):
    legend = [text_of(li) for url, page in pages.items() if url.startswith("specification/")
              for li in page.select("ul.legend li")]
    assert legend == [f"{code}: {meaning}" for code, meaning in LEGEND.items()]


def test_inclusion_matrix_rows_carry_their_anchors(pages):
    """Links and search results lead to a row of the table (the table is in the page once: on phones its rows
    are cards, and each cell says what its code means)."""
    matrix = table(pages, "Service Inclusions and Exclusions (Primary Schools)")
    rows = [(text_of(tr.th), tr["id"]) for tr in matrix.select("tbody tr:not(.group-row)")]
    assert [name for name, _ in rows] == [service for _, service, _ in MATRIX]
    assert len({anchor for _, anchor in rows}) == len(rows) and all(anchor.startswith("inclusions--")
                                                                    for _, anchor in rows)
    first = matrix.find("tr", id="inclusions--ict-helpdesk--software-installation-and-configuration")
    assert [text_of(td) for td in first.find_all("td")] == [
        "N (not included)", "B (YHGFL schools only)", "Y (included)", "Y (included)"]
    assert pages["specification/services/"].select("details.in-words") == []


def test_service_levels_by_school_type(pages):
    levels = table(pages, "Service levels by school type")
    columns = [text_of(th) for th in levels.select("thead th")][1:]
    # Each tier's link says its phase to a screen reader: the tiers of both phases share names.
    assert [text_of(a) for a in levels.select("tbody tr")[1].find_all("a")][-2:] == [
        "Silver (Secondary schools)", "Platinum (Secondary schools)"]
    for hidden in levels.select(".visually-hidden"):
        hidden.decompose()
    free, paid = [[text_of(td) for td in tr.find_all("td")] for tr in levels.select("tbody tr")]
    assert [(name, free[i].split(", "), paid[i].split(", ")) for i, name in enumerate(columns)] == SERVICE_LEVELS


def test_response_standards(pages):
    standards = table(pages, "ICT Support Response Standards Summary")
    rows = standards.select("tbody tr")
    assert len(rows) == len(PRIORITIES)
    for tr, (level, name, share, attention, updates) in zip(rows, PRIORITIES, strict=True):
        header = text_of(tr.th)
        assert header.startswith(f"{level}. {name}")
        if share:
            assert header.endswith(f"(expected to apply to {share} of incidents)")
        cells = tr.find_all("td")
        assert text_of(cells[1]) == (attention or "—")
        assert [text_of(li) for li in cells[2].find_all("li")] == updates


def test_critical_definition_has_all_five_bullets(pages):
    critical = table(pages, "ICT Support Response Standards Summary").select("tbody tr")[0]
    assert len(critical.find_all("td")[0].find_all("li")) == 5


def test_capita_top_up_prices(pages):
    prices = table(pages, "Capita SIMS Top-Up Subscription Service Prices 2008/09")
    assert [text_of(th) for th in prices.select("thead th")] == ["Support", "Primary schools", "Secondary schools"]
    rows = [(text_of(tr.th), *[text_of(td) for td in tr.find_all("td")])
            for tr in prices.select("tbody tr") if tr.find("td")]
    assert rows == [(name, primary or "not offered", secondary) for name, primary, secondary in CAPITA_PRICES]
    groups = [text_of(tr) for tr in prices.select("tbody tr.group-row")]
    assert groups == ["Individual modules"]


def test_supported_software(pages):
    software = table(pages, "Summary of Supported Software")
    rows = software.select("tbody tr")
    assert len(rows) == len(SOFTWARE)
    for tr, (kind, products, technical, use) in zip(rows, SOFTWARE, strict=True):
        cells = [text_of(td) for td in tr.find_all("td")]
        assert text_of(tr.th) == kind
        assert cells[0] == ", ".join(products)
        assert cells[1] == technical
        assert cells[2].startswith(use)


@pytest.mark.parametrize("name, role, email, telephone, fax", CONTACTS)
def test_contacts_are_complete(pages, name, role, email, telephone, fax):
    cards = [card for page in pages.values() for card in page.select(".contact-card")
             if name in text_of(card)]
    assert cards, f"no contact card for {name}"
    for card in cards:
        text = text_of(card)
        assert f"{name}, {role}" in text
        assert f"E-mail: {email}" in text and f"Telephone: {telephone}" in text and f"Fax: {fax}" in text
        assert [a.get_text() for a in card.find_all("a", href=f"mailto:{email}")] == [email]


def test_telephone_numbers_are_tel_links_in_international_form(pages):
    links = {(a["href"], text_of(a)) for page in pages.values() for a in page.select("a[href^='tel:']")}
    assert links == {("tel:+441422392569", "01422 392569"), ("tel:+441422392527", "01422 392527")}
    card = pages["specification/providers/"].select_one(".contact-card")
    assert [(a["href"], text_of(a)) for a in card.select("a[href^='tel:']")] == [
        ("tel:+441422392569", "01422 392569")]


def test_escalation_chain_in_order(pages):
    steps = pages["specification/complaints/"].select("ol.escalation > li")
    texts = [text_of(step) for step in steps]
    assert len(texts) == 4
    assert "officer concerned or to the ICT Service Desk" in texts[0]
    assert "Pam Plant" in texts[1] and "Sue Rumbold" in texts[2]
    assert "complaints procedure" in texts[3]


def test_silver_availability_differs_for_former_grant_maintained(pages):
    silver = pages["specification/services/"].find(id="silver").find_next("ul", class_="availability")
    assert [text_of(li) for li in silver.find_all("li")] == [
        "Secondary schools: available at no additional cost",
        "Secondary schools formerly grant maintained: available at additional cost"]


def test_tiers_say_what_they_build_on(site_text):
    assert "Services include everything in Core, plus:" in site_text
    assert "Services include everything in Core and Gold, plus:" in site_text
    assert "Services include everything in Core, Gold and Platinum, plus:" in site_text
    assert "Services include everything in Core and Silver, plus:" in site_text


# --- numbering and cross-references --------------------------------------------


def test_clauses_are_numbered(pages):
    page = pages["specification/service-standards/"]
    assert text_of(page.find(id="responsiveness")).startswith("3.2.5 Responsiveness")
    assert text_of(page.select_one("article h1")).startswith("3 Service Standards")
    assert text_of(pages["specification/contract-length/"].find(id="notice-period")).startswith("5.3 To terminate")


@pytest.mark.parametrize("number, expected", CROSS_REFERENCES.items())
def test_the_documents_own_references_lead_to_the_right_clause(pages, number, expected):
    links = [(url, a) for url, page in pages.items() for a in page.select("article a")
             if text_of(a) == f"section {number}"]
    assert links, f"no link 'section {number}' on the site"
    for url, link in links:
        target = resolve(pages, url, link["href"])
        assert expected in text_of(target), f"'section {number}' on {url} leads to {text_of(target)[:80]!r}"


def test_every_internal_link_and_anchor_exists(pages):
    checked = 0
    for url, page in pages.items():
        for link in page.find_all("a", href=True):
            href = link["href"]
            if re.match(r"^(mailto:|tel:|https?:)", href) or href.startswith("#__"):
                continue
            resolve(pages, url, href)
            checked += 1
    assert checked > 100


def test_ids_are_unique_on_every_page(pages):
    for url, page in pages.items():
        ids = [element["id"] for element in page.find_all(id=True)]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{url}: duplicate ids {duplicates}"


def test_navigation_lists_every_section_in_order(pages):
    nav = [text_of(a) for a in pages[""].select(".md-nav--primary .md-nav__link")
           if re.match(r"^\d+ ", text_of(a))]
    assert nav[:3] == ["1 What is the purpose of this document?", "2 Who are the service providers?",
                       "3 Service Standards"]
    assert nav[-1] == "13 How will I be charged?"


# --- search --------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_index(built_site: Path) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _search_targets() -> list[tuple[str, str]]:
    targets = [("matrix row", service) for _, service, _ in MATRIX]
    targets += [("software", product) for _, products, _, _ in SOFTWARE for product in products]
    targets += [("tier", f"{name} Service") for names in TIERS.values() for name in names if name != "Core"]
    targets += [("contact", name) for name, *_ in CONTACTS]
    targets += [("price", name) for name, *_ in CAPITA_PRICES]
    return targets


@pytest.mark.parametrize("kind, term", _search_targets())
def test_search_index_finds_it_with_a_readable_preview(pages, search_index, kind, term):
    entries = [entry for entry in search_index if term in html.unescape(entry["title"])]
    if kind == "contact":
        entries = [entry for entry in search_index if term in entry["text"]]
    assert entries, f"no search entry for {kind} {term!r}"
    for entry in entries:
        url, _, fragment = entry["location"].partition("#")
        target = resolve(pages, url, "#" + fragment if fragment else "")
        preview = BeautifulSoup(entry["text"], "html.parser").get_text(" ")
        assert not re.search(r"\b([YNOBS]) \1 \1\b", preview), f"table debris in preview: {preview[:120]!r}"
        assert target is not None


def test_tables_themselves_are_kept_out_of_the_search_index(pages):
    tables = [data_table for page in pages.values() for data_table in page.select("article table")]
    assert len(tables) >= 30
    assert [data_table.caption.get_text() for data_table in tables if not data_table.has_attr("data-search-exclude")
            ] == []
