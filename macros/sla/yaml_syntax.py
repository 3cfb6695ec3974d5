"""What to do about YAML that the parser cannot read, in an officer's words: a quotation mark that ends a text
early or is never closed, a missing `:`, a tab, an empty list with entries under it, and hints for the rest."""

from __future__ import annotations

import re

import yaml

from .problems import Problem, shorten
from .yaml_loader import Loader

MISSING_COLON = "a `:` is missing after the key on this line"
UNCLOSED_QUOTE = "a quotation mark on this line is not closed; end the text with the same mark, or remove it"


def syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "unreadable YAML"
    lines = text.splitlines()
    for marked in (error.problem_mark, error.context_mark):
        early = _quote_ended_early(lines[marked.line]) if marked and marked.line < len(lines) else None
        if marked and early:
            return Problem(name, marked.line + 1, "", early)
    opened = error.context_mark if error.context == "while scanning a quoted scalar" else _swallowing_quote(text)
    if opened:
        return Problem(name, opened.line + 1, "", UNCLOSED_QUOTE)
    if problem.startswith("could not find expected ':'") and error.context_mark:
        return Problem(name, error.context_mark.line + 1, "", MISSING_COLON)  # the mark is at the key
    if problem.startswith("mapping values are not allowed") and mark and mark.line < len(lines):
        if KEY_THEN_BRACKET.match(lines[mark.line]):  # `codes {core: Y, gold: Y}`
            return Problem(name, mark.line + 1, "", MISSING_COLON)
        if _missing_colon_above(lines, mark):
            return Problem(name, _line_above(lines, mark.line) + 1, "", MISSING_COLON)
    if problem.startswith("expected <block end>") and mark:
        above = _line_above(lines, mark.line)
        empty = _EMPTY_LIST.fullmatch(lines[above]) if above >= 0 else None
        if empty:  # `package_prices: []` with entries added under it
            return Problem(name, above + 1, "", f"remove the `[]` after `{empty[1]}:` when you add entries under it")
    if "'\\t'" in problem and mark:
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if not before.strip(" \t-"):
            return Problem(name, line, "", "a tab character is used for indentation; indent with spaces only")
        return Problem(name, line, "", f"a tab character (column {mark.column + 1}) is not allowed here; "
                                       "use spaces instead")
    context = f" ({error.context})" if error.context else ""
    hint = next((hint for start, hint in _SYNTAX_HINTS if problem.startswith(start)), None)
    if hint and "not closed" in hint and error.context_mark:
        line = error.context_mark.line + 1  # point at the opening bracket or quote, not the end of file
    return Problem(name, line, "", f"YAML syntax error: {problem}{context}" + (f"; {hint}" if hint else ""))


_QUOTED_VALUE = re.compile(r"""\s*(?:-\s+)?(?:[\w-]+:\s+)?(['"])""")
"""A line whose value starts with a quotation mark; group 1 is the mark."""


def _quote_ended_early(line: str) -> str | None:
    """What to do when a quoted value on `line` has the same quotation mark inside it, which ends it early:
    `name: 'St Mary's School'` is read as 'St Mary' followed by stray words."""
    match = _QUOTED_VALUE.match(line)
    if not match:
        return None
    mark, end = match[1], match.end()
    while True:
        end = line.find(mark, end)
        if end < 0:
            return None
        if mark == "'" and line[end + 1:end + 2] == "'":  # '' is a quotation mark inside single quotes
            end += 2
        elif mark == '"' and line[end - 1] == "\\":
            end += 1
        else:
            break
    rest = line[end + 1:].strip()
    if not rest or rest[0] in "#,]}":
        return None
    typed = re.sub(r"\s+#.*$", "", line[match.start(1):].rstrip())
    inner = typed[1:-1] if len(typed) > 1 and typed.endswith(mark) else typed[1:]
    if mark == "'":
        doubled = inner.replace("'", "''")
        fix = f"write it twice ('{shorten(doubled)}'), or put the text in double quotes (\"{shorten(inner)}\")"
    else:
        escaped = inner.replace('"', '\\"')
        fix = f"write it as \\\" (\"{shorten(escaped)}\"), or put the text in single quotes ('{shorten(inner)}')"
    return f"the {mark} inside the quoted text {shorten(typed)} ends it early; {fix}"


def _swallowing_quote(text: str) -> yaml.Mark | None:
    """Where a quoted text starts that runs on over lines that look like `key: value`.

    A quotation mark left open makes the parser read the lines below as part of the text, up to the
    next quotation mark, and stumble far below the mistake.
    """
    scanner = Loader(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()
            quoted = isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
            if quoted and _KEY_LINE.search(text[token.start_mark.index:token.end_mark.index]):
                return token.start_mark
    except yaml.YAMLError:
        pass
    return None


KEY_THEN_BRACKET = re.compile(r"\s*(?:-\s+)?[\w-]+\s+[\[{]")
"""A key, then a list or mapping in brackets without the `:` between them."""
_KEY_LINE = re.compile(r"\n\s*(?:-\s+)?[\w-]+:(?:\s|$)")
"""A new line that starts with `key:` or `- key:`."""

_EMPTY_LIST = re.compile(r"\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:\s*\[\]\s*(?:#.*)?")
"""A line `key: []`, perhaps in a list entry or with a comment; group 1 is the key."""


def _line_above(lines: list[str], index: int) -> int:
    """The index of the nearest line above `index` that is not blank or a comment; -1 if none."""
    index -= 1
    while index >= 0 and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
        index -= 1
    return index


def _missing_colon_above(lines: list[str], mark: yaml.Mark) -> bool:
    """Whether 'mapping values are not allowed' at `mark` comes from a key without `:` on the line above.

    The parser reads `- id alex` and the `name:` below it as one text, `id alex name`, then stumbles on
    the `:`. That is the case when the `:` ends the first word of its line, and the line above is a key
    without `:`, not the continuation of a long value (`text: words` with more words below it).
    """
    if len(lines[mark.line][: mark.column].strip(" -").split()) != 1:
        return False
    above = _line_above(lines, mark.line)
    if above < 0 or re.search(r":(\s|$)", lines[above]):
        return False
    before = _line_above(lines, above)
    continued = before >= 0 and re.search(r":\s+\S", lines[before]) and _indent(lines[before]) < _indent(lines[above])
    return not continued


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_SYNTAX_HINTS = [
    ("mapping values are not allowed", "a value containing ': ' must be put in quotes"),
    ("expected <block end>", "this line is not indented in line with the lines above it"),
    ("expected ',' or '}'", "a '{' is not closed with '}'"),
    ("expected ',' or ']'", "a '[' is not closed with ']'"),
    ("found character", "text starting with this character must be put in quotes"),
    ("sequence entries are not allowed", "a '- ' list entry must start a line of its own"),
    ("but found another document", "remove the '---' line: a data file holds one document"),
]
