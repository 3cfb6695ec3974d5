"""Search in the reader's words: what the site adds to the search index that the theme makes of its pages.

The theme (Material for MkDocs) makes one entry of each page and one of each heading with an id. The site adds
entries made from the data, worded as a reader reads them (see `entries`):

- one for each row of its tables (the inclusion matrix, the supported software, the price lists, the package
  and service prices, the priorities of the response standards), at the row's anchor, with the same anchor
  functions as the pages (`render.py`), so that a result lands on the row (the theme indexes headings only, and
  a table's rows are not headings);
- one for each contact, at their step of the route for complaints;
- one for each clause without a heading of its own that has a summary label, shows a contact or the route,
  or is a synonym's target, so that a search lands on the clause rather than on the top of its section;
- one small entry for each school (its name, type and tier) at its page, whose full text is left out of the
  index so that the index stays small with many schools.

The synonyms of data/site.yaml then give each target's entry the readers' words, in fields of their own
(`keywords` for a synonym's first target, `related` for the others) that the theme's search engine (lunr)
matches as it matches the title, but never shows; see `rewrite`. Ranking is lunr's, by the weights below
(FIELD_BOOSTS, ROW_BOOST, CLAUSE_BOOST, SCHOOL_BOOST): nothing is added to the search code that runs in the browser.

Nothing here imports MkDocs: the site adapter reads and writes the index file and says where each page is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog, Numbered
from .checks import school_slug
from .deadlines import attention_words, update_words
from .entitlement import school_type_of
from .models import Contact, Item
from .paths import comparison_page, school_page, section_page, type_page
from .render import (
    Renderer,
    escalation_anchor,
    matrix_row_anchor,
    money,
    package_anchor,
    price_item_anchor,
    priority_anchor,
    service_price_anchor,
    software_anchor,
)
from .targets import HELP_TARGETS, PAGE_TARGETS, unhandled

Place = tuple[str, "str | None"]
"""A place on the site: a page's path (see `paths`) and an anchor on it, or None for the top of the page."""

Url = Callable[[str, "str | None"], str]
"""url(path, anchor) -> the place's address as the theme's index writes it (relative to the site's root)."""

KEYWORDS = "keywords"
"""The field of an entry holding the readers' words (synonyms) for which it is the answer: the first target."""

RELATED = "related"
"""The field of an entry holding the readers' words for which it is one of the other targets."""

FIELD_BOOSTS = {KEYWORDS: 3000.0, RELATED: 1000.0}
"""How much a match in each field the site adds counts; the theme's own fields are title 1000 and text 1 (and
tags, unused). Every word of a query adds what it matches, so the rule is in the sums:

- a synonym alone leads to its first target: there it counts three words of a title, so "call" leads to where to
  report a fault before the row "Call routing", which has "call" in its title once (a query naming the row in
  full, "call routing", has two words of its title and finds the row);
- at a synonym's other targets it counts one word of a title, as much as the words the specification uses: a
  query with a synonym and a word of one of its other targets' titles, a specific word ("cost of Capita support":
  "cost" is a synonym of the package prices and of 7.6.3, "Capita" a word of 7.6.3's title), has two matches
  there and one at the first target, and leads to the one the specific word names."""

ROW_BOOST = 2.0
"""How much more an entry the site adds (a row, a contact, where to report a fault) or a synonym's target counts
than the theme's other entries. Their words are few and to the point: "priority 1" finds priority 1 rather than
a section whose number starts with 1, "notice" the notice period rather than the top of its section. Sections
themselves (pages) are not boosted unless a synonym leads to one: the theme already ranks a page above its
parts."""

CLAUSE_BOOST = 2.5
"""How much more a clause's heading counts than the theme's other entries: more than a row of a table, since the
clause is the subject and each row one detail of it. "capita top-up" leads to 7.6.3, the Capita SIMS Top-Up
Subscription Service and its prices, not to the row "Top-up support from CapitaES" of the inclusion table, which
has the same words in its title (and, in "CapitaES", a rarer one); "Gold" finds the Gold clause rather than the
editorial note about it. No more than that: a synonym's first target, boosted as a row, still comes before a
heading that has one of the synonym's words once ("call" → where to report a fault, not "Call routing")."""


