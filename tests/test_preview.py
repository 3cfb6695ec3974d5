"""`make serve` survives mistakes: with bad data every page answers at once with the problems (file:line, as
`make check` prints them) and the live-reload script, and fixing the data brings the site back by itself."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from conftest import FIXTURES, copy_project
from macros.preview import BUILD_DELAY, WATCH_INTERVAL, look_often

pytestmark = pytest.mark.build

PAGES = ["", "entitlement/primary/", "schools/example-hill-top-primary-school-fictional/",
         "specification/service-standards/"]


def fetch(url: str, timeout: float = 2.0) -> tuple[int, str, float]:
    """Status, body and seconds taken; a request that takes longer than `timeout` fails the test."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8"), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), time.perf_counter() - started


def wait_until(url: str, text: str, seconds: float) -> str:
    deadline = time.perf_counter() + seconds
    body = ""
    while time.perf_counter() < deadline:
        try:
            _, body, _ = fetch(url)
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s; last answer:\n{body[:2000]}")


@contextlib.contextmanager
def serving(project: Path, tmp_path: Path):
    """`make serve` (mkdocs serve with SITE_PREVIEW=true) in `project`; yields (project, url)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PREVIEW="true")
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                   "--livereload"], cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(f"{url}/", "What is my school entitled to?", 90)
        yield project, url
    finally:
        server.terminate()
        server.wait(10)
    assert "Traceback" not in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")


@pytest.fixture
def preview(tmp_path):
    """`make serve` on a copy of the project; yields (project, url)."""
    with serving(copy_project(tmp_path / "project"), tmp_path) as served:
        yield served


@pytest.fixture
def edition_preview(tmp_path):
    """`make serve` on a copy of the project with the frozen 2008/09 edition as its data; yields (project, url)."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURES / "edition-2008-09", project / "data")
    with serving(project, tmp_path) as served:
        yield served


def test_bad_data_shows_its_problems_at_every_page_and_the_fix_brings_the_site_back(preview):
    project, url = preview
    services = project / "data" / "services.yaml"
    good = services.read_text(encoding="utf-8")
    line = good.splitlines().index("    email: pam.plant@calderdale.gov.uk") + 1
    services.write_text(good.replace("    email: pam.plant@calderdale.gov.uk", "    email: pam.plant"),
                        encoding="utf-8")
    problem = (f"data/services.yaml:{line}: contacts[0] (the 1st: pam-plant).email: &#x27;pam.plant&#x27; is not "
               "valid (valid: an e-mail address, e.g. name@calderdale.gov.uk)")
    wait_until(f"{url}/", problem, 30)
    for path in PAGES:
        status, body, seconds = fetch(f"{url}/{path}")
        assert seconds < 2, f"{path} took {seconds:.1f} s"
        assert (status, "The data has problems" in body, problem in body) == (200, True, True), path
        assert "livereload" in body, path  # so that the fix brings the page back by itself
    status, body, _ = fetch(f"{url}/no-such-page/")
    assert (status, "The data has problems" in body) == (404, True)
    services.write_text(good, encoding="utf-8")
    body = wait_until(f"{url}/entitlement/primary/", "Primary schools: what you are entitled to", 30)
    assert "The data has problems" not in body


def test_an_edit_reaches_the_page_the_browser_asks_for(preview):
    project, url = preview
    services = project / "data" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("title: Quality awards",
                                                                     "title: Quality awards and marks"),
                        encoding="utf-8")
    wait_until(f"{url}/specification/service-standards/", "Quality awards and marks", 30)


def test_a_control_character_shows_the_problems_page_at_once(edition_preview):
    """A vertical tab pasted from a word processor: the preview names it at its line, and never hangs."""
    project, url = edition_preview
    services = project / "data" / "services.yaml"
    good = services.read_text(encoding="utf-8")
    line = good.splitlines().index("    email: pam.plant@calderdale.gov.uk") + 1
    services.write_text(good.replace("    email: pam.plant@calderdale.gov.uk",
                                     "    email: pam.plant@\x0bcalderdale.gov.uk"), encoding="utf-8")
    problem = (f"data/services.yaml:{line}: U+000B, a vertical tab, is in this line (column 22); delete it (word "
               "processors paste such characters with copied text), and type a space or a new line if one is meant "
               "there")
    wait_until(f"{url}/", problem, 30)
    for path in PAGES:
        status, body, seconds = fetch(f"{url}/{path}")
        assert seconds < 2, f"{path} took {seconds:.1f} s"
        assert (status, "The data has problems" in body, problem in body) == (200, True, True), path


def test_the_preview_looks_for_saved_edits_every_tenth_of_a_second(tmp_path):
    """MkDocs' own watcher (its live-reload server, as `mkdocs serve` makes it) looks every half second, and the
    server waits a tenth of a second after a change before it builds; the hook makes it look more often, for
    what it watches already and what it watches next, and wait less."""
    (tmp_path / "content").mkdir()
    (tmp_path / "data").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path / "content"))
    assert {emitter.timeout for emitter in server.observer.emitters} == {0.5}  # MkDocs' own
    assert server.build_delay == 0.1  # MkDocs' own
    look_often(server)
    assert server.build_delay == BUILD_DELAY < WATCH_INTERVAL
    server.watch(str(tmp_path / "data"))
    assert server.observer.timeout == WATCH_INTERVAL == 0.1
    assert len(server.observer.emitters) == 2
    assert {emitter.timeout for emitter in server.observer.emitters} == {WATCH_INTERVAL}
    look_often(object())  # something else than MkDocs' server: left as it is
