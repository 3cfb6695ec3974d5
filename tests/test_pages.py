"""The entitlement pages, built: every cell they show is right (the list of pages: test_page_list.py)."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from built_pages import read_page
from spec_facts import MATRIX, SERVICE_LEVELS, TIERS
from test_entitlement import BY_CODE, PC_THRESHOLD

pytestmark = pytest.mark.build

TIER_SECTIONS = {"primary": ["core", "gold", "platinum", "platinum-plus"], "secondary": ["core", "silver", "platinum"]}
"""Each phase's tiers, each with a page of its own for each school type."""
TYPES = {"primary": "Primary schools", "primary-formerly-gm": "Primary schools formerly grant maintained",
         "secondary": "Secondary schools", "secondary-formerly-gm": "Secondary schools formerly grant maintained"}


def text_of(element: Tag) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).replace(" ,", ",").strip()


def summary_rows(soup: BeautifulSoup) -> dict[str, list[str]]:
    """The summary list at the top of a page: each row's label and the text of each of its lines."""
    return {text_of(row.dt): [" ".join(p.get_text().split()) for p in row.dd.find_all("p")]
            for row in soup.select(".summary-list-row")}


def page(built_site: Path, path: str, explained: bool = False) -> BeautifulSoup:
    """The page's HTML; without the words in brackets that explain the first use of a glossary word (tested in
    test_glossary_build.py), unless `explained`."""
    return read_page(built_site / path / "index.html", explained)


# --- pages kept out of the navigation and search ---------------------------------


def test_school_pages_stay_out_of_the_navigation_and_their_text_out_of_the_search_index(built_site):
    home = page(built_site, "")
    assert sorted({a["href"] for a in home.select(".md-nav a") if a["href"].startswith("schools/")}) == ["schools/"]
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    school = [entry for entry in index["docs"] if entry["location"].startswith("schools/example-hill-top-")]
    assert school == [{"location": "schools/example-hill-top-primary-school-fictional/",  # its name finds it
                       "title": "Example Hill Top Primary School (fictional)", "text": "Primary schools, Gold",
                       "boost": 0.5}]
    assert (built_site / "schools" / "example-hill-top-primary-school-fictional" / "index.html").is_file()


def test_every_page_out_of_the_navigation_leads_to_the_same_pages_as_the_home_page(built_site):
    """Pages outside the navigation share one copy of it per folder (macros/site.py `shared_navigation`): each
    such page's links, read from where it is, lead where the home page's do."""
    def targets(path: str) -> list[str]:
        links = [link for link in page(built_site, path).select("nav.md-nav--primary a[href]")
                 if link.find_parent("nav", class_="md-nav--secondary") is None]  # not the home page's contents
        return [posixpath.normpath(posixpath.join("/" + path, link["href"].split("#")[0])) for link in links]

    expected = targets("")
    outside = [f"{folder.relative_to(built_site).as_posix()}/"
               for pattern in ("schools/*/", "entitlement/*/*/", "compare/*/*/")
               for folder in sorted(built_site.glob(pattern)) if (folder / "index.html").is_file()]
    assert len(outside) > 10 and {path.split("/")[0] for path in outside} == {"schools", "entitlement", "compare"}
    for path in outside:
        assert targets(path) == expected, path


# --- a page per school type ----------------------------------------------------


PRIMARY_TIERS = ["core", "gold", "platinum", "platinum-plus"]