SCHOOL_BOOST = 0.5
"""A school's entry counts half as much as the theme's: a school's name finds it, but words that many schools'
names share ("primary", "school") still find the site's own pages first, however many schools there are."""


@dataclass
class Entry:
    """One entry the site adds to the search index; title and text are plain words."""

    place: Place
    title: str
    text: str
    boost: float | None = ROW_BOOST


@dataclass
class Rewritten:
    """What the site's entries did to the theme's index: for the tests and the build's log."""

    added: int = 0
    replaced: int = 0
    targets: list[tuple[list[str], list[str]]] = field(default_factory=list)
    """Each synonym's words, and the locations they lead to."""


class SearchError(Exception):
    """A synonym leads to a place the index has no entry for (a clause the site does not show)."""


def rewrite(index: dict[str, Any], catalog: Catalog, url: Url) -> Rewritten:
    """Add the site's entries and synonyms to the theme's search index (`search_index.json`, as a dict),
    in place. Where the theme has an entry at a place the site has one for, the site's takes its place."""
    report = Rewritten()
    ours = _our_docs(catalog, url)
    clauses = {url(*clause_place(numbered)) for numbered in catalog.numbered.values() if numbered.depth > 1}
    by_page: dict[str, list[Doc]] = {}
    for doc in index["docs"]:
        location = doc["location"]
        if location in ours:
            report.replaced += 1
            doc = ours.pop(location)
        elif location in clauses:  # a clause's heading: the clause, before its rows and the notes that cite it
            doc.setdefault("boost", CLAUSE_BOOST)
        by_page.setdefault(_page(location), []).append(doc)
    for location, doc in ours.items():  # after the page's own entries; a page the theme left out gets its own
        report.added += 1
        by_page.setdefault(_page(location), []).append(doc)
    docs: list[Doc] = []
    for page, page_docs in by_page.items():
        # The theme's search takes a page's first entry for the page itself: it must be the one without an anchor.
        page_docs.sort(key=lambda doc: "#" in doc["location"])
        if "#" in page_docs[0]["location"]:
            raise SearchError(f"the search index has entries for parts of '{page}' but none for the page itself")
        docs += page_docs
    report.targets = _add_synonyms(docs, catalog, url)
    index["docs"] = docs
    fields = index["config"]["fields"]
    for name, boost in FIELD_BOOSTS.items():
        fields.setdefault(name, {"boost": boost})
    return report


Doc = dict[str, Any]
"""An entry of the index as the theme writes it: location, title, text (HTML), and optionally boost."""


def _our_docs(catalog: Catalog, url: Url) -> dict[str, Doc]:
    """The site's entries as the index holds them, by location; two things at one place make one entry,
    named by the first."""
    docs: dict[str, Doc] = {}
    for entry in entries(catalog):
        location = url(*entry.place)
        if location in docs:
            docs[location]["text"] += " " + _escape(entry.text)
            continue
        docs[location] = {"location": location, "title": _escape(entry.title), "text": _escape(entry.text)}
        if entry.boost is not None:
            docs[location]["boost"] = entry.boost
    return docs


def _add_synonyms(docs: list[Doc], catalog: Catalog, url: Url) -> list[tuple[list[str], list[str]]]:
    """Give each synonym's targets its words: the first target in `keywords`, the others in `related`; return
    each synonym's words and the locations they lead to."""
    located = {doc["location"]: doc for doc in docs}
    leads, missing = [], []
    for synonym in catalog.site.search.synonyms:
        locations = [url(*target_place(catalog, target)) for target in synonym.targets]
        missing += [f"{target} ({location})" for target, location in zip(synonym.targets, locations, strict=True)
                    if location not in located]
        for position, location in enumerate(location for location in locations if location in located):
            doc = located[location]
            words = doc.setdefault(KEYWORDS if position == 0 else RELATED, [])
            words += [word for word in synonym.words if word not in words]
            doc.setdefault("boost", ROW_BOOST)
        leads.append((synonym.words, locations))
    if missing:
        raise SearchError(f"synonyms in data/site.yaml lead to places the search index has no entry for: "
                          f"{', '.join(missing)}")
    return leads


