"""The comparison pages: the tiers of a phase side by side, and what changes for a school moving between two.

A phase's page (`compare/<phase>/`) has what each tier costs each school type, then a form: the school's
current tier, the tier it is considering, whether it is a YHGFL school (for a phase whose inclusion table
depends on it) and its school type (only where what a tier costs depends on the type). The answer lists
the services that differ for that school, what each tier costs, and the commitment a change of tier brings.
Then come the full tables, as before.

Every answer is computed here, at build time, from the functions of `entitlement`. The answers are not
printed one by one: there are a dozen ordered pairs of tiers, times two YHGFL answers, times the school
types, and printing each would make the page several times heavier. Instead each piece of text (a service,
a group heading, a status, a tier's described services, a cost) is rendered once, escaped, into a
<template>, and a JSON block lists the pieces that make each answer; site.js (`comparing`) puts together
copies of the pieces for the reader's choice. Without JavaScript the form and the answers stay hidden and
the page shows the full tables.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import permutations
from typing import Protocol

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .catalog import ADDITIONAL_COST, NO_ADDITIONAL_COST, Catalog
from .entitlement import (
    DescribedChange,
    Row,
    Status,
    TierOffer,
    alike_school_types,
    described_changes,
    matrix_rows,
    price_difference,
    tier_changes,
    tier_offers,
)
from .models import SchoolType, Tier
from .paths import type_page
from .render import Href, Renderer, markdown_text, money

YHGFL_ANSWERS = {"yes": True, "no": False}
"""The values of the form's YHGFL question, and what each means."""
ANY = "any"
"""The YHGFL answer (or school type) in an answer's key when the form does not ask: the answer is the same."""
STATUSES = list(Status)
"""Statuses in the JSON block are numbers: their place in this list, whose names the block carries."""
COMMITMENT = "{term:initial_commitment}"
"""What a school changing its tier commits to: the summary of the clause that states this term."""


class TierTags(Protocol):
    """What the comparison shares with the entitlement pages (`pages.Pages`): statuses and costs in words."""

    def status(self, status: Status, sims_pcs: int | None = None) -> Markup: ...

    def cost_words(self, offer: TierOffer) -> str: ...


def school_types_to_ask(catalog: Catalog, phase_id: str) -> list[SchoolType]:
    """The phase's school types, if what a tier costs (or its published price) depends on the type; [] when
    every type pays the same for every tier, so that the reader need not be asked."""
    types = [school_type for school_type in catalog.services.school_types if school_type.phase == phase_id]
    alike = [group for group in alike_school_types(catalog) if group[0].phase == phase_id]
    return types if len(alike) > 1 else []


def answer_key(*parts: str) -> str:
    """'core/platinum/yes': the key of an answer in the JSON block (site.js joins the form's values the same way)."""
    return "/".join(parts)


