"""Plan next year: what a school's choices for the coming financial year cost, add and commit it to.

Two plain functions, no HTML and no MkDocs:

- `planner_data` gathers, from the data, what a school type can choose (its tiers and their annual prices, the
  services with price lists such as the Capita top-up, the other services every school can buy) and the
  specification's words for the commitment, the notice and the invoicing. The planner page carries it as JSON.
- `plan` answers one set of choices over that data: each line and its price, the total of the known prices, what
  is still to be notified (never counted as £0), which way of buying a priced service is cheaper, whether the
  three-year commitment applies, whether the notice rule applies, and what the new tier adds and removes.

The page's script (planner.js, `planAnswer`) does the same sums over the same JSON in the reader's browser, and
tests/test_browser_planner.py checks the two agree on every combination a school type allows. Amounts are whole
pence, so that neither side rounds.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .catalog import NO_ADDITIONAL_COST, Catalog
from .checks import school_slug
from .downloads import spreadsheet_text
from .entitlement import annual_price, tier_offers
from .extras import offer_prices
from .models import SchoolType
from .move_page import changes, lower_tier_notice, moves
from .text import day_words, slugify

NONE, MODULES, LEAVE, NEW = "none", "modules", "leave", "new"
"""Choices that are not an item's id: no priced service; its items chosen one by one; no tier next year; a school
new to the service (as its current tier)."""

SUBSCRIPTION, AS_USED, NOT_STATED = "subscription", "as-used", "not-stated"
"""How a line is paid: an annual subscription (every tier, and a service whose `paid` says so), as the service is
used (pay-as-you-use), or as the specification does not say."""

Data = dict[str, Any]
Choice = dict[str, Any]


def pence(amount: Decimal | None) -> int | None:
    return None if amount is None else int(amount * 100)


def planner_data(catalog: Catalog, school_type: SchoolType, words: Callable[[str], str],
                 move_href: Callable[[str, str], str]) -> Data:
    """What the planner of `school_type` needs, as JSON-ready values. `words` fills in a text's placeholders as
    plain words; `move_href` is the address of the page of a move between two tiers."""
    phase = catalog.phase(school_type.phase)
    ordering = catalog.prices.ordering
    tiers = [{"id": offer.tier.id, "name": offer.tier.name,
              "noAdditionalCost": offer.cost == NO_ADDITIONAL_COST, "pence": pence(annual_price(offer))}
             for offer in tier_offers(catalog, phase.id, school_type)]
    priced, others = [], []
    for offer in catalog.services.offers:
        prices = offer_prices(catalog, offer, phase.id)
        if prices is not None:
            whole = [item for group in prices.groups if group.name is None for item in group.items]
            parts = [item for group in prices.groups if group.name is not None for item in group.items]
            priced.append({"id": offer.id, "title": offer.title, "paid": offer.paid or NOT_STATED,
                           "whole": _items(whole), "modules": _items(parts),
                           "modulesHeading": next((group.name for group in prices.groups if group.name), None)})
        elif offer.cost:
            others.append({"id": offer.id, "title": offer.title, "paid": offer.paid or NOT_STATED,
                           "availableTo": words(offer.available_to) if offer.available_to else None})
    return {
        "financialYear": catalog.prices.financial_year,
        "schoolType": {"id": school_type.id, "name": school_type.name, "phase": phase.id},
        "tiers": tiers,
        "priced": priced,
        "offers": others,
        "moves": {f"{before.id}>{after.id}": {
            "href": move_href(before.id, after.id),
            "changes": [{"kind": change.kind, "group": change.group, "service": change.service,
                         "who": change.who} for change in changes(catalog, phase.id, before, after)]}
            for before, after in moves(catalog, phase.id)},
        "words": {key: _statement(catalog, term, words) for key, term in STATEMENTS.items()},
        "noticeBy": ordering.notice_by,
        "lowerTierNotice": lower_tier_notice(day_words(ordering.notice_by), words(catalog.services.service_desk.name)),
        "window": {"opens": ordering.opens, "closes": ordering.closes} if ordering.opens and ordering.closes
        else None,
        "sendTo": {"email": ordering.email, "post": ordering.post_to},
        "council": catalog.services.provider.council,
        "schools": [{"slug": school_slug(school), "name": school.name, "tier": school.tier, "yhgfl": school.yhgfl,
                     "pcs": school.sims_pcs} for school in catalog.schools if school.school_type == school_type.id],
    }


STATEMENTS = {"commitment": "initial_commitment", "notice": "notice", "subscription": "subscription_invoicing",
              "asUsed": "pay_as_you_use_invoicing"}
"""The planner's statements, each in the words of the clause of the specification that states a term of
services.yaml: the commitment a new or changed contract brings (5.4), the notice to leave (5.3), how subscriptions
(13.1) and pay-as-you-use services (13.2) are invoiced and paid."""


def _statement(catalog: Catalog, term: str, words: Callable[[str], str]) -> dict[str, str] | None:
    """The text of the first clause stating `{term:<term>}`, in plain words, and its number; None if none does."""
    placeholder = f"{{term:{term}}}"
    for numbered in catalog.numbered.values():
        for paragraph in numbered.clause.text:
            if placeholder in paragraph:
                return {"text": words(paragraph), "clause": numbered.number}
    return None


def _items(items: list[tuple[str, Decimal]]) -> list[dict[str, Any]]:
    found, seen = [], set()
    for name, price in items:
        item_id = slugify(name) or "item"
        while item_id in seen:
            item_id += "-2"
        seen.add(item_id)
        found.append({"id": item_id, "name": name, "pence": pence(price)})
    return found


def plan(data: Data, choice: Choice) -> Data:
    """The answer to one set of choices over `data` (from `planner_data`).

    `choice`: "current", the school's tier this year (an id, or NEW for a school new to the service); "tier", the
    tier chosen for next year (an id, or LEAVE); "yhgfl", whether the school is a YHGFL school (None: not known);
    "priced", for each priced service, NONE, the id of one of its whole items, or MODULES; "modules", for each
    priced service, the ids of the modules ticked; "offers", the ids of the other services chosen.

    The answer's "difference" is what the chosen tier costs a year against the current one, in pence (None while
    either price is to be notified).
    """
    tiers = {tier["id"]: tier for tier in data["tiers"]}
    order = [tier["id"] for tier in data["tiers"]]
    current, chosen = choice["current"], choice["tier"]
    lines = []
    if chosen != LEAVE:
        tier = tiers[chosen]
        lines.append({"name": f"{tier['name']} ({data['schoolType']['name']})", "paid": SUBSCRIPTION,
                      "pence": tier["pence"], "kind": "tier"})
    cheaper = []
    for service in data["priced"]:
        way = choice["priced"].get(service["id"], NONE)
        if way == MODULES:
            ticked = set(choice["modules"].get(service["id"], []))
            modules = [item for item in service["modules"] if item["id"] in ticked]
            lines += [_line(service, item) for item in modules]
            if modules and service["whole"]:
                cheaper.append(_cheaper(service, sum(item["pence"] for item in modules)))
        elif way != NONE:
            lines += [_line(service, item) for item in service["whole"] if item["id"] == way]
    lines += [{"name": offer["title"], "paid": offer["paid"], "pence": None, "kind": "offer"}
              for offer in data["offers"] if offer["id"] in choice["offers"]]
    move = data["moves"].get(f"{current}>{chosen}")
    down = chosen == LEAVE or (current in tiers and order.index(chosen) < order.index(current))
    return {
        "lines": lines,
        "total": sum(line["pence"] for line in lines if line["pence"] is not None),
        "toBeNotified": [line["name"] for line in lines if line["pence"] is None],
        "cheaper": cheaper,
        "commitment": chosen != LEAVE and chosen != current,
        "notice": current != NEW and down,
        "noticeBy": data["noticeBy"] if current != NEW and down else None,
        "difference": _difference(tiers, current, chosen),
        "changes": _changes(move["changes"], choice.get("yhgfl")) if move else [],
        "moveHref": move["href"] if move else None,
        "paid": [way for way in (SUBSCRIPTION, AS_USED) if any(line["paid"] == way for line in lines)],
    }


def _difference(tiers: dict[str, Data], current: str, chosen: str) -> int | None:
    """How much more a year (less, if negative) the chosen tier costs than the current one: a school new to the
    services pays nothing now, one leaving nothing next year; None while either price is to be notified."""
    was = tiers[current]["pence"] if current in tiers else 0
    will_be = tiers[chosen]["pence"] if chosen in tiers else 0
    return None if was is None or will_be is None else will_be - was


def _line(service: Data, item: Data) -> Data:
    return {"name": f"{service['title']}: {item['name']}", "paid": service["paid"], "pence": item["pence"],
            "kind": "priced"}


def _cheaper(service: Data, modules: int) -> Data:
    """Which is cheaper: the modules ticked, or the cheapest way of buying the service whole."""
    whole = min(service["whole"], key=lambda item: item["pence"])
    which = "same" if modules == whole["pence"] else "modules" if modules < whole["pence"] else "whole"
    return {"service": service["title"], "modules": modules, "whole": whole["pence"], "wholeName": whole["name"],
            "cheaper": which, "by": abs(modules - whole["pence"])}


def _changes(found: list[Data], yhgfl: bool | None) -> list[Data]:
    """A move's changes for a school that is (True), is not (False) or may be (None) a YHGFL school."""
    if yhgfl is None:
        return found
    return [dict(change, who=None) for change in found if change["who"] in (None, yhgfl)]


