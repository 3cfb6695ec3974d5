"""The search index of a built site (`site/search/search_index.json`): previews that never run words together,
every entry at a place its page has, the site's own entries and synonyms in it, one small entry per school,
and the same in the copy for opening from a folder. Without a build: test_search.py; the ranking, in
Chromium: test_browser_search.py."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION
from macros.sla.load import load

pytestmark = pytest.mark.build


def index_of(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def page_file(site: Path, location: str) -> Path:
    page = location.partition("#")[0]
    return site / page if page.endswith(".html") else site / page / "index.html"


@cache
def vocabulary(file: Path) -> frozenset[str]:
    """Every word of a page, the page's elements taken apart: what a reader sees as separate words."""
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return frozenset(word.casefold() for word in re.findall(r"\w+", soup.get_text(" ")))


def run_together(word: str, words: frozenset[str]) -> bool:
    """True if `word` is two words of the page written as one ("Includedpart", "ServicesNorthgate")."""
    word = word.casefold()
    return word not in words and any(word[:cut] in words and word[cut:] in words for cut in range(2, len(word) - 1))


def test_previews_never_run_words_together(built_site):
    """Material's search plugin takes tags out without putting a space between elements; the site's markup puts
    a line break between block elements (dt and dd, the lines of an address, options) so that it need not."""
    joined = []
    for doc in index_of(built_site)["docs"]:
        words = vocabulary(page_file(built_site, doc["location"]))
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        joined += [(doc["location"], word) for word in re.findall(r"\w+", text) if run_together(word, words)]
    assert joined == []
    docs = {doc["location"]: doc for doc in index_of(built_site)["docs"]}
    assert "Tier and cost <p>Core: at no additional cost</p>" in docs["entitlement/primary/#summary"]["text"]
    assert "Children and Young People's Services Northgate House Northgate" in docs["specification/complaints/"]["text"]


def test_every_entry_is_at_a_place_its_page_has(built_site):
    docs = index_of(built_site)["docs"]
    locations = [doc["location"] for doc in docs]
    assert len(locations) == len(set(locations))
    pages_seen: list[str] = []
    for location in locations:
        page, _, anchor = location.partition("#")
        if page not in pages_seen:  # the theme's search takes a page's first entry for the page itself
            assert not anchor, f"{location}: the first entry of its page is a part of it"
            pages_seen.append(page)
        assert pages_seen[-1] == page, f"{location}: the entries of its page are not together"
        if anchor:
            soup = BeautifulSoup(page_file(built_site, location).read_text(encoding="utf-8"), "html.parser")
            assert soup.find(id=anchor) is not None, f"{location}: no element with that id"


def test_the_sites_entries_and_synonyms_are_in_the_index(built_site):
    index = index_of(built_site)
    assert {"keywords", "related"} <= set(index["config"]["fields"])
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs["specification/contract-length/#notice-period"]["keywords"][:4] == [
        "leave", "cancel", "terminate", "end the contract"]
    assert docs["specification/services/#inclusions--ict-helpdesk--call-routing"]["title"] == \
        "Call routing – ICT Helpdesk"
    assert docs["specification/service-standards/#priority-1"]["title"] == "Priority 1: Critical"
    assert docs["specification/complaints/#escalation--step-3"]["title"] == "Sue Rumbold"


def test_each_school_is_one_small_entry_and_nothing_else_lists_them(built_site):
    catalog = load(EDITION)
    docs = index_of(built_site)["docs"]
    schools = [doc for doc in docs if doc["location"].startswith("schools/") and doc["location"] != "schools/"]
    assert [doc["title"] for doc in schools] == [html.escape(school.name, quote=False) for school in catalog.schools]
    assert all(set(doc) == {"location", "title", "text", "boost"} and len(doc["text"]) < 60 for doc in schools)
    others = " ".join(doc["text"] for doc in docs if doc not in schools)
    assert not [school.name for school in catalog.schools if html.escape(school.name, quote=False) in others]


def test_the_copy_for_a_folder_has_the_same_entries(offline_site):
    script = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("var __index = "))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs["specification/contract-length.html#notice-period"]["keywords"][0] == "leave"
    assert "schools/example-brookside-primary-school-fictional.html" in docs
    assert "keywords" in index["config"]["fields"]