def entries(catalog: Catalog) -> list[Entry]:
    """Every entry the site adds to the theme's index, in the order of the site."""
    words = Words(catalog)
    return [*words.schools(), *words.priorities(), *words.contacts(), *words.fault_route(), *words.clauses(),
            *words.matrix_rows(),
            *words.software_rows(), *words.price_rows(), *words.package_rows(), *words.service_price_rows()]


def target_place(catalog: Catalog, target: str) -> Place:
    """Where a synonym's target (`kind:id`, one of targets.py's kinds, checked by checks/settings.py) is."""
    kind, _, key = target.partition(":")
    return _PLACES[kind](catalog, key)


def _contact_place(catalog: Catalog, key: str) -> Place:
    place = Words(catalog).contact_place(key)
    if place is None:
        raise SearchError(f"contact:{key}: the site shows this contact's card nowhere that search leads")
    return place


def _priority_place(catalog: Catalog, key: str) -> Place:
    page = _page_showing(catalog, "response-standards")
    if page is None:
        raise SearchError(f"priority:{key}: no clause shows the response standards")
    return page, priority_anchor(int(key))


_PLACES: dict[str, Callable[[Catalog, str], Place]] = {
    "clause": lambda catalog, key: clause_place(catalog.clause(key)),
    "contact": _contact_place,
    "priority": _priority_place,
    "school-type": lambda catalog, key: (type_page(key), None),
    "compare": lambda catalog, key: (comparison_page(key), None),
    "page": lambda catalog, key: (PAGE_TARGETS[key], None),
    "help": lambda catalog, key: HELP_TARGETS[key],
}
"""Where a target of each kind of targets.py's table leads, from its id."""
unhandled(set(_PLACES), "search.py")


def clause_place(numbered: Numbered) -> Place:
    """A clause's place: its section's page, at its anchor (a section is its page)."""
    return section_page(numbered.section.id), None if numbered.depth == 1 else numbered.id


