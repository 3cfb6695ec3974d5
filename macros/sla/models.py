"""Typed models of the four data files: `data/services.yaml`, `prices.yaml`, `schools.yaml` and `site.yaml`.

Every field carries a description; the JSON Schema in `data/schema/` is generated
from these models (`make schema`), never written by hand. The models check the
shape of each file; `checks/` checks the references between and within files.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from .problems import price_fix, shorten
from .targets import TARGET_KINDS
from .text import slugify

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LOGO_PATTERN = r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:svg|png)$"

Text = Annotated[str, StringConstraints(min_length=1)]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

MAX_PRICE = 1_000_000
"""No price of the service is near a million pounds: a bigger one is a slip (1.0e30, an extra 0 or two)."""
MAX_PCS = 10_000
"""More PCs than any school has: a bigger count is a slip."""


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


_TEXT_OR_LIST = {"anyOf": [{"type": "string", "minLength": 1},
                           {"type": "array", "items": {"type": "string", "minLength": 1}}]}

Paragraphs = Annotated[list[Text], BeforeValidator(_one_or_many), WithJsonSchema(_TEXT_OR_LIST)]
"""One paragraph of text, or a list of paragraphs."""


def _money(value: Any) -> Decimal:
    fix = price_fix(value) if isinstance(value, str) else None  # '£1,090' as printed, not 1090
    if fix:
        raise PydanticCustomError("money", fix)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise PydanticCustomError("money", "expected an amount in pounds, such as 850 or 850.50 (no '£' sign)")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - str() of a number is always a valid Decimal
        raise PydanticCustomError("money", "expected an amount in pounds, such as 850 or 850.50") from None
    if not amount.is_finite():
        raise PydanticCustomError("money", "expected an amount in pounds, such as 850 or 850.50")
    if amount < 0:
        raise PydanticCustomError("money", f"a price cannot be negative (valid: 0 to {MAX_PRICE}, such as 850 or "
                                           "850.50)")
    if amount > MAX_PRICE:
        raise PydanticCustomError("money", f"a price cannot be more than {MAX_PRICE} pounds (valid: 0 to {MAX_PRICE}, "
                                           "such as 850 or 850.50)")
    if amount != amount.quantize(Decimal("0.01")):
        raise PydanticCustomError("money", "a price has at most two decimal places (pounds and pence, such as 850.50)")
    return amount.quantize(Decimal("0.01"))


Money = Annotated[Decimal, BeforeValidator(_money),
                  WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_PRICE, "multipleOf": 0.01})]
"""An amount in pounds and pence, written as a number: 850 or 850.50."""


class Model(BaseModel):
    """Base of every model: unknown keys are errors, types are not coerced, values are frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Item(Model):
    """A bullet point; written as plain text, or as `text` with nested `items`."""

    text: Text = Field(description="The words of the bullet point.")
    items: list[Item] = Field(default=[], description="Bullet points nested under this one.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        if not isinstance(value, dict):
            raise PydanticCustomError(
                "item", "expected a bullet point: text, or a mapping with 'text' and optional 'items'")
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(schema)]}


Items = list[Item]

# --- services.yaml -----------------------------------------------------------


class Provider(Model):
    """Who provides the services."""

    council: Text = Field(description="The council, e.g. 'Calderdale Metropolitan Borough Council'.")
    directorate: Text = Field(description="The council directorate that provides the services.")
    service: Text = Field(description="The service within the directorate.")
    area: Text = Field(description="Where the schools served are, e.g. 'the Metropolitan Borough of Calderdale'.")


class Contact(Model):
    """A person schools can contact."""

    id: Id = Field(description="Identifier used to refer to this contact, e.g. 'pam-plant'.")
    name: Text = Field(description="The person's name.")
    role: Text = Field(description="Job title and service.")
    address: list[Text] = Field(min_length=1, description="Postal address, one line per item.")
    email: Email = Field(description="E-mail address.")
    telephone: Text = Field(description="Telephone number as it should be shown, e.g. '01422 392569'.")
    fax: Text | None = Field(default=None, description="Fax number, if any.")


class ServiceDesk(Model):
    """How schools reach the ICT Service Desk, where calls are logged first.

    The specification gives no telephone number, e-mail address or opening hours: each is left out until
    the council confirms it, and `make check` warns while one is missing.
    """

    name: Text = Field(description="What schools call it, e.g. 'ICT Service Desk'.")
    telephone: Text | None = Field(default=None, description="Telephone number as it should be shown.")
    email: Email | None = Field(default=None, description="E-mail address.")
    hours: Text | None = Field(default=None, description="When it answers, e.g. '8.30 am to 5.00 pm, Monday to "
                                                         "Friday'.")


class EscalationStep(Model):
    """One step of the route for concerns and complaints; give either `contact` or `who`."""

    when: Text = Field(description="When to take this step, written to lead into the contact, "
                                    "e.g. 'If concerns or complaints remain unresolved, report them to'.")
    contact: Id | None = Field(default=None, description="The contact (by id) to go to at this step.")
    who: Text | None = Field(default=None, description="Whom to go to, when it is not a listed contact.")

    @model_validator(mode="after")
    def _contact_or_who(self) -> EscalationStep:
        if (self.contact is None) == (self.who is None):
            raise PydanticCustomError("escalation", "give exactly one of 'contact' (a contact id) or 'who' (text)")
        return self


