"""Read a YAML data file safely and remember the line of every key.

Officers edit the data by hand, so reading it must never run code, hang or
quietly lose a value. This reader:

- refuses a file over 2 MB before reading it (data files are a few hundred KB);
- decodes UTF-8 strictly and reports the line of a bad byte, and of a control
  character (such as the vertical tab a word processor pastes);
- builds only plain values (text, numbers, true/false, lists, mappings): any
  explicit tag (`!!python/object`, `!!str`, ...) is refused;
- refuses anchors and aliases (`&name`, `*name`), so an alias bomb cannot
  expand;
- reports duplicate keys instead of keeping the last one;
- reads `yes`, `no`, `on`, `off` as text (YAML 1.2), so `No` in a table stays
  the word "No";
- refuses a number of more than 15 digits, which no value can need;
- reports a line starting with `- ` that YAML joins to the text above it (a
  list item indented too deep);
- records the line of every key path, so later checks can say where a
  problem is, and names the entry a problem is in (`YamlFile.where`).

The reader itself is `yaml_loader.py`; what to say about YAML it cannot read, `yaml_syntax.py`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import DataError, Path, Problem, format_path, ordinal, price_fix, shorten
from .yaml_loader import MAX_DEPTH, Refused, compose
from .yaml_syntax import KEY_THEN_BRACKET, MISSING_COLON, syntax_problem

MAX_BYTES = 2_000_000
"""A data file is a few hundred KB at most; a bigger one is refused before it is read."""
MAX_DIGITS = 15
"""No value in the data has more digits than this (prices, counts and days have a few)."""
EMPTY = "the file is empty; it must hold the keys described in data/README.md"
NAME_KEYS = ("id", "name", "service", "code", "phase", "heading", "title", "type", "channel", "when", "text",
             "words")
"""Keys whose value names a list entry in a message, in order of preference."""


@dataclass
class YamlFile:
    """The plain data of one file and the line of each key path in it."""

    name: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    text: str = ""
    """The file's text, as read."""

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of the nearest enclosing key that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: Path, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), self.where(path), message)

    def value_at(self, path: Path) -> Any:
        """The value at `path`, or None if there is none."""
        value = self.data
        for part in path:
            value = _child(value, part)
        return value

    def line_containing(self, path: Path, words: str) -> int:
        """The line of the value at `path` on which `words` appear: a text of several lines is reported at the
        line that has them, not at its key; the key's line if they are not found before the next key."""
        start = self.line_of(path)
        after = [line for line in self.lines.values() if line > start]
        end = min(after) - 1 if after else len(self.text.splitlines())
        for number, line in enumerate(self.text.splitlines()[start - 1:end], start=start):
            if words in line:
                return number
        return start

    def where(self, path: Path) -> str:
        """`path` as an officer reads it, who counts from 1 and looks for names.

        The entry of the last list position is counted and named, and a plain list item after it
        counted: `schools[6] (the 7th: Example Ridge Academy).tier`,
        `school_types[3] (the 4th: secondary).additional_cost[1] (the 2nd)`. A single value written
        where a list may be (`text: Words.`) has no `[0]`.
        """
        parts: list[str | int] = []
        values: list[Any] = []
        value = self.data
        for part in path:
            if isinstance(part, int) and isinstance(value, str):
                continue
            parts.append(part)
            value = _child(value, part)
            values.append(value)
        positions = [(k, part) for k, part in enumerate(parts) if isinstance(part, int)]
        entries = [(k, index) for k, index in positions if isinstance(values[k], dict)]
        notes = {k: _entry_name(index, values[k], parts[k + 1] if k + 1 < len(parts) else None)
                 for k, index in positions[-1:] + entries[-1:]}
        return format_path(tuple(parts), notes)


def read_yaml(file: FsPath, name: str, empty: str = EMPTY) -> YamlFile:
    """Read `file` (shown to officers as `name`); raise DataError if it cannot be read. `empty` is the message
    for a file with no data in it."""
    if file.is_symlink():
        raise DataError([symbolic_link(file, name)])
    try:
        size = file.stat().st_size
        if size > MAX_BYTES and file.is_file():
            raise DataError([Problem(name, 1, "", (
                f"the file is {size / 1_000_000:.1f} MB, more than a data file can be (at most "
                f"{MAX_BYTES // 1_000_000} MB); check that it is the right file: the data files are a few "
                "hundred KB"))])
        raw = file.read_bytes()
    except OSError as error:
        raise DataError([Problem(name, 1, "", f"cannot read the file ({error.strerror})")]) from None
    return parse_yaml(raw, name, empty)


def symbolic_link(file: FsPath, name: str) -> Problem:
    """The problem of a data file (shown as `name`) that is a link to another file: the site would publish, and
    archives keep, whatever the link points at, which may be outside data/ and change unseen."""
    try:
        target = f" to {os.readlink(file)}"
    except OSError:
        target = ""
    return Problem(name, 1, "", f"is a symbolic link{target}, not a file; put the file itself here (copy it into "
                                "data/ in place of the link)")


