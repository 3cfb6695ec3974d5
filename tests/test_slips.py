"""Slips an officer makes once a year, each caught as `file:line: what is wrong; what would be valid`.

Each test breaks a copy of tests/fixtures/minimal (which lists no school: `schools: []`) and checks the
whole report, typed out.
"""

from __future__ import annotations

import pytest

from macros.sla.__main__ import main
from macros.sla.checks import school_slug
from macros.sla.load import load
from macros.sla.models import School
from macros.sla.problems import DataError, Problem
from test_data_errors import problems

pytestmark = pytest.mark.unit

S = "data/services.yaml"
P = "data/prices.yaml"
SCHOOLS = "data/schools.yaml"
A_SCHOOL = """\
schools:
  - name: First Primary (fictional)
    school_type: primary
    tier: gold
    yhgfl: true
    sims_pcs: 8
"""


def check(capsys, data_dir) -> tuple[int, str]:
    """`make check`: its exit code and what it printed on stderr."""
    code = main(["check", str(data_dir)])
    return code, capsys.readouterr().err


# --- 1. a list item indented too deep ---------------------------------------------------------------------


def test_a_list_item_indented_too_deep_is_not_joined_to_the_item_above(minimal):
    line = minimal.edit("services.yaml", "          - a gold service\n",
                        "          - a gold service (client);\n            - remote support\n")
    assert problems(minimal) == [
        f"{S}:{line + 1}: phases[0].tiers[1] (the 2nd: gold).services[0] (the 1st): this line starts with '- ' but "
        f"is indented deeper than the item above (line {line}), so it was joined to that item's text ('a gold "
        "service (client); - remote support'); indent its '- ' like the item above"]


# --- 2. a clause number typed into a text ----------------------------------------------------------------


def test_a_typed_clause_number_names_the_placeholder_to_write(minimal):
    line = minimal.edit("services.yaml", "        text: From {term:year_start}.",
                        "        text: >-\n          From {term:year_start}, as\n          section 1.1 says.")
    assert problems(minimal) == [
        f"{S}:{line + 2}: sections[0].clauses[1] (the 2nd: two).text: 'section 1.1' is typed out; write "
        "{section:one} instead (the clause numbered 1.1 now), which the site shows as 'section 1.1' with a link "
        "and keeps right when clauses are renumbered"]


def test_a_typed_number_of_no_clause_asks_for_the_clause_meant(minimal):
    line = minimal.edit("services.yaml", "        text: From {term:year_start}.",
                        "        text: From {term:year_start}, see clause 3.2.5.")
    assert problems(minimal) == [
        f"{S}:{line}: sections[0].clauses[1] (the 2nd: two).text: 'clause 3.2.5' is typed out, and no clause is "
        "numbered 3.2.5; write {section:id} with the id of the clause meant (valid: first, one, two), which the "
        "site shows with its number and a link"]


def test_edition_notes_may_quote_the_published_copys_numbers_and_other_sections_are_not_clauses(minimal):
    minimal.edit("site.yaml", "      text: The published copy lost its clause numbers.",
                 '      text: The published copy has "see section 3.2.5" here.')
    minimal.edit("services.yaml", "        text: From {term:year_start}.",
                 "        text: From {term:year_start}, under section 149 of the Equality Act 2010.")
    load(minimal.dir)


# --- 3. schools.yaml missing or empty --------------------------------------------------------------------


def test_a_missing_schools_file_says_what_to_write(minimal):
    (minimal.dir / "schools.yaml").unlink()
    assert problems(minimal) == [
        f"{SCHOOLS}:1: the file is missing; list the schools that get a page of their own under `schools:` (see "
        "data/README.md), or write `schools: []` for no school pages"]


def test_an_empty_schools_file_says_what_to_write(minimal):
    minimal.write("schools.yaml", "# schools to come\n")
    assert problems(minimal) == [
        f"{SCHOOLS}:1: the file is empty; list the schools that get a page of their own under `schools:` (see "
        "data/README.md), or write `schools: []` for no school pages"]


# --- 4. control characters -------------------------------------------------------------------------------


@pytest.mark.parametrize("character, named", [
    ("\x0b", "U+000B, a vertical tab"),
    ("\x01", "U+0001, a control character"),
    ("\x85", "U+0085, a next-line character"),
])
def test_a_control_character_is_named_at_its_line(minimal, character, named):
    line = minimal.edit("services.yaml", "    role: Officer", f"    role: Off{character}icer")
    assert problems(minimal) == [
        f"{S}:{line}: {named}, is in this line (column 14); delete it (word processors paste such characters with "
        "copied text), and type a space or a new line if one is meant there"]