class SchoolType(Model):
    """A kind of school, and which tiers of its phase it gets free or can buy."""

    id: Id = Field(description="Identifier, e.g. 'primary-formerly-gm'; also used in page addresses.")
    name: Text = Field(description="Name as shown to readers, e.g. 'Primary schools formerly grant maintained'.")
    phase: Id = Field(description="The phase (by id) whose tiers apply, e.g. 'primary'.")
    no_additional_cost: list[Id] = Field(description="Tiers (by id) available at no additional cost.")
    additional_cost: list[Id] = Field(description="Tiers (by id) available at additional cost.")


class Described(Model):
    """What a tier or an offer says about itself."""

    description: Paragraphs = Field(default=[], description="Introductory paragraphs.")
    available_to: Text | None = Field(default=None, description="Who may take it, e.g. "
                                      "'Available to all maintained primary schools in Calderdale.'")
    recommended_for: Items = Field(default=[], description="The 'Recommended for' bullet points.")
    service_standards: Text | None = Field(default=None, description="The service standards that apply.")
    notes: Items = Field(default=[], description="Notes shown after the services.")


class Tier(Described):
    """A level of service within a phase, e.g. primary Gold."""

    id: Id = Field(description="Identifier within the phase, e.g. 'platinum-plus'.")
    name: Text = Field(description="Short name used in tables, e.g. 'Platinum+'.")
    title: Text = Field(description="Heading of its clause, e.g. 'Gold Service'.")
    scope: Text | None = Field(default=None, description="What the tier covers, shown under its heading.")
    builds_on: Id | None = Field(default=None, description="The tier (by id, same phase) whose services it adds to.")
    services: Items = Field(default=[], description="The services it includes on top of the tier it builds on.")
    table_groups: list[Text] = Field(default=[], description=(
        "Groups of the phase's inclusion table (by name, e.g. 'ICT Helpdesk') that cover services this tier's "
        "description lists. Where the description lists a service that the table gives a lower tier too (Gold's "
        "'Provision of an ICT Service Desk'; every tier has call routing and fault logging), the page of a move "
        "between tiers names what the table gives both tiers in these groups, so that nobody reads that the "
        "lower tier lacks them."))
    predetermined_response_times: bool = Field(default=False, description=(
        "true when the specification offers this tier with pre-determined response times (the targets of the "
        "response standards): it recommends the tier to schools 'requiring pre-determined response times', or "
        "gives them as its service standards. A tier that builds on such a tier has them too. Where this is "
        "false for every tier it builds on, the pages state no response target for the tier, only that the "
        "specification does not say."))
    edition_notes: list[Id] = Field(default=[], description=(
        "Edition notes (by id, from `edition.notes` in site.yaml) about this tier's text; wherever the tier is "
        "shown, it links to each."))


class Exclusions(Model):
    """Services specifically excluded from some tiers of a phase."""

    applies_to: list[Id] = Field(min_length=1, description="The tiers (by id) the exclusions apply to.")
    items: Items = Field(min_length=1, description="The excluded services.")


class Phase(Model):
    """Primary or secondary: each phase has its own tiers."""

    id: Id = Field(description="Identifier, e.g. 'primary'.")
    name: Text = Field(description="Name as shown to readers, e.g. 'Primary schools'.")
    tiers: list[Tier] = Field(min_length=1, description="The tiers, from the basic one upwards.")
    exclusions: list[Exclusions] = Field(default=[], description="Exclusions that apply to some tiers.")


CodeKind = Literal["included", "not-included", "optional", "yhgfl-only", "optional-yhgfl-only", "supported-only"]


