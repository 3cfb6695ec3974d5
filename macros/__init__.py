"""mkdocs-macros module: the macros that content pages call.

The macros turn the validated data into page content through `sla.render`;
they hold no logic of their own.
"""

from __future__ import annotations

from markupsafe import Markup

from .sla.render import markdown_text


def define_env(env) -> None:
    from . import site  # MkDocs glue, imported only when MkDocs runs

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

    def renderer():
        return site.renderer(env.conf, env.variables["files"], env.page)

    @env.macro
    def specification_section(section_id: str) -> str:
        """The whole page of one section of the specification."""
        return renderer().section(section_id)

    @env.macro
    def section_link(clause_id: str) -> Markup:
        """A link to a clause, shown as 'section 3.2.5'."""
        return renderer().clause_link(clause_id)

    @env.macro
    def contact_card(contact_id: str) -> Markup:
        """A contact's name, role, address, e-mail, telephone and fax."""
        return renderer().contact(contact_id)

    @env.macro
    def escalation() -> Markup:
        """Whom to contact if things go wrong, step by step."""
        return renderer().escalation()

    @env.macro
    def entitlement_page(school_type_id: str) -> str:
        """What a school type is entitled to, with the form that narrows it to a tier."""
        return renderer().entitlement_page(school_type_id)

    @env.macro
    def comparison_page(phase_id: str) -> str:
        """The tiers of a phase side by side."""
        return renderer().comparison_page(phase_id)

    @env.macro
    def schools_index() -> str:
        """The list of schools with pages of their own."""
        return renderer().schools_index()

    @env.macro
    def school_page(index: int) -> str:
        """One school's entitlement, fully resolved."""
        return renderer().school_page(index)

    @env.macro
    def school_type_choices() -> Markup:
        """The school types, each linked to its entitlement page."""
        return renderer().school_type_choices()

    @env.macro
    def link(path: str, text: str) -> Markup:
        """A link to a generated page by its path, e.g. link('schools/index', 'Find your school')."""
        return renderer().page_link(path, text)

    @env.macro
    def comparison_links() -> Markup:
        """Links to the comparison page of each phase."""
        return renderer().comparison_links()

    @env.macro
    def section_list() -> Markup:
        """A list of the sections of the specification, each linked."""
        return renderer().section_list()
