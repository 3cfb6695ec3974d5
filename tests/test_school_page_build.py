"""The built school page as the whole answer (its order, what costs the school extra, the link to "When will you
respond?"), the glossary page, the first use of each glossary word explained in place on every page, and the
"(why?)" marks of the edition notes; read from the built 2008/09 edition."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages
from test_pages import page, summary_rows

pytestmark = pytest.mark.build

HILL_TOP = "schools/example-hill-top-primary-school-fictional"
BROOKSIDE = "schools/example-brookside-primary-school-fictional"
CASTLE = "schools/example-castle-high-school-fictional"
CAPITA_PRIMARY = ("Capita SIMS Top-Up Subscription Service, 2008/09 prices for primary schools: Complete SIMS Help "
                  "Desk Support £850; individual modules from £375. This service is available on payment of an "
                  "annual subscription (section 7.6.3).")
EVERY_SCHOOL = [
    "Special Services: Available to Calderdale schools in challenging circumstances (section 7.6.1)",
    "Pay-as-you-use Services: Available to all maintained schools in Calderdale (section 7.6.2)"]


def text_of(element) -> str:
    """The element's words as a reader reads them (no space added at the edges of links)."""
    return " ".join(element.get_text().split())


def section_items(soup: BeautifulSoup, heading_id: str) -> list[str]:
    return [text_of(li) for li in soup.find(id=heading_id).find_next("ul").find_all("li", recursive=False)]


def test_the_school_page_answers_first_then_what_costs_extra_then_response_times_then_the_detail(built_site):
    soup = page(built_site, HILL_TOP)
    assert list(summary_rows(soup)) == [
        "Your tier and its cost", "Report a fault or ask a question", "School type", "YHGFL school",
        "PCs or laptops with access to SIMS", "Complaints about the service", "Contract year", "How to leave",
        "Commitment", "Prices shown for"]
    assert [(h["id"], text_of(h)) for h in soup.select("article h2")] == [
        ("summary", "At a glance"), ("extras", "What costs this school extra"), ("response-times", "Response times"),
        ("contract", "Complaints and the contract"), ("page-contents-heading", "Contents"),
        ("what-you-get", "What your school gets"), ("tier", "What Gold includes"), ("contacts", "Whom to contact"),
        ("changes", "What has changed for you since last year")]


def test_what_costs_a_school_outside_yhgfl_with_14_pcs_extra(built_site):
    soup = page(built_site, HILL_TOP)
    extras = soup.select_one(".school-extras")
    assert text_of(extras.p) == "From the inclusion table (section 7.3.2), for Gold and a school that is not a " \
                                "YHGFL school."
    assert section_items(soup, "extras-optional") == [
        "Support for production of school census (Pupil Data: Collection, Validation, Analysis)",
        "Support for electronic collection of KS data (Pupil Data: Collection, Validation, Analysis)",
        "Analysis of KS data (Pupil Data: Collection, Validation, Analysis)",
        f"Top-up support from CapitaES (SIMS: Support on use of software). {CAPITA_PRIMARY}",
        "Supply of CDs (SIMS: Technical Support)",
        "Access to SIMS from more than 10 PCs (SIMS: Technical Support): your school has 14 PCs or laptops with "
        "access to SIMS, more than 10, so this is an optional extra for it"]
    assert section_items(soup, "extras-yhgfl") == [
        "Software installation and configuration (ICT Helpdesk): included for YHGFL schools only",
        "Antivirus and operating system software: Automated updates throughout the whole school (subject to site "
        "survey) (ICT Helpdesk): an optional extra for YHGFL schools only",
        # Gold's own text includes recovery from virus infection: the note says so
        "Recovery from virus infection (best endeavours) (ICT Helpdesk): an optional extra for YHGFL schools only "
        "(why?: Gold and recovery from virus infection, a note about this edition)",
        "Remote upgrades and installations (SIMS: Technical Support): included for YHGFL schools only",
        "Support for Internet access (Whole School Network): included for YHGFL schools only"]
    assert section_items(soup, "extras-every-school") == EVERY_SCHOOL
    capita = next(li for li in extras.find_all("li") if "Top-up support from CapitaES" in text_of(li))
    assert [a["href"] for a in capita.find_all("a")] == ["../../specification/services/#capita-top-up"]
    assert "Prices of special and pay-as-you-use services: to be notified (section 12.3)." in text_of(extras)


def test_a_yhgfl_school_with_8_pcs_can_buy_what_others_cannot_and_needs_no_more_sims_access(built_site):
    soup = page(built_site, BROOKSIDE)
    assert section_items(soup, "extras-optional") == [
        "Support for production of school census (Pupil Data: Collection, Validation, Analysis)",
        "Support for electronic collection of KS data (Pupil Data: Collection, Validation, Analysis)",
        "Analysis of KS data (Pupil Data: Collection, Validation, Analysis)",
        f"Top-up support from CapitaES (SIMS: Support on use of software). {CAPITA_PRIMARY}",
        "Antivirus and operating system software: Automated updates throughout the whole school (subject to site "
        "survey) (ICT Helpdesk)",
        # Gold's own text includes recovery from virus infection: the note says so
        "Recovery from virus infection (best endeavours) (ICT Helpdesk) (why?: Gold and recovery from virus "
        "infection, a note about this edition)",
        "Supply of CDs (SIMS: Technical Support)"]
    assert soup.find(id="extras-yhgfl") is None


