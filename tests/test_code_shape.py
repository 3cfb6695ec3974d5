"""The shape of the code, kept for whoever takes it over in a year (issue 19): every module under macros/ is at
most 500 lines (but the models, one per data file), every class at most 300, and no import is hidden inside a
function (when two modules need each other, the shared piece moves down into a third that both import)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

MACROS = Path(__file__).resolve().parent.parent / "macros"
MODULE_LINES = 500
CLASS_LINES = 300

LONG_MODULES = {"sla/models.py": "one pydantic model per data file, every field described, read as one reference"}
"""Modules that may be longer than MODULE_LINES, and why."""

FUNCTION_IMPORTS = {("__init__.py", "define_env"): (
    "mkdocs-macros calls define_env only in a build; site.py imports MkDocs, and Python runs macros/__init__.py "
    "before any module of macros.sla, so importing it at the top would make `python -m macros.sla` (make check, "
    "make new-year) import MkDocs"),
    **{("sla/deadlines.py", function): (
        "importing the holidays package loads the rules of every country it has (a fifth of a second of each "
        "build); a build reads England's bank holidays from its own copy and needs the package only to make it")
       for function in ("_package_years", "_from_package")}}
"""Imports inside a function that are allowed, by (module, function), and why."""

BEING_RESHAPED: set[str] = set()
"""Temporary exceptions while a module is being split (issue 19), e.g. "lines sla/pages.py" or
"class sla/render.py Renderer": empty now that pages.py and render.py are split by what they do; an entry here
is meant to go in the same piece of work that adds it."""


def modules() -> list[tuple[str, str]]:
    """Each Python module under macros/, by its path from macros/, with its text."""
    return [(path.relative_to(MACROS).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(MACROS.rglob("*.py"))]


def long_classes(source: str, limit: int = CLASS_LINES) -> list[tuple[str, int]]:
    """The classes of `source` (nested ones too) longer than `limit` lines, with their lengths."""
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ClassDef) and node.end_lineno and node.end_lineno - node.lineno + 1 > limit]


def hidden_imports(source: str) -> list[tuple[str, int]]:
    """Each import inside a function (or a method, or a function inside one) of `source`: the outermost
    function's name and the import's line."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if function and isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append((function, child.lineno))
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            visit(child, function or name)

    visit(ast.parse(source), None)
    return found


# -- the measures themselves --------------------------------------------------------------------------------


def test_a_class_is_measured_from_its_first_line_to_its_last():
    source = "class Short:\n    a = 1\n\n\nclass Long:\n" + "    a = 1\n" * 5
    assert long_classes(source, limit=5) == [("Long", 6)]
    assert long_classes(source, limit=6) == []


def test_an_import_in_a_method_or_a_nested_function_is_found_and_one_at_the_top_is_not():
    source = ("import os\n\n\nclass A:\n    def method(self):\n        from . import site\n\n\n"
              "def outer():\n    def inner():\n        import json\n    return inner\n")
    assert hidden_imports(source) == [("method", 6), ("outer", 11)]


# -- the code ---------------------------------------------------------------------------------------------


def test_no_module_is_over_500_lines_but_the_models():
    too_long = [f"macros/{name}: {len(text.splitlines())} lines" for name, text in modules()
                if len(text.splitlines()) > MODULE_LINES and name not in LONG_MODULES
                and f"lines {name}" not in BEING_RESHAPED]
    assert too_long == [], (f"at most {MODULE_LINES} lines a module: split each by what it does, as "
                            "macros/sla/checks/ is split by what it checks")


def test_no_class_is_over_300_lines():
    too_long = [f"macros/{name}: class {cls}, {length} lines" for name, text in modules()
                for cls, length in long_classes(text) if f"class {name} {cls}" not in BEING_RESHAPED]
    assert too_long == [], (f"at most {CLASS_LINES} lines a class: move a family of methods into a module or a "
                            "class of its own")


def test_no_import_is_hidden_inside_a_function():
    hidden = [f"macros/{name}:{line}: in {function}" for name, text in modules()
              for function, line in hidden_imports(text)
              if (name, function) not in FUNCTION_IMPORTS and f"import {name} {function}" not in BEING_RESHAPED]
    assert hidden == [], ("import at the top of the module; if that makes a circle, move the piece both modules "
                          "need down into a third module that both import")


def test_every_exception_still_names_code_that_exists():
    """An allowance for a module or function that has gone would hide the next one of that name."""
    names = dict(modules())
    assert [name for name in LONG_MODULES if name not in names] == []
    assert [(name, function) for name, function in FUNCTION_IMPORTS
            if function not in [found for found, _ in hidden_imports(names.get(name, ""))]] == []
