"""Office import: verify, decrypt, check and apply bundles, one transaction each.

Checks run in the order the product brief gives: size cap, decryption (into memory), signature by an
enrolled device (or, when asked, trust on first use), the intended office, the manifest's part
hashes, strict schema validation of every record; then one transaction applies the records (newer
version wins) under the record rules (``records/rules.py``: only the sending laptop's own records, no
referral without the sharing consent it needed) and records the attempt. Every attempt — accepted,
already had or refused — is kept in the import history.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, cast
from uuid import UUID

from pace_desktop.errors import PaceError
from pace_desktop.exchange import anchor, bundle, receipt
from pace_desktop.exchange.bundle import DEFAULT_LIMITS, Contents, Limits, Refusal
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.tables import CHILD_ENTITIES, repositories
from pace_desktop.office.central import office_identity, office_recipients, require_office
from pace_desktop.office.devices import add_device, enrolled_key, retired_on
from pace_desktop.records.models import Record
from pace_desktop.records.rules import NOT_THIS_DEVICES_RECORD, REFERRAL_WITHOUT_CONSENT, RuleBroken
from pace_desktop.store import device_sequences, duplicate_review, import_apply, imports
from pace_desktop.store.clients import fold
from pace_desktop.store.database import Database
from pace_desktop.store.device import DeviceKey
from pace_desktop.store.repository import uuid_texts
from pace_desktop.store.store import Store

Progress = Callable[[int, int], None]
Verdict = Literal["accepted", "already_had", "refused"]
ENTITY_ORDER = ("employer", "event", "client", *CHILD_ENTITIES)


@dataclass(frozen=True)
class ImportResult:
    """One bundle's outcome, for the results table and the CLI line."""

    file_name: str
    verdict: Verdict
    reason: str
    code: str
    bundle_id: str | None = None
    device_id: str | None = None
    sequence: int | None = None
    entities: dict[str, int] = field(default_factory=dict)  # records in the bundle, per entity
    outcomes: dict[str, int] = field(default_factory=dict)  # added, updated, unchanged, held, erased…
    gap_warning: str | None = None
    warnings: tuple[str, ...] = ()
    duplicates_found: int = 0
    new_device: bool = False
    receipt_path: Path | None = None
    receipt_error: str | None = None

    @property
    def records(self) -> int:
        return sum(self.entities.values())

    def line(self) -> str:
        """The one results line the CLI prints."""
        head = {"accepted": "accepted   ", "already_had": "already had", "refused": "refused    "}
        text = f"{head[self.verdict]} {self.file_name}: {self.reason}"
        for note in (self.gap_warning, *self.warnings, self.receipt_error):
            if note:
                text += f" Warning: {note}"
        return text


def collect_bundles(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, and every ``*.pacebundle`` directly inside a folder (sorted by name)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix == bundle.SUFFIX and p.is_file()))
        else:
            found.append(path)
    return found


def import_bundles(
    central: Store,
    paths: Iterable[Path | str],
    *,
    trust_new_devices: bool = False,
    receipts_dir: Path | str | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now: Callable[[], datetime] | None = None,
) -> list[ImportResult]:
    """Import files and folders of bundles, each on its own; safe to call from a worker thread.

    ``progress(done, total)`` is in bytes of bundle files (only the ratio matters). A receipt is
    written for each accepted or already-had bundle into ``receipts_dir``, or beside the bundle when
    None.
    """
    require_office(central)
    files = collect_bundles(paths)
    sizes = [_size(p) for p in files]
    total = max(1, sum(sizes))
    report = progress or (lambda done, total: None)
    results = []
    done = 0
    for path, size in zip(files, sizes, strict=True):

        def step(fraction: float, base: int = done, size: int = size) -> None:
            report(base + int(size * min(1.0, fraction)), total)

        results.append(
            import_bundle(
                central,
                path,
                trust_new_devices=trust_new_devices,
                receipts_dir=receipts_dir,
                step=step,
                limits=limits,
                now=now,
            )
        )
        done += size
        report(done, total)
    return results


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass
class _Attempt:
    path: Path
    file_sha256: str | None = None
    bundle_id: str | None = None
    device_id: str | None = None
    sequence: int | None = None


