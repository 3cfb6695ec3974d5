"""The stylesheet as readers' browsers get it (macros/stylesheet.py): the same rules in fewer bytes."""

from __future__ import annotations

import pytest

from macros.stylesheet import minify

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("written, served", [
    ("/* why */\n.a {\n  color: red;\n}\n", ".a{color: red;}\n"),
    (".a > .b,\n.c  .d { margin: 0 0.2rem; }", ".a>.b, .c .d{margin: 0 0.2rem;}\n"),
    # a custom property's value is kept as written, the spaces after its commas too
    (":root {\n  --grey: rgba(0, 0, 0, 0.66);\n}", ":root{--grey: rgba(0, 0, 0, 0.66);}\n"),
    # a space between selectors is a combinator, and one around a colon can be part of a selector: both stay
    (".md-typeset :target { x: 1 }", ".md-typeset :target{x: 1}\n"),
    # quoted text is kept whole: what looks like a comment or punctuation inside it is the text
    ('td::before { content: attr(data-label) ":  /* not a comment */ , ; { " / ""; }',
     'td::before{content: attr(data-label) ":  /* not a comment */ , ; { " / "";}\n'),
    (".a::after { content: 'it\\'s ,  here'; }", ".a::after{content: 'it\\'s ,  here';}\n"),
    ("@media screen and (max-width: 37.5em) {\n  .a { b: calc(100% - 2rem); }\n}",
     "@media screen and (max-width: 37.5em){.a{b: calc(100% - 2rem);}}\n"),
], ids=["comment and layout", "combinators", "custom property", "descendant of a pseudo-class", "double quotes",
        "single quotes", "media query and calc"])
def test_minify_keeps_the_rules_and_drops_the_rest(written, served):
    assert minify(written) == served


def test_minify_of_minified_text_changes_nothing():
    once = minify("/* a */ .a , .b > .c { color : red ; }\n\n.d{}")
    assert once == ".a , .b>.c{color : red;}.d{}\n"
    assert minify(once) == once
