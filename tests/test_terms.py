"""The first use of each word of the glossary on a page, explained in place (terms.py): the HTML is typed out."""

from __future__ import annotations

import pytest

from macros.sla.models import GlossaryTerm
from macros.sla.terms import explain_terms, glossary_terms

pytestmark = pytest.mark.unit

YHGFL = GlossaryTerm(term="YHGFL", expansion="Yorkshire and Humber Grid for Learning", also=["YHGfL"],
                     meaning=["m"])
SIMS = GlossaryTerm(term="SIMS", expansion="Schools Information Management System",
                    short="the schools' management information software", meaning=["m"])
GM = GlossaryTerm(term="formerly grant maintained", short="funded directly by government until 1999",
                  also=["former grant maintained"], meaning=["m"])
PLUS = GlossaryTerm(term="Platinum+", short="the fourth primary tier", meaning=["m"])
KS = GlossaryTerm(term="KS data", expansion="Key Stage data", meaning=["m"])
AMP = GlossaryTerm(term="R&D", expansion="Research & development", meaning=["m"])


SIMS_SAID = "the schools&#39; management information software"
GM_SAID = "funded directly by government until 1999"


def explained(page: str, *entries: GlossaryTerm) -> str:
    return explain_terms(page, glossary_terms(list(entries)), lambda entry: f"../glossary/#{entry.anchor}")


def said(word: str, anchor: str, words: str) -> str:
    return f'{word}<span class="term-explained"> (<a href="../glossary/#{anchor}">{words}</a>)</span>'


