"""The Content-Security-Policy of every page: nothing runs that we did not write.

Each built page carries the policy as a `<meta http-equiv="Content-Security-Policy">`, written by a post-page hook
(hooks.py) after everything else has changed the page. Scripts may come from the site's own files, and of the
scripts written into the page, only those the build wrote there run: the policy lists the SHA-256 of each one's
exact text, computed from the page itself, so a new Material with different inline scripts gets new hashes without
anyone editing a list. Anything a reader or an attacker adds to a page (a `<script>`, an `onclick=`, a `javascript:`
link) is refused by the browser.

The meta goes right after `<meta charset>` (which must stay in the first 1,024 bytes), before the first script:
a policy only governs what the browser reads after it.

The policy, in order of its parts (`policy` below):
- `default-src 'self'`: anything not named below comes from the site only.
- `script-src 'self' 'sha256-…'`: the site's script files and the hashed inline scripts.
- `style-src 'self'`: the site's stylesheets; the pages carry no inline styles and neither Material's script nor
  site.js writes a `style` attribute (the browser tests fail on any violation, which would show if one did).
- `img-src 'self' data:`: Material's icons are `data:` SVGs in its stylesheet.
- `font-src 'self'`, `connect-src 'self'` (the search index), `worker-src 'self'` (the search worker).
- `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`.
`frame-ancestors` has no effect in a meta: the server sends it as a header (see the README).

The offline copy (`make site-offline`, opened from a folder) runs search through the iframe-worker shim, which
writes into a frame of its own (which inherits the page's policy) an inline script made of two of the shim's
functions and the search worker's address as the page's settings give it (relative to the page): the policy of
each offline page also lists that script's hash, computed from the shim the build copies (`shim_frame_script`).
Chromium lets 'self' match the copy's own file:// addresses. The preview (`make serve`) gets no policy: its
server adds a live-reload script to each page after the build.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_SHIM_TEMPLATE = re.compile(r"<script>(.*?)<\\/script>", re.DOTALL)
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_RUN = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
"""`type` values of scripts the browser runs; any other (`application/json`: Material's settings) is data."""


class PolicyError(Exception):
    """A page the policy cannot be written into."""


def inline_scripts(html: str) -> list[str]:
    """The text of each script written into `html` (not loaded from a file) that the browser runs, in order, as
    the browser reads it (CR LF and CR become LF)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        if "src" in attributes or attributes.get("type", "").strip().lower() not in _RUN:
            continue
        scripts.append(match.group(2).replace("\r\n", "\n").replace("\r", "\n"))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script of exactly `text`: 'sha256-' and the base64 of its SHA-256."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    """The policy of a page whose inline scripts have `hashes` (see the module's description)."""
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *dict.fromkeys(hashes)]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str, worker_shim: str | None = None) -> str:
    """`html` with its policy as a meta element right after `<meta charset>`, before any script. `worker_shim`: the
    source of the iframe-worker shim, for the offline copy, whose search runs the script the shim writes."""
    charset = _CHARSET.search(html)
    if charset is None:
        raise PolicyError("no <meta charset=\"utf-8\"> to put the Content-Security-Policy after")
    first_script = html.lower().find("<script")
    if first_script != -1 and first_script < charset.end():
        raise PolicyError("a script comes before <meta charset>: the Content-Security-Policy would not cover it")
    if "content-security-policy" in html[: html.lower().find("</head>")].lower():
        raise PolicyError("the page already has a Content-Security-Policy")
    scripts = inline_scripts(html)
    if worker_shim is not None:
        scripts.append(shim_frame_script(worker_shim, search_worker(html)))
    meta = (f'\n      <meta http-equiv="Content-Security-Policy" '
            f'content="{policy([script_hash(text) for text in scripts])}">')
    return html[: charset.end()] + meta + html[charset.end():]


def search_worker(html: str) -> str:
    """The search worker's address in the page's theme settings (Material's `<script id="__config">`)."""
    for match in _SCRIPT.finditer(html):
        if _attributes(match.group(1)).get("id") == "__config":
            try:
                worker = json.loads(match.group(2)).get("search")
            except (ValueError, AttributeError):
                break
            if isinstance(worker, str):
                return worker
            break
    raise PolicyError("the theme's settings (<script id=\"__config\">) name no search worker")


def shim_frame_script(shim: str, worker: str) -> str:
    """The inline script that the iframe-worker shim (its source: `shim`) writes into its frame for the worker at
    `worker`: the first `<script>` of the shim's template, each `${name}` replaced by the source of the shim's
    function of that name (as the browser prints a function), and the one that is not a function by the worker's
    address. Refuses a shim of another shape (a new version), rather than guess."""
    template = _SHIM_TEMPLATE.search(shim)
    if template is None or "\\" in template.group(1) or "`" in template.group(1):
        raise PolicyError("the iframe-worker shim no longer writes its frame's script as macros/csp.py expects")
    not_functions = []

    def fill(placeholder: re.Match) -> str:
        source = _function_source(shim, placeholder.group(1))
        if source is None:
            not_functions.append(placeholder.group(1))
            return worker
        return source

    text = _PLACEHOLDER.sub(fill, template.group(1))
    if len(set(not_functions)) != 1:
        raise PolicyError("the iframe-worker shim's frame script does not name the worker once, as macros/csp.py "
                          "expects")
    return text


def _function_source(source: str, name: str) -> str | None:
    """The text of `function name(…){…}` in minified `source`, braces balanced; None if there is none."""
    start = source.find(f"function {name}(")
    if start == -1:
        return None
    depth = 0
    for index in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start: index + 1]
    return None


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        found.setdefault(name, next((value for value in match.group(2, 3, 4) if value is not None), ""))
    return found
