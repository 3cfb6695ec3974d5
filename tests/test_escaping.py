"""No value in the data can put HTML, script or Markdown into a built page: it shows as text.

The renderer alone, and Markdown attribute lists: test_escaping_render.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build

SCRIPT = '<script>alert("data")</script>'
IMAGE = "<img src=x onerror=alert(1)>"
MARKDOWN = "*bold* [link](javascript:alert(1)) <!-- # heading"
PAYLOAD = f"{SCRIPT} {IMAGE} {MARKDOWN}"
# For titles that also reach an attribute (the aria-label of a table's region), where a '"' would end the value.
ATTRIBUTE = '<script>alert(1)</script> " onmouseover="x'
MATRIX_TITLE = f"Service Inclusions and Exclusions (Primary Schools) {ATTRIBUTE}"
SOFTWARE_TITLE = f"Summary of Supported Software {ATTRIBUTE}"
PRICES_TITLE = f"Capita SIMS Top-Up Subscription Service Prices {ATTRIBUTE}"

pytestmark = pytest.mark.build


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# (line in data/services.yaml, the line with the payload added)
INJECTIONS = [
    ('title: "Traded services: ICT and information management"',
     f"title: {quoted('Traded services: ICT and information management ' + PAYLOAD)}"),
    ("    title: Service Standards", f"    title: {quoted('Service Standards ' + PAYLOAD)}"),
    ("            title: Responsiveness", f"            title: {quoted('Responsiveness ' + PAYLOAD)}"),
    ("          performance and payment for the services.",  # inside a folded block: taken literally
     f"          performance and payment for the services. {PAYLOAD}"),
    ("          - set standards;", f"          - {quoted('set standards; ' + PAYLOAD)}"),
    ("    name: Pam Plant", f"    name: {quoted('Pam Plant ' + PAYLOAD)}"),
    ("    role: Head of Commissioning and Partnerships",
     f"    role: {quoted('Head of Commissioning and Partnerships ' + PAYLOAD)}"),
    ("        - service: Call routing", f"        - service: {quoted('Call routing ' + PAYLOAD)}"),
    ("    - name: ICT Helpdesk", f"    - name: {quoted('ICT Helpdesk ' + PAYLOAD)}"),
    ("        table_groups: [ICT Helpdesk]", f"        table_groups: [{quoted('ICT Helpdesk ' + PAYLOAD)}]"),
    ("      meaning: YHGFL schools only", f"      meaning: {quoted('YHGFL schools only ' + PAYLOAD)}"),
    ("        name: Platinum+", f"        name: {quoted('Platinum+ ' + PAYLOAD)}"),
    ("        title: Gold Service", f"        title: {quoted('Gold Service ' + PAYLOAD)}"),
    ("      products: [Sophos, F-secure]", f"      products: [Sophos, F-secure, {quoted(PAYLOAD)}]"),
    ("  notice: at least one term's notice, in writing",
     f"  notice: {quoted(chr(39).join(['at least one term', 's notice, in writing ']) + PAYLOAD)}"),
    ("      target: 48 hours", f"      target: {quoted('48 hours ' + PAYLOAD)}"),
    ("      name: Critical", f"      name: {quoted('Critical ' + PAYLOAD)}"),
    ("\n  title: Service Inclusions and Exclusions (Primary Schools)\n", f"\n  title: {quoted(MATRIX_TITLE)}\n"),
    ("\n  title: Summary of Supported Software\n", f"\n  title: {quoted(SOFTWARE_TITLE)}\n"),
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    services = project / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    for old, new in INJECTIONS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    services.write_text(text, encoding="utf-8")
    prices = project / "data" / "prices.yaml"
    text = prices.read_text(encoding="utf-8")
    for old, new in [("- name: Complete SIMS Help Desk Support", f"- name: {quoted(PAYLOAD)}"),
                     ("\n    title: Capita SIMS Top-Up Subscription Service Prices\n",
                      f"\n    title: {quoted(PRICES_TITLE)}\n")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    prices.write_text(text, encoding="utf-8")
    schools = project / "data" / "schools.yaml"
    schools.write_text(schools.read_text(encoding="utf-8").replace(
        "- name: Example Brookside Primary School (fictional)", f"- name: {quoted('Brookside ' + PAYLOAD)}"),
        encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_pages(hostile_site: Path) -> dict[str, BeautifulSoup]:
    return {file.relative_to(hostile_site).as_posix(): BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            for file in hostile_site.rglob("*.html")}


def test_no_injected_script_runs(hostile_pages):
    for name, page in hostile_pages.items():
        for script in page.find_all("script"):
            if script.get("type") == "application/json":
                # A data block (the response-time calculator's) may hold the text, but cannot end the element
                # early, and site.js puts its text into the page with textContent only.
                assert "<" not in (script.string or ""), f"{name}: a data block can be closed early"
                json.loads(script.string or "")
            else:
                assert "alert" not in (script.string or ""), f"{name}: injected script element"


def test_no_injected_attributes_or_images(hostile_pages):
    for name, page in hostile_pages.items():
        for element in page.find_all(True):
            handlers = [attribute for attribute in element.attrs if attribute.lower().startswith("on")]
            assert not handlers, f"{name}: <{element.name} {handlers}> was injected"
        assert not page.find("img", src="x"), f"{name}: injected image"
        assert not page.find("a", href=re.compile(r"^\s*javascript:", re.I)), f"{name}: injected javascript: link"
        emphasised = [element for element in page.select("article em, article strong") if element.get_text() == "bold"]
        assert not emphasised, f"{name}: Markdown in data was rendered"


def test_the_values_show_as_text(hostile_pages):
    texts = [page.get_text(" ") for page in hostile_pages.values()]
    assert sum(PAYLOAD in text for text in texts) >= 10
    services = hostile_pages["specification/services/index.html"]
    assert [th.get_text() for th in services.find_all("th", string=re.compile("^Call routing "))] == [
        f"Call routing {PAYLOAD}"]


def regions(page: BeautifulSoup) -> dict[str, str]:
    """Each table's caption, as a browser reads it, with the aria-label of the region around it."""
    return {region.table.caption.get_text(): region["aria-label"] for region in page.select("div[role=region]")}