def import_bundle(
    central: Store,
    path: Path | str,
    *,
    trust_new_devices: bool = False,
    receipts_dir: Path | str | None = None,
    step: Callable[[float], None] = lambda fraction: None,
    limits: Limits = DEFAULT_LIMITS,
    now: Callable[[], datetime] | None = None,
) -> ImportResult:
    """Import one bundle: every check, then one transaction; a refusal imports nothing."""
    clock = now or (lambda: datetime.now(UTC))
    attempt = _Attempt(Path(path))
    try:
        # parse_records and Database.bulk hold the cyclic GC while records are made and written.
        container, new_key = _check(central, attempt, trust_new_devices, limits)
        contents, stretch = None, None
        if _accepted_on(central, str(container.manifest.bundle_id)) is None:
            contents = _validate(container, step)
            stretch = anchor.read_stretch(container)
        result, signed = _apply(central, attempt, container, contents, stretch, new_key, clock(), step)
    except Refusal as refusal:
        return _refused(central, attempt, refusal.code, refusal.message, clock())
    step(1.0)
    name = receipt.file_name(
        container.manifest.device_id, container.manifest.sequence, container.manifest.created_at
    )
    folder = Path(receipts_dir) if receipts_dir is not None else attempt.path.parent
    try:
        return replace(result, receipt_path=write_durably(folder / name, signed))
    except (OSError, PaceError):
        return replace(
            result,
            receipt_error=(
                f"the receipt could not be written to {folder}: save it again from the import history."
            ),
        )


def _check(
    central: Store,
    attempt: _Attempt,
    trust_new_devices: bool,
    limits: Limits,
) -> tuple[bundle.Container, DeviceKey | None]:
    path = attempt.path
    try:
        bundle.check_size(path.stat().st_size, limits)
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise Refusal(
            "unreadable",
            "This file could not be read: check that it exists and that you may "
            "open it. Nothing was imported.",
        ) from exc
    bundle.check_size(len(data), limits)
    attempt.file_sha256 = hashlib.sha256(data).hexdigest()
    plaintext = bundle.decrypt(data, [office_identity(central)])
    del data
    container = bundle.open_container(plaintext, limits)
    manifest = container.manifest
    attempt.bundle_id, attempt.device_id, attempt.sequence = (
        str(manifest.bundle_id),
        manifest.device_id,
        manifest.sequence,
    )
    known = enrolled_key(central, manifest.device_id)
    new_key = None
    if known is None:
        if not trust_new_devices:
            raise Refusal(
                "unknown_device",
                f"This bundle comes from a laptop this office has not enrolled "
                f"({manifest.device_id}): enrol its device key with office enrol, or import with "
                "--trust-new-devices. Nothing was imported.",
            )
        new_key = DeviceKey(manifest.device_id, container.device_public_key)
        bundle.verify_signature(container, new_key.public)
    else:
        if known.fingerprint != manifest.device_key_sha256:
            raise Refusal(
                "wrong_key",
                f"This bundle is signed with a different key from the one enrolled "
                f"for laptop {manifest.device_id}: nothing was imported. Check with the adviser "
                "before enrolling a new key.",
            )
        bundle.verify_signature(container, known.public)
        retired = retired_on(central, manifest.device_id)
        if retired is not None:
            raise Refusal(
                "retired_device",
                f"This bundle is signed by laptop {manifest.device_id}, which this office retired "
                f"on {retired[:10]}: nothing was imported. If the laptop is back in trusted hands, "
                "enrol its key again first.",
            )
    bundle.check_recipient(container, office_recipients(central))
    bundle.read_parts(container, limits)
    return container, new_key


def _accepted_on(central: Store, bundle_id: str) -> str | None:
    """When this bundle was first accepted, or None: a replay is harmless and skips validation."""
    return imports.first_accepted_at(central.db, bundle_id)


def _validate(container: bundle.Container, step: Callable[[float], None]) -> Contents:
    total = max(1, sum(p.records for p in container.manifest.parts))
    seen = 0

    def validated(n: int) -> None:
        nonlocal seen
        seen += n
        step(0.5 * seen / total)

    return bundle.parse_records(container, validated)


def _refused(central: Store, attempt: _Attempt, code: str, reason: str, at: datetime) -> ImportResult:
    with central.transaction():
        imports.record_refused(
            central.db,
            at.isoformat(timespec="seconds"),
            attempt.path.name,
            attempt.file_sha256,
            attempt.bundle_id,
            attempt.device_id,
            attempt.sequence,
            code,
            reason,
            central.actor,
        )
        central.audit("import", entity="bundle", detail=f"verdict=refused,code={code}")
    return ImportResult(
        attempt.path.name,
        "refused",
        reason,
        code,
        attempt.bundle_id,
        attempt.device_id,
        attempt.sequence,
    )


