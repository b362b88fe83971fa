"""Checking rows: each data row through the ``Client`` model, problems named by row and column (never the
data in them), and people repeated in the list or already registered at the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from pace_desktop.attendees.fields import (
    DATE_FIELDS,
    FULL_NAME,
    MULTI_COLUMN_FIELDS,
    PROBLEM_LABELS,
    fold,
    mapping_problems,
)
from pace_desktop.attendees.refusals import AttendeeFileError
from pace_desktop.attendees.sheet import Progress, Sheet
from pace_desktop.attendees.values import (
    FORMULA_MESSAGE,
    convert,
    looks_like_formula,
    month_first_column,
    split_name,
)
from pace_desktop.records.models import RECORD_KEY, Client, Event, RecordSource
from pace_desktop.records.models import field_errors as model_field_errors
from pace_desktop.records.validation import dob_warning


@dataclass
class RowCheck:
    """One data row checked: the client it makes, or what is wrong with it in plain words."""

    index: int  # into Sheet.rows
    number: int  # the spreadsheet's row number, as the adviser sees it
    client: Client | None
    problems: dict[str, str] = field(default_factory=dict)  # field label -> message
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.client is not None and not self.problems

    def reason(self) -> str:
        return "; ".join(f"{label}: {message}" for label, message in self.problems.items())


def check_rows(
    sheet: Sheet,
    mapping: dict[int, str],
    event: Event,
    *,
    existing: Iterable[Client] = (),
    today: date | None = None,
    progress: Progress | None = None,
) -> list[RowCheck]:
    """Check every data row with the Client model; a repeated or already registered person too."""
    if problems := mapping_problems(mapping):
        raise AttendeeFileError(problems[0])
    orders = {
        col: month_first_column(sheet.cell(i, col) for i in sheet.data_indexes())
        for col, name in mapping.items()
        if name in DATE_FIELDS
    }
    results = []
    total = len(sheet.data_indexes())
    for n, index in enumerate(sheet.data_indexes()):
        results.append(check_row(sheet, index, mapping, event, month_first=orders, today=today))
        if progress and n % 500 == 0:
            progress(n, total)
    mark_duplicates(results, existing)
    return results


def check_row(
    sheet: Sheet,
    index: int,
    mapping: dict[int, str],
    event: Event,
    *,
    month_first: dict[int, bool] | None = None,
    today: date | None = None,
) -> RowCheck:
    """Check one row; call again after the adviser corrects a cell with ``Sheet.set_cell``."""
    month_first = month_first or {}
    data: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for col, name in sorted(mapping.items()):
        if not name:
            continue
        value = sheet.cell(index, col)
        label = PROBLEM_LABELS[name]
        if looks_like_formula(value):
            problems[label] = FORMULA_MESSAGE
            continue
        try:
            converted = convert(name, value, sheet.epoch, month_first.get(col, False), today)
        except ValueError as err:
            problems[label] = str(err)
            continue
        if name in MULTI_COLUMN_FIELDS:
            if converted:
                data[name] = f"{data[name]}\n{converted}" if data.get(name) else converted
        elif name == FULL_NAME:
            if converted:
                title, first, last = split_name(converted)
                data.setdefault("_split", (title, first, last))
        else:
            data[name] = converted
    if split := data.pop("_split", None):
        title, first, last = split
        # Separate first/last columns, when also mapped and filled, win over the split.
        data["first_name"] = data.get("first_name") or first
        data["last_name"] = data.get("last_name") or last
        data["title"] = data.get("title") or title
    return _validate(sheet.numbers[index], index, data, problems, event, mapping)


def _validate(
    number: int,
    index: int,
    data: dict[str, Any],
    problems: dict[str, str],
    event: Event,
    mapping: dict[int, str],
) -> RowCheck:
    from_full_name = FULL_NAME in mapping.values()
    try:
        payload = {k: v for k, v in data.items() if v is not None}
        for required in ("first_name", "last_name"):
            payload.setdefault(required, "")  # so the model's own 'Enter the first name.' shows
        client = Client.model_validate(
            {
                **payload,
                "event_id": event.id,
                "source": RecordSource.attendee_import,
            }
        )
    except ValidationError as exc:
        for key, message in model_field_errors(exc).items():
            split_from_full = from_full_name and key not in mapping.values()
            if key in ("first_name", "last_name") and split_from_full:
                label = PROBLEM_LABELS[FULL_NAME]
                halves = data.get("first_name"), data.get("last_name")
                message = "Give both the first and the last name." if any(halves) else "Fill in the name."
            else:
                label = PROBLEM_LABELS.get(key, "Row" if key == RECORD_KEY else key)
            problems.setdefault(label, message)
        client = None
    check = RowCheck(index, number, client if not problems else None, problems)
    if check.client is not None and check.client.date_of_birth is not None:
        if warning := dob_warning(check.client.date_of_birth, event.event_date):
            check.warnings.append(warning)
    return check


def _person_keys(client: Client) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if client.ni_number:
        keys.append(("ni", client.ni_number))
    if client.date_of_birth:
        keys.append(
            ("person", fold(client.first_name), fold(client.last_name), client.date_of_birth.isoformat())
        )
    return keys


def mark_duplicates(results: list[RowCheck], existing: Iterable[Client] = ()) -> None:
    """Flag a row that repeats an earlier row or someone already registered at the event.

    The same NI number, or the same name and date of birth, is the same person; the first row stays.
    Re-run after any correction: it first clears the flags it set before.
    """
    label = "Duplicate"
    registered = {key for client in existing for key in _person_keys(client)}
    seen: dict[tuple[str, ...], int] = {}
    for check in results:
        check.problems.pop(label, None)
        if check.client is None:
            continue
        for key in _person_keys(check.client):
            if key in registered:
                check.problems[label] = "This person is already registered at this event."
                break
            if key in seen:
                check.problems[label] = f"Same person as row {seen[key]}."
                break
        else:
            for key in _person_keys(check.client):
                seen.setdefault(key, check.number)
