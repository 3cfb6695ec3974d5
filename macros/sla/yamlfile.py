"""Read a YAML data file safely and remember the line of every key.

Officers edit the data by hand, so reading it must never run code, hang or
quietly lose a value. This reader:

- decodes UTF-8 strictly and reports the line of a bad byte;
- builds only plain values (text, numbers, true/false, lists, mappings): any
  explicit tag (`!!python/object`, `!!str`, ...) is refused;
- refuses anchors and aliases (`&name`, `*name`), so an alias bomb cannot
  expand;
- reports duplicate keys instead of keeping the last one;
- reads `yes`, `no`, `on`, `off` as text (YAML 1.2), so `No` in a table stays
  the word "No";
- records the line of every key path, so later checks can say where a
  problem is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import DataError, Path, Problem, format_path

MAX_DEPTH = 40


@dataclass
class YamlFile:
    """The plain data of one file and the line of each key path in it."""

    name: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of the nearest enclosing key that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: Path, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), format_path(path), message)


def read_yaml(file: FsPath, name: str) -> YamlFile:
    """Read `file` (shown to officers as `name`); raise DataError if it cannot be read."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise DataError([Problem(name, 1, "", f"cannot read the file ({error.strerror})")]) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> YamlFile:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise DataError([Problem(name, line, "", (
            f"byte 0x{byte:02x} is not valid UTF-8; save the file with UTF-8 encoding "
            f"(a '£' typed in another encoding is the usual cause)"))]) from None
    try:
        node = _Loader(text).get_single_node()
    except _Refused as error:
        raise DataError([Problem(name, error.mark.line + 1, "", error.message)]) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(name, text, error)]) from None
    except RecursionError:
        raise DataError([Problem(name, 1, "", f"the data is nested too deeply (at most {MAX_DEPTH} levels)")]) from None
    if node is None:
        raise DataError([Problem(name, 1, "", "the file is empty; it must hold the keys described in the README")])
    result = YamlFile(name, None, {(): node.start_mark.line + 1})
    problems: list[Problem] = []
    result.data = _to_python(node, (), result, problems)
    if problems:
        raise DataError(problems)
    return result


# ---------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str):
        self.mark = mark
        self.message = message


class _Resolver(BaseResolver):
    """YAML 1.2 core schema: only true/false are booleans; no octal, no sexagesimal."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Loader(Reader, Scanner, Parser, Composer, _Resolver):
    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, (
                "anchors and aliases (&name, *name) are not allowed; write the value out in full"))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(event.start_mark, (
                f"the YAML tag '{shown}' is not allowed; data files hold plain text, numbers, "
                f"true/false, lists and mappings only"))
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"the data is nested too deeply (at most {MAX_DEPTH} levels)")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "unreadable YAML"
    if "'\\t'" in problem and mark:
        before = text.splitlines()[mark.line][: mark.column] if mark.line < len(text.splitlines()) else ""
        if not before.strip(" \t-"):
            return Problem(name, line, "", "a tab character is used for indentation; indent with spaces only")
        return Problem(name, line, "", f"a tab character (column {mark.column + 1}) is not allowed here; "
                                       "use spaces instead")
    context = f" ({error.context})" if error.context else ""
    hint = next((hint for start, hint in _SYNTAX_HINTS if problem.startswith(start)), None)
    if hint and "not closed" in hint and error.context_mark:
        line = error.context_mark.line + 1  # point at the opening bracket or quote, not the end of file
    return Problem(name, line, "", f"YAML syntax error: {problem}{context}" + (f"; {hint}" if hint else ""))


_SYNTAX_HINTS = [
    ("mapping values are not allowed", "a value containing ': ' must be put in quotes"),
    ("expected <block end>", "this line is not indented in line with the lines above it"),
    ("expected ',' or '}'", "a '{' is not closed with '}'"),
    ("expected ',' or ']'", "a '[' is not closed with ']'"),
    ("found unexpected end of stream", "a quotation mark is not closed"),
]


_PLAIN_TAGS = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",
    "tag:yaml.org,2002:null": lambda value: None,
}


def _to_python(node: Node, path: Path, result: YamlFile, problems: list[Problem]) -> Any:
    if isinstance(node, ScalarNode):
        convert = _PLAIN_TAGS.get(node.tag) if node.style is None else None
        return convert(node.value) if convert else node.value
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            result.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_to_python(item, path + (index,), result, problems))
        return items
    assert isinstance(node, MappingNode)
    mapping: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
            problems.append(Problem(result.name, line, format_path(path), "a key must be a plain word"))
            continue
        key = key_node.value
        if key in first_line:
            problems.append(Problem(result.name, line, format_path(path + (key,)), (
                f"duplicate key '{key}' (first given at line {first_line[key]}); each key may appear once")))
            continue
        first_line[key] = line
        result.lines[path + (key,)] = line
        mapping[key] = _to_python(value_node, path + (key,), result, problems)
    return mapping
