"""The council's logo is a picture and nothing else: a PNG, or an SVG with no script, event handler, outside
reference, foreign content or DOCTYPE (macros/sla/logo.py); and no data file, nor the logo, is a symbolic link."""

from __future__ import annotations

import os

import pytest

from macros.sla.load import load
from test_data_errors import problems

pytestmark = pytest.mark.unit

SITE = "data/site.yaml"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
REDO = "export the logo again as a plain picture, or save it as PNG"


def with_logo(minimal, name: str, content: bytes | str) -> int:
    """`name` as the logo in data/, with `content`; the line of `logo:` in site.yaml."""
    minimal.write(name, content)
    return minimal.edit("site.yaml", "owner: Test Council\n", f"owner: Test Council\nlogo: {name}\n") + 1


def test_a_png_logo_is_published(minimal):
    with_logo(minimal, "crest.png", PNG)
    assert load(minimal.dir).site.logo == "crest.png"


def test_a_plain_svg_logo_is_published(minimal):
    with_logo(minimal, "crest.svg", '<?xml version="1.0" encoding="UTF-8"?>\n'
              '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'
              '<defs><linearGradient id="g"/><circle id="c" r="4"/></defs><style>circle { fill: url(#g) }</style>'
              '<use href="#c"/><use xlink:href="#c" style="fill: url(\'#g\')"/></svg>\n')
    assert load(minimal.dir).site.logo == "crest.svg"


def test_a_png_logo_must_be_a_png(minimal):
    line = with_logo(minimal, "crest.png", b"GIF89a\x01\x00")
    assert problems(minimal) == [
        f"{SITE}:{line}: logo: crest.png is not a PNG image (it does not begin as a PNG file does); save the logo "
        "as PNG again, or as SVG"]


@pytest.mark.parametrize("svg, problem", [
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>',
     "line 2: has a <script>: a logo must not run anything"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n\n<circle r="4" onclick="alert(1)"/></svg>',
     "line 3: has an event handler (onclick=…): a logo must not run anything"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onLoad="alert(1)"/>',
     "line 1: has an event handler (onLoad=…): a logo must not run anything"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png"/></svg>',
     "line 1: refers to 'https://example.com/a.png' (href=…), outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"'
     '/></svg>', "line 1: refers to 'javascript:alert(1)' (href=…), outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>',
     "line 1: refers to 'data:image/png;base64,AAAA' (href=…), outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><img src="a.png"/></svg>',
     "line 1: refers to 'a.png' (src=…), outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject><p>x</p></foreignObject></svg>',
     "line 2: has a <foreignObject>, which puts other content than a picture into it"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>\n@import "https://example.com/a.css";\n</style></svg>',
     "line 3: has a CSS @import, which fetches another file"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><circle style="fill: url(https://example.com/f.svg#g)"/></svg>',
     "line 1: refers to 'https://example.com/f.svg#g' (url(…)), outside the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
     "line 1: has an <set> that changes an address (href)"),
    ('<?xml-stylesheet href="https://example.com/a.css"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
     "line 1: has a processing instruction (<?xml-stylesheet …?>)"),
    ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
     "line 2: has a <!DOCTYPE …>, which can bring other files into the picture"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<!ENTITY x SYSTEM "file:///etc/passwd"></svg>',
     "line 2: has a <!ENTITY …>, which can bring other files into the picture"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"/>',
     'line 1: starts with <html>, not <svg xmlns="http://www.w3.org/2000/svg">: it is not an SVG picture'),
], ids=["script", "onclick", "onload", "outside-href", "xlink-javascript", "data-href", "src", "foreign-object",
        "css-import", "css-url", "animated-href", "stylesheet-instruction", "doctype", "entity", "not-svg"])
def test_an_svg_logo_is_a_picture_and_nothing_else(minimal, svg, problem):
    line = with_logo(minimal, "crest.svg", svg)
    assert problems(minimal) == [f"{SITE}:{line}: logo: crest.svg {problem}; {REDO}"]


@pytest.mark.parametrize("content, problem", [
    (PNG, "crest.svg is not an SVG picture (it is not UTF-8 text, as an SVG file is); save the logo as SVG or PNG "
          "again"),
    ("plain text\n", "crest.svg line 1: is not an SVG picture (syntax error); save the logo as SVG or PNG again"),
    ("<svg xmlns='http://www.w3.org/2000/svg'>\n<circle></svg>",
     "crest.svg line 2: is not an SVG picture (mismatched tag); save the logo as SVG or PNG again"),
], ids=["a-png-named-svg", "text", "not-well-formed"])
def test_an_svg_logo_must_be_svg(minimal, content, problem):
    line = with_logo(minimal, "crest.svg", content)
    assert problems(minimal) == [f"{SITE}:{line}: logo: {problem}"]


def test_a_logo_that_is_a_link_is_refused(minimal, tmp_path):
    (tmp_path / "crest.png").write_bytes(PNG)
    os.symlink(tmp_path / "crest.png", minimal.dir / "crest.png")
    minimal.edit("site.yaml", "owner: Test Council\n", "owner: Test Council\nlogo: crest.png\n")
    assert problems(minimal) == [
        f"data/crest.png:1: is a symbolic link to {tmp_path / 'crest.png'}, not a file; put the file itself here "
        "(copy it into data/ in place of the link)"]


@pytest.mark.parametrize("name", ["services.yaml", "prices.yaml", "schools.yaml", "site.yaml"])
def test_a_data_file_that_is_a_link_is_refused(minimal, tmp_path, name):
    (minimal.dir / name).rename(tmp_path / name)
    os.symlink(tmp_path / name, minimal.dir / name)
    assert problems(minimal) == [
        f"data/{name}:1: is a symbolic link to {tmp_path / name}, not a file; put the file itself here (copy it "
        "into data/ in place of the link)"]


def test_a_link_to_nothing_is_a_link_not_a_missing_file(minimal, tmp_path):
    (minimal.dir / "schools.yaml").unlink()
    os.symlink(tmp_path / "gone.yaml", minimal.dir / "schools.yaml")
    assert problems(minimal) == [
        f"data/schools.yaml:1: is a symbolic link to {tmp_path / 'gone.yaml'}, not a file; put the file itself here "
        "(copy it into data/ in place of the link)"]
