"""The ``deidentified`` report kind: per-person rows for research and evaluation of PACE, no identifiers.

Who is in it: people whose "use my answers, without my name, in statistics" consent stands, and
the rows retention kept when it removed identifiable records. Each person appears under a keyed
hash of their PACE ID (``keyed``), the same in every export, so evaluation can follow people over
time while nobody without the office's key can link a row to a PACE ID. What each row keeps and
drops is listed in ``deidentified_rows``. Rows come in PACE ID order, an order that says nothing
about the person.

No table of counts: small-number suppression protects a count only where the rows it was counted from
are not published, and here they are (counting the People sheet's rows recovered every hidden cell of
the ``Counts`` sheet this workbook used to carry). Counts with small numbers hidden are in the
aggregate-only reports (``summary``, ``partners``), which hold no per-person rows; the protection of
these rows is their generalisation (bands, districts, months, keyed hash) and the research agreement
(docs/privacy.md §6).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pace_desktop.checklist import load_checklist
from pace_desktop.privacy import deidentified_rows as de
from pace_desktop.privacy.keyed import key_for, person_key, stored_key
from pace_desktop.privacy.words import area_name, band_name, partner_name, service_name
from pace_desktop.records.enums import (
    Disability,
    EmploymentStatus,
    EventType,
    InterventionStatus,
    LabelledEnum,
    OutcomeStatus,
    RecordSource,
)
from pace_desktop.reports.aggregates import STATISTICS_PURPOSE
from pace_desktop.reports.columns import Column
from pace_desktop.reports.records import SheetCounts, table_writer
from pace_desktop.reports.xlsx import write_cells
from pace_desktop.store import deidentified as extract_store

if TYPE_CHECKING:
    from pace_desktop.reports.xlsx import SealedWorkbook
    from pace_desktop.store.store import Store

NO_CHECKLIST_LABEL = "No checklist"
NO_OUTCOME = "No outcome recorded"
ABOUT = (
    "PACE de-identified extract, for research and evaluation of PACE.",
    "Who: people who agreed to their answers being used, without their name, in statistics, and the "
    "de-identified rows kept after identifiable records reached the end of their retention period.",
    "Person key: a keyed hash (HMAC-SHA256) of the PACE ID under a key kept only in SDS's central store. "
    "The same person has the same key in every extract; it cannot be turned back into a PACE ID.",
    "Not included: names, date of birth (an age band at the event instead), address, full postcode (the "
    "district only), phone, email, National Insurance number, job title, employer and event site, and "
    "every free-text note, comment or reason.",
    "Dates are months (YYYY-MM). There is no table of counts here: counts with small numbers hidden "
    "are in the summary and partners reports, which hold no per-person rows.",
    "Keep this file on SDS systems; do not try to re-identify anyone.",
)


def _label(enum: type[LabelledEnum], code: Any) -> Any:
    try:
        return enum(code).label
    except ValueError:
        return code


def _columns(headers: list[str]) -> list[Column]:
    return [Column(h, max(12, min(40, len(h) + 2)), lambda data: None) for h in headers]


def write_deidentified(
    store: Store, wb: SealedWorkbook, *, produced: datetime | None = None
) -> dict[str, int]:
    """Fill a sealed XlsxWriter workbook (constant memory, rows encrypted on disk, as the records
    report); returns how many people and rows of each kind were written."""
    # Made before the read snapshot by the report kind's ``prepare`` (the server refuses a write in
    # it); made here only when called on its own, on a file.
    key = stored_key(store) or key_for(store)
    produced = produced or datetime.now(UTC)
    about = wb.add_worksheet("About")
    for number, line in enumerate((*ABOUT, f"Produced {produced:%Y-%m-%d %H:%M} UTC.")):
        write_cells(wb, about, number, (line,))
    parts = load_checklist().answerable_parts()
    counts = SheetCounts()
    people = table_writer(wb, "People", _columns([*PEOPLE_HEADERS, *(p.adviser_text for p in parts)]), counts)
    keys: set[str] = set()
    for row in _people(store, key):
        keys.add(row["key"])
        people.append([*_person_values(row), *(_answer(p, row["answers"].get(p.id)) for p in parts)])
    people.close()
    help_sheet = table_writer(wb, "Help", _columns(list(HELP_HEADERS)), counts)
    for row in _children(store, key, "intervention"):
        help_sheet.append(
            [
                row["key"],
                row["month"],
                service_name(row["service"]),
                partner_name(row["partner"]) or "SDS",
                _label(InterventionStatus, row["status"]),
                row["minutes"],
                _label(RecordSource, row["source"]),
            ]
        )
    help_sheet.close()
    outcomes = table_writer(
        wb, "Outcomes", _columns(["Person key", "Month", "Where they were", "Recorded from"]), counts
    )
    for row in _children(store, key, "outcome"):
        outcomes.append(
            [
                row["key"],
                row["month"],
                _label(OutcomeStatus, row["status"]),
                _label(RecordSource, row["source"]),
            ]
        )
    outcomes.close()
    feedback = table_writer(wb, "Feedback", _columns(["Person key", "Month", "Rating (1 to 5)"]), counts)
    for row in _children(store, key, "feedback"):
        feedback.append([row["key"], row["month"], row["rating"]])
    feedback.close()
    return {"people": len(keys), **{k.lower(): v for k, v in counts.rows.items()}}


PEOPLE_HEADERS = (
    "Person key",
    "Event month",
    "Event kind",
    "Sector",
    "Council area",
    "Age band at the event",
    "Gender",
    "Postcode district",
    "Disability",
    "Employment situation",
    "Years with the employer",
    "PACE flag",
    "Help wanted",
    "Checklist version",
    "Checklist score",
    "Risk band (in use)",
)
HELP_HEADERS = ("Person key", "Month", "Help", "From", "Status", "Minutes spent", "Recorded from")


def _person_values(row: dict[str, Any]) -> list[Any]:
    return [
        row["key"],
        row["event_month"],
        _label(EventType, row["event_type"]),
        row["sector"],
        area_name(row["council_area"]),
        row["age_band"],
        row["gender"],
        row["district"],
        _label(Disability, row["disability"]) if row["disability"] else de.NOT_KNOWN,
        _label(EmploymentStatus, row["employment_status"]) if row["employment_status"] else de.NOT_KNOWN,
        row["service_years"],
        None if row["pace_flag"] is None else ("Yes" if row["pace_flag"] else "No"),
        "; ".join(service_name(s) or s for s in row["services_wanted"]) or None,
        row["checklist_version"],
        row["score"],
        band_name(row["band"]) or NO_CHECKLIST_LABEL,
    ]


def _answer(part: Any, value: str | None) -> str:
    if not value:
        return "Not answered"
    option = part.option(value)
    return option.label if option else value


def _people(store: Store, key: bytes) -> Iterator[dict[str, Any]]:
    events = {event_id: json.loads(data) for event_id, data in extract_store.event_data(store.db)}
    people = extract_store.consenting_clients(store.db, STATISTICS_PURPOSE)
    for pace_id, event_id, client, checklist in people:
        yield de.person_row(
            person_key(key, pace_id),
            json.loads(client),
            events.get(event_id),
            json.loads(checklist) if checklist else None,
        )
    for data in extract_store.kept_rows(store.db):
        yield json.loads(data)["person"]


_ROWS = {
    "intervention": (de.help_row, "interventions", "help"),
    "outcome": (de.outcome_row, "outcomes", "outcomes"),
    "feedback": (de.feedback_row, "feedback", "feedback"),
}


def _children(store: Store, key: bytes, entity: str) -> Iterator[dict[str, Any]]:
    make, table, retained = _ROWS[entity]
    for pace_id, data in extract_store.consenting_children(store.db, table, STATISTICS_PURPOSE):
        yield make(person_key(key, pace_id), json.loads(data))
    for data in extract_store.kept_rows(store.db):
        yield from json.loads(data)[retained]
