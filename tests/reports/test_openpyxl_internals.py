"""The openpyxl internals the app still relies on, because the public API has no equivalent, and the
pin that keeps them: a release that moves them fails here, not in a user's hands.

- ``reports/output.py`` points ``_writer.create_temporary_file`` at encrypted parts in a private
  folder, and replaces ``ExcelWriter.write_worksheet`` (``WorksheetWriter``, ``ws._rels``,
  ``ws._drawing``) to read them back, for the normal workbooks still written with openpyxl: partners,
  impact, reciprocity (``report_file``). Write-only openpyxl workbooks are refused there.
- Every other workbook is written with XlsxWriter (``reports/xlsx.py``): request workbooks, the
  summary and subject access copies in memory (a test below checks that nothing goes through a temp
  file), the records and de-identified reports with sealed rows.
- ``attendees/workbook.py`` reads staff lists through the public API only (read-only ``iter_rows``;
  merged ranges from its own checking pass over the XML): the last test keeps it so.
"""

from __future__ import annotations

import inspect
import io
import tomllib
import zipfile

from openpyxl import load_workbook
from packaging.requirements import Requirement
from packaging.version import Version

from pace_desktop.reports.xlsx import MemoryWorkbook
from tests.packaging.conftest import ROOT


def test_the_pin_keeps_openpyxl_below_its_next_minor_release():
    import openpyxl

    with (ROOT / "pyproject.toml").open("rb") as fh:
        deps = [Requirement(d) for d in tomllib.load(fh)["project"]["dependencies"]]
    (req,) = [d for d in deps if d.name == "openpyxl"]
    assert any(s.operator == "<" for s in req.specifier), "openpyxl needs an upper bound"
    assert Version(openpyxl.__version__) in req.specifier
    assert not req.specifier.contains("3.2.0")


def test_the_internals_are_where_the_app_expects_them():
    from openpyxl.worksheet import _writer

    assert callable(_writer.create_temporary_file) and isinstance(_writer.ALL_TEMP_FILES, list)
    assert "out" in inspect.signature(_writer.WorksheetWriter).parameters
    from openpyxl.writer.excel import ExcelWriter

    assert {"workbook", "archive"} <= set(inspect.signature(ExcelWriter).parameters)
    assert callable(ExcelWriter.write_worksheet)


def test_a_request_workbook_is_built_in_memory_and_reads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    wb = MemoryWorkbook()
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["PACE ID", "Name"])
    ws.write_row(1, 0, ["PACE-AB2C-D3EF", "Morag Test"])
    ws.merge_range("A3:B3", "")
    data = wb.to_bytes()
    assert list(tmp_path.iterdir()) == []  # no sheet went through a temp file
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[:2] == [("PACE ID", "Name"), ("PACE-AB2C-D3EF", "Morag Test")]


def test_the_staff_list_reader_uses_no_openpyxl_internals():
    import re

    source = (ROOT / "pace_desktop" / "attendees" / "workbook.py").read_text()
    assert "openpyxl" in source
    assert not re.search(r"openpyxl[\w.]*\._", source), "a private openpyxl module"
    assert not re.search(r"\b(ws|wb)\._\w", source), "a private openpyxl attribute"
