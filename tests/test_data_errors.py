"""Bad data gets an exact, officer-readable `file:line: path: message`, never a traceback.

Each test breaks a copy of tests/fixtures/minimal and checks the whole report.
"""

from __future__ import annotations

import time

import pytest

from macros.sla.load import load
from macros.sla.problems import DataError

S = "data/services.yaml"
P = "data/prices.yaml"

pytestmark = pytest.mark.unit


def problems(files) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(files.dir)
    return [str(problem) for problem in caught.value.problems]


# --- reading the file --------------------------------------------------------


def test_syntax_error_points_at_the_unclosed_bracket(minimal):
    line = minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y")
    assert problems(minimal) == [
        f"{S}:{line}: YAML syntax error: expected ',' or '}}', but got ':' (while parsing a flow mapping); "
        "a '{' is not closed with '}'"]


def test_colon_inside_a_value(minimal):
    line = minimal.edit("services.yaml", "working_day: A working day.", "working_day: Hours: 8.30 am: 5.00 pm")
    assert problems(minimal) == [
        f"{S}:{line}: YAML syntax error: mapping values are not allowed here; "
        "a value containing ': ' must be put in quotes"]


def test_tab_indentation(minimal):
    line = minimal.edit("services.yaml", "  council: Test Council", "\tcouncil: Test Council")
    assert problems(minimal) == [f"{S}:{line}: a tab character is used for indentation; indent with spaces only"]


def test_tab_inside_a_value(minimal):
    line = minimal.edit("services.yaml", "    name: Alex Example", "    name: Alex\tExample")
    assert problems(minimal) == [f"{S}:{line}: a tab character (column 15) is not allowed here; use spaces instead"]


def test_duplicate_key_is_an_error_not_the_last_value(minimal):
    minimal.edit("services.yaml", "    role: Officer\n", "    role: Officer\n    name: Someone Else\n")
    first = minimal.text("services.yaml").splitlines().index("    name: Alex Example") + 1
    assert problems(minimal) == [
        f"{S}:{first + 2}: contacts[0] (the 1st: alex).name: duplicate key 'name' (first given at line {first}); "
        "each key may appear once"]


def test_empty_file(minimal):
    minimal.write("prices.yaml", "# nothing here yet\n")
    assert problems(minimal) == [f"{P}:1: the file is empty; it must hold the keys described in data/README.md"]


def test_bytes_that_are_not_utf8(minimal):
    text = minimal.text("prices.yaml").replace("title: Top-up prices", "title: Top-up prices in \x00")
    line = text.splitlines().index("    title: Top-up prices in \x00") + 1
    minimal.write("prices.yaml", text.replace("\x00", "").encode("utf-8").replace(b"prices in ", b"prices in \xa3"))
    assert problems(minimal) == [
        f"{P}:{line}: byte 0xa3 is not valid UTF-8; save the file with UTF-8 encoding "
        "(a '£' typed in another encoding is the usual cause)"]


def test_object_tags_are_refused(minimal):
    line = minimal.edit("services.yaml", "title: Test specification",
                        "title: !!python/object/apply:os.system ['touch /tmp/owned']")
    assert problems(minimal) == [
        f"{S}:{line}: the YAML tag '!!python/object/apply:os.system' is not allowed; data files hold plain text, "
        "numbers, true/false, lists and mappings only"]


def test_alias_bomb_is_refused_at_once(minimal):
    bomb = "lol: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"l{n}: &a{n} [*{'a' if n == 1 else f'a{n - 1}'}, *{'a' if n == 1 else f'a{n - 1}'}]\n" for n in range(1, 30))
    minimal.write("prices.yaml", bomb)
    started = time.perf_counter()
    found = problems(minimal)
    assert time.perf_counter() - started < 5  # generous: it stops at the first anchor
    assert found == [f"{P}:1: anchors and aliases (&name, *name) are not allowed; write the value out in full"]


def test_deep_nesting_is_refused(minimal):
    minimal.write("prices.yaml", "financial_year: " + "[" * 100 + "]" * 100 + "\n")
    assert problems(minimal) == [f"{P}:1: the data is nested too deeply (at most 40 levels)"]


# --- shape of the data -------------------------------------------------------


def test_unknown_key_lists_the_valid_keys(minimal):
    line = minimal.edit("services.yaml", "    role: Officer\n", "    role: Officer\n    mobile: 07000 000000\n")
    assert problems(minimal) == [
        f"{S}:{line + 1}: contacts[0] (the 1st: alex): unknown key 'mobile' "
        "(valid: id, name, role, address, email, telephone, fax)"]


