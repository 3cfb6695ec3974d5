"""The built site: 'About this edition', the links to it from the pages that rely on its notes, the summaries
readers see, and package prices once an officer publishes them."""

from __future__ import annotations

import pytest

from conftest import copy_project, with_package_prices
from test_pages import page, summary_rows, text_of

pytestmark = pytest.mark.build

CALCULATOR = ["When will you respond?"]
"""Where the response-time calculator is, which links to the notes on how the site counts working days."""
TYPE_PAGES = ["the page for primary schools", "the page for primary schools formerly grant maintained",
              "the page for secondary schools", "the page for secondary schools formerly grant maintained"]
NOTES = [
    ("note-clause-numbers", "Clause numbers", "Restored", []),
    ("note-platinum-plus", "The second primary Platinum is Platinum+", "The site's reading",
     ["section 7.4.3", "Words used on this site"]),
    ("note-matrix-headings", "Two headings of the inclusion table", "The site's reading", ["section 7.3.2"]),
    ("note-legend-included", '"Y – included" in the key of the inclusion table', "The site's reading",
     ["section 7.3.2"]),
    ("note-admin-pcs", '"Access to SIMS from more than 10 PCs" counts PCs or laptops throughout the school',
     "The site's reading", ["section 7.3.2", "the page for primary schools",
                            "the page for primary schools formerly grant maintained", "the page of each school"]),
    ("note-see-section-notes", 'Three "See section" notes after the secondary tiers', "The site's reading",
     ["section 7.5.1", "section 7.5.2"]),
    ("note-section-seven", '"The basis of the service price is described in section 7"', "The site's reading",
     ["section 12.1"]),
    ("note-cost-by-school-type", "What each tier costs each type of school", "Rearranged",
     ["section 7.4.2", "section 7.5.1"]),
    ("note-slips", "Obvious slips", "Corrected", ["section 3.2.5", "section 7.4.2", "section 7.5.2"]),
    ("note-core-description", "Core's description", "Reworded", TYPE_PAGES),
    ("note-tier-headings", "What Gold and Silver are for", "Reworded", ["section 7.4.1", "section 7.5.1"]),
    ("note-exclusions-placement", "The exclusions of Gold and primary Platinum", "Rearranged",
     ["section 7.4.1", "section 7.4.2"]),
    ("note-quick-guide-all-schools", '"Also available to all schools" in the quick guide', "The site's reading",
     ["section 7.3.1.1", "section 7.3.1.2"]),
    ("note-price-not-offered", '"£ -" in the Capita top-up price list', "The site's reading", ["section 7.6.3"]),
    ("note-names-and-headings", "The site's title and the names of the school types", "Reworded", []),
    ("note-secondary-core", "What Core includes for secondary schools", "Added by the site",
     ["the page for secondary schools", "the page for secondary schools formerly grant maintained"]),
    ("note-glossary", "Words used on this site", "Added by the site", ["Words used on this site"]),
    ("note-gold-virus-recovery", "Gold and recovery from virus infection", "As published",
     ["section 7.4.1", "the page for primary schools", "the page for primary schools formerly grant maintained",
      "the page of each school"]),
    ("note-response-times-tiers", "Which tiers have target response times", "The site's reading",
     [*CALCULATOR, *TYPE_PAGES, "the page of each school"]),
    *((f"note-{note}", title, kind, CALCULATOR) for note, title, kind in (
        ("who-sets-priority", "Who sets a call's priority?", "Added by the site"),
        ("missed-target", "What if a target time is missed?", "Added by the site"),
        ("bank-holidays", "Bank holidays are not working days", "The site's reading"),
        ("counting-working-days", "Counting working days", "The site's reading"),
        ("update-dates", "When progress updates fall due", "The site's reading"))),
]


def words(element) -> str:
    return " ".join(element.get_text().split())


def test_about_this_edition_lists_every_decision_with_its_kind_and_where_it_is_used(built_site):
    soup = page(built_site, "about-this-edition")
    assert text_of(soup.select_one("article h1")) == "About this edition ¶"
    found = []
    for heading in soup.select("article h2"):
        note = heading.find_next_sibling("div", class_="edition-note")
        used = [words(a) for p in note.find_all("p") if words(p).startswith("Used in:") for a in p.find_all("a")]
        found.append((heading["id"], words(heading).removesuffix("¶"), words(note.select_one(".tag")), used))
    assert found == NOTES
    nav = [words(a) for a in page(built_site, "accessibility").select(".md-nav--primary a")]
    assert nav[-4:] == ["About this edition", "Accessibility statement", "Privacy", "Words used on this site"]


def test_the_sims_pcs_reading_is_stated_as_the_sites_not_the_documents(built_site):
    note = page(built_site, "about-this-edition").find("h2", id="note-admin-pcs").find_next_sibling("div")
    text = words(note)
    assert 'Gold\'s own text offers "SIMS software (includes FMS) technical support for a maximum of 10 PCs or ' \
           'laptops throughout the school" (section 7.4.1).' in text
    assert "This is the site's reading, not the specification's wording" in text


