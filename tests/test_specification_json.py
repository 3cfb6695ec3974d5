"""downloads/specification.json holds every data file's model, every field of it: a field added to
macros/sla/models.py and left out of the JSON fails here. (The file in a built site: test_downloads.py.)"""

from __future__ import annotations

import json
import types
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from macros.sla import models
from macros.sla.downloads import data_json

pytestmark = pytest.mark.unit


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation can hold directly (`Contact`, `Contact | None`)."""
    options = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else (annotation,)
    return [option for option in options if isinstance(option, type) and issubclass(option, BaseModel)]


def sample(annotation: Any, within: tuple[type[BaseModel], ...] = ()) -> Any:
    """A value for a field of this type, with every nested model and list filled in (a list of a model that
    contains itself, like a clause's clauses, is left empty one level down)."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return sample(args[0], within)
    if origin in (Union, types.UnionType):
        options = _models_in(annotation) or [arg for arg in args if arg is not type(None)]
        return sample(options[0], within)
    if origin is Literal:
        return args[0]
    if origin is list:
        return [] if set(_models_in(_bare(args[0]))) & set(within) else [sample(args[0], within)]
    if origin is dict:
        return {"key": sample(args[1], within)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.model_construct(**{name: sample(info.annotation, within + (annotation,))
                                             for name, info in annotation.model_fields.items()})
    samples = {str: "text", bool: True, int: 1, Decimal: Decimal("1.00")}
    if annotation in samples:
        return samples[annotation]
    raise TypeError(f"no sample value for {annotation!r}: teach sample() this type")


def _bare(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def missing(annotation: Any, value: Any, where: str, seen: set[type[BaseModel]]) -> list[str]:
    """Every model field under `annotation` that `value` (the JSON) lacks, as a path."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return missing(args[0], value, where, seen)
    if origin is list:
        return [gap for index, item in enumerate(value) for gap in missing(args[0], item, f"{where}[{index}]", seen)]
    if origin is dict:
        return [gap for key, item in value.items() for gap in missing(args[1], item, f"{where}.{key}", seen)]
    found = _models_in(annotation)
    if not found:
        return []
    model = found[0]
    seen.add(model)
    gaps = []
    for name, info in model.model_fields.items():
        if name not in value:
            gaps.append(f"{where}.{name}")
        else:
            gaps += missing(info.annotation, value[name], f"{where}.{name}", seen)
    return gaps


FILES = {"services": models.Services, "prices": models.Prices, "schools": list[models.School],
         "site": models.SiteInfo}


def test_every_field_of_every_model_is_in_the_json():
    catalog = types.SimpleNamespace(services=sample(models.Services), prices=sample(models.Prices),
                                    schools=sample(list[models.School]), site=sample(models.SiteInfo))
    data = json.loads(data_json(catalog))
    assert sorted(data) == ["prices", "schools", "services", "site"]
    seen: set[type[BaseModel]] = set()
    gaps = [gap for key, annotation in FILES.items() for gap in missing(annotation, data[key], key, seen)]
    assert gaps == []
    every_model = {model for model in vars(models).values()
                   if isinstance(model, type) and issubclass(model, models.Model) and model is not models.Model}
    # Every model was walked, or a subclass of it (`Described`, the base of `Tier` and `Offer`), except
    # `Schools`, the file itself: its one field is the list under "schools".
    unwalked = [model.__name__ for model in every_model if not any(issubclass(found, model) for found in seen)]
    assert unwalked == ["Schools"]


def test_the_walk_finds_a_field_left_out():
    """The check above can fail: leave one nested field out of the JSON and it is named."""
    catalog = types.SimpleNamespace(services=sample(models.Services), prices=sample(models.Prices),
                                    schools=sample(list[models.School]), site=sample(models.SiteInfo))
    data = json.loads(data_json(catalog))
    del data["site"]["accessibility"]["known_issues"][0]["reason"]
    del data["services"]["contacts"][0]["telephone"]
    gaps = [gap for key, annotation in FILES.items() for gap in missing(annotation, data[key], key, set())]
    assert gaps == ["services.contacts[0].telephone", "site.accessibility.known_issues[0].reason"]
