"""The page at the address of a school listed last year and not this year (`schools/<slug>/` as last year's
data, the latest archive, had it): it says so, and how to find the school's page or whom to ask, instead of
leaving a reader who kept the address with 'page not found'.

Which schools were removed is worked out by `changes.compare`; `removed_schools` says which of them get a page
(`pages.site_pages` lists it). The page is kept out of the navigation, the search index and search engines'
indexes: it is about what the site no longer lists.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Protocol

from markupsafe import Markup

from .catalog import Catalog
from .change_records import SchoolChange
from .changes import compare
from .paths import CHANGES, school_page, type_page
from .render import Href, Renderer, markdown_text
from .summary import Summary


class SchoolFinder(Protocol):
    """What the page shares with the home page (`pages.Pages`): the box to find a school by name."""

    def find_school(self) -> Markup: ...


def removed_school_title(name: str) -> str:
    """'Example Ridge Academy is no longer listed'."""
    return f"{name} is no longer listed"


def removed_schools(catalog: Catalog, previous: Catalog | None, taken: Collection[str] = ()) -> list[SchoolChange]:
    """The schools of `previous` (last year's data) that `catalog` (this year's) no longer lists, in last year's
    order, except any whose address is `taken` by a page of this year (a path of `paths`)."""
    if previous is None:
        return []
    return [school for school in compare(previous, catalog).schools_removed if school_page(school.slug) not in taken]


class RemovedSchoolPage(Renderer):
    """Renders the page of a school that `previous` (last year's data) listed and this year's data does not."""

    def __init__(self, catalog: Catalog, href: Href, finder: SchoolFinder, previous: Catalog,
                 set_aside: Callable[[Markup], str] | None = None):
        super().__init__(catalog, href, set_aside)
        self.finder = finder
        self.previous = previous

    def page(self, slug: str) -> str:
        """The page at schools/<slug>/. Raises KeyError for a slug of no school removed since last year."""
        school = next((school for school in removed_schools(self.catalog, self.previous) if school.slug == slug),
                      None)
        if school is None:
            raise KeyError(f"no school at schools/{slug}/ was removed since {self.previous.prices.financial_year}")
        types = self.catalog.services.school_types
        same_type = [t for t in types if t.id == school.school_type_id]
        # Only the title is Markdown: the page is out of the navigation, so it must not have a table of contents
        # either (Material's would refer to a navigation entry the page does not have).
        return self.markdown_page(f"# {markdown_text(removed_school_title(school.name))}", self.set_aside(
            self._template(
                "removed_school.html", school=school, before_year=self.previous.prices.financial_year,
                after_year=self.catalog.prices.financial_year,
                school_types=[{"name": t.name, "href": self.href(type_page(t.id), None)}
                              for t in same_type or types],
                type_words=school.school_type_name[:1].lower() + school.school_type_name[1:],
                same_type=bool(same_type), changes=self.href(CHANGES, "schools"),
                desk=self.catalog.services.service_desk.name,
                finder=self.finder.find_school() if self.catalog.schools else None,
                fault=Summary(self).report_a_fault())))