_CLASH = (
    "A person in this bundle has a PACE ID already given to someone else here: their records "
    "were not imported and stay on the laptop. Contact support."
)


@dataclass
class _Tally:
    """What applying one bundle's records did, gathered for the result and the receipt."""

    outcomes: Counter[str] = field(default_factory=Counter)
    confirmed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    changed_clients: list[str] = field(default_factory=list)  # ids of clients added or updated
    warnings: list[str] = field(default_factory=list)

    def confirm(self, entity: str, record_id: str, version: int) -> None:
        self.confirmed.setdefault(entity, []).append((record_id, version))


def _texts(ids: list[UUID]) -> list[str]:
    """``[str(i) for i in ids]``, in one native call (``uuid_texts``): an import of 10,000 records
    needs some 18,000 (each id, and each child's client id)."""
    return cast("list[str]", uuid_texts(ids))


NOT_THIS_DEVICES = (
    "This bundle changes or erases a record that another laptop created (rule "
    f"{NOT_THIS_DEVICES_RECORD}): a laptop may change only its own records. The whole bundle was "
    "refused; nothing was imported."
)
REFERRAL_REFUSED = (
    "This bundle holds a referral to a partner the person had not agreed to share their details "
    f"with (rule {REFERRAL_WITHOUT_CONSENT}). The whole bundle was refused; nothing was imported."
)
_BUNDLE_MESSAGES = {NOT_THIS_DEVICES_RECORD: NOT_THIS_DEVICES, REFERRAL_WITHOUT_CONSENT: REFERRAL_REFUSED}


def _not_theirs() -> Refusal:
    return Refusal(NOT_THIS_DEVICES_RECORD, NOT_THIS_DEVICES)


def _apply_records(
    central: Store, contents: Contents, tally: _Tally, step: Callable[[float], None], device: str
) -> None:
    """Newer version wins, per record. New records go in with one executemany per entity.

    Ownership (``records.rules``, ``not_this_devices_record``): every record must name the bundle's
    laptop as its creator, a record already held must have been created by it, and a child record
    may hang only from a client it created. Events are shared: a client may be registered at an
    event another laptop created, which changes nothing of that event.
    """
    repos = repositories(central)
    erased = import_apply.erased_ids(central.db)
    total, done = max(1, contents.total), 0
    for records in contents.records.values():
        if any(r.device_id != device for r in records):
            raise _not_theirs()
    ours: set[str] = set()  # clients of this bundle now in the store: the laptop's own
    for entity in ENTITY_ORDER:
        records = contents.records.get(entity, [])
        repo = repos[entity]
        record_ids = _texts([r.id for r in records])
        held_rows = repo.stored_creators(record_ids)
        if any(creator != device for _version, creator in held_rows.values()):
            raise _not_theirs()
        stored = {record_id: version for record_id, (version, _creator) in held_rows.items()}
        client_ids: list[str | None]
        if entity == "client":
            client_ids = list(record_ids)  # a client's own id stands for its client
        elif entity in CHILD_ENTITIES:
            client_ids = cast("list[str | None]", _texts([r.client_id for r in records]))  # type: ignore[attr-defined]
        else:
            client_ids = [None] * len(records)
        if entity in CHILD_ENTITIES:
            parents = repos["client"].stored_creators(sorted({c for c in client_ids if c} - ours))
            if any(creator != device for _version, creator in parents.values()):
                raise _not_theirs()
            present = ours | set(parents)
        if entity == "client":
            owners = import_apply.client_ids_by_pace_id(central.db, [r.pace_id for r in records])  # type: ignore[attr-defined]
        new: list[Record] = []
        new_ids: list[str] = []
        for record, record_id, client_id in zip(records, record_ids, client_ids, strict=True):
            if client_id is not None and client_id in erased:
                tally.outcomes["skipped_erased"] += 1
                tally.confirm(entity, record_id, record.version)  # the laptop may let it go: erased here
                continue
            if entity in CHILD_ENTITIES and client_id not in present:
                tally.outcomes["held"] += 1  # its client was held back (a PACE ID clash)
                continue
            if entity == "client" and owners.get(record.pace_id, record_id) != record_id:  # type: ignore[attr-defined]
                tally.outcomes["held"] += 1
                tally.warnings.append(_CLASH)
                continue
            if record_id not in stored:
                new.append(record)
                new_ids.append(record_id)
                outcome = "added"
            elif record.version > stored[record_id]:
                outcome = repo.apply_incoming(record)
            else:
                outcome = "unchanged"
            tally.outcomes[outcome] += 1
            tally.confirm(entity, record_id, record.version)
            if entity == "client":
                ours.add(record_id)
                if outcome != "unchanged":
                    tally.changed_clients.append(record_id)
        repo.insert_many(new, new_ids)
        done += len(records)
        step(0.5 + 0.5 * done / total)


