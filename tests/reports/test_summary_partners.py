"""The summary workbook (figures and charts per event) and the partner workbook."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from pace_desktop.demo import seed
from pace_desktop.reports.aggregates import STATISTICS_PURPOSE
from pace_desktop.reports.suppression import SUPPRESSED_MARK, THRESHOLD
from pace_desktop.store.store import Store
from tests.reports.conftest import EVENTS, PASSPHRASE
from tests.reports.helpers import (
    assert_no_formulas_or_errors,
    assert_only_the_output_was_written,
    files_written,
    write,
)

C = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


def _bar_chart(xml: bytes):
    """The chart part's bar chart element (whatever namespace prefix the writer used), or None."""
    return ElementTree.fromstring(xml).find(".//c:barChart", C)


def _event_sheet_values(ws) -> dict:
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}


def test_summary_has_an_overview_and_a_sheet_with_charts_per_event(central, tmp_path):
    store, _ = central
    path, result = write(store, "summary", tmp_path)
    assert result.figures == {"events": EVENTS, "event_sheets": EVENTS}
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Events" and len(wb.sheetnames) == 1 + EVENTS
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == 1 + 3 * EVENTS  # overview + bands, services, referrals per event
        for index in range(1, len(wb.sheetnames) + 1):
            assert "<drawing " in z.read(f"xl/worksheets/sheet{index}.xml").decode()
        bars = [_bar_chart(z.read(n)) for n in charts]
    # Horizontal bars (long labels stay readable), each series plotting cells of the workbook.
    assert all(b is not None and b.find("c:barDir", C).get("val") == "bar" for b in bars)
    assert all(b.findall("c:ser/c:val/c:numRef/c:f", C) for b in bars)
    stacked = [b for b in bars if b.find("c:grouping", C).get("val") == "stacked"]
    assert len(stacked) == 1 and len(stacked[0].findall("c:ser", C)) == 3  # Low, Medium, High by event
    assert_no_formulas_or_errors(path)


def test_the_summary_is_built_in_memory_with_no_temp_file(central, tmp_path):
    store, _ = central
    out = tmp_path / "out"
    out.mkdir()
    with files_written() as seen:
        path, _ = write(store, "summary", out)
    assert_only_the_output_was_written(seen, path, encrypted_parts=False)
    assert sorted(p.name for p in out.iterdir()) == ["summary.xlsx"]
    assert load_workbook(path).sheetnames[0] == "Events"


def test_summary_figures_match_the_store(central, tmp_path):
    store, _ = central
    path, _ = write(store, "summary", tmp_path)
    wb = load_workbook(path)
    overview = wb["Events"]
    header = {c.value: c.column for c in overview[4]}
    clients_per_event = Counter(str(c.event_id) for c in store.clients.all())
    client_event = {str(c.id): str(c.event_id) for c in store.clients.all()}
    bands = Counter((client_event[str(k.client_id)], k.effective_band) for k in store.checklists.all())
    referred = Counter(
        client_event[str(i.client_id)] for i in store.interventions.all() if i.status == "referred"
    )
    events = {(e.employer_name, e.event_date): str(e.id) for e in store.events.all()}
    rows = list(range(5, overview.max_row + 1))
    assert len(rows) == EVENTS
    for r in rows:
        key = (
            overview.cell(r, header["Employer"]).value,
            overview.cell(r, header["Event date"]).value.date(),
        )
        event_id = events[key]
        assert overview.cell(r, header["Registered"]).value == clients_per_event[event_id]
        for band, label in (("low", "Low"), ("medium", "Medium"), ("high", "High")):
            assert overview.cell(r, header[label]).value == bands[(event_id, band)]
        assert overview.cell(r, header["Referrals"]).value == referred[event_id]
    assert overview.cell(5, header["Event date"]).is_date
    # Per-event sheets repeat the same figures.
    first = _event_sheet_values(wb.worksheets[1])
    assert first["People registered"] == overview.cell(5, header["Registered"]).value
    assert first["High"] == overview.cell(5, header["High"]).value


