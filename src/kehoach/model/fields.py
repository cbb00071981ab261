"""What a model's fields hold: the nested model and whether it is a date, through
Optional, list and Annotated. Shared by `fmt` (field order) and the error messages
(a field's words, the keys allowed beside it)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel


def inner(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(nested model, is a date) of a field annotation, through Optional, list and Annotated."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return inner(get_args(annotation)[0])
    if origin in (Union, list) or str(origin) == "<class 'types.UnionType'>":
        found: tuple[type[BaseModel] | None, bool] = (None, False)
        for arg in get_args(annotation):
            model, is_date = inner(arg)
            found = (found[0] or model, found[1] or is_date)
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, annotation is dt.date


def fields(model: type[BaseModel] | None) -> dict[str, tuple[type[BaseModel] | None, bool]]:
    if model is None:
        return {}
    return {name: inner(info.annotation) for name, info in model.model_fields.items()}
