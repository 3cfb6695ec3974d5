"""mkdocs-macros module: the macros that content pages call.

Each macro calls a method of `sla.pages.Pages` (see MACROS below) with links
made relative to the page being built; the macros hold no logic of their own.
"""

from __future__ import annotations

from .sla.text import markdown_text

CODE_STAMP: tuple[tuple[str, int], ...] = ()
"""The Python files of this package and their times when it was loaded; see hooks.py."""


def define_env(env) -> None:
    from . import site  # MkDocs glue, imported only when MkDocs runs

    if site.STATE.problems is not None:  # the preview of bad data: its one page calls no macros
        return
    catalog = site.catalog(env.conf)
    provider = catalog.services.provider
    # Facts for content pages, escaped for Markdown: a value can only ever show as text.
    env.variables["spec"] = {name: markdown_text(value) for name, value in {
        "title": catalog.services.title,
        "council": provider.council,
        "directorate": provider.directorate,
        "service": provider.service,
        "area": provider.area,
        "financial_year": catalog.prices.financial_year,
    }.items()}

    def page_bound(method: str, doc: str):
        """A macro calling `method` of a renderer whose links are relative to the page being built."""

        def macro(*args):
            return getattr(site.renderer(env.conf, env.variables["files"], env.page), method)(*args)

        macro.__doc__ = doc
        return macro

    for name, (method, doc) in MACROS.items():
        env.macro(page_bound(method, doc), name)


MACROS = {
    "specification_section": ("section", "The whole page of one section of the specification."),
    "section_link": ("clause_link", "A link to a clause, shown as 'section 3.2.5'."),
    "contact_card": ("contact", "A contact's name, role, address, e-mail, telephone and fax."),
    "escalation": ("escalation", "Whom to contact if things go wrong, step by step."),
    "entitlement_page": ("entitlement_page", "What a school type is entitled to, with a form to narrow it."),
    "comparison_page": ("comparison_page", "The tiers of a phase side by side."),
    "tier_page": ("tier_page", "What one tier includes and costs for one school type."),
    "move_page": ("move_page", "What moving from one tier to another changes, costs and commits a school to."),
    "plan_page": ("plan_page", "Plan next year: a school type's planner and order form."),
    "schools_index": ("schools_index", "The list of schools with pages of their own."),
    "school_page": ("school_page", "One school's entitlement, fully resolved."),
    "removed_school_page": ("removed_school_page", "At the address of a school listed last year and not this "
                                                   "year: that it is no longer listed, and how to find a school."),
    "find_school": ("find_school", "The schools with pages of their own, with a box to find one by name."),
    "school_type_choices": ("school_type_choices", "The school types, each linked to its entitlement page."),
    "link": ("page_link", "A link to a generated page by its path, e.g. link('schools/index', 'Find your school')."),
    "plan_links": ("plan_links", "The home page's links to the planners, with the window for orders while it is open."),
    "comparison_links": ("comparison_links", "Links to the comparison page of each phase."),
    "key_contacts": ("key_contacts", "The contacts on the route for concerns, with a link to the route."),
    "report_a_fault": ("report_a_fault", "Where to report a fault or ask a question: the ICT Service Desk."),
    "section_list": ("section_list", "A list of the sections of the specification, each linked."),
    "whole_specification": ("whole_specification", "The whole specification on one page, for printing."),
    "accessibility_statement": ("accessibility_statement", "The accessibility statement, from data/site.yaml."),
    "privacy_notice": ("privacy_notice", "The privacy notice, from data/site.yaml."),
    "about_edition": ("about_edition", "How the site restores, reads and corrects the published copy."),
    "changes_page": ("changes_page", "What has changed since last year's data (the latest archive)."),
    "response_times_page": ("response_times_page", "When will you respond? The response times, whom to call and "
                                                   "the calculator of the date a call must receive attention."),
    "glossary_page": ("glossary_page", "Words used on this site: the glossary, from data/site.yaml."),
    "changes_link": ("changes_link", "A link to the page of what has changed, reading as its title."),
}
"""Macro name: (method of sla.pages.Pages, description)."""
