"""Which texts of an edition are not found word for word in the published specification.

The published copy is a flattened scrape (see tests/fixtures/source/README.md): its list items start lines with
"- " or follow a colon as ":- ", and its tables are run together. A text of the data is found when, with its
placeholders filled in as the site fills them and whitespace and quote marks made alike on both sides, it occurs
in the copy. A `{section:id}` may be found as "section 3.2.5" or as the bare "3.2.5" (the copy says "set out in
5.3"), but only with the number the site gives that clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from macros.sla.load import load
from macros.sla.render import Renderer
from macros.sla.text import split

NOT_TEXT = {"id", "kind", "phase", "codes", "applies_to", "builds_on", "show", "edition_notes", "edition_note",
            "school_type", "contact", "price_list", "code", "level", "no_additional_cost", "additional_cost",
            "bank_holidays", "working_days", "working_hours", "email", "telephone", "fax", "unit", "every",
            "upon_receipt", "after_initial_assessment", "while_unresolved", "attention_working_days",
            "sims_pcs_over", "offer", "predetermined_response_times", "financial_year", "prices", "price",
            "phases", "channel", "tiers_note", "conditions", "paid"}
"""Keys whose values are identifiers, codes, numbers or settings, not words a reader is given as the
specification's. (`phases` is a list of texts only in prices.yaml, where it lists phase ids.)"""

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalise(text: str) -> str:
    """Quote marks and dashes made plain, runs of whitespace made one space."""
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def published(source: Path) -> str:
    """The published copy, its flattened list markers taken out, normalised."""
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^- ", "", text).replace(":- ", ": ")
    return normalise(text)


def texts(node: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every text of a data file with its path: dotted keys, and list entries by their id (or phase, service or
    name) where they have one, else by position."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in NOT_TEXT and not (key == "phases" and isinstance(value, list) and value
                                        and isinstance(value[0], dict)):
                continue
            yield from texts(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            name = str(index)
            if isinstance(value, dict):
                name = str(value.get("id") or value.get("phase") or value.get("service") or value.get("name") or index)
            yield from texts(value, (*path, name))
    elif isinstance(node, str):
        yield ".".join(path), node


def not_verbatim(data_dir: Path, source: Path) -> dict[str, str]:
    """The texts of services.yaml and prices.yaml in `data_dir` that the published copy does not contain, by
    path ('services.yaml:phases.primary.tiers.core.description')."""
    copy = published(source)
    catalog = load(data_dir)
    renderer = Renderer(catalog, lambda path, anchor: "")
    missing = {}
    for name in ("services.yaml", "prices.yaml"):
        data = yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))
        for path, text in texts(data):
            if not _found(text, copy, catalog, renderer):
                missing[f"{name}:{path}"] = text
    return missing


def _found(text: str, copy: str, catalog, renderer: Renderer) -> bool:
    pattern = []
    for part in split(text):
        if isinstance(part, str):
            words = re.sub(r"\s+", " ", part.translate(QUOTES))
            pattern.append(re.escape(words).replace(r"\ ", " ").replace(" ", r"\s?"))
        elif part.kind == "section":
            pattern.append(r"(?:section )?" + re.escape(catalog.clause(part.key).number))
        else:
            pattern.append(re.escape(normalise(renderer.plain(part.source))))
    return re.search("".join(pattern).strip(), copy) is not None
