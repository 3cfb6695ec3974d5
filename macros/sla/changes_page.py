"""The page of what has changed since last year (`changes/`), its CSV, and the changes shown on each school
type's page and each school's page.

What changed is worked out by `changes.compare` (last year's data is the latest archive, see `archive`);
this module only words it. Last year's text is shown as words, its placeholders filled in from last year's
data, and without links: its clauses may have other numbers now, or be gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from markupsafe import Markup

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .change_records import (
    CLAUSE_FIELDS,
    CellChange,
    Changes,
    ClauseChange,
    Code,
    CostChange,
    PriceChange,
    RowChange,
    SchoolChange,
    Words,
)
from .changes import compare
from .entitlement import Status
from .models import Clause, Item, School, SchoolType
from .paths import CHANGES, download, school_page
from .render import Href, Renderer, markdown_text, money
from .text import Placeholder

FIRST_WORDS = 10
"""How many words of its text name a clause without a title."""
NO_EARLIER_YEAR = "There is no earlier year to compare with."
CSV_COLUMNS = ["area", "change", "phase", "school_type", "tier", "item", "detail", "before", "after", "difference"]
COSTS = {NO_ADDITIONAL_COST: "No additional cost", ADDITIONAL_COST: "Additional cost", None: "Not offered"}
"""What a tier costs a school type, in words (None: the type cannot have it)."""


class StatusTags(Protocol):
    """What the changes share with the entitlement pages (`pages.Pages`): a status as a tag."""

    def status(self, status: Status, sims_pcs: int | None = None) -> Markup: ...


@dataclass(frozen=True)
class Area:
    """A kind of change, as a part of a page: its anchor, heading and body, and how many changes it holds."""

    anchor: str
    heading: str
    body: Markup
    count: int


@dataclass(frozen=True)
class _Item:
    """A bullet point with its words already rendered (last year's as words, this year's as prose)."""

    text: Markup
    items: list[_Item]


@dataclass(frozen=True)
class _Part:
    """Paragraphs and bullet points of a clause, rendered; `differ` are the bullet points only this version has."""

    paragraphs: list[Markup]
    items: list[_Item]
    differ: list[Markup] = field(default_factory=list)


def changes_title(previous: Catalog | None, for_you: bool = False) -> str:
    """'What has changed since 2008/09', or, with no earlier year, 'What has changed since last year'; `for_you`:
    'What has changed for you since 2008/09'."""
    since = previous.prices.financial_year if previous else "last year"
    return f"What has changed{' for you' if for_you else ''} since {since}"


class ChangesPage(Renderer):
    """Renders what has changed since `previous` (last year's data; None when there is none)."""

    def __init__(self, catalog: Catalog, href: Href, tags: StatusTags, previous: Catalog | None,
                 set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)
        self.tags = tags
        self.previous = previous
        self.old = _LastYear(previous, href) if previous else None
        self.changes = compare(previous, catalog) if previous else None

    @property
    def title(self) -> str:
        return changes_title(self.previous)

    @property
    def section_title(self) -> str:
        """The heading of the changes on a school type's or a school's page: 'What has changed for you since
        2008/09'. Not the page's title, which the section's link to the page and the navigation read as: two
        links that read the same would lead to two places."""
        return changes_title(self.previous, for_you=True)

    # -- the page ------------------------------------------------------------------------

    def changes_page(self) -> str:
        """The whole page: every kind of change, each saying so when there is none."""
        if self.changes is None:
            return self.markdown_page(f"# {markdown_text(self.title)}",
                                      self._template("changes_intro.html", changes=None, areas=[],
                                                     no_earlier_year=NO_EARLIER_YEAR))
        areas = self._areas(self.changes, level=3, every=True)
        return self.markdown_page(
            f"# {markdown_text(self.title)}",
            self._template("changes_intro.html", changes=self.changes, csv=self.href(download("changes.csv"), None),
                           no_earlier_year=NO_EARLIER_YEAR, count=_count(self.changes),
                           contents=[(area.anchor, f"{area.heading} ({area.count or 'none'})") for area in areas]),
            *(chunk for area in areas for chunk in (f"## {markdown_text(area.heading)} {{#{area.anchor}}}",
                                                   area.body)))

    def link(self) -> Markup:
        """A link to the page, reading as its title."""
        return Markup('<a href="{}">{}</a>').format(self.href(CHANGES, None), self.title)

    # -- on the page of a school type or a school --------------------------------------------

    def for_school_type(self, school_type: SchoolType) -> Markup:
        """The changes that affect a school type, for a section of its page."""
        who = school_type.name[0].lower() + school_type.name[1:]
        return self._section(self.changes.for_school_type(school_type) if self.changes else None, who)

    def for_school(self, school: School) -> Markup:
        """The changes that affect one school, for a section of its page."""
        return self._section(self.changes.for_school(self.catalog, school) if self.changes else None, school.name)

    def _section(self, changes: Changes | None, who: str) -> Markup:
        areas = self._areas(changes, level=4, every=False, anchors="changes-") if changes else []
        return self._template("changes_section.html", changes=changes, who=who, areas=areas,
                              page=self.link(), no_earlier_year=NO_EARLIER_YEAR,
                              renumbered=len(changes.renumbered) if changes else 0)

    # -- the kinds of change ---------------------------------------------------------------

    def _areas(self, changes: Changes, level: int, every: bool, anchors: str = "") -> list[Area]:
        """Each kind of change with its body. The whole page (`every`) has every kind, those without changes
        too, clause numbers included, and the wording of each clause before and after; a section of another
        page has only the kinds with changes, and lists the clauses (it may be on a thousand school pages).
        `level` is the heading level inside a body."""
        school = changes.school
        kinds: list[tuple[str, str, int, Callable[[], Markup]]] = [
            ("services", "Services added and removed", len(changes.rows) + len(changes.offers) + len(changes.listed),
             lambda: self._area("services", level, rows=self._rows(changes.rows, school),
                                listed=self._listed(changes), offers=self._offers(changes))),
            ("inclusion-table", "The inclusion table, tier by tier", len(changes.cells),
             lambda: self._area("inclusion-table", level, tables=self._cell_tables(changes.cells, school),
                                school=school)),
            ("costs", "What each tier costs each type of school", len(changes.costs),
             lambda: self._area("costs", level, costs=[self._cost(cost) for cost in changes.costs])),
            ("prices", "Prices", len(changes.prices),
             lambda: self._area("prices", level, tables=self._price_tables(changes.prices))),
            ("contacts", "Contacts and the route for complaints", len(changes.contacts) + (changes.route is not None),
             lambda: self._area("contacts", level, route=self._route(changes), contacts=self._contacts(changes))),
            ("schools", "Schools added, removed or renamed", len(changes.schools),
             lambda: self._area("schools", level, schools=self._schools(changes.schools))),
            ("clauses", "Clauses added, removed or changed", len(changes.clauses),
             lambda: self._area("clauses", level, compact=not every, page=self.href(CHANGES, "clauses"),
                                clauses=[self._clause_change(clause, wording=every) for clause in changes.clauses])),
        ]
        if every:
            kinds.append(("clause-numbers", "Clause numbers that changed", len(changes.renumbered),
                          lambda: self._area("clause-numbers", level, renumbered=self._renumbered(changes))))
        return [Area(anchors + anchor, heading, body(), count)
                for anchor, heading, count, body in kinds if every or count]

    def _area(self, area: str, level: int, **data: object) -> Markup:
        assert self.changes is not None
        return self._template("changes_area.html", area=area, level=level,
                              before_year=self.changes.before_year, after_year=self.changes.after_year, **data)

    def _offers(self, changes: Changes) -> list[dict]:
        return [{"change": offer.change, "title": self._said(offer.title, offer.change == "removed"),
                 "link": self._offer_link(offer.offer_id) if offer.change == "added" else None}
                for offer in changes.offers]

    def _contacts(self, changes: Changes) -> list[dict]:
        return [{"change": contact.change, "name": self._said(contact.name, contact.change == "removed"),
                 "field": contact.field, "before": self._said(contact.before, True),
                 "after": self._said(contact.after, False)} for contact in changes.contacts]

    def _schools(self, schools: tuple[SchoolChange, ...]) -> list[dict]:
        """Each school added, renamed or removed: this year's linked to its page, a removed one only named."""
        return [{"change": school.change, "name": school.name, "type": school.school_type_name,
                 "before_name": school.before_name,
                 "href": None if school.change == "removed" else self.href(school_page(school.slug), None)}
                for school in schools]

    def _renumbered(self, changes: Changes) -> list[dict]:
        return [{"href": self.clause_href(item.clause_id),
                 "title": self._name(self, item.clause_id) or f"section {item.after_number}",
                 "before": item.before_number, "after": item.after_number} for item in changes.renumbered]

    def _rows(self, rows: tuple[RowChange, ...], school: School | None) -> list[dict]:
        by_phase: dict[str, list[dict]] = {}
        for row in rows:
            codes = [{"tier": code.tier_name, "value": self._code(code.code, school)} for code in row.codes
                     if school is None or code.tier_id == school.tier]
            last_year = row.change == "removed"
            by_phase.setdefault(row.phase_id, []).append({
                "change": row.change, "group": self._said(row.group, last_year),
                "service": self._said(row.service, last_year), "codes": codes})
        return [{"phase": self._phase_name(phase_id), "rows": phase_rows} for phase_id, phase_rows in by_phase.items()]

    def _listed(self, changes: Changes) -> list[dict]:
        owners: dict[tuple[str, str, str | None], dict] = {}
        for item in changes.listed:
            key = (item.owner, item.owner_id, item.phase_id)
            if key not in owners:
                name = self.prose(item.owner_name)
                if item.phase_id is not None:
                    name = Markup("{} ({})").format(name, self._phase_name(item.phase_id).lower())
                owners[key] = {"name": name, "added": [], "removed": []}
            owners[key][item.change].append(self._said(item.text, item.change == "removed"))
        return list(owners.values())

    def _cell_tables(self, cells: tuple[CellChange, ...], school: School | None) -> list[dict]:
        tables: dict[str, dict] = {}
        # For each phase, the meaning of each code in the key of last year's table and in this year's.
        meanings: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        for cell in cells:
            table = tables.setdefault(cell.phase_id, {"phase": self._phase_name(cell.phase_id), "rows": [],
                                                      "codes": {}})
            yhgfl, pcs = (school.yhgfl, school.sims_pcs) if school else (None, None)
            before, after = cell.statuses(yhgfl, pcs)
            table["rows"].append({"group": cell.group, "service": cell.service, "tier": cell.tier_name,
                                  "before": self._status_code(before, cell.before),
                                  "after": self._status_code(after, cell.after)})
            was, now = meanings.setdefault(cell.phase_id, ({}, {}))
            was.setdefault(cell.before.code, cell.before.meaning)
            now.setdefault(cell.after.code, cell.after.meaning)
            for code in (cell.before, cell.after):
                table["codes"].setdefault(code.code, "")
        for phase_id, table in tables.items():
            was, now = meanings[phase_id]
            table["codes"] = {code: self._key_words(was.get(code), now.get(code)) for code in table["codes"]}
        return list(tables.values())

    def _key_words(self, was: str | None, now: str | None) -> str:
        """A code's meaning in the key: this year's, and last year's too if the key's words for it changed."""
        assert self.changes is not None
        if now is None or was is None or was == now:
            return now or was or ""
        return f"{now} (in {self.changes.before_year}: {was})"

    def _cost(self, cost: CostChange) -> dict:
        return {"school_type": cost.school_type_name, "tier": cost.tier_name,
                "before": COSTS[cost.before], "after": COSTS[cost.after]}

    def _price_tables(self, prices: tuple[PriceChange, ...]) -> list[dict]:
        tables: dict[str, dict] = {}
        for price in prices:
            table = tables.setdefault(price.heading, {"heading": price.heading, "rows": []})
            item = price.item if price.unit is None else f"{price.item} ({price.unit})"
            table["rows"].append({"item": self._said(item, price.change == "removed"), "for_whom": price.for_whom,
                                  "group": self._said(price.group, price.change == "removed"),
                                  "before": _price(price, price.before), "after": _price(price, price.after),
                                  "difference": _difference(price)})
        return list(tables.values())

    def _clause_change(self, change: ClauseChange, wording: bool) -> dict:
        """A clause added, removed or changed; with `wording`, its words before and after."""
        old = self.old
        assert old is not None
        now = change.after_number is not None
        renderer, year = (self, "") if now else (old, f" of {old.catalog.prices.financial_year}")
        numbered = renderer.catalog.clause(change.clause_id)
        item = {"change": change, "number": f"section {numbered.number}{year}",
                "link": self.clause_link(change.clause_id) if now else None,
                "title": self._name(renderer, change.clause_id),
                "fields": [CLAUSE_FIELDS[name] for name in change.fields],
                "moved": change.change == "changed" and change.before_number != change.after_number}
        if wording:
            item["versions"] = [{"name": CLAUSE_FIELDS[name],
                                 "before": self._clause_part(old, change, name, last_year=True),
                                 "after": self._clause_part(self, change, name, last_year=False)}
                                for name in change.fields]
            item["whole"] = self._clause_whole(renderer, numbered.clause) if change.change != "changed" else None
        return item

    @staticmethod
    def _clause_part(renderer: Renderer, change: ClauseChange, name: str, last_year: bool) -> _Part:
        """One part of a changed clause as it was (`last_year`, rendered by last year's renderer) or is now;
        paragraphs of the text with the words that differ marked."""
        clause = change.before if last_year else change.after
        assert clause is not None
        if name == "title":
            return _Part([renderer.prose(clause.title)] if clause.title else [], [])
        if name == "text":
            paired = change.paragraphs()
            if paired is None:
                return _Part([renderer.prose(text) for text in clause.text], [])
            return _Part([_marked(renderer, runs[0] if last_year else runs[1], "del" if last_year else "ins")
                          for runs in paired], [])
        added = change.items_removed if last_year else change.items_added
        return _Part([], _items(renderer, clause.items),
                     [renderer.prose(text) for text in added])

    @staticmethod
    def _clause_whole(renderer: Renderer, clause: Clause) -> _Part:
        return _Part([renderer.prose(text) for text in clause.text], _items(renderer, clause.items))

    def _route(self, changes: Changes) -> dict | None:
        if changes.route is None:
            return None
        assert self.old is not None
        return {"before": [self.old.prose(step) for step in changes.route.before],
                "after": [self.prose(step) for step in changes.route.after]}

    # -- helpers ---------------------------------------------------------------------------

    def _said(self, text: str | None, last_year: bool) -> Markup | None:
        """Data text in words: last year's (placeholders from last year's data, no links) or this year's."""
        if text is None:
            return None
        renderer = self.old if last_year and self.old is not None else self
        return renderer.prose(text)

    def _code(self, code: Code, school: School | None) -> Markup:
        status = code.for_school(school.yhgfl) if school else code.status
        return self._status_code(status, code)

    def _status_code(self, status: Status, code: Code) -> Markup:
        return Markup("{} ({})").format(self.tags.status(status), code.code)

    def _phase_name(self, phase_id: str) -> str:
        for catalog in (self.catalog, self.previous):
            phase = next((p for p in catalog.services.phases if p.id == phase_id), None) if catalog else None
            if phase is not None:
                return phase.name
        return phase_id

    def _offer_link(self, offer_id: str) -> Markup | None:
        clause = self.catalog.clause_showing(f"offer:{offer_id}")
        return self.clause_link(clause.id) if clause else None

    @staticmethod
    def _name(renderer: Renderer, clause_id: str) -> str:
        """A clause's title, or the first words of its text, in words from `renderer`'s year ('' if it has
        neither)."""
        numbered = renderer.catalog.clause(clause_id)
        title = renderer.clause_title(numbered)
        if title:
            return renderer.plain(title)
        words = renderer.plain(next(iter(numbered.clause.text), "")).split()
        return " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")


