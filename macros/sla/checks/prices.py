"""prices.yaml: its ids, its phases, and package prices that agree with what services.yaml says each tier
costs each school type."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..models import SchoolType
from ..problems import Path, Problem, one_of
from .known import Known


def price_problems(known: Known) -> Iterator[Problem]:
    """Every problem of prices.yaml."""
    p, file = known.p, known.pfile
    yield from known.duplicates([(("price_lists", i, "id"), pl.id) for i, pl in enumerate(p.price_lists)],
                                "price list id", file)
    for i, price_list in enumerate(p.price_lists):
        for j, phase in enumerate(price_list.phases):
            yield from known.phase_ref(("price_lists", i, "phases", j), phase, file)
        for g, group in enumerate(price_list.groups):
            for k, item in enumerate(group.items):
                for phase in item.prices:
                    if phase not in price_list.phases:
                        yield known.problem(("price_lists", i, "groups", g, "items", k, "prices", phase),
                                            f"phase '{phase}' is not a column of this price list "
                                            f"{one_of(price_list.phases)}", file)
    packages = []
    for i, package in enumerate(p.package_prices):
        path = ("package_prices", i)
        packages.append((path, f"{package.school_type}/{package.tier}"))
        school_type = known.school_types.get(package.school_type)
        if school_type is None:
            yield known.unknown_school_type(path + ("school_type",), package.school_type, file)
        elif school_type.phase in known.tiers:  # an unknown phase is reported at the school type
            if package.tier in known.tiers[school_type.phase]:
                yield from _package_cost(known, path, package.tier, package.price, school_type)
            else:
                yield from known.tier_ref(path + ("tier",), school_type.phase, package.tier, file)
    yield from known.duplicates(packages, "package price (school type/tier)", file)
    yield from _ordering(known)


def _ordering(known: Known) -> Iterator[Problem]:
    """The window for orders has both its days, the first not after the last."""
    ordering = known.p.ordering
    if (ordering.opens is None) != (ordering.closes is None):
        given, missing = ("opens", "closes") if ordering.opens else ("closes", "opens")
        yield known.problem(("ordering", given), (
            f"the window for orders needs both days: add `{missing}:` (a date such as 2008-01-14), or leave both "
            "empty"), known.pfile)
    elif ordering.opens and ordering.closes and ordering.closes < ordering.opens:
        yield known.problem(("ordering", "closes"), (
            f"{ordering.closes} is before the day orders open ({ordering.opens}); the window must close on or after "
            "the day it opens"), known.pfile)


def _package_cost(known: Known, path: Path, tier: str, price: Decimal,
                  school_type: SchoolType) -> Iterator[Problem]:
    """A price must not contradict what services.yaml says a tier costs this school type."""
    index = list(known.school_types).index(school_type.id)
    if tier in school_type.no_additional_cost:
        line = known.sfile.line_of(("school_types", index, "no_additional_cost"))
        yield known.problem(path, (
            f"{tier} comes at no additional cost to {school_type.id} (services.yaml line {line}), so it cannot "
            f"have a price; remove this price, or move {tier} to additional_cost there"), known.pfile)
    elif price == 0:
        line = known.sfile.line_of(("school_types", index, "additional_cost"))
        yield known.problem(path + ("price",), (
            f"a price of 0 contradicts 'additional cost' for {tier} and {school_type.id} (services.yaml line "
            f"{line}); give the price, or move {tier} to no_additional_cost there"), known.pfile)
