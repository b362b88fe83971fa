"""The XlsxWriter layer (reports/xlsx.py): what it relies on in XlsxWriter, rows on disk only as
ciphertext, and every cell written by its type."""

from __future__ import annotations

import inspect
import io
import tomllib
from datetime import date, datetime

from openpyxl import load_workbook
from packaging.requirements import Requirement
from xlsxwriter.worksheet import Worksheet

from pace_desktop.reports.records import write_rows
from pace_desktop.reports.xlsx import SealedWorkbook
from tests.packaging.conftest import ROOT

NEEDLES = (b"Quennaidh", b"Drumwhirlbarrow", b"JT481729B")


def test_xlsxwriter_is_pinned_exactly():
    import xlsxwriter

    with (ROOT / "pyproject.toml").open("rb") as fh:
        deps = [Requirement(d) for d in tomllib.load(fh)["project"]["dependencies"]]
    (req,) = [d for d in deps if d.name.lower() == "xlsxwriter"]
    assert [s.operator for s in req.specifier] == ["=="]
    assert xlsxwriter.__version__ in req.specifier


def test_the_private_names_the_sealed_sheets_use_are_there():
    assert "init_data" in inspect.signature(Worksheet._initialize).parameters
    assert callable(Worksheet._write_optimized_sheet_data)
    source = inspect.getsource(Worksheet._write_optimized_sheet_data)
    assert "row_data_fh" in source and "row_data_filename" in source


def test_rows_on_disk_are_ciphertext_and_the_workbook_reads_back(tmp_path):
    parts = tmp_path / "parts"
    parts.mkdir()
    book = SealedWorkbook(parts)
    row = ["Quennaidh", "Drumwhirlbarrow", "JT481729B", 7, date(2026, 11, 2)]
    write_rows(book, "People", ["First", "Last", "NI", "Count", "Day"], [row] * 3000)
    on_disk = b"".join(p.read_bytes() for p in parts.iterdir())
    assert len(on_disk) > 100_000 and not any(n in on_disk for n in NEEDLES)
    out = io.BytesIO()
    book.save(out)
    assert list(parts.iterdir()) == []
    ws = load_workbook(out, read_only=True)["People"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 3001
    assert rows[1] == ("Quennaidh", "Drumwhirlbarrow", "JT481729B", 7, datetime(2026, 11, 2))


def test_text_is_never_a_formula_a_link_a_number_or_an_error(tmp_path):
    book = SealedWorkbook(tmp_path)
    texts = ["=1+2", "{=SUM(A1:A2)}", "http://example.org", "12", "#N/A", "+44", "a\rb"]
    write_rows(book, "Text", [f"C{i}" for i in range(len(texts))], [texts])
    out = io.BytesIO()
    book.save(out)
    cells = list(load_workbook(out)["Text"].iter_rows(min_row=2))[0]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells] == [*texts[:-1], "a\nb"]
    assert [c.quotePrefix for c in cells] == [True, False, False, False, True, True, False]
