"""In Chromium: the preview page an officer has open turns into the list of problems when a saved edit
breaks the data, and back into the page when it is fixed, without the officer reloading it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_preview import preview  # noqa: F401 - the fixture, shared with the build-layer tests

pytestmark = pytest.mark.browser


def test_the_open_page_follows_the_data(browser, preview):  # noqa: F811 - the fixture imported above
    project, url = preview
    page = browser.new_page()
    page.goto(f"{url}/entitlement/primary/")
    expect(page.locator("article h1")).to_contain_text("Primary schools: what you are entitled to")
    services = project / "data" / "services.yaml"
    good = services.read_text(encoding="utf-8")
    services.write_text(good.replace("      - id: gold\n", "      - id: Gold\n", 1), encoding="utf-8")
    expect(page.locator("article h1")).to_contain_text("The data has problems", timeout=30_000)
    line = good.splitlines().index("      - id: gold") + 1
    expect(page.locator(".data-problems li").first).to_have_text(
        f"data/services.yaml:{line}: phases[0].tiers[1] (the 2nd: Gold).id: 'Gold' is not valid (valid: lower-case "
        "letters, digits and single hyphens, e.g. platinum-plus)")
    services.write_text(good, encoding="utf-8")
    expect(page.locator("article h1")).to_contain_text("Primary schools: what you are entitled to", timeout=30_000)
    page.close()
