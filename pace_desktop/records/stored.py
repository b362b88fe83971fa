"""Reading back records our own store wrote: typed natively, without running the Python checks again.

A search returns up to 200 clients. ``Client.model_validate_json`` (stored context, with the native
first checks of ``fastpath``) still calls some twenty Python validators a record: PACE ID checksum,
postcode and NI shapes, the date of birth against today, blanks to None. About 20-27 us a client,
half of a search at 100,000 clients. Those records were validated when they were saved, and the store
is encrypted: nobody else writes it.

``StoredReader(model).read(json)`` checks each field's JSON type natively (pydantic-core, the model's
field types with their annotations' Python validators left out; a UTC time through its ``fastpath``
native check, so only a time already in UTC is taken as it is) and builds the model from the typed
values: UUIDs, aware datetimes, dates and enums exactly as ``model_validate_json`` gives them (tested
field by field). A row the native check refuses is validated in full instead, so a row that cannot be
read fails with the same plain-English errors as before. The model's ``validate_assignment`` still
guards every later change.

Only for models without model-level validators or private attributes (``Client``): those would be
skipped too, so the reader refuses to be built for them.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, ValidationError, create_model
from pydantic.fields import FieldInfo
from pydantic_core import core_schema as cs

from pace_desktop.records.fastpath import FastPath
from pace_desktop.records.fields import STORED_CONTEXT

M = TypeVar("M", bound=BaseModel)


def _bare(annotation: Any) -> Any:
    """``annotation`` without its ``Annotated`` metadata, through ``X | None`` and ``list[X]``."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _bare(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return Union[tuple(_bare(arg) for arg in get_args(annotation))]  # noqa: UP007 - built at run time
    if origin is list:
        return list[_bare(get_args(annotation)[0])]  # type: ignore[misc]
    return annotation


class _NativeOnly:
    """A field's ``FastPath`` native check alone (a UTC time): a value it refuses (a time at another
    offset, which full validation would convert) sends the row to full validation."""

    def __init__(self, fast: FastPath) -> None:
        self.fast = fast

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> cs.CoreSchema:
        native = self.fast.native()
        return cs.nullable_schema(native) if self.fast.none_first else native


def _native_type(info: FieldInfo) -> Any:
    fast = next((m for m in info.metadata if isinstance(m, FastPath)), None)
    bare = _bare(info.annotation)
    return bare if fast is None else Annotated[bare, _NativeOnly(fast)]


class StoredReader(Generic[M]):
    """Builds ``model`` instances from JSON the store wrote; see the module's docstring."""

    def __init__(self, model: type[M]) -> None:
        decorators = model.__pydantic_decorators__
        if decorators.model_validators or model.__private_attributes__:
            raise TypeError(f"{model.__name__} has model-level checks a stored read would skip.")
        self.model = model
        self._fields = frozenset(model.model_fields)
        # Every field required: records are stored whole (migrations fill any field added since).
        native = create_model(  # type: ignore[call-overload]
            f"Stored{model.__name__}",
            __config__=ConfigDict(extra="forbid", hide_input_in_errors=True),
            **{name: (_native_type(info), ...) for name, info in model.model_fields.items()},
        )
        self._native = native.__pydantic_validator__

    def read(self, data: str | bytes) -> M:
        """The record in ``data``; a row the native check refuses gets the full validation's errors."""
        try:
            values = self._native.validate_json(data).__dict__
        except ValidationError:
            return self.model.model_validate_json(data, context=STORED_CONTEXT)
        record = self.model.__new__(self.model)
        # What ``BaseModel.model_construct`` sets, without its per-field Python loop (28 us a client).
        object.__setattr__(record, "__dict__", values)
        object.__setattr__(record, "__pydantic_fields_set__", set(self._fields))
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        return record
