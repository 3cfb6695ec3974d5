"""In Chromium: the Content-Security-Policy (macros/csp.py) refuses what the build did not write. Every browser test
that uses `watched_page` (the `page` fixture) also fails on any violation, so every control on every page it visits
runs under the policy; the offline copy's search from a folder is test_accessibility.py's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import served, watch_policy

pytestmark = pytest.mark.browser

PLANTED = ("<script>document.title='pwned'</script>"
           "<button id=\"planted\" onclick=\"document.title='pwned'\">Planted</button>")


@pytest.fixture
def planted_site(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site whose home page has a script and an event handler that the build did not write."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    assert text.count("</article>") == 1
    home.write_text(text.replace("</article>", PLANTED + "</article>"), encoding="utf-8")
    return site


def test_a_script_planted_in_a_page_does_not_run(browser, built_site, planted_site):
    with served(planted_site) as url:
        context = browser.new_context()
        page = context.new_page()
        violations = watch_policy(context, page)
        page.goto(url + "/")
        title = (built_site / "index.html").read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]
        page.locator("#planted").click()
        page.wait_for_timeout(200)
        assert page.title() != "pwned"
        assert page.title() == title.replace("&amp;", "&")
        assert page.evaluate("document.documentElement.classList.contains('js')")  # the site's own script ran
        context.close()
    assert any("inline" in message for message in violations), violations
    assert any("script-src-attr" in message for message in violations), violations  # the onclick


def test_the_site_itself_runs_without_a_violation(browser, site_url):
    """The watch itself sees nothing on a page of the site as built: search, the comparison's form and site.js."""
    context = browser.new_context()
    page = context.new_page()
    violations = watch_policy(context, page)
    page.goto(site_url + "/compare/primary/")
    page.get_by_label("The tier you are considering").select_option("platinum")
    page.get_by_role("button", name="Show what would change").click()
    page.wait_for_url("**/compare/primary/core-to-platinum/")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Call routing", delay=10)
    page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert violations == []
