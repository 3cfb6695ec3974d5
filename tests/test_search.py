"""Search in the reader's words, without a build: the synonyms in data/site.yaml and their checks, the entries
the site adds to the search index (worded from the data, at the anchors the pages have), and how they are put
into the index that Material's search plugin writes. The index of a real build: test_search_build.py; the
ranking, in Chromium: test_browser_search.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import EDITION, ROOT
from macros.sla.load import load
from macros.sla.pages import Pages, site_pages
from macros.sla.search import (
    CLAUSE_BOOST,
    FIELD_BOOSTS,
    KEYWORDS,
    RELATED,
    ROW_BOOST,
    SCHOOL_BOOST,
    SearchError,
    Words,
    clause_place,
    entries,
    rewrite,
)
from macros.sla.targets import TARGET_KINDS, unhandled
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"


@pytest.fixture(scope="module")
def catalog():
    return load(EDITION)


def add_search(files, block: str, shown: bool = True) -> int:
    """Append a `search:` block to site.yaml; return the line of its first synonym. With `shown`, a clause of
    services.yaml also shows the route for complaints (Alex's card) and the response standards, where a
    `contact:` or `priority:` target leads."""
    if shown:
        services = files.text("services.yaml")
        files.write("services.yaml", services.replace(
            "        show: tier:primary/gold\n", "        show: [tier:primary/gold, escalation, response-standards]\n"))
    text = files.text("site.yaml")
    files.write("site.yaml", text + "search:\n  synonyms:\n" + block)
    return text.count("\n") + 3


# --- the synonyms and their checks ---------------------------------------------


def test_a_synonym_leads_to_one_target_or_to_several(minimal):
    add_search(minimal, "    - words: [leave, cancel]\n      targets: clause:one\n"
                        "    - words: [phone]\n      targets: [contact:alex, page:schools, priority:1]\n")
    synonyms = load(minimal.dir).site.search.synonyms
    assert [(s.words, s.targets) for s in synonyms] == [
        (["leave", "cancel"], ["clause:one"]), (["phone"], ["contact:alex", "page:schools", "priority:1"])]


def test_without_a_search_block_there_are_no_synonyms(minimal):
    assert load(minimal.dir).site.search.synonyms == []


def test_a_target_must_be_written_kind_id(minimal):
    line = add_search(minimal, "    - words: [leave]\n      targets: section:one\n")
    assert problems(minimal) == [
        f"{SITE}:{line + 1}: search.synonyms[0] (the 1st: leave).targets: 'section:one' is not a search target; "
        "write kind:id, such as clause:notice-period "
        "(valid: clause:…, contact:…, priority:…, school-type:…, compare:…, page:…, help:…)"]


def test_each_target_must_exist_and_the_message_lists_the_valid_ones(minimal):
    line = add_search(minimal, "    - words: [phone]\n      targets: [clause:two, clause:three, contact:bob, "
                               "priority:2, school-type:secondary, compare:secondary, page:nowhere]\n")
    where = f"{SITE}:{line + 1}: search.synonyms[0] (the 1st: phone)"
    assert problems(minimal) == [
        f"{where}.targets[1] (the 2nd): unknown clause id 'three' in 'clause:three' (valid: first, one, two)",
        f"{where}.targets[2] (the 3rd): unknown contact id 'bob' in 'contact:bob' (valid: alex)",
        f"{where}.targets[3] (the 4th): unknown priority level '2' in 'priority:2' (valid: 1)",
        f"{where}.targets[4] (the 5th): unknown school type id 'secondary' in 'school-type:secondary' "
        "(valid: primary)",
        f"{where}.targets[5] (the 6th): unknown phase id 'secondary' in 'compare:secondary' (valid: primary)",
        f"{where}.targets[6] (the 7th): unknown page 'nowhere' in 'page:nowhere' "
        "(valid: home, schools, changes, about-this-edition, accessibility, privacy, response-times, glossary)"]


def test_a_contact_or_priority_target_must_be_shown_on_a_page(minimal):
    """A card or a row that no page shows gives search nowhere to lead: the check says so, before the build."""
    line = add_search(minimal, "    - words: [phone]\n      targets: [contact:alex, priority:1]\n", shown=False)
    where = f"{SITE}:{line + 1}: search.synonyms[0] (the 1st: phone)"
    assert problems(minimal) == [
        f"{where}.targets[0] (the 1st): 'contact:alex': no page shows this contact's card, so search has nowhere "
        "to lead; add them to the escalation route in services.yaml or show 'contact:alex' in a clause, or choose "
        "a contact that is shown (valid: none defined)",
        f"{where}.targets[1] (the 2nd): 'priority:1': no clause shows the response standards "
        "('response-standards' under show: in services.yaml), so search has nowhere to lead"]


def test_each_word_is_listed_once(minimal):
    line = add_search(minimal, "    - words: [leave, cancel]\n      targets: clause:one\n"
                               "    - words: [phone, Leave]\n      targets: contact:alex\n")
    assert problems(minimal) == [
        f"{SITE}:{line + 2}: search.synonyms[1] (the 2nd).words[1] (the 2nd): duplicate search word 'leave' "
        f"(first used at line {line}); each search word must be unique"]


def test_a_synonym_needs_words_and_a_target(minimal):
    line = add_search(minimal, "    - words: []\n      targets: []\n")
    assert problems(minimal) == [
        f"{SITE}:{line}: search.synonyms[0] (the 1st).words: needs at least 1 item(s)",
        f"{SITE}:{line + 1}: search.synonyms[0] (the 1st).targets: needs at least 1 item(s)"]


def test_the_shipped_synonyms_lead_where_the_issue_asks(catalog):
    leads = {word: synonym.targets for synonym in catalog.site.search.synonyms for word in synonym.words}
    for word in ("leave", "cancel", "terminate", "end the contract"):
        assert leads[word] == ["clause:notice-period"]
    for word in ("phone", "ring", "telephone", "contact"):
        assert leads[word] == ["clause:provider-contact", "help:fault", "clause:escalation"]
    for word in ("cost", "price", "charge", "fee", "how much"):
        assert leads[word] == ["clause:package-prices", "clause:capita-top-up"]
    for word in ("fault", "broken", "not working", "problem", "log a call", "service desk", "repair", "fix"):
        assert leads[word] == ["help:fault", "clause:responsiveness"]  # where to report it, then response times
    for word in ("complaint", "complain", "not happy"):
        assert leads[word] == ["clause:escalation"]
    for word in ("curriculum", "classroom", "whole school"):  # the tier that supports the curriculum network
        assert leads[word] == ["clause:primary-platinum", "clause:software-supported"]


# --- the entries the site adds ---------------------------------------------------


def by_title(catalog) -> dict[str, object]:
    return {entry.title: entry for entry in entries(catalog)}


def test_rows_of_the_inclusion_table_say_what_each_tier_gets_in_words(catalog):
    entry = by_title(catalog)["Software installation and configuration – ICT Helpdesk"]
    assert entry.place == ("specification/services",
                           "inclusions--ict-helpdesk--software-installation-and-configuration")
    assert entry.text == ("Primary schools: Core: not included; Gold: YHGFL schools only; Platinum: included; "
                          "Platinum+: included.")


def test_rows_of_the_software_the_prices_and_the_priorities(catalog):
    found = by_title(catalog)
    sophos = found["Antivirus software: Sophos, F-secure"]
    assert sophos.place == ("specification/services", "software--antivirus-software-sophos-f-secure")
    assert sophos.text == "Summary of Supported Software. Technical support: Yes. Use/operation of the application: No."
    desk = found["Complete SIMS Help Desk Support"]
    assert desk.place == ("specification/services", "capita-top-up--complete-sims-help-desk-support")
    assert desk.text == ("Capita SIMS Top-Up Subscription Service Prices 2008/09. Primary schools: £850; "
                         "Secondary schools: £1,090.")
    exams = found["SIMS Examinations module"]
    assert exams.text.endswith("Primary schools: not offered; Secondary schools: £300.")
    high = found["Priority 2: High"]
    assert high.place == ("specification/service-standards", "priority-2")
    assert high.text == (
        "Expected to apply to less than 15% of incidents. Service failure affecting one or more users in a school, "
        "though not widespread, where there is no adequate workaround, or which has the potential to cause major "
        "business impact if not resolved. Will receive attention within 1 working day. Updates: Upon receipt; "
        "After initial assessment; Then every two days.")
    assert found["Priority 5: Hold"].text.endswith("Updates: Monitored monthly, and reported as and when required "
                                                   "by the Help Desk.")


def test_each_row_of_the_price_tables_is_an_entry_of_its_own(tmp_path):
    """The edition publishes no package or service prices ("To be notified"); once an officer adds them, each
    row is an entry at its row, with its price, as the Capita top-up prices are."""
    shutil.copytree(EDITION, tmp_path / "data")
    prices = tmp_path / "data" / "prices.yaml"
    prices.write_text(prices.read_text(encoding="utf-8")
                      .replace("package_prices: []", "package_prices:\n  - {school_type: primary, tier: gold, "
                                                      "price: 1250}\n  - {school_type: secondary, tier: platinum, "
                                                      "price: 4000}")
                      .replace("service_prices: []", "service_prices:\n  - {service: Bespoke SIMS training, "
                                                      "price: 300, unit: per day}"), encoding="utf-8")
    found = {entry.place: (entry.title, entry.text) for entry in entries(load(tmp_path / "data"))}
    assert found[("specification/price", "package--primary-gold")] == (
        "Gold – Primary schools", "Prices of packages 2008/09: £1,250 a year.")
    assert found[("specification/price", "package--secondary-platinum")] == (
        "Platinum – Secondary schools", "Prices of packages 2008/09: £4,000 a year.")
    assert found[("specification/price", "service-price--1")] == (
        "Bespoke SIMS training", "Prices of special and pay-as-you-use services 2008/09: £300 per day.")


def test_contacts_are_found_at_their_step_of_the_route_for_complaints(catalog):
    found = by_title(catalog)
    assert found["Pam Plant"].place == ("specification/complaints", "escalation--step-2")
    assert found["Sue Rumbold"].place == ("specification/complaints", "escalation--step-3")
    assert found["Sue Rumbold"].text == (
        "Head of Commissioning and Partnerships. Telephone: 01422 392527. E-mail: sue.rumbold@calderdale.gov.uk. "
        "Fax: 01422 392481. Children and Young People's Services, Northgate House, Northgate, Halifax HX1 1UN.")


def test_clauses_without_a_heading_that_readers_look_for_have_an_entry(catalog):
    found = {entry.place: entry for entry in entries(catalog)}
    notice = found[("specification/contract-length", "notice-period")]
    assert notice.title == "5.3 How to leave"  # its summary label
    assert notice.text == ("To terminate the agreement at any point after 1 April, either party must give the other "
                           "at least one term's notice, in writing, to terminate the service at the end of that "
                           "financial year.")
    route = found[("specification/complaints", "escalation")]
    assert route.title == "11.1 Who do I contact if things go wrong?"  # its section's title
    assert "2. If the issue is not resolved to your satisfaction" in route.text
    assert "Pam Plant, Principal Officer, Performance Support and ICT, telephone 01422 392569" in route.text
    assert ("specification/contract-length", "annual-review") not in found  # nothing to look it up by


def test_each_school_has_one_small_entry_at_its_page(catalog):
    schools = [entry for entry in entries(catalog) if entry.place[0].startswith("schools/")]
    assert len(schools) == len(catalog.schools)
    first = schools[0]
    assert (first.place, first.title, first.text, first.boost) == (
        ("schools/example-brookside-primary-school-fictional", None), "Example Brookside Primary School (fictional)",
        "Primary schools, Gold", 0.5)


def test_every_entry_lands_on_an_anchor_its_page_has(catalog):
    """The entries take their anchors from the functions the pages use: each is an id on its page."""
    pages = Pages(catalog, href=lambda path, anchor: "#")
    html = {f"specification/{section.id}": pages.section(section.id) for section in catalog.sections}
    html["index"] = (ROOT / "content" / "index.md").read_text(encoding="utf-8")
    anchored = [entry for entry in entries(catalog) if entry.place[1] is not None]
    assert len(anchored) == 78  # 46 services, 11 pieces of software, 7 prices, 6 priorities, 2 contacts, 5 clauses,
    #                             the fault route
    for entry in anchored:
        page, anchor = entry.place
        assert re.search(rf'id="{re.escape(anchor)}"|\{{ ?#{re.escape(anchor)}[ }}]', html[page]), entry


# --- putting them into the theme's index -----------------------------------------


def url(path: str, anchor: str | None) -> str:
    location = "" if path == "index" else f"{path.removesuffix('/index')}/"  # as MkDocs makes addresses
    return f"{location}#{anchor}" if anchor else location


def theme_index(catalog) -> dict:
    """The index as Material's search plugin writes it today: an entry per page and one per clause heading."""
    words = Words(catalog)
    docs = [{"location": url(page.path, None), "title": page.title, "text": "<p>page</p>"}
            for page in site_pages(catalog) if page.searched]
    docs.insert(0, {"location": url("index", None), "title": "Home", "text": "<p>home</p>"})  # hand-written
    headed = [clause_place(numbered) for numbered in catalog.numbered.values()
              if numbered.depth > 1 and words.renderer.clause_title(numbered)]
    docs += [{"location": url(*place), "title": "heading", "text": "<p>Y Y N</p>"}
             for place in headed]
    return {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
            "docs": docs}


def test_the_sites_entries_join_the_themes(catalog):
    index = theme_index(catalog)
    themes = len(index["docs"])
    report = rewrite(index, catalog, url)
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert len(docs) == len(index["docs"])  # one entry per place
    row = docs["specification/services/#inclusions--ict-helpdesk--call-routing"]
    assert (row["title"], row["boost"]) == ("Call routing – ICT Helpdesk", 2.0)
    assert row["text"] == "Primary schools: Core: included; Gold: included; Platinum: included; Platinum+: included."
    assert "specification/services/#inclusions--ict-helpdesk" not in docs  # a group of rows: its rows are entries
    # Every entry of the site is new to the theme's index (how many there are: test_the_whole_index_of_a_small_site).
    assert report.replaced == 0 and len(docs) == themes + report.added == themes + len(entries(catalog))


def test_an_entry_of_the_site_takes_the_place_of_the_themes_at_the_same_place(catalog):
    index = theme_index(catalog)
    index["docs"].append({"location": "specification/service-standards/#priority-1", "title": "1. Critical",
                          "text": "<p>heading</p>"})
    report = rewrite(index, catalog, url)
    entries = [doc for doc in index["docs"] if doc["location"] == "specification/service-standards/#priority-1"]
    assert report.replaced == 1 and len(entries) == 1 and entries[0]["title"] != "1. Critical"


def test_synonyms_become_fields_that_search_matches_but_never_shows(catalog):
    index = theme_index(catalog)
    rewrite(index, catalog, url)
    docs = {doc["location"]: doc for doc in index["docs"]}
    notice = docs["specification/contract-length/#notice-period"]
    assert notice[KEYWORDS] == ["leave", "cancel", "terminate", "end the contract", "notice"]
    assert docs["specification/providers/#provider-contact"][KEYWORDS][:4] == ["phone", "ring", "telephone",
                                                                              "contact"]
    assert docs["#report-a-fault"][KEYWORDS][:3] == ["fault", "broken", "not working"]
    assert docs["#report-a-fault"][RELATED][:2] == ["phone", "ring"]
    assert docs["specification/complaints/#escalation"][KEYWORDS][:2] == ["complaint", "complain"]
    assert docs["specification/service-standards/#responsiveness"]["boost"] == 2.5  # the theme's heading, boosted
    assert docs["specification/services/#capita-top-up"][RELATED][:2] == ["cost", "price"]
    assert index["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
                                         "keywords": {"boost": 3000.0}, "related": {"boost": 1000.0}}


def test_each_page_starts_with_its_own_entry_and_schools_come_last(catalog):
    index = theme_index(catalog)
    rewrite(index, catalog, url)
    seen: list[str] = []
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        if page not in seen:
            assert "#" not in doc["location"], f"{page} starts with a part of it"  # the theme's search needs this
            seen.append(page)
        else:
            assert seen[-1] == page, f"{page}'s entries are not together"
    schools = [page for page in seen if page.startswith("schools/") and page != "schools/"]
    assert seen[-len(schools):] == schools == [f"schools/{Path(p.path).name}/" for p in site_pages(catalog)
                                               if p.path.startswith("schools/") and not p.searched]


def test_a_synonym_whose_target_is_not_in_the_index_stops_the_build(catalog):
    index = theme_index(catalog)
    index["docs"] = [doc for doc in index["docs"] if not doc["location"].endswith("#responsiveness")]
    with pytest.raises(SearchError, match=r"no entry for: clause:responsiveness "
                                          r"\(specification/service-standards/#responsiveness\)"):
        rewrite(index, catalog, url)


def test_every_kind_of_target_leads_to_an_entry(tmp_path):
    shutil.copytree(EDITION, tmp_path / "data")
    site = tmp_path / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("  synonyms:\n", (
        "  synonyms:\n    - words: [whatever]\n      targets: [clause:gold, clause:services, contact:sue-rumbold, "
        "priority:5, school-type:secondary, compare:secondary, page:home, page:schools, page:changes]\n")),
        encoding="utf-8")
    catalog = load(tmp_path / "data")
    index = theme_index(catalog)
    report = rewrite(index, catalog, url)
    assert report.targets[0] == (["whatever"], [
        "specification/services/#gold", "specification/services/", "specification/complaints/#escalation--step-3",
        "specification/service-standards/#priority-5", "entitlement/secondary/", "compare/secondary/", "",
        "schools/", "changes/"])
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs["specification/services/#gold"][KEYWORDS] == ["whatever"]
    assert [docs[location][RELATED] for location in report.targets[0][1][1:]] == [["whatever"]] * 8


