"""Load and validate the data files: the one entry point the site and the tools use."""

from __future__ import annotations

import difflib
import types
from pathlib import Path as FsPath
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel, ValidationError

from .catalog import Catalog
from .checks import find_problems, find_warnings
from .logo import logo_problems
from .models import ID_PATTERN, LOGO_PATTERN, Prices, Schools, Services, SiteInfo
from .problems import DataError, Path, Problem, one_of, shorten
from .review import fingerprint
from .yamlfile import EMPTY, YamlFile, read_yaml, symbolic_link

FILES: dict[str, type[BaseModel]] = {"services.yaml": Services, "prices.yaml": Prices, "schools.yaml": Schools,
                                     "site.yaml": SiteInfo}
NO_SCHOOLS = ("list the schools that get a page of their own under `schools:` (see data/README.md), or write "
              "`schools: []` for no school pages")
MISSING = {"schools.yaml": f"the file is missing; {NO_SCHOOLS}"}
EMPTY_HINTS = {"schools.yaml": f"the file is empty; {NO_SCHOOLS}"}
"""What to write in a file that may list nothing, when it is missing or empty: without it, pages would go
quietly."""
RENAMED = {"admin_pcs": "sims_pcs", "admin_pcs_over": "sims_pcs_over"}
"""Keys that an earlier edition of the data used, and what they are called now."""

_cache: dict[FsPath, tuple[tuple, Catalog]] = {}


def load(data_dir: FsPath) -> Catalog:
    """Read, validate and cross-check the data files in `data_dir`.

    Raises DataError listing every problem found; a file that cannot be parsed
    or has the wrong shape stops the reference checks, which need every file.
    """
    problems: list[Problem] = []
    files: dict[str, YamlFile] = {}
    models: dict[str, Any] = {}
    for name, model in FILES.items():
        shown = f"{data_dir.name}/{name}"
        if name in MISSING and not (data_dir / name).exists() and not (data_dir / name).is_symlink():
            problems.append(Problem(shown, 1, "", MISSING[name]))
            continue
        try:
            files[name] = read_yaml(data_dir / name, shown, EMPTY_HINTS.get(name, EMPTY))
            models[name] = model.model_validate(files[name].data)
        except DataError as error:
            problems += error.problems
        except ValidationError as error:
            problems += _problems(files[name], model, error, _known_ids(files))
        except Exception as error:  # a slip no check foresaw: one problem naming the file, never a traceback
            problems.append(unexpected(shown, error))
    if problems:
        raise DataError(problems, references_checked=False)
    problems = find_problems(*(models[name] for name in FILES), *(files[name] for name in FILES))
    logo = models["site.yaml"].logo
    if logo is not None:
        problems += _logo_problems(data_dir, logo, files["site.yaml"])
    if problems:
        raise DataError(problems)
    fingerprints = {name: fingerprint(name, files[name].data) for name in FILES}
    return Catalog(models["services.yaml"], models["prices.yaml"], models["schools.yaml"], models["site.yaml"],
                   warnings=find_warnings(models["services.yaml"], models["site.yaml"], files["services.yaml"],
                                          files["site.yaml"], fingerprints=fingerprints,
                                          prices=models["prices.yaml"], prices_file=files["prices.yaml"]),
                   fingerprints=fingerprints)


def unexpected(name: str, error: Exception) -> Problem:
    """A problem for an error that no check foresaw, in `name` (a file or folder): the build stops cleanly."""
    return Problem(name, 1, "", (
        f"cannot be read ({type(error).__name__}: {shorten(str(error), 200)}); undo your last change to it and "
        "run `make check` again, or ask for help with this message"))


def _logo_problems(data_dir: FsPath, logo: str, site: YamlFile) -> list[Problem]:
    """The logo is a file of data/ itself (not a link to one), a PNG or an SVG picture and nothing else (logo.py)."""
    path = data_dir / logo
    if path.is_symlink():
        return [symbolic_link(path, f"{data_dir.name}/{logo}")]
    if not path.is_file():
        return [site.problem(("logo",), (
            f"there is no file {logo} in {data_dir.name}/; put the logo file there, or remove this line"))]
    try:
        return [site.problem(("logo",), message) for message in logo_problems(path)]
    except OSError as error:
        return [Problem(f"{data_dir.name}/{logo}", 1, "", f"cannot read the file ({error.strerror})")]


def _known_ids(files: dict[str, YamlFile]) -> dict[str, list[str]]:
    """The ids of services.yaml that other keys refer to, for messages; read from the file as typed."""
    services = files.get("services.yaml")
    entries = services.data.get("school_types") if services and isinstance(services.data, dict) else None
    types = [entry["id"] for entry in entries or [] if isinstance(entry, dict) and isinstance(entry.get("id"), str)]
    return {"school_type": types}


def load_cached(data_dir: FsPath) -> Catalog:
    """`load`, reusing the last result while the files are unchanged (one build loads once)."""
    data_dir = data_dir.resolve()
    stamp = tuple((p.name, p.lstat().st_mtime_ns, p.lstat().st_size) for p in sorted(data_dir.iterdir())
                  if not p.is_dir())  # the data files, and the logo, whatever its name
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    catalog = load(data_dir)
    _cache[data_dir] = (stamp, catalog)
    return catalog


# --- pydantic errors as officer-readable problems ---------------------------