@pytest.mark.parametrize("page, expected", [
    # the first use only, of each word
    ("<p>A YHGFL school. Another YHGFL school.</p>",
     f"<p>A {said('YHGFL', 'term-yhgfl', 'Yorkshire and Humber Grid for Learning')} school. Another YHGFL "
     "school.</p>"),
    # `short` before the expansion; words that are no abbreviation in any case; other ways of writing the word
    ("<p>SIMS and Primary schools Formerly Grant Maintained</p>",
     f"<p>{said('SIMS', 'term-sims', 'the schools&#39; management information software')} and Primary schools "
     f"{said('Formerly Grant Maintained', 'term-formerly-grant-maintained', GM_SAID)}"
     "</p>"),
    ("<li>Internet access provided by YHGfL (outside YHGfL)</li>",
     f"<li>Internet access provided by {said('YHGfL', 'term-yhgfl', 'Yorkshire and Humber Grid for Learning')} "
     "(outside YHGfL)</li>"),
    # a whole word only; an abbreviation in capitals only
    ("<p>SIMS.net, sims and SIMSS; then SIMS</p>",
     f"<p>SIMS.net, sims and SIMSS; then {said('SIMS', 'term-sims', SIMS_SAID)}"
     "</p>"),
    ("<p>Platinum and Platinum+.</p>",
     f"<p>Platinum and {said('Platinum+', 'term-platinum-plus', 'the fourth primary tier')}.</p>"),
    # never in a heading, a link, code, a label, a script, a style, the title or an attribute
    ('<h2 id="yhgfl">YHGFL</h2><a href="x">YHGFL</a><code>YHGFL</code><label>YHGFL</label><legend>YHGFL</legend>'
     '<script>var a = "<b>YHGFL</b>";</script><style>/* YHGFL */</style><title>YHGFL</title>'
     '<p data-label="YHGFL" title="YHGFL">A YHGFL school</p>',
     '<h2 id="yhgfl">YHGFL</h2><a href="x">YHGFL</a><code>YHGFL</code><label>YHGFL</label><legend>YHGFL</legend>'
     '<script>var a = "<b>YHGFL</b>";</script><style>/* YHGFL */</style><title>YHGFL</title>'
     f'<p data-label="YHGFL" title="YHGFL">A {said("YHGFL", "term-yhgfl", "Yorkshire and Humber Grid for Learning")}'
     ' school</p>'),
    # never in a live region (a script rewrites it), a form, an entitlement's label, a table's caption (its name) or
    # the header of a column or a group of rows; a row's header is read
    ('<p role="status">SIMS</p><div aria-live="polite"><div>SIMS</div> SIMS</div><form><p>SIMS</p></form>'
     '<span class="status status-yhgfl-only">SIMS</span><table><caption>SIMS prices</caption>'
     '<tr><th scope="col">SIMS</th></tr>'
     '<tr><th scope="rowgroup" colspan="2">SIMS: support</th></tr><tr><th scope="row">SIMS</th></tr></table>',
     '<p role="status">SIMS</p><div aria-live="polite"><div>SIMS</div> SIMS</div><form><p>SIMS</p></form>'
     '<span class="status status-yhgfl-only">SIMS</span><table><caption>SIMS prices</caption>'
     '<tr><th scope="col">SIMS</th></tr>'
     '<tr><th scope="rowgroup" colspan="2">SIMS: support</th></tr>'
     f'<tr><th scope="row">{said("SIMS", "term-sims", SIMS_SAID)}</th></tr></table>'),
    # inside an element inside a skipped one, and after it
    ("<h3>KS data <span>KS data</span></h3><p><strong>KS data</strong></p>",
     f"<h3>KS data <span>KS data</span></h3><p><strong>{said('KS data', 'term-ks-data', 'Key Stage data')}</strong>"
     "</p>"),
    # never inside quotation marks, even across a link; a quotation ends with its block
    ("<p>\u201cSupport for electronic collection of KS data\u201d and KS data</p>",
     f"<p>\u201cSupport for electronic collection of KS data\u201d and "
     f"{said('KS data', 'term-ks-data', 'Key Stage data')}</p>"),
    ('<p>&#34;See <a href="#s">section 3</a> for KS data&#34;</p><p>"KS data</p><li>KS data</li>',
     f'<p>&#34;See <a href="#s">section 3</a> for KS data&#34;</p><p>"KS data</p><li>'
     f"{said('KS data', 'term-ks-data', 'Key Stage data')}</li>"),
    # already expanded in place: the word leads to its entry
    ("<th>Yorkshire and Humber Grid for Learning (YHGFL)</th>",
     '<th>Yorkshire and Humber Grid for Learning (<a class="term-link" href="../glossary/#term-yhgfl">YHGFL</a>)'
     "</th>"),
    # escaped text stays escaped; two words in one text, in the order they come
    ("<p>R&amp;D &lt;b&gt; then KS data and SIMS</p>",
     f"<p>{said('R&amp;D', 'term-r-d', 'Research &amp; development')} &lt;b&gt; then "
     f"{said('KS data', 'term-ks-data', 'Key Stage data')} and "
     f"{said('SIMS', 'term-sims', 'the schools&#39; management information software')}</p>"),
    # attributes in capitals are read as in lower case
    ('<P ROLE="STATUS">SIMS</P><TH SCOPE=COL>SIMS</TH><p>SIMS</p>',
     f'<P ROLE="STATUS">SIMS</P><TH SCOPE=COL>SIMS</TH><p>{said("SIMS", "term-sims", SIMS_SAID)}</p>'),
    # once every word on the page is explained, the rest of the page is left exactly as it is
    ("<p>SIMS</p>\n<table><tr><td>SIMS &amp; Grid</td></tr></table><p>tail <b>bold</b><!-- SIMS --></p>",
     f"<p>{said('SIMS', 'term-sims', SIMS_SAID)}</p>\n"
     "<table><tr><td>SIMS &amp; Grid</td></tr></table><p>tail <b>bold</b><!-- SIMS --></p>"),
    # a word seen first in an attribute and a heading, and then in text; after letters whose lower case is longer
    ('<p title="SIMS">\u0130\u0130\u0130\u0130</p><h2>SIMS</h2><p>SIMS</p>',
     f'<p title="SIMS">\u0130\u0130\u0130\u0130</p><h2>SIMS</h2><p>{said("SIMS", "term-sims", SIMS_SAID)}</p>'),
    # a page without the words is left exactly as it was
    ("<p>Nothing <br/> to <img src='a>b'> explain</p><!-- YHGFL -->",
     "<p>Nothing <br/> to <img src='a>b'> explain</p><!-- YHGFL -->"),
])
def test_the_first_use_of_each_word_is_explained_in_place(page, expected):
    assert explained(page, YHGFL, SIMS, GM, PLUS, KS, AMP) == expected


def test_no_words_no_change():
    page = "<p>YHGFL</p>"
    assert explain_terms(page, [], lambda entry: "") == page