class _LastYear(Renderer):
    """Renders last year's text: placeholders as words from last year's data, no links."""

    def _placeholder(self, part: Placeholder) -> Markup:
        return Markup.escape(self._placeholder_words(part))


def _marked(renderer: Renderer, runs: tuple[Words, ...], tag: str) -> Markup:
    """A paragraph's runs of words, those that differ in the other version in <del> (last year's) or <ins>."""
    return Markup(" ").join(
        Markup('<{0} class="changed-words"><span class="visually-hidden">[changed: </span>{1}'
               '<span class="visually-hidden">]</span></{0}>').format(tag, renderer.prose(run.text))
        if run.changed else renderer.prose(run.text) for run in runs)


def _items(renderer: Renderer, items: list[Item]) -> list[_Item]:
    return [_Item(renderer.prose(item.text), _items(renderer, item.items)) for item in items]


def _count(changes: Changes) -> str:
    """'12 changes, and 9 clauses with new numbers'."""
    words = f"{changes.count} {'change' if changes.count == 1 else 'changes'}" if changes.count else "no changes"
    moved = len(changes.renumbered)
    if moved:
        words += f", and {moved} {'clause' if moved == 1 else 'clauses'} with a new number"
    return words


def _price(price: PriceChange, amount: Decimal | None) -> str:
    if amount is not None:
        return money(amount)
    return {"price-list": "not offered", "package": "to be notified", "service": "not listed"}[price.area]