class LegendEntry(Model):
    """One code of the inclusion matrix."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z](?:/[A-Z])?$")] = Field(
        description="The code as printed in the matrix, e.g. 'O/B'.")
    meaning: Text = Field(description="What it means, as printed in the key, "
                                      "e.g. 'optional extra for YHGFL schools only'.")
    kind: CodeKind = Field(description="What the code means for a school: included, not-included, optional, "
                                       "yhgfl-only (included for YHGFL schools only), optional-yhgfl-only "
                                       "(optional extra for YHGFL schools only) or supported-only (for "
                                       "supported software and services only).")


class MatrixRow(Model):
    """One service in the inclusion matrix, with a code for each tier."""

    service: Text = Field(description="The service, as printed in the matrix.")
    codes: dict[Id, str] = Field(description="Code (from the legend) for each tier id of the phase, "
                                             "e.g. {core: N, gold: B, platinum: Y, platinum-plus: Y}.")
    sims_pcs_over: int | None = Field(default=None, ge=0, le=MAX_PCS, description=(
        "Set when the row only concerns schools with more than this many PCs or laptops with access to SIMS "
        "(e.g. 10 for 'Access to SIMS from more than 10 PCs')."))
    edition_note: Id | None = Field(default=None, description=(
        "An edition note (by id, from `edition.notes` in site.yaml) explaining how the site reads this row; "
        "pages that apply the row link to it."))
    offer: Id | None = Field(default=None, description=(
        "A service for all schools (by id, from `offers`) that sells what this row's 'optional extra' is, e.g. "
        "capita-top-up for 'Top-up support from CapitaES': a school's page gives its price for the school's "
        "phase and links to its clause."))


class MatrixGroup(Model):
    """A group of rows under one heading."""

    name: Text = Field(description="The group heading, e.g. 'ICT Helpdesk'.")
    rows: list[MatrixRow] = Field(min_length=1, description="The services in the group.")


class Matrix(Model):
    """The service inclusions and exclusions table of one phase."""

    phase: Id = Field(description="The phase (by id) whose tiers are the columns.")
    title: Text = Field(description="Caption of the table.")
    legend: list[LegendEntry] = Field(min_length=1, description="The codes that may appear in a cell.")
    groups: list[MatrixGroup] = Field(min_length=1, description="The rows, in groups.")


class EnquiryTarget(Model):
    """How fast a general enquiry is answered."""

    channel: Text = Field(description="How the enquiry arrives, e.g. 'telephone'.")
    target: Text = Field(description="The reply time, e.g. '48 hours'.")


Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UpdateUnit = Literal["working-day", "day", "week", "month"]


def _time_of_day(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}", value):
        raise PydanticCustomError("time_of_day", "expected a time on the 24-hour clock written as 08:30 or 17:00")
    if int(value[:2]) > 23 or int(value[3:]) > 59:
        raise PydanticCustomError("time_of_day", "{value} is not a time of day (valid: 00:00 to 23:59)",
                                  {"value": value})
    return value


TimeOfDay = Annotated[str, BeforeValidator(_time_of_day),
                      WithJsonSchema({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"})]
"""A time of day on the 24-hour clock: '08:30', '17:00'."""


class WorkingHours(Model):
    """When a working day starts and ends, on the 24-hour clock."""

    start: TimeOfDay = Field(description="When the working day starts, e.g. '08:30' (8.30 am).")
    end: TimeOfDay = Field(description="When it ends, e.g. '17:00' (5.00 pm); later than the start.")

    @model_validator(mode="after")
    def _end_after_start(self) -> WorkingHours:
        if self.end <= self.start:
            raise PydanticCustomError("working_hours", "the working day must end after it starts (start {start}, "
                                      "end {end})", {"start": self.start, "end": self.end})
        return self


class Updates(Model):
    """How often the school is updated on a case's progress; the words shown are made from these keys."""

    upon_receipt: bool = Field(default=False, description="true: an update when the case is received "
                                                          "('Upon receipt').")
    after_initial_assessment: bool = Field(default=False, description=(
        "true: an update after the initial assessment ('After initial assessment'). The specification gives no "
        "time for the assessment; regular updates are counted from the attention target, or from receipt for "
        "a priority without one."))
    every: int = Field(ge=1, le=100, description="How many units (`unit`) apart the regular updates are, e.g. 2 for "
                                         "'every two days', 1 for 'weekly'.")
    unit: UpdateUnit = Field(description=(
        "What `every` counts: working-day (working days, counted as for the attention target), day (calendar "
        "days), week or month; a regular update that falls on a day that is not a working day moves to the next "
        "working day. Shown as 'daily', 'weekly', 'monthly' or 'every two days' (working days are 'days', as "
        "the specification words them)."))
    while_unresolved: bool = Field(default=False, description="true: the words add ', while unresolved' "
                                                              "('Daily, while unresolved').")


class Priority(Model):
    """One priority level of the ICT support response standards."""

    level: int = Field(ge=1, le=20, description="The priority number, 1 being the most urgent.")
    name: Text = Field(description="e.g. 'Critical'.")
    expected_share: Text | None = Field(default=None, description="Share of incidents expected at this level, "
                                                                   "e.g. 'less than 5%'.")
    definition: Paragraphs = Field(min_length=1, description="What puts a problem at this level; "
                                                            "several items are shown as bullet points.")
    attention_working_days: int | None = Field(default=None, ge=1, le=365, description=(
        "The attention target in working days: the case receives attention within this many (shown as 'Will "
        "receive attention within 1 working day.'). Leave out where the specification gives none."))
    attention_note: Text | None = Field(default=None, description="Attention given when there is no target time.")
    updates: Updates | None = Field(default=None, description=(
        "When the school is updated on progress: the schedule the calculator counts. Give this or `monitoring`."))
    monitoring: Text | None = Field(default=None, description=(
        "For a priority with no update schedule (Hold, Waiting for school): how its cases are followed, in the "
        "specification's words. Give this or `updates`; the calculator then gives no deadline."))

    @model_validator(mode="after")
    def _updates_or_monitoring(self) -> Priority:
        if (self.updates is None) == (self.monitoring is None):
            raise PydanticCustomError("priority_updates", "give exactly one of 'updates' (the schedule of progress "
                                      "updates) or 'monitoring' (words, for a priority without one)")
        return self


