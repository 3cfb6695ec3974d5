"""Every built page carries its Content-Security-Policy (macros/csp.py) before its first script, listing exactly
the hashes of the scripts written into it, read here with a parser of its own; the offline copy's pages one more,
the iframe-worker shim's; the preview's pages none."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages

pytestmark = pytest.mark.build

OTHER_PARTS = ("default-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
               "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def inline_hashes(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {"'sha256-" + base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode() + "'"
            for script in soup.find_all("script")
            if not script.has_attr("src") and script.get("type") != "application/json"}


def read_policy(html: str) -> tuple[set[str], str]:
    """The hashes the page's policy lists, and the rest of the policy with script-src taken out."""
    head = html[: html.index("<script")]  # the policy must come before the first script
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1 and metas[0] in head
    parts = metas[0].split("; ")
    scripts = [part for part in parts if part.startswith("script-src ")]
    assert len(scripts) == 1
    sources = scripts[0].split()[1:]
    assert sources[0] == "'self'" and all(source.startswith("'sha256-") for source in sources[1:])
    return set(sources[1:]), "; ".join(part for part in parts if part not in scripts)


def test_every_page_lists_exactly_its_own_inline_scripts(built_site: Path):
    pages = html_pages(built_site)
    assert "404.html" in pages and len(pages) > 25
    for path in pages:
        html = (built_site / path).read_text(encoding="utf-8")
        hashes, rest = read_policy(html)
        assert hashes == inline_hashes(html), path
        assert len(hashes) == 4, path  # Material's three (not its palette script: no palette) and overrides/main.html's
        assert rest == OTHER_PARTS, path


def test_the_offline_copy_also_lists_the_shims_frame_script(offline_site: Path):
    for path in html_pages(offline_site):
        html = (offline_site / path).read_text(encoding="utf-8")
        hashes, rest = read_policy(html)
        assert len(hashes - inline_hashes(html)) == 1 and inline_hashes(html) <= hashes, path
        assert rest == OTHER_PARTS, path


def test_the_preview_has_no_policy(project: Path):
    """`make serve` adds its live-reload script to each page after the build: a policy would refuse it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_PREVIEW="true")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project.parent / "preview")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    html = (project.parent / "preview" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" not in html and "<script" in html
