"""The records workbook: a sheet per entity, row counts, typed cells, frozen header, filters."""

from __future__ import annotations

import tracemalloc
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

from pace_desktop.reports.records import sheet_specs, stream, write_records, write_rows
from tests.reports.conftest import CLIENTS, EVENTS
from tests.reports.helpers import assert_no_formulas_or_errors, rows_of, write

SHEETS = ["Employers", "Events", "Clients", "Consents", "Checklists", "Interventions", "Outcomes", "Feedback"]


def test_one_sheet_per_entity_with_every_row(central, tmp_path):
    store, made = central
    path, result = write(store, "records", tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == SHEETS
    expected = {
        "Employers": store.employers.count(),
        "Events": EVENTS,
        "Clients": CLIENTS,
        "Consents": store.consents.count(),
        "Checklists": CLIENTS,
        "Interventions": made["interventions"],
        "Outcomes": made["outcomes"],
        "Feedback": made["feedback"],
    }
    assert {name: wb[name].max_row - 1 for name in SHEETS} == expected
    assert 1 <= expected["Employers"] <= EVENTS
    assert result.figures == expected
    for ws in wb:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        headers = [c.value for c in ws[1]]
        assert all(h and "_" not in h for h in headers), headers
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
    assert_no_formulas_or_errors(path)


def test_cells_are_typed(central, tmp_path):
    store, _ = central
    path, _ = write(store, "records", tmp_path)
    wb = load_workbook(path)
    clients = wb["Clients"]
    header = {c.value: c.column - 1 for c in clients[1]}
    by_pace_id = {c.pace_id: c for c in store.clients.all()}
    for row in clients.iter_rows(min_row=2):
        client = by_pace_id[row[header["PACE ID"]].value]
        dob = row[header["Date of birth"]]
        if client.date_of_birth:
            assert dob.is_date and dob.value.date() == client.date_of_birth
        created = row[header["Created (UTC)"]]
        assert created.is_date and isinstance(created.value, datetime)
        assert abs((created.value - client.created_at.replace(tzinfo=None)).total_seconds()) < 0.002
        assert row[header["PACE flag"]].value == ("Yes" if client.pace_flag else "No")
        service = row[header["Length of service (years)"]]
        assert service.value == client.length_of_service_years
        assert service.data_type == "n" or service.value is None
        assert row[header["Last name"]].value == client.last_name
        pay, advice = client.redundancy_pay_status, client.wants_money_advice  # schema 2
        assert row[header["Redundancy pay"]].value == (None if pay is None else pay.value)
        assert row[header["Wants money advice"]].value == {None: None, True: "Yes", False: "No"}[advice]
    events = wb["Events"]
    ev_header = {c.value: c.column - 1 for c in events[1]}
    for row in events.iter_rows(min_row=2):
        assert row[ev_header["Event date"]].is_date
        assert isinstance(row[ev_header["Number affected"]].value, int)


def test_band_in_use_follows_the_override(central, tmp_path):
    store, made = central
    path, _ = write(store, "records", tmp_path)
    rows = rows_of(path, "Checklists")
    header = {h: i for i, h in enumerate(rows[0])}
    overridden = [r for r in rows[1:] if r[header["Override band"]]]
    assert len(overridden) == made["overrides"]
    for r in rows[1:]:
        expected = r[header["Override band"]] or r[header["Band (from the checklist)"]]
        assert r[header["Band (in use)"]] == expected
    pace_ids = {c.pace_id for c in store.clients.all()}
    assert {r[header["PACE ID"]] for r in rows[1:]} == pace_ids


def test_long_tables_continue_on_a_second_sheet(central, tmp_path):
    store, _ = central
    wb = Workbook(write_only=True)
    counts = write_records(store, wb, max_rows=101)
    path = tmp_path / "split.xlsx"
    wb.save(path)
    assert counts.rows["Clients"] == 100 and counts.rows["Clients (2)"] == 100
    assert counts.rows["Clients (3)"] == CLIENTS - 200
    book = load_workbook(path, read_only=True)
    assert book["Clients (3)"]["A1"].value == "PACE ID"


def test_every_model_field_has_a_column():
    from pace_desktop.records.models import ENTITIES

    specs = {s.table: s for s in sheet_specs()}
    tables = {
        "employer": "employers",
        "event": "events",
        "client": "clients",
        "consent": "consents",
        "checklist": "checklists",
        "intervention": "interventions",
        "outcome": "outcomes",
        "feedback": "feedback",
    }
    for entity, model in ENTITIES.items():
        columns = len(specs[tables[entity]].columns)
        assert columns >= len(model.model_fields), entity


def _peak_writing(rows: int, tmp_path) -> int:
    def generate():
        for i in range(rows):
            yield (
                f"PACE-{i:08d}",
                "Mòrag",
                "NicLeòid",
                date(1970, 1, 1),
                datetime(2026, 1, 1, 9, 0),
                i,
                12.5,
                True,
                "=not a formula",
                "Notes " * 10,
            )

    wb = Workbook(write_only=True)
    tracemalloc.start()
    write_rows(wb, "Rows", [f"Column {n}" for n in range(10)], generate())
    wb.save(tmp_path / f"flat-{rows}.xlsx")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def test_memory_stays_flat_as_rows_grow(tmp_path):
    small = _peak_writing(300, tmp_path)
    large = _peak_writing(3_000, tmp_path)
    # Ten times the rows; holding them in a list would add about 300 bytes a row (~800 kB here).
    assert large < small + 200_000, (small, large)


def test_rows_stream_from_the_store(central):
    """Reading a table for the report holds one fetch batch at a time, not the table."""
    store, _ = central
    spec = next(s for s in sheet_specs() if s.table == "clients")
    tracemalloc.start()
    seen = sum(1 for _ in stream(store, spec, batch=25))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seen == CLIENTS
    whole_table = store.db.scalar("SELECT sum(length(data)) FROM clients")
    assert peak < whole_table / 3, (peak, whole_table)