def _apply(
    central: Store,
    attempt: _Attempt,
    container: bundle.Container,
    contents: Contents | None,
    stretch: anchor.Stretch | None,
    new_key: DeviceKey | None,
    at: datetime,
    step: Callable[[float], None],
) -> tuple[ImportResult, bytes]:
    """One transaction: apply (or recognise a replay), issue the receipt, record the attempt."""
    stamp = at.isoformat(timespec="seconds")
    manifest = container.manifest
    bundle_id = str(manifest.bundle_id)
    entities = {e: n for e, n in manifest.counts().items() if n}
    tally = _Tally()
    gap = None
    duplicates = 0
    # A bundle's records land at random places in every id index: a bigger page cache for the
    # transaction saves writing and re-reading the same pages (Database.bulk).
    with central.db.bulk(), central.transaction():
        imports.hold_bundle(central.db, bundle_id)  # the same bundle imported at once: one at a time
        prior = _accepted_on(central, bundle_id)
        if prior:
            verdict: Verdict = "already_had"
            reason = f"imported before, on {prior[:10]}: nothing new to add (harmless)."
            tally.confirmed = bundle.record_keys(container)
        else:
            verdict = "accepted"
            contents = contents or _validate(container, step)
            stretch = stretch or anchor.read_stretch(container)
            # The laptop's audit head must extend the one this office countersigned before.
            anchor.check_and_record(central.db, manifest, stretch, stamp)
            if new_key is not None:
                add_device(central, new_key, how="first_use", at=at)
            try:
                with central.guards.deferred(laptop=manifest.device_id):  # the referral rule, once
                    tally.outcomes["erased"] = _apply_tombstones(central, contents, manifest.device_id)
                    _apply_records(central, contents, tally, step, manifest.device_id)
            except RuleBroken as exc:
                raise Refusal(exc.code, _BUNDLE_MESSAGES.get(exc.code, exc.message)) from exc
            except central.db.integrity_errors as exc:
                # Only a broken constraint is the bundle's fault; a full disk or an I/O error goes
                # on to the transaction, which rolls back and names it (DiskFull, StoreError).
                raise Refusal(
                    "conflict",
                    "A record in this bundle conflicts with one already in the central store: "
                    "nothing was imported. Contact support.",
                ) from exc
            duplicates = _flag_duplicates(central.db, tally.changed_clients, stamp)
            gap, reuse = _track_sequence(central.db, manifest, bundle_id, stamp)
            if reuse:
                tally.warnings.append(reuse)
            reason = _accepted_reason(tally.outcomes, sum(entities.values()))
        outcomes = {k: v for k, v in tally.outcomes.items() if v}
        signed = receipt.make_receipt(
            signing_key=central.signing_key(),
            office_id=central.device_id,
            bundle_id=bundle_id,
            device_id=manifest.device_id,
            sequence=manifest.sequence,
            verdict=verdict,
            records=tally.confirmed,
            issued_at=at,
            audit_head=None if manifest.audit is None else (manifest.audit.count, manifest.audit.hash),
        )
        imports.record_attempt(
            central.db,
            imports.ImportAttempt(
                stamp,
                attempt.path.name,
                attempt.file_sha256,
                bundle_id,
                manifest.device_id,
                manifest.sequence,
                verdict,
                verdict,
                reason,
                json.dumps({"entities": entities, "outcomes": outcomes}, sort_keys=True),
                gap,
                central.actor,
                signed.decode("ascii"),
            ),
        )
        detail = ",".join(
            [f"verdict={verdict}", f"device={manifest.device_id}", f"sequence={manifest.sequence}"]
            + [f"{k}={v}" for k, v in sorted(outcomes.items())]
        )
        central.audit("import", entity="bundle", entity_id=bundle_id, detail=detail[:200])
    result = ImportResult(
        attempt.path.name,
        verdict,
        reason,
        verdict,
        bundle_id,
        manifest.device_id,
        manifest.sequence,
        entities,
        outcomes,
        gap,
        tuple(dict.fromkeys(tally.warnings)),
        duplicates,
        new_key is not None,
    )
    return result, signed


