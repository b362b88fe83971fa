"""Laptop export: every record new or changed since the last export, filtered by consent.

The bundle is encrypted to the office, so this laptop cannot read it back. Records are marked
exported only after the file is complete on disk (written, synced, renamed, folder synced), in one
transaction with the sequence bump and the export-history row: a crash at any point either leaves
nothing marked (the next export sends the records again, which the office treats as harmless) or
everything marked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from pace_desktop import __version__
from pace_desktop.errors import PaceError, UsageError
from pace_desktop.exchange import anchor, bundle
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.store import exports

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

Progress = Callable[[int, int], None]
EXPORT_COMPRESSLEVEL = 3

# Why a client's records stay on the laptop; the GUI shows these words.
HELD_BACK_REASONS: dict[str, str] = {
    "no_consent": "no PACE support consent recorded",
    "declined": "PACE support consent declined",
    "withdrawn": "PACE support consent withdrawn",
    "client_missing": "the client is no longer on this laptop",
}


class NoOfficeKey(UsageError):
    def __init__(self) -> None:
        super().__init__(
            "No office key is set on this laptop, so nothing can be exported: add the "
            "office.pub file from the office (pace-desktop init --office-key FILE, or "
            "Settings), then export again."
        )


@dataclass(frozen=True)
class ExportResult:
    """What an export did: the file (None when nothing was new), counts, what was held back."""

    path: Path | None
    bundle_id: UUID | None
    sequence: int | None
    counts: dict[str, int]
    held_back_clients: dict[str, int] = field(default_factory=dict)  # reason code -> clients
    held_back_records: int = 0

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def held_back_text(self) -> list[str]:
        """e.g. ['2 people: PACE support consent withdrawn']."""
        return [
            f"{n} {'person' if n == 1 else 'people'}: {HELD_BACK_REASONS[code]}"
            for code, n in sorted(self.held_back_clients.items())
        ]

    def summary(self) -> str:
        held = sum(self.held_back_clients.values())
        tail = (
            f"; {held} {'person' if held == 1 else 'people'} held back ({', '.join(self.held_back_text())})"
            if held
            else ""
        )
        if self.path is None:
            return f"Nothing new to export{tail}."
        return f"Exported {self.records} records to {self.path.name}{tail}."


def _consent_status(store: Store) -> dict[str, str | None]:
    """client id -> None when PACE support consent is active, else the held-back reason code."""
    status: dict[str, str | None] = {}
    for client_id, active, granted in exports.pace_support_consents(store.db):
        current = status.get(client_id, "no_consent")
        if active:
            status[client_id] = None
        elif current is not None and current != "withdrawn":
            # Any active row wins; otherwise a withdrawal is the stronger reason than a decline.
            status[client_id] = "withdrawn" if granted else "declined"
    return status


def _line(data: str) -> bytes:
    if "\n" in data:  # model JSON never holds a raw newline; re-encode defensively if one ever does
        data = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":"))
    return data.encode("utf-8") + b"\n"


def _part(rows: list[str]) -> bytes:
    """Stored JSON texts as JSON lines, encoded once (not line by line)."""
    if not rows:
        return b""
    text = "\n".join(rows)
    if text.count("\n") != len(rows) - 1:  # a raw newline inside a record: re-encode each one
        return b"".join(_line(data) for data in rows)
    return (text + "\n").encode("utf-8")


def _free_name(folder: Path, name: str) -> Path:
    """The bundle's name, or name-2, -3 … if an export that was never marked left one there."""
    target = folder / name
    stem = name.removesuffix(bundle.SUFFIX)
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{bundle.SUFFIX}"
        n += 1
    return target


