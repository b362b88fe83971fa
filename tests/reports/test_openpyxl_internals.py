"""The openpyxl internals the app still relies on, because the public API has no equivalent, and the
pin that keeps them: a release that moves them fails here, not in a user's hands.

- (Request workbooks are now built in memory with XlsxWriter, ``reports.xlsx.MemoryWorkbook``; the
  last test below checks that nothing goes through a temp file.)
- ``reports/output.py`` points ``_writer.create_temporary_file`` at a private folder for the same
  reason when a workbook is saved to disk.
- ``attendees/workbook.py`` drives ``_reader.WorkSheetParser`` to get merged cells while streaming a
  sheet (the read-only worksheet drops them; it falls back to the public iterator if this changes).
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
    from openpyxl.worksheet import _reader, _writer

    assert callable(_writer.create_temporary_file) and isinstance(_writer.ALL_TEMP_FILES, list)
    assert "out" in inspect.signature(_writer.WorksheetWriter).parameters
    params = inspect.signature(_reader.WorkSheetParser).parameters
    assert {"src", "shared_strings", "data_only", "epoch", "date_formats", "timedelta_formats"} <= set(params)


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