@pytest.mark.parametrize("school_type", ["primary", "primary-formerly-gm"])
@pytest.mark.parametrize("tier", PRIMARY_TIERS)
def test_each_primary_tier_page_shows_every_cell_in_words(built_site, school_type, tier):
    """Each tier's column of the published table, in words; a cell that depends on YHGFL says so, and the section
    after gives both answers."""
    soup = page(built_site, f"entitlement/{school_type}/{tier}")
    column = PRIMARY_TIERS.index(tier)
    table = soup.select_one("#services + div table")
    assert [text_of(th) for th in table.select("thead th")] == ["Service", TIERS["primary"][column]]
    rows = [tr for tr in table.select("tbody tr") if "group-row" not in (tr.get("class") or [])]
    assert len(rows) == len(MATRIX)
    both = {text_of(tr.th): [text_of(td) for td in tr.find_all("td")]
            for tr in soup.select(".yhgfl-table table tbody tr")}
    for tr, (group, service, codes) in zip(rows, MATRIX, strict=True):
        yes, no, unknown = (status.value for status in BY_CODE[codes.split()[column]])
        assert text_of(tr.th).startswith(service)
        assert text_of(tr.td) == unknown, (service, tier)
        if yes != no:
            assert both.pop(f"{service} ({group})") == [yes, no]
    assert both == {}


def test_supported_software_cells_link_to_the_list(built_site):
    table = page(built_site, "entitlement/primary/gold").select_one("#services + div table")
    links = {a["href"] for a in table.find_all("a") if text_of(a) == "Supported software only"}
    assert links == {"../../../specification/services/#software-supported"}


def test_the_pc_condition_is_stated_on_the_tier_page(built_site):
    table = page(built_site, "entitlement/primary/core").select_one("#services + div table")
    header = next(th for th in table.select("tbody th") if text_of(th).startswith("Access to SIMS from more than"))
    assert re.sub(r"\s+", " ", header.get_text()) == (
        "Access to SIMS from more than 10 PCs (for schools with more than 10 PCs or laptops with access to SIMS "
        "(why?: \"Access to SIMS from more than 10 PCs\" counts PCs or laptops throughout the school, a note about "
        "this edition))")
    assert header.select_one(".row-note a")["href"] == "../../../about-this-edition/#note-admin-pcs"


PRICED = {"primary": "Gold, Platinum and Platinum+", "primary-formerly-gm": "Gold, Platinum and Platinum+",
          "secondary": "Platinum", "secondary-formerly-gm": "Silver and Platinum"}


@pytest.mark.parametrize("school_type", list(TYPES))
def test_type_page_says_what_is_free_and_what_costs(built_site, school_type):
    soup = page(built_site, f"entitlement/{school_type}")
    assert text_of(soup.select_one("article h1")).startswith(f"{TYPES[school_type]}: what you are entitled to")
    free, paid = next((f, p) for name, f, p in SERVICE_LEVELS if name == TYPES[school_type])
    costs = summary_rows(soup)["Tier and cost"]
    packages = "section 12.2"
    assert costs == [f"{name}: at no additional cost" for name in free] + [
        f"{name}: at additional cost; the price is to be notified ({packages})" for name in paid]
    phase = school_type.removesuffix("-formerly-gm")
    tiers = [(text_of(a), a["href"]) for a in soup.select("table[data-tier-pages] a")]
    assert tiers == [(TIERS[phase][i], f"{tier_id}/") for i, tier_id in enumerate(TIER_SECTIONS[phase])]
    assert not soup.select(".tier-section")  # each tier is on its own page
    headings = [text_of(h2) for h2 in soup.select("article h2[id]")]
    assert headings == ["The tiers", "At a glance", "Contents",
                        "Contract and prices ¶", "Available to every school ¶", "Response times ¶",
                        "Whom to contact ¶", "What has changed for you since last year ¶"]
    contents = [(text_of(a), a["href"]) for a in soup.select("nav.page-contents a")]
    assert contents == [("The tiers", "#tiers"), ("At a glance", "#summary"),
                        ("Contract and prices", "#contract"), ("Available to every school", "#every-school"),
                        ("Response times", "#response-standards"), ("Whom to contact", "#contacts"),
                        ("What has changed for you since last year", "#changes")]
    terms = [re.sub(r"\s+", " ", li.get_text()).strip() for li in soup.select("ul.contract-terms li")]
    assert terms == [
        "From 1 April, the contract runs on an annual rolling basis unless either party gives notice to end it "
        "(section 5.2).",
        "To end the contract at any point after 1 April, either party must give the other at least one term's "
        "notice, in writing; the service then ends at the end of that financial year (section 5.3).",
        "From 1 April, a school contracting for the first time, or changing the level of its contract, must be "
        "willing to commit to the new contract for an initial period of three years (section 5.4).",
        f"Prices of the tiers at additional cost: to be notified for {PRICED[school_type]} (section 12.2).",
        "Subscriptions are payable annually in advance, invoiced as early as possible after 1 April (section 13.1).",
        "Pay-as-you-use services are invoiced monthly; schools should pay invoices within 28 days of the date of "
        "invoice, or raise queries with the initiator immediately (section 13.2)."]
    response = soup.find("h2", id="response-standards").find_next("div", class_="response-times")
    assert "pre-determined response times, as the site reads the specification" in text_of(response.p)
    assert "For general enquiries Performance Support and ICT Services will endeavour" in text_of(response)
    assert [text_of(card.strong) for card in soup.select("ol.escalation .contact-card")] == ["Pam Plant",
                                                                                          "Sue Rumbold"]
    assert "Will receive attention within 1 working day." in text_of(soup.select_one("article"))


