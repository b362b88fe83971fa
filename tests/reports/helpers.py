"""Reading written workbooks back the way a checker would: openpyxl values and the raw sheet XML."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook

from pace_desktop.reports import leftovers
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


# -- which files a piece of code writes ----------------------------------------------------------------

_WATCHING: list[list[str]] = []  # one list per active ``files_written`` block


def _on_audit(event: str, args: tuple) -> None:
    if not _WATCHING or event != "open":
        return
    path, mode, flags = args
    if isinstance(path, int) or path is None:
        return  # an open file descriptor: its file was seen when it was made
    writes = (
        flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) if mode is None else any(c in mode for c in "wax+")
    )
    if writes:
        _WATCHING[-1].append(os.path.abspath(os.fsdecode(path)))


sys.addaudithook(_on_audit)  # a hook cannot be removed: it records only inside ``files_written``


@contextlib.contextmanager
def files_written() -> Iterator[list[str]]:
    """Every path opened for writing (by ``open``, ``os.open``, ``tempfile``…) inside the block, from
    Python's audit events: the real calls, nothing replaced."""
    seen: list[str] = []
    _WATCHING.append(seen)
    try:
        yield seen
    finally:
        _WATCHING.remove(seen)


def assert_only_the_output_was_written(seen: list[str], out: Path, *, encrypted_parts: bool) -> None:
    """Nothing but ``out`` (directly, through an anonymous file in its folder, or through its durable
    ``.NAME.XXXXXXXX.part`` temp) and, if ``encrypted_parts``, sealed row parts in the report's private
    folder: no plain temp file beside the output or in the system temp folder."""
    folder = str(out.parent.resolve())
    allowed = re.compile(
        rf"{re.escape(folder)}(/{re.escape(out.name)}|/\.{re.escape(out.name)}\.[0-9a-f]{{8}}\.part)?"
    )
    # The report's private folder: sealed row parts (sheet-*.enc), and the empty row file XlsxWriter
    # opens and ``SealedRowsSheet`` swaps at once for a sealed part (tests/reports/test_no_plaintext.py
    # shows nothing there is readable).
    parts = re.compile(rf"{re.escape(folder)}/\.report-enc-[^/]+/[^/]+")
    # The list of folders reports were written to (folder paths only, for the clean-up at start).
    remembered = leftovers.folders_file()
    listed = re.compile(
        rf"{re.escape(str(remembered.parent.resolve()))}/(\.)?{re.escape(remembered.name)}(\.[0-9a-f]{{8}}\.part)?"
    )
    assert seen, "the watch saw nothing: it would not see a temp file either"
    for path in seen:
        real = os.path.realpath(path)
        if allowed.fullmatch(real) or listed.fullmatch(real) or (encrypted_parts and parts.fullmatch(real)):
            continue
        where = (
            "the output folder"
            if real.startswith(folder + "/")
            else "the system temp folder"
            if real.startswith(tempfile.gettempdir())
            else "another folder"
        )
        raise AssertionError(f"a file written in {where} besides the output: {real}")
