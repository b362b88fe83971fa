"""The ``deidentified`` report kind: per-person rows for research and evaluation of PACE, no identifiers.

Who is in it: people whose "use my answers, without my name, in statistics" consent stands, and
the rows retention kept when it removed identifiable records. Each person appears under a keyed
hash of their PACE ID (``keyed``), the same in every export, so evaluation can follow people over
time while nobody without the office's key can link a row to a PACE ID. What each row keeps and
drops is listed in ``deidentify``. Rows come in PACE ID order, an order that says nothing about the
person. The ``Counts`` sheet's tables are suppressed together (``suppress_linked``): small counts,
and any that could be worked out from the totals, show as ``*``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from pace_desktop.checklist import load_checklist
from pace_desktop.privacy import deidentify as de
from pace_desktop.privacy.keyed import key_for, person_key
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
from pace_desktop.reports.aggregates import BANDS, NO_CHECKLIST, STATISTICS_PURPOSE
from pace_desktop.reports.cells import safe_row
from pace_desktop.reports.columns import Column
from pace_desktop.reports.records import SheetCounts, TableWriter
from pace_desktop.reports.suppression import SUPPRESSED_MARK, SUPPRESSION_NOTE, CountTable, suppress_linked

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

NO_CHECKLIST_LABEL = "No checklist"
NO_OUTCOME = "No outcome recorded"
_CONSENTED = "EXISTS (SELECT 1 FROM consents s WHERE s.parent_id = c.id AND s.purpose = ? AND s.active = 1)"
ABOUT = (
    "PACE de-identified extract, for research and evaluation of PACE.",
    "Who: people who agreed to their answers being used, without their name, in statistics, and the "
    "de-identified rows kept after identifiable records reached the end of their retention period.",
    "Person key: a keyed hash (HMAC-SHA256) of the PACE ID under a key kept only in SDS's central store. "
    "The same person has the same key in every extract; it cannot be turned back into a PACE ID.",
    "Not included: names, date of birth (an age band at the event instead), address, full postcode (the "
    "district only), phone, email, National Insurance number, job title, employer and event site, and "
    "every free-text note, comment or reason.",
    "Dates are months (YYYY-MM). On the Counts sheet, small numbers are hidden: " + SUPPRESSION_NOTE,
    "Keep this file on SDS systems; do not try to re-identify anyone.",
)


def _label(enum: type[LabelledEnum], code: Any) -> Any:
    try:
        return enum(code).label
    except ValueError:
        return code


def _columns(headers: list[str]) -> list[Column]:
    return [Column(h, max(12, min(40, len(h) + 2)), lambda data: None) for h in headers]


def write_deidentified(store: Store, wb: Workbook, *, produced: datetime | None = None) -> dict[str, int]:
    """Fill a write-only workbook; returns how many people and rows of each kind were written."""
    key = key_for(store)
    produced = produced or datetime.now(UTC)
    about = wb.create_sheet("About")
    for line in (*ABOUT, f"Produced {produced:%Y-%m-%d %H:%M} UTC."):
        about.append(safe_row(about, (line,)))
    parts = load_checklist().answerable_parts()
    counts = SheetCounts()
    people = TableWriter(wb, "People", _columns([*PEOPLE_HEADERS, *(p.adviser_text for p in parts)]), counts)
    bands: dict[str, str] = {}
    ages: dict[str, str] = {}
    for row in _people(store, key):
        bands[row["key"]] = row["band"] or NO_CHECKLIST
        ages[row["key"]] = row["age_band"]
        people.append([*_person_values(row), *(_answer(p, row["answers"].get(p.id)) for p in parts)])
    people.close()
    help_sheet = TableWriter(wb, "Help", _columns(list(HELP_HEADERS)), counts)
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
    outcomes = TableWriter(
        wb, "Outcomes", _columns(["Person key", "Month", "Where they were", "Recorded from"]), counts
    )
    latest: dict[str, tuple[str, str]] = {}
    for row in _children(store, key, "outcome"):
        outcomes.append(
            [
                row["key"],
                row["month"],
                _label(OutcomeStatus, row["status"]),
                _label(RecordSource, row["source"]),
            ]
        )
        if (row["month"] or "", row["status"]) >= latest.get(row["key"], ("", "")):
            latest[row["key"]] = (row["month"] or "", row["status"])
    outcomes.close()
    feedback = TableWriter(wb, "Feedback", _columns(["Person key", "Month", "Rating (1 to 5)"]), counts)
    for row in _children(store, key, "feedback"):
        feedback.append([row["key"], row["month"], row["rating"]])
    feedback.close()
    hidden = _write_counts(wb, bands, ages, {k: v[1] for k, v in latest.items()})
    return {"people": len(bands), **{k.lower(): v for k, v in counts.rows.items()}, "hidden": hidden}


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
    events = {r[0]: json.loads(r[1]) for r in store.db.query("SELECT id, data FROM events")}
    cursor = store.db.execute(
        "SELECT c.pace_id, c.parent_id, c.data, k.data FROM clients c "  # noqa: S608 - fixed SQL only
        f"LEFT JOIN checklists k ON k.parent_id = c.id WHERE {_CONSENTED} ORDER BY c.pace_id",
        (STATISTICS_PURPOSE,),
    )
    try:
        while rows := cursor.fetchmany(1000):
            for pace_id, event_id, client, checklist in rows:
                yield de.person_row(
                    person_key(key, pace_id),
                    json.loads(client),
                    events.get(event_id),
                    json.loads(checklist) if checklist else None,
                )
    finally:
        cursor.close()
    for (data,) in store.db.query("SELECT data FROM deidentified ORDER BY key"):
        yield json.loads(data)["person"]


_ROWS = {
    "intervention": (de.help_row, "interventions", "help"),
    "outcome": (de.outcome_row, "outcomes", "outcomes"),
    "feedback": (de.feedback_row, "feedback", "feedback"),
}


def _children(store: Store, key: bytes, entity: str) -> Iterator[dict[str, Any]]:
    make, table, retained = _ROWS[entity]
    cursor = store.db.execute(
        f"SELECT c.pace_id, t.data FROM {table} t JOIN clients c ON c.id = t.parent_id "  # noqa: S608
        f"WHERE {_CONSENTED} ORDER BY c.pace_id, t.rowid",
        (STATISTICS_PURPOSE,),
    )
    try:
        while rows := cursor.fetchmany(1000):
            for pace_id, data in rows:
                yield make(person_key(key, pace_id), json.loads(data))
    finally:
        cursor.close()
    for (data,) in store.db.query("SELECT data FROM deidentified ORDER BY key"):
        yield from json.loads(data)[retained]


def _write_counts(wb: Workbook, bands: dict[str, str], ages: dict[str, str], latest: dict[str, str]) -> int:
    """Two tables of people by risk band (by age band, by latest outcome), suppressed together."""
    band_keys = (*BANDS, NO_CHECKLIST)
    band_labels = [*(band_name(b) or b for b in BANDS), NO_CHECKLIST_LABEL]
    by_age = Counter((ages[k], bands[k]) for k in bands)
    by_outcome = Counter((latest.get(k, ""), bands[k]) for k in bands)
    age_rows = [a for a in de.AGE_BAND_ORDER if any(by_age[(a, b)] for b in band_keys)]
    outcome_rows = [s.value for s in OutcomeStatus if any(by_outcome[(s.value, b)] for b in band_keys)]
    if any(by_outcome[("", b)] for b in band_keys):
        outcome_rows.append("")
    tables = [
        CountTable.of(
            "People by age band at the event and risk band",
            age_rows,
            band_labels,
            [[by_age[(a, b)] for b in band_keys] for a in age_rows],
        ),
        CountTable.of(
            "People by latest outcome and risk band",
            [_label(OutcomeStatus, s) if s else NO_OUTCOME for s in outcome_rows],
            band_labels,
            [[by_outcome[(s, b)] for b in band_keys] for s in outcome_rows],
        ),
    ]
    ws = wb.create_sheet("Counts")
    hidden = 0
    for table in suppress_linked(tables):
        hidden += table.hidden
        mark = lambda v: SUPPRESSED_MARK if v is None else v  # noqa: E731
        ws.append(safe_row(ws, (table.title,)))
        ws.append(safe_row(ws, ("", *table.columns, "Total")))
        for label, cells, total in zip(table.rows, table.cells, table.row_totals, strict=True):
            ws.append(safe_row(ws, (label, *(mark(v) for v in cells), mark(total))))
        ws.append(safe_row(ws, ("Total", *(mark(v) for v in table.column_totals), mark(table.grand_total))))
        ws.append([])
    ws.append(safe_row(ws, (SUPPRESSION_NOTE,)))
    return hidden