# -- the order: as data, as a spreadsheet and as text ------------------------------------------------------------

PAID_WORDS = {SUBSCRIPTION: "Annual subscription", AS_USED: "Pay as you use", NOT_STATED: "Not stated"}
LEAVE_WORDS, NEW_WORDS = "No tier: leave these services", "None: new to these services"
CSV_COLUMNS = ["School", "Financial year", "Item", "How it is paid", "Price (£)"]


def pounds(amount: int | None) -> str | None:
    """112500 pence as '1125.00'."""
    return None if amount is None else f"{amount // 100}.{amount % 100:02d}"


def order(data: Data, choice: Choice, school: Data | None) -> Data:
    """The order for `choice`: what the JSON download holds, and what the CSV and the e-mail say. `school` is one
    of `data["schools"]`, or None for a school that is not listed."""
    answer = plan(data, choice)
    tiers = {tier["id"]: tier["name"] for tier in data["tiers"]}
    return {
        "council": data["council"],
        "financialYear": data["financialYear"],
        "schoolType": data["schoolType"]["name"],
        "school": None if school is None else {"name": school["name"], "yhgfl": school["yhgfl"], "pcs": school["pcs"]},
        "currentTier": tiers.get(choice["current"], NEW_WORDS),
        "tier": tiers.get(choice["tier"], LEAVE_WORDS),
        "lines": [{"item": line["name"], "paid": PAID_WORDS[line["paid"]], "price": pounds(line["pence"])}
                  for line in answer["lines"]],
        "total": pounds(answer["total"]),
        "toBeNotified": answer["toBeNotified"],
        "commitment": answer["commitment"],
        "notice": answer["notice"],
        "noticeBy": answer["noticeBy"],
    }