class ResponseStandards(Model):
    """Response times for enquiries and ICT support."""

    enquiry_targets: list[EnquiryTarget] = Field(min_length=1, description="Reply times for general enquiries.")
    working_day: Text = Field(description=(
        "The definition of one working day, in the specification's words. Write its hours and days as "
        "{working:start}, {working:end} and {working:days} (from working_hours and working_days), never typed "
        "out, so that the words cannot disagree with the hours the calculator counts."))
    working_hours: WorkingHours = Field(description="The hours of a working day, e.g. {start: '08:30', "
                                                    "end: '17:00'}.")
    working_days: list[Weekday] = Field(min_length=1, description=(
        "The days of the week that are working days, each once, e.g. [Monday, Tuesday, Wednesday, Thursday, "
        "Friday]."))
    bank_holidays: Literal["england", "none"] = Field(description=(
        "Bank holidays that are not working days: england (the bank holidays of England, from the `holidays` "
        "package) or none."))
    edition_notes: list[Id] = Field(default=[], description=(
        "Edition notes (by id, from `edition.notes` in site.yaml) on how the site reads the working day and the "
        "update schedules; the response-time calculator links to each."))
    conditions: list[Id] = Field(default=[], description=(
        "Clauses (by id) that qualify the target times, e.g. [reactive-services] ('The actual response time will "
        "depend in part on the level of service selected, …'): wherever the site states a target (the summaries "
        "of the pages for each type of school and each school, the calculator), it quotes each of them."))
    tiers_note: Id | None = Field(default=None, description=(
        "The edition note (by id) on which tiers have pre-determined response times (see "
        "`predetermined_response_times` on each tier); the pages link to it where they say so."))
    priorities: list[Priority] = Field(min_length=1, description="The priority levels, most urgent first.")


class SoftwareRow(Model):
    """A row of the supported-software table."""

    type: Text = Field(description="Type of software, e.g. 'Antivirus software'.")
    products: list[Text] = Field(min_length=1, description="The products.")
    technical_support: Text = Field(description="Answer to 'Technical support?'.")
    use_support: Text = Field(description="Answer to 'Use/operation of the application?'.")


class SupportedSoftware(Model):
    """The summary of supported software."""

    title: Text = Field(description="Caption of the table.")
    rows: list[SoftwareRow] = Field(min_length=1, description="The rows of the table.")
    notes: Items = Field(default=[], description="Notes under the table.")


class ServiceGroup(Model):
    """A headed list of services."""

    heading: Text = Field(description="e.g. 'Pupil Data Services include'.")
    items: Items = Field(min_length=1, description="The services.")


class Offer(Described):
    """A service available to all schools, outside the tiers (special services, pay-as-you-use, ...)."""

    id: Id = Field(description="Identifier, e.g. 'pay-as-you-use'.")
    title: Text = Field(description="Heading of its clause.")
    cost: Text | None = Field(default=None, description="How it is paid for, e.g. "
                                                       "'These services are available at additional cost.'")
    service_groups: list[ServiceGroup] = Field(default=[], description="The services, in headed lists.")
    price_list: Id | None = Field(default=None, description="A price list (by id) in prices.yaml to show.")
    paid: Literal["subscription", "as-used"] | None = Field(default=None, description=(
        "How a school pays for it, as the specification says: 'subscription' (an annual subscription, invoiced in "
        "advance: section 13.1) or 'as-used' (pay-as-you-use, invoiced as it is used: section 13.2). The planner and "
        "the order show it; left out, they say the specification does not say."))


class Terms(Model):
    """Contract and payment terms, used in the text as {term:name}."""

    year_start: Text = Field(description="The day the contract year starts, e.g. '1 April'.")
    contract_basis: Text = Field(description="How the contract runs on, e.g. 'annual rolling'.")
    notice: Text = Field(description="Notice needed to end the contract, e.g. \"at least one term's notice\".")
    initial_commitment: Text = Field(description="Minimum period of a new or changed contract, e.g. 'three years'.")
    subscription_invoicing: Text = Field(description="When subscriptions are paid, e.g. 'annually in advance'.")
    pay_as_you_use_invoicing: Text = Field(description="How often pay-as-you-use services are invoiced.")
    payment_due: Text = Field(description="When invoices must be paid, e.g. 'within 28 days of the date of invoice'.")
    notice_takes_effect: Text = Field(description="When a notice ends the service, e.g. "
                                                  "'at the end of that financial year'.")
    invoice_queries: Text = Field(description="What to do instead of paying an invoice that is in question, e.g. "
                                              "'raise queries with the initiator immediately'.")