def export_bundle(
    store: Store,
    out_dir: Path | str,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    limits: bundle.Limits = bundle.DEFAULT_LIMITS,
    resend_unconfirmed: bool = False,
) -> ExportResult:
    """Write one bundle of everything new or changed into ``out_dir`` (fine on a worker thread).

    ``progress(done, total)`` counts records read. Returns what was exported and held back; with
    nothing new, no file is written and ``path`` is None. ``resend_unconfirmed`` also sends what was
    exported before but never confirmed by a receipt (for a bundle lost in transit or refused by the
    office).
    """
    out_dir = Path(out_dir)
    if store.kind == "office":
        raise UsageError("This is the office store: export runs on a laptop. Use office import here.")
    recipient = store.office_recipient
    if not recipient:
        raise NoOfficeKey()
    if not out_dir.is_dir():
        raise UsageError(f"The folder {out_dir} does not exist: create it or choose another.")
    now = (now or datetime.now(UTC)).astimezone(UTC)
    report = progress or (lambda done, total: None)
    repos = repositories(store)

    lines: dict[str, list[str]] = {}
    held_rows: dict[str, list[str]] = {}
    held: dict[str, set[str | None]] = {}
    held_records = 0
    # One write transaction from the snapshot to the marks: nothing else can change a record in
    # between, so every record read and sent is marked with one statement per table (rewriting
    # 10,000 rows one by one cost as much as building the bundle). A failure or a crash anywhere
    # before the commit marks nothing; the next export sends everything again, which the office
    # treats as harmless. The bigger page cache keeps the rewritten pages in memory until the
    # commit writes them once (Database.bulk).
    with store.db.bulk(), store.transaction():
        sequence = store.int_setting("export_sequence") + 1
        consent = _consent_status(store)
        clients = exports.exported_versions(store.db)
        pending = {
            entity: exports.pending_rows(store.db, repo.table, resend_unconfirmed=resend_unconfirmed)
            for entity, repo in repos.items()
        }
        tombstones = exports.pending_tombstones(store.db, resend_unconfirmed=resend_unconfirmed)
        total = sum(len(rows) for rows in pending.values()) + len(tombstones)
        done = 0
        for entity, rows in pending.items():
            out, kept = lines.setdefault(entity, []), held_rows.setdefault(entity, [])
            for record_id, parent_id, _version, data in rows:
                reason = None
                if entity == "client":
                    reason = consent.get(record_id, "no_consent")
                elif entity in CHILD_ENTITIES:
                    if parent_id not in clients:
                        reason = "client_missing"
                    else:
                        reason = consent.get(parent_id, "no_consent")
                        # A withdrawal must reach the office, which already holds the person.
                        if reason and entity == "consent" and clients[parent_id] > 0:
                            reason = None
                if reason:
                    held.setdefault(reason, set()).add(record_id if entity == "client" else parent_id)
                    held_records += 1
                    kept.append(record_id)
                else:
                    out.append(data)
                done += 1
                if done % 1000 == 0:
                    report(done, total)
        report(total, total)

        counts = {entity: len(rows) for entity, rows in lines.items()}
        counts["tombstone"] = len(tombstones)
        held_clients = {reason: len(ids) for reason, ids in held.items()}
        if not any(counts.values()):
            return ExportResult(None, None, None, counts, held_clients, held_records)

        parts = {entity: (_part(rows), len(rows)) for entity, rows in lines.items()}
        parts["tombstone"] = (
            b"".join(
                _line(
                    json.dumps(
                        {"id": t[0], "pace_id": t[1], "erased_at": t[2], "reason": t[3]},
                        ensure_ascii=False,
                        separators=(",", ":"),
                    )
                )
                for t in tombstones
            ),
            len(tombstones),
        )
        # The audit head the records were read under, and the entries since the last countersigned
        # head, so the office can check that this head extends it (module anchor).
        stretch = anchor.stretch_for_export(store)
        if len(stretch.data) > limits.max_audit_bytes:
            raise PaceError(
                "This laptop's audit log has grown too long since the office last "
                "countersigned it to fit in one bundle: contact support before exporting."
            )
        payload = sum(len(data) for data, _ in parts.values()) + len(stretch.data)
        if payload > limits.max_plaintext_bytes - bundle.MiB:
            raise PaceError("There are too many records for one bundle: contact support before exporting.")
        bundle_id = uuid4()
        built = bundle.build(
            parts=parts,
            bundle_id=bundle_id,
            device_id=store.device_id,
            signing_key=store.signing_key(),
            sequence=sequence,
            recipients=[recipient],
            created_at=now,
            app_version=__version__,
            held_back=held_records,
            # zlib's fast levels (1-3) deflate JSON lines three times faster than the default 6,
            # for a bundle about a fifth larger: the export budget is throughput; bundles are small.
            compresslevel=EXPORT_COMPRESSLEVEL,
            audit=stretch,
        )
        sealed = bundle.seal(built.plaintext, [recipient])
        if len(sealed) > limits.max_file_bytes:
            raise PaceError("There are too many records for one bundle: contact support before exporting.")
        target = write_durably(
            _free_name(out_dir, bundle.file_name(store.device_id, sequence, now)), sealed, replace=False
        )

        # Marked only now that the file is complete on disk (written, synced, renamed).
        for entity, repo in repos.items():
            if not counts.get(entity):
                continue
            exports.mark_exported(
                store.db, repo.table, held_rows[entity], resend_unconfirmed=resend_unconfirmed
            )
        exports.mark_tombstones_exported(store.db, [t[0] for t in tombstones])
        exports.set_export_sequence(store.db, sequence)
        exports.record_export(
            store.db,
            str(bundle_id),
            sequence,
            now.isoformat(timespec="seconds"),
            target.name,
            sum(counts.values()),
            held_records,
            json.dumps(counts, sort_keys=True),
        )
        store.audit(
            "export",
            detail=f"sequence={sequence},records={sum(counts.values())},held_back={held_records}",
        )
    return ExportResult(target, bundle_id, sequence, counts, held_clients, held_records)


@dataclass(frozen=True)
class ExportRow:
    """One line of the laptop's export history."""

    bundle_id: str
    sequence: int
    created_at: str
    file_name: str
    records: int
    held_back: int
    counts: dict[str, int]
    receipt_at: str | None


def export_history(store: Store, limit: int = 500) -> list[ExportRow]:
    rows = exports.history_rows(store.db, limit)
    return [ExportRow(*r[:6], json.loads(r[6]), r[7]) for r in rows]


def pending_count(store: Store) -> int:
    """Records changed since the last export (before the consent filter): for a 'to send' badge."""
    repos = repositories(store).values()
    total = sum(exports.changed_count(store.db, r.table) for r in repos)
    return total + exports.unsent_tombstone_count(store.db)
