"""Turn the catalog into page content: Markdown headings and HTML blocks.

Escaping is not left to care: the Jinja environment autoescapes, and its
`finalize` hook passes every plain string printed by a template through
`prose()`, which escapes the text and fills in its placeholders. Only
`Markup` built here (from escaped parts) is printed as HTML.

Headings of clauses are written as Markdown, so that MkDocs puts them in the
page's table of contents and permalinks; everything else is an HTML block.
Links are made by the `href` function given by the site adapter, so this
module knows nothing of MkDocs or of page addresses.
"""

from __future__ import annotations

import html
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TypeVar, cast

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .catalog import Catalog, Numbered
from .deadlines import attention_words, update_words, working_words
from .models import Offer, PackagePrice, PriceGroup, PriceItem, PriceList, SoftwareRow, Tier
from .paths import ABOUT_EDITION, RESPONSE_TIMES, section_page
from .text import Placeholder, slugify, split

Href = Callable[[str, "str | None"], str]
"""href(page, anchor) -> the address of a place, relative to the page being rendered; `page` is a path
from `paths` (e.g. 'specification/services'), `anchor` an element id or None."""

TEMPLATES = Path(__file__).parent / "templates"
CALCULATOR_LINK = "When will you respond? Work out the date for a call"
"""The words of every link to the response-times page (`response.py`) from the response times of other pages."""
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


@dataclass
class Row:
    header: Markup
    cells: list[Markup]
    anchor: str
    group: Markup | None = None
    group_anchor: str | None = None


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    key: str = ""
    """The start of the ids of its header cells (`table.html`), which a table whose rows are grouped under headings
    needs: unique among the tables of any page that shows it."""


def slug(text: str) -> str:
    return slugify(text) or "item"


# -- anchors of table rows ------------------------------------------------------
# The pages and the search index (`search.py`) both take a row's anchor from these, so that a search result
# lands on the row it describes.

def matrix_group_anchor(group: str) -> str:
    """The anchor of a group of rows of the inclusion matrix, e.g. 'inclusions--ict-helpdesk'."""
    return f"inclusions--{slug(group)}"


def matrix_row_anchor(group: str, service: str) -> str:
    """The anchor of a row of the inclusion matrix, e.g. 'inclusions--ict-helpdesk--call-routing'."""
    return f"{matrix_group_anchor(group)}--{slug(service)}"


def software_anchor(row: SoftwareRow) -> str:
    """The anchor of a row of the supported software, e.g. 'software--antivirus-software-sophos-f-secure'."""
    return f"software--{slug(row.type + ' ' + ' '.join(row.products))[:60]}"


def price_group_anchor(price_list: PriceList, group: PriceGroup) -> str:
    """The anchor of a group of a price list, or of the list itself for items under no heading."""
    return f"{price_list.id}--{slug(group.name)}" if group.name else price_list.id


def price_item_anchor(price_list: PriceList, group: PriceGroup, item: PriceItem) -> str:
    """The anchor of an item of a price list, e.g. 'capita-top-up--complete-sims-help-desk-support'."""
    return f"{price_group_anchor(price_list, group)}--{slug(item.name)}"


def package_anchor(package: PackagePrice) -> str:
    """The anchor of a package (tier) price, e.g. 'package--secondary-formerly-gm-silver'."""
    return f"package--{package.school_type}-{package.tier}"


def service_price_anchor(index: int) -> str:
    """The anchor of the price of a special or pay-as-you-use service, by its position from 0."""
    return f"service-price--{index + 1}"


def priority_anchor(level: int) -> str:
    """The anchor of a priority of the response standards, e.g. 'priority-1'."""
    return f"priority-{level}"


def escalation_anchor(step: int) -> str:
    """The anchor of a step of the route for concerns and complaints, by its position from 0."""
    return f"escalation--step-{step + 1}"