class GlossaryTerm(Model):
    """A word of the specification a reader may not know, on the page "Words used on this site"; the first time a
    page uses it, the page explains it in place and links to its entry."""

    term: Text = Field(description="The word as the specification writes it, e.g. 'YHGFL' or 'KS data'.")
    expansion: Text | None = Field(default=None, description=(
        "What an abbreviation stands for, e.g. 'Yorkshire and Humber Grid for Learning'; left out for a word "
        "that is not one."))
    short: Text | None = Field(default=None, description=(
        "A few words that pages put in brackets after the word's first use, e.g. 'the fourth primary tier'; "
        "left out, they put the expansion there."))
    meaning: Paragraphs = Field(min_length=1, description=(
        "What the specification says of the word, for the glossary page, citing it with {section:id}."))
    added: Paragraphs = Field(default=[], description=(
        "What the site adds where the specification is silent (what an abbreviation stands for, what the word "
        "means): shown as the site's words, with the entry's `edition_note`, which it then needs."))
    also: list[Text] = Field(default=[], description=(
        "Other ways the text writes the same word, e.g. [YHGfL] or [former grant maintained, formerly GM]."))
    edition_note: Id | None = Field(default=None, description=(
        "An edition note (by id, from `edition.notes` in site.yaml) for words of the meaning that the "
        "specification does not give; the entry links to it."))

    @property
    def anchor(self) -> str:
        """The entry's anchor on the glossary page, e.g. 'term-ks-data', 'term-platinum-plus'."""
        return "term-" + slugify(self.term.replace("+", " plus"))


class Clause(Model):
    """A numbered clause of the specification; clauses nest, and sections are top-level clauses."""

    id: Id = Field(description="Identifier; the clause's anchor and what {section:id} refers to.")
    title: Text | None = Field(default=None, description="Heading; required for sections, optional below.")
    text: Paragraphs = Field(default=[], description="Paragraphs. May use {section:id}, {term:name} and "
                                                    "{tier:phase/id}.")
    items: Items = Field(default=[], description="Bullet points after the text.")
    show: Annotated[list[Text], BeforeValidator(_one_or_many), WithJsonSchema(_TEXT_OR_LIST)] = Field(
        default=[], description="Data to show after the text, e.g. 'response-standards', 'contact:pam-plant', "
                                "'tier:primary/gold', 'offer:pay-as-you-use', 'price-list:capita-top-up'.")
    clauses: list[Clause] = Field(default=[], description="Numbered sub-clauses.")
    summary: Text | None = Field(default=None, description=(
        "A one-sentence summary for the entitlement and school pages. It must keep every condition of the "
        "clause: it must use every {term:name} and {tier:phase/id} the clause's text uses."))
    summary_label: Text | None = Field(default=None, description=(
        "With a summary: a label of a few words, e.g. 'How to leave'; the summary then also appears, under "
        "this label, in the summary at the top of the entitlement and school pages."))
    edition_notes: list[Id] = Field(default=[], description="Edition notes (by id, from `edition.notes` in "
                                                            "site.yaml) about this clause; the clause links to each.")


class Services(Model):
    """`data/services.yaml`: the whole service specification except prices."""

    model_config = ConfigDict(title="services.yaml")

    title: Text = Field(description="Title of the specification.")
    provider: Provider = Field(description="Who provides the services.")
    contacts: list[Contact] = Field(min_length=1, description="People schools can contact.")
    service_desk: ServiceDesk = Field(description="How schools reach the ICT Service Desk.")
    escalation: list[EscalationStep] = Field(min_length=1, description="Route for concerns and complaints.")
    school_types: list[SchoolType] = Field(min_length=1, description="Kinds of school served.")
    phases: list[Phase] = Field(min_length=1, description="Primary and secondary, each with its tiers.")
    matrices: list[Matrix] = Field(default=[], description="Service inclusions and exclusions tables, "
                                                          "at most one per phase.")
    response_standards: ResponseStandards = Field(description="Response times.")
    supported_software: SupportedSoftware = Field(description="Software the service teams support.")
    offers: list[Offer] = Field(default=[], description="Services available to all schools, outside the tiers.")
    terms: Terms = Field(description="Contract and payment terms.")
    sections: list[Clause] = Field(min_length=1, description="The specification, section by section.")


# --- prices.yaml -------------------------------------------------------------


class PriceItem(Model):
    """A priced service; a phase left out means it is not offered to that phase."""

    name: Text = Field(description="The service, e.g. 'Complete SIMS Help Desk Support'.")
    prices: dict[Id, Money] = Field(min_length=1, description="Price per phase id, "
                                                              "e.g. {primary: 850, secondary: 1090}.")


class PriceGroup(Model):
    """A headed group of priced services."""

    name: Text | None = Field(default=None, description="Heading of the group, e.g. 'Individual modules'; "
                                                        "leave out for items under no heading.")
    items: list[PriceItem] = Field(min_length=1, description="The priced services.")


class PriceList(Model):
    """A table of prices by phase."""

    id: Id = Field(description="Identifier, referred to by an offer's price_list.")
    title: Text = Field(description="Title; the financial year is added after it.")
    item_heading: Text = Field(description="Heading of the first column, e.g. 'Support'.")
    phases: list[Id] = Field(min_length=1, description="The phases (by id) that are the columns.")
    groups: list[PriceGroup] = Field(min_length=1, description="The priced services, in groups.")