def test_missing_required_key(minimal):
    minimal.edit("services.yaml", "  working_day: A working day.\n", "")
    line = minimal.text("services.yaml").splitlines().index("response_standards:") + 1
    assert problems(minimal) == [f"{S}:{line}: response_standards: missing required key 'working_day'"]


def test_wrong_type_number_for_text(minimal):
    line = minimal.edit("services.yaml", "telephone: 01000 000001", "telephone: 01000000001")
    assert problems(minimal) == [
        f"{S}:{line}: contacts[0] (the 1st: alex).telephone: expected text, got the number 1000000001; "
        "put it in quotes to keep it as text"]


def test_wrong_type_text_for_list(minimal):
    line = minimal.edit("services.yaml", "    no_additional_cost: [core]", "    no_additional_cost: core")
    assert problems(minimal) == [
        f"{S}:{line}: school_types[0] (the 1st: primary).no_additional_cost: "
        "expected a list (one '- ' line per item), got 'core'"]


def test_invalid_id(minimal):
    line = minimal.edit("services.yaml", "      - id: gold\n", "      - id: Gold Plus\n")
    found = problems(minimal)
    assert found[0] == (f"{S}:{line}: phases[0].tiers[1] (the 2nd: Gold).id: 'Gold Plus' is not valid "
                        "(valid: lower-case letters, digits and single hyphens, e.g. platinum-plus)")


def test_yes_and_no_stay_words(minimal):
    minimal.edit("services.yaml", 'use_support: "No"', "use_support: No")
    assert load(minimal.dir).services.supported_software.rows[0].use_support == "No"


def test_escalation_step_needs_contact_or_who(minimal):
    line = minimal.edit("services.yaml", "    contact: alex\n", "    contact: alex\n    who: the help desk\n")
    assert problems(minimal) == [
        f"{S}:{line - 1}: escalation[0] (the 1st: First contact): "
        "give exactly one of 'contact' (a contact id) or 'who' (text)"]


# --- prices ------------------------------------------------------------------


def test_negative_price(minimal):
    line = minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: -850}")
    assert problems(minimal) == [
        f"{P}:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: "
        "a price cannot be negative "
        "(valid: 0 to 1000000, such as 850 or 850.50)"]


def test_price_with_fractions_of_a_penny(minimal):
    line = minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: 850.505}")
    assert problems(minimal) == [
        f"{P}:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: a price has at most two "
        "decimal places "
        "(pounds and pence, such as 850.50)"]


def test_price_written_with_pound_sign(minimal):
    line = minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: £850}")
    assert problems(minimal) == [
        f"{P}:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: "
        "write prices without £ or commas: 850"]


def test_bad_financial_year(minimal):
    minimal.edit("prices.yaml", "financial_year: 2008/09", "financial_year: 2008-2009")
    assert problems(minimal) == [
        f"{P}:1: financial_year: '2008-2009' is not valid (valid: four digits, a slash and two digits, e.g. 2008/09)"]


# --- references --------------------------------------------------------------


def test_unknown_tier_lists_the_tiers_of_the_phase(minimal):
    line = minimal.edit("services.yaml", "    additional_cost: [gold]", "    additional_cost: [platnum]")
    assert problems(minimal) == [
        f"{S}:{line - 4}: school_types[0] (the 1st: primary): "
        "tier 'gold' is in neither no_additional_cost nor additional_cost; "
        "list each tier of primary once",
        f"{S}:{line}: school_types[0] (the 1st: primary).additional_cost[0] (the 1st): "
        "unknown tier 'platnum' for phase primary "
        "(valid: core, gold)"]


def test_unknown_matrix_code_lists_the_legend(minimal):
    line = minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: X}")
    assert problems(minimal) == [
        f"{S}:{line}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes.gold: "
        "unknown code 'X' (valid: Y, N)"]


def test_missing_matrix_cell(minimal):
    line = minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N}")
    assert problems(minimal) == [
        f"{S}:{line}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes: no code for tier 'gold'; "
        "every row needs a code for each "
        "tier of primary (core, gold)"]


def test_matrix_cell_for_unknown_tier(minimal):
    line = minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y, silver: Y}")
    assert problems(minimal) == [
        f"{S}:{line}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes.silver: "
        "unknown tier 'silver' for phase primary "
        "(valid: core, gold)"]


