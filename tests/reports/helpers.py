"""Reading written workbooks back the way a checker would: openpyxl values and the raw sheet XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from pace_desktop.reports.report import write_report


def sheet_xmls(path: Path) -> dict[str, str]:
    """Sheet part name -> XML text, for every worksheet in the file."""
    with zipfile.ZipFile(path) as z:
        return {
            name: z.read(name).decode("utf-8")
            for name in z.namelist()
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)
        }


def assert_no_formulas_or_errors(path: Path) -> None:
    for name, xml in sheet_xmls(path).items():
        assert "<f>" not in xml and "<f " not in xml, f"a formula in {name}"
        assert 't="e"' not in xml, f"an error cell in {name}"


def write(store, kind: str, folder: Path):
    out = folder / f"{kind}.xlsx"
    result = write_report(store, kind, out, overwrite=True)  # tests write the same name again
    return out, result


def rows_of(path: Path, sheet: str) -> list[tuple]:
    wb = load_workbook(path)
    return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]