class PackagePrice(Model):
    """The annual price of a tier for one school type; only tiers at additional cost to that type have one."""

    school_type: Id = Field(description="The school type (by id), e.g. 'secondary-formerly-gm'.")
    tier: Id = Field(description="The tier (by id) within that school type's phase; it must be one of the "
                                 "type's `additional_cost` tiers.")
    price: Money = Field(description="Annual price in pounds (more than 0).")


class ServicePrice(Model):
    """The price of a special or pay-as-you-use service."""

    service: Text = Field(description="The service.")
    price: Money = Field(description="Price in pounds.")
    unit: Text | None = Field(default=None, description="What the price is for, e.g. 'per hour'.")


class School(Model):
    """A school, for its own page of what it is entitled to."""

    name: Text = Field(description="The school's name.")
    slug: Id | None = Field(default=None, description="Its page address, schools/<slug>/; made from the name "
                                                      "when left out.")
    school_type: Id = Field(description="Its school type (by id), e.g. 'primary-formerly-gm'.")
    tier: Id = Field(description="The tier (by id) it subscribes to, within its school type's phase.")
    yhgfl: bool = Field(description="true if it is a YHGFL (Yorkshire and Humber Grid for Learning) school.")
    sims_pcs: int = Field(ge=0, le=MAX_PCS, description=(
        "Number of PCs or laptops with access to SIMS, throughout the school (not only on the administration "
        "network); rows such as 'Access to SIMS from more than 10 PCs' apply when it is above their "
        "`sims_pcs_over`. Called `admin_pcs` before."))


class Schools(Model):
    """`data/schools.yaml`: schools that get a page of their own; `schools: []` for none."""

    model_config = ConfigDict(title="schools.yaml")

    schools: list[School] = Field(default=[], description="The schools, in the order of the schools index.")


def _consecutive(value: str) -> str:
    """A financial year runs from one April to the next: 2008/09, never 2009/11 or 2010/10."""
    first = int(value[:4])
    expected = f"{first}/{(first + 1) % 100:02d}"
    if value != expected:
        raise PydanticCustomError("financial_year", "'{value}' is not a financial year: the second year must "
                                  "follow the first (valid: {expected})", {"value": value, "expected": expected})
    return value