# --- 5. numbers out of range ----------------------------------------------------------------------------


def test_a_price_too_big_gives_the_valid_range(minimal):
    line = minimal.edit("prices.yaml", "{primary: 850}", "{primary: 1.0e30}")
    assert problems(minimal) == [
        f"{P}:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: a price cannot be "
        "more than 1000000 pounds (valid: 0 to 1000000, such as 850 or 850.50)"]


def test_a_number_of_five_thousand_digits_is_refused_not_converted(minimal):
    line = minimal.edit("prices.yaml", "{primary: 850}", "{primary: " + "9" * 5000 + "}")
    assert problems(minimal) == [
        f"{P}:{line}: price_lists[0].groups[0].items[0] (the 1st: Help desk).prices.primary: the number "
        "9999999999999999999… has 5000 digits, more than any value here can have (at most 15); write the number "
        "meant"]


def test_attention_days_too_many_gives_the_valid_range(minimal):
    line = minimal.edit("services.yaml", "      updates: {every: 1",
                        "      attention_working_days: 100000000\n      updates: {every: 1")
    assert problems(minimal) == [
        f"{S}:{line}: response_standards.priorities[0] (the 1st: Critical).attention_working_days: must be from 1 "
        "to 365, got the number 100000000"]


def test_a_pc_count_too_big_gives_the_valid_range(minimal):
    minimal.write("schools.yaml", A_SCHOOL)
    line = minimal.edit("schools.yaml", "    sims_pcs: 8", "    sims_pcs: 100000000")
    assert problems(minimal) == [
        f"{SCHOOLS}:{line}: schools[0] (the 1st: First Primary (fictional)).sims_pcs: must be from 0 to 10000, "
        "got the number 100000000"]


# --- 6. school names that make no good page address -------------------------------------------------------


def test_a_name_too_long_for_a_page_address(minimal):
    minimal.write("schools.yaml", A_SCHOOL.replace("First Primary (fictional)", "Long " * 65))
    assert problems(minimal) == [
        f"{SCHOOLS}:2: schools[0] (the 1st).name: the page address "
        "made from the name is 324 characters long (at most 100); add a shorter slug, e.g. slug: "
        "long-long-long-long-long"]


def test_a_school_named_index_would_replace_the_schools_index(minimal):
    minimal.write("schools.yaml", A_SCHOOL.replace("First Primary (fictional)", "Index"))
    assert problems(minimal) == [
        f"{SCHOOLS}:2: schools[0] (the 1st).name: page address schools/index/ cannot be used: it is the "
        "address of the schools index (Find your school), which the school's page would replace; add a slug, "
        "e.g. slug: index-school"]


def test_a_slug_windows_reserves(minimal):
    minimal.write("schools.yaml", A_SCHOOL + "    slug: con\n")
    assert problems(minimal) == [
        f"{SCHOOLS}:7: schools[0] (the 1st: First Primary (fictional)).slug: page address schools/con/ cannot be "
        "used: CON is a name Windows reserves, so the site could not be copied to a Windows computer; give a "
        "different slug, e.g. slug: con-school"]


def test_letters_with_accents_keep_their_plain_letter_in_the_address():
    school = School(name="École Sainte-Thérèse", school_type="primary", tier="core", yhgfl=False, sims_pcs=1)
    assert school_slug(school) == "ecole-sainte-therese"


# --- 7. the deadline calculator's years --------------------------------------------------------------------


def test_a_deadline_in_a_year_the_calculator_cannot_count_in(minimal, capsys):
    code = main(["deadline", "--raised", "9999-12-31 16:45", "--priority", "1", "--data-dir", str(minimal.dir)])
    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", "error: choose a day from Monday 1 January 1872 to Friday 31 December 2100: "
                                       "the bank holidays of those days only are known here\n")


# --- 8. a file far too big; too many problems; long values --------------------------------------------------


def test_a_file_over_2_mb_is_refused_before_it_is_read(minimal):
    with (minimal.dir / "site.yaml").open("r+b") as file:
        file.truncate(50_000_000)
    assert problems(minimal) == [
        "data/site.yaml:1: the file is 50.0 MB, more than a data file can be (at most 2 MB); check that it is the "
        "right file: the data files are a few hundred KB"]


