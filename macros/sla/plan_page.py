"""A school type's "Plan next year" page (`plan/<type>`): choose next year's tier, the Capita top-up and the
services every school can buy, and see what they cost, add and commit the school to; then print it as the order.

The answers are worked out by `planner.plan`, in Python, and by the page's script (planner.js) over the same
JSON (`planner.planner_data`), which the page carries. A school's page links here with `?school=<its address>`,
and the script starts from that school's tier. Without JavaScript the page shows the type's prices and a paper
order form with a box to tick for every option, which prints the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .catalog import Catalog
from .paths import move_page, type_page
from .planner import NEW, planner_data
from .render import Renderer
from .text import day_words, markdown_text, money
from .text_renderer import Href

PLAN_TITLE = "Plan next year"


def plan_title(catalog: Catalog, school_type_id: str) -> str:
    """'Plan next year: primary schools'."""
    name = catalog.school_type(school_type_id).name
    return f"{PLAN_TITLE}: {name[:1].lower()}{name[1:]}"


class PlanPage(Renderer):
    """Renders a school type's planner."""

    def __init__(self, catalog: Catalog, href: Href, set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)

    def page(self, school_type_id: str) -> str:
        school_type = self.catalog.school_type(school_type_id)
        phase = school_type.phase
        data = planner_data(self.catalog, school_type, self.plain,
                            lambda before, after: self.href(move_page(phase, before, after), None))
        ordering = self.catalog.prices.ordering
        services = self.catalog.services
        return self.markdown_page(
            f"# {markdown_text(plan_title(self.catalog, school_type_id))}",
            self._template(
                "plan_page.html", data=Markup(htmlsafe_json_dumps(data)), planner=data, schools=data["schools"],
                school_type=school_type, type_href=self.href(type_page(school_type_id), None),
                year=self.catalog.prices.financial_year, council=services.provider.council,
                title=services.title, new=NEW, money=money_words,
                opens=day_words(ordering.opens), closes=day_words(ordering.closes),
                email=ordering.email, tier_costs={tier["id"]: tier_cost_words(tier) for tier in data["tiers"]},
                statements=self._statements(data),
                send_to=send_to_words(ordering.email, ordering.post_to)))

    @staticmethod
    def _statements(data: dict) -> list[tuple[str, str]]:
        """The rules the order quotes, each (what it is about, the specification's words with their section); the
        notice to end the contract with what the site says of a move to a lower tier (`lower_tier_notice`)."""
        found = []
        for key, about in STATEMENTS:
            if data["words"][key]:
                text = f"{data['words'][key]['text']} (section {data['words'][key]['clause']})"
                found.append((about, f"{text} {data['lowerTierNotice']}" if key == "notice" else text))
        return found


STATEMENTS = [("commitment", "A new or changed contract."), ("notice", "Leaving."),
              ("subscription", "Subscriptions."), ("asUsed", "Pay-as-you-use services.")]
"""The rules the order quotes (`planner.STATEMENTS`), in order, each with what it is about."""


def tier_cost_words(tier: dict) -> str:
    """'no additional cost', '£1,250 a year' or 'additional cost, price to be notified' (planner.js `tierWords`)."""
    if tier["noAdditionalCost"]:
        return "no additional cost"
    return "additional cost, price to be notified" if tier["pence"] is None else f"{money_words(tier['pence'])} a year"


def send_to_words(email: str | None, post_to: str | None) -> str:
    """Where the order goes, from the ordering data."""
    if not email and not post_to:
        return "the council has not yet published where orders go; ask the ICT Service Desk."
    return f"{', or by post to '.join(part for part in (email, post_to) if part)}."


def money_words(pence: int | None) -> str:
    """1125.00 pounds as '£1,125', or 'To be notified'."""
    return "To be notified" if pence is None else money(Decimal(pence) / 100)
