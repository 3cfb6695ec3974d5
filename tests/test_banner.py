"""Every page says which financial year the site applies to and when it was reviewed."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

BANNER = "Applies to 2008/09 · Last reviewed 29 November 2026 · Next review due 29 November 2027"


@pytest.mark.parametrize("path", ["index.html", "entitlement/primary/index.html", "compare/secondary/index.html",
                                  "schools/example-ridge-academy-fictional/index.html",
                                  "specification/price/index.html", "404.html"])
def test_the_year_and_the_review_are_on_every_page(built_site, path):
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    assert [" ".join(p.get_text().split()) for p in soup.select(".md-banner .site-banner")] == [BANNER]
