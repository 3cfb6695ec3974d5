"""The anchors of table rows: the element ids that the pages give the rows of the specification's tables.

The pages (`render.py`) and the search index (`search.py`) both take a row's anchor from these, so that a
search result lands on the row it describes.
"""

from __future__ import annotations

from .models import PackagePrice, PriceGroup, PriceItem, PriceList, SoftwareRow
from .text import slugify


def slug(text: str) -> str:
    """`text` as a slug for an anchor (see `text.slugify`); 'item' when nothing of it is left."""
    return slugify(text) or "item"


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

