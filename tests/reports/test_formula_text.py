"""Issue 5, item 7: formula-like text typed into any text field reaches every workbook as plain
text.

Checked twice: read back with openpyxl (a text cell holding exactly what was stored) and in the
sheet XML itself (no <f> formula element, no error cell anywhere).
"""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from openpyxl import load_workbook

from pace_desktop.records.models import ChecklistOverride, ChecklistRecord, Client, Event, EventType
from pace_desktop.reports.columns import header_for, text_limit
from pace_desktop.store.store import Store
from tests.reports.conftest import PASSPHRASE
from tests.reports.helpers import assert_no_formulas_or_errors, write


def test_every_text_field_is_a_text_cell_in_the_records_workbook(hostile_store, tmp_path):
    store, records = hostile_store
    path, _ = write(store, "records", tmp_path)
    assert_no_formulas_or_errors(path)
    wb = load_workbook(path)
    checked = 0
    formula_like = 0
    for sheet, stored in records.items():
        ws = wb[sheet]
        header = {c.value: c.column for c in ws[1]}
        rows = {ws.cell(r, header["Record ID"]).value: r for r in range(2, ws.max_row + 1)}
        for record in stored:
            row = rows[str(record.id)]
            fields = [(name, f, getattr(record, name)) for name, f in type(record).model_fields.items()]
            if isinstance(record, ChecklistRecord):
                fields += [
                    (f"override.{n}", f, getattr(record.override, n))
                    for n, f in ChecklistOverride.model_fields.items()
                ]
            for name, field, value in fields:
                if not text_limit(field) or value is None:
                    continue
                cell = ws.cell(row, header[header_for(name, "text")])
                assert cell.data_type == "s", (sheet, name)
                assert cell.value == value, (sheet, name)
                checked += 1
                formula_like += value[:1] in "=+-@#"
    assert checked >= 30 and formula_like >= 25


def test_summary_and_partner_workbooks_keep_text_as_text(hostile_store, tmp_path):
    store, records = hostile_store
    event = records["Events"][0]
    for kind in ("summary", "partners"):
        path, _ = write(store, kind, tmp_path)
        assert_no_formulas_or_errors(path)
    summary = load_workbook(tmp_path / "summary.xlsx")
    texts = {c.value for ws in summary for row in ws.iter_rows() for c in row if c.data_type == "s"}
    assert event.employer_name in texts and event.sector in texts
    partners = load_workbook(tmp_path / "partners.xlsx")
    labels = [ws.cell(r, 1) for ws in partners for r in range(1, ws.max_row + 1)]
    sector_cells = [c for c in labels if c.value == event.sector]
    assert sector_cells and all(c.data_type == "s" for c in sector_cells)


def test_text_that_skipped_validation_is_still_text(tmp_path):
    """Defence in depth: the writer guards text even if a row reached the store unvalidated."""
    store = Store.create(
        tmp_path / "central.db", adviser="Office Staff", passphrase=PASSPHRASE, kind="office"
    )
    try:
        event = Event(
            employer_name="Harbour View Seafoods",
            council_area="S12000049",
            sector="Food",
            event_date=date(2026, 3, 4),
            event_type=EventType.drop_in,
        )
        raw = Client.model_construct(
            id=uuid4(),
            event_id=event.id,
            first_name="\t=1+2",
            last_name="\r@SUM(A1)",
            notes='=HYPERLINK("http://example.org")\x00\x1b',
            job_title="#REF!",
        )
        with store.transaction():
            store.events.insert_many([event])
            store.clients.insert_many([raw])
        path, _ = write(store, "records", tmp_path)
        assert_no_formulas_or_errors(path)
        ws = load_workbook(path)["Clients"]
        header = {c.value: c.column for c in ws[1]}
        cells = {h: ws.cell(2, header[h]) for h in ("First name", "Last name", "Notes", "Job title")}
        assert all(c.data_type == "s" and c.quotePrefix for c in cells.values())
        assert cells["First name"].value == "\t=1+2"
        assert cells["Last name"].value in ("\r@SUM(A1)", "\n@SUM(A1)")
        assert cells["Notes"].value == '=HYPERLINK("http://example.org")'
        assert cells["Job title"].value == "#REF!"
    finally:
        store.close()
