"""Writing the good rows: all at once, one audit entry, fresh PACE IDs, nothing on failure."""

from __future__ import annotations

import csv

import pytest

from pace_desktop.attendees.checking import check_rows
from pace_desktop.attendees.fields import guess_mapping
from pace_desktop.attendees.reading import read_sheet
from pace_desktop.attendees.writing import commit
from pace_desktop.records.models import Client, RecordSource
from pace_desktop.records.pace_id import is_valid_pace_id
from tests.attendees.conftest import messy_workbook


def _good_clients(path, event):
    sheet = read_sheet(path)
    rows = check_rows(sheet, guess_mapping(sheet.headings()), event)
    return [r.client for r in rows if r.ok]


def _audit_rows(store):
    return store.db.query("SELECT action, entity, entity_id, detail FROM audit ORDER BY seq")


def test_commit_writes_exactly_the_good_rows(store, event, tmp_path):
    store.events.add(event)
    before = len(_audit_rows(store))
    clients = _good_clients(messy_workbook(tmp_path / "staff.xlsx"), event)
    written = commit(store, clients)

    assert store.clients.count() == 3
    stored = sorted(store.clients.for_parent(event.id), key=lambda c: c.last_name)
    assert [(c.first_name, c.last_name) for c in stored] == [
        ("Ewan", "MacLeod"),
        ("Kirsty", "Robertson"),
        ("Zofia", "Wójcik"),
    ]
    assert all(c.source == RecordSource.attendee_import and c.version == 1 for c in stored)
    assert all(c.device_id == store.device_id and c.updated_by == store.actor for c in stored)
    assert len({c.pace_id for c in written}) == 3 and all(is_valid_pace_id(c.pace_id) for c in stored)

    new_entries = _audit_rows(store)[before:]
    assert new_entries == [("create", "event", str(event.id), "source=attendee_import;count=3")]
    assert store.verify_audit().ok


def test_pace_ids_already_taken_are_replaced(store, event):
    store.events.add(event)
    existing = store.clients.add(Client(event_id=event.id, first_name="Isla", last_name="Henderson"))
    clash = [
        Client(event_id=event.id, first_name="Fraser", last_name="Murray", pace_id=existing.pace_id),
        Client(event_id=event.id, first_name="Eilidh", last_name="Stewart", pace_id=existing.pace_id),
    ]
    written = commit(store, clash)
    ids = {existing.pace_id, *(c.pace_id for c in written)}
    assert len(ids) == 3
    assert store.clients.count() == 3


def test_a_failure_writes_nothing(store, event, tmp_path, monkeypatch):
    store.events.add(event)
    path = tmp_path / "list.csv"
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([["Name"], ["Ewan MacLeod"], ["Shona Campbell"]])
    clients = _good_clients(path, event)
    # The same record twice breaks the table's primary key on the second insert, mid-batch.
    with pytest.raises(Exception):
        commit(store, [clients[0], clients[1], clients[0]])
    assert store.clients.count() == 0
    assert store.verify_audit().ok


def test_merged_cells_come_from_the_chosen_sheet(tmp_path):
    """Each sheet's merged ranges are its own (found by the checking pass, not openpyxl's reader)."""
    import openpyxl

    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    other = wb.active
    other.title = "Notes"
    other["A1"], other["A2"] = "Not the list", "Still not"
    other.merge_cells("A2:A9")
    staff = wb.create_sheet("Staff at risk")
    staff.append(["Employee Name", "Department"])
    staff.append(["Ewan MacLeod", "Casting"])
    staff.append(["Shona Campbell", None])
    staff.append(["Kirsty Robertson", None])
    staff.append(["Imran Siddiqui", "Finishing"])
    staff.merge_cells("B2:B4")
    wb.save(path)
    sheet = read_sheet(path, "Staff at risk")
    assert [sheet.cell(i, 1) for i in sheet.data_indexes()] == ["Casting"] * 3 + ["Finishing"]
    notes = read_sheet(path, "Notes")
    assert [row[:1] for row in notes.rows] == [["Not the list"], ["Still not"]]
