"""Phones and paper, without building: the short title of data/site.yaml (`short_title`), the line at the top of
every printed page (sla/printed.py), and the copy of Material's header partial that shows the short title.

Built: tests/test_print_phone_build.py; in Chromium: tests/test_browser_print.py."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import material
import pytest

from conftest import EDITION
from macros.sla.load import load
from macros.sla.printed import print_header
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"
HEADER = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "header.html"


def with_short_title(files, line: str) -> int:
    """Give the minimal data's site.yaml the line `line` after `owner:`; return its line number."""
    return files.edit("site.yaml", "owner: Test Council\n", f"owner: Test Council\n{line}\n") + 1


# --- the short title -------------------------------------------------------------


def test_the_edition_has_a_short_title():
    assert load(EDITION).site.short_title == "ICT services for schools"


@pytest.mark.parametrize("line, expected", [
    ("short_title: ICT for schools", "ICT for schools"),
    ("short_title: '  ICT   for schools '", "ICT for schools"),  # spaces as the header shows them
    ("short_title: Twenty-six characters, yes", "Twenty-six characters, yes"),
])
def test_a_short_title_is_read_as_written(minimal, line, expected):
    with_short_title(minimal, line)
    assert load(minimal.dir).site.short_title == expected


@pytest.mark.parametrize("line", ["", "short_title:", 'short_title: ""', "short_title: '  '"])
def test_the_short_title_may_be_left_out(minimal, line):
    if line:
        with_short_title(minimal, line)
    assert load(minimal.dir).site.short_title is None


def test_a_short_title_too_long_for_a_phone_says_how_long_it_may_be(minimal):
    line = with_short_title(minimal, "short_title: ICT and information management services")
    assert problems(minimal) == [
        f"{SITE}:{line}: short_title: 'ICT and information management services' is 39 characters long: at most 26 "
        "fit the header of a phone (valid: a few words, e.g. 'ICT services for schools')"]


def test_a_short_title_that_is_not_text_is_refused(minimal):
    line = with_short_title(minimal, "short_title: [ICT, services]")
    assert problems(minimal) == [
        f"{SITE}:{line}: short_title: expected a few words, e.g. 'ICT services for schools'"]


# --- the line at the top of every printed page --------------------------------------


def test_the_print_header_names_the_council_the_title_the_year_and_the_day_built():
    header = print_header(load(EDITION), datetime.date(2026, 12, 7))
    assert header == ('<p class="print-header">Calderdale Metropolitan Borough Council: Traded services: ICT and '
                      'information management. For the financial year 2008/09. Site built on 7 December 2026. '
                      '<span data-print-date></span></p>')


def test_the_print_header_escapes_the_data(minimal):
    minimal.edit("services.yaml", "title: Test specification\n", "title: <b>Bold</b> & co\n")
    header = print_header(load(minimal.dir), datetime.date(2009, 4, 1))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; " in header and "<b>" not in header
    assert "Site built on 1 April 2009." in header


# --- the copy of Material's header ---------------------------------------------------


def test_the_header_is_materials_but_for_the_sites_name():
    """A new Material that changes its header shows here, not as a header that silently stays as it was. Ours
    differs in the site's name and in leaving out the palette script when there is no palette."""
    ours = HEADER.read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, flags=re.S)  # our note at the top, for Material's
    ours = re.sub(r"\n *\{#- site's name: begin -#\}.*\{#- site's name: end -#\}",
                  "\n            {{ config.site_name }}", ours, flags=re.S)
    ours = re.sub(r"\n *\{#- palette script: begin -#\}.*\{#- palette script: end -#\}",
                  "\n    {% if not config.theme.palette is mapping %}\n"
                  "      {% include \"partials/javascripts/palette.html\" %}\n    {% endif %}", ours, flags=re.S)
    theirs = re.sub(r"\A\{#-.*?-#\}\n", "", theirs, flags=re.S)
    assert ours == theirs