class ComparisonPage(Renderer):
    """Renders a phase's comparison page; `tags` (the entitlement pages' renderer) words statuses and costs."""

    def __init__(self, catalog: Catalog, href: Href, tags: TierTags, set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)
        self.tags = tags

    def page(self, phase_id: str) -> str:
        phase = self.catalog.phase(phase_id)
        school_types = [t for t in self.catalog.services.school_types if t.phase == phase_id]
        offers = tier_offers(self.catalog, phase_id)
        rows = matrix_rows(self.catalog, phase_id)
        return self.markdown_page(
            f"# Compare the tiers: {markdown_text(phase.name.lower())}",
            self._template("comparison_costs.html", phase=phase, costs=[
                {"type": t, "href": self.href(type_page(t.id), None),
                 "costs": [self._cost_tag(o) for o in tier_offers(self.catalog, phase_id, t)]}
                for t in school_types]),
            self.choice(phase_id),
            "## Services in the inclusion table {#inclusion-table}",
            self._template("comparison_matrix.html", phase=phase, rows=rows, status=self.tags.status,
                           differing=sum(row.differs for row in rows))
            if rows else self._template("no_matrix.html", phase=phase),
            "## Services described for each tier {#described}",
            self._template("comparison_described.html", phase=phase, has_matrix=bool(rows), introduced=[
                {"offer": offer, "clause": self._tier_clause_link(phase_id, offer.tier),
                 "cells": [self.tags.status(Status.INCLUDED if tier in offer.included_in else Status.NOT_LISTED)
                           for tier in phase.tiers]}
                for offer in offers if offer.tier.services]),
        )

    # -- two tiers ---------------------------------------------------------------

    def choice(self, phase_id: str) -> Markup:
        """The form, the answer's frame, the pieces of every answer and the JSON block that lists them."""
        phase = self.catalog.phase(phase_id)
        if len(phase.tiers) < 2:
            return Markup("")
        rows = matrix_rows(self.catalog, phase_id)
        asked_types = school_types_to_ask(self.catalog, phase_id)
        yhgfl_keys = list(YHGFL_ANSWERS) if rows else [ANY]
        position = {id(row.matrix_row): index for index, row in enumerate(rows)}
        groups = list(dict.fromkeys(row.group for row in rows))
        described = [offer for offer in tier_offers(self.catalog, phase_id) if offer.tier.services]
        changes: dict[str, dict] = {}
        summaries = []
        costs: dict[str, str] = {}
        cost_pieces = []
        for before, after in permutations(phase.tiers, 2):
            listed = described_changes(self.catalog, phase_id, before, after)
            for yhgfl in yhgfl_keys:
                key = answer_key(before.id, after.id, yhgfl)
                changed = tier_changes(self.catalog, phase_id, before, after, YHGFL_ANSWERS.get(yhgfl))
                summaries.append({"id": f"summary/{key}",
                                  "text": self._summary(before, after, changed, len(rows), listed,
                                                        YHGFL_ANSWERS.get(yhgfl))})
                changes[key] = {
                    "summary": f"summary/{key}",
                    "groups": [[groups.index(group),
                                [[position[id(row.matrix_row)], STATUSES.index(row.cells[0].status),
                                  STATUSES.index(row.cells[1].status)] for row in changed if row.group == group]]
                               for group in groups if any(row.group == group for row in changed)],
                    "described": [[change.tier.id, STATUSES.index(change.before), STATUSES.index(change.after)]
                                  for change in listed]}
            types_in_view: list[SchoolType | None] = [*asked_types] or [None]
            for school_type in types_in_view:
                key = answer_key(before.id, after.id, school_type.id if school_type else ANY)
                costs[key] = f"cost/{key}"
                cost_pieces.append(self._cost_piece(f"cost/{key}", phase_id, before, after, school_type))
        commitment = next((numbered for numbered in self.catalog.numbered.values()
                           if COMMITMENT in (numbered.clause.summary or "")), None)
        return self._template(
            "comparison_choice.html", phase=phase, has_matrix=bool(rows), school_types=asked_types,
            questions=_and(["your school's current tier", "the tier you are considering",
                            *(["whether your school is a YHGFL school"] if rows else []),
                            *(["your type of school"] if asked_types else [])]),
            statuses=[{"css": status.css, "tag": self.tags.status(status)} for status in Status],
            groups=groups, services=[row.service for row in rows], summaries=summaries, cost_pieces=cost_pieces,
            described=[{"tier": offer.tier, "clause": self._tier_clause_link(phase_id, offer.tier)}
                       for offer in described],
            not_listed=Status.NOT_LISTED,
            commitment=Markup("{} ({}).").format(self.prose((commitment.clause.summary or "").removesuffix(".")),
                                                 self.clause_link(commitment.id))
            if commitment else None,
            answers=htmlsafe_json_dumps({"statuses": [status.css for status in STATUSES], "changes": changes,
                                         "costs": costs}, separators=(",", ":")))

    def _summary(self, before: Tier, after: Tier, changed: list[Row], total: int, listed: list[DescribedChange],
                 yhgfl: bool | None) -> Markup:
        """What differs, in a sentence or two: the first line of the answer, and what the status region says."""
        sentences = []
        if total:
            who = "a YHGFL school" if yhgfl else "a school that is not a YHGFL school"
            count = "none" if not changed else f"{len(changed)}"
            verb = "differs" if len(changed) <= 1 else "differ"
            sentences.append(Markup("For {}, {} of the {} services in the inclusion table {}.").format(
                who, count, total, verb))
        for added in (True, False):
            tiers = [change.tier for change in listed if change.added is added]
            if tiers:
                has, lacks = (after, before) if added else (before, after)
                sentences.append(Markup("The services listed for {} are included in {}; {}'s description does "
                                        "not list them.").format(self._names(tiers), self.prose(has.name),
                                                                 self.prose(lacks.name)))
        if not listed and not total:
            sentences.append(Markup("{} and {} include the same services, as far as their descriptions list "
                                    "them.").format(self.prose(before.name), self.prose(after.name)))
        return Markup(" ").join(sentences)

    def _names(self, tiers: list[Tier]) -> Markup:
        """'Gold', 'Silver and Platinum', 'Gold, Platinum and Platinum+'."""
        return _and([self.prose(tier.name) for tier in tiers])

    def _cost_piece(self, piece: str, phase_id: str, before: Tier, after: Tier,
                    school_type: SchoolType | None) -> dict:
        """What each tier costs and the difference, for `school_type` (or any of the phase's, which pay alike)."""
        in_view = school_type or next(t for t in self.catalog.services.school_types if t.phase == phase_id)
        offers = {offer.tier.id: offer for offer in tier_offers(self.catalog, phase_id, in_view)}
        was, will_be = offers[before.id], offers[after.id]
        difference = price_difference(was, will_be)
        if difference is None:
            change = Markup("to be notified{}").format(self._package_prices_link())
        elif difference == 0:
            both_free = was.cost == will_be.cost == NO_ADDITIONAL_COST
            change = Markup("none: both are at no additional cost" if both_free else "none")
        else:
            change = Markup("{} a year {}").format(money(abs(difference)), "more" if difference > 0 else "less")
        return {"id": piece, "school_type": school_type, "before": before, "after": after,
                "before_cost": self._cost_words(was), "after_cost": self._cost_words(will_be), "difference": change}

    def _cost_words(self, offer: TierOffer) -> Markup:
        """'No additional cost', 'Additional cost: £1,250 a year' or 'Additional cost; the price is to be
        notified', as a tag."""
        if offer.cost == ADDITIONAL_COST and offer.price is None:
            return Markup("{}; the price is to be notified").format(self._cost_tag(offer))
        return self._cost_tag(offer)

    def _package_prices_link(self) -> Markup:
        clause = self.catalog.clause_showing("package-prices")
        return Markup(" ({})").format(self.clause_link(clause.id)) if clause else Markup("")

    # -- helpers -----------------------------------------------------------------

    def _cost_tag(self, offer: TierOffer) -> Markup:
        css = "included" if offer.cost == NO_ADDITIONAL_COST else "optional"
        return Markup('<span class="status status-{}">{}</span>').format(css,
                                                                         self.tags.cost_words(offer).capitalize())

    def _tier_clause_link(self, phase_id: str, tier: Tier) -> Markup | None:
        clause = self.catalog.clause_showing(f"tier:{phase_id}/{tier.id}")
        return self.clause_link(clause.id) if clause else None


def _and(items: list[str] | list[Markup]) -> Markup:
    """'a', 'a and b', 'a, b and c', each item escaped unless it is Markup."""
    escaped = [Markup.escape(item) for item in items]
    return escaped[0] if len(escaped) == 1 else Markup(", ").join(escaped[:-1]) + Markup(" and ") + escaped[-1]
