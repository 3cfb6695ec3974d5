"""Shared fixtures: the project, data copies to break, built sites, a browser."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EDITION = FIXTURES / "edition-2008-09"
"""The 2008/09 edition's data, frozen: the tests that check the site says what that edition says read this copy,
never the live data/, which the officer changes every year."""
LIVE = ROOT / "data"
"""The officer's data: only tests that hold for any valid data read it (tests/test_live_data.py)."""
PROJECT_PARTS = ("mkdocs.yml", "content", "macros", "overrides")
CHROMIUM = "/usr/bin/chromium"
LAYERS = ("unit", "build", "browser")
"""The layers of pytest.ini: every test is marked with exactly one, so that `-m unit` and the rest miss none."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse to run if a test has no layer marker, or more than one (before `-m` deselects any)."""
    wrong = []
    for item in items:
        layers = sorted({mark.name for mark in item.iter_markers() if mark.name in LAYERS})
        if len(layers) != 1:
            wrong.append(f"{item.nodeid}: {'no layer marker' if not layers else 'markers ' + ', '.join(layers)}")
    if wrong:
        raise pytest.UsageError(
            "every test needs exactly one layer marker (unit, build or browser; see pytest.ini), e.g. "
            "`pytestmark = pytest.mark.unit` at the top of its module:\n  " + "\n  ".join(wrong))


class DataFiles:
    """A copy of a data set that a test may edit; edits report the line they land on."""

    def __init__(self, directory: Path):
        self.dir = directory

    def text(self, name: str) -> str:
        return (self.dir / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str | bytes) -> None:
        path = self.dir / name
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> int:
        """Replace the one occurrence of `old` with `new`; return the line where `new` starts."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {name}"
        self.write(name, text.replace(old, new))
        return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def minimal(tmp_path: Path) -> DataFiles:
    """The small complete data set of tests/fixtures/minimal, copied to tmp/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return DataFiles(target)


@pytest.fixture
def years(tmp_path: Path) -> tuple[DataFiles, DataFiles]:
    """Last year's data and this year's: two copies of the minimal data set, this year's to change."""
    before, after = tmp_path / "before" / "data", tmp_path / "after" / "data"
    shutil.copytree(FIXTURES / "minimal", before)
    shutil.copytree(FIXTURES / "minimal", after)
    return DataFiles(before), DataFiles(after)


def copy_project(target: Path, data: Path = EDITION) -> Path:
    """A copy of the site sources (not .venv, not site/) to build or break, with a copy of `data` (by default the
    frozen 2008/09 edition) as its data/; node_modules is shared."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, target / "data", ignore=shutil.ignore_patterns("__pycache__"))
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


MAKE_FILES = ("Makefile", "requirements.txt", "requirements-test.txt", "package.json", "package-lock.json")
INSTALLED = (ROOT / ".venv" / ".site-deps", ROOT / ".venv" / ".test-deps", ROOT / "node_modules" / ".installed")
"""The markers of `make`'s install steps: a requirement or package file newer than its marker makes them run."""


def with_makefile(project: Path) -> Path:
    """`project` (a `copy_project`) with the Makefile, to run `make` in, sharing the installed .venv and
    node_modules. Its copies of the requirement and package files are dated just before the install markers, so
    make never installs into the shared folders (which a checkout newer than the markers would otherwise do)."""
    for name in MAKE_FILES:
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    markers = [marker.stat().st_mtime for marker in INSTALLED if marker.exists()]
    if markers:
        for name in MAKE_FILES[1:]:
            os.utime(project / name, (min(markers) - 1, min(markers) - 1))
    return project


def mkdocs_build(project: Path, site_dir: Path, offline: bool = False) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as `make site` (or `make site-offline`) does, in `project`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_OFFLINE="true" if offline else "false")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def html_pages(site: Path) -> list[str]:
    """Every HTML file of a built site, by its path from the site's root ('404.html', 'privacy/index.html')."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


HEAVIEST = ("specification/services/index.html", "specification/service-standards/index.html",
            "response-times/index.html")
"""Pages every sample includes: the inclusion and software tables, the response standards, and the calculator."""


def page_kind(path: str) -> str:
    """A page's kind, by its folder and depth: 'entitlement/*' (a school type), 'entitlement/*/*' (a tier of one),
    'compare/*' and 'compare/*/*' (a move), 'schools/*', 'specification/*', and each page on its own."""
    if path == "schools/index.html":
        return "schools index"
    parts = path.split("/")
    return "/".join([parts[0], *["*"] * (len(parts) - 2)])


def page_sample(site: Path, per_kind: int = 2) -> list[str]:
    """A few pages of each kind (`page_kind`), for the slow checks (axe-core, pa11y, printing): the first
    `per_kind` of each, and the heaviest pages. The fast checks (the Nu HTML Checker, links) take every page."""
    pages = html_pages(site)
    by_kind: dict[str, list[str]] = {}
    for path in pages:
        by_kind.setdefault(page_kind(path), []).append(path)
    chosen = {path for paths in by_kind.values() for path in paths[:per_kind]} | {p for p in HEAVIEST if p in pages}
    return [path for path in pages if path in chosen]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project sources for one test to change and build."""
    return copy_project(tmp_path / "project")


