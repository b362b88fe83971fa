"""Writing a subject access copy: a readable xlsx (one sheet per section) and the same as JSON.

Both files are written whole or not at all and readable by their owner only (``reports.output``,
``exchange.files``); the workbook is built wholly in memory (XlsxWriter,
``reports.xlsx.MemoryWorkbook``), so no temp file holds the person's data; every value goes through the
reports' safe cells, so a name or note that looks like a formula stays text. The audit log records that
a copy was made, and for whom (by id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pace_desktop.errors import UsageError
from pace_desktop.privacy.subject_access import Section, SubjectAccess, gather
from pace_desktop.reports.cells import sheet_title
from pace_desktop.reports.output import check_output_path, check_xlsx_path, memory_report_file, write_output
from pace_desktop.reports.xlsx import MemoryWorkbook, put

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

BOLD = {"bold": True}
TITLE = {"bold": True, "font_size": 14}
WRAP = {"text_wrap": True, "valign": "top"}


@dataclass(frozen=True)
class AccessResult:
    """The files written and what they hold."""

    xlsx: Path
    json: Path | None
    copy: SubjectAccess

    def describe(self) -> str:
        also = f" and {self.json}" if self.json else ""
        return f"Wrote the subject access copy for {self.copy.pace_id} to {self.xlsx}{also}."


def write_subject_access(
    store: Store,
    pace_id: str,
    out: Path | str,
    *,
    json_out: Path | str | None = None,
    now: datetime | None = None,
    overwrite: bool = False,
) -> AccessResult:
    """Gather everything about the person and write ``out`` (.xlsx) and, if given, ``json_out``."""
    out = check_xlsx_path(Path(out), overwrite=overwrite)
    json_path = Path(json_out) if json_out is not None else None
    if json_path is not None and (json_path.suffix.lower() != ".json" or not json_path.parent.is_dir()):
        raise UsageError("The JSON copy must be a .json file in an existing folder.")
    if json_path is not None:
        check_output_path(json_path, overwrite=overwrite, what="JSON copy")
    copy = gather(store, pace_id, now=now)
    with memory_report_file(out, overwrite=overwrite) as tmp:
        tmp.write(workbook(copy).to_bytes())
    written = [out]
    try:
        if json_path is not None:
            written.append(write_output(json_path, to_json_bytes(copy), overwrite=overwrite))
        with store.transaction():
            store.audit(
                "subject_access",
                "client",
                copy.client_id,
                detail="xlsx,json" if json_path is not None else "xlsx",
            )
    except BaseException:
        # A copy of someone's data that the audit log does not show must not be left behind.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return AccessResult(out, json_path, copy)


def workbook(copy: SubjectAccess) -> MemoryWorkbook:
    """The copy as an XlsxWriter workbook in memory, one sheet per section; ``to_bytes()`` gives the
    file."""
    book = MemoryWorkbook()
    taken: set[str] = set()
    for section in copy.sections:
        ws = book.add_worksheet(sheet_title(section.title, taken))
        _write_section(book, ws, section, copy if section is copy.sections[0] else None)
    return book


def _write_section(book: MemoryWorkbook, ws: Any, section: Section, about: SubjectAccess | None) -> None:
    put(book, ws, 1, 1, section.title, **TITLE)
    put(book, ws, 2, 1, section.intro)
    row = 4
    for label, value in section.items:
        put(book, ws, row, 1, label, **BOLD)
        put(book, ws, row, 2, value, **WRAP)
        row += 1
    if about is not None:
        for gap in about.gaps:
            put(book, ws, row, 1, "Please note", **BOLD)
            put(book, ws, row, 2, gap, **WRAP)
            row += 1
    for table in section.tables:
        row += 1
        put(book, ws, row, 1, table.title, **BOLD)
        row += 1
        if table.note:
            put(book, ws, row, 1, table.note)
            row += 1
        for col, heading in enumerate(table.columns, 1):
            put(book, ws, row, col, heading, **BOLD)
        for values in table.rows:
            row += 1
            for col, value in enumerate(values, 1):
                put(book, ws, row, col, value, **WRAP)
        if not table.rows:
            row += 1
            put(book, ws, row, 1, "Nothing recorded.")
        row += 1
    ws.set_column(0, 0, 40)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 7, 28)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def to_json(copy: SubjectAccess) -> dict[str, Any]:
    """The copy as plain JSON: the same sections, items and tables, in the same words."""
    return {
        "pace_id": copy.pace_id,
        "produced_at": copy.produced_at.isoformat(timespec="seconds"),
        "produced_by": copy.produced_by,
        "please_note": list(copy.gaps),
        "sections": [
            {
                "title": s.title,
                "about": s.intro,
                "items": [{"item": label, "value": _json_value(v)} for label, v in s.items],
                "tables": [
                    {
                        "title": t.title,
                        "note": t.note,
                        "rows": [
                            {col: _json_value(v) for col, v in zip(t.columns, r, strict=True)} for r in t.rows
                        ],
                    }
                    for t in s.tables
                ],
            }
            for s in copy.sections
        ],
    }


def to_json_bytes(copy: SubjectAccess) -> bytes:
    return (json.dumps(to_json(copy), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
