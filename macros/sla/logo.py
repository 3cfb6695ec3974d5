"""The council's logo (`logo:` in data/site.yaml) is a picture and nothing else.

The site publishes the file as it is (assets/images/), where a reader can open it on its own: an SVG is a document
that can run scripts, react to events and fetch other files. So a logo is a PNG (it starts with PNG's signature)
or an SVG with no script, no event handler attribute (`on…`), no reference outside itself (an `href`, `xlink:href`
or `src` other than a `#id` of the same file, a CSS `url(…)` other than `#id`, an `@import`, an animation of an
address), no `<foreignObject>`
(HTML inside the picture), no processing instruction (`<?xml-stylesheet …?>`) and no DOCTYPE or ENTITY (which can
bring in other files, or expand a few bytes into gigabytes): refused before the file is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
REFERENCES = {"href", "src", f"{XLINK} href"}
"""Attributes (namespace and local name) whose value is an address."""
_SEPARATOR = " "
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
REDO = "export the logo again as a plain picture, or save it as PNG"


def logo_problems(file: Path) -> list[str]:
    """What is wrong with the logo `file` (its name ends .svg or .png, as the model requires), as messages that
    follow the logo line of data/site.yaml; empty when it is fine."""
    raw = file.read_bytes()
    if file.suffix.lower() == ".png":
        if not raw.startswith(PNG_SIGNATURE):
            return [f"{file.name} is not a PNG image (it does not begin as a PNG file does); save the logo as PNG "
                    "again, or as SVG"]
        return []
    return svg_problems(file.name, raw)


def svg_problems(name: str, raw: bytes) -> list[str]:
    """What is wrong with the SVG `raw` (the file `name`); empty when it is a picture and nothing else."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [f"{name} is not an SVG picture (it is not UTF-8 text, as an SVG file is); save the logo as SVG or "
                "PNG again"]
    declaration = _DECLARATION.search(text)
    if declaration:  # refused before parsing: an entity could expand without end, or read another file
        return [f"{name} line {_line(text, declaration.start())}: has a <!{declaration.group(1).upper()} …>, "
                f"which can bring other files into the picture; {REDO}"]
    found: list[str] = []
    depth: list[int] = [0]  # how many elements are open
    styles: list[list[str]] = []  # the text of each <style> element open, in the pieces the parser reads
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)

    def problem(what: str) -> None:
        found.append(f"{name} line {parser.CurrentLineNumber}: {what}; {REDO}")

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = tag.rsplit(_SEPARATOR, 1)[-1]
        if local.lower() == "script":
            problem("has a <script>: a logo must not run anything")
        elif local == "foreignObject":
            problem("has a <foreignObject>, which puts other content than a picture into it")
        elif depth[0] == 0 and tag != f"{SVG}{_SEPARATOR}svg":
            problem(f"starts with <{local}>, not <svg xmlns=\"{SVG}\">: it is not an SVG picture")
        elif attributes.get("attributeName", "").rsplit(":", 1)[-1] in ("href", "src"):
            problem(f"has an <{local}> that changes an address ({attributes['attributeName']})")
        depth[0] += 1
        if local == "style":
            styles.append([])
        for attribute, value in attributes.items():
            local_attribute = attribute.rsplit(_SEPARATOR, 1)[-1]
            if local_attribute.lower().startswith("on"):
                problem(f"has an event handler ({local_attribute}=…): a logo must not run anything")
            elif attribute in REFERENCES and not value.strip().startswith("#"):
                problem(f"refers to {_quoted(value)} ({local_attribute}=…), outside the picture")
            else:
                _css_problems(value, problem)

    def end(tag: str) -> None:
        depth[0] -= 1
        if styles and tag.rsplit(_SEPARATOR, 1)[-1] == "style":
            _css_problems("".join(styles.pop()), problem)

    def data(text: str) -> None:
        if styles:
            styles[-1].append(text)

    def instruction(target: str, content: str) -> None:
        problem(f"has a processing instruction (<?{target} …?>)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as error:
        return [f"{name} line {error.lineno}: is not an SVG picture ({expat.ErrorString(error.code)}); save the "
                "logo as SVG or PNG again"]
    return found


def _css_problems(text: str, problem: Callable[[str], None]) -> None:
    """Report a CSS `url(…)` other than `#id`, or an `@import`, in `text` (a style or an attribute's value)."""
    if _IMPORT.search(text):
        problem("has a CSS @import, which fetches another file")
    for address in _URL.findall(text):
        if not address.startswith("#"):
            problem(f"refers to {_quoted(address)} (url(…)), outside the picture")


def _quoted(value: str) -> str:
    value = value.strip()
    return repr(value if len(value) <= 60 else value[:59] + "…")


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