def test_at_most_50_problems_are_listed():
    error = DataError([Problem("data/schools.yaml", line, "", "wrong") for line in range(1, 61)])
    report = error.report().splitlines()
    assert (len(report), report[0], report[50], report[51]) == (
        52, "60 problems in the data files; nothing was built:", "data/schools.yaml:50: wrong",
        "... and 10 more problems")


def test_a_long_value_is_shortened_in_the_message(minimal):
    line = minimal.edit("services.yaml", "    email: alex@example.org", "    email: " + "x" * 200)
    assert problems(minimal) == [
        f"{S}:{line}: contacts[0] (the 1st: alex).email: '{'x' * 59}…' is not valid (valid: an e-mail address, "
        "e.g. name@calderdale.gov.uk)"]


# --- 9. a removed tier still used in the matrix --------------------------------------------------------------


def test_a_tier_still_used_in_the_matrix_is_one_problem(minimal):
    first = minimal.edit("services.yaml", "codes: {core: Y, gold: Y}", "codes: {core: Y, gold: Y, platinum: Y}")
    second = minimal.edit("services.yaml", "codes: {core: N, gold: Y}", "codes: {core: N, gold: Y, platinum: N}")
    assert problems(minimal) == [
        f"{S}:{first}: matrices[0].groups[0].rows[0] (the 1st: First service).codes.platinum: unknown tier "
        f"'platinum' for phase primary (valid: core, gold) in 2 rows of the matrix (lines {first}, {second}); "
        "remove `platinum` from these 2 rows, or add the tier back to phase primary"]


# --- 10. a quote inside quotes; a capitalised school type; a deleted clause's references ---------------------


def test_a_quote_inside_single_quotes(minimal):
    minimal.write("schools.yaml", A_SCHOOL.replace("First Primary (fictional)", "'St Mary's School'"))
    assert problems(minimal) == [
        f"{SCHOOLS}:2: the ' inside the quoted text 'St Mary's School' ends it early; write it twice "
        "('St Mary''s School'), or put the text in double quotes (\"St Mary's School\")"]


def test_a_quote_inside_double_quotes(minimal):
    line = minimal.edit("services.yaml", "    role: Officer", '    role: "The "lead" officer"')
    assert problems(minimal) == [
        f'{S}:{line}: the " inside the quoted text "The "lead" officer" ends it early; write it as \\" '
        '("The \\"lead\\" officer"), or put the text in single quotes (\'The "lead" officer\')']


def test_a_capitalised_school_type_is_told_the_valid_ones(minimal):
    minimal.write("schools.yaml", A_SCHOOL)
    line = minimal.edit("schools.yaml", "    school_type: primary", "    school_type: Primary")
    assert problems(minimal) == [
        f"{SCHOOLS}:{line}: schools[0] (the 1st: First Primary (fictional)).school_type: 'Primary' is not a school "
        "type (valid: primary); write it in lower case, 'primary'"]


def test_a_deleted_clauses_reference_is_reported_at_its_line(minimal):
    minimal.edit("services.yaml", "      - id: two\n", "      - id: second\n")
    line = minimal.edit("services.yaml", "        text: See {section:two}.",
                        "        text: >-\n          See the clause\n          below,\n          {section:two}.")
    assert problems(minimal) == [
        f"{S}:{line + 3}: sections[0].clauses[0] (the 1st: one).text: in '{{section:two}}': unknown clause id "
        "'two' (valid: first, one, second)"]


# --- 11. no traceback, whatever the data ------------------------------------------------------------------


def test_an_error_no_check_foresaw_is_one_problem_naming_the_data(minimal, capsys, monkeypatch):
    def broken(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("macros.sla.load.find_problems", broken)
    assert check(capsys, minimal.dir) == (1, (
        "1 problem in the data files; nothing was built:\n"
        "data/:1: cannot be read (RecursionError: maximum recursion depth exceeded); undo your last change to it "
        "and run `make check` again, or ask for help with this message\n"))


def test_an_error_no_check_foresaw_in_a_file_names_the_file(minimal, monkeypatch):
    def broken(*args: object) -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr("macros.sla.models.Prices.model_validate", broken)
    assert problems(minimal) == [
        f"{P}:1: cannot be read (MemoryError: out of memory); undo your last change to it and run `make check` "
        "again, or ask for help with this message"]