def order_csv(found: Data) -> str:
    """The order as CSV, a line per item and one for the total, each cell safe for a spreadsheet (OWASP)."""
    name = found["school"]["name"] if found["school"] else ""
    rows = [[name, found["financialYear"], line["item"], line["paid"], line["price"] or "To be notified"]
            for line in found["lines"]]
    rows.append([name, found["financialYear"], "Total of known prices", "", found["total"]])
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)
    return text.getvalue()


def order_text(found: Data) -> str:
    """The order as plain text, for an e-mail."""
    school = found["school"]
    lines = [f"Order for {found['financialYear']}: {found['schoolType']}",
             f"School: {school['name'] if school else 'not listed (give its name)'}",
             f"Tier this year: {found['currentTier']}", f"Tier for {found['financialYear']}: {found['tier']}", ""]
    lines += [f"- {line['item']} ({line['paid']}): {money_text(line['price'])}" for line in found["lines"]]
    lines += ["", f"Total of known prices: {money_text(found['total'])}"]
    if found["toBeNotified"]:
        lines.append("Prices still to be notified: " + "; ".join(found["toBeNotified"]))
    return "\n".join(lines) + "\n"


def money_text(price: str | None) -> str:
    """'1125.00' as '£1,125.00'; None as 'to be notified'."""
    if price is None:
        return "to be notified"
    whole, _, part = price.partition(".")
    return f"£{int(whole):,}.{part}"