_PATTERNS = {
    ID_PATTERN: "lower-case letters, digits and single hyphens, e.g. platinum-plus",
    r"^\d{4}/\d{2}$": "four digits, a slash and two digits, e.g. 2008/09",
    r"^[A-Z](?:/[A-Z])?$": "a capital letter, or two separated by '/', e.g. O/B",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an e-mail address, e.g. name@calderdale.gov.uk",
    r"^https?://\S+$": "a web address starting with https://, e.g. https://www.calderdale.gov.uk",
    LOGO_PATTERN: "the name of an .svg or .png file in data/, e.g. council-logo.svg",
}


def _problems(file: YamlFile, model: type[BaseModel], error: ValidationError,
              known: dict[str, list[str]] | None = None) -> list[Problem]:
    """The problems of one file; a misspelt key is one problem, not also a missing key. `known`: the valid
    values of keys that refer to ids, by key, to list in messages."""
    details = error.errors(include_url=False)
    locs = [tuple(part for part in detail["loc"] if part != "[key]") for detail in details]
    meant = {loc[:-1] + (_meant(file, model, loc),)
             for detail, loc in zip(details, locs, strict=True) if detail["type"] == "extra_forbidden"}
    return [_problem(file, model, detail, loc, known or {}) for detail, loc in zip(details, locs, strict=True)
            if not (detail["type"] == "missing" and loc in meant)]


def _meant(file: YamlFile, model: type[BaseModel], loc: Path) -> str | None:
    """The key that the unknown key at `loc` is a misspelling of (or the new name of): a close one not already
    given."""
    if str(loc[-1]) in RENAMED:
        return RENAMED[str(loc[-1])]
    given = file.value_at(loc[:-1])
    unused = [name for name in _model_at(model, loc[:-1]).model_fields
              if not (isinstance(given, dict) and name in given)]
    close = difflib.get_close_matches(str(loc[-1]), unused, n=1)
    return close[0] if close else None


def _problem(file: YamlFile, model: type[BaseModel], detail: Any, loc: Path,
             known: dict[str, list[str]]) -> Problem:
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind == "missing":
        return file.problem(loc[:-1], f"missing required key '{loc[-1]}'")
    if kind == "extra_forbidden" and str(loc[-1]) in RENAMED:
        new = RENAMED[str(loc[-1])]
        return Problem(file.name, file.line_of(loc), file.where(loc[:-1]), (
            f"'{loc[-1]}' is now called '{new}': rename the key (the number counts PCs or laptops with access to "
            "SIMS throughout the school, not only those on the administration network)"))
    if kind == "extra_forbidden":
        fields = list(_model_at(model, loc[:-1]).model_fields)
        meant = _meant(file, model, loc)
        guess = f"; did you mean `{meant}`?" if meant else ""
        return Problem(file.name, file.line_of(loc), file.where(loc[:-1]),
                       f"unknown key '{loc[-1]}' {one_of(fields)}{guess}")
    messages = {
        "string_type": f"expected text, got {_describe(value)}",
        "int_type": f"expected a whole number, got {_describe(value)}",
        "bool_type": f"expected true or false, got {_describe(value)}",
        "list_type": f"expected a list (one '- ' line per item), got {_describe(value)}",
        "model_type": f"expected a mapping ('key: value' lines), got {_describe(value)}",
        "dict_type": f"expected a mapping ('key: value' lines), got {_describe(value)}",
        "string_too_short": "must not be empty",
        "too_short": f"needs at least {ctx.get('min_length')} item(s)",
        "greater_than_equal": f"must be at least {ctx.get('ge')}, got {_describe(value)}",
        "less_than_equal": f"must be at most {ctx.get('le')}, got {_describe(value)}",
    }
    low, high = _bounds(model, loc)
    if kind in ("greater_than_equal", "less_than_equal") and low is not None and high is not None:
        return file.problem(loc, f"must be from {low} to {high}, got {_describe(value)}")
    if kind == "literal_error":
        message = f"{_describe(value)} is not valid (valid: {ctx.get('expected', '').replace(chr(39), '')})"
    elif kind == "string_pattern_mismatch" and known.get(str(loc[-1])):
        ids = known[str(loc[-1])]
        message = f"{_describe(value)} is not a {str(loc[-1]).replace('_', ' ')} {one_of(ids, str(value).lower())}"
        if isinstance(value, str) and value.lower() in ids:
            message += f"; write it in lower case, '{value.lower()}'"
    elif kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        message = f"{_describe(value)} is not valid (valid: {_PATTERNS.get(pattern, pattern)})"
    elif kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        message = f"expected text, got {_describe(value)}; put it in quotes to keep it as text"
    else:
        message = messages.get(kind, detail["msg"])
    return file.problem(loc, message)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{shorten(str(value))}'"


def _bounds(model: type[BaseModel], loc: Path) -> tuple[Any, Any]:
    """The least and greatest value the number at `loc` may have (None where there is no bound)."""
    field = _model_at(model, loc[:-1]).model_fields.get(str(loc[-1])) if loc else None
    metadata = field.metadata if field else []
    low = next((item.ge for item in metadata if isinstance(item, Ge)), None)
    high = next((item.le for item in metadata if isinstance(item, Le)), None)
    return low, high


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel]:
    """The model class found by following `loc` from `model`."""
    current: Any = model
    for part in loc:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            args = get_args(current)
            current = args[-1] if args else current
    current = _strip(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else model


def _strip(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return annotation
