"""The site's stylesheet as readers' browsers get it: site.css without its comments and runs of spaces.

site.css explains itself at length, for whoever keeps it; a phone on a slow connection waits for every byte of it
before it draws the page (an intranet's web server often compresses only HTML). The build writes the copy in the
built site smaller; `content/assets/stylesheets/site.css` stays as it is written.
"""

from __future__ import annotations

import re
from pathlib import Path

STYLESHEET = Path("assets") / "stylesheets" / "site.css"
"""Where the stylesheet is, in the content folder and in the built site alike."""

_TOKEN = re.compile(r"""(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
                    r"|(?P<comment>/\*.*?\*/)"
                    r"|\s*(?P<punctuation>[{};>])\s*"
                    r"|(?P<space>\s+)", re.S)
"""What the scan meets, in order of precedence: a quoted string (kept whole, whatever it holds), a comment, a
character that needs no space around it (the spaces go), and any other run of spaces (one space stays)."""


def minify(css: str) -> str:
    """`css` with the same rules: no comments, no spaces around `{ } ; >`, one space for any other run. (A comma
    keeps its space: in a custom property's value, `--grey: rgba(0, 0, 0, 0.66)`, the browser keeps the value as
    written, spaces and all.)"""
    def keep(match: re.Match[str]) -> str:
        if match["string"] is not None:
            return match["string"]
        if match["punctuation"] is not None:
            return match["punctuation"]
        return "" if match["comment"] is not None else " "

    return _TOKEN.sub(keep, css).strip() + "\n"


def minify_built(site_dir: Path) -> None:
    """Replace the built site's copy of site.css with its minified text (nothing if the build wrote none)."""
    built = site_dir / STYLESHEET
    if built.is_file():
        built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
