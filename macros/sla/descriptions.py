"""Each generated page's description: a sentence or two of plain text, from the data, that search engines and
link previews show (`description` in the page's front matter, the `<meta name="description">` of its head).

Plain text, never HTML: the site adapter escapes it where the theme prints it. Each is at most
DESCRIPTION_LENGTH characters, cut at a word with "…".
"""

from __future__ import annotations

from collections.abc import Iterator

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog, Numbered
from .change_records import SchoolChange
from .entitlement import school_type_of, tier_offers
from .models import Clause, Item, School, SchoolType
from .removed_school import removed_school_title
from .render import Renderer
from .text import join_words

DESCRIPTION_LENGTH = 160
"""Longer descriptions are cut: search engines show about this much."""

SERVICES = "the council's ICT services"


def shorten_words(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """`text` on one line, cut at the last whole word that fits in `limit` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"


class Descriptions:
    """The descriptions of the pages of one year's data."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.year = catalog.prices.financial_year
        self._words = Renderer(catalog, _no_links)  # placeholders in words: `{section:x}` as "section 7.3"

    def school_type(self, school_type: SchoolType) -> str:
        """'What primary schools are entitled to in 2008/09: Core at no additional cost; Gold, Platinum or
        Platinum+ at additional cost.'"""
        offers = tier_offers(self.catalog, school_type.phase, school_type)
        costs = [f"{join_words([o.tier.name for o in offers if o.cost == cost], 'or')} at {cost}"
                 for cost in (NO_ADDITIONAL_COST, ADDITIONAL_COST) if any(o.cost == cost for o in offers)]
        return shorten_words(f"What {_lower_first(school_type.name)} are entitled to in {self.year}: "
                             f"{'; '.join(costs)}.")

    def comparison(self, phase_id: str) -> str:
        """'The tiers for primary schools side by side in 2008/09: Core, Gold, Platinum and Platinum+, what each
        includes and what changes from one to another.'"""
        phase = self.catalog.phase(phase_id)
        return shorten_words(f"The tiers for {_lower_first(phase.name)} side by side in {self.year}: "
                             f"{join_words([tier.name for tier in phase.tiers])}, what each includes and what "
                             "changes from one to another.")

    def tier(self, school_type: SchoolType, tier_id: str) -> str:
        """'Gold for primary schools in 2008/09: at additional cost, £1,250 a year; what it includes, what being
        a YHGFL school changes, and moving to another tier.'"""
        offer = next(o for o in tier_offers(self.catalog, school_type.phase, school_type) if o.tier.id == tier_id)
        cost = offer.cost or ""
        if offer.price is not None:
            cost += f", £{offer.price:,} a year"
        return shorten_words(f"{offer.tier.name} for {_lower_first(school_type.name)} in {self.year}: {cost}; what "
                             "it includes, what being a YHGFL school changes, and moving to another tier.")

    def move(self, phase_id: str, before_id: str, after_id: str) -> str:
        """'Moving from Gold to Platinum, for primary schools in 2008/09: the difference in price, the commitment,
        what Platinum adds and what you would lose.'"""
        before, after = (self.catalog.tier(phase_id, tier_id).name for tier_id in (before_id, after_id))
        return shorten_words(f"Moving from {before} to {after}, for {_lower_first(self.catalog.phase(phase_id).name)} "
                             f"in {self.year}: the difference in price, the commitment, what {after} adds and what "
                             "you would lose.")

    def plan(self, school_type: SchoolType) -> str:
        """'Plan 2008/09 for primary schools: choose a tier, the Capita top-up and other services, see what they
        cost and commit you to, and print the order.'"""
        return shorten_words(f"Plan {self.year} for {_lower_first(school_type.name)}: choose a tier and the services "
                             "to buy, see what they cost, add and commit you to, and print the order.")

    def schools_index(self) -> str:
        count = len(self.catalog.schools)
        schools = "1 school" if count == 1 else f"{count:,} schools"
        return shorten_words(f"Find your school among the {schools} listed for {self.year}: each has a page of "
                             "what it gets, with its type and its tier.")

    def changes(self, title: str) -> str:
        """`title` is the page's, 'What has changed since 2008/09'."""
        return shorten_words(f"{title}: what is new or different in {self.year} in the specification, the tiers, "
                             "the services, prices, contacts and schools.")

    def response_times(self) -> str:
        """'When a call to the ICT Service Desk must receive attention in 2008/09: the target time of each priority,
        whom to call, and a calculator that works out the date for a call.'"""
        return shorten_words(f"When a call to the {self._words.plain(self.catalog.services.service_desk.name)} must "
                             f"receive attention in {self.year}: the target time of each priority, whom to call, and "
                             "a calculator that works out the date for a call.")

    def school(self, school: School) -> str:
        """'What Example Castle High School (fictional) gets from the council's ICT services in 2008/09: the
        Silver tier, as one of the secondary schools.'"""
        school_type = school_type_of(self.catalog, school)
        tier = self.catalog.tier(school_type.phase, school.tier)
        return shorten_words(f"What {school.name} gets from {SERVICES} in {self.year}: the {tier.name} tier, as one "
                             f"of the {_lower_first(school_type.name)}.")

    def section(self, section: Numbered) -> str:
        """The section's words from its first clause on, as far as they fit; words that lead into what the
        clause shows ('… in this order:') end with "…"."""
        words = shorten_words(" ".join(self._clause_words(section.clause)))
        return words[:-1].rstrip() + "…" if words.endswith(":") else words

    def whole_specification(self) -> str:
        return shorten_words(f"The whole specification, {self._words.plain(self.catalog.services.title)}, for "
                             f"{self.year} on one page: every section, to print or to read through.")

    def about_edition(self) -> str:
        return shorten_words(" ".join(self._words.plain(text) for text in self.catalog.site.edition.intro))

    def accessibility(self) -> str:
        return shorten_words(" ".join(self._words.plain(text) for text in self.catalog.site.accessibility.intro))

    def privacy(self) -> str:
        return shorten_words(" ".join(self._words.plain(text) for text in self.catalog.site.privacy))

    def removed_school(self, school: SchoolChange, before_year: str) -> str:
        """'Example Ridge Academy (fictional) is no longer listed for 2009/10: it had a page on this site
        in 2008/09. What schools of its type get, and whom to ask.'"""
        return shorten_words(f"{removed_school_title(school.name)} for {self.year}: it had a page on this "
                             f"site in {before_year}. What schools of its type get, and whom to ask.")

    def _clause_words(self, clause: Clause) -> Iterator[str]:
        """The clause's text, its bullet points joined with ';', then its sub-clauses', in document order."""
        yield from (self._words.plain(text) for text in clause.text)
        if clause.items:
            yield "; ".join(self._item_words(item) for item in clause.items) + "."
        for sub_clause in clause.clauses:
            yield from self._clause_words(sub_clause)

    def _item_words(self, item: Item) -> str:
        words = self._words.plain(item.text).rstrip(" ;,.")
        if item.items:
            words += " " + ", ".join(self._item_words(sub_item) for sub_item in item.items)
        return words


def _lower_first(name: str) -> str:
    """'Primary schools' as running text: 'primary schools'."""
    return name[:1].lower() + name[1:]


def _no_links(path: str, anchor: str | None) -> str:
    raise ValueError(f"a description is plain text: it has no link to '{path}'")