def built(project: Path) -> Path:
    """`project` built into the folder `site` beside it; the build must succeed."""
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def with_package_prices(project: Path, prices: list[tuple[str, str, float]]) -> Path:
    """`project` with package prices published, one (school type, tier, price) each, in place of the frozen
    edition's `package_prices: []`, built: the site beside it."""
    path = project / "data" / "prices.yaml"
    listed = "".join(f"  - school_type: {school_type}\n    tier: {tier}\n    price: {price}\n"
                     for school_type, tier, price in prices)
    path.write_text(path.read_text(encoding="utf-8").replace("package_prices: []", "package_prices:\n" + listed),
                    encoding="utf-8")
    return built(project)


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """A folder made once for the whole run, shared by the test processes (`make test` runs two, with
    pytest-xdist): the first to ask calls `make(folder)` while the others wait for it. Only for what tests read."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each process's own
    folder = base / f"once-{name}"
    with open(base / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / ".made").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".made").touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the frozen 2008/09 edition, for the tests that only read it."""
    return once(tmp_path_factory, "built", lambda folder: built(copy_project(folder / "project"))) / "site"


@pytest.fixture(scope="session")
def year_two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project in its second year: the 2008/09 edition archived as data/archive/2008-09/ by `new-year`, then
    changed for 2009/10 as tests/changes_edits.py says. Its site is built beside it, in `site`."""
    from changes_edits import next_year

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        next_year(project)
        built(project)

    return once(tmp_path_factory, "year-two", make) / "project"


@pytest.fixture(scope="session")
def changes_site(year_two: Path) -> Path:
    """The site of `year_two`."""
    return year_two.parent / "site"


@pytest.fixture(scope="session")
def live_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the officer's data as it is now (archives included), its site built beside it."""
    return once(tmp_path_factory, "live", lambda folder: built(copy_project(folder / "project", data=LIVE))
                ) / "project"


@pytest.fixture(scope="session")
def live_site(live_project: Path) -> Path:
    """The site of `live_project`: what `make site` would publish today."""
    return live_project.parent / "site"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy of the site for opening from a folder (`make site-offline`), built once."""
    def make(folder: Path) -> None:
        result = mkdocs_build(copy_project(folder / "project"), folder / "site-offline", offline=True)
        assert result.returncode == 0, result.stdout + result.stderr

    return once(tmp_path_factory, "offline", make) / "site-offline"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(site: Path):
    """`site` served over HTTP on a free local port; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on a free local port."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which never downloads a browser here)."""
    from playwright.sync_api import Page, expect, sync_playwright

    # The machines are shared: allow a loaded one time to build the search index before results show.
    expect.set_options(timeout=20_000)
    wait_for_scripts(Page)
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: 'make test' installs it, or: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


SCRIPTS_STARTED = "[data-drawer-button]"
"""On a page whose scripts have started: site.js, which starts after Material's script, turns the header's menu
label into a button."""


def wait_for_scripts(page_class) -> None:
    """Make `page.goto` (waiting for the page's load, as by default) also wait for the page's scripts to start.
    The page is drawn first, and its scripts asked for after (overrides/main.html), so the load event may come
    before them; a reader's first keys or clicks there are taken up when they start, but a test that calls
    into them (a `beforeprint` event, the calculator) must wait. A page with scripting off, or that is not one
    of the site's, is not waited for."""
    from playwright.sync_api import Error as PlaywrightError

    goto = page_class.goto
    if getattr(goto, "waits_for_scripts", False):
        return

    def goto_and_wait(self, url: str, **options):
        response = goto(self, url, **options)
        if options.get("wait_until", "load") != "load":
            return response
        try:
            if self.evaluate("document.documentElement.classList.contains('js') && !!document.querySelector"
                             "('.md-header')"):
                self.wait_for_selector(SCRIPTS_STARTED, state="attached")
        except PlaywrightError as error:  # the page went on to another (a shared link to a page that moved)
            if "context was destroyed" not in str(error):
                raise
        return response

    goto_and_wait.waits_for_scripts = True
    page_class.goto = goto_and_wait


@pytest.fixture
def page(browser, site_url):
    """A fresh browser page at desktop width; afterwards, fails if it requested anything from another host."""
    with watched_page(browser, site_url, viewport={"width": 1280, "height": 900}) as page:
        yield page


@contextlib.contextmanager
def watched_page(browser, site_url: str, **options):
    """A fresh page in a browser context of its own (`options`: Playwright's, such as the viewport), its requests
    in `page.requests`; afterwards, fails if it requested anything from a host other than `site_url`'s, or if the
    page's Content-Security-Policy refused anything (`watch_policy`)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    violations = watch_policy(context, page)
    yield page
    hosts = {urlparse(url).netloc for url in page.requests if urlparse(url).scheme in ("http", "https")}
    assert hosts == {urlparse(site_url).netloc}, f"requests to other hosts: {hosts}"
    assert violations == [], "the Content-Security-Policy refused something (macros/csp.py)"
    context.close()


POLICY_REPORT = "Content Security Policy violation:"
"""How the page reports a violation to the console, besides Chromium's own message (`watch_policy`)."""


def watch_policy(context, page) -> list[str]:
    """The Content-Security-Policy violations of every page and frame of `context`, as they happen: Chromium's
    console messages, and a `securitypolicyviolation` listener in every document, which reports to the console."""
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', event => console.error("
        f"{POLICY_REPORT!r} + ' ' + event.effectiveDirective + ' ' + event.blockedURI + ' ' + event.sample))")
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    return violations


def add_axe(page) -> None:
    """axe-core into `page`, evaluated through the browser's developer protocol: a `<script>` (Playwright's
    `add_script_tag`) is refused by the page's Content-Security-Policy, as is any script the site did not write."""
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def many_schools_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once with 1,000 synthetic schools, those of `make bench` (tests/benchmark.py)."""
    from benchmark import synthetic_schools

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        (project / "data" / "schools.yaml").write_text(synthetic_schools(1000), encoding="utf-8")
        built(project)

    return once(tmp_path_factory, "many", make) / "site"


@pytest.fixture(scope="session")
def many_schools_url(many_schools_site: Path):
    """The site with 1,000 schools served over HTTP on a free local port."""
    with served(many_schools_site) as url:
        yield url
