"""The comparison pages: the tiers of a phase side by side, and the way to what changes between two of them.

A phase's page (`compare/<phase>/`) has what each tier costs each school type, then the moves between its
tiers: a list of links (from each tier, to each other tier), each to a page of its own (`move_page`) that works
without JavaScript; with JavaScript, a small form leads to the same pages. Then come the full tables: the
inclusion table with every tier's column, and the services each tier's description lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from markupsafe import Markup

from .catalog import Catalog
from .entitlement import Status, TierOffer, matrix_rows, tier_offers
from .models import Tier
from .move_page import cost_tag, other_phases_words
from .paths import move_page, type_page
from .render import Href, Renderer, markdown_text


class TierTags(Protocol):
    """What the comparison shares with the entitlement pages (`pages.Pages`): statuses and costs in words."""

    def status(self, status: Status, sims_pcs: int | None = None) -> Markup: ...

    def cost_words(self, offer: TierOffer) -> str: ...


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
                 "costs": [cost_tag(o, self.tags.cost_words(o)) for o in tier_offers(self.catalog, phase_id, t)]}
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

    # -- moving between two tiers -----------------------------------------------

    def choice(self, phase_id: str) -> Markup:
        """The moves between the phase's tiers: links to their pages, by the tier a school has now."""
        phase = self.catalog.phase(phase_id)
        if len(phase.tiers) < 2:
            return Markup("")
        return self._template(
            "comparison_choice.html", phase=phase,
            others=other_phases_words(self.catalog, phase_id),
            moves=[{"from": before, "to": [{"tier": after, "href": self.href(move_page(phase_id, before.id, after.id),
                                                                          None)}
                                           for after in phase.tiers if after is not before]}
                   for before in phase.tiers])

    # -- helpers -----------------------------------------------------------------

    def _tier_clause_link(self, phase_id: str, tier: Tier) -> Markup | None:
        clause = self.catalog.clause_showing(f"tier:{phase_id}/{tier.id}")
        return self.clause_link(clause.id) if clause else None