class Words:
    """The site's entries, worded from the data as a reader reads them."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.renderer = Renderer(catalog, href=lambda path, anchor: "")  # for words only: no links are made
        self.year = catalog.prices.financial_year

    def plain(self, text: str) -> str:
        """Text with its placeholders as words ('section 5.3', '1 April')."""
        return self.renderer.plain(text)

    def rows(self) -> list[Entry]:
        return [*self.priorities(), *self.matrix_rows(), *self.software_rows(), *self.price_rows(),
                *self.package_rows(), *self.service_price_rows()]

    # -- schools -------------------------------------------------------------

    def schools(self) -> Iterator[Entry]:
        """One small entry per school: its name, type and tier (the page itself is not indexed)."""
        for school in self.catalog.schools:
            school_type = school_type_of(self.catalog, school)
            tier = self.catalog.tier(school_type.phase, school.tier)
            yield Entry((school_page(school_slug(school)), None), school.name, f"{school_type.name}, {tier.name}",
                        boost=SCHOOL_BOOST)

    # -- tables --------------------------------------------------------------

    def matrix_rows(self) -> Iterator[Entry]:
        """'Call routing – ICT Helpdesk': what each tier of the phase gets, in the legend's words."""
        for matrix in self.catalog.services.matrices:
            page = _page_showing(self.catalog, f"matrix:{matrix.phase}")
            if page is None:
                continue
            phase = self.catalog.phase(matrix.phase)
            meanings = {entry.code: entry.meaning for entry in matrix.legend}
            for group in matrix.groups:
                for row in group.rows:
                    title = f"{self.plain(row.service)} – {self.plain(group.name)}"
                    cells = "; ".join(f"{tier.name}: {meanings[row.codes[tier.id]]}" for tier in phase.tiers)
                    yield Entry((page, matrix_row_anchor(group.name, row.service)), title,
                                f"{phase.name}: {cells}.")

    def software_rows(self) -> Iterator[Entry]:
        """'Antivirus software: Sophos, F-secure': whether it has technical support and use support."""
        software = self.catalog.services.supported_software
        page = _page_showing(self.catalog, "supported-software")
        if page is None:
            return
        for row in software.rows:
            title = f"{self.plain(row.type)}: {', '.join(self.plain(product) for product in row.products)}"
            text = (f"{self.plain(software.title)}. Technical support: {_sentence(self.plain(row.technical_support))} "
                    f"Use/operation of the application: {_sentence(self.plain(row.use_support))}")
            yield Entry((page, software_anchor(row)), title, text)

    def price_rows(self) -> Iterator[Entry]:
        """'Complete SIMS Help Desk Support': its price for each phase, this financial year."""
        for price_list in self.catalog.prices.price_lists:
            page = _price_list_page(self.catalog, price_list.id)
            if page is None:
                continue
            for group in price_list.groups:
                heading = f"{self.plain(price_list.title)} {self.year}"
                if group.name:
                    heading += f", {self.plain(group.name)}"
                for item in group.items:
                    prices = "; ".join(f"{self.catalog.phase(phase).name}: "
                                       f"{money(item.prices[phase]) if phase in item.prices else 'not offered'}"
                                       for phase in price_list.phases)
                    yield Entry((page, price_item_anchor(price_list, group, item)), self.plain(item.name),
                                f"{heading}. {prices}.")

    def package_rows(self) -> Iterator[Entry]:
        """'Gold – Primary schools': the annual price of a tier for a school type."""
        page = _page_showing(self.catalog, "package-prices")
        if page is None:
            return
        for package in self.catalog.prices.package_prices:
            school_type = self.catalog.school_type(package.school_type)
            tier = self.catalog.tier(school_type.phase, package.tier)
            yield Entry((page, package_anchor(package)), f"{tier.name} – {school_type.name}",
                        f"Prices of packages {self.year}: {money(package.price)} a year.")

    def service_price_rows(self) -> Iterator[Entry]:
        """A special or pay-as-you-use service and its price."""
        page = _page_showing(self.catalog, "service-prices")
        if page is None:
            return
        for index, item in enumerate(self.catalog.prices.service_prices):
            unit = f" {self.plain(item.unit)}" if item.unit else ""
            yield Entry((page, service_price_anchor(index)), self.plain(item.service),
                        f"Prices of special and pay-as-you-use services {self.year}: {money(item.price)}{unit}.")

    def priorities(self) -> Iterator[Entry]:
        """'Priority 1: Critical': what it means, when a call gets attention, and the updates."""
        page = _page_showing(self.catalog, "response-standards")
        if page is None:
            return
        for priority in self.catalog.services.response_standards.priorities:
            parts = []
            if priority.expected_share:
                parts.append(f"Expected to apply to {priority.expected_share} of incidents.")
            parts += [_sentence(self.plain(text)) for text in priority.definition]
            if priority.attention_working_days:
                parts.append(f"Will receive attention within {attention_words(priority.attention_working_days)}.")
            elif priority.attention_note:
                parts.append(_sentence(self.plain(priority.attention_note)))
            updates = update_words(priority)
            if updates:
                parts.append(_sentence(f"Updates: {'; '.join(self.plain(words) for words in updates)}"))
            yield Entry((page, priority_anchor(priority.level)), f"Priority {priority.level}: "
                        f"{self.plain(priority.name)}", " ".join(parts))

    # -- contacts and clauses ----------------------------------------------------

    def contact_place(self, contact_id: str) -> Place | None:
        """Where a contact's card is: their first step of the route for complaints, or the clause showing it."""
        route = _page_showing(self.catalog, "escalation")
        for index, step in enumerate(self.catalog.services.escalation):
            if step.contact == contact_id and route is not None:
                return route, escalation_anchor(index)
        shown = self.catalog.clause_showing(f"contact:{contact_id}")
        return clause_place(shown) if shown else None

    def contacts(self) -> Iterator[Entry]:
        """'Pam Plant': role, telephone, e-mail and address, as on the card."""
        for contact in self.catalog.services.contacts:
            place = self.contact_place(contact.id)
            if place is not None:
                yield Entry(place, contact.name, self.contact_words(contact))

    @staticmethod
    def contact_words(contact: Contact, named: bool = False) -> str:
        """The card in words: '(Pam Plant, )Principal Officer, ... Telephone: 01422 392569. ...'."""
        fax = f" Fax: {contact.fax}." if contact.fax else ""
        name = f"{contact.name}, " if named else ""
        return (f"{name}{contact.role}. Telephone: {contact.telephone}. E-mail: {contact.email}.{fax} "
                f"{', '.join(contact.address)}.")

    def fault_route(self) -> Iterator[Entry]:
        """Where to report a fault (`help:fault`): the ICT Service Desk, and how to reach it when the data say."""
        desk = self.catalog.services.service_desk
        ways = [f"{label}: {value}." for label, value in (("Telephone", desk.telephone), ("E-mail", desk.email),
                                                          ("Hours", desk.hours)) if value]
        yield Entry(HELP_TARGETS["fault"], "Report a fault or ask a question",
                    " ".join([f"Report faults and ask questions to the {desk.name}.", *ways]))

    def clauses(self) -> Iterator[Entry]:
        """The clauses without a heading of their own that a reader looks for: those with a summary label,
        those showing a contact or the route for complaints, and synonyms' targets."""
        targets = {target.removeprefix("clause:") for synonym in self.catalog.site.search.synonyms
                   for target in synonym.targets if target.startswith("clause:")}
        for numbered in self.catalog.numbered.values():
            clause = numbered.clause
            if numbered.depth == 1 or self.renderer.clause_title(numbered) is not None:
                continue  # a section is its page, and a heading is the theme's entry
            shows = [block for block in clause.show if block == "escalation" or block.startswith("contact:")]
            if not (clause.summary_label or shows or clause.id in targets):
                continue
            title = f"{numbered.number} {self.plain(clause.summary_label or numbered.section.title or '')}"
            parts = [self.plain(text) for text in clause.text] + [self.plain(text) for text in _items(clause.items)]
            for block in shows:
                parts.append(self.route_words() if block == "escalation"
                             else self.contact_words(self.catalog.contact(block.partition(":")[2]), named=True))
            yield Entry(clause_place(numbered), title.strip(), " ".join(parts))

    def route_words(self) -> str:
        """The route for complaints in words, each step with whom to go to and how to reach them."""
        steps = []
        for number, step in enumerate(self.catalog.services.escalation, start=1):
            if step.contact:
                contact = self.catalog.contact(step.contact)
                steps.append(f"{number}. {self.plain(step.when)}: {contact.name}, {contact.role}, telephone "
                             f"{contact.telephone}, e-mail {contact.email}.")
            else:
                steps.append(f"{number}. {_sentence(self.plain(step.when) + ' ' + self.plain(step.who or ''))}")
        desk = self.catalog.services.service_desk
        ways = [f"telephone {desk.telephone}" if desk.telephone else "", f"e-mail {desk.email}" if desk.email else "",
                desk.hours or ""]
        if any(ways):
            steps.append(f"{desk.name}: {', '.join(way for way in ways if way)}.")
        return " ".join(steps)


def _page_showing(catalog: Catalog, block: str) -> str | None:
    """The page of the clause that shows `block`, if any."""
    numbered = catalog.clause_showing(block)
    return section_page(numbered.section.id) if numbered else None


def _price_list_page(catalog: Catalog, price_list_id: str) -> str | None:
    """The page showing a price list: the clause of the offer that has it, or a clause showing it by itself."""
    for offer in catalog.services.offers:
        if offer.price_list == price_list_id:
            page = _page_showing(catalog, f"offer:{offer.id}")
            if page:
                return page
    return _page_showing(catalog, f"price-list:{price_list_id}")


def _items(items: list[Item]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _items(item.items)


def _sentence(text: str) -> str:
    """Text ending in a full stop (or the question or exclamation mark it has)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _page(location: str) -> str:
    return location.partition("#")[0]


def _escape(text: str) -> str:
    """Plain words as the theme's index holds text: HTML, with <, > and & escaped."""
    return html.escape(" ".join(text.split()), quote=False)
