"""The YAML reader under `yamlfile`: YAML 1.2's plain values only, and a refusal, at its mark, of anything else
(anchors and aliases, tags, nesting deeper than MAX_DEPTH). libyaml reads plain, well-formed data; the Python
reader reads the rest, to say what is wrong and where."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.cyaml import CParser  # type: ignore[attr-defined] # libyaml's parser; not in the stubs' exports
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import Node
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

MAX_DEPTH = 40


def compose(text: str) -> Node | None:
    """The document's nodes. libyaml (in C) reads plain, well-formed data about ten times faster; data it
    would have to refuse (an anchor, an alias, a tag, deep nesting) or cannot read goes through the Python
    reader below, which says exactly what is wrong and where."""
    if _FAST and plain_data(text):
        try:
            return FastLoader(text).get_single_node()
        except yaml.YAMLError:
            pass
    return Loader(text).get_single_node()


def plain_data(text: str) -> bool:
    """True if libyaml reads `text` as plain data: no anchors, aliases or tags, not nested too deeply, and no
    tab (libyaml allows one inside a value, where the Python reader refuses it)."""
    if "\t" in text:
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CBaseLoader):
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) or \
                    getattr(event, "tag", None) not in (None, "!"):
                return False
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth >= MAX_DEPTH:
                    return False
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False
    return True


class Refused(Exception):
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


class Loader(Reader, Scanner, Parser, Composer, _Resolver):
    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise Refused(event.start_mark, (
                "anchors and aliases (&name, *name) are not allowed; write the value out in full"))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(event.start_mark, (
                f"the YAML tag '{shown}' is not allowed; data files hold plain text, numbers, "
                f"true/false, lists and mappings only"))
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise Refused(event.start_mark, f"the data is nested too deeply (at most {MAX_DEPTH} levels)")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_FAST = yaml.__with_libyaml__
if _FAST:
    class FastLoader(CParser, _Resolver):
        """libyaml's reader with this module's YAML 1.2 resolver (only true/false are booleans)."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _Resolver.__init__(self)
