"""Writing a subject access copy: a readable xlsx (one sheet per section) and the same as JSON.

Both files are written whole or not at all and readable by their owner only (``reports.output``,
``exchange.files``); every value goes through the reports' safe cells, so a name or note that looks
like a formula stays text. The audit log records that a copy was made, and for whom (by id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from pace_desktop.errors import UsageError
from pace_desktop.privacy.subject_access import Section, SubjectAccess, gather
from pace_desktop.reports.cells import put, sheet_title
from pace_desktop.reports.output import check_output_path, check_xlsx_path, report_file, write_output

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


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
    with report_file(out, overwrite=overwrite) as tmp:
        workbook(copy).save(tmp)
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


def workbook(copy: SubjectAccess) -> Workbook:
    wb = Workbook()
    taken: set[str] = set()
    first = True
    for section in copy.sections:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet_title(section.title, taken)
        _write_section(ws, section, copy if section is copy.sections[0] else None)
    return wb


def _write_section(ws: Any, section: Section, about: SubjectAccess | None) -> None:
    put(ws, 1, 1, section.title).font = TITLE
    put(ws, 2, 1, section.intro)
    row = 4
    for label, value in section.items:
        put(ws, row, 1, label).font = BOLD
        put(ws, row, 2, value).alignment = WRAP
        row += 1
    if about is not None:
        for gap in about.gaps:
            put(ws, row, 1, "Please note").font = BOLD
            put(ws, row, 2, gap).alignment = WRAP
            row += 1
    for table in section.tables:
        row += 1
        put(ws, row, 1, table.title).font = BOLD
        row += 1
        if table.note:
            put(ws, row, 1, table.note)
            row += 1
        for col, heading in enumerate(table.columns, 1):
            put(ws, row, col, heading).font = BOLD
        for values in table.rows:
            row += 1
            for col, value in enumerate(values, 1):
                put(ws, row, col, value).alignment = WRAP
        if not table.rows:
            row += 1
            put(ws, row, 1, "Nothing recorded.")
        row += 1
    ws.column_dimensions["A"].width = 40
    for letter in "BCDEFGH":
        ws.column_dimensions[letter].width = 28 if letter != "B" else 60


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