def _difference(price: PriceChange) -> str:
    difference = price.difference
    if difference is None:
        return "new" if price.change == "added" else "no longer listed"
    return f"{money(abs(difference))} {'more' if difference > 0 else 'less'}"


# -- the CSV --------------------------------------------------------------------------------


def _no_links(path: str, anchor: str | None) -> str:
    raise RuntimeError(f"the changes as words link to nothing (asked for {path}#{anchor})")


def csv_rows(catalog: Catalog, previous: Catalog | None) -> list[dict[str, str]]:
    """The changes as rows of CSV_COLUMNS, in the order of the page; none without an earlier year."""
    if previous is None:
        return []
    return list(_csv_rows(compare(previous, catalog), Renderer(catalog, _no_links), Renderer(previous, _no_links)))


def _csv_rows(changes: Changes, now: Renderer, was: Renderer) -> Iterator[dict[str, str]]:
    def row(area: str, change: str, item: str, before: str | None = None, after: str | None = None,
            **other: str | None) -> dict[str, str]:
        values = {"area": area, "change": change, "item": item, "before": before, "after": after, **other}
        return {column: values.get(column) or "" for column in CSV_COLUMNS}

    def code(value: Code) -> str:
        return f"{value.code} ({value.meaning})"

    for matrix_row in changes.rows:
        codes = "; ".join(f"{tier.tier_name}: {code(tier.code)}" for tier in matrix_row.codes)
        added = matrix_row.change == "added"
        yield row("matrix-row", matrix_row.change, f"{matrix_row.group}: {matrix_row.service}",
                  None if added else codes, codes if added else None, phase=matrix_row.phase_id)
    for offer in changes.offers:
        yield row("offer", offer.change, offer.title)
    for listed in changes.listed:
        yield row(f"{listed.owner}-service", listed.change, listed.text, phase=listed.phase_id,
                  tier=listed.owner_id if listed.owner == "tier" else None, detail=listed.owner_name)
    for cell in changes.cells:
        yield row("matrix-cell", "changed", f"{cell.group}: {cell.service}", code(cell.before), code(cell.after),
                  phase=cell.phase_id, tier=cell.tier_id)
    for cost in changes.costs:
        yield row("tier-cost", cost.change, cost.tier_name, COSTS[cost.before].lower(), COSTS[cost.after].lower(),
                  phase=cost.phase_id, school_type=cost.school_type_id, tier=cost.tier_id)
    for price in changes.prices:
        difference = price.difference
        yield row(price.area, price.change, price.item, _amount(price.before), _amount(price.after),
                  phase=price.phase_id, school_type=price.school_type_id, tier=price.tier_id,
                  detail=price.group or price.unit or (price.heading if price.area == "price-list" else None),
                  difference=_amount(difference))
    for contact in changes.contacts:
        yield row("contact" if contact.contact_id else "service-desk", contact.change, contact.name, contact.before,
                  contact.after, detail=contact.field)
    if changes.route:
        yield row("escalation", "changed", "The route for concerns and complaints",
                  "\n".join(f"{number}. {step}" for number, step in enumerate(changes.route.before, start=1)),
                  "\n".join(f"{number}. {step}" for number, step in enumerate(changes.route.after, start=1)))
    for school in changes.schools:
        renamed = school.change == "renamed"
        yield row("school", school.change, school.name, school.before_name, school.name if renamed else None,
                  school_type=school.school_type_id, detail=f"{school_page(school.slug)}/")
    for clause in changes.clauses:
        if clause.change == "changed":
            for name in clause.fields:
                yield row("clause", "changed", clause.clause_id, _clause_words(was, clause.before, name),
                          _clause_words(now, clause.after, name), detail=CLAUSE_FIELDS[name])
        else:
            before = _clause_words(was, clause.before) if clause.before else None
            after = _clause_words(now, clause.after) if clause.after else None
            yield row("clause", clause.change, clause.clause_id, before, after,
                      detail=f"section {clause.after_number or clause.before_number}")
    for moved in changes.renumbered:
        yield row("clause-number", "renumbered", moved.clause_id, moved.before_number, moved.after_number)


def _amount(amount: Decimal | None) -> str | None:
    """An amount as a plain number for spreadsheets: 1090.00, -25.00."""
    return None if amount is None else f"{amount:.2f}"


def _clause_words(renderer: Renderer, clause: Clause | None, name: str | None = None) -> str:
    """A clause's title, text or bullet points (or all three) as plain words: paragraphs separated by a
    blank line, bullet points as '- ' lines."""
    assert clause is not None
    parts = []
    if name in (None, "title") and clause.title:
        parts.append(renderer.plain(clause.title))
    if name in (None, "text"):
        parts += [renderer.plain(text) for text in clause.text]
    if name in (None, "items") and clause.items:
        parts.append("\n".join(_item_lines(renderer, clause.items)))
    return "\n\n".join(parts)


def _item_lines(renderer: Renderer, items: list[Item], depth: int = 0) -> list[str]:
    return [line for item in items
            for line in (f"{'  ' * depth}- {renderer.plain(item.text)}", *_item_lines(renderer, item.items, depth + 1))]


