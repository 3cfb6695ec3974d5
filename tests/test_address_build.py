"""Built with the site's web address set (`web_address` in data/site.yaml) and without it: canonical links,
sitemap.xml, the page for a missing address (404.html) in a folder, and each page's own description."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from changes_edits import REMOVED_SCHOOL, next_year
from conftest import built, copy_project, html_pages, mkdocs_build

pytestmark = pytest.mark.build

ADDRESS = "https://intranet.example.gov.uk/schools/ict-services/"
FOLDER = "/schools/ict-services/"
SITEMAP = re.compile(r"<loc>([^<]*)</loc>")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def address_of(path: str) -> str:
    """The full address of the page built as `path` ('privacy/index.html')."""
    return ADDRESS + path.removesuffix("index.html")


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory) -> Path:
    """A second year (with a school no longer listed) whose site.yaml gives the web address."""
    project = copy_project(tmp_path_factory.mktemp("address") / "project")
    data = next_year(project)
    site_yaml = data / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    assert "\nweb_address:" not in text  # the frozen edition leaves it out
    site_yaml.write_text(text.replace("owner: Calderdale Council\n",
                                      f"owner: Calderdale Council\nweb_address: {ADDRESS}\n"), encoding="utf-8")
    return built(project)


def test_every_page_has_its_full_address_as_its_canonical_link(addressed_site):
    for path in html_pages(addressed_site):
        if path == "404.html":
            continue
        links = soup(addressed_site, path).find_all("link", rel="canonical")
        assert [link["href"] for link in links] == [address_of(path)], path
    assert soup(addressed_site, "schools/example-castle-high-school-fictional/index.html").find(
        "link", rel="canonical")["href"] == (
        "https://intranet.example.gov.uk/schools/ict-services/schools/example-castle-high-school-fictional/")


def test_the_sitemap_lists_every_page_but_those_of_schools_no_longer_listed(addressed_site):
    text = (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')
    listed = SITEMAP.findall(text)
    assert listed[:3] == ["https://intranet.example.gov.uk/schools/ict-services/",
                          "https://intranet.example.gov.uk/schools/ict-services/entitlement/primary/",
                          "https://intranet.example.gov.uk/schools/ict-services/entitlement/primary-formerly-gm/"]
    assert "https://intranet.example.gov.uk/schools/ict-services/specification/complaints/" in listed
    removed = f"schools/{REMOVED_SCHOOL[1]}/index.html"
    assert soup(addressed_site, removed).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert address_of(removed) not in listed
    assert sorted(listed) == sorted(address_of(path) for path in html_pages(addressed_site)
                                    if path not in ("404.html", removed))


def test_the_page_for_a_missing_address_links_from_the_sites_folder(addressed_site):
    page = soup(addressed_site, "404.html")
    article = page.select_one("article")
    assert [(a.get_text(), a["href"]) for a in article.select("ul a")] == [
        ("What is my school entitled to?", "/schools/ict-services/"),
        ("Find your school", "/schools/ict-services/schools/"),
        ("The specification, section by section", "/schools/ict-services/specification/purpose/"),
        ("The whole specification on one page", "/schools/ict-services/whole-specification/")]
    assert article.select_one("form[role=search]")["action"] == FOLDER
    # Every link, stylesheet and script of the page, the theme's too, from the folder: the server shows this page
    # at any address under it, at any depth.
    own = [value for element in page.find_all(True) for name in ("href", "src", "action")
           if (value := element.get(name)) is not None and not value.startswith(("tel:", "mailto:", "#", "http"))]
    assert own and [value for value in own if not value.startswith(FOLDER)] == []
    assert '"base": "/schools/ict-services/"' in str(page)
    assert 'add("/schools/ict-services/assets/javascripts/site.js")' in str(page)
    assert re.search(r'add\("/schools/ict-services/assets/javascripts/bundle\.[0-9a-f]+\.min\.js"', str(page))
    # The folder's links lead to pages that exist.
    for value in own:
        target = addressed_site / value.removeprefix(FOLDER).split("#")[0]
        assert target.exists() and (target.is_file() or (target / "index.html").is_file()), value


def test_other_pages_still_link_relatively(addressed_site):
    page = soup(addressed_site, "entitlement/primary/index.html")
    assert page.select_one(".council-footer-links a")["href"] == "../../accessibility/"
    assert urljoin(ADDRESS + "entitlement/primary/", "../../accessibility/") == ADDRESS + "accessibility/"


# --- without the address (the frozen edition) ----------------------------------------------------------


def test_without_the_address_no_page_claims_an_address(built_site):
    for path in html_pages(built_site):
        assert soup(built_site, path).find("link", rel="canonical") is None, path
    assert SITEMAP.findall((built_site / "sitemap.xml").read_text(encoding="utf-8")) == []


# --- descriptions ----------------------------------------------------------------------------------------


def descriptions(site: Path) -> dict[str, str]:
    """Each page's one description."""
    found = {}
    for path in html_pages(site):
        metas = soup(site, path).find_all("meta", attrs={"name": "description"})
        assert len(metas) == 1, f"{path}: {len(metas)} descriptions"
        found[path] = metas[0]["content"]
    return found


def test_every_page_has_a_description_of_its_own(built_site):
    found = descriptions(built_site)
    pages = {path: text for path, text in found.items() if path != "404.html"}  # 404: the site's description
    assert len(set(pages.values())) == len(pages)
    assert all(0 < len(text) <= 160 for text in found.values())
    assert found["schools/example-ridge-academy-fictional/index.html"] == (
        "What Example Ridge Academy (fictional) gets from the council's ICT services in 2008/09: the Platinum tier, "
        "as one of the secondary schools formerly grant…")
    assert found["index.html"] == (
        "What your school is entitled to from the council's ICT services: find your school or its type, compare the "
        "tiers, report a fault and read the specification.")
    assert found["privacy/index.html"].startswith("This site is a set of static pages. It sets no cookies")
    assert found["404.html"] == ("Service-level agreement for the council's ICT and information-management traded "
                                 "services to schools")


def test_the_page_of_a_school_no_longer_listed_has_its_description(addressed_site):
    assert descriptions(addressed_site)[f"schools/{REMOVED_SCHOOL[1]}/index.html"] == (
        "Example Ridge Academy (fictional) is no longer listed for 2009/10: it had a page on this site in "
        "2008/09. What schools of its type get, and whom to ask.")


def test_a_hand_written_page_without_a_description_is_described_by_its_first_paragraph(project):
    (project / "content" / "extra.md").write_text(
        '# An extra page\n\nFirst <b>words</b> & "more" of <i>it</i>.\n\nSecond paragraph.\n', encoding="utf-8")
    (project / "content" / "bare.md").write_text("# Nothing but a title\n", encoding="utf-8")
    result = mkdocs_build(project, project.parent / "site")
    assert result.returncode != 0
    assert ("bare.md: the page has no description and no paragraph to take one from; give it one in its front "
            "matter, e.g. 'description: What schools get …', a sentence of at most 160 characters"
            ) in result.stdout + result.stderr
    (project / "content" / "bare.md").unlink()
    site = built(project)
    assert descriptions(site)["extra/index.html"] == 'First words & "more" of it.'