def test_titles_stay_text_in_captions_and_region_labels(hostile_site, hostile_pages):
    services = regions(hostile_pages["specification/services/index.html"])
    assert services[MATRIX_TITLE] == MATRIX_TITLE
    assert services[SOFTWARE_TITLE] == SOFTWARE_TITLE
    assert services[f"{PRICES_TITLE} 2008/09"] == f"{PRICES_TITLE} 2008/09"
    primary = regions(hostile_pages["entitlement/primary/index.html"])
    assert primary[f"{PRICES_TITLE} 2008/09"] == f"{PRICES_TITLE} 2008/09"
    # In the HTML itself: escaped in the caption, and the quote cannot end the attribute.
    escaped = "Summary of Supported Software &lt;script&gt;alert(1)&lt;/script&gt; &#34; onmouseover=&#34;x"
    html = (hostile_site / "specification" / "services" / "index.html").read_text(encoding="utf-8")
    assert f'<div class="table-wrap" role="region" aria-label="{escaped}" tabindex="0">' in html
    assert f"<caption>{escaped}</caption>" in html


def test_school_names_stay_text(hostile_pages):
    [name] = [path for path in hostile_pages if path.startswith("schools/brookside-")]
    school = hostile_pages[name]
    assert school.select_one("article h1").get_text(" ").startswith(f"Brookside {PAYLOAD}")
    assert school.title.string.startswith(f"Brookside {PAYLOAD} - ")
    assert school.find("meta", attrs={"name": "description"})["content"].startswith(f"What Brookside {PAYLOAD} gets ")
    assert len(school.head.find_all(True)) == len(school.head.find_all(["meta", "link", "title", "script", "style"]))
    index = hostile_pages["schools/index.html"]
    assert [a["href"] for a in index.find_all("a", string=f"Brookside {PAYLOAD}")] == [
        "brookside-script-alert-data-script-img-src-x-onerror-alert-1-bold-link-javascript-alert-1-heading/"]


def test_page_titles_stay_text(hostile_pages):
    standards = hostile_pages["specification/service-standards/index.html"]
    assert standards.title.string == (f"3 Service Standards {PAYLOAD} - Calderdale Council – "
                                      f"Traded services: ICT and information management {PAYLOAD}")
    assert len(standards.find_all("title")) == 1


def test_search_index_holds_text_not_markup(hostile_site: Path):
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index and "<img" not in index
    assert "&lt;script&gt;" in index

