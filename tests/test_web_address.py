"""The site's web address (`web_address` in data/site.yaml) and each page's description, without building.

Built with the address set: tests/test_address_build.py."""

from __future__ import annotations

import pytest

from conftest import EDITION
from macros.sla.descriptions import Descriptions, shorten_words
from macros.sla.load import load
from macros.sla.models import School
from macros.sla.site_pages import MacroCall, SitePage, site_pages
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"
ADDRESS = "https://intranet.example.gov.uk/schools/ict-services/"
VALID = "(valid: the address of the site's home page, e.g. https://intranet.example.gov.uk/schools/ict-services/)"


def with_address(files, line: str) -> int:
    """Give the minimal data's site.yaml the line `line` after `owner:`; return its line number."""
    return files.edit("site.yaml", "owner: Test Council\n", f"owner: Test Council\n{line}\n") + 1


# --- the address ---------------------------------------------------------------


@pytest.mark.parametrize("address", [ADDRESS, "https://intranet.example.gov.uk/", "http://sla.school.example/a/b/"])
def test_an_address_is_read_as_written(minimal, address):
    with_address(minimal, f"web_address: {address}")
    assert load(minimal.dir).site.web_address == address


@pytest.mark.parametrize("line", ["", "web_address:", 'web_address: ""', "web_address: '  '"])
def test_the_address_may_be_absent_or_empty(minimal, line):
    if line:
        with_address(minimal, line)
    assert load(minimal.dir).site.web_address is None


@pytest.mark.parametrize("address, reason", [
    ("intranet.example.gov.uk/schools/ict-services/",
     "it must start with https:// (or http://) and the server's name"),
    ("ftp://intranet.example.gov.uk/schools/", "it must start with https:// (or http://) and the server's name"),
    ("/schools/ict-services/", "it must start with https:// (or http://) and the server's name"),
    ("https://intranet.example.gov.uk/schools/ict-services", "it must end with '/'"),
    ("https://intranet.example.gov.uk/schools/ict-services/?page=1", "it must not have a '?' or '#' part"),
    ("https://intranet.example.gov.uk/schools/ict-services/#top", "it must not have a '?' or '#' part"),
    ("https://intranet.example.gov.uk/schools/ict services/", "it must not contain spaces"),
])
def test_a_bad_address_says_what_would_be_valid(minimal, address, reason):
    line = with_address(minimal, f"web_address: {address}")
    assert problems(minimal) == [f"{SITE}:{line}: web_address: '{address}' is not valid: {reason} {VALID}"]


def test_an_address_that_is_not_text_is_refused(minimal):
    line = with_address(minimal, "web_address: [https://intranet.example.gov.uk/]")
    assert problems(minimal) == [
        f"{SITE}:{line}: web_address: expected a web address, e.g. https://intranet.example.gov.uk/schools/ict-services/"]


def test_check_warns_while_the_address_is_empty(minimal):
    line = with_address(minimal, "web_address:")
    assert [str(w) for w in load(minimal.dir).warnings if w.path == "web_address"] == [
        f"{SITE}:{line}: web_address: not set: the page for an address that does not exist works only if the site "
        "is published at the root of its server, and sitemap.xml lists no pages; set web_address to the address of "
        "the site's home page, e.g. https://intranet.example.gov.uk/schools/ict-services/"]
    minimal.edit("site.yaml", "web_address:\n", f"web_address: {ADDRESS}\n")
    assert [w for w in load(minimal.dir).warnings if w.path == "web_address"] == []


# --- descriptions --------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Short one.", "Short one."),
    ("  Spaces\n  and  ", "Spaces and"),
    ("one two three four", "one two…"),  # cut at a word, 10 characters at most with the "…"
    ("one two, three four", "one two…"),  # no comma before the "…"
    ("onetwothreefour", "onetwothr…"),  # a single long word is cut inside it
    ("one two th", "one two th"),
])
def test_a_description_is_cut_at_a_word(text, expected):
    assert shorten_words(text, limit=10) == expected


def test_the_descriptions_of_the_generated_pages():
    pages = {page.path: page.description for page in site_pages(load(EDITION))}
    assert pages["entitlement/secondary"] == (
        "What secondary schools are entitled to in 2008/09: Core or Silver at no additional cost; Platinum at "
        "additional cost.")
    assert pages["compare/primary"] == (
        "The tiers for primary schools side by side in 2008/09: Core, Gold, Platinum and Platinum+, what each "
        "includes and what changes from one to another.")
    assert pages["schools/example-castle-high-school-fictional"] == (
        "What Example Castle High School (fictional) gets from the council's ICT services in 2008/09: the Silver "
        "tier, as one of the secondary schools.")
    # A section: its words from the first clause on, its bullet points joined, cut at a word.
    assert pages["specification/purpose"] == (
        "The purpose of this document is to: describe the support services that Calderdale Children and Young "
        "People's Services offer to schools; provide information…")
    # Placeholders as words.
    assert pages["specification/price"].startswith("The basis of the service price is described in section 7. ")
    # Words that lead into what the section shows end with "…", not ":".
    assert pages["specification/complaints"] == (
        "Concerns or complaints about the level or quality of service are taken up in this order…")
    assert pages["schools/index"] == (
        "Find your school among the 6 schools listed for 2008/09: each has a page of what it gets, with its type "
        "and its tier.")
    assert all(0 < len(description) <= 160 for description in pages.values())
    assert len(set(pages.values())) == len(pages)


HOSTILE = "Dale \"><script>alert(1)</script> ' : # - [x] {a: b} &amp;\n--- School"


def test_a_generated_page_keeps_any_name_as_text_in_its_meta_and_says_how_it_is_made():
    page = SitePage("schools/dale", "Dale", MacroCall("school_page", (0,)), None, searched=False, description=HOSTILE)
    assert page.meta() == {"description": HOSTILE, "search": {"exclude": True}}
    assert str(MacroCall("tier_page", ("primary", "gold"))) == "tier_page('primary', 'gold')"
    assert str(MacroCall("schools_index")) == "schools_index()"


def test_a_school_description_names_the_school_as_written():
    catalog = load(EDITION)
    school = School(name=HOSTILE, school_type="primary", tier="gold", yhgfl=False, sims_pcs=3)
    assert Descriptions(catalog).school(school) == (
        "What Dale \"><script>alert(1)</script> ' : # - [x] {a: b} &amp; --- School gets from the council's ICT "
        "services in 2008/09: the Gold tier, as one of the primary…")