def test_the_whole_index_of_a_small_site(minimal):
    """The minimal data with a school, the route for complaints and the response standards shown, and two synonyms:
    the whole index, typed out. The weights: a synonym's first target matches its words in `keywords` (3000, three
    times a word of a title), the others in `related` (1000, one word of a title); clauses' headings count 2.5, the
    site's entries and synonyms' targets 2, the theme's other entries 1 (no boost), a school 0.5."""
    add_search(minimal, "    - words: [phone, ring]\n      targets: [contact:alex, clause:one]\n"
                        "    - words: [urgent]\n      targets: priority:1\n")
    minimal.write("schools.yaml", "schools:\n  - {name: Test School, school_type: primary, tier: gold, yhgfl: true, "
                                  "sims_pcs: 4}\n")
    catalog = load(minimal.dir)
    index = theme_index(catalog)
    report = rewrite(index, catalog, url)
    assert (report.added, report.replaced) == (5, 0)
    assert report.targets == [
        (["phone", "ring"], ["specification/first/#escalation--step-1", "specification/first/#one"]),
        (["urgent"], ["specification/first/#priority-1"])]
    page = "<p>page</p>"
    assert index["docs"] == [
        {"location": "", "title": "Home", "text": "<p>home</p>"},
        {"location": "#report-a-fault", "title": "Report a fault or ask a question",
         "text": "Report faults and ask questions to the ICT Service Desk.", "boost": 2.0},
        {"location": "entitlement/primary/", "title": "Primary schools", "text": page},
        {"location": "compare/primary/", "title": "Compare the tiers: primary schools", "text": page},
        {"location": "schools/", "title": "Find your school", "text": page},
        {"location": "changes/", "title": "What has changed since last year", "text": page},
        {"location": "response-times/", "title": "When will you respond?", "text": page},
        {"location": "specification/first/", "title": "1 First section", "text": page},
        {"location": "specification/first/#two", "title": "heading", "text": "<p>Y Y N</p>", "boost": 2.5},
        {"location": "specification/first/#priority-1", "title": "Priority 1: Critical",
         "text": "Very bad. Updates: Daily.", "boost": 2.0, "keywords": ["urgent"]},
        {"location": "specification/first/#escalation--step-1", "title": "Alex Example",
         "text": "Officer. Telephone: 01000 000001. E-mail: alex@example.org. 1 Test Street.", "boost": 2.0,
         "keywords": ["phone", "ring"]},
        {"location": "specification/first/#one", "title": "1.1 First section", "text": "See section 1.2.",
         "boost": 2.0, "related": ["phone", "ring"]},
        {"location": "about-this-edition/", "title": "About this edition", "text": page},
        {"location": "accessibility/", "title": "Accessibility statement", "text": page},
        {"location": "privacy/", "title": "Privacy", "text": page},
        {"location": "schools/test-school/", "title": "Test School", "text": "Primary schools, Gold", "boost": 0.5}]
    assert index["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
                                         "keywords": {"boost": 3000.0}, "related": {"boost": 1000.0}}