def _accepted_reason(outcomes: Counter[str], records: int) -> str:
    parts = [
        f"{outcomes[k]} {label}"
        for k, label in (
            ("added", "new"),
            ("updated", "updated"),
            ("unchanged", "already up to date"),
            ("skipped_erased", "of erased people, not kept"),
            ("held", "held back"),
            ("erased", "people erased"),
        )
        if outcomes[k]
    ]
    return f"{records} records ({', '.join(parts) or 'none'})."


def _apply_tombstones(central: Store, contents: Contents, device: str) -> int:
    """Erasure travels: the person's records go, and their id may never come back.

    A laptop erases only people it registered (``not_this_devices_record``). An id the office does
    not hold is still tombstoned: it may be a person the laptop erased before ever sending them.
    """
    db = central.db
    erased = 0
    repos = repositories(central)
    ids = [str(tomb.id) for tomb in contents.tombstones]
    if any(creator != device for _version, creator in repos["client"].stored_creators(ids).values()):
        raise _not_theirs()
    for tomb in contents.tombstones:
        client_id = str(tomb.id)
        import_apply.insert_tombstone(db, client_id, tomb.pace_id, tomb.erased_at.isoformat(), tomb.reason)
        for entity in CHILD_ENTITIES:
            import_apply.delete_children(db, repos[entity].table, client_id)
        if import_apply.delete_client(db, client_id):
            erased += 1
            central.audit("erase", entity="client", entity_id=client_id, detail="from_bundle")
        duplicate_review.forget_client(db, client_id)
    return erased


def _flag_duplicates(db: Database, client_ids: Sequence[str], stamp: str) -> int:
    """List possible duplicates (same NI number; same name and date of birth): never merged.

    The incoming clients are already stored, so their search keys are there to join on: one query
    per kind for the whole bundle, each client looked up on its index (the NI number; surname and
    date of birth), first names compared after folding for the few that match.
    """
    if not client_ids:
        return 0
    ids = json.dumps(list(client_ids))
    pairs: list[tuple[str, str, str]] = [
        (me, other, "same_ni") for me, other in duplicate_review.same_ni_pairs(db, ids)
    ]
    for me, other, mine, theirs in duplicate_review.same_surname_dob_pairs(db, ids):
        if fold(mine) == fold(theirs):
            pairs.append((me, other, "same_name_dob"))
    return duplicate_review.add_pairs(db, (_pair(me, other, why, stamp) for me, other, why in pairs))


def _pair(me: str, other: str, why: str, stamp: str) -> tuple[str, str, str, str]:
    a, b = sorted((me, other))
    return a, b, why, stamp


def _first_missing(seen: set[int], limit: int) -> list[int]:
    """The smallest numbers from 1 up that are not in ``seen`` (at most ``limit`` of them)."""
    found: list[int] = []
    expected = 1
    for n in sorted(seen):
        while expected < n and len(found) < limit:
            found.append(expected)
            expected += 1
        if len(found) >= limit:
            break
        expected = n + 1
    return found


def _track_sequence(
    db: Database, manifest: bundle.Manifest, bundle_id: str, stamp: str
) -> tuple[str | None, str | None]:
    """Record this sequence number; report numbers missing below the highest (never refused)."""
    device, sequence = manifest.device_id, manifest.sequence
    reused = device_sequences.used_by_another_bundle(db, device, sequence, bundle_id)
    device_sequences.record_sequence(db, device, sequence, bundle_id, stamp)
    seen = device_sequences.sequences_seen(db, device)
    # Counted, never listed in full: a signed sequence number of 2**62 must not build a list that size.
    missing_count = max(seen) - len(seen)
    missing = _first_missing(seen, 11)
    gap = None
    if missing_count:
        shown = ", ".join(str(n) for n in missing[:10]) + (", …" if missing_count > 10 else "")
        word = "bundle" if missing_count == 1 else "bundles"
        gap = (
            f"{word} {shown} from laptop {device} {'has' if missing_count == 1 else 'have'} not "
            "arrived: ask the adviser whether they were sent."
        )
        gap = gap[0].upper() + gap[1:]
    reuse = None
    if reused:
        reuse = (
            f"Laptop {device} used sequence number {sequence} for another bundle too (an export "
            "that "
            "did not finish); both were applied, which is harmless."
        )
    return gap, reuse
