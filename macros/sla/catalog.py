"""The validated specification, indexed for the site: clause numbers, tiers, lookups.

Built only from data that passed `checks/`, so lookups here cannot fail on
good data; they raise KeyError on a programming mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .models import (
    Clause,
    Contact,
    EditionNote,
    Exclusions,
    Matrix,
    Offer,
    Phase,
    PriceList,
    Prices,
    Schools,
    SchoolType,
    Services,
    SiteInfo,
    Tier,
)
from .problems import Problem
from .review import changed_since_review

NO_ADDITIONAL_COST = "no additional cost"
ADDITIONAL_COST = "additional cost"


@dataclass(frozen=True)
class Numbered:
    """A clause with its place in the document."""

    clause: Clause
    number: str
    depth: int
    section: Clause

    @property
    def id(self) -> str:
        return self.clause.id


class Catalog:
    """Read-only access to the specification for the renderers."""

    def __init__(self, services: Services, prices: Prices, schools: Schools, site: SiteInfo,
                 warnings: list[Problem] | None = None, fingerprints: dict[str, str] | None = None):
        self.services = services
        self.fingerprints = fingerprints or {}
        """Each data file's fingerprint as read (see `review`); empty for data not read from files."""
        self.warnings = warnings or []
        """What an officer should fill in, though the site can be built without it (`make check` shows it)."""
        self.prices = prices
        self.schools = schools.schools
        self.site = site
        self.numbered: dict[str, Numbered] = {}
        for index, section in enumerate(services.sections, start=1):
            self._number(section, str(index), 1, section)
        self._shown_in = {block: clause_id for clause_id, item in self.numbered.items()
                          for block in item.clause.show}

    @property
    def reviewed_as_is(self) -> bool:
        """True when every data file is as it was when the last review was recorded (`make reviewed`)."""
        return bool(self.fingerprints) and not changed_since_review(self.site.review.reviewed_data,
                                                                    self.fingerprints)

    # -- clauses -------------------------------------------------------------

    @property
    def sections(self) -> list[Numbered]:
        return [self.numbered[section.id] for section in self.services.sections]

    def clause(self, clause_id: str) -> Numbered:
        return self.numbered[clause_id]

    def clause_showing(self, block: str) -> Numbered | None:
        """The clause that shows `block` (e.g. 'tier:primary/gold'), if any."""
        clause_id = self._shown_in.get(block)
        return self.numbered[clause_id] if clause_id else None

    def _number(self, clause: Clause, number: str, depth: int, section: Clause) -> None:
        self.numbered[clause.id] = Numbered(clause, number, depth, section)
        for index, child in enumerate(clause.clauses, start=1):
            self._number(child, f"{number}.{index}", depth + 1, section)

    # -- tiers and school types ----------------------------------------------

    def phase(self, phase_id: str) -> Phase:
        return next(phase for phase in self.services.phases if phase.id == phase_id)

    def tier(self, phase_id: str, tier_id: str) -> Tier:
        return next(tier for tier in self.phase(phase_id).tiers if tier.id == tier_id)

    def builds_on(self, phase_id: str, tier_id: str) -> list[Tier]:
        """The tiers whose services this tier includes, from the most basic up."""
        chain: list[Tier] = []
        current = self.tier(phase_id, tier_id).builds_on
        while current is not None:
            tier = self.tier(phase_id, current)
            chain.insert(0, tier)
            current = tier.builds_on
        return chain

    def has_response_targets(self, phase_id: str, tier_id: str) -> bool:
        """True when the specification offers the tier, or a tier it builds on, with pre-determined response
        times."""
        tier = self.tier(phase_id, tier_id)
        return tier.predetermined_response_times or any(
            base.predetermined_response_times for base in self.builds_on(phase_id, tier_id))

    def availability(self, phase_id: str, tier_id: str) -> list[tuple[SchoolType, str]]:
        """For each school type of the phase: whether the tier costs extra."""
        return [(school_type, self.cost(school_type, tier_id))
                for school_type in self.services.school_types if school_type.phase == phase_id]

    @staticmethod
    def cost(school_type: SchoolType, tier_id: str) -> str:
        """Whether a tier of the school type's phase comes at no additional cost or at additional cost."""
        return NO_ADDITIONAL_COST if tier_id in school_type.no_additional_cost else ADDITIONAL_COST

    def school_type(self, school_type_id: str) -> SchoolType:
        return next(school_type for school_type in self.services.school_types if school_type.id == school_type_id)

    def package_price(self, school_type_id: str, tier_id: str) -> Decimal | None:
        """The annual price of a tier for a school type, if prices.yaml publishes one."""
        return next((package.price for package in self.prices.package_prices
                     if package.school_type == school_type_id and package.tier == tier_id), None)

    def matrix(self, phase_id: str) -> Matrix | None:
        """The inclusion matrix of a phase, if the specification publishes one."""
        return next((matrix for matrix in self.services.matrices if matrix.phase == phase_id), None)

    def exclusions(self, phase_id: str, tier_id: str) -> list[Exclusions]:
        """The exclusion lists that apply to a tier."""
        return [group for group in self.phase(phase_id).exclusions if tier_id in group.applies_to]

    # -- other lookups -------------------------------------------------------

    def contact(self, contact_id: str) -> Contact:
        return next(contact for contact in self.services.contacts if contact.id == contact_id)

    def offer(self, offer_id: str) -> Offer:
        return next(offer for offer in self.services.offers if offer.id == offer_id)

    def edition_note(self, note_id: str) -> EditionNote:
        return next(note for note in self.site.edition.notes if note.id == note_id)

    def price_list(self, price_list_id: str) -> PriceList:
        return next(price_list for price_list in self.prices.price_lists if price_list.id == price_list_id)