def test_secondary_pages_publish_no_matrix_and_invent_none(built_site):
    soup = page(built_site, "entitlement/secondary/silver")
    assert "publishes no table of service inclusions and exclusions for secondary schools" in text_of(soup)
    assert not soup.select("#services + div table")
    silver = soup.find(id="tier-silver").parent
    assert "technical support for SIMS.NET software errors on the school server" in text_of(silver)
    assert not soup.select("#yhgfl")  # nothing depends on YHGFL membership here


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
    assert marked == expected and len(expected) == 26
    assert "26 of the 46 services differ between tiers" in text_of(soup)


def test_secondary_comparison_shows_described_services(built_site):
    soup = page(built_site, "compare/secondary")
    table = soup.select("table")[-1]
    assert [text_of(th) for th in table.select("thead th")] == ["Service", "Core", "Silver", "Platinum"]
    rows = {text_of(tr.th): [text_of(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")
            if tr.find("td")}
    assert rows["a contribution towards SIMS licenses;"] == ["Not listed for this tier", "Included", "Included"]
    assert rows["special advice line for ICT staff in schools;"] == [
        "Not listed for this tier", "Not listed for this tier", "Included"]


# --- schools ---------------------------------------------------------------------


# The schools of data/schools.yaml: page address, name, school type, tier, YHGFL school, admin PCs.
SCHOOLS = [
    ("example-brookside-primary-school-fictional", "Example Brookside Primary School (fictional)",
     "primary", "gold", True, 8),
    ("example-hill-top-primary-school-fictional", "Example Hill Top Primary School (fictional)",
     "primary", "gold", False, 14),
    ("example-moorside-junior-and-infant-school-fictional", "Example Moorside Junior and Infant School (fictional)",
     "primary-formerly-gm", "platinum-plus", True, 22),
    ("example-valley-primary-school-fictional", "Example Valley Primary School (fictional)",
     "primary", "core", False, 4),
    ("example-castle-high-school-fictional", "Example Castle High School (fictional)",
     "secondary", "silver", True, 40),
    ("example-ridge-academy-fictional", "Example Ridge Academy (fictional)",
     "secondary-formerly-gm", "platinum", False, 35),
]


def test_schools_index_lists_every_school(built_site):
    rows = page(built_site, "schools").select(".schools-table tbody tr")
    assert [(tr.a["href"], text_of(tr.th), tr["data-school-type"]) for tr in rows] == [
        (f"{slug}/", name, school_type) for slug, name, school_type, *_ in SCHOOLS]


@pytest.mark.parametrize("slug, name, school_type, tier, yhgfl, sims_pcs", SCHOOLS, ids=[s[0] for s in SCHOOLS])
def test_each_school_page_is_its_own_entitlement(built_site, slug, name, school_type, tier, yhgfl, sims_pcs):
    soup = page(built_site, f"schools/{slug}")
    assert text_of(soup.select_one("article h1")).startswith(name)
    summary = summary_rows(soup)
    assert summary["YHGFL school"] == ["Yes" if yhgfl else "No"]
    pcs_note = (' (why?: "Access to SIMS from more than 10 PCs" counts PCs or laptops throughout the school, a note '
                'about this edition)') if school_type.startswith("primary") else ""
    assert summary["PCs or laptops with access to SIMS"] == [f"{sims_pcs}{pcs_note}"]
    assert summary["School type"] == [TYPES[school_type]]
    type_row = next(row for row in soup.select(".summary-list-row") if text_of(row.dt) == "School type")
    assert type_row.a["href"] == f"../../entitlement/{school_type}/"
    table = soup.select_one("#what-you-get + div table")
    if school_type.startswith("secondary"):
        assert table is None
        assert "publishes no table" in text_of(soup.select_one("article"))
        return
    rows = [tr for tr in table.select("tbody tr") if "group-row" not in (tr.get("class") or [])]
    tier_index = ["core", "gold", "platinum", "platinum-plus"].index(tier)
    for tr, (_, service, codes) in zip(rows, MATRIX, strict=True):
        code = codes.split()[tier_index]
        threshold = PC_THRESHOLD.get(service)
        shown = text_of(tr.td)
        if threshold is not None and sims_pcs <= threshold:
            assert shown == f"Does not apply: the school has {sims_pcs} PCs or laptops with access to SIMS"
        else:
            assert shown == BY_CODE[code][0 if yhgfl else 1].value, service


def test_status_words_are_explained_under_the_tables(built_site):
    key = page(built_site, "schools/example-hill-top-primary-school-fictional").select_one("dl.status-key")
    assert [text_of(dt) for dt in key.find_all("dt")] == [
        "Included", "Not included", "Optional extra", "Not available", "Supported software only"]
    assert text_of(key.find("dd", string=lambda s: s and "only YHGFL" in s)) == \
        "an extra that only YHGFL schools can buy."
    type_key = page(built_site, "entitlement/primary/gold").select_one("dl.status-key")
    assert [text_of(dt) for dt in type_key.find_all("dt")] == [
        "Included", "Not included", "Optional extra", "Not available", "Supported software only",
        "YHGFL schools only", "Optional extra for YHGFL schools only"]


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
    assert links == [
        ("Primary schools and primary schools formerly grant maintained", "entitlement/primary/"),
        ("Secondary schools", "entitlement/secondary/"),
        ("Secondary schools formerly grant maintained", "entitlement/secondary-formerly-gm/")]
    assert [text_of(span) for span in article.select("ul.school-type-choices .choice-costs")] == [
        # the prices are not published: the same kind of cost, not (yet) the same cost
        "The same tiers for both, free or at additional cost alike (prices to be notified). Core at no additional "
        "cost; Gold, Platinum, Platinum+ at additional cost",
        "Core, Silver at no additional cost; Platinum at additional cost",
        "Core at no additional cost; Silver, Platinum at additional cost"]
    assert [text_of(h2) for h2 in article.select("h2")][:3] == [
        "Report a fault or ask a question ¶", "Find your school ¶", "Or choose your type of school ¶"]
    fault = article.find("h2", id="report-a-fault").find_next("div", class_="report-a-fault")
    assert text_of(fault).startswith("Report faults and ask questions to the ICT Service Desk.")
    assert "Pam Plant" not in text_of(fault)  # the complaints route is a route of its own, further down
    schools = [(text_of(li.a), li.a["href"]) for li in article.select("#home-schools li")]
    assert schools[:2] == [("Example Brookside Primary School (fictional)",
                            "schools/example-brookside-primary-school-fictional/"),
                           ("Example Hill Top Primary School (fictional)",
                            "schools/example-hill-top-primary-school-fictional/")]
    assert len(schools) == 6
    assert text_of(article).index("What is my school entitled to?") < text_of(article).index(
        "Complaints about the service")
    contacts = article.select_one(".key-contacts")
    assert [text_of(card.strong) for card in contacts.select(".contact-card")] == ["Pam Plant", "Sue Rumbold"]
    assert contacts.find("a", string="section 11.1")["href"] == "specification/complaints/#escalation"
