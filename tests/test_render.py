"""The renderer on its own, without MkDocs: escaping, placeholders, numbering, money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from macros.sla.load import load
from macros.sla.render import Renderer, markdown_text, money


@pytest.fixture
def renderer(minimal):
    return Renderer(load(minimal.dir), href=lambda section, anchor: f"/{section}/" + (f"#{anchor}" if anchor else ""))


def test_prose_escapes_text_and_fills_in_placeholders(renderer):
    html = renderer.prose("<b>Bold</b> & co: see {section:two}, from {term:year_start}, "
                          "{tier:primary/gold} by {provider:council}")
    assert html == ('&lt;b&gt;Bold&lt;/b&gt; &amp; co: see <a href="/specification/first/#two">section 1.2</a>, '
                    "from 1 April, Gold by Test Council")


def test_a_reference_to_a_section_links_to_its_page(renderer):
    assert renderer.prose("{section:first}") == '<a href="/specification/first/">section 1</a>'


def test_placeholder_values_are_escaped_too(minimal):
    minimal.edit("services.yaml", "  year_start: 1 April", "  year_start: <i>1 April</i>")
    renderer = Renderer(load(minimal.dir), href=lambda section, anchor: "#")
    assert renderer.prose("{term:year_start}") == "&lt;i&gt;1 April&lt;/i&gt;"


def test_plain_text_for_attributes(renderer):
    assert renderer.plain("See {section:two}") == "See section 1.2"


def test_markdown_text_cannot_make_markup():
    assert markdown_text("*a* _b_ [c](d) <e> # {f} !g") == r"\*a\* \_b\_ \[c\]\(d\) &lt;e&gt; \# \{f\} \!g"


@pytest.mark.parametrize("amount, shown", [("850", "£850"), ("1090", "£1,090"), ("8.5", "£8.50"),
                                           ("0", "£0"), ("12345.67", "£12,345.67")])
def test_money(amount, shown):
    assert money(Decimal(amount).quantize(Decimal("0.01"))) == shown


def test_section_page_numbers_clauses_and_titles_tier_clauses(renderer):
    page = renderer.section("first")
    assert page.startswith('# <span class="clause-number">1</span> First section {#first}')
    assert '## <span class="clause-number">1.2</span> Gold Service – Primary schools {#two}' in page
    assert ('<div class="clause" id="one">\n<p><span class="clause-number">1.1</span> See '
            '<a href="/specification/first/#two">section 1.2</a>.</p>') in page


def test_tier_block_says_cost_and_what_it_builds_on(renderer):
    html = renderer.tier("primary", "gold")
    assert "<li>Primary schools: available at additional cost</li>" in html
    assert 'Services include everything in <a href="/first/#two">Core</a>' not in html  # Core has no clause
    assert "Services include everything in Core, plus:" in html
    assert "<li>a gold service</li>" in html


def test_matrix_cells_carry_their_meaning(renderer):
    html = renderer.matrix("primary", level=3)
    assert '<td>N<span class="visually-hidden"> (not included)</span></td>' in html
    assert "<li>Core: not included (N)</li>" in html
    assert '<h3 id="inclusions--group-one">Group one</h3>' in html
    assert '<h4 id="inclusions--group-one--second-service">Second service – Group one</h4>' in html


def test_prices_not_offered_and_to_be_notified(renderer, minimal):
    html = renderer.price_list(renderer.catalog.price_list("top-up"), level=3)
    assert "<caption>Top-up prices 2008/09</caption>" in html
    assert "<td>£850</td>" in html
    assert str(renderer.package_prices(level=3)) == "<p>To be notified.</p>"


def test_every_block_the_data_may_name_can_be_rendered(renderer):
    from macros.sla.checks import SIMPLE_BLOCKS

    for kind in SIMPLE_BLOCKS:
        assert renderer.block(kind, level=3), kind
    assert "Alex Example" in renderer.block("contact:alex", level=3)
    assert "a gold service" in renderer.block("tier:primary/gold", level=3)
    assert "Help desk" in renderer.block("offer:top-up", level=3)
    assert "Help desk" in renderer.block("price-list:top-up", level=3)