def test_the_weights_rank_a_specific_word_above_a_synonym_and_a_school_below_the_themes():
    """The weights, typed out: a synonym's first target counts three times a word of a title (1000), its other
    targets one, so a synonym and a word of one of those titles lead there; a clause's heading 2.5 times the
    theme's entries, the site's entries twice, a school half."""
    assert FIELD_BOOSTS == {KEYWORDS: 3000.0, RELATED: 1000.0}
    assert (KEYWORDS, RELATED) == ("keywords", "related")
    assert (CLAUSE_BOOST, ROW_BOOST, SCHOOL_BOOST) == (2.5, 2.0, 0.5)


# --- one table of the kinds of target ------------------------------------------------


def test_one_table_lists_the_kinds_of_target_that_the_data_reference_the_checks_and_search_use(minimal):
    assert list(TARGET_KINDS) == ["clause", "contact", "priority", "school-type", "compare", "page", "help"]
    reference = (ROOT / "data" / "schema" / "reference.md").read_text(encoding="utf-8")
    assert all(f"{name}: {kind.what}" in reference for name, kind in TARGET_KINDS.items())
    line = add_search(minimal, "    - words: [whatever]\n      targets: [sideways:1, page:nowhere]\n")
    assert problems(minimal) == [
        f"{SITE}:{line + 1}: search.synonyms[0] (the 1st: whatever).targets[0] (the 1st): 'sideways:1' is not a "
        "search target; write kind:id, such as clause:notice-period (valid: clause:…, contact:…, priority:…, "
        "school-type:…, compare:…, page:…, help:…)",
        f"{SITE}:{line + 1}: search.synonyms[0] (the 1st: whatever).targets[1] (the 2nd): unknown page 'nowhere' in "
        "'page:nowhere' (valid: home, schools, changes, about-this-edition, accessibility, privacy, "
        "response-times, glossary)"]
    with pytest.raises(RuntimeError, match=r"^search.py handles the search target kinds \['clause'\], not those "
                                           r"of targets.py: missing \['compare', 'contact', 'help', 'page', "
                                           r"'priority', 'school-type'\], not in the table \[\]$"):
        unhandled({"clause"}, "search.py")


def test_the_new_pages_can_be_targets(minimal):
    """'When will you respond?' and the glossary, pages of their own, are targets a synonym may name."""
    add_search(minimal, "    - words: [deadline]\n      targets: [page:response-times, page:glossary]\n")
    assert load(minimal.dir).site.search.synonyms[0].targets == ["page:response-times", "page:glossary"]