def test_cyclic_builds_on(minimal):
    line = minimal.edit("services.yaml", "        title: Core Service\n",
                        "        title: Core Service\n        builds_on: gold\n")
    assert problems(minimal) == [
        f"{S}:{line + 1}: phases[0].tiers[0] (the 1st: core).builds_on: 'builds on' goes round in a circle "
        "(core → gold → core); "
        "the first tier of a phase builds on nothing",
        f"{S}:{line + 5}: phases[0].tiers[1] (the 2nd: gold).builds_on: 'builds on' goes round in a circle "
        "(gold → core → gold); "
        "the first tier of a phase builds on nothing"]


def test_a_tier_names_only_groups_of_its_inclusion_table(minimal):
    line = minimal.edit("services.yaml", "        title: Gold Service\n",
                        "        title: Gold Service\n        table_groups: [Group one, Group too]\n")
    assert problems(minimal) == [
        f"{S}:{line + 1}: phases[0].tiers[1] (the 2nd: gold).table_groups[1] (the 2nd): unknown group 'Group too': "
        "table_groups names the groups of the primary inclusion table (valid: Group one)"]


def test_duplicate_tier_id(minimal):
    line = minimal.edit("services.yaml", "      - id: gold\n", "      - id: core\n")
    found = problems(minimal)
    assert f"{S}:{line}: phases[0].tiers[1] (the 2nd: Gold).id: duplicate tier id 'core' " \
           f"(first used at line {line - 3}); " \
           "each tier id must be unique" in found


def test_dangling_section_reference(minimal):
    line = minimal.edit("services.yaml", "text: See {section:two}.", "text: See {section:three}.")
    assert problems(minimal) == [
        f"{S}:{line}: sections[0].clauses[0] (the 1st: one).text: in '{{section:three}}': unknown clause id 'three' "
        "(valid: first, one, two)"]


def test_unknown_placeholder_kind(minimal):
    line = minimal.edit("services.yaml", "text: From {term:year_start}.", "text: From {date:year_start}.")
    assert problems(minimal) == [
        f"{S}:{line}: sections[0].clauses[1] (the 2nd: two).text: unknown placeholder '{{date:year_start}}' "
        "(valid: {section:id}, {term:name}, {tier:phase/id}, {provider:field}, "
        "{working:start|end|days})"]


def test_unknown_block(minimal):
    line = minimal.edit("services.yaml", "show: tier:primary/gold", "show: tier:primary/platinum")
    assert problems(minimal) == [
        f"{S}:{line}: sections[0].clauses[1] (the 2nd: two).show: "
        "unknown tier 'platinum' for phase primary (valid: core, gold)"]


def test_untitled_clause_needs_text(minimal):
    line = minimal.edit("services.yaml", "      - id: one\n        text: See {section:two}.\n",
                        "      - id: one\n        items: [a bullet]\n")
    assert problems(minimal) == [
        f"{S}:{line}: sections[0].clauses[0] (the 1st: one): "
        "a clause without a title needs text for its number to stand before"]


def test_unknown_contact_in_escalation(minimal):
    line = minimal.edit("services.yaml", "    contact: alex", "    contact: alix")
    assert problems(minimal) == [
        f"{S}:{line}: escalation[0] (the 1st: First contact).contact: unknown contact 'alix' (valid: alex)"]


def test_reference_across_files_to_unknown_price_list(minimal):
    minimal.edit("prices.yaml", "  - id: top-up", "  - id: capita")
    line = minimal.text("services.yaml").splitlines().index("    price_list: top-up") + 1
    assert problems(minimal) == [
        f"{S}:{line}: offers[0] (the 1st: top-up).price_list: "
        "unknown price list 'top-up' in prices.yaml (valid: capita)"]


def test_package_price_for_unknown_tier(minimal):
    minimal.write("prices.yaml", minimal.text("prices.yaml") + "package_prices:\n  - school_type: primary\n"
                                                               "    tier: silver\n    price: 100\n")
    line = minimal.text("prices.yaml").splitlines().index("    tier: silver") + 1
    assert problems(minimal) == [f"{P}:{line}: package_prices[0] (the 1st).tier: "
                                 "unknown tier 'silver' for phase primary "
                                 "(valid: core, gold)"]


