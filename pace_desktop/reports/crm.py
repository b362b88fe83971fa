"""The CRM hand-off: per-entity CSV of what changed since the last hand-off, plus a deletions feed.

One hand-off is one new folder ``crm-handoff-NNNN-<UTC time>`` under the chosen folder, holding:

- ``<table>-NNN.csv`` for each entity with changed records (``employers``, ``events``, ``clients``,
  ``consents``, ``checklists``, ``interventions``, ``outcomes``, ``feedback``): UTF-8 with a
  byte-order mark, a header row of the model's field names, one row per record keyed by its UUID
  (``id``, the CRM's alternate key), dates as ``YYYY-MM-DD``, times as ISO 8601 UTC
  (``2026-03-04T09:15:00Z``);
- ``deletions-NNN.csv``: every erasure (``delete`` the client and everything under it) and every
  withdrawn consent (``restrict``) not yet handed off;
- ``manifest.json``: each file with its row count, size and SHA-256, and the since/until marks.

Each file stays under a size limit (default 8 MB, the Dataverse import limit) by continuing in the
next numbered part, each with its own header. Text cells go through the reports' spreadsheet-safety
rules (``cells.py``): a value a spreadsheet could read as a formula gets a leading apostrophe.

The folder is written under a hidden name and renamed when complete, inside the store transaction
that marks the records as handed off: if anything fails, the marks do not move and the next hand-off
carries the same changes again (the CRM upserts on ``id``, so a repeat is harmless; a gap never
happens). ``docs/crm-handoff.md`` maps every column for Dataverse.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from pace_desktop.errors import DiskFull, UsageError
from pace_desktop.records.models import ENTITIES
from pace_desktop.reports.cells import clean_text, needs_guard
from pace_desktop.reports.columns import _kind, _unwrap
from pace_desktop.store import handoff

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

DEFAULT_MAX_BYTES = 8_000_000  # Dataverse refuses an import file over 8 MB
MIN_MAX_BYTES = 4_096
BOM = "\ufeff"
FORMAT = "pace-crm-handoff"
FORMAT_VERSION = 1
DELETION_COLUMNS = ("action", "entity", "record_id", "client_id", "pace_id", "purpose", "at", "reason")
WITHDRAWN_REASON = "consent withdrawn"
TOP_LEVEL = ("employer", "event", "client")  # records under no client: no client_pace_id column


@dataclass(frozen=True)
class CsvColumn:
    name: str
    kind: str
    get: Callable[[dict[str, Any]], Any]


def _iso_time(text: str | None) -> str | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    value = value.astimezone(UTC) if value.tzinfo else value
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _cell(kind: str, value: Any) -> str:
    """One CSV cell: ISO dates and times, true/false, lists joined with "; ", text made safe."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if kind == "datetime":
        return _iso_time(value) or ""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "list":
        value = "; ".join(str(v) for v in value)
    elif kind == "json":
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    elif kind in ("int", "float"):
        return str(value)
    return safe_text(str(value))


def safe_text(text: str) -> str:
    """Text that no spreadsheet reads as a formula (CSV injection): a leading apostrophe when needed."""
    text = clean_text(text)
    return "'" + text if needs_guard(text) else text