def markdown_text(text: str) -> str:
    """Escape text for Markdown: no HTML, no emphasis, no links, no `{: attr}` list."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def money(amount: Decimal) -> str:
    """£850, £1,090, £8.50."""
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


class Renderer:
    """Renders clauses and data blocks for one page."""

    def __init__(self, catalog: Catalog, href: Href, set_aside: Callable[[Markup], str] | None = None):
        self.catalog = catalog
        self.href = href
        self.set_aside = set_aside or str
        """Takes an HTML block and returns a placeholder for it, to be put back once Markdown has run (given
        by the site adapter): the blocks are final HTML, and Markdown parsing them again is the bulk of the
        build time. By default the HTML stays in place."""
        self.env = _environment()

    def shared(self, name: str, build: Callable[[], T]) -> T:
        """What `build` returns, made once for these data and reused by every page whose links to the rest of
        the site read the same (the pages at the same depth, such as every school's page)."""
        memo = _SHARED.setdefault(self.catalog, {})
        key = (name, self.href("index", None))
        if key not in memo:
            memo[key] = build()
        return cast(T, memo[key])  # each name always holds what its `build` returned

    def markdown_page(self, *chunks: str | Markup) -> str:
        """A page's Markdown: headings (str) and HTML blocks (Markup, set aside), separated by blank lines."""
        return "\n\n".join(self.set_aside(chunk) if isinstance(chunk, Markup) else chunk for chunk in chunks) + "\n"

    # -- text ----------------------------------------------------------------

    def prose(self, text: str) -> Markup:
        """Escape `text` and replace its placeholders with facts and links."""
        parts = []
        for part in split(text):
            parts.append(escape(part) if isinstance(part, str) else self._placeholder(part))
        return Markup("").join(parts)

    def plain(self, text: str) -> str:
        """`text` with placeholders filled in as plain words (for attributes and headings)."""
        return "".join(part if isinstance(part, str) else self._placeholder_words(part) for part in split(text))

    def clause_link(self, clause_id: str) -> Markup:
        """A link to a clause, reading 'section 3.2.5'."""
        return Markup('<a href="{}">section {}</a>').format(self.clause_href(clause_id),
                                                             self.catalog.clause(clause_id).number)

    def edition_links(self, note_ids: list[str], text: str | None = None) -> list[Markup]:
        """Links to notes of the 'About this edition' page, each reading as the note's title (or `text`)."""
        return [Markup('<a href="{}">{}</a>').format(self.href(ABOUT_EDITION, f"note-{note_id}"),
                                                     self.prose(text or self.catalog.edition_note(note_id).title))
                for note_id in note_ids]

    def clause_href(self, clause_id: str) -> str:
        """The address of a clause: its section's page, at its anchor."""
        numbered = self.catalog.clause(clause_id)
        return self.href(section_page(numbered.section.id), None if numbered.depth == 1 else clause_id)

    def _placeholder(self, part: Placeholder) -> Markup:
        if part.kind == "section":
            return self.clause_link(part.key)
        return escape(self._placeholder_words(part))

    def _placeholder_words(self, part: Placeholder) -> str:
        if part.kind == "section":
            return f"section {self.catalog.clause(part.key).number}"
        if part.kind == "term":
            return getattr(self.catalog.services.terms, part.key)
        if part.kind == "provider":
            return getattr(self.catalog.services.provider, part.key)
        if part.kind == "working":
            return working_words(self.catalog.services.response_standards, part.key)
        phase, _, tier = part.key.partition("/")
        return self.catalog.tier(phase, tier).name

    def _template(self, name: str, **data: object) -> Markup:
        template = self.env.get_template(name)
        rendered = template.render(prose=self.prose, plain=self.plain, **data)
        return Markup("\n".join(line for line in rendered.splitlines() if line.strip()))

    # -- pages ---------------------------------------------------------------

    def section(self, section_id: str) -> str:
        """The Markdown of a whole section page."""
        return self.markdown_page(*self._clause(self.catalog.clause(section_id), level=1))

    def section_list(self) -> Markup:
        """Every section, numbered and linked."""
        return self._template("section_list.html", sections=[
            {"number": item.number, "title": item.clause.title, "href": self.href(section_page(item.id), None)}
            for item in self.catalog.sections])

    def clause_title(self, numbered: Numbered) -> str | None:
        clause = numbered.clause
        if clause.title:
            return clause.title
        for block in clause.show:
            kind, _, key = block.partition(":")
            if kind == "tier":
                phase, _, tier = key.partition("/")
                return f"{self.catalog.tier(phase, tier).title} – {self.catalog.phase(phase).name}"
            if kind == "offer":
                return self.catalog.offer(key).title
        return None

    def _clause(self, numbered: Numbered, level: int) -> list[str | Markup]:
        title = self.clause_title(numbered)
        chunks: list[str | Markup] = []
        if title:
            heading = self.plain(title)
            chunks.append(f"{'#' * min(level, 6)} <span class=\"clause-number\">{numbered.number}</span> "
                          f"{markdown_text(heading)} {{#{numbered.id}}}")
        inner = level + 1 if title else level
        blocks = [self.block(block, inner) for block in numbered.clause.show]
        clause = numbered.clause
        if clause.text or clause.items or blocks or clause.edition_notes:
            chunks.append(self._template("clause.html", clause=clause, number=numbered.number, titled=bool(title),
                                         blocks=blocks, notes=self.edition_links(clause.edition_notes)))
        for child in numbered.clause.clauses:
            chunks += self._clause(self.catalog.clause(child.id), inner)
        return chunks

    # -- blocks --------------------------------------------------------------

    def block(self, block: str, level: int) -> Markup:
        """Render a `show:` block; `level` is the heading level for headings inside it."""
        kind, _, key = block.partition(":")
        renderers = {
            "contact": lambda: self.contact(key),
            "tier": lambda: self.tier(*key.split("/")),
            "offer": lambda: self.offer(self.catalog.offer(key)),
            "price-list": lambda: self.price_list(self.catalog.price_list(key)),
            "escalation": self.escalation,
            "service-levels": self.service_levels,
            "matrix": lambda: self.matrix(key),
            "response-standards": self.response_standards,
            "deadline-calculator": self.deadline_calculator,
            "supported-software": self.supported_software,
            "package-prices": self.package_prices,
            "service-prices": self.service_prices,
        }
        return renderers[kind]()

    def contact(self, contact_id: str) -> Markup:
        contact = self.catalog.contact(contact_id)
        return self._template("contact.html", contact=contact, telephone_uri=self.telephone_uri(contact.telephone))

    @staticmethod
    def telephone_uri(telephone: str) -> str:
        """'01422 392569' as '+441422392569', for a tel: link."""
        number = telephone.replace("(0)", "")  # '+44 (0)1422 392569': the 0 is dialled only from the UK
        digits = re.sub(r"\D", "", number)
        return "+" + digits if number.lstrip().startswith("+") else "+44" + digits.removeprefix("0")

    def escalation(self) -> Markup:
        steps = [{"when": step.when, "who": step.who, "anchor": escalation_anchor(index),
                  "contact": self.contact(step.contact) if step.contact else None}
                 for index, step in enumerate(self.catalog.services.escalation)]
        return self._template("escalation.html", steps=steps)

    def service_levels(self) -> Markup:
        school_types = self.catalog.services.school_types
        table = Table("Service levels by school type", ["Relative cost"] + [t.name for t in school_types])
        for label, key in (("Available at no additional cost", "no_additional_cost"),
                           ("Available at additional cost", "additional_cost")):
            cells = []
            for school_type in school_types:
                names = Markup(", ").join(self._tier_link(school_type.phase, tier_id, say_phase=True)
                                          for tier_id in getattr(school_type, key)) or Markup("none")
                cells.append(names)
            table.rows.append(Row(escape(label), cells, f"service-levels--{slug(label)}"))
        return self._table(table, anchors=False)

    def matrix(self, phase_id: str) -> Markup:
        matrix = self.catalog.matrix(phase_id)
        phase = self.catalog.phase(phase_id)
        if matrix is None:
            return self._template("no_matrix.html", phase=phase)
        meanings = {entry.code: entry.meaning for entry in matrix.legend}
        table = Table(matrix.title, ["Service"] + [tier.name for tier in phase.tiers], key=f"inclusions-{phase_id}")
        for group in matrix.groups:
            group_anchor = matrix_group_anchor(group.name)
            for index, row in enumerate(group.rows):
                cells = [Markup('{}<span class="visually-hidden"> ({})</span>').format(
                             row.codes[tier.id], meanings[row.codes[tier.id]]) for tier in phase.tiers]
                table.rows.append(Row(self.prose(row.service), cells, matrix_row_anchor(group.name, row.service),
                                      self.prose(group.name) if index == 0 else None, group_anchor))
        legend = self._template("legend.html", legend=matrix.legend)
        return Markup("{}\n{}").format(self._table(table), legend)

    def response_standards(self, anchors: bool = True) -> Markup:
        standards = self.catalog.services.response_standards
        table = Table("ICT Support Response Standards Summary",
                      ["Priority level", "Definition of problem", "Attention",
                       "Frequency with which the school will be updated on progress"])
        for priority in standards.priorities:
            header = Markup("{}. {}").format(priority.level, self.prose(priority.name))
            if priority.expected_share:
                header += Markup(" (expected to apply to {} of incidents)").format(priority.expected_share)
            if len(priority.definition) == 1:
                definition = self.prose(priority.definition[0])
            else:
                definition = self._list(priority.definition)
            if priority.attention_working_days:
                attention = Markup("Will receive attention within {}.").format(
                    attention_words(priority.attention_working_days))
            else:
                attention = self.prose(priority.attention_note) if priority.attention_note else Markup("—")
            updates = self._list(update_words(priority))
            cells = [definition, attention, updates]
            table.rows.append(Row(header, cells, priority_anchor(priority.level)))
        return self._template("response_standards.html", standards=standards,
                              table=self._table(table, anchors))

    def deadline_calculator(self) -> Markup:
        """Where the specification shows the response standards: a link to the page that works out the date for a
        call (`response.py`), which is not printed (on paper it leads nowhere)."""
        return Markup('<p class="response-times-link"><a href="{}">{}</a></p>').format(
            self.href(RESPONSE_TIMES, None), CALCULATOR_LINK)

    def supported_software(self) -> Markup:
        software = self.catalog.services.supported_software
        table = Table(software.title, ["Type of software", "Product", "Technical support?",
                                       "Use/operation of the application?"])
        for row in software.rows:
            products = Markup(", ").join(self.prose(product) for product in row.products)
            cells = [products, self.prose(row.technical_support), self.prose(row.use_support)]
            table.rows.append(Row(self.prose(row.type), cells, software_anchor(row)))
        notes = self._template("items.html", list=software.notes) if software.notes else Markup("")
        return Markup("{}\n{}").format(self._table(table), notes)

    def tier(self, phase_id: str, tier_id: str) -> Markup:
        tier = self.catalog.tier(phase_id, tier_id)
        return self._template("tier.html", tier=tier, availability=self.catalog.availability(phase_id, tier_id),
                              builds_on=self._builds_on_phrase(phase_id, tier),
                              exclusions=self._exclusions(phase_id, tier), notes=self.edition_links(tier.edition_notes))

    def offer(self, offer: Offer, phase_id: str | None = None) -> Markup:
        """An offer to all schools; with `phase_id`, only that phase's prices (its rows without anchors, which stay
        with the specification's copy)."""
        price_list = None
        if offer.price_list:
            prices = self.catalog.price_list(offer.price_list)
            if phase_id is None:
                price_list = self.price_list(prices)
            elif phase_id in prices.phases:
                price_list = self.price_list(prices, only=[phase_id], anchors=False)
        return self._template("offer.html", offer=offer, price_list=price_list)

    def price_list(self, price_list: PriceList, only: list[str] | None = None, anchors: bool = True) -> Markup:
        """The price list as a table; `only` keeps the columns of those phases; see `_table` for `anchors`."""
        phases = [self.catalog.phase(phase_id) for phase_id in price_list.phases if not only or phase_id in only]
        caption = f"{price_list.title} {self.catalog.prices.financial_year}"
        table = Table(caption, [price_list.item_heading] + [phase.name for phase in phases], key=price_list.id)
        for group in price_list.groups:
            group_anchor = price_group_anchor(price_list, group)
            for index, item in enumerate(group.items):
                cells = []
                for phase in phases:
                    price = item.prices.get(phase.id)
                    text = Markup(money(price)) if price is not None else Markup("not offered")
                    cells.append(text)
                group_name = self.prose(group.name) if group.name and index == 0 else None
                table.rows.append(Row(self.prose(item.name), cells, price_item_anchor(price_list, group, item),
                                      group_name, group_anchor))
        return self._table(table, anchors)

    def package_prices(self) -> Markup:
        packages = self.catalog.prices.package_prices
        if not packages:
            return Markup("<p>To be notified.</p>")
        table = Table(f"Prices of packages {self.catalog.prices.financial_year}", ["Package", "Annual price"])
        for package in packages:
            school_type = self.catalog.school_type(package.school_type)
            tier = self.catalog.tier(school_type.phase, package.tier)
            header = Markup("{} – {}").format(self.prose(tier.name), self.prose(school_type.name))
            price = Markup(money(package.price))
            table.rows.append(Row(header, [price], package_anchor(package)))
        return self._table(table)

    def service_prices(self) -> Markup:
        prices = self.catalog.prices.service_prices
        if not prices:
            return Markup("<p>To be notified.</p>")
        table = Table(f"Prices of special and pay-as-you-use services {self.catalog.prices.financial_year}",
                      ["Service", "Price"])
        for index, item in enumerate(prices):
            price = Markup(money(item.price))
            if item.unit:
                price += Markup(" {}").format(self.prose(item.unit))
            table.rows.append(Row(self.prose(item.service), [price], service_price_anchor(index)))
        return self._table(table)

    # -- helpers -------------------------------------------------------------

    def _table(self, table: Table, anchors: bool = True) -> Markup:
        """A table; with `anchors`, its rows carry their anchors (copies of a table elsewhere, such as a type's
        page, leave them to the specification's). A table whose rows are grouped under headings ties each cell to
        its group's heading too (`table.key`)."""
        grouped = any(row.group for row in table.rows)
        if grouped and not table.key:
            raise ValueError(f"table {table.caption!r}: its rows are grouped, so it needs a key for its header ids")
        return self._template("table.html", table=table, anchors=anchors, ids=table.key if grouped else None)

    def _list(self, texts: list[str]) -> Markup:
        return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(self.prose(text))
                                                             for text in texts))

    def _tier_link(self, phase_id: str, tier_id: str, say_phase: bool = False) -> Markup:
        """A link to a tier's description, reading as its name; `say_phase`: and, for screen readers only, its
        phase's ('Platinum (Primary schools)'), where phases share tier names and only the column tells them apart
        to the eye."""
        tier = self.catalog.tier(phase_id, tier_id)
        numbered = self.catalog.clause_showing(f"tier:{phase_id}/{tier_id}")
        if numbered is None:
            return self.prose(tier.name)
        phase = Markup('<span class="visually-hidden"> ({})</span>').format(self.catalog.phase(phase_id).name)
        return Markup('<a href="{}">{}{}</a>').format(self.clause_href(numbered.id), self.prose(tier.name),
                                                      phase if say_phase else "")

    def _builds_on_phrase(self, phase_id: str, tier: Tier) -> Markup:
        chain = self.catalog.builds_on(phase_id, tier.id)
        if not chain:
            return Markup("")
        names = [self._tier_link(phase_id, base.id) for base in chain]
        joined = names[0] if len(names) == 1 else Markup(", ").join(names[:-1]) + Markup(" and ") + names[-1]
        return Markup("everything in {}, plus").format(joined)

    def _exclusions(self, phase_id: str, tier: Tier) -> list[dict]:
        result = []
        for group in self.catalog.exclusions(phase_id, tier.id):
            shown_at = group.applies_to[-1]
            names = [self.catalog.tier(phase_id, tier_id).name for tier_id in group.applies_to]
            shared = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else None
            entry = {"excluded": group.items, "here": shown_at == tier.id, "shared_with": shared, "link": None}
            if not entry["here"]:
                numbered = self.catalog.clause_showing(f"tier:{phase_id}/{shown_at}")
                entry["link"] = self.clause_link(numbered.id) if numbered else escape(names[-1])
            result.append(entry)
        return result


T = TypeVar("T")
_SHARED: weakref.WeakKeyDictionary[Catalog, dict[tuple[str, str], object]] = weakref.WeakKeyDictionary()
"""What `Renderer.shared` made, for each set of data while it is in use."""


@cache
def _environment() -> Environment:
    # The compiled templates are kept between builds in the system's temporary folder (Jinja's bytecode cache,
    # which checks each template's time), so that a build does not compile them all again.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, finalize=_finalize,
                      bytecode_cache=FileSystemBytecodeCache())
    env.filters["plain"] = _plain
    return env


@pass_context
def _finalize(context: Context, value: object) -> object:
    """Every plain string a template prints is prose: escaped, placeholders filled in."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return context["prose"](value)
    return value


@pass_context
def _plain(context: Context, value: object) -> Markup:
    """Text for an attribute value: placeholders as words, no markup."""
    text = value.striptags() if isinstance(value, Markup) else context["plain"](str(value))
    return Markup(escape(text))
