"""The published site behind a real web server: `make publish DEST=...` once, then Debian's nginx serving
DEST/current/site under /schools/ict-services/ with the project's own example (macros/server-examples/nginx.conf),
started once for the module: every page, link and anchor answers, search works in Chromium, a missing address gets
the site's page with a 404, and a publish while readers fetch pages never gives them an error."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import ROOT, copy_project, html_pages, watched_page, with_makefile
from test_build import run_make

pytestmark = pytest.mark.browser

NGINX = "/usr/sbin/nginx"
EXAMPLE = ROOT / "macros" / "server-examples" / "nginx.conf"
EXAMPLE_DEST = "/srv/intranet/ict-services"
"""The DEST the example is written for; the test puts its own in its place."""
FOLDER = "/schools/ict-services/"
HEADERS = {
    "Content-Security-Policy": "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
                               "form-action 'self'; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass(frozen=True)
class Server:
    project: Path
    dest: Path
    url: str
    """The site's address: http://127.0.0.1:<port>/schools/ict-services/"""
    log: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`make publish` into a DEST, then nginx serving it with the example's configuration, on a free port."""
    assert Path(NGINX).exists(), f"{NGINX} is missing: 'make test' installs it, or: apt-get install nginx"
    tmp = tmp_path_factory.mktemp("nginx")
    project = with_makefile(copy_project(tmp / "project"))
    with (project / "data" / "site.yaml").open("a", encoding="utf-8") as site_yaml:  # as the officer's guide says
        site_yaml.write(f"\nweb_address: https://intranet.example.gov.uk{FOLDER}\n")
    dest = tmp / "intranet"
    published = run_make(project, "publish", f"DEST={dest}")
    assert published.returncode == 0, published.stdout + published.stderr
    prefix = tmp / "nginx"
    prefix.mkdir()
    example = EXAMPLE.read_text(encoding="utf-8")
    assert example.count(f"alias {EXAMPLE_DEST}/current/site/;") == 1
    (prefix / "ict-services.conf").write_text(example.replace(EXAMPLE_DEST, str(dest)), encoding="utf-8")
    port = _free_port()
    # As root, the workers would otherwise run as nobody, who cannot read the tests' folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                             "scgi"))
    (prefix / "nginx.conf").write_text(f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
{temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {prefix}/ict-services.conf;
    }}
}}
""", encoding="utf-8")
    nginx = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}{FOLDER}"
    try:
        deadline = time.monotonic() + 20
        while _status(url) != 200:
            if nginx.poll() is not None or time.monotonic() > deadline:
                log = (prefix / "error.log").read_text(encoding="utf-8") if (prefix / "error.log").exists() else ""
                pytest.fail(f"nginx did not serve {url}:\n{nginx.stdout.read() if nginx.stdout else ''}\n{log}")
            time.sleep(0.1)
        yield Server(project, dest, url, prefix / "error.log")
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of `url` (redirects followed), errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def page_urls(server: Server) -> list[str]:
    """The address of every page of the live release, as a reader writes it (a folder, not its index.html)."""
    site = server.dest / "current" / "site"
    return [server.url + page.removesuffix("index.html") for page in html_pages(site)]


class Links:
    """Fetches each address once (redirects followed) and reads each HTML page once, for its links and its ids."""

    def __init__(self, host: str):
        self.host = host
        self.answers: dict[str, tuple[int, BeautifulSoup | None]] = {}

    def answer(self, address: str) -> tuple[int, BeautifulSoup | None]:
        if address not in self.answers:
            status, headers, body = fetch(address)
            html = headers.get("Content-Type", "").startswith("text/html")
            self.answers[address] = status, BeautifulSoup(body, "html.parser") if html else None
        return self.answers[address]

    def broken(self, page_url: str, soup: BeautifulSoup) -> list[str]:
        """The links, scripts, stylesheets and images of a page that do not answer 200 on the host, and the
        anchors missing from their page."""
        broken = []
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            reference = str(element.get("href") or element.get("src"))
            target = urljoin(page_url, reference)
            if urlparse(target).scheme not in ("http", "https"):
                continue  # tel:, mailto:
            if "canonical" in (element.get("rel") or []):  # the web address the officer set: this page's path there
                if urlparse(target).path != urlparse(page_url).path:
                    broken.append(f"{reference} (canonical, not this page)")
                continue
            if urlparse(target).netloc != self.host:
                broken.append(f"{reference} (another host)")
                continue
            address, anchor = urldefrag(target)
            status, target_soup = self.answer(address)
            if status != 200:
                broken.append(f"{reference} ({status})")
            elif anchor and (target_soup is None or target_soup.find(id=anchor) is None):
                broken.append(f"{reference} (no id {anchor!r} on its page)")
        return broken


def test_every_page_answers_with_the_headers_and_every_link_and_anchor_resolves(server):
    links = Links(urlparse(server.url).netloc)
    pages = [url for url in page_urls(server) if not url.endswith("/404.html")]
    assert len(pages) >= 30
    broken: dict[str, list[str]] = {}
    for url in pages:
        status, headers, body = fetch(url)
        assert status == 200, url
        assert {name: headers.get(name) for name in HEADERS} == HEADERS, url
        links.answers[url] = status, BeautifulSoup(body, "html.parser")
    for url in pages:
        soup = links.answers[url][1]
        assert soup is not None
        if found := links.broken(url, soup):
            broken[url.removeprefix(server.url)] = found
    assert broken == {}


def test_search_works_in_chromium_under_the_folder(browser, server):
    """The theme's scripts run under the server's Content-Security-Policy, and results lead into the folder."""
    with watched_page(browser, server.url, viewport={"width": 1280, "height": 900}) as page:
        refused = []
        page.on("console", lambda message: refused.append(message.text)
                if "Content Security Policy" in message.text else None)
        response = page.goto(server.url)
        assert response is not None and response.status == 200
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("cancel", delay=10)
        best = page.locator(".md-search-result__item").first.locator(":scope > a").nth(1)
        expect(best).to_contain_text("5.3 How to leave")
        expect(best).to_have_attribute("href", re.compile(
            rf"^{re.escape(server.url)}specification/contract-length/(\?[^#]*)?#notice-period$"))
        best.click()
        page.wait_for_url(re.compile(rf"^{re.escape(server.url)}specification/contract-length/.*#notice-period$"))
        assert refused == []


def test_an_unknown_address_answers_404_with_the_sites_page(browser, server):
    with watched_page(browser, server.url, viewport={"width": 1280, "height": 900}) as page:
        response = page.goto(server.url + "no-such-page/")
        assert response is not None and response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_links_of_the_404_page_work_under_the_folder(server):
    missing = server.url + "specification/no-such-page/"
    status, _, body = fetch(missing)
    assert status == 404
    broken = Links(urlparse(server.url).netloc).broken(missing, BeautifulSoup(body, "html.parser"))
    assert broken == []


def test_a_publish_while_readers_fetch_pages_gives_every_request_a_200(server):
    """Readers fetch pages, the search index and a stylesheet over and over while `make publish` builds and
    switches to a new release: every answer is a 200, from the old release or the new one."""
    before = os.readlink(server.dest / "current")
    site = server.dest / "current" / "site"
    stylesheet = next(site.glob("assets/stylesheets/main.*.min.css")).relative_to(site).as_posix()
    addresses = [server.url + path for path in ("", "specification/services/", "schools/", "compare/primary/",
                                                "search/search_index.json", stylesheet, "404.html")]
    answers: list[tuple[str, int]] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            for address in addresses:
                try:
                    status, _, body = fetch(address)
                except OSError as error:  # a refused or broken connection counts against the server too
                    status, body = -1, str(error).encode()
                answers.append((address, status if body else -2))

    readers = [threading.Thread(target=read, daemon=True)]
    for reader in readers:
        reader.start()
    published = run_make(server.project, "publish", f"DEST={server.dest}")
    time.sleep(0.5)  # and a few rounds from the new release
    stop.set()
    for reader in readers:
        reader.join(timeout=30)
    assert published.returncode == 0, published.stdout + published.stderr
    assert os.readlink(server.dest / "current") != before
    assert f"To go back to {before.removeprefix('releases/')}: make rollback DEST=" in published.stdout
    assert len(answers) > 50
    failed = [answer for answer in answers if answer[1] != 200]
    assert failed == [], server.log.read_text(encoding="utf-8") if server.log.exists() else "no nginx error log"
