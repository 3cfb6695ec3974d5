"""Where each page of the site lives, as a path without extension relative to the site root.

These are the site's addresses, decided here once. A page at `path` is made from the file
`page_source(path)`; the MkDocs layer's `site.address` is the one function that turns a path into the
page's address (its URL from the site's root, and its file), for links and for the search index alike.
"""

from __future__ import annotations

SCHOOLS_INDEX = "schools/index"
DOWNLOADS = "downloads"
WHOLE_SPECIFICATION = "whole-specification"
ACCESSIBILITY = "accessibility"
PRIVACY = "privacy"
ABOUT_EDITION = "about-this-edition"
CHANGES = "changes"
RESPONSE_TIMES = "response-times"
"""'When will you respond?': the response standards and the calculator, on a page of their own."""
GLOSSARY = "glossary"
"""The words of the specification a reader may not know (YHGFL, SIMS, ...), explained."""

def section_page(section_id: str) -> str:
    return f"specification/{section_id}"


def type_page(school_type_id: str) -> str:
    return f"entitlement/{school_type_id}"


def tier_page(school_type_id: str, tier_id: str) -> str:
    """What one tier gives one school type, e.g. entitlement/primary/gold."""
    return f"entitlement/{school_type_id}/{tier_id}"


def comparison_page(phase_id: str) -> str:
    return f"compare/{phase_id}"


def move_page(phase_id: str, before_tier_id: str, after_tier_id: str) -> str:
    """What moving from one tier to another changes, e.g. compare/primary/gold-to-platinum."""
    return f"compare/{phase_id}/{before_tier_id}-to-{after_tier_id}"


def plan_page(school_type_id: str) -> str:
    """'Plan next year' for a school type, e.g. plan/primary (a school's link adds ?school=<its address>)."""
    return f"plan/{school_type_id}"


def school_page(slug: str) -> str:
    return f"schools/{slug}"


def download(name: str) -> str:
    return f"{DOWNLOADS}/{name}"


def page_source(path: str) -> str:
    """The name of the file that the page at `path` is made from: 'entitlement/primary.md'."""
    return f"{path}.md"