def test_every_problem_is_reported_at_once(minimal):
    unknown = minimal.edit("services.yaml", "    role: Officer\n", "    role: Officer\n    mobile: 07000\n")
    negative = minimal.edit("prices.yaml", "prices: {primary: 850}", "prices: {primary: -1}")
    missing = minimal.edit("services.yaml", "  year_start: 1 April\n", "")
    terms = minimal.text("services.yaml").splitlines().index("terms:") + 1
    assert problems(minimal) == [
        f"{P}:{negative}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: a price cannot be "
        "negative "
        "(valid: 0 to 1000000, such as 850 or 850.50)",
        f"{S}:{unknown + 1}: contacts[0] (the 1st: alex): unknown key 'mobile' "
        "(valid: id, name, role, address, email, telephone, fax)",
        f"{S}:{terms}: terms: missing required key 'year_start'",
    ]
    assert missing > unknown


def test_missing_file(minimal):
    (minimal.dir / "prices.yaml").unlink()
    assert problems(minimal) == [f"{P}:1: cannot read the file (No such file or directory)"]


def test_report_says_references_wait_for_the_shape_to_be_right(minimal):
    line = minimal.edit("services.yaml", "    email: alex@example.org", "    email: alex")
    minimal.edit("services.yaml", "    contact: alex", "    contact: alix")
    with pytest.raises(DataError) as caught:
        load(minimal.dir)
    assert caught.value.report() == (
        "1 problem in the data files; nothing was built:\n"
        f"{S}:{line}: contacts[0] (the 1st: alex).email: 'alex' is not valid "
        "(valid: an e-mail address, e.g. name@calderdale.gov.uk)\n"
        "References between entries (tiers, codes, ids) are checked once these are fixed.")


def test_report_is_plain_text_for_officers(minimal):
    line = minimal.edit("services.yaml", "    contact: alex", "    contact: alix")
    with pytest.raises(DataError) as caught:
        load(minimal.dir)
    assert caught.value.report() == (
        "1 problem in the data files; nothing was built:\n"
        f"{S}:{line}: escalation[0] (the 1st: First contact).contact: unknown contact 'alix' (valid: alex)")


# --- site.yaml ---------------------------------------------------------------

SITE = "data/site.yaml"


def test_site_dates_are_checked(minimal):
    line = minimal.edit("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-02-30")
    other = minimal.edit("site.yaml", "  prepared: 2026-11-29", "  prepared: 29/11/2026")
    assert problems(minimal) == [
        f"{SITE}:{other}: accessibility.prepared: expected a date written as 2026-11-29 (year-month-day)",
        f"{SITE}:{line}: accessibility.last_reviewed: 2026-02-30 is not a date in the calendar"]


def test_compliance_status_is_one_of_three(minimal):
    line = minimal.edit("site.yaml", "  compliance_status: fully compliant", "  compliance_status: mostly")
    assert problems(minimal) == [
        f"{SITE}:{line}: accessibility.compliance_status: 'mostly' is not valid "
        "(valid: fully compliant, partially compliant or not compliant)"]


def test_the_accessibility_contact_is_not_a_contact_of_the_specification(minimal):
    line = minimal.edit("site.yaml", "  contact: {name: Alex Example, email: alex@example.org}", "  contact: alex")
    assert problems(minimal) == [
        f"{SITE}:{line}: accessibility.contact: 'alex' is a contact id of services.yaml, whose contacts are for "
        "other things; write who answers accessibility requests as name, email and telephone, e.g. {name: ICT "
        "Service Desk, email: ict.servicedesk@calderdale.gov.uk}"]


def test_an_empty_accessibility_contact_or_reply_time_is_a_warning(minimal):
    from macros.sla.load import load

    line = minimal.edit("site.yaml", "  contact: {name: Alex Example, email: alex@example.org}",
                        '  contact: {name: "", email: ""}')
    assert [str(w) for w in load(minimal.dir).warnings if w.path == "accessibility.contact"] == [
        f"{SITE}:{line}: accessibility.contact: the accessibility statement has no contact, which the "
        "accessibility regulations require; fill in contact (name, email, telephone) and reply_within under "
        "accessibility when the council has decided them"]
    minimal.edit("site.yaml", "  reply_within: ten working days", '  reply_within: ""')
    assert [w.message.split(",")[0] for w in load(minimal.dir).warnings if w.path == "accessibility.contact"] == [
        "the accessibility statement has no contact and no reply time"]
