"""Accessible and intranet-ready, read from the built HTML without a browser: captions and header scopes,
nothing loaded from another host, the accessibility statement, the council footer, the whole specification
on one page. In Chromium (axe-core, keyboard, reflow) and the Nu HTML Checker: test_accessibility.py."""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import EDITION, html_pages
from macros.sla.load import load

pytestmark = pytest.mark.build


def test_tables_have_captions_and_header_scopes(built_site):
    tables, problems = 0, []
    for path in html_pages(built_site):
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("article table"):
            tables += 1
            if table.caption is None or table.caption.get_text(strip=True) == "":
                problems.append(f"{path}: a table without a caption")
            problems += [f"{path}: {th} has no scope" for th in table.find_all("th")
                         if th.get("scope") not in ("col", "row", "rowgroup", "colgroup")]
    assert problems == []
    assert tables >= 30


# --- nothing leaves the origin ----------------------------------------------------------


@pytest.mark.parametrize("which", ["built_site", "offline_site"])
def test_no_page_refers_to_another_host_for_what_it_loads(request, which):
    site = request.getfixturevalue(which)
    for path in html_pages(site):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        loaded = [tag.get("src") for tag in soup.find_all(["script", "img", "iframe"]) if tag.get("src")]
        loaded += [tag.get("href") for tag in soup.find_all("link") if tag.get("href")]
        # Material's script and site.js, asked for by a script once the page's text is drawn (overrides/main.html)
        loaded += [json.loads(src) for script in soup.find_all("script", src=False)
                   for src in re.findall(r'add\(("[^"]*")', script.get_text())]
        assert any(url.endswith("assets/javascripts/site.js") for url in loaded), f"{path}: site.js not loaded"
        assert any(re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", url) for url in loaded), path
        outside = [url for url in loaded if urlparse(url).scheme or url.startswith("//")]
        assert outside == [], f"{path} loads {outside}"


# --- the accessibility statement and the footer ------------------------------------------------


def test_accessibility_statement_has_every_required_part(built_site):
    soup = BeautifulSoup((built_site / "accessibility" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    headings = [h.get_text(strip=True) for h in article.select("h2, h3")]
    assert headings == [
        "How accessible this website is", "Feedback and contact information",
        "Reporting accessibility problems with this website", "Enforcement procedure",
        "Technical information about this website's accessibility", "Compliance status",
        "Non-accessible content", "How we tested this website", "Preparation of this accessibility statement"]
    text = re.sub(r"\s+", " ", article.get_text(" "))
    statement = load(EDITION).site.accessibility
    assert f"This website is {statement.compliance_status} with {statement.standard}" in text
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text
    if statement.contact.given:
        assert all(part in text for part in (statement.contact.name, statement.contact.email) if part)
    else:
        assert "The council has not yet named a contact for accessibility requests." in text
    if statement.reply_within:
        assert f"get back to you within {statement.reply_within}" in text
    else:
        assert "The council has not yet set a time within which it replies to these requests." in text
    for issue in statement.known_issues:
        assert " ".join(issue.issue.split()) in text
    dates = {key: datetime.date.fromisoformat(getattr(statement, key)) for key in ("prepared", "last_reviewed",
                                                                                   "last_tested")}
    words = {key: f"{day.day} {day:%B %Y}" for key, day in dates.items()}
    assert (f"This statement was prepared on {words['prepared']}. It was last reviewed on "
            f"{words['last_reviewed']}.") in text
    assert f"This website was last tested on {words['last_tested']}." in text


def test_the_statement_names_no_contact_or_reply_time_the_council_has_not_given(minimal):
    """The statement's contact and reply time are the council's decision, not borrowed from a clause."""
    from macros.sla.pages import Pages

    given = Pages(load(minimal.dir), href=lambda path, anchor: "/").accessibility_statement()
    assert '<li>Alex Example</li>' in given and 'href="mailto:alex@example.org"' in given
    assert "get back to you within ten working days" in given
    minimal.edit("site.yaml", "  contact: {name: Alex Example, email: alex@example.org}", "  contact: {}")
    minimal.edit("site.yaml", "  reply_within: ten working days", '  reply_within: ""')
    empty = Pages(load(minimal.dir), href=lambda path, anchor: "/").accessibility_statement()
    assert "The council has not yet named a contact for accessibility requests." in empty
    assert "The council has not yet set a time within which it replies to these requests." in empty
    assert "Alex" not in empty and "within ten working days" not in empty


def footer_links(built_site, path: str) -> list[tuple[str, str]]:
    """(text, address from the site's root) of each link in the footer of a page."""
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    page_url = "http://site/" + path.removesuffix("index.html")
    return [(a.get_text(strip=True), urljoin(page_url, a["href"]).removeprefix("http://site/"))
            for a in soup.select(".md-copyright a")]


def test_every_page_has_the_council_footer(built_site):
    pages = html_pages(built_site)
    assert "404.html" in pages and "specification/services/index.html" in pages
    for path in pages:
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        text = re.sub(r"\s+", " ", soup.select_one(".md-copyright").get_text(" ")).strip()
        assert text == ("© Calderdale Council · Town Hall, Crossley Street, Halifax, West Yorkshire, HX1 1UJ "
                        "Accessibility statement Privacy"), path
        assert footer_links(built_site, path) == [("Accessibility statement", "accessibility/"),
                                                  ("Privacy", "privacy/")], path


# --- the whole specification on one page -----------------------------------------------------


def test_the_whole_specification_on_one_page(built_site):
    soup = BeautifulSoup((built_site / "whole-specification" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = soup.select_one("article")
    sections = [h.get_text(" ", strip=True).removesuffix(" ¶") for h in article.find_all("h2")]
    assert sections[0] == "1 What is the purpose of this document?"
    assert sections[-1] == "13 How will I be charged?"
    assert len(sections) == 13
    assert article.find(id="responsiveness").get_text(" ", strip=True).startswith("3.2.5 Responsiveness")
    references = [a for a in article.find_all("a") if a.get_text().startswith("section ")]
    # The document's own references lead to anchors on this page, not to the section pages.
    assert {(a.get_text(), a["href"]) for a in references} >= {
        ("section 3.2.5", "#responsiveness"), ("section 5.3", "#notice-period"), ("section 7.4.1", "#gold")}
    assert [a["href"] for a in references if article.find(id=a["href"].removeprefix("#")) is None] == []
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [entry["location"] for entry in index["docs"] if entry["location"].startswith("whole-specification/")
            ] == []


# --- tables and links that read unambiguously -------------------------------------------------


def test_cells_of_grouped_tables_name_their_column_group_and_row(built_site):
    """A table whose rows are grouped under headings ties each data cell to its column's, its group's and its
    row's header cells (`headers`), so that a screen reader announces the group too; scope alone would not."""
    grouped, problems = 0, []
    for path in html_pages(built_site):
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        ids = [element["id"] for element in soup.find_all(id=True)]
        problems += [f"{path}: id {id_!r} is used twice" for id_ in sorted(set(ids)) if ids.count(id_) > 1]
        for table in soup.select("article table"):
            if table.select_one("tr.group-row") is None:
                continue
            grouped += 1
            columns = [th.get("id") for th in table.thead.find_all("th")]
            for body in table.find_all("tbody"):
                group = body.select_one("tr.group-row th")
                for row in body.find_all("tr"):
                    if "group-row" in row.get("class", []):
                        continue
                    header = row.find("th")
                    for index, cell in enumerate(row.find_all("td"), start=1):
                        expected = [columns[index]] + ([group.get("id")] if group else []) + [header.get("id")]
                        if None in expected or tokens(cell.get("headers")) != expected:
                            problems.append(f"{path}: {table.caption.get_text(' ', strip=True)[:40]}: "
                                            f"{header.get_text(' ', strip=True)[:40]}: headers="
                                            f"{cell.get('headers')!r}, not {expected}")
    assert not problems, "\n".join(problems)
    assert grouped >= 15


def tokens(value: str | list[str] | None) -> list[str]:
    """An attribute's space-separated values (BeautifulSoup splits some attributes itself)."""
    return value.split() if isinstance(value, str) else list(value or [])


# Links that may share their words with a link elsewhere: each reads clearly where it is (WCAG 2.4.4, Link
# Purpose (In Context)), and their words are the theme's.
SAME_WORDS_ALLOWED = {
    # Material's permalink of each heading, "¶", inside the heading it leads to.
    "a.headerlink": "the heading it sits in says where it leads",
    # Material's table of contents: the page's headings, listed under "Table of contents", each leading to the
    # heading on this page; the navigation may list a page whose title a heading repeats (the home page's "Find
    # your school" section, and the sections of the whole specification, which have pages of their own).
    "nav.md-nav--secondary a": "listed under the page's table of contents, it leads to a heading of this page",
}


def accessible_words(link) -> str:
    """A link's name as a screen reader reads it: its aria-label, or its text (visually hidden text included)."""
    return " ".join((link.get("aria-label") or link.get_text(" ")).split()).lower()


@pytest.mark.parametrize("which", ["built_site", "changes_site"])
def test_no_link_text_leads_to_two_places(request, which):
    """On every page, the links that read the same lead to the same place (a reader who lists the links, or
    hears one out of its sentence, can tell them apart)."""
    site = request.getfixturevalue(which)
    problems = []
    for path in html_pages(site):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        for template in soup.find_all("template"):  # pieces that site.js copies into the page, filled in
            template.decompose()
        allowed = {id(link) for selector in SAME_WORDS_ALLOWED for link in soup.select(selector)}
        page_url = "http://site/" + path
        places: dict[str, set[str]] = {}
        for link in soup.find_all("a", href=True):
            if id(link) in allowed:
                continue
            place = urljoin(page_url, link["href"]).replace("/index.html", "/")
            places.setdefault(accessible_words(link), set()).add(place.removeprefix("http://site/"))
        problems += [f"{path}: {words!r} leads to {sorted(where)}" for words, where in places.items()
                     if len(where) > 1]
    assert not problems, "\n".join(problems)