def parse_yaml(raw: bytes, name: str, empty: str = EMPTY) -> YamlFile:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise DataError([Problem(name, line, "", (
            f"byte 0x{byte:02x} is not valid UTF-8; save the file with UTF-8 encoding "
            f"(a '£' typed in another encoding is the usual cause)"))]) from None
    controls = _control_characters(name, text)
    if controls:
        raise DataError(controls)
    try:
        node = compose(text)
    except Refused as error:
        raise DataError([Problem(name, error.mark.line + 1, "", error.message)]) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([syntax_problem(name, text, error)]) from None
    except RecursionError:
        raise DataError([Problem(name, 1, "", f"the data is nested too deeply (at most {MAX_DEPTH} levels)")]) from None
    if node is None:
        raise DataError([Problem(name, 1, "", empty)])
    result = YamlFile(name, None, {(): node.start_mark.line + 1}, text)
    found: list[_Found] = []
    result.data = _to_python(node, (), result, found)
    if found:
        raise DataError([Problem(name, line, result.where(path), message) for line, path, message in found])
    return result


# ---------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters: C0 but tab, line feed and carriage return; delete; C1."""
_CONTROL_NAMES = {0x00: "a null character", 0x08: "a backspace", 0x0B: "a vertical tab", 0x0C: "a form feed",
                  0x1B: "an escape character", 0x7F: "a delete character", 0x85: "a next-line character"}


def _control_characters(name: str, text: str) -> list[Problem]:
    """The first control character of each line that has one: nothing a reader can see, and YAML refuses it."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _CONTROL.search(line)
        if found:
            code = ord(found.group())
            what = _CONTROL_NAMES.get(code, "a control character")
            problems.append(Problem(name, number, "", (
                f"U+{code:04X}, {what}, is in this line (column {found.start() + 1}); delete it (word processors "
                "paste such characters with copied text), and type a space or a new line if one is meant there")))
    return problems


def _child(value: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return value[part] if isinstance(value, list) and 0 <= part < len(value) else None
    return value.get(part) if isinstance(value, dict) else None


def _entry_name(index: int, entry: Any, next_key: str | int | None) -> str:
    """`the 7th: Example Ridge Academy`, or `the 7th` for an entry without a name-like value.

    The key the path goes on to does not name the entry: the message is about that value."""
    values = [entry.get(key) for key in NAME_KEYS if isinstance(entry, dict) and key != next_key]
    names = [value if isinstance(value, str) else value[0] for value in values  # a list is named by its first
             if isinstance(value, str) or (isinstance(value, list) and value and isinstance(value[0], str))]
    name = " ".join(names[0].split()) if names else ""
    if len(name) > 40:
        name = name[:39].rstrip() + "…"
    return f"the {ordinal(index + 1)}: {name}" if name else f"the {ordinal(index + 1)}"


_PLAIN_TAGS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",
    "tag:yaml.org,2002:null": lambda value: None,
}


_Found = tuple[int, Path, str]
"""A problem found while reading: its line, key path and message."""


def _joined_item(node: ScalarNode, path: Path, result: YamlFile, found: list[_Found]) -> None:
    """A plain text over several lines, one of which starts with `- `: a list item indented deeper than the item
    above, which YAML reads as more words of that item ("...(client); - remote support...")."""
    lines, value = result.text.splitlines(), str(node.value)
    for index in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
        joined = lines[index].strip()
        if joined.startswith("- ") or joined == "-":
            at = max(value.find(joined[:20]), 0)
            start, end = max(at - 30, 0), min(at + 30, len(value))
            shown = ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
            found.append((index + 1, path, (
                f"this line starts with '- ' but is indented deeper than the item above (line "
                f"{node.start_mark.line + 1}), so it was joined to that item's text ('{shown}'); indent its '- ' "
                "like the item above")))
            return


def _to_python(node: Node, path: Path, result: YamlFile, found: list[_Found]) -> Any:
    if isinstance(node, ScalarNode):
        plain = not node.style  # plain: None, or "" from libyaml
        if plain and node.end_mark.line > node.start_mark.line:
            _joined_item(node, path, result, found)
        convert = _PLAIN_TAGS.get(node.tag) if plain else None
        digits = sum(char.isdigit() for char in re.sub(r"[eE].*", "", node.value))
        if convert in (int, float) and digits > MAX_DIGITS:
            found.append((node.start_mark.line + 1, path, (
                f"the number {shorten(node.value, 20)} has {digits} digits, more than any value here can have "
                f"(at most {MAX_DIGITS}); write the number meant")))
            return None
        return convert(node.value) if convert else node.value
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            result.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_to_python(item, path + (index,), result, found))
        return items
    assert isinstance(node, MappingNode)
    mapping: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    last: tuple[str, Node] | None = None  # the last key given with a `:`, and its value
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
            found.append((line, path, "a key must be a plain word"))
            continue
        key = key_node.value
        if not key_node.style and KEY_THEN_BRACKET.match(key):  # `prices {primary: 850}`
            found.append((line, path, MISSING_COLON))
            continue
        if ":" not in result.text[key_node.end_mark.index:value_node.start_mark.index]:
            typed = result.text[last[1].start_mark.index:key_node.end_mark.index] if last else ""
            if last and price_fix(typed):  # `{primary: 1,090}` read as `{primary: 1, 090: }`
                mapping[last[0]] = typed  # the price as typed, for the model to explain
            else:
                found.append((line, path, MISSING_COLON))
            continue
        if key in first_line:
            found.append((line, path + (key,), (
                f"duplicate key '{key}' (first given at line {first_line[key]}); each key may appear once")))
            continue
        first_line[key] = line
        result.lines[path + (key,)] = line
        mapping[key] = _to_python(value_node, path + (key,), result, found)
        last = (key, value_node)
    return mapping