def _date(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise PydanticCustomError("date", "expected a date written as 2026-11-29 (year-month-day)")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date", f"{value} is not a date in the calendar") from None
    return value


Date = Annotated[str, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
"""A date written as 2026-11-29."""


class KnownIssue(Model):
    """Content that is not yet accessible, why, and what to use instead."""

    issue: Text = Field(description="What is not accessible, and to whom.")
    reason: Text = Field(description="Why: the accessibility requirement it fails, or why it is exempt.")
    alternative: Text | None = Field(default=None, description="What a reader can do instead, if anything.")


class AccessibilityContact(Model):
    """Who handles accessibility requests. Not a contact of the specification: its clauses name contacts for
    other things."""

    name: str = Field(default="", description="A person's or team's name, e.g. 'ICT Service Desk'.")
    email: str = Field(default="", description="An e-mail address.")
    telephone: str = Field(default="", description="A telephone number.")

    @model_validator(mode="before")
    @classmethod
    def _not_a_contact_id(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise PydanticCustomError("accessibility_contact", (
                "'{given}' is a contact id of services.yaml, whose contacts are for other things; write who "
                "answers accessibility requests as name, email and telephone, e.g. {name: ICT Service Desk, "
                "email: ict.servicedesk@calderdale.gov.uk}"), {"given": value})
        return value

    @property
    def given(self) -> bool:
        return bool(self.name.strip() or self.email.strip() or self.telephone.strip())


class AccessibilityStatement(Model):
    """The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require."""

    intro: Paragraphs = Field(description="Who runs the site and the commitment to making it usable.")
    how_accessible: Paragraphs = Field(description="What readers should be able to do on the site.")
    compliance_status: Literal["fully compliant", "partially compliant", "not compliant"] = Field(
        description="How far the site complies with the standard.")
    standard: Text = Field(description="The standard, e.g. 'the Web Content Accessibility Guidelines version 2.2 "
                                       "AA standard'.")
    known_issues: list[KnownIssue] = Field(default=[], description="Content that is not accessible, with "
                                                                   "the reasons.")
    disproportionate_burden: Paragraphs = Field(default=[], description="Content not fixed because it would be "
                                                                        "a disproportionate burden, if any.")
    outside_scope: Paragraphs = Field(default=[], description="Content outside the scope of the regulations, "
                                                              "if any.")
    alternatives: Paragraphs = Field(description="How to ask for information in another format.")
    contact: AccessibilityContact = Field(default_factory=lambda: AccessibilityContact(), description=(
        "Who answers requests for other formats and reports of accessibility problems: the council fills it in "
        "(`make check` warns while it is empty)."))
    reply_within: str = Field(default="", description=(
        "How soon such a request gets a reply, e.g. 'ten working days', as the council commits to it; empty "
        "until it does (`make check` warns)."))
    reporting: Paragraphs = Field(description="How to report an accessibility problem.")
    enforcement: Paragraphs = Field(description="The enforcement procedure (Equality and Human Rights "
                                                "Commission, Equality Advisory and Support Service).")
    testing: Paragraphs = Field(description="How the site was tested.")
    prepared: Date = Field(description="When the statement was first prepared.")
    last_reviewed: Date = Field(description="When the statement was last reviewed.")
    last_tested: Date = Field(description="When the site was last tested.")


EditionKind = Literal["restored", "inferred", "corrected", "rearranged", "reworded", "added", "as-published"]


class EditionNote(Model):
    """One editorial decision: how the site restores, reads or corrects the published copy."""

    id: Id = Field(description="Identifier; clauses, tiers and matrix rows refer to it with `edition_notes` or "
                               "`edition_note`.")
    kind: EditionKind = Field(description=(
        "restored (something the published copy lost, put back), inferred (the site's reading where the copy "
        "is unclear), corrected (an obvious slip mended), rearranged (said once where the copy repeats it, or shown "
        "in another place), reworded (the published words capitalised, punctuated or joined differently), "
        "added (words the site adds where the copy is silent) or as-published (kept as published although it "
        "looks inconsistent)."))
    title: Text = Field(description="What the decision is about, in a few words.")
    text: Paragraphs = Field(description="What the published copy has, and what the site does and why. "
                                         "May use {section:id}.")


class Edition(Model):
    """The 'About this edition' page: how this site's text relates to the published specification."""

    intro: Paragraphs = Field(description="Paragraphs before the list of decisions.")
    notes: list[EditionNote] = Field(min_length=1, description="Every restoration, inference and correction.")


class FooterLink(Model):
    """A link in the footer to another website."""

    text: Text = Field(description="The words of the link.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] = Field(description="Where it leads.")


class Review(Model):
    """The yearly review of the specification and prices, which the specification says happens each year."""

    last_reviewed: Date = Field(description="When an officer last reviewed the data, e.g. 2026-11-29.")
    next_review_due: Date = Field(description="When the next review is due; `make check` warns once it has "
                                              "passed.")
    reviewed_data: dict[str, str] = Field(default={}, description=(
        "Written by `make reviewed`, never by hand: a fingerprint of each data file as it was on last_reviewed. "
        "Every page says 'Last reviewed' only while each file is as reviewed; `make check` names a file changed "
        "since."))




class Synonym(Model):
    """Words readers use for something the specification words differently, and where search takes them."""

    words: list[Text] = Field(min_length=1, description=(
        "The readers' words, e.g. [leave, cancel, terminate, end the contract]. A search for any of them finds "
        "the targets; a phrase of several words is found by its words. List each word once in the file."))
    targets: Annotated[list[Text], BeforeValidator(_one_or_many), WithJsonSchema(_TEXT_OR_LIST)] = Field(
        min_length=1, description=(
            "Where these words lead, best first, each written kind:id: "
            + "; ".join(f"{name}: {kind.what}" for name, kind in TARGET_KINDS.items())
            + ". One target, or a list."))


class Search(Model):
    """How the search box finds what readers look for in their own words."""

    synonyms: list[Synonym] = Field(default=[], description=(
        "Readers' words and where they lead: a search for 'cancel' finds the notice period although the "
        "specification never says 'cancel'."))


WEB_ADDRESS_EXAMPLE = "https://intranet.example.gov.uk/schools/ict-services/"
WEB_ADDRESS_PATTERN = r"^https?://[^/?#\s]+/(?:[^?#\s]*/)?$"


def _web_address(value: Any) -> str | None:
    """The site's published address, as the officer writes it; empty is none. Says what is wrong, and what
    would be valid."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise PydanticCustomError("web_address", "expected a web address, e.g. {example}",
                                  {"example": WEB_ADDRESS_EXAMPLE})
    try:
        parts = urlsplit(value)
    except ValueError:  # a '[' that opens no IPv6 address
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or "//" not in value:
        reason = "it must start with https:// (or http://) and the server's name"
    elif re.search(r"\s", value):
        reason = "it must not contain spaces"
    elif parts.query or parts.fragment or "?" in value or "#" in value:
        reason = "it must not have a '?' or '#' part"
    elif not value.endswith("/"):
        reason = "it must end with '/'"
    else:
        return value
    raise PydanticCustomError("web_address", "'{value}' is not valid: {reason} (valid: the address of the site's "
                              "home page, e.g. {example})", {"value": shorten(value), "reason": reason,
                                                             "example": WEB_ADDRESS_EXAMPLE})


WebAddress = Annotated[str | None, BeforeValidator(_web_address),
                       WithJsonSchema({"anyOf": [{"type": "string", "pattern": WEB_ADDRESS_PATTERN},
                                                 {"type": "string", "maxLength": 0}, {"type": "null"}]})]
"""The address at which the site is published: absolute http(s), ending in '/', no query or fragment."""


SHORT_TITLE_LENGTH = 26
"""The most characters of `short_title`: about what fits the header of a phone 360 pixels wide."""


def _short_title(value: Any) -> Any:
    """The site's name on phones: short enough for the header, or an officer-readable reason."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise PydanticCustomError("short_title", "expected a few words, e.g. 'ICT services for schools'")
    value = " ".join(value.split())
    if len(value) > SHORT_TITLE_LENGTH:
        raise PydanticCustomError("short_title", "'{value}' is {length} characters long: at most {most} fit the "
                                  "header of a phone (valid: a few words, e.g. 'ICT services for schools')",
                                  {"value": value, "length": len(value), "most": SHORT_TITLE_LENGTH})
    return value


ShortTitle = Annotated[str | None, BeforeValidator(_short_title),
                       WithJsonSchema({"anyOf": [{"type": "string", "maxLength": SHORT_TITLE_LENGTH},
                                                 {"type": "null"}]})]
"""The site's name as phones show it in the header: up to SHORT_TITLE_LENGTH characters; empty is none."""


class SiteInfo(Model):
    """`data/site.yaml`: the site itself: footer, accessibility statement, privacy notice."""

    model_config = ConfigDict(title="site.yaml")

    owner: Text = Field(description="Who runs the site, e.g. 'Calderdale Council'; shown in the header of every "
                                    "page and in every page's title.")
    logo: Annotated[str, StringConstraints(pattern=LOGO_PATTERN)] | None = (
        Field(default=None, description="The council's logo: the name of an SVG or PNG file in data/, shown in "
                                        "the header; left out, the header shows the council's name alone."))
    short_title: ShortTitle = Field(default=None, description=(
        "The site's name in the header on a phone or tablet, where the full name (the council's name and the "
        f"title of services.yaml) would be cut short: a few words, at most {SHORT_TITLE_LENGTH} characters, e.g. "
        "'ICT services for schools'. Wider screens show the full name. Left out, phones show the full name, cut "
        "to fit."))
    copyright: Text = Field(description="The copyright line of the footer, e.g. '© Calderdale Council'.")
    address: Text = Field(description="The postal address in the footer.")
    web_address: WebAddress = Field(default=None, description=(
        "The site's own web address, where it is published: the address of its home page, starting with "
        "https:// and ending with '/', e.g. " + WEB_ADDRESS_EXAMPLE + ". Set, it gives every page its full "
        "address (canonical link, sitemap.xml) and makes the page for a missing address work however deep the "
        "site's folder is; empty, that page works only when the site is at the root of its server (`make "
        "check` warns)."))
    footer_links: list[FooterLink] = Field(default=[], description="Links to other websites in the footer.")
    accessibility: AccessibilityStatement = Field(description="The accessibility statement.")
    privacy: Paragraphs = Field(description="The privacy notice of this site.")
    edition: Edition = Field(description="The editorial decisions, shown on the 'About this edition' page.")
    review: Review = Field(description="When the site's specification and prices were last reviewed, and when "
                                       "the next review is due; shown on every page.")
    search: Search = Field(default=Search(), description="The search box: readers' words (synonyms) and where "
                                                         "they lead.")
    glossary: list[GlossaryTerm] = Field(default=[], description=(
        "Words used on this site: the words a reader may not know, explained on their own page and at their "
        "first use on every page."))



class Ordering(Model):
    """How schools order the year's services: when orders are taken, the last date for notice, and where orders go.
    Each is the council's decision for the year; left empty, the planner states the rule without it and `make
    check` warns."""

    opens: Date | None = Field(default=None, description=(
        "The first day orders for the financial year are taken, e.g. 2008-01-14; with `closes`, the home page and "
        "the planner show the window while it is open."))
    closes: Date | None = Field(default=None, description="The last day orders are taken, e.g. 2008-04-30.")
    notice_by: Date | None = Field(default=None, description=(
        "The last day a school can give notice in writing to leave, or to move to a lower tier, so that the change "
        "takes effect at the end of the financial year (the specification asks for at least one term's notice; "
        "the council decides the date each year), e.g. 2007-12-31."))
    email: Email | None = Field(default=None, description=(
        "The council's address for orders, e.g. ict.orders@calderdale.gov.uk: the planner offers to e-mail the "
        "order there and prints it on the order."))
    post_to: Text | None = Field(default=None, description=(
        "Where a printed order is sent, e.g. 'Performance Support and ICT, Northgate House, Halifax "
        "HX1 1UN'; printed on the order."))


class Prices(Model):
    """`data/prices.yaml`: prices for one financial year."""

    model_config = ConfigDict(title="prices.yaml")

    financial_year: Annotated[str, StringConstraints(pattern=r"^\d{4}/\d{2}$"), AfterValidator(_consecutive)] = Field(
        description="The financial year the prices are for: two consecutive years, e.g. '2008/09'. "
                    "Set by `make new-year`, not by hand.")
    price_lists: list[PriceList] = Field(default=[], description="Price tables, e.g. the Capita top-up prices.")
    package_prices: list[PackagePrice] = Field(default=[], description="Tier prices; none listed shows "
                                                                      "'To be notified'.")
    service_prices: list[ServicePrice] = Field(default=[], description="Special and pay-as-you-use service "
                                                                      "prices; none listed shows 'To be notified'.")
    ordering: Ordering = Field(default=Ordering(), description=(
        "Ordering the year's services: the window for orders, the last date for notice and where orders go "
        "(shown by the planner and on the printed order)."))