def test_a_secondary_school_is_told_there_is_no_table_and_given_the_secondary_capita_price(built_site):
    soup = page(built_site, CASTLE)
    assert text_of(soup.select_one(".school-extras p")) == (
        "The specification publishes no inclusion table for secondary schools, so it lists no optional extras for "
        "Silver.")
    assert section_items(soup, "extras-every-school") == [
        "Capita SIMS Top-Up Subscription Service, 2008/09 prices for secondary schools: Complete SIMS Help Desk "
        "Support £1,090; individual modules from £300. This service is available on payment of an annual "
        "subscription (section 7.6.3).", *EVERY_SCHOOL]


def test_the_response_times_link_to_when_will_you_respond(built_site):
    section = page(built_site, HILL_TOP).select_one(".school-response-times")
    assert text_of(section).startswith("Gold has pre-determined response times, as the site reads the specification "
                                       "(section 3.2.5;")
    link = section.find_all("p")[-1].find_all("a")[-1]
    assert (text_of(link), link["href"]) == ("When will you respond?", "../../response-times/")


# --- the glossary ---------------------------------------------------------------------------------------------


def test_the_glossary_explains_each_word_and_marks_what_the_site_adds(built_site):
    soup = page(built_site, "glossary")
    assert [(h["id"], text_of(h).removesuffix("¶").strip()) for h in soup.select("article h2")] == [
        ("term-yhgfl", "YHGFL: Yorkshire and Humber Grid for Learning"), ("term-platinum-plus", "Platinum+"),
        ("term-formerly-grant-maintained", "formerly grant maintained"), ("term-ks-data", "KS data: Key Stage data"),
        ("term-fms", "FMS: Financial Management System"), ("term-mssql", "MSSQL: Microsoft SQL Server"),
        ("term-sims", "SIMS: Schools Information Management System"),
        ("term-capitaes", "CapitaES: Capita Education Services")]
    added = soup.select(".term-added")
    assert len(added) == 7  # every word but Platinum+, which the specification itself describes
    assert {a["href"] for block in added for a in block.select(".why-mark")} == {
        "../about-this-edition/#note-glossary"}
    assert text_of(added[0]) == (
        "Added by the site (why?: Words used on this site, a note about this edition) The specification does not "
        "say which schools are YHGFL schools. Each school's page on this site says whether the council lists it "
        "as one; if you are not sure about your school, ask the council.")
    plus = soup.find(id="term-platinum-plus").find_next("div", class_="glossary-entry")
    assert text_of(plus) == (
        'The fourth tier for primary schools. It includes "Core, Gold and Platinum services, plus" more, over and '
        "above those included in Platinum (section 7.4.3). (why?: The second primary Platinum is Platinum+, a note "
        "about this edition)")
    assert soup.select(".term-explained") == []  # the glossary explains no word in brackets


def test_the_first_use_of_each_word_is_explained_once_on_the_school_page(built_site):
    soup = page(built_site, HILL_TOP, explained=True)
    links = [(a["href"].rsplit("#", 1)[1], text_of(a)) for a in soup.select("article .term-explained a")]
    assert links == [
        ("term-yhgfl", "Yorkshire and Humber Grid for Learning"),
        ("term-sims", "the schools' management information software"),
        ("term-ks-data", "pupils' Key Stage results"), ("term-capitaes", "the company that supplies SIMS"),
        ("term-fms", "SIMS finance software"), ("term-mssql", "a Microsoft database"),
        ("term-platinum-plus", "the fourth primary tier, above Platinum")]
    assert text_of(soup.select(".summary-list-row dt")[3]) == "YHGFL (Yorkshire and Humber Grid for Learning) school"


def test_every_page_explains_each_word_at_most_once_and_never_in_a_heading_or_a_link(built_site):
    explained_pages = 0
    for path in html_pages(built_site):
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        spans = soup.select(".term-explained")
        explained_pages += bool(spans)
        targets = [span.a["href"].rsplit("#", 1)[1] for span in spans]
        assert len(targets) == len(set(targets)), f"{path}: {targets}"
        assert [span for span in spans if span.find_parent(re.compile(r"^(h[1-6]|a|title|label)$"))] == [], path
        assert not soup.select("head .term-explained, nav .term-explained, footer .term-explained"), path
    assert explained_pages >= 20


# --- the "(why?)" marks ------------------------------------------------------------------------------------------


def test_edition_notes_read_as_a_short_why_mark_that_says_what_it_explains(built_site):
    notes = page(built_site, "entitlement/secondary/core").select_one("#tier-core ~ .edition-notes")
    assert text_of(notes) == ("(why? 1: Core's description, a note about this edition, why? 2: What Core includes "
                              "for secondary schools, a note about this edition)")
    visible = [a.find(string=True, recursive=False) for a in notes.select("a")]
    assert visible == ["why? 1", "why? 2"]
    clause = page(built_site, "specification/services").select_one("#gold .edition-notes, #gold ~ div .edition-notes")
    assert clause is not None and text_of(clause).startswith("(why?")
    assert "About this edition:" not in (built_site / "specification/services/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("school, tier_page", [(HILL_TOP, "entitlement/primary/gold/"),
                                               (CASTLE, "entitlement/secondary/silver/")])
def test_the_school_s_tier_in_its_summary_leads_to_the_tier_s_own_page(built_site, school, tier_page):
    soup = page(built_site, school)
    first = soup.select_one(".page-summary .summary-list-row")
    assert text_of(first.dt) == "Your tier and its cost"
    link = first.dd.find("a")
    assert link["href"] == f"../../{tier_page}"
    assert (built_site / tier_page / "index.html").is_file()
