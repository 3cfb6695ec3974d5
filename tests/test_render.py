"""The renderer on its own, without MkDocs: escaping, placeholders, numbering, money."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from macros.sla.load import load
from macros.sla.render import Renderer, markdown_text, money

pytestmark = pytest.mark.unit

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
    # Core is shown by no clause, so its name is not a link; Gold is (clause 1.2).
    assert renderer.tier("primary", "gold") == (
        '<p><strong>Cost by school type:</strong></p>\n'
        '<ul class="availability">\n<li>Primary schools: available at additional cost</li>\n</ul>\n'
        '<p><strong>Services include everything in Core, plus:</strong></p>\n'
        '<ul>\n<li>a gold service</li>\n</ul>')


def test_a_tier_that_a_clause_shows_is_a_link_where_another_builds_on_it(minimal):
    minimal.edit("services.yaml", "        text: See {section:two}.\n",
                 "        text: See {section:two}.\n        show: tier:primary/core\n")
    renderer = Renderer(load(minimal.dir), href=lambda section, anchor: f"/{section}/#{anchor}")
    assert ('<p><strong>Services include everything in <a href="/specification/first/#one">Core</a>, plus:</strong></p>'
            in renderer.tier("primary", "gold"))


def test_matrix_cells_carry_their_meaning(renderer):
    html = renderer.matrix("primary")
    # Each cell carries its column's name for the phone layout (site.css shows it before the cell).
    # Its rows are grouped: each cell names its column's, group's and row's header cells (ids unique on the page).
    assert ('<td headers="inclusions-primary__col2 inclusions-primary__group1 inclusions-primary__row2" '
            'data-label="Core">N<span class="visually-hidden"> (not included)</span></td>') in html
    assert '<th scope="col" id="inclusions-primary__col2">Core</th>' in html
    # Each row, and each group's row, carries its anchor; the table is in the page once.
    assert ('<tr class="group-row" id="inclusions--group-one"><th scope="rowgroup" colspan="3" '
            'id="inclusions-primary__group1">Group one</th></tr>') in html
    assert ('<tr id="inclusions--group-one--second-service"><th scope="row" id="inclusions-primary__row2">'
            'Second service</th>') in html
    assert html.count("<table") == 1 and "<details" not in html and "<h" not in html


def test_a_copy_of_a_table_leaves_the_anchors_to_the_specification(renderer):
    html = renderer.response_standards(anchors=False)
    assert '<tr><th scope="row">1. ' in html and ' id="priority-' not in html
    assert '<tr id="priority-1"><th scope="row">1. ' in renderer.response_standards()


def test_prices_not_offered_and_to_be_notified(renderer, minimal):
    html = renderer.price_list(renderer.catalog.price_list("top-up"))
    assert "<caption>Top-up prices 2008/09</caption>" in html
    assert '<td headers="top-up__col2 top-up__group1 top-up__row1" data-label="Primary schools">£850</td>' in html
    assert str(renderer.package_prices()) == "<p>To be notified.</p>"


def captions(html: str) -> list[str]:
    return [caption.get_text() for caption in BeautifulSoup(html, "html.parser").find_all("caption")]


def test_every_block_the_data_may_name_can_be_rendered(renderer):
    from macros.sla.checks import SIMPLE_BLOCKS

    # A new kind of block fails here until it is added below.
    assert SIMPLE_BLOCKS == ("escalation", "service-levels", "response-standards", "supported-software",
                             "package-prices", "service-prices", "deadline-calculator")
    escalation = BeautifulSoup(renderer.block("escalation", level=3), "html.parser")
    assert [li.p.get_text() for li in escalation.select("ol.escalation > li")] == ["First contact:"]
    assert [card.strong.get_text() for card in escalation.select(".contact-card")] == ["Alex Example"]
    assert captions(renderer.block("service-levels", level=3)) == ["Service levels by school type"]
    assert captions(renderer.block("response-standards", level=3)) == ["ICT Support Response Standards Summary"]
    assert captions(renderer.block("supported-software", level=3)) == ["Software"]
    assert renderer.block("deadline-calculator", level=3) == (  # the calculator has a page of its own
        '<p class="response-times-link"><a href="/response-times/">When will you respond? Work out the date for a '
        'call</a></p>')
    assert renderer.block("package-prices", level=3) == "<p>To be notified.</p>"
    assert renderer.block("service-prices", level=3) == "<p>To be notified.</p>"
    contact = BeautifulSoup(renderer.block("contact:alex", level=3), "html.parser")
    assert [card.strong.get_text() for card in contact.select(".contact-card")] == ["Alex Example"]
    tier = BeautifulSoup(renderer.block("tier:primary/gold", level=3), "html.parser")
    assert [p.get_text() for p in tier.find_all("p")] == [
        "Cost by school type:", "Services include everything in Core, plus:"]
    offer = renderer.block("offer:top-up", level=3)
    assert offer.startswith("<p><strong>Services include:</strong></p>\n")
    assert captions(offer) == ["Top-up prices 2008/09"]
    assert captions(renderer.block("price-list:top-up", level=3)) == ["Top-up prices 2008/09"]


# --- contacts: the telephone number as a tel: link ---------------------------


def test_contact_card(renderer):
    assert renderer.contact("alex") == (
        '<div class="contact-card">\n'
        "<p><strong>Alex Example</strong>, Officer</p>\n"
        "<p class=\"contact-address\"><span>1 Test Street</span></p>\n"
        "<ul>\n"
        '<li>E-mail: <a href="mailto:alex@example.org">alex@example.org</a></li>\n'
        '<li>Telephone: <a href="tel:+441000000001">01000 000001</a></li>\n'
        "</ul>\n"
        "</div>")


@pytest.mark.parametrize("written, uri", [
    ("01422 392569", "tel:+441422392569"),
    ("(01422) 392569", "tel:+441422392569"),
    ("(01422) 392 569", "tel:+441422392569"),
    ("01422-392569", "tel:+441422392569"),
    ("+44 1422 392569", "tel:+441422392569"),
    ("+44 (0)1422 392569", "tel:+441422392569"),
])
def test_telephone_link_is_the_international_number(minimal, written, uri):
    minimal.edit("services.yaml", "telephone: 01000 000001", f'telephone: "{written}"')
    card = BeautifulSoup(Renderer(load(minimal.dir), href=lambda section, anchor: "#").contact("alex"), "html.parser")
    [link] = card.select("a[href^='tel:']")
    assert (link["href"], link.get_text()) == (uri, written)
