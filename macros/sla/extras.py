"""What costs a school extra, worked out from its tier, its YHGFL membership and its PC count.

Plain data, no HTML: the school's page words it (`school_page.py`), and the tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .catalog import Catalog
from .entitlement import Status, school_rows, school_type_of
from .models import Offer, School


@dataclass(frozen=True)
class PhasePriceGroup:
    """The prices of one group of a price list for the school's phase: its name (None for the list's first,
    unnamed group) and its items, each (name, price)."""

    name: str | None
    items: list[tuple[str, Decimal]]


@dataclass(frozen=True)
class OfferPrices:
    """A service for all schools that has a price list, with the prices for the school's phase."""

    offer_id: str
    title: str
    cost: str | None
    """How it is paid for, as the specification says, e.g. 'This service is available on payment of an annual
    subscription.'"""
    groups: list[PhasePriceGroup]


@dataclass(frozen=True)
class Extra:
    """A service of the inclusion table that is an optional extra for the school."""

    group: str
    service: str
    sims_pcs_over: int | None = None
    """Set when it is an extra only because the school has more PCs or laptops with access to SIMS than this."""
    offer: OfferPrices | None = None
    """The service for all schools that sells it, with its prices, when the data names one."""
    edition_note: str | None = None
    """The row's edition note (how the site reads it), by id."""


@dataclass(frozen=True)
class YhgflOnly:
    """A service that only YHGFL schools can have, for a school that is not one."""

    group: str
    service: str
    optional: bool
    """True: YHGFL schools can buy it as an extra; False: their tier includes it."""
    edition_note: str | None = None
    """The row's edition note (how the site reads it), by id."""


@dataclass(frozen=True)
class SchoolExtras:
    optional: list[Extra]
    """The optional extras of the inclusion table for the school, in the table's order."""
    yhgfl_only: list[YhgflOnly]
    """What YHGFL schools of the same tier get or can buy and this school cannot ([] for a YHGFL school)."""
    priced_offers: list[OfferPrices]
    """Services for all schools with prices for the school's phase, not already named by an optional extra."""
    other_offers: list[Offer]
    """Services for all schools at additional cost that have no price list (their prices are in prices.yaml's
    service_prices, or to be notified)."""


def school_extras(catalog: Catalog, school: School) -> SchoolExtras:
    """What costs `school` extra: the optional extras of its tier (with the count of PCs that makes one an
    extra, and the price of the service that sells one), what it cannot have because it is not a YHGFL school,
    and the services every school can buy at additional cost."""
    phase_id = school_type_of(catalog, school).phase
    optional, yhgfl_only, named = [], [], set()
    for row in school_rows(catalog, school):
        cell = row.cells[0]
        if cell.status is Status.OPTIONAL:
            offer_id = row.matrix_row.offer
            prices = offer_prices(catalog, catalog.offer(offer_id), phase_id) if offer_id else None
            named.add(offer_id)
            optional.append(Extra(row.group, row.service, row.matrix_row.sims_pcs_over, prices,
                                  row.matrix_row.edition_note))
        elif not school.yhgfl and cell.if_yhgfl in (Status.INCLUDED, Status.OPTIONAL) \
                and cell.if_not_yhgfl in (Status.NOT_INCLUDED, Status.NOT_AVAILABLE):
            yhgfl_only.append(YhgflOnly(row.group, row.service, cell.if_yhgfl is Status.OPTIONAL,
                                        row.matrix_row.edition_note))
    priced = []
    for offer in catalog.services.offers:
        if offer.price_list and offer.id not in named:
            prices = offer_prices(catalog, offer, phase_id)
            if prices is not None:
                priced.append(prices)
    others = [offer for offer in catalog.services.offers if offer.cost and not offer.price_list]
    return SchoolExtras(optional, yhgfl_only, priced, others)


def offer_prices(catalog: Catalog, offer: Offer, phase_id: str) -> OfferPrices | None:
    """The prices of `offer` for a phase, by group; None when it has no price list or the list does not price
    anything for the phase."""
    if not offer.price_list:
        return None
    price_list = catalog.price_list(offer.price_list)
    groups = []
    for group in price_list.groups:
        items = [(item.name, item.prices[phase_id]) for item in group.items if phase_id in item.prices]
        if items:
            groups.append(PhasePriceGroup(group.name, items))
    if not groups:
        return None
    return OfferPrices(offer.id, offer.title, offer.cost, groups)
