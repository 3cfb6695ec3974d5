"""The Content-Security-Policy written into each page (macros/csp.py), on small pages: which scripts are hashed,
the hashes themselves, where the meta goes, and the iframe-worker shim's frame script. The built site's pages:
test_csp_build.py; in Chromium: test_browser_security.py."""

from __future__ import annotations

import pytest

from macros.csp import PolicyError, inline_scripts, policy, script_hash, shim_frame_script, with_policy

pytestmark = pytest.mark.unit

PAGE = ('<!doctype html>\n<html><head>\n<meta charset="utf-8">\n<title>t</title>\n'
        '<script>alert(1)</script>\n<script src="a.js"></script>\n'
        '<script id="__config" type="application/json">{"search": "../w.js"}</script>\n'
        "<SCRIPT type='text/javascript'>a\r\nb</SCRIPT>\n</head><body></body></html>")


def test_the_hash_is_sha256_in_base64():
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_only_scripts_written_into_the_page_that_run_are_hashed_as_the_browser_reads_them():
    assert inline_scripts(PAGE) == ["alert(1)", "a\nb"]  # not the file, not the JSON settings; CR LF read as LF


def test_the_policy():
    assert policy(["'sha256-x='", "'sha256-y='", "'sha256-x='"]) == (
        "default-src 'self'; script-src 'self' 'sha256-x=' 'sha256-y='; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'")


def test_the_meta_follows_the_charset_and_precedes_every_script():
    written = with_policy(PAGE)
    meta = written.index('<meta http-equiv="Content-Security-Policy"')
    assert written.index('<meta charset="utf-8">') < meta < written.index("<script")
    assert ("script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' "
            "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=';") in written


@pytest.mark.parametrize("page, message", [
    ("<html><head><title>t</title></head></html>", 'no <meta charset="utf-8"> to put the Content-Security-Policy '
                                                   "after"),
    ('<html><head><script>x</script><meta charset="utf-8"></head></html>',
     "a script comes before <meta charset>: the Content-Security-Policy would not cover it"),
    ('<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="x"></head></html>',
     "the page already has a Content-Security-Policy"),
])
def test_a_page_the_policy_cannot_cover_is_refused(page, message):
    with pytest.raises(PolicyError) as error:
        with_policy(page)
    assert str(error.value) == message


SHIM = ('(()=>{function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return s.map(e=>{return e})}'
        'var o=class{constructor(e){w.write(`<html><body><script>postMessage=${c};importScripts=${d};'
        'x("${e}")<\\/script><script src=${e}></script>`)}}})();')


def test_the_shim_frame_script_is_the_shims_functions_and_the_workers_address():
    assert shim_frame_script(SHIM, "../w.js") == (
        'postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
        "importScripts=function d(...s){return s.map(e=>{return e})};"
        'x("../w.js")')


def test_the_offline_policy_also_allows_the_shims_frame_script():
    written = with_policy(PAGE, SHIM)
    frame = script_hash(shim_frame_script(SHIM, "../w.js"))
    assert f"'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=' {frame};" in written


def test_a_shim_of_another_shape_is_refused():
    with pytest.raises(PolicyError, match="no longer writes its frame's script"):
        shim_frame_script("(()=>{window.Worker=class{}})();", "../w.js")
