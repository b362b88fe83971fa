"""Spreadsheet columns derived from the pydantic models: a new field appears in the reports.

Each column reads one key from a record's stored JSON and converts it to the cell's type (dates,
numbers, Yes/No, text). Reading the JSON directly, rather than validating every row through pydantic
again, keeps a 100,000-row export close to the cost of a bare openpyxl loop; the rows were validated
when they were saved.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, NaiveDatetime
from pydantic.fields import FieldInfo

from pace_desktop.records.fields import Text
from pace_desktop.reference import SERVICES, council_area_names

# Plain-English headers for fields whose names do not read well on their own. Anything not listed
# gets its field name with spaces ("job_title" -> "Job title").
HEADERS: dict[str, str] = {
    "id": "Record ID",
    "created_at": "Created",
    "updated_at": "Last changed",
    "version": "Version",
    "device_id": "Device",
    "updated_by": "Last changed by",
    "employer_name": "Employer",
    "site_postcode": "Site postcode",
    "council_area": "Council area code",
    "event_date": "Event date",
    "hr1_reference": "HR1 reference",
    "number_affected": "Number affected",
    "event_id": "Event ID",
    "pace_id": "PACE ID",
    "ni_number": "National Insurance number",
    "length_of_service_years": "Length of service (years)",
    "redundancy_pay_status": "Redundancy pay",
    "wants_money_advice": "Wants money advice",
    "pace_criteria": "PACE criteria",
    "pace_flag": "PACE flag",
    "services_wanted": "Services wanted",
    "source": "Source",
    "client_id": "Client ID",
    "notice_version": "Privacy notice version",
    "notice_sha256": "Privacy notice fingerprint (SHA-256)",
    "notice_language": "Privacy notice language",
    "captured_at": "Captured",
    "captured_how": "How captured",
    "captured_by": "Captured by",
    "withdrawn_at": "Withdrawn",
    "withdrawn_by": "Withdrawal recorded by",
    "checklist_version": "Checklist version",
    "band": "Band (from the checklist)",
    "unanswered": "Unanswered questions",
    "area_as_of": "Area data year",
    "minutes": "Minutes spent",
    "rating": "Rating (1 to 5)",
    "date": "Date",
}

# Headers for the fields of nested models, by dotted path.
NESTED_HEADERS: dict[str, str] = {
    "override.band": "Override band",
    "override.reason": "Override reason",
    "override.adviser": "Overridden by",
    "override.at": "Overridden at",
}

# Lists of sentences read better one per line; lists of codes are joined with "; ".
LINE_LISTS = frozenset({"explanation"})

# Widths in characters, by kind; text columns take their width from the field's length cap.
WIDTHS = {"date": 12, "datetime": 19, "bool": 9, "int": 10, "float": 10, "uuid": 37, "json": 50}
MAX_TEXT_WIDTH = 50


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: header, width, and how to get its value from a stored record."""

    header: str
    width: float
    get: Callable[[dict[str, Any]], Any]
    kind: str = "text"


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The core type under Optional/Annotated, and the metadata found on the way."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            metadata.extend(annotation.__metadata__)
            annotation = annotation.__origin__
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _kind(annotation: Any) -> str:
    core, _ = _unwrap(annotation)
    origin = get_origin(core)
    if origin in (list, tuple, set):
        return "list"
    if origin is dict or core is dict:
        return "json"
    if core is AwareDatetime or core is NaiveDatetime:  # pydantic's markers, not datetime subclasses
        return "datetime"
    if isinstance(core, type):
        if issubclass(core, bool):
            return "bool"
        if issubclass(core, datetime):
            return "datetime"
        if issubclass(core, date):
            return "date"
        if issubclass(core, Enum):
            return "text"
        if issubclass(core, int):
            return "int"
        if issubclass(core, float):
            return "float"
        if issubclass(core, UUID):
            return "uuid"
        if issubclass(core, BaseModel):
            return "model"
    return "text"


def text_limit(field: FieldInfo) -> int | None:
    """The length cap of a free-text field (``Text(n)`` in the model), or None for other fields.

    Found in the field's metadata, or through a validator bound to it if pydantic unpacked it.
    """
    for item in field.metadata:
        owner = item if isinstance(item, Text) else getattr(getattr(item, "func", None), "__self__", None)
        if isinstance(owner, Text):
            return owner.max_len
    return None


def _text_width(field: FieldInfo, header: str) -> float:
    cap = text_limit(field)
    guess = min(cap, MAX_TEXT_WIDTH) if cap else 16
    return max(guess, len(header) + 2, 8)


def _to_datetime(text: str | None) -> datetime | None:
    """Stored times as naive UTC: spreadsheets have no time zones (the headers say UTC)."""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _to_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Yes" if value else "No")


def _joined(values: list[Any] | None) -> str | None:
    return "; ".join(str(v) for v in values) if values else None


def _lines(values: list[Any] | None) -> str | None:
    return "\n".join(str(v) for v in values) if values else None


def _as_json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _getter(key: str, kind: str) -> Callable[[dict[str, Any]], Any]:
    converters: dict[str, Callable[[Any], Any]] = {
        "datetime": _to_datetime,
        "date": _to_date,
        "bool": _yes_no,
        "json": _as_json,
        "list": _lines if key in LINE_LISTS else _joined,
    }
    convert = converters.get(kind)
    if convert is None:
        return lambda data: data.get(key)
    return lambda data: convert(data.get(key))


def header_for(name: str, kind: str) -> str:
    header = (
        HEADERS.get(name) or NESTED_HEADERS.get(name) or name.replace(".", " ").replace("_", " ").capitalize()
    )
    return f"{header} (UTC)" if kind == "datetime" else header


def _nested(get: Callable[[dict[str, Any]], Any], key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda data: get(data.get(key) or {})


def model_columns(model: type[BaseModel], *, prefix: str = "", skip: tuple[str, ...] = ()) -> list[Column]:
    """One column per field of ``model``, in order; a nested model gives one per its field."""
    columns: list[Column] = []
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        kind = _kind(field.annotation)
        if kind == "model":
            nested, _ = _unwrap(field.annotation)
            for col in model_columns(nested, prefix=f"{prefix}{name}."):
                columns.append(Column(col.header, col.width, _nested(col.get, name), col.kind))
            continue
        header = header_for(prefix + name, kind)
        width = WIDTHS.get(kind) or _text_width(field, header)
        columns.append(Column(header, max(width, len(header) + 2), _getter(name, kind), kind))
    return columns


def council_area_name_column(key: str = "council_area") -> Column:
    names = council_area_names()
    return Column("Council area", 24, lambda data: names.get(data.get(key) or "", data.get(key)))


def service_labels(codes: list[str] | None) -> str | None:
    return "; ".join(SERVICES.get(c, c) for c in codes) if codes else None