@pytest.mark.parametrize("path, selector, notes", [
    ("specification/services", "#inclusions ~ .clause .edition-notes",
     ["note-matrix-headings", "note-legend-included", "note-admin-pcs"]),
    ("entitlement/primary/core", "#services + div .row-note", ["note-admin-pcs"]),
    ("schools/example-hill-top-primary-school-fictional", ".page-summary .summary-list", ["note-admin-pcs"]),
    ("schools/example-hill-top-primary-school-fictional", ".school-response-times", ["note-response-times-tiers"]),
    ("entitlement/secondary/core", "#tier-core ~ .edition-notes", ["note-core-description", "note-secondary-core"]),
    ("entitlement/primary/platinum-plus", "#tier-platinum-plus ~ .edition-notes", ["note-platinum-plus"]),
    ("specification/price", "#price-basis .edition-notes", ["note-section-seven"]),
    # the inclusion table's row that Gold's own text contradicts: on the tier's page, and where a school's page
    # applies it (its table, and what only YHGFL schools can have)
    ("entitlement/primary/gold", "#services + div", ["note-gold-virus-recovery", "note-admin-pcs"]),
    ("schools/example-hill-top-primary-school-fictional", ".school-extras", ["note-gold-virus-recovery"]),
])
def test_pages_that_rely_on_a_note_link_to_it(built_site, path, selector, notes):
    block = page(built_site, path).select_one(selector)
    anchors = [a["href"].rsplit("#", 1)[1] for a in block.select("a[href*='about-this-edition/']")]
    assert anchors == notes


def test_the_home_page_gives_each_contact_with_when_to_use_them(built_site):
    contacts = words(page(built_site, "").select_one(".key-contacts"))
    assert contacts.startswith("Any concerns or complaints about the level or quality of service should firstly be "
                               "made to the officer concerned or to the ICT Service Desk. If the issue is not "
                               "resolved to your satisfaction you should contact the following: For ICT issues, and "
                               "for management information and SIMS user support issues you should contact: Pam "
                               "Plant, Principal Officer")
    assert "If concerns or complaints remain unresolved, they should be reported to: Sue Rumbold" in contacts
    assert contacts.endswith("If the issue still cannot be resolved, you may wish to invoke the Council's complaints "
                             "procedure. This route, for concerns or complaints about the level or quality of "
                             "service, is set out in section 11.1.")


def test_the_comparison_never_calls_an_unlisted_service_not_included(built_site):
    soup = page(built_site, "compare/primary")
    described = soup.find("h2", id="described").find_next("table")
    cells = {text_of(td) for td in described.select("td")}
    assert cells == {"Included", "Not listed for this tier"}
    intro = words(soup.find("h2", id="described").find_next("p"))
    assert intro.endswith('"Not listed for this tier" means only that the tier\'s description does not list the '
                          "service, not that the tier excludes it: for the services in the inclusion table, the "
                          "table above says which tiers include them.")
    inclusion = soup.find("h2", id="inclusion-table").find_next("table")
    call_routing = next(tr for tr in inclusion.select("tbody tr") if text_of(tr.th) == "Call routing")
    assert [text_of(td) for td in call_routing.select("td")] == ["Included"] * 4


@pytest.fixture(scope="module")
def priced_site(tmp_path_factory):
    """The site built with package prices published for three school types."""
    return with_package_prices(copy_project(tmp_path_factory.mktemp("priced") / "project"), [
        ("primary", "gold", 1250), ("primary-formerly-gm", "platinum", 2400.5),
        ("secondary-formerly-gm", "silver", 1800)])


def test_published_package_prices_reach_the_specification(priced_site):
    table = page(priced_site, "specification/price").select_one("#package-prices ~ .clause table")
    assert text_of(table.caption) == "Prices of packages 2008/09"
    assert [(text_of(tr.th), text_of(tr.td)) for tr in table.select("tbody tr")] == [
        ("Gold – Primary schools", "£1,250"),
        ("Platinum – Primary schools formerly grant maintained", "£2,400.50"),
        ("Silver – Secondary schools formerly grant maintained", "£1,800")]


def test_published_package_prices_reach_the_summaries(priced_site):
    terms = [words(li) for li in page(priced_site, "entitlement/primary").select("ul.contract-terms li")]
    assert terms[3] == ("Prices of the tiers at additional cost: Gold £1,250 a year; to be notified for Platinum "
                        "and Platinum+ (section 12.2).")
    heading = page(priced_site, "entitlement/primary/gold").find("h3", id="tier-gold")
    assert words(heading) == "Gold Service (additional cost: £1,250 a year)"
    compare = page(priced_site, "compare/secondary").find("table")
    rows = {text_of(tr.th): [text_of(td) for td in tr.select("td")] for tr in compare.select("tbody tr")}
    assert rows == {"Secondary schools": ["No additional cost", "No additional cost", "Additional cost"],
                    "Secondary schools formerly grant maintained": [
                        "No additional cost", "Additional cost: £1,800 a year", "Additional cost"]}
    school = summary_rows(page(priced_site, "schools/example-brookside-primary-school-fictional"))
    assert school["Your tier and its cost"] == ["Gold: at additional cost, £1,250 a year (section 12.2)"]
    summary = summary_rows(page(priced_site, "entitlement/secondary-formerly-gm"))
    assert summary["Tier and cost"] == [
        "Core: at no additional cost", "Silver: at additional cost, £1,800 a year (section 12.2)",
        "Platinum: at additional cost; the price is to be notified (section 12.2)"]
