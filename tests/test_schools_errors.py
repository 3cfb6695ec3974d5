"""data/schools.yaml: required (`schools: []` for no school pages), and checked like the other files, each problem
at its line."""

from __future__ import annotations

import pytest

from macros.sla.load import load
from test_data_errors import problems

F = "data/schools.yaml"

pytestmark = pytest.mark.unit
GOOD = """\
schools:
  - name: First Primary (fictional)
    school_type: primary
    tier: gold
    yhgfl: true
    sims_pcs: 8
  - name: Second Primary (fictional)
    school_type: primary
    tier: core
    yhgfl: false
    sims_pcs: 12
"""


def test_no_school_pages_is_written_as_an_empty_list(minimal):
    minimal.write("schools.yaml", "schools: []\n")
    assert load(minimal.dir).schools == []


def test_a_good_file_loads(minimal):
    minimal.write("schools.yaml", GOOD)
    schools = load(minimal.dir).schools
    assert [(s.name, s.tier, s.yhgfl, s.sims_pcs) for s in schools] == [
        ("First Primary (fictional)", "gold", True, 8), ("Second Primary (fictional)", "core", False, 12)]


def test_unknown_school_type(minimal):
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    school_type: primary\n    tier: core",
                        "    school_type: infant\n    tier: core")
    assert problems(minimal) == [f"{F}:{line}: schools[1] (the 2nd: Second Primary (fictional)).school_type: "
                                 "unknown school type 'infant' (valid: primary)"]


def test_tier_of_another_phase(minimal):
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    tier: gold", "    tier: silver")
    assert problems(minimal) == [f"{F}:{line}: schools[0] (the 1st: First Primary (fictional)).tier: "
                                 "unknown tier 'silver' for phase primary "
                                 "(valid: core, gold)"]


def test_two_schools_with_the_same_page_address(minimal):
    minimal.write("schools.yaml", GOOD.replace("Second Primary (fictional)", "'First Primary - fictional!'"))
    line = minimal.text("schools.yaml").splitlines().index("  - name: 'First Primary - fictional!'") + 1
    assert problems(minimal) == [
        f"{F}:{line}: schools[1] (the 2nd).name: "
        "page address schools/first-primary-fictional/ is already used by the school "
        "at line 2; give one of them a different slug"]


def test_a_slug_that_would_leave_the_schools_folder(minimal):
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    tier: gold\n", "    tier: gold\n    slug: ../../index\n")
    assert problems(minimal) == [
        f"{F}:{line + 1}: schools[0] (the 1st: First Primary (fictional)).slug: '../../index' is not valid "
        "(valid: lower-case letters, digits and single hyphens, e.g. platinum-plus)"]


def test_a_name_that_makes_no_address(minimal):
    minimal.write("schools.yaml", GOOD.replace("Second Primary (fictional)", "'../../'"))
    line = minimal.text("schools.yaml").splitlines().index("  - name: '../../'") + 1
    assert problems(minimal) == [
        f"{F}:{line}: schools[1] (the 2nd).name: the name has no letters or digits to make a page address from; "
        "add a slug (lower-case letters, digits and hyphens)"]


def test_path_characters_in_a_name_are_dropped_from_its_address(minimal):
    minimal.write("schools.yaml", GOOD.replace("Second Primary (fictional)", "../Second/../Primary"))
    from macros.sla.checks import school_slug

    assert school_slug(load(minimal.dir).schools[1]) == "second-primary"


def test_yhgfl_must_be_true_or_false(minimal):
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    yhgfl: true", "    yhgfl: yes")
    assert problems(minimal) == [
        f"{F}:{line}: schools[0] (the 1st: First Primary (fictional)).yhgfl: expected true or false, got 'yes'"]


def test_pc_count_must_be_a_whole_number_not_negative(minimal):
    minimal.write("schools.yaml", GOOD)
    first = minimal.edit("schools.yaml", "    sims_pcs: 8", "    sims_pcs: -1")
    second = minimal.edit("schools.yaml", "    sims_pcs: 12", "    sims_pcs: twelve")
    assert problems(minimal) == [
        f"{F}:{first}: schools[0] (the 1st: First Primary (fictional)).sims_pcs: "
        "must be from 0 to 10000, got the number -1",
        f"{F}:{second}: schools[1] (the 2nd: Second Primary (fictional)).sims_pcs: "
        "expected a whole number, got 'twelve'"]


def test_unknown_key_and_missing_key(minimal):
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    sims_pcs: 8\n", "    pcs: 8\n")
    assert problems(minimal) == [
        f"{F}:{line - 4}: schools[0] (the 1st: First Primary (fictional)): missing required key 'sims_pcs'",
        f"{F}:{line}: schools[0] (the 1st: First Primary (fictional)): unknown key 'pcs' "
        "(valid: name, slug, school_type, tier, yhgfl, sims_pcs)"]


def test_the_old_name_of_the_pc_count_is_named_once_with_the_new_one(minimal):
    """Until 2026/27 the key was admin_pcs and counted PCs on the administration network; Gold's text counts PCs or
    laptops with access to SIMS throughout the school. One message, on the line, naming the new key."""
    minimal.write("schools.yaml", GOOD)
    line = minimal.edit("schools.yaml", "    sims_pcs: 8\n", "    admin_pcs: 8\n")
    assert problems(minimal) == [
        f"{F}:{line}: schools[0] (the 1st: First Primary (fictional)): 'admin_pcs' is now called 'sims_pcs': rename "
        "the key (the number counts PCs or laptops with access to SIMS throughout the school, not only those on the "
        "administration network)"]


def test_an_empty_schools_file_is_an_error_not_silence(minimal):
    minimal.write("schools.yaml", "")
    assert problems(minimal) == [f"{F}:1: the file is empty; list the schools that get a page of their own under "
                                 "`schools:` (see data/README.md), or write `schools: []` for no school pages"]
