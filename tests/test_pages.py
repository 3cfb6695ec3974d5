"""The entitlement pages: which exist, and that every cell they show is right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import ROOT
from macros.sla.checks import school_slug
from macros.sla.load import load
from macros.sla.pages import site_pages
from spec_facts import MATRIX, SERVICE_LEVELS, TIERS
from test_entitlement import BY_CODE, PC_THRESHOLD

TYPES = {"primary": "Primary schools", "primary-formerly-gm": "Primary schools formerly grant maintained",
         "secondary": "Secondary schools", "secondary-formerly-gm": "Secondary schools formerly grant maintained"}


def text_of(element: Tag) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).replace(" ,", ",").strip()


@pytest.fixture(scope="module")
def catalog():
    return load(ROOT / "data")


def page(built_site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- the list of pages ---------------------------------------------------------


def test_the_generated_pages(catalog):
    pages = site_pages(catalog)
    assert [(p.path, p.nav) for p in pages if p.nav == "entitlement"] == [
        ("entitlement/primary", "entitlement"), ("entitlement/primary-formerly-gm", "entitlement"),
        ("entitlement/secondary", "entitlement"), ("entitlement/secondary-formerly-gm", "entitlement"),
        ("compare/primary", "entitlement"), ("compare/secondary", "entitlement"), ("schools/index", "entitlement")]
    schools = [p for p in pages if p.path.startswith("schools/") and p.path != "schools/index"]
    assert [p.path for p in schools] == [f"schools/{school_slug(s)}" for s in catalog.schools]
    assert all(p.nav is None and not p.searched for p in schools)
    specification = [p for p in pages if p.nav == "specification"]
    assert [p.path for p in specification][-1] == "whole-specification" and not specification[-1].searched
    assert len(specification) == 14
    assert [(p.path, p.nav) for p in pages if p.nav == "about"] == [("accessibility", "about"), ("privacy", "about")]


def test_school_pages_stay_out_of_the_navigation_and_the_search_index(built_site):
    home = page(built_site, "")
    assert not home.select(".md-nav a[href*='schools/example-']")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [entry for entry in index["docs"] if entry["location"].startswith("schools/example-")]
    assert (built_site / "schools" / "example-hill-top-primary-school-fictional" / "index.html").exists()


# --- a page per school type ----------------------------------------------------


def _cell_words(td: Tag) -> tuple[str, str, str]:
    """(not known, YHGFL school, other school) as the cell says them."""
    unknown, yes, no = (td.select_one(f".when-yhgfl-{k}") for k in ("unknown", "yes", "no"))
    if unknown is None:
        return (text_of(td),) * 3
    return text_of(unknown), text_of(yes), text_of(no)


@pytest.mark.parametrize("school_type", ["primary", "primary-formerly-gm"])
def test_primary_type_pages_show_every_cell_in_words(built_site, school_type):
    table = page(built_site, f"entitlement/{school_type}").select_one("#services-by-tier + div table")
    assert [text_of(th) for th in table.select("thead th")] == ["Service"] + TIERS["primary"]
    rows = [tr for tr in table.select("tbody tr") if "group-row" not in (tr.get("class") or [])]
    assert len(rows) == len(MATRIX)
    for tr, (_group, service, codes) in zip(rows, MATRIX, strict=True):
        assert text_of(tr.th).startswith(service)
        for td, code, tier in zip(tr.find_all("td"), codes.split(), TIERS["primary"], strict=True):
            yes, no, unknown = (status.value for status in BY_CODE[code])
            assert _cell_words(td) == (unknown, yes, no), (service, tier)
            assert td["data-for-tiers"] in ("core", "gold", "platinum", "platinum-plus")


def test_supported_software_cells_link_to_the_list(built_site):
    table = page(built_site, "entitlement/primary").select_one("#services-by-tier + div table")
    links = {a["href"] for a in table.find_all("a") if text_of(a) == "Supported software only"}
    assert links == {"../../specification/services/#software-supported"}


def test_the_pc_condition_is_stated_on_the_type_page(built_site):
    table = page(built_site, "entitlement/primary").select_one("#services-by-tier + div table")
    header = next(th for th in table.select("tbody th") if text_of(th).startswith("Access to SIMS from more than"))
    assert "(for schools with more than 10 PCs on the administration network)" in text_of(header)


@pytest.mark.parametrize("school_type", list(TYPES))
def test_type_page_says_what_is_free_and_what_costs(built_site, school_type):
    soup = page(built_site, f"entitlement/{school_type}")
    assert text_of(soup.select_one("article h1")).startswith(f"{TYPES[school_type]}: what you are entitled to")
    free, paid = next((f, p) for name, f, p in SERVICE_LEVELS if name == TYPES[school_type])
    costs = [text_of(li) for li in soup.select("ul.tier-costs li")]
    assert costs == [f"At no additional cost: {', '.join(free)}", f"At additional cost: {', '.join(paid)}"]
    for section in soup.select(".tier-section"):
        assert section["data-for-tiers"]
    headings = [text_of(h2) for h2 in soup.select("article h2[id]")]
    assert headings == ["Contract and prices ¶", "What each tier includes ¶", "Services by tier ¶",
                        "Available to every school ¶", "Response times ¶", "Whom to contact ¶"]
    terms = [re.sub(r"\s+", " ", li.get_text()).strip() for li in soup.select("ul.contract-terms li")]
    assert terms == [
        "Contracts run from 1 April on an annual rolling basis (section 5.2).",
        "To end a contract, either party gives at least one term's notice, in writing (section 5.3).",
        "A new contract, or a change of level, commits the school for three years (section 5.4).",
        "Prices of the tiers: to be notified (section 12.2).",
        "Subscriptions are payable annually in advance; pay-as-you-use services are invoiced monthly; invoices are "
        "due within 28 days of the date of invoice (section 13.2)."]
    response = soup.find("h2", id="response-standards").find_next("p")
    assert text_of(response).startswith("For general enquiries Performance Support and ICT Services will endeavour")
    assert "Pam Plant" in text_of(soup.select_one("ol.escalation"))
    assert "Will receive attention within 1 working day." in text_of(soup.select_one("article"))


def test_tier_sections_are_shown_for_the_tiers_that_include_them(built_site):
    sections = {section.h3["id"]: section["data-for-tiers"]
                for section in page(built_site, "entitlement/primary").select(".tier-section")}
    assert sections == {"tier-core": "core gold platinum platinum-plus", "tier-gold": "gold platinum platinum-plus",
                        "tier-platinum": "platinum platinum-plus", "tier-platinum-plus": "platinum-plus"}


def test_secondary_pages_publish_no_matrix_and_invent_none(built_site):
    soup = page(built_site, "entitlement/secondary")
    assert "publishes no table of service inclusions and exclusions for secondary schools" in text_of(soup)
    assert not soup.select("#services-by-tier + div table")
    silver = soup.find(id="tier-silver").parent
    assert "technical support for SIMS.NET software errors on the school server" in text_of(silver)
    assert not soup.select("input[name=yhgfl]")  # nothing depends on YHGFL membership here


def test_every_school_section_has_this_phases_prices_only(built_site):
    primary = page(built_site, "entitlement/primary").find(id="every-capita-top-up").parent
    table = primary.find("table")
    assert [text_of(th) for th in table.select("thead th")] == ["Support", "Primary schools"]
    assert "£850" in text_of(table) and "£1,090" not in text_of(table)
    secondary = page(built_site, "entitlement/secondary").find(id="every-capita-top-up").parent
    assert "£1,090" in text_of(secondary.find("table"))


# --- comparison ------------------------------------------------------------------


def test_primary_comparison_marks_the_differences(built_site):
    soup = page(built_site, "compare/primary")
    costs = soup.find("table")
    assert [[text_of(td) for td in tr.find_all("td")] for tr in costs.select("tbody tr")] == [
        ["No additional cost", "Additional cost", "Additional cost", "Additional cost"]] * 2
    matrix = soup.select("table")[1]
    marked = [text_of(tr.th).removesuffix(" Differs") for tr in matrix.select("tbody tr.differs")]
    expected = [service for _, service, codes in MATRIX if len(set(codes.split())) > 1]
    assert marked == expected
    assert f"{len(expected)} of the {len(MATRIX)} services differ between tiers" in text_of(soup)


def test_secondary_comparison_shows_described_services(built_site):
    soup = page(built_site, "compare/secondary")
    table = soup.select("table")[-1]
    assert [text_of(th) for th in table.select("thead th")] == ["Service", "Core", "Silver", "Platinum"]
    rows = {text_of(tr.th): [text_of(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")
            if tr.find("td")}
    assert rows["a contribution towards SIMS licenses;"] == ["Not included", "Included", "Included"]
    assert rows["special advice line for ICT staff in schools;"] == ["Not included", "Not included", "Included"]


# --- schools ---------------------------------------------------------------------


def test_schools_index_lists_every_school(built_site, catalog):
    rows = page(built_site, "schools").select(".schools-table tbody tr")
    assert [text_of(tr.th) for tr in rows] == [school.name for school in catalog.schools]
    for tr, school in zip(rows, catalog.schools, strict=True):
        assert tr.a["href"] == f"{school_slug(school)}/"
        assert tr["data-school-type"] == school.school_type


@pytest.mark.parametrize("index", range(6))
def test_each_school_page_is_its_own_entitlement(built_site, catalog, index):
    school = catalog.schools[index]
    soup = page(built_site, f"schools/{school_slug(school)}")
    assert text_of(soup.select_one("article h1")).startswith(school.name)
    summary = text_of(soup.select_one("dl.school-summary"))
    assert f"YHGFL school {'Yes' if school.yhgfl else 'No'}" in summary
    assert f"PCs on the administration network {school.admin_pcs}" in summary
    assert soup.select_one("dl.school-summary a")["href"] == f"../../entitlement/{school.school_type}/"
    table = soup.select_one("#what-you-get + div table")
    if school.school_type.startswith("secondary"):
        assert table is None
        assert "publishes no table" in text_of(soup.select_one("article"))
        return
    rows = [tr for tr in table.select("tbody tr") if "group-row" not in (tr.get("class") or [])]
    tier_index = ["core", "gold", "platinum", "platinum-plus"].index(school.tier)
    for tr, (_, service, codes) in zip(rows, MATRIX, strict=True):
        code = codes.split()[tier_index]
        threshold = PC_THRESHOLD.get(service)
        shown = text_of(tr.td)
        if threshold is not None and school.admin_pcs <= threshold:
            assert shown == f"Does not apply: the school has {school.admin_pcs} PCs on its administration network"
        else:
            assert shown == BY_CODE[code][0 if school.yhgfl else 1].value, service


def test_status_words_are_explained_under_the_tables(built_site):
    key = page(built_site, "schools/example-hill-top-primary-school-fictional").select_one("dl.status-key")
    assert [text_of(dt) for dt in key.find_all("dt")] == [
        "Included", "Not included", "Optional extra", "Not available", "Supported software only"]
    assert text_of(key.find("dd", string=lambda s: s and "only YHGFL" in s)) == \
        "an extra that only YHGFL schools can buy."
    type_key = page(built_site, "entitlement/primary").select_one("dl.status-key")
    assert "YHGFL schools only" in [text_of(dt) for dt in type_key.find_all("dt")]


def test_school_page_has_its_tier_and_what_it_builds_on(built_site):
    soup = page(built_site, "schools/example-hill-top-primary-school-fictional")
    assert [h3["id"] for h3 in soup.select(".tier-section h3")] == ["tier-core", "tier-gold"]
    assert soup.find("h2", id="tier").get_text().startswith("What Gold includes")


# --- home --------------------------------------------------------------------------


def test_home_page_leads_with_the_question(built_site):
    soup = page(built_site, "")
    article = soup.select_one("article")
    assert text_of(article.h1).startswith("What is my school entitled to?")
    links = [(text_of(a), a["href"]) for a in article.select("ul.school-type-choices a")]
    assert links == [(name, f"entitlement/{type_id}/") for type_id, name in TYPES.items()]
    assert article.find("a", href="schools/", string="find your school by name")
    assert text_of(article).index("What is my school entitled to?") < text_of(article).index("Key contacts")
    contacts = article.select_one(".key-contacts")
    assert [text_of(card.strong) for card in contacts.select(".contact-card")] == ["Pam Plant", "Sue Rumbold"]
    assert contacts.find("a", string="section 11.1")["href"] == "specification/complaints/#escalation"
