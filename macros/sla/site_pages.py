"""Every generated page of the site.

`site_pages` is the one list of generated pages: the MkDocs hook creates a
file for each and puts those with a `nav` group into the navigation. Each
page's content is a macro call, rendered by `pages.Pages`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .changes_page import changes_title
from .checks import school_slug
from .descriptions import Descriptions, shorten_words
from .glossary import GLOSSARY_TITLE
from .move_page import move_title, moves
from .paths import (
    ABOUT_EDITION,
    ACCESSIBILITY,
    CHANGES,
    GLOSSARY,
    PRIVACY,
    RESPONSE_TIMES,
    SCHOOLS_INDEX,
    WHOLE_SPECIFICATION,
    comparison_page,
    move_page,
    plan_page,
    school_page,
    section_page,
    tier_page,
    type_page,
)
from .plan_page import plan_title
from .removed_school import removed_school_title, removed_schools
from .response import RESPONSE_TIMES_TITLE
from .tier_page import tier_page_title

FINDER_SHOWN = 10
"""At most this many schools are shown at once by the home page's finder, and INDEX_SHOWN by the schools index
(until the reader asks for all): with a thousand schools, a page listing every one as elements is slow to
show on a phone. Without JavaScript both pages list every school."""
INDEX_SHOWN = 50

SCHOOLS_INDEX_TITLE = "Find your school"
WHOLE_SPECIFICATION_TITLE = "The whole specification on one page"
NAV_GROUPS = {"entitlement": "What is my school entitled to?", "specification": "Specification",
              "about": "About this site"}


def schools_index_status(count: int) -> str:
    """What the schools index says it shows as served, with no filter (site.js puts it back when the filter is
    cleared): the first INDEX_SHOWN of many, or all."""
    if count > INDEX_SHOWN:
        return (f"The first {INDEX_SHOWN} of {count:,} schools are shown: narrow the list by name or type, or show "
                "them all.")
    return "1 school is shown." if count == 1 else f"All {count:,} schools are shown."


@dataclass(frozen=True)
class MacroCall:
    """The macro that renders a generated page (a name of `macros.MACROS`), and what it is given."""

    macro: str
    args: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        """As a page would call it: "tier_page('primary', 'gold')"."""
        return f"{self.macro}({', '.join(repr(arg) for arg in self.args)})"


@dataclass(frozen=True)
class SitePage:
    """A generated page: where it lives, its title, the macro call that renders it, and how it is listed and
    searched."""

    path: str
    """Where the page lives (see `paths`)."""
    title: str
    call: MacroCall
    """The macro call that renders the page."""
    nav: str | None
    """The navigation group it is listed in; None keeps it out of the navigation (school pages)."""
    searched: bool = True
    """False keeps the page's text out of the search index (school pages: one per school would make the index,
    which every reader's browser loads, grow with the number of schools; `search.py` gives each school one
    small entry of its name, type and tier instead)."""
    indexed: bool = True
    """False asks search engines not to index the page (`robots: noindex`, see overrides/main.html) and leaves it
    out of sitemap.xml (overrides/sitemap.xml): the pages of schools no longer listed."""
    description: str = ""
    """What the page is about, in plain text (see `descriptions`): the `<meta name="description">` of its head."""

    def meta(self) -> dict[str, object]:
        """What the page's front matter would say (MkDocs' `page.meta`), set by the build as it is (macros/site.py
        `generated_markdown`): no text from the data is read as YAML."""
        meta: dict[str, object] = {}
        if self.description:
            meta["description"] = self.description
        if not self.searched:
            meta["search"] = {"exclude": True}
        if not self.indexed:
            meta["robots"] = "noindex"
        return meta


def site_pages(catalog: Catalog, previous: Catalog | None = None) -> list[SitePage]:
    """The generated pages, in navigation order; `previous` is last year's data (the latest archive), if any."""
    services = catalog.services
    about = Descriptions(catalog)
    pages = [SitePage(type_page(t.id), t.name, MacroCall("entitlement_page", (t.id,)), "entitlement",
                      description=about.school_type(t))
             for t in services.school_types]
    pages += [SitePage(comparison_page(p.id), f"Compare the tiers: {p.name.lower()}",
                       MacroCall("comparison_page", (p.id,)), "entitlement", description=about.comparison(p.id))
              for p in services.phases]
    # A page for each tier of each school type, and for each move between two tiers of a phase: out of the
    # navigation (the school type's page and the comparison page lead to them), and out of the search index,
    # where they would repeat the specification's tiers once per school type.
    pages += [SitePage(tier_page(t.id, tier.id), tier_page_title(catalog, t, tier.id),
                       MacroCall("tier_page", (t.id, tier.id)), None, searched=False,
                       description=about.tier(t, tier.id))
              for t in services.school_types for tier in catalog.phase(t.phase).tiers]
    pages += [SitePage(move_page(p.id, before.id, after.id), move_title(catalog, p.id, before.id, after.id),
                       MacroCall("move_page", (p.id, before.id, after.id)), None, searched=False,
                       description=about.move(p.id, before.id, after.id))
              for p in services.phases for before, after in moves(catalog, p.id)]
    # A planner for each school type: out of the navigation (the type's page, each school's page and the home
    # page lead to it) and out of search, which leads to the specification's terms it repeats.
    pages += [SitePage(plan_page(t.id), plan_title(catalog, t.id), MacroCall("plan_page", (t.id,)), None,
                       searched=False, description=about.plan(t)) for t in services.school_types]
    pages.append(SitePage(SCHOOLS_INDEX, SCHOOLS_INDEX_TITLE, MacroCall("schools_index"), "entitlement",
                          description=about.schools_index()))
    pages.append(SitePage(CHANGES, changes_title(previous), MacroCall("changes_page"), "entitlement",
                          description=about.changes(changes_title(previous))))
    pages.append(SitePage(RESPONSE_TIMES, RESPONSE_TIMES_TITLE, MacroCall("response_times_page"), "entitlement",
                          description=about.response_times()))
    pages += [SitePage(school_page(school_slug(school)), school.name, MacroCall("school_page", (index,)), None,
                       searched=False, description=about.school(school))
              for index, school in enumerate(catalog.schools)]
    pages += [SitePage(section_page(s.id), f"{s.number} {s.clause.title}", MacroCall("specification_section", (s.id,)),
                       "specification", description=about.section(s)) for s in catalog.sections]
    pages.append(SitePage(WHOLE_SPECIFICATION, WHOLE_SPECIFICATION_TITLE, MacroCall("whole_specification"),
                          "specification", False, description=about.whole_specification()))
    pages.append(SitePage(ABOUT_EDITION, "About this edition", MacroCall("about_edition"), "about",
                          description=about.about_edition()))
    pages.append(SitePage(ACCESSIBILITY, "Accessibility statement", MacroCall("accessibility_statement"), "about",
                          description=about.accessibility()))
    pages.append(SitePage(PRIVACY, "Privacy", MacroCall("privacy_notice"), "about", description=about.privacy()))
    pages.append(SitePage(GLOSSARY, GLOSSARY_TITLE, MacroCall("glossary_page"), "about",
                          description=shorten_words("What the abbreviations and names of the specification mean: "
                                                    + ", ".join(entry.term for entry in catalog.site.glossary) + ".")))
    # Last, the addresses of schools listed last year and not this year: a page saying so, not 'page not found'.
    if previous is not None:
        pages += [SitePage(school_page(school.slug), removed_school_title(school.name),
                           MacroCall("removed_school_page", (school.slug,)), None, searched=False, indexed=False,
                           description=about.removed_school(school, previous.prices.financial_year))
                  for school in removed_schools(catalog, previous, {page.path for page in pages})]
    return pages
