"""openpyxl through its public API only, behind a pinned range (issue 22).

- openpyxl writes no report: every workbook is written with XlsxWriter (``reports/xlsx.py``): request
  workbooks, the summary, partners, impact, reciprocity (with each partner's own sheets) and subject
  access copies in memory (a test below checks that nothing goes through a temp file), the records
  and de-identified reports with sealed rows. The temp-file hook on openpyxl's private writer that
  once kept its sheet parts encrypted is gone, and a test below keeps any private import out.
- openpyxl reads staff lists and partners' returns through the public API (read-only ``iter_rows``;
  merged ranges from the import's own checking pass over the XML).
- The pin stays a bounded range, so a new minor release is taken on purpose, after these tests."""

from __future__ import annotations

import ast
import io
import re
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


def _private_uses(source: str) -> list[str]:
    """openpyxl private modules imported, and private openpyxl names used, outside ``if
    TYPE_CHECKING:`` blocks (a type-only import never runs)."""
    tree = ast.parse(source)
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            modules = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names if a.name.startswith("openpyxl")]
        else:
            continue
        found += [m for m in modules if any(part.startswith("_") for part in m.split("."))]
    # The old hook's names; ``._rels`` as an attribute (a zip member "xl/_rels/…" is not one).
    for name in ("create_temporary_file", "WorksheetWriter", "ExcelWriter", r"\._rels", r"\._drawing"):
        if re.search(rf"{name}\b", source):
            found.append(name.replace("\\.", ""))
    return found


def test_no_module_uses_openpyxls_private_internals():
    sources = {p: p.read_text() for p in (ROOT / "pace_desktop").rglob("*.py")}
    assert any("openpyxl" in s for s in sources.values())
    used = {
        str(p.relative_to(ROOT)): u for p, s in sources.items() if "openpyxl" in s and (u := _private_uses(s))
    }
    assert used == {}


def test_the_private_use_check_sees_what_the_old_hook_did():
    old_hook = (
        "from openpyxl.worksheet import _writer as openpyxl_writer\n"
        "from openpyxl.writer import excel\n"
        "openpyxl_writer.create_temporary_file = make\n"
        "ws._rels = writer._rels\n"
    )
    assert set(_private_uses(old_hook)) >= {"openpyxl.worksheet._writer", "create_temporary_file", "_rels"}
    type_only = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from openpyxl.worksheet._write_only import WriteOnlyWorksheet\n"
    )
    assert _private_uses(type_only) == []


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
    source = (ROOT / "pace_desktop" / "attendees" / "workbook.py").read_text()
    assert "openpyxl" in source
    assert not re.search(r"openpyxl[\w.]*\._", source), "a private openpyxl module"
    assert not re.search(r"\b(ws|wb)\._\w", source), "a private openpyxl attribute"
