"""The list of generated pages, without building them: their addresses, navigation and search."""

from __future__ import annotations

import pytest

from conftest import EDITION
from macros.sla.load import load
from macros.sla.site_pages import site_pages

pytestmark = pytest.mark.unit


PRIMARY = ["core", "gold", "platinum", "platinum-plus"]
SECONDARY = ["core", "silver", "platinum"]


def test_the_generated_pages():
    pages = site_pages(load(EDITION))
    assert [(p.path, p.nav, p.searched) for p in pages] == [
        ("entitlement/primary", "entitlement", True),
        ("entitlement/primary-formerly-gm", "entitlement", True),
        ("entitlement/secondary", "entitlement", True),
        ("entitlement/secondary-formerly-gm", "entitlement", True),
        ("compare/primary", "entitlement", True),
        ("compare/secondary", "entitlement", True),
        # A page for each tier of each school type, and for each move between two tiers of a phase: out of the
        # navigation and the search index.
        *[(f"entitlement/{school_type}/{tier}", None, False)
          for school_type, tiers in [("primary", PRIMARY), ("primary-formerly-gm", PRIMARY),
                                     ("secondary", SECONDARY), ("secondary-formerly-gm", SECONDARY)]
          for tier in tiers],
        *[(f"compare/{phase}/{before}-to-{after}", None, False)
          for phase, tiers in [("primary", PRIMARY), ("secondary", SECONDARY)]
          for before in tiers for after in tiers if after != before],
        # A planner for each school type ("Plan next year"): out of the navigation and the search index.
        ("plan/primary", None, False),
        ("plan/primary-formerly-gm", None, False),
        ("plan/secondary", None, False),
        ("plan/secondary-formerly-gm", None, False),
        ("schools/index", "entitlement", True),
        ("changes", "entitlement", True),  # what has changed since last year; it says so when there is no archive
        ("response-times", "entitlement", True),  # when will you respond? the response times and the calculator
        # School pages: out of the navigation and the search index.
        ("schools/example-brookside-primary-school-fictional", None, False),
        ("schools/example-hill-top-primary-school-fictional", None, False),
        ("schools/example-moorside-junior-and-infant-school-fictional", None, False),
        ("schools/example-valley-primary-school-fictional", None, False),
        ("schools/example-castle-high-school-fictional", None, False),
        ("schools/example-ridge-academy-fictional", None, False),
        ("specification/purpose", "specification", True),
        ("specification/providers", "specification", True),
        ("specification/service-standards", "specification", True),
        ("specification/performance", "specification", True),
        ("specification/contract-length", "specification", True),
        ("specification/contract-changes", "specification", True),
        ("specification/services", "specification", True),
        ("specification/service-provision", "specification", True),
        ("specification/customer-obligations", "specification", True),
        ("specification/quality", "specification", True),
        ("specification/complaints", "specification", True),
        ("specification/price", "specification", True),
        ("specification/charging", "specification", True),
        ("whole-specification", "specification", False),  # it repeats every section: kept out of search
        ("about-this-edition", "about", True),
        ("accessibility", "about", True),
        ("privacy", "about", True),
        ("glossary", "about", True),  # Words used on this site
    ]