def _field(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda d: d.get(key)


def _nested(get: Callable[[dict[str, Any]], Any], key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda d: get(d.get(key) or {})


def csv_columns(model: type[BaseModel], prefix: str = "") -> list[CsvColumn]:
    """One column per field, named after it; a nested model's fields as ``<field>_<its field>``."""
    columns: list[CsvColumn] = []
    for name, info in model.model_fields.items():
        kind = _kind(info.annotation)
        if kind == "model":
            nested, _ = _unwrap(info.annotation)
            for col in csv_columns(nested, prefix=f"{prefix}{name}_"):
                columns.append(CsvColumn(col.name, col.kind, _nested(col.get, name)))
            continue
        columns.append(CsvColumn(prefix + name, kind, _field(name)))
    return columns


def entity_columns(entity: str) -> list[CsvColumn]:
    """The CSV columns of one entity: its fields, and for a client's record its client's PACE ID."""
    columns = csv_columns(ENTITIES[entity])
    if entity not in TOP_LEVEL:
        columns.insert(1, CsvColumn("client_pace_id", "text", lambda d: None))
    return columns


@dataclass
class FileEntry:
    file: str
    entity: str
    rows: int = 0
    bytes: int = 0
    sha256: str = ""


class PartWriter:
    """Rows of one entity into ``<stem>-001.csv``, ``-002.csv``, … each under ``max_bytes``."""

    def __init__(self, folder: Path, stem: str, entity: str, header: Sequence[str], max_bytes: int) -> None:
        self.folder, self.stem, self.entity, self.max_bytes = folder, stem, entity, max_bytes
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")  # RFC 4180 line ends
        self.header = self._encode(header, first=True)
        self.files: list[FileEntry] = []
        self._fh: Any = None
        self._hash: Any = None

    def _encode(self, values: Iterable[str], *, first: bool = False) -> bytes:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(values)
        return ((BOM if first else "") + self._buffer.getvalue()).encode("utf-8")

    def _open(self) -> None:
        self._close()
        entry = FileEntry(f"{self.stem}-{len(self.files) + 1:03d}.csv", self.entity)
        self.files.append(entry)
        fd = os.open(self.folder / entry.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._fh = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self._put(self.header)

    def _put(self, data: bytes) -> None:
        self._fh.write(data)
        self._hash.update(data)
        self.files[-1].bytes += len(data)

    def row(self, values: Sequence[str]) -> None:
        data = self._encode(values)
        if len(self.header) + len(data) > self.max_bytes:
            raise UsageError(f"One {self.entity} row is larger than the size limit: raise --max-mb.")
        if self._fh is None or self.files[-1].bytes + len(data) > self.max_bytes:
            self._open()
        self._put(data)
        self.files[-1].rows += 1

    def _close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self.files[-1].sha256 = self._hash.hexdigest()
            self._fh = None

    def close(self) -> list[FileEntry]:
        self._close()
        return self.files


@dataclass
class HandoffResult:
    folder: Path | None
    number: int
    since: str | None
    until: str | None
    rows: dict[str, int] = field(default_factory=dict)
    deletions: dict[str, int] = field(default_factory=dict)
    files: list[FileEntry] = field(default_factory=list)

    def describe(self) -> str:
        if self.folder is None:
            when = f" (hand-off {self.number}, {self.since[:19].replace('T', ' ')} UTC)" if self.since else ""
            return f"Nothing has changed since the last hand-off{when}: no files were written."
        records = sum(self.rows.values())
        deletions = sum(self.deletions.values())
        return (
            f"Wrote hand-off {self.number} to {self.folder}: {records} changed records and "
            f"{deletions} deletions in {len(self.files)} files (see manifest.json)."
        )


def check_out_dir(out: Path) -> Path:
    out = Path(out)
    if not out.is_dir():
        raise UsageError("The folder for the hand-off does not exist: create it or choose another.")
    return out


def export_crm(
    store: Store,
    out: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    full: bool = False,
    now: datetime | None = None,
) -> HandoffResult:
    """Write one hand-off of everything changed since the last into a new folder under ``out``."""
    out = check_out_dir(out)
    if max_bytes < MIN_MAX_BYTES:
        raise UsageError(f"The size limit must be at least {MIN_MAX_BYTES:,} bytes.")
    now = (now or datetime.now(UTC)).astimezone(UTC)
    with store.transaction(), store.db.one_pass():
        state = handoff.load_state(store)
        due = handoff.due_counts(store, full=full)
        tombstones = handoff.tombstones_after(store, 0 if full else state.tombstone_seq)
        if not any(due.values()) and not tombstones:
            return HandoffResult(None, state.number, state.until, None)
        number = state.number + 1
        until = now.isoformat(timespec="seconds").replace("+00:00", "Z")
        name = f"crm-handoff-{number:04d}-{now:%Y%m%dT%H%M%SZ}"
        if (out / name).exists():
            raise UsageError(f"{out / name} already exists: wait a second and run the hand-off again.")
        last_tomb = max([t.seq for t in tombstones], default=state.tombstone_seq)
        partial = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out))  # 0700
        try:
            result = _write(store, partial, due, tombstones, max_bytes=max_bytes, full=full)
            result.number, result.since, result.until = number, state.until, until
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "handoff": number,
                "office": store.device_id,
                "full": full,
                "since": state.until,
                "until": until,
                "marks": {
                    "since_tombstone": 0 if full else state.tombstone_seq,
                    "until_tombstone": last_tomb,
                },
                "rows": result.rows,
                "deletions": result.deletions,
                "files": [vars(f) for f in result.files],
            }
            _write_small(partial / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
            handoff.mark_handed(store)
            handoff.save_state(
                store, handoff.HandoffState(number, until, max(state.tombstone_seq, last_tomb))
            )
            store.audit(
                "report",
                "report",
                detail=(
                    f"kind=crm,handoff={number},records={sum(result.rows.values())},"
                    f"deletions={sum(result.deletions.values())}"
                ),
            )
            os.chmod(partial, 0o700)
            os.replace(partial, out / name)
            result.folder = out / name
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if isinstance(exc, OSError) and exc.errno in (28, 122):  # ENOSPC, EDQUOT
                raise DiskFull() from exc
            raise
    return result


def _write_small(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _write(
    store: Store,
    folder: Path,
    due: dict[str, int],
    tombstones: list[handoff.Tombstone],
    *,
    max_bytes: int,
    full: bool,
) -> HandoffResult:
    result = HandoffResult(folder, 0, None, None)
    deletions = PartWriter(folder, "deletions", "deletion", DELETION_COLUMNS, max_bytes)
    counts = {"delete": 0, "restrict": 0}
    for tomb in tombstones:
        deletions.row(
            [
                "delete",
                "client",
                tomb.client_id,
                tomb.client_id,
                safe_text(tomb.pace_id),
                "",
                _iso_time(tomb.erased_at) or "",
                safe_text(tomb.reason),
            ]
        )
        counts["delete"] += 1
    for entity, table in handoff.TABLES:
        if not due[entity]:
            continue
        columns = entity_columns(entity)
        writer = PartWriter(folder, table, entity, [c.name for c in columns], max_bytes)
        rows = 0
        for data_text, pace_id in handoff.due_rows(store, table, full=full):
            data = json.loads(data_text)
            values = [_cell(c.kind, c.get(data)) for c in columns]
            if entity not in TOP_LEVEL:
                values[1] = safe_text(pace_id) if pace_id else ""
            writer.row(values)
            rows += 1
            if entity == "consent" and data.get("withdrawn_at"):
                deletions.row(
                    [
                        "restrict",
                        "consent",
                        data["id"],
                        data["client_id"],
                        safe_text(pace_id) if pace_id else "",
                        safe_text(data["purpose"]),
                        _iso_time(data["withdrawn_at"]) or "",
                        WITHDRAWN_REASON,
                    ]
                )
                counts["restrict"] += 1
        result.files.extend(writer.close())
        result.rows[entity] = rows
    deletion_files = deletions.close()
    if deletion_files:
        result.files[:0] = deletion_files
    result.deletions = counts
    return result


def handoff_files(folder: Path) -> dict[str, Any]:
    """A hand-off folder's manifest, after checking every file's size and SHA-256 against it."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (folder / entry["file"]).read_bytes()
        if len(data) != entry["bytes"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise UsageError(f"{entry['file']} does not match the manifest: ask for the hand-off again.")
    return manifest
