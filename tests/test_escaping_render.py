"""No value in the data can put markup into a page, checked on the renderer alone: table captions and the
`aria-label` of their scrolling regions (an attribute, where a `"` would end the value), and Markdown's
attribute lists. The same on a whole built site: test_escaping.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.sla.load import load
from macros.sla.pages import Pages
from macros.sla.problems import DataError
from macros.sla.render import Renderer

pytestmark = pytest.mark.unit

HOSTILE = '<script>alert(1)</script> " onmouseover="x'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &#34; onmouseover=&#34;x"


@pytest.fixture
def hostile(minimal) -> Renderer:
    """The minimal data with HOSTILE in the titles of the matrix, the supported software and the price list."""
    minimal.edit("services.yaml", "    title: Matrix\n", f"    title: 'Matrix {HOSTILE}'\n")
    minimal.edit("services.yaml", "  title: Software\n", f"  title: 'Software {HOSTILE}'\n")
    minimal.edit("prices.yaml", "    title: Top-up prices\n", f"    title: 'Top-up prices {HOSTILE}'\n")
    return Pages(load(minimal.dir), href=lambda section, anchor: "#")


def regions(html: str) -> list[tuple[str, str]]:
    """(aria-label of the region, its table's caption) for every table, as a browser reads them."""
    soup = BeautifulSoup(html, "html.parser")
    # The only scripts are data blocks (the response-time calculator's), which no browser runs.
    assert [script for script in soup.find_all("script") if script.get("type") != "application/json"] == []
    assert [element.name for element in soup.find_all(True) if "onmouseover" in element.attrs] == []
    return [(region["aria-label"], region.table.caption.get_text()) for region in soup.select("div[role=region]")]


def test_matrix_title_in_caption_and_label(hostile):
    html = hostile.matrix("primary")
    assert f'<div class="table-wrap" role="region" aria-label="Matrix {ESCAPED}" tabindex="0">' in html
    assert f"<caption>Matrix {ESCAPED}</caption>" in html
    assert regions(html) == [(f"Matrix {HOSTILE}", f"Matrix {HOSTILE}")]


def test_supported_software_title_in_caption_and_label(hostile):
    html = hostile.supported_software()
    assert f'aria-label="Software {ESCAPED}"' in html
    assert f"<caption>Software {ESCAPED}</caption>" in html
    assert regions(html) == [(f"Software {HOSTILE}", f"Software {HOSTILE}")]


def test_price_list_title_in_caption_and_label(hostile):
    html = hostile.price_list(hostile.catalog.price_list("top-up"))
    assert f'aria-label="Top-up prices {ESCAPED} 2008/09"' in html
    assert f"<caption>Top-up prices {ESCAPED} 2008/09</caption>" in html
    assert regions(html) == [(f"Top-up prices {HOSTILE} 2008/09", f"Top-up prices {HOSTILE} 2008/09")]


def test_the_tables_of_the_type_page_and_a_tier_page_keep_titles_as_text(hostile):
    assert regions(hostile.entitlement_page("primary")) == [
        ("The tiers for Primary schools", "The tiers for primary schools"),           # the way in
        (f"Top-up prices {HOSTILE} 2008/09", f"Top-up prices {HOSTILE} 2008/09"),  # available to every school
        ("ICT Support Response Standards Summary", "ICT Support Response Standards Summary"),
    ]
    assert regions(hostile.tier_page("primary", "gold"))[0] == ("What Gold includes",
                                                                "What Gold gives, service by service")


def test_attribute_lists_cannot_be_smuggled_in(minimal):
    """Braces are only for placeholders, so Markdown's `{: onclick=...}` never reaches a page."""
    line = minimal.edit("services.yaml", "title: Test specification", "title: 'Test {: onclick=\"alert(1)\" }'")
    with pytest.raises(DataError) as caught:
        load(minimal.dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/services.yaml:{line}: title: unknown placeholder '{{: onclick=\"alert(1)\" }}' "
        "(valid: {section:id}, {term:name}, {tier:phase/id}, {provider:field}, "
        "{working:start|end|days})"]