def test_each_event_sheet_lists_its_employers_details(small_store, tmp_path):
    """The demo's employers are reused across events; each event's sheet shows the fields of the one
    employer record it names (HR1 date, proposed dismissals, numbers, reason, HR contact)."""
    path, _ = write(small_store, "summary", tmp_path)
    wb = load_workbook(path)
    employers = {e.name: e for e in small_store.employers.all()}
    events = list(small_store.events.all())
    assert len(employers) < len(events)  # reused: several events name one employer
    assert all(e.employer_id == employers[e.employer_name].id for e in events)
    for ws in wb.worksheets[1:]:
        values = _event_sheet_values(ws)
        employer = employers[ws.cell(1, 1).value]
        assert values["HR1 reference"] == employer.hr1_reference
        assert values["HR1 date"].date() == employer.hr1_date
        assert values["First proposed dismissal"].date() == employer.first_dismissal_date
        assert values["Last proposed dismissal"].date() == employer.last_dismissal_date
        assert values["Proposed redundancies"] == employer.proposed_redundancies
        assert values["Employees at the site"] == employer.employees_at_site
        assert values["Reason for the redundancies"] == employer.reason
        assert values["Employer's HR contact"] == employer.contact_name
        assert values["HR contact's phone"] == employer.contact_phone
        assert values["HR contact's e-mail"] == employer.contact_email
        assert values["Employer's sites"] == "; ".join(employer.sites)
    assert_no_formulas_or_errors(path)


@pytest.fixture()
def small_store(tmp_path):
    """Few people over many events: plenty of counts under 5."""
    store = Store.create(tmp_path / "small.db", adviser="Office Staff", passphrase=PASSPHRASE, kind="office")
    seed(store, events=9, clients=60, rng_seed=11)
    yield store
    store.close()


def _tables(path):
    """Each data sheet's body as a matrix (rows and columns, totals included), labels dropped."""
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets[1:]:
        rows = []
        for r in range(3, ws.max_row + 1):
            label = ws.cell(r, 1).value
            values = [ws.cell(r, c).value for c in range(2, ws.max_column + 1)]
            if label is None or str(label).startswith("*"):
                break
            rows.append(values)
        out[ws.title] = rows
    return out


def test_partner_counts_under_five_never_show(small_store, tmp_path):
    path, result = write(small_store, "partners", tmp_path)
    assert_no_formulas_or_errors(path)
    tables = _tables(path)
    assert set(tables) == {"By council area", "By sector"}
    marks = 0
    for name, matrix in tables.items():
        for row in matrix:
            for value in row:
                if value == SUPPRESSED_MARK:
                    marks += 1
                else:
                    assert isinstance(value, int) and (value == 0 or value >= THRESHOLD), (
                        name,
                        value,
                    )
        # No row or column (totals included) with exactly one hidden entry.
        for line in [*matrix, *zip(*matrix, strict=True)]:
            assert list(line).count(SUPPRESSED_MARK) != 1, name
    assert marks > 0 and result.figures["hidden"] == marks
    # The two tables count the same people: their totals rows agree, hidden or not.
    assert tables["By council area"][-1] == tables["By sector"][-1]
    notes = [ws.cell(ws.max_row, 1).value for ws in load_workbook(path).worksheets[1:]]
    assert all(note.startswith("* = hidden") for note in notes)


def test_the_partner_report_is_built_in_memory_with_no_temp_file(small_store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with files_written() as seen:
        path, _ = write(small_store, "partners", out)
    assert_only_the_output_was_written(seen, path, encrypted_parts=False)
    assert sorted(p.name for p in out.iterdir()) == ["partners.xlsx"]
    wb = load_workbook(path)
    assert wb.sheetnames == ["About", "By council area", "By sector"]
    assert wb["About"]["A1"].value == "PACE partner report" and wb["About"]["A1"].font.b
    for name in ("By council area", "By sector"):
        ws = wb[name]
        assert ws.freeze_panes == "B3"
        assert ws["A2"].font.b and ws.cell(ws.max_row - 1, 1).value == "Total"
        assert ws.cell(ws.max_row - 1, 2).font.b


def test_partner_counts_only_people_who_agreed_to_statistics(small_store, tmp_path):
    agreed = small_store.db.scalar(
        "SELECT count(DISTINCT parent_id) FROM consents WHERE purpose = ? AND active = 1",
        (STATISTICS_PURPOSE,),
    )
    assert 0 < agreed < small_store.clients.count()
    path, _ = write(small_store, "partners", tmp_path)
    for matrix in _tables(path).values():
        assert matrix[-1][-1] in (agreed, SUPPRESSED_MARK)
        if matrix[-1][-1] == agreed:
            break
    else:
        pytest.fail("no table shows the grand total")

    # Withdrawing statistics consent takes people out of the next report.
    withdrawn = 0
    for consent in list(small_store.consents.all()):
        if consent.purpose == STATISTICS_PURPOSE and consent.active and withdrawn < 5:
            small_store.consents.update(consent.withdraw("Office Staff"), action="withdraw")
            withdrawn += 1
    path, _ = write(small_store, "partners", tmp_path)
    totals = {m[-1][-1] for m in _tables(path).values()}
    assert totals <= {agreed - withdrawn, SUPPRESSED_MARK} and agreed - withdrawn in totals
