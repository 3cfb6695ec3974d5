"""Every message `make check` can give an officer, each triggered once: its exact text and its line.

Each case edits a copy of tests/fixtures/minimal, widened here to every school type (primary,
primary-formerly-gm, secondary, secondary-formerly-gm: a secondary phase and a school of each type),
and compares the whole report. In an expected problem, `{A}` is the line where the case's first edit
starts and `{A+2}` the line two below it; `{B}` is the same for a second edit. An edit whose old and
new text are the same only marks a line. `None` as the old text writes the whole file.

When a message is added to yamlfile.py, load.py, models.py, problems.py or checks/, add a case here.
"""

from __future__ import annotations

import datetime
import re

import pytest

from macros.sla.load import load
from macros.sla.problems import DataError, Problem, one_of

pytestmark = pytest.mark.unit

SCHOOL_TYPES = """\
    additional_cost: [gold]
  - id: primary-formerly-gm
    name: Primary schools formerly grant maintained
    phase: primary
    no_additional_cost: [core, gold]
    additional_cost: []
  - id: secondary
    name: Secondary schools
    phase: secondary
    no_additional_cost: [core]
    additional_cost: [silver, platinum]
  - id: secondary-formerly-gm
    name: Secondary schools formerly grant maintained
    phase: secondary
    no_additional_cost: [core, silver]
    additional_cost: [platinum]
phases:
"""
SECONDARY = """\
  - id: secondary
    name: Secondary schools
    tiers:
      - id: core
        name: Core
        title: Core Service
      - id: silver
        name: Silver
        title: Silver Service
        builds_on: core
      - id: platinum
        name: Platinum
        title: Platinum Service
        builds_on: silver
matrices:
"""
SCHOOLS = """\
schools:
  - name: Brookside Primary (fictional)
    school_type: primary
    tier: gold
    yhgfl: true
    sims_pcs: 8
  - name: Moorside Junior and Infant (fictional)
    school_type: primary-formerly-gm
    tier: core
    yhgfl: false
    sims_pcs: 12
  - name: Ridge Academy (fictional)
    school_type: secondary
    tier: silver
    yhgfl: true
    sims_pcs: 30
  - name: Hill Top High (fictional)
    school_type: secondary-formerly-gm
    tier: platinum
    yhgfl: false
    sims_pcs: 40
"""
YEAR = "financial_year: 2008/09\n"
"""The first line of prices.yaml; cases append package and service prices after it."""
CLAUSES = "".join(f"      - id: {name}\n        text: Words.\n" for name in (
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"))
"""Ten more clauses, so that there are 13 clause ids: more than `one_of` lists in full."""
UNKNOWN_BLOCK = ("(valid: escalation, service-levels, response-standards, supported-software, package-prices, "
                 "service-prices, deadline-calculator, contact:…, tier:…, offer:…, price-list:…, matrix:…)")
CONTACT_KEYS = "(valid: id, name, role, address, email, telephone, fax)"
ID_RULE = "(valid: lower-case letters, digits and single hyphens, e.g. platinum-plus)"
NOT_ALLOWED_TAG = "is not allowed; data files hold plain text, numbers, true/false, lists and mappings only"
MISSING_COLON = "a `:` is missing after the key on this line"
UNCLOSED_QUOTE = "a quotation mark on this line is not closed; end the text with the same mark, or remove it"
ITEM = "price_lists[0].groups[0].items[0] (the 1st: Help desk).prices"
BROOKSIDE = "schools[0] (the 1st: Brookside Primary (fictional))"


@pytest.fixture
def data(minimal):
    """The minimal data set with all four school types, a secondary phase and a school of each type."""
    minimal.edit("services.yaml", "    additional_cost: [gold]\nphases:\n", SCHOOL_TYPES)
    minimal.edit("services.yaml", "matrices:\n", SECONDARY)
    minimal.write("schools.yaml", SCHOOLS)
    return minimal


def test_the_widened_data_set_is_valid_with_a_school_of_every_type(data):
    schools = load(data.dir).schools
    assert [(school.school_type, school.tier) for school in schools] == [
        ("primary", "gold"), ("primary-formerly-gm", "core"), ("secondary", "silver"),
        ("secondary-formerly-gm", "platinum")]


def case(name: str, edits: list[tuple[str, str | None, str]], *expected: str):
    return pytest.param(edits, list(expected), id=name)


READING = [
    # -- a `:` missing after a key ------------------------------------------------------------------
    case("colon-missing-in-a-mapping", [("services.yaml", "    name: Alex Example", "    name Alex Example")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-on-the-last-key-of-a-mapping",
         [("services.yaml", "    telephone: 01000 000001", "    telephone 01000 000001")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-on-the-first-key-of-a-list-entry", [("services.yaml", "  - id: alex", "  - id alex")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-at-the-top", [("services.yaml", "title: Test specification", "title Test specification")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-before-a-nested-mapping", [("services.yaml", "provider:\n", "provider\n")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-on-the-last-line-of-the-file",
         [("services.yaml", "        show: tier:primary/gold", "        show tier:primary/gold")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-in-braces", [("prices.yaml", "{primary: 850}", "{primary 850}")],
         f"prices.yaml:{{A}}: {ITEM}: {MISSING_COLON}"),
    case("colon-missing-before-braces", [("services.yaml", "codes: {core: Y, gold: Y}", "codes {core: Y, gold: Y}")],
         f"services.yaml:{{A}}: {MISSING_COLON}"),
    case("colon-missing-before-braces-holding-one-key", [("prices.yaml", "prices: {primary", "prices {primary")],
         f"prices.yaml:{{A}}: price_lists[0].groups[0].items[0] (the 1st: Help desk): {MISSING_COLON}"),
    case("colon-inside-a-value", [("services.yaml", "  working_day: A working day.", "  working_day: Hours: 9 to 5")],
         "services.yaml:{A}: YAML syntax error: mapping values are not allowed here; "
         "a value containing ': ' must be put in quotes"),
    case("colon-inside-the-second-line-of-a-value",
         [("services.yaml", "  working_day: A working day.", "  working_day: A working day\n    of hours: 9 to 5")],
         "services.yaml:{A+1}: YAML syntax error: mapping values are not allowed here; "
         "a value containing ': ' must be put in quotes"),
    # -- prices typed as printed ---------------------------------------------------------------------
    case("price-with-a-comma-in-braces", [("prices.yaml", "{primary: 850}", "{primary: 1,090}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: write prices without £ or commas: 1090"),
    case("price-with-pound-and-comma-second-in-braces",
         [("prices.yaml", "{primary: 850}", "{primary: 850, secondary: £1,090.50}")],
         f"prices.yaml:{{A}}: {ITEM}.secondary: write prices without £ or commas: 1090.50"),
    case("price-with-a-pound-sign-in-braces", [("prices.yaml", "{primary: 850}", "{primary: £850}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: write prices without £ or commas: 850"),
    case("package-price-with-a-comma",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: secondary\n    tier: platinum\n"
                                       "    price: 1,090\n")],
         "prices.yaml:{A+4}: package_prices[0] (the 1st).price: write prices without £ or commas: 1090"),
    case("package-price-with-a-pound-sign",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: secondary\n    tier: platinum\n"
                                       "    price: £1090\n")],
         "prices.yaml:{A+4}: package_prices[0] (the 1st).price: write prices without £ or commas: 1090"),
    case("service-price-with-pound-and-comma",
         [("prices.yaml", YEAR, YEAR + "service_prices:\n  - service: Bespoke training\n    price: £1,090\n")],
         "prices.yaml:{A+3}: service_prices[0] (the 1st: Bespoke training).price: "
         "write prices without £ or commas: 1090"),
    # -- entries added under `key: []` ---------------------------------------------------------------
    case("entries-indented-under-empty-package-prices",
         [("prices.yaml", YEAR, YEAR + "package_prices: []\n  - school_type: secondary\n    tier: platinum\n"
                                       "    price: 1090\n")],
         "prices.yaml:{A+1}: remove the `[]` after `package_prices:` when you add entries under it"),
    case("entries-not-indented-under-empty-service-prices",
         [("prices.yaml", YEAR, YEAR + "service_prices: []\n- service: Bespoke training\n  price: 300\n")],
         "prices.yaml:{A+1}: remove the `[]` after `service_prices:` when you add entries under it"),
    case("entries-under-empty-package-prices-after-a-comment",
         [("prices.yaml", YEAR, YEAR + "package_prices: []  # none yet\n\n# Platinum\n  - school_type: secondary\n"
                                       "    tier: platinum\n    price: 1090\n")],
         "prices.yaml:{A+1}: remove the `[]` after `package_prices:` when you add entries under it"),
    case("entries-under-an-empty-list-in-a-tier",
         [("services.yaml", "        services:\n          - a gold service",
           "        services: []\n          - a gold service")],
         "services.yaml:{A}: remove the `[]` after `services:` when you add entries under it"),
    # -- what YAML may not hold ----------------------------------------------------------------------
    case("tag-custom", [("services.yaml", "title: Test specification", "title: !custom Test specification")],
         f"services.yaml:{{A}}: the YAML tag '!custom' {NOT_ALLOWED_TAG}"),
    case("tag-str", [("services.yaml", "title: Test specification", "title: !!str Test specification")],
         f"services.yaml:{{A}}: the YAML tag '!!str' {NOT_ALLOWED_TAG}"),
    case("tag-int", [("services.yaml", "  working_day: A working day.", "  working_day: !!int 8")],
         f"services.yaml:{{A}}: the YAML tag '!!int' {NOT_ALLOWED_TAG}"),
    case("tag-python", [("services.yaml", "title: Test specification",
                         "title: !!python/object/apply:os.system ['touch /tmp/owned']")],
         f"services.yaml:{{A}}: the YAML tag '!!python/object/apply:os.system' {NOT_ALLOWED_TAG}"),
    case("anchor", [("services.yaml", "    contact: alex", "    contact: &who alex")],
         "services.yaml:{A}: anchors and aliases (&name, *name) are not allowed; write the value out in full"),
    case("alias", [("services.yaml", "    contact: alex", "    contact: *who")],
         "services.yaml:{A}: anchors and aliases (&name, *name) are not allowed; write the value out in full"),
    case("nested-too-deeply", [("prices.yaml", "financial_year: 2008/09", "financial_year: " + "[" * 41 + "]" * 41)],
         "prices.yaml:{A}: the data is nested too deeply (at most 40 levels)"),
    case("empty-file", [("prices.yaml", None, "# nothing here yet\n")],
         "prices.yaml:1: the file is empty; it must hold the keys described in data/README.md"),
    case("key-that-is-a-list", [("services.yaml", "    role: Officer\n", "    role: Officer\n    [mobile]: 07000\n")],
         "services.yaml:{A+1}: contacts[0] (the 1st: alex): a key must be a plain word"),
    case("duplicate-key", [("services.yaml", "    role: Officer\n", "    role: Officer\n    name: Someone Else\n")],
         "services.yaml:{A+1}: contacts[0] (the 1st: alex).name: duplicate key 'name' (first given at line {A-1}); "
         "each key may appear once"),
    # -- YAML syntax ---------------------------------------------------------------------------------
    case("tab-indentation", [("services.yaml", "  council: Test Council", "\tcouncil: Test Council")],
         "services.yaml:{A}: a tab character is used for indentation; indent with spaces only"),
    case("tab-inside-a-value", [("services.yaml", "    name: Alex Example", "    name: Alex\tExample")],
         "services.yaml:{A}: a tab character (column 15) is not allowed here; use spaces instead"),
    case("brace-not-closed", [("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y")],
         "services.yaml:{A}: YAML syntax error: expected ',' or '}', but got ':' (while parsing a flow mapping); "
         "a '{' is not closed with '}'"),
    case("bracket-not-closed", [("services.yaml", "    address: [1 Test Street]", "    address: [1 Test Street")],
         "services.yaml:{A}: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence); "
         "a '[' is not closed with ']'"),
    case("quote-not-closed", [("services.yaml", "title: Test specification", "title: \"Test specification")],
         f"services.yaml:{{A}}: {UNCLOSED_QUOTE}"),
    case("quote-not-closed-at-the-end", [("services.yaml", "show: tier:primary/gold", "show: 'tier:primary/gold")],
         f"services.yaml:{{A}}: {UNCLOSED_QUOTE}"),
    case("not-indented-in-line", [("services.yaml", "    role: Officer", "   role: Officer")],
         "services.yaml:{A}: YAML syntax error: expected <block end>, but found '<block mapping start>' "
         "(while parsing a block collection); this line is not indented in line with the lines above it"),
    case("character-that-needs-quotes", [("services.yaml", "title: Test specification", "title: @Test")],
         "services.yaml:{A}: YAML syntax error: found character '@' that cannot start any token "
         "(while scanning for the next token); text starting with this character must be put in quotes"),
    case("list-entry-after-a-key", [("services.yaml", "title: Test specification", "title: - Test")],
         "services.yaml:{A}: YAML syntax error: sequence entries are not allowed here; "
         "a '- ' list entry must start a line of its own"),
    case("second-document", [("services.yaml", "provider:\n", "---\nprovider:\n")],
         "services.yaml:{A}: YAML syntax error: but found another document (expected a single document in the "
         "stream); remove the '---' line: a data file holds one document"),
    case("other-syntax-error", [("services.yaml", "title: Test specification", 'title: "Test \\q"')],
         "services.yaml:{A}: YAML syntax error: found unknown escape character 'q' "
         "(while scanning a double-quoted scalar)"),
]

SHAPE = [
    # -- keys ----------------------------------------------------------------------------------------
    case("missing-key", [("services.yaml", "  year_start: 1 April\n", "")],
         "services.yaml:{A-1}: terms: missing required key 'year_start'"),
    case("unknown-key", [("services.yaml", "    role: Officer\n", "    role: Officer\n    mobile: 07000 000000\n")],
         f"services.yaml:{{A+1}}: contacts[0] (the 1st: alex): unknown key 'mobile' {CONTACT_KEYS}"),
    case("misspelt-required-key-is-one-problem",
         [("services.yaml", "    email: alex@example.org", "    emial: alex@example.org")],
         f"services.yaml:{{A}}: contacts[0] (the 1st: alex): unknown key 'emial' {CONTACT_KEYS}; "
         "did you mean `email`?"),
    case("misspelt-optional-key", [("schools.yaml", "    tier: gold\n", "    tier: gold\n    slgu: brookside\n")],
         f"schools.yaml:{{A+1}}: {BROOKSIDE}: unknown key 'slgu' "
         "(valid: name, slug, school_type, tier, yhgfl, sims_pcs); did you mean `slug`?"),
    case("misspelling-of-a-key-already-given", [("services.yaml", "    role: Officer\n",
                                                  "    role: Officer\n    nmae: Alex\n")],
         f"services.yaml:{{A+1}}: contacts[0] (the 1st: alex): unknown key 'nmae' {CONTACT_KEYS}"),
    # -- types, and how a value is described -----------------------------------------------------------
    case("text-got-a-list", [("services.yaml", "title: Test specification", "title: [Test, specification]")],
         "services.yaml:{A}: title: expected text, got a list"),
    case("text-got-a-mapping", [("services.yaml", "title: Test specification", "title: {Test: specification}")],
         "services.yaml:{A}: title: expected text, got a mapping"),
    case("text-got-true", [("services.yaml", "title: Test specification", "title: true")],
         "services.yaml:{A}: title: expected text, got true (true/false)"),
    case("text-got-a-whole-number", [("services.yaml", "telephone: 01000 000001", "telephone: 01000000001")],
         "services.yaml:{A}: contacts[0] (the 1st: alex).telephone: expected text, got the number 1000000001; "
         "put it in quotes to keep it as text"),
    case("text-got-a-decimal-number", [("services.yaml", "  working_day: A working day.", "  working_day: 8.5")],
         "services.yaml:{A}: response_standards.working_day: expected text, got the number 8.5; "
         "put it in quotes to keep it as text"),
    case("whole-number-got-text", [("services.yaml", "    - level: 1", "    - level: first")],
         "services.yaml:{A}: response_standards.priorities[0] (the 1st: Critical).level: "
         "expected a whole number, got 'first'"),
    case("true-or-false-got-text",
         [("schools.yaml", "    tier: gold\n    yhgfl: true", "    tier: gold\n    yhgfl: yes")],
         f"schools.yaml:{{A+1}}: {BROOKSIDE}.yhgfl: expected true or false, got 'yes'"),
    case("true-or-false-got-nothing",
         [("schools.yaml", "    tier: silver\n    yhgfl: true", "    tier: silver\n    yhgfl:")],
         "schools.yaml:{A+1}: schools[2] (the 3rd: Ridge Academy (fictional)).yhgfl: "
         "expected true or false, got nothing (an empty value)"),
    case("list-got-text", [("services.yaml", "    address: [1 Test Street]", "    address: 1 Test Street")],
         "services.yaml:{A}: contacts[0] (the 1st: alex).address: "
         "expected a list (one '- ' line per item), got '1 Test Street'"),
    case("mapping-got-text", [("services.yaml", "  - id: top-up\n    title: Top-up\n    price_list: top-up\n",
                               "  - top-up\n")],
         "services.yaml:{A}: offers[0] (the 1st): expected a mapping ('key: value' lines), got 'top-up'"),
    case("mapping-of-codes-got-a-list", [("services.yaml", "codes: {core: Y, gold: Y}", "codes: [Y, Y]")],
         "services.yaml:{A}: matrices[0].groups[0].rows[0] (the 1st: First service).codes: "
         "expected a mapping ('key: value' lines), got a list"),
    case("empty-text", [("services.yaml", "title: Test specification", 'title: ""')],
         "services.yaml:{A}: title: must not be empty"),
    case("empty-list", [("services.yaml", "    address: [1 Test Street]", "    address: []")],
         "services.yaml:{A}: contacts[0] (the 1st: alex).address: needs at least 1 item(s)"),
    case("number-too-small", [("schools.yaml", "    sims_pcs: 8", "    sims_pcs: -1")],
         f"schools.yaml:{{A}}: {BROOKSIDE}.sims_pcs: must be from 0 to 10000, got the number -1"),
    case("not-one-of-the-choices", [("services.yaml", "        kind: not-included", "        kind: excluded")],
         "services.yaml:{A}: matrices[0].legend[1] (the 2nd: N).kind: 'excluded' is not valid "
         "(valid: included, not-included, optional, yhgfl-only, optional-yhgfl-only or supported-only)"),
    case("bullet-point-got-a-number", [("services.yaml", "          - a gold service", "          - 42")],
         "services.yaml:{A}: phases[0].tiers[1] (the 2nd: gold).services[0] (the 1st): "
         "expected a bullet point: text, or a mapping with 'text' and optional 'items'"),
    case("escalation-step-with-contact-and-who",
         [("services.yaml", "    contact: alex\n", "    contact: alex\n    who: the help desk\n")],
         "services.yaml:{A-1}: escalation[0] (the 1st: First contact): "
         "give exactly one of 'contact' (a contact id) or 'who' (text)"),
    # -- patterns ------------------------------------------------------------------------------------
    case("id-pattern", [("services.yaml", "  - id: alex", "  - id: Alex")],
         f"services.yaml:{{A}}: contacts[0] (the 1st: Alex Example).id: 'Alex' is not valid {ID_RULE}"),
    case("financial-year-pattern", [("prices.yaml", "financial_year: 2008/09", "financial_year: 2008-09")],
         "prices.yaml:{A}: financial_year: '2008-09' is not valid "
         "(valid: four digits, a slash and two digits, e.g. 2008/09)"),
    case("financial-year-not-consecutive", [("prices.yaml", "financial_year: 2008/09", "financial_year: 2008/10")],
         "prices.yaml:{A}: financial_year: '2008/10' is not a financial year: the second year must follow the "
         "first (valid: 2008/09)"),
    case("code-pattern", [("services.yaml", "      - code: Y", "      - code: YES")],
         "services.yaml:{A}: matrices[0].legend[0] (the 1st).code: 'YES' is not valid "
         "(valid: a capital letter, or two separated by '/', e.g. O/B)"),
    case("email-pattern", [("services.yaml", "    email: alex@example.org", "    email: alex")],
         "services.yaml:{A}: contacts[0] (the 1st: alex).email: 'alex' is not valid "
         "(valid: an e-mail address, e.g. name@calderdale.gov.uk)"),
    case("web-address-pattern", [("site.yaml", "privacy: No cookies.\n", "privacy: No cookies.\nfooter_links:\n"
                                  "  - text: The council\n    url: www.example.org\n")],
         "site.yaml:{A+3}: footer_links[0] (the 1st: The council).url: 'www.example.org' is not valid "
         "(valid: a web address starting with https://, e.g. https://www.calderdale.gov.uk)"),
    # -- money and dates -----------------------------------------------------------------------------
    case("price-in-words", [("prices.yaml", "{primary: 850}", "{primary: about 850}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: expected an amount in pounds, such as 850 or 850.50 (no '£' sign)"),
    case("price-too-large-to-be-a-number", [("prices.yaml", "{primary: 850}", "{primary: 1.0e400}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: expected an amount in pounds, such as 850 or 850.50"),
    case("negative-price", [("prices.yaml", "{primary: 850}", "{primary: -850}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: a price cannot be negative (valid: 0 to 1000000, such as 850 or 850.50)"),
    case("fractions-of-a-penny", [("prices.yaml", "{primary: 850}", "{primary: 850.505}")],
         f"prices.yaml:{{A}}: {ITEM}.primary: a price has at most two decimal places "
         "(pounds and pence, such as 850.50)"),
    case("date-written-another-way", [("site.yaml", "  prepared: 2026-11-29", "  prepared: 29/11/2026")],
         "site.yaml:{A}: accessibility.prepared: expected a date written as 2026-11-29 (year-month-day)"),
    case("date-not-in-the-calendar", [("site.yaml", "  last_tested: 2026-11-29", "  last_tested: 2026-02-30")],
         "site.yaml:{A}: accessibility.last_tested: 2026-02-30 is not a date in the calendar"),
]

REFERENCES = [
    # -- duplicates ----------------------------------------------------------------------------------
    case("duplicate-contact-id",
         [("services.yaml", "service_desk:\n", "  - id: alex\n    name: Sam Example\n    role: Officer\n"
                                               "    address: [1 Test Street]\n    email: sam@example.org\n"
                                               "    telephone: 01000 000002\nservice_desk:\n")],
         "services.yaml:{A}: contacts[1] (the 2nd: Sam Example).id: duplicate contact id 'alex' "
         "(first used at line {A-6}); each contact id must be unique"),
    case("duplicate-clause-id", [("services.yaml", "      - id: two\n", "      - id: one\n")],
         "services.yaml:{A-1}: sections[0].clauses[0] (the 1st: one).text: in '{section:two}': "
         "unknown clause id 'two' (valid: first, one, one)",
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: From {term:year_start}.).id: duplicate clause id 'one' "
         "(first used at line {A-2}); each clause id must be unique"),
    case("duplicate-legend-code", [("services.yaml", "      - code: N", "      - code: Y")],
         "services.yaml:{A}: matrices[0].legend[1] (the 2nd).code: duplicate legend code 'Y' "
         "(first used at line {A-3}); each legend code must be unique",
         "services.yaml:{A+9}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes.core: "
         "unknown code 'N' (valid: Y, Y)"),
    case("duplicate-matrix-row", [("services.yaml", "          - service: Second service",
                                   "          - service: First service")],
         "services.yaml:{A}: matrices[0].groups[0].rows[1] (the 2nd).service: duplicate matrix row (group / service) "
         "'Group one / First service' (first used at line {A-2}); each matrix row (group / service) must be unique"),
    case("duplicate-package-price",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: secondary\n    tier: platinum\n"
                                       "    price: 1090\n  - school_type: secondary\n    tier: platinum\n"
                                       "    price: 1150\n")],
         "prices.yaml:{A+5}: package_prices[1] (the 2nd): duplicate package price (school type/tier) "
         "'secondary/platinum' (first used at line {A+2}); each package price (school type/tier) must be unique"),
    case("duplicate-edition-note-id",
         [("site.yaml", "      text: The published copy lost its clause numbers.\n",
           "      text: The published copy lost its clause numbers.\n    - id: restored-numbers\n"
           "      kind: restored\n      title: Headings\n      text: Two headings were lost.\n")],
         "site.yaml:{A+1}: edition.notes[1] (the 2nd: Headings).id: duplicate edition note id 'restored-numbers' "
         "(first used at line {A-3}); each edition note id must be unique"),
    # -- school types and tiers ----------------------------------------------------------------------
    case("tier-of-a-school-type-in-neither-list",
         [("services.yaml", "    no_additional_cost: [core, gold]", "    no_additional_cost: [core]")],
         "services.yaml:{A-3}: school_types[1] (the 2nd: primary-formerly-gm): tier 'gold' is in neither "
         "no_additional_cost nor additional_cost; list each tier of primary once"),
    case("tier-of-a-school-type-twice",
         [("services.yaml", "    no_additional_cost: [core, silver]",
           "    no_additional_cost: [core, silver, silver]")],
         "services.yaml:{A-3}: school_types[3] (the 4th: secondary-formerly-gm): tier 'silver' is listed more "
         "than once; list each tier of secondary once"),
    case("school-type-of-an-unknown-phase",
         [("services.yaml", "    phase: secondary\n    no_additional_cost: [core]\n",
           "    phase: tertiary\n    no_additional_cost: [core]\n")],
         "services.yaml:{A}: school_types[2] (the 3rd: secondary).phase: unknown phase 'tertiary' "
         "(valid: primary, secondary)"),
    case("unknown-tier-of-a-school-type",
         [("services.yaml", "    additional_cost: [silver, platinum]", "    additional_cost: [silver, platnum]")],
         "services.yaml:{A-4}: school_types[2] (the 3rd: secondary): tier 'platinum' is in neither "
         "no_additional_cost nor additional_cost; list each tier of secondary once",
         "services.yaml:{A}: school_types[2] (the 3rd: secondary).additional_cost[1] (the 2nd): unknown tier "
         "'platnum' for phase secondary (valid: core, silver, platinum)"),
    case("builds-on-an-unknown-tier", [("services.yaml", "        builds_on: silver", "        builds_on: gold")],
         "services.yaml:{A}: phases[1].tiers[2] (the 3rd: platinum).builds_on: unknown tier 'gold' for phase "
         "secondary (valid: core, silver, platinum)"),
    case("builds-on-in-a-circle", [("services.yaml", "        title: Core Service\n      - id: gold",
                                    "        title: Core Service\n        builds_on: gold\n      - id: gold")],
         "services.yaml:{A+1}: phases[0].tiers[0] (the 1st: core).builds_on: 'builds on' goes round in a circle "
         "(core → gold → core); the first tier of a phase builds on nothing",
         "services.yaml:{A+5}: phases[0].tiers[1] (the 2nd: gold).builds_on: 'builds on' goes round in a circle "
         "(gold → core → gold); the first tier of a phase builds on nothing"),
    case("exclusions-for-an-unknown-tier",
         [("services.yaml", "        builds_on: silver\n", "        builds_on: silver\n    exclusions:\n"
                                                           "      - applies_to: [core, gold]\n"
                                                           "        items: [Nothing more]\n")],
         "services.yaml:{A+2}: phases[1].exclusions[0] (the 1st).applies_to[1] (the 2nd): unknown tier 'gold' "
         "for phase secondary (valid: core, silver, platinum)"),
    # -- the matrix ----------------------------------------------------------------------------------
    case("matrix-of-an-unknown-phase", [("services.yaml", "  - phase: primary\n    title: Matrix",
                                         "  - phase: infant\n    title: Matrix")],
         "services.yaml:{A}: matrices[0] (the 1st: Matrix).phase: unknown phase 'infant' (valid: primary, secondary)"),
    case("unknown-code", [("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: X}")],
         "services.yaml:{A}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes.gold: unknown code 'X' "
         "(valid: Y, N)"),
    case("code-for-an-unknown-tier", [("services.yaml", "codes: {core: N, gold: Y}",
                                       "codes: {core: N, gold: Y, silver: Y}")],
         "services.yaml:{A}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes.silver: unknown tier "
         "'silver' for phase primary (valid: core, gold)"),
    case("no-code-for-a-tier", [("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N}")],
         "services.yaml:{A}: matrices[0].groups[0].rows[1] (the 2nd: Second service).codes: no code for tier "
         "'gold'; every row needs a code for each tier of primary (core, gold)"),
    case("matrix-row-with-an-unknown-note",
         [("services.yaml", "codes: {core: Y, gold: Y}\n",
           "codes: {core: Y, gold: Y}\n            edition_note: lost\n")],
         "services.yaml:{A+1}: matrices[0].groups[0].rows[0] (the 1st: First service).edition_note: unknown "
         "edition note "
         "'lost' in site.yaml (valid: restored-numbers)"),
    # -- contacts, offers, price lists ---------------------------------------------------------------
    case("unknown-contact-in-escalation", [("services.yaml", "    contact: alex", "    contact: alix")],
         "services.yaml:{A}: escalation[0] (the 1st: First contact).contact: unknown contact 'alix' (valid: alex)"),
    case("unknown-price-list", [("services.yaml", "    price_list: top-up", "    price_list: capita")],
         "services.yaml:{A}: offers[0] (the 1st: top-up).price_list: unknown price list 'capita' in prices.yaml "
         "(valid: top-up)"),
    case("unknown-price-list-when-there-are-none",
         [("services.yaml", "    price_list: top-up", "    price_list: capita"), ("prices.yaml", None, YEAR)],
         "services.yaml:{A}: offers[0] (the 1st: top-up).price_list: unknown price list 'capita' in prices.yaml "
         "(valid: none defined)"),
    case("contact-id-in-site", [("site.yaml", "  contact: {name: Alex Example, email: alex@example.org}",
                                  "  contact: alex")],
         "site.yaml:{A}: accessibility.contact: 'alex' is a contact id of services.yaml, whose contacts are for "
         "other things; write who answers accessibility requests as name, email and telephone, e.g. {name: ICT "
         "Service Desk, email: ict.servicedesk@calderdale.gov.uk}"),
    # -- sections and what they show -----------------------------------------------------------------
    case("section-without-a-title", [("services.yaml", "    title: First section\n", "")],
         "services.yaml:{A-1}: sections[0] (the 1st: first): a section needs a title"),
    case("clause-without-title-or-text", [("services.yaml", "      - id: one\n        text: See {section:two}.\n",
                                           "      - id: one\n        items: [a bullet]\n")],
         "services.yaml:{A}: sections[0].clauses[0] (the 1st: one): a clause without a title needs text for its "
         "number to stand before"),
    case("clause-with-an-unknown-note",
         [("services.yaml", "      - id: one\n", "      - id: one\n        edition_notes: [lost]\n")],
         "services.yaml:{A+1}: sections[0].clauses[0] (the 1st: one).edition_notes[0] (the 1st): unknown edition "
         "note 'lost' in site.yaml (valid: restored-numbers)"),
    case("summary-leaving-out-a-term",
         [("services.yaml", "        text: From {term:year_start}.\n",
           "        text: From {term:year_start}.\n        summary: From April.\n")],
         "services.yaml:{A+1}: sections[0].clauses[1] (the 2nd: two).summary: the summary leaves out "
         "{term:year_start}, which the clause's text states; a summary must keep every condition of its clause, "
         "so use {term:year_start} in it"),
    case("unknown-block", [("services.yaml", "show: tier:primary/gold", "show: [tier:primary/gold, price-table]")],
         f"services.yaml:{{A}}: sections[0].clauses[1] (the 2nd: two).show[1] (the 2nd): unknown block "
         f"'price-table' {UNKNOWN_BLOCK}"),
    case("unknown-block-with-a-key",
         [("services.yaml", "show: tier:primary/gold", "show: [tier:primary/gold, school:x]")],
         f"services.yaml:{{A}}: sections[0].clauses[1] (the 2nd: two).show[1] (the 2nd): unknown block "
         f"'school:x' {UNKNOWN_BLOCK}"),
    case("block-of-an-unknown-contact", [("services.yaml", "show: tier:primary/gold", "show: contact:sam")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: unknown contact 'sam' (valid: alex)"),
    case("block-of-an-unknown-offer", [("services.yaml", "show: tier:primary/gold", "show: offer:extra")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: unknown offer 'extra' (valid: top-up)"),
    case("block-of-an-unknown-price-list", [("services.yaml", "show: tier:primary/gold", "show: price-list:capita")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: unknown price list 'capita' "
         "(valid: top-up)"),
    case("block-of-a-tier-without-its-phase", [("services.yaml", "show: tier:primary/gold", "show: tier:gold")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: 'gold' is not a tier; write phase/tier "
         "(valid: primary/core, primary/gold, secondary/core, secondary/silver, secondary/platinum)"),
    case("block-of-a-tier-of-another-phase", [("services.yaml", "show: tier:primary/gold",
                                                "show: tier:secondary/gold")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: unknown tier 'gold' for phase secondary "
         "(valid: core, silver, platinum)"),
    case("block-of-a-missing-matrix", [("services.yaml", "show: tier:primary/gold", "show: matrix:secondary")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show: no matrix for phase 'secondary' "
         "(valid: primary)"),
    case("block-shown-twice", [("services.yaml", "show: tier:primary/gold",
                                "show: [tier:primary/gold, tier:primary/gold]")],
         "services.yaml:{A}: sections[0].clauses[1] (the 2nd: two).show[1] (the 2nd): 'tier:primary/gold' is "
         "already shown at line {A}; show each item once and link to it with {section:id}"),
    # -- placeholders in text ------------------------------------------------------------------------
    case("unmatched-brace", [("services.yaml", "title: Test specification", "title: Test {specification")],
         "services.yaml:{A}: title: unmatched '{' or '}'; braces are only for placeholders such as "
         "{section:responsiveness}"),
    case("unknown-placeholder", [("services.yaml", "title: Test specification", "title: Test {date:today}")],
         "services.yaml:{A}: title: unknown placeholder '{date:today}' "
         "(valid: {section:id}, {term:name}, {tier:phase/id}, {provider:field}, "
         "{working:start|end|days})"),
    case("placeholder-of-an-unknown-tier", [("services.yaml", "title: Test specification",
                                             "title: Test {tier:primary/silver}")],
         "services.yaml:{A}: title: in '{tier:primary/silver}': unknown tier 'silver' for phase primary "
         "(valid: core, gold)"),
    case("placeholder-of-an-unknown-clause", [("services.yaml", "text: See {section:two}.",
                                               "text: See {section:three}.")],
         "services.yaml:{A}: sections[0].clauses[0] (the 1st: one).text: in '{section:three}': unknown clause id "
         "'three' (valid: first, one, two)"),
    case("placeholder-of-an-unknown-provider-field", [("services.yaml", "title: Test specification",
                                                       "title: Test {provider:phone}")],
         "services.yaml:{A}: title: in '{provider:phone}': unknown provider field 'phone' "
         "(valid: council, directorate, service, area)"),
    case("placeholder-of-an-unknown-term-among-many", [("services.yaml", "title: Test specification",
                                                        "title: Test {term:year_end}")],
         "services.yaml:{A}: title: in '{term:year_end}': unknown term 'year_end' (valid: year_start, "
         "contract_basis, notice, initial_commitment, subscription_invoicing, pay_as_you_use_invoicing, "
         "payment_due, notice_takes_effect, invoice_queries)"),
    case("placeholder-among-more-than-twelve-with-a-close-one",
         [("services.yaml", "        show: tier:primary/gold\n", "        show: tier:primary/gold\n" + CLAUSES),
          ("services.yaml", "text: See {section:two}.", "text: See {section:delat}.")],
         "services.yaml:{B}: sections[0].clauses[0] (the 1st: one).text: in '{section:delat}': unknown clause id "
         "'delat' (valid: one of 13 values, closest: delta, india, hotel)"),
    case("placeholder-among-more-than-twelve-with-none-close",
         [("services.yaml", "        show: tier:primary/gold\n", "        show: tier:primary/gold\n" + CLAUSES),
          ("services.yaml", "text: See {section:two}.", "text: See {section:zzz}.")],
         "services.yaml:{B}: sections[0].clauses[0] (the 1st: one).text: in '{section:zzz}': unknown clause id "
         "'zzz' (valid: one of 13 values, e.g. first, one, two, alpha, bravo)"),
    # -- prices ---------------------------------------------------------------------------------------
    case("price-list-of-an-unknown-phase", [("prices.yaml", "    phases: [primary]", "    phases: [primary, infant]")],
         "prices.yaml:{A}: price_lists[0] (the 1st: top-up).phases[1] (the 2nd): unknown phase 'infant' "
         "(valid: primary, secondary)"),
    case("price-for-a-phase-not-in-the-list", [("prices.yaml", "{primary: 850}", "{primary: 850, secondary: 1090}")],
         f"prices.yaml:{{A}}: {ITEM}.secondary: phase 'secondary' is not a column of this price list "
         "(valid: primary)"),
    case("package-price-of-an-unknown-school-type",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: infant\n    tier: gold\n    price: 100\n")],
         "prices.yaml:{A+2}: package_prices[0] (the 1st).school_type: unknown school type 'infant' "
         "(valid: primary, primary-formerly-gm, secondary, secondary-formerly-gm)"),
    case("package-price-of-a-tier-of-another-phase",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: primary-formerly-gm\n    tier: silver\n"
                                       "    price: 100\n")],
         "prices.yaml:{A+3}: package_prices[0] (the 1st).tier: unknown tier 'silver' for phase primary "
         "(valid: core, gold)"),
    case("package-price-of-a-tier-at-no-additional-cost",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: primary-formerly-gm\n    tier: gold\n"
                                       "    price: 100\n"),
          ("services.yaml", "    no_additional_cost: [core, gold]", "    no_additional_cost: [core, gold]")],
         "prices.yaml:{A+2}: package_prices[0] (the 1st): gold comes at no additional cost to primary-formerly-gm "
         "(services.yaml line {B}), so it cannot have a price; remove this price, or move gold to additional_cost "
         "there"),
    case("package-price-of-nothing",
         [("prices.yaml", YEAR, YEAR + "package_prices:\n  - school_type: secondary\n    tier: silver\n"
                                       "    price: 0\n"),
          ("services.yaml", "    additional_cost: [silver, platinum]", "    additional_cost: [silver, platinum]")],
         "prices.yaml:{A+4}: package_prices[0] (the 1st).price: a price of 0 contradicts 'additional cost' for "
         "silver and secondary (services.yaml line {B}); give the price, or move silver to no_additional_cost there"),
    # -- schools --------------------------------------------------------------------------------------
    case("school-of-an-unknown-type", [("schools.yaml", "    school_type: secondary\n", "    school_type: academy\n")],
         "schools.yaml:{A}: schools[2] (the 3rd: Ridge Academy (fictional)).school_type: unknown school type "
         "'academy' (valid: primary, primary-formerly-gm, secondary, secondary-formerly-gm)"),
    case("primary-formerly-gm-school-with-a-secondary-tier",
         [("schools.yaml", "    school_type: primary-formerly-gm\n    tier: core",
           "    school_type: primary-formerly-gm\n    tier: silver")],
         "schools.yaml:{A+1}: schools[1] (the 2nd: Moorside Junior and Infant (fictional)).tier: unknown tier "
         "'silver' for phase primary (valid: core, gold)"),
    case("secondary-formerly-gm-school-with-a-primary-tier", [("schools.yaml", "    tier: platinum", "    tier: gold")],
         "schools.yaml:{A}: schools[3] (the 4th: Hill Top High (fictional)).tier: unknown tier 'gold' for phase "
         "secondary (valid: core, silver, platinum)"),
    case("school-name-that-makes-no-address",
         [("schools.yaml", "  - name: Ridge Academy (fictional)", "  - name: '***'")],
         "schools.yaml:{A}: schools[2] (the 3rd).name: the name has no letters or digits to make a page address "
         "from; add a slug (lower-case letters, digits and hyphens)"),
    case("two-schools-with-one-address",
         [("schools.yaml", "  - name: Ridge Academy (fictional)", "  - name: Brookside Primary - fictional")],
         "schools.yaml:{A}: schools[2] (the 3rd).name: page address schools/brookside-primary-fictional/ is already "
         "used by the school at line 2; give one of them a different slug"),
    # -- site.yaml -------------------------------------------------------------------------------------
    case("review-before-the-statement-was-prepared",
         [("site.yaml", "  last_reviewed: 2026-11-29", "  last_reviewed: 2026-11-28")],
         "site.yaml:{A}: accessibility.last_reviewed: 2026-11-28 is before the statement was prepared "
         "(2026-11-29, line {A-1}); a statement is reviewed on or after the day it was prepared"),
]


@pytest.mark.parametrize("edits, expected", READING + SHAPE + REFERENCES)
def test_message(data, edits, expected):
    starts = []
    for name, old, new in edits:
        if old is None:
            data.write(name, new)
            starts.append(1)
        else:
            starts.append(data.edit(name, old, new))

    def line(match: re.Match) -> str:
        return str(starts["AB".index(match[1])] + int(match[2] or 0))

    assert problems(data) == [re.sub(r"\{([AB])([+-]\d+)?\}", line, "data/" + want) for want in expected]


def test_a_date_in_the_future(data):
    line = data.edit("site.yaml", "  last_tested: 2026-11-29", "  last_tested: 2999-01-01")
    today = datetime.date.today().isoformat()
    assert problems(data) == [f"data/site.yaml:{line}: accessibility.last_tested: 2999-01-01 is in the future "
                              f"(today is {today}); write the date it was done"]


def test_bytes_that_are_not_utf8(data):
    data.write("prices.yaml", b"financial_year: 2008/09\n# \xa3850 a year\n")
    assert problems(data) == ["data/prices.yaml:2: byte 0xa3 is not valid UTF-8; save the file with UTF-8 "
                              "encoding (a '£' typed in another encoding is the usual cause)"]


def test_a_missing_file(data):
    (data.dir / "prices.yaml").unlink()
    assert problems(data) == ["data/prices.yaml:1: cannot read the file (No such file or directory)"]


def test_a_folder_in_place_of_a_file(data):
    (data.dir / "site.yaml").unlink()
    (data.dir / "site.yaml").mkdir()
    assert problems(data) == ["data/site.yaml:1: cannot read the file (Is a directory)"]


# --- problems.py ------------------------------------------------------------------------------------


def test_a_report_of_one_problem_whose_references_wait():
    error = DataError([Problem("data/prices.yaml", 1, "", "the file is empty")], references_checked=False)
    assert error.report() == ("1 problem in the data files; nothing was built:\n"
                              "data/prices.yaml:1: the file is empty\n"
                              "References between entries (tiers, codes, ids) are checked once these are fixed.")


def test_a_report_of_two_problems_in_order():
    error = DataError([Problem("data/site.yaml", 4, "owner", "b"),
                       Problem("data/prices.yaml", 9, "x[0] (the 1st)", "a")])
    assert error.report() == ("2 problems in the data files; nothing was built:\n"
                              "data/prices.yaml:9: x[0] (the 1st): a\n"
                              "data/site.yaml:4: owner: b")


@pytest.mark.parametrize("values, given, expected", [
    ([], "x", "(valid: none defined)"),
    (["core", "gold"], "x", "(valid: core, gold)"),
    ([f"t{n}" for n in range(1, 14)], "t13x", "(valid: one of 13 values, closest: t13, t3, t1, t12, t11)"),
    ([f"t{n}" for n in range(1, 14)], "zzz", "(valid: one of 13 values, e.g. t1, t2, t3, t4, t5)"),
    ([f"t{n}" for n in range(1, 14)], None, "(valid: t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13)"),
])
def test_one_of(values, given, expected):
    assert one_of(values, given) == expected


def problems(files) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(files.dir)
    return [str(problem) for problem in caught.value.problems]
