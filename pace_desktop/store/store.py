"""An unlocked laptop or office store: the database, its key slots, back-off, audit and repositories.

A store is three files side by side: ``NAME`` (SQLCipher database), ``NAME.keys`` (key slots, no secrets in
clear) and ``NAME.unlock`` (failed-unlock back-off state). Only the first holds personal data, encrypted.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pace_desktop import policy, reference
from pace_desktop.checklist.scorer import band_in_use
from pace_desktop.errors import PaceError, StoreError, UsageError, ValidationFailed
from pace_desktop.records.models import (
    ChecklistRecord,
    Client,
    Consent,
    Employer,
    Event,
    Feedback,
    Intervention,
    Outcome,
)
from pace_desktop.store import audit as audit_log
from pace_desktop.store import rekey
from pace_desktop.store.backoff import Backoff
from pace_desktop.store.clients import ClientQueries, client_columns
from pace_desktop.store.database import Database, FullCheck
from pace_desktop.store.device import DeviceKey, new_device_id, new_signing_key, public_bytes
from pace_desktop.store.guards import Guards
from pace_desktop.store.keyslots import KeyFileOutOfDate, KeySlotFile, check_passphrase, new_data_key
from pace_desktop.store.migrations import migrate, remove_upgrade_backups
from pace_desktop.store.reference_data import stored_reference
from pace_desktop.store.repository import Repository

# The office's secret keys: the age identity that opens bundles, the key that signs receipts. Never
# copied to a central database server (store/pg/from_file.py); read from the file that keeps them.
SECRET_SETTINGS = frozenset({"signing_key", "office_age_identity"})
# Each member of staff's relay access token (sync/office.py): it cannot open a bundle, but it can
# fetch and delete bundles at the relay, so on a central database it too stays in the file.
SECRET_SETTING_PREFIXES = ("relay_token_",)


def is_secret_setting(key: str) -> bool:
    return key in SECRET_SETTINGS or key.startswith(SECRET_SETTING_PREFIXES)


DEFAULTS: dict[str, str] = {
    "retention_days": "30",
    "autolock_minutes": "5",
    "kiosk_idle_seconds": "90",
    "kiosk_countdown_seconds": "30",
    "export_sequence": "0",
}


RECOVERY_ACTOR = "office recovery"
# The full integrity check (every b-tree and index) runs after unlock, in the background, when the
# last one that passed is this many days old or more, or there is none yet (the store's first
# unlock with this version). Its date is kept in the store's settings.
FULL_CHECK_SETTING = "integrity_checked_on"
FULL_CHECK_EVERY_DAYS = 7


def full_check_failed_line(path: Path) -> str:
    """The red line when the weekly full check finds damage in a store that is open."""
    return (
        f"The weekly integrity check found damage in the store {Path(path).name}: restore your last "
        "backup copy, or ask the office to recover your data."
    )


RETENTION_DAYS = (1, 365)  # how long confirmed records may stay on a laptop, in days


def _checklist_columns(k: ChecklistRecord) -> dict[str, str]:
    """The band the event's list shows and counts: "" when the score does not count (the rule is
    the checklist's own, so the list and the client's record agree)."""
    return {"band": band_in_use(k.band, k.answers, k.override.band if k.override else None) or ""}


@dataclass(frozen=True)
class Removal:
    """What removing an adviser did: re-keyed at once, or waiting for these advisers to unlock once."""

    rekeyed: bool
    waiting: tuple[str, ...]

    def message(self, name: str) -> str:
        if self.rekeyed:
            return f"Removed {name}: the store was re-keyed, so their key will no longer open this laptop."
        return (
            f"Removed {name}, but their old key file still opens this laptop until "
            f"{_and(self.waiting)} {'has' if len(self.waiting) == 1 else 'have each'} unlocked it "
            "once with this version; the store is re-keyed then."
        )


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _open_database(path: Path, keys: KeySlotFile, candidates: tuple[bytes, ...]) -> tuple[Database, int]:
    """The database, opened with the first key that fits, and which one it was."""
    first: StoreError | None = None
    for index, key in enumerate(candidates):
        try:
            return Database(path, key), index
        except StoreError as exc:
            first = first or exc
    salt = rekey.store_salt(path)
    if salt is not None and keys.belongs_to(salt) is False:
        raise KeyFileOutOfDate()
    assert first is not None
    raise first


def keys_path(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def unlock_state_path(path: Path) -> Path:
    return path.with_name(path.name + ".unlock")


# The longest name made beside a store is a pre-upgrade backup's journal (NAME.vN-STAMP.bak-journal,
# 33 bytes more) or the back-off file's temp (".NAME.unlock.XXXXXXXX.tmp", 21 more); file systems allow
# 255 bytes, so longer store names would fail half-way, leaving files behind.
MAX_NAME_BYTES = 200


def check_store_path(path: Path, *, creating: bool = False) -> Path:
    """One plain line for a store path that cannot work: a folder, or (to create) a name too long."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            "The store path is a folder: give a file name for the store inside it, e.g. pace.store."
        )
    if creating and len(path.name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        raise StoreError(f"The store's file name is too long: use at most {MAX_NAME_BYTES} characters.")
    return path


_STAMPS = {
    "version",
    "created_at",
    "updated_at",
    "device_id",
    "updated_by",
}  # set by the store, not the adviser


class Store:
    """One unlocked store. Create with ``Store.create``, open with ``Store.open``; close when done."""

    def __init__(
        self,
        path: Path,
        db: Database,
        keys: KeySlotFile,
        data_key: bytes,
        adviser: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self.clock = clock
        self.db = db
        # An office whose central database is on PostgreSQL (``use_central_database``): this file
        # stays its keyring, for the secret settings the server never holds.
        self._keyring: Database | None = None
        self.keys = keys
        self._data_key = data_key
        self.adviser = adviser
        self.actor = adviser
        self.employers = Repository(self, "employer", "employers", Employer, None)
        self.events = Repository(
            self, "event", "events", Event, None, lambda e: {"event_date": e.event_date.isoformat()}
        )
        self.clients = Repository(self, "client", "clients", Client, "event_id", client_columns)
        self.consents = Repository(
            self,
            "consent",
            "consents",
            Consent,
            "client_id",
            lambda c: {"purpose": c.purpose, "active": int(c.active)},
        )
        self.checklists = Repository(
            self, "checklist", "checklists", ChecklistRecord, "client_id", _checklist_columns
        )
        self.interventions = Repository(self, "intervention", "interventions", Intervention, "client_id")
        self.outcomes = Repository(self, "outcome", "outcomes", Outcome, "client_id")
        self.feedback = Repository(self, "feedback", "feedback", Feedback, "client_id")
        self.client_queries = ClientQueries(self)
        self.guards = Guards(self)
        self._full_check: FullCheck | None = None

    # -- life cycle ------------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        adviser: str,
        passphrase: str,
        device_name: str | None = None,
        office_recipient: str | None = None,
        kind: str = "laptop",
    ) -> Store:
        """Make a new store with its first adviser; refuses to overwrite anything."""
        path = check_store_path(Path(path), creating=True)
        check_passphrase(passphrase)
        if not adviser.strip():
            raise ValidationFailed("Enter the adviser's name.")
        if keys_path(path).exists():
            raise StoreError("A store already exists at that path: choose another path.")
        path.parent.mkdir(parents=True, exist_ok=True)
        data_key = new_data_key()
        db = Database(path, data_key, create=True)
        try:
            migrate(db, data_key)
            keys = KeySlotFile.create(
                keys_path(path),
                data_key,
                adviser.strip(),
                passphrase,
                office_recipient,
                store_salt=rekey.store_salt(path),
            )
        except BaseException:
            db.close()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
        store = cls(path, db, keys, data_key, adviser.strip())
        signing = new_signing_key()
        with store.transaction():
            store._set_many(
                {
                    "kind": kind,
                    "device_id": new_device_id(),
                    "device_name": (device_name or "").strip() or "This laptop",
                    "signing_key": signing.private_bytes_raw().hex(),
                    "created_at": datetime.now(UTC).isoformat(),
                }
            )
            if office_recipient:
                store._set_many({"office_recipient": office_recipient})
            store.audit("unlock", detail="created")
        store.load_reference()
        return store

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, clock: Callable[[], float] = time.time) -> Store:
        """Unlock with an adviser's passphrase; failures back off, and the back-off survives restarts."""
        path = check_store_path(Path(path))
        if not path.exists():
            raise StoreError("No store was found at that path: check the path, or create one with init.")
        keys = KeySlotFile.load(keys_path(path))
        backoff = Backoff(unlock_state_path(path), clock=clock)
        backoff.begin_attempt()  # counted before it is tried: nothing uncounted if it cannot be saved
        unlocked = keys.unlock_all(passphrase)
        backoff.record_success()
        return cls._open_with_keys(path, keys, unlocked.keys, unlocked.name, clock)

    @classmethod
    def open_recovery(cls, path: Path | str, identity: str) -> Store:
        """Office recovery: open a laptop's store with the office age identity."""
        path = Path(path)
        if not path.exists():
            raise StoreError("No store was found at that path: check the path, or create one with init.")
        keys = KeySlotFile.load(keys_path(path))
        return cls._open_with_keys(path, keys, keys.unlock_recovery_all(identity), RECOVERY_ACTOR)

    @classmethod
    def _open_with_key(
        cls,
        path: Path,
        keys: KeySlotFile,
        data_key: bytes,
        adviser: str,
        clock: Callable[[], float] = time.time,
    ) -> Store:
        return cls._open_with_keys(path, keys, (data_key,), adviser, clock)

    @classmethod
    def _open_with_keys(
        cls,
        path: Path,
        keys: KeySlotFile,
        candidates: tuple[bytes, ...],
        adviser: str,
        clock: Callable[[], float] = time.time,
    ) -> Store:
        """Open with the current key or, when a re-key got as far as replacing the file, the next one;
        then finish whatever re-key is under way or due."""
        db, index = _open_database(path, keys, candidates)
        data_key = candidates[index]
        try:
            migrate(db, data_key)
        except BaseException:
            db.close()
            raise
        store = cls(path, db, keys, data_key, adviser, clock)
        with store.transaction():
            store.audit("unlock")
        store.load_reference()
        store._finish_rekey(candidates, index)
        return store

    def _finish_rekey(self, candidates: tuple[bytes, ...], index: int) -> None:
        """Complete a re-key a crash interrupted, or one that waited for first-release slots."""
        try:
            if index == 1:  # the new file is in place: the new key becomes the only key
                reason = self.keys.promote(candidates[1], rekey.store_salt(self.path))
                with self.transaction():
                    self.audit(reason, detail="rekey_finished_at_unlock")
                remove_upgrade_backups(self.path)
            elif self.keys.rekey_under_way and len(candidates) > 1:
                self._rekey(candidates[1], remove=None, reason=None)
            elif self.keys.rekey_due and not self.keys.still_v1():
                self._rekey(new_data_key(), remove=None, reason="adviser_removed")
            else:
                rekey.remove_leftover(self.path)
                salt = rekey.store_salt(self.path)
                if salt is not None:
                    self.keys.note_store_salt(salt)
        except PaceError:
            pass  # the store is open and whole under the key that opened it; the next unlock tries again

    def close(self) -> None:
        """Lock: stop a full check under way, audit, close the connection and drop the key."""
        self.cancel_full_check()
        try:
            with self.transaction():
                self.audit("lock")
        except Exception:  # noqa: S110 - locking must always close, even on a failing disk
            pass
        self.db.close()
        if self._keyring is not None:
            self._keyring.close()
        self._data_key = b""

    def use_central_database(self, server: Any) -> None:
        """From now on keep records, history, devices and the audit log in ``server`` (a
        ``store/pg/database.py`` ``PgDatabase``: the same methods as ``Database``); this open file
        stays the office's keyring, where secret settings (``is_secret_setting``) are read and written
        (docs/central-database.md)."""
        self._keyring, self.db = self.db, server
        self.load_reference()

    def load_reference(self) -> None:
        """Use this store's reference set (the office's current one, or the update a laptop applied)
        from now on, or the shipped files when it keeps none."""
        found = stored_reference(self.db)
        reference.install(found.reference if found is not None else None)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and audit --------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work on this store's database (``Database.transaction``), which it yields."""
        with self.db.transaction() as db:
            yield db

    def audit(
        self, action: str, entity: str | None = None, entity_id: str | None = None, detail: str | None = None
    ) -> int:
        return audit_log.append(
            self.db, actor=self.actor, action=action, entity=entity, entity_id=entity_id, detail=detail
        )

    def save_event(self, event: Event, employer: Employer) -> tuple[Event, Employer]:
        """Save an event and the employer it is held for, in one transaction: a new employer is
        added, a stored one updated when its details changed, and the event takes the employer's
        id, name, sector and HR1 reference (``Employer.event_fields``), so every event at one
        employer names one employer record. When the employer's name, sector or HR1 reference
        changed (a correction), its other events here take them too: one employer, one sector in
        every report."""
        with self.transaction():
            stored = self.employers.get(employer.id)
            if stored is None:
                employer = self.employers.add(employer)
            elif stored.model_dump(exclude=_STAMPS) != employer.model_dump(exclude=_STAMPS):
                employer = self.employers.update(employer)
            else:
                employer = stored
            fields = employer.event_fields()
            if stored is not None and stored.event_fields() != fields:
                for other in list(self.events.all()):
                    if other.employer_id == employer.id and other.id != event.id:
                        self.events.update(Event.model_validate(other.model_dump() | fields))
            event = Event.model_validate(event.model_dump() | fields)
            if self.events.get(event.id) is None:
                event = self.events.add(event)
            else:
                event = self.events.update(event)
        return event, employer

    def wipe_leftovers(self) -> None:
        """After people are deleted: empty the -wal file of older copies of the deleted pages
        (secure_delete has wiped the main file), and delete the pre-upgrade copies of the store,
        which still hold them (``migrations.remove_upgrade_backups``).
        """
        # A busy checkpoint is retried by SQLite later; the rows are already gone from the database.
        with contextlib.suppress(Exception):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        remove_upgrade_backups(self.path)

    def verify_audit(self) -> audit_log.AuditReport:
        """Walk the whole chain, in one read transaction (safe on the worker while the UI reads).

        Every unlock does this, so it reads through a small page cache (``one_pass``): the chain of a
        100,000-client store otherwise filled the usual 32 MiB cache with pages nothing reads again,
        and the idle app stayed that much bigger."""
        with self.db.one_pass(), self.db.snapshot():
            return audit_log.verify(self.db)

    def check_integrity(self, today: date | None = None) -> None:
        """The full check (``audit-check``): every page's HMAC and every b-tree and index, on fresh
        connections; raises ``StoreDamaged`` naming the store and what to do. Opening checks the pages.
        A pass is recorded as ``today``'s full check (``full_check_due``). On a central database the
        file checked is the keyring (PostgreSQL checks its own pages: data checksums)."""
        (self._keyring if self._keyring is not None else self.db).check_pages(self._data_key, full=True)
        with contextlib.suppress(PaceError):  # a store on read-only media is still checked
            self.record_full_check(today or datetime.now(UTC).date())

    # -- the weekly full check -------------------------------------------------------------------------
    def full_check_due(self, today: date) -> bool:
        """Whether the full check should run after this unlock: none has passed yet, the last is
        ``FULL_CHECK_EVERY_DAYS`` old, or its date is unreadable or after ``today`` (a clock put back)."""
        try:
            last = date.fromisoformat(self.setting(FULL_CHECK_SETTING) or "")
        except ValueError:
            return True
        return not 0 <= (today - last).days < FULL_CHECK_EVERY_DAYS

    def start_full_check(self) -> FullCheck:
        """A full check of this store to ``run()`` on a thread of its own (its own connection): locking
        or re-keying the store cancels it, and a cancelled check is simply due again."""
        self.cancel_full_check()
        self._full_check = FullCheck(self.path, self._data_key)
        return self._full_check

    def cancel_full_check(self) -> None:
        check, self._full_check = self._full_check, None
        if check is not None:
            check.cancel()

    def record_full_check(self, today: date) -> None:
        """Note that the full check passed on ``today`` (audited, no personal data)."""
        with self.transaction():
            self._set_many({FULL_CHECK_SETTING: today.isoformat()})
            # An existing action: bundles carry audit entries, and offices know these names.
            self.audit("settings_changed", detail=FULL_CHECK_SETTING)

    # -- settings --------------------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        fixed = policy.setting(key)  # what the machine's policy fixes wins over the store's own value
        if fixed is not None:
            return fixed
        source = self._keyring if self._keyring is not None and is_secret_setting(key) else self.db
        value: str | None = source.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        if value is None:
            return DEFAULTS.get(key, default)
        return value

    def int_setting(self, key: str) -> int:
        return int(self.setting(key) or 0)

    def _set_many(self, values: dict[str, str]) -> None:
        sql = (
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        )
        kept = values
        if self._keyring is not None:
            # On a central database, secrets are written to the keyring file (its own transaction,
            # committed first: the audit entry on the server follows it), never to the server.
            secret = {k: v for k, v in values.items() if is_secret_setting(k)}
            if secret:
                with self._keyring.transaction():
                    self._keyring.executemany(sql, list(secret.items()))
            kept = {k: v for k, v in values.items() if k not in secret}
        if kept:
            self.db.executemany(sql, list(kept.items()))

    def set_settings(self, values: dict[str, str]) -> None:
        policy.refuse_change(*values)
        with self.transaction():
            self._set_many(values)
            self.audit("settings_changed", detail=",".join(sorted(values)))

    def set_retention_days(self, days: int) -> None:
        """How many days confirmed records stay on this laptop before the purge removes them."""
        low, high = RETENTION_DAYS
        if type(days) is not int or not low <= days <= high:
            raise UsageError(f"Keep confirmed records between {low} and {high} days.")
        self.set_settings({"retention_days": str(days)})

    @property
    def kind(self) -> str:
        return self.setting("kind", "laptop") or "laptop"

    @property
    def device_id(self) -> str:
        return self.setting("device_id") or ""

    @property
    def device_name(self) -> str:
        return self.setting("device_name") or ""

    @property
    def office_recipient(self) -> str | None:
        return self.setting("office_recipient")

    def signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(self.setting("signing_key") or ""))

    def device_key(self) -> DeviceKey:
        return DeviceKey(self.device_id, public_bytes(self.signing_key().public_key()))

    # -- advisers and keys -----------------------------------------------------------------------------
    def add_adviser(self, name: str, passphrase: str) -> None:
        self.keys.add_adviser(self._data_key, name, passphrase)
        with self.transaction():
            self.audit("adviser_added")

    def remove_adviser(self, name: str, progress: Callable[[str], None] | None = None) -> Removal:
        """Take away an adviser's slot and re-key the store, so their old key file opens it no more.

        While another adviser still has a first-release (v1) slot, nobody can give them a new data
        key: the slot goes, and the re-key waits until each of them has unlocked once (``Removal``
        says who). ``progress(step)`` is told each step of the re-key as it is reached.
        """
        waiting = self.keys.still_v1(without=name)
        if waiting:
            self.keys.remove_adviser(name, rekey_due=True)
            with self.transaction():
                self.audit("adviser_removed", detail="rekey_waits_for_first_release_slots")
            return Removal(False, tuple(waiting))
        self._rekey(new_data_key(), remove=name, reason="adviser_removed", progress=progress)
        return Removal(True, ())

    REKEY_STEPS = ("start", "exported", "staged", "closed", "swapped", "promoted", "done")

    def _rekey(
        self,
        next_key: bytes,
        *,
        remove: str | None,
        reason: str | None,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        """Copy the store under ``next_key`` and make that key the only one (module ``rekey``).

        ``reason`` None: the key file already holds ``next_key`` (a re-key being finished).
        """
        step = progress or (lambda _name: None)
        self.cancel_full_check()  # its reader would keep the WAL from being checkpointed
        step("start")
        rekey.export_under(self.db, rekey.rekey_path(self.path), next_key)
        step("exported")
        if reason is not None:
            try:
                self.keys.stage_rekey(self._data_key, next_key, remove=remove, reason=reason)
            except BaseException:
                rekey.remove_leftover(self.path)
                raise
        step("staged")
        self.db.close()
        try:
            rekey.drop_side_files(self.path)
            step("closed")
            rekey.swap_in(self.path)
        except BaseException:
            # Not swapped: the store is as it was, under the current key; the next unlock finishes.
            self.db = Database(self.path, self._data_key)
            raise
        step("swapped")
        self.db = Database(self.path, next_key)
        self._data_key = next_key
        done = self.keys.promote(next_key, rekey.store_salt(self.path))
        step("promoted")
        with self.transaction():
            self.audit(done, detail="rekeyed")
        remove_upgrade_backups(self.path)  # copies under the old key
        step("done")

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        self.keys.change_passphrase(name, old, new)
        with self.transaction():
            self.audit("passphrase_changed")

    def set_office_recipient(self, recipient: str | None) -> None:
        """Where bundles are encrypted to, and the recovery slot's recipient."""
        self.keys.set_office_recipient(self._data_key, recipient)
        with self.transaction():
            if recipient:
                self._set_many({"office_recipient": recipient})
            else:
                self.db.execute("DELETE FROM settings WHERE key = 'office_recipient'")
            self.audit("settings_changed", detail="office_recipient")

    def verify_passphrase(self, passphrase: str) -> str:
        """Re-check a passphrase (admin actions, leaving the kiosk); returns the adviser it belongs to.

        Guesses share the unlock back-off, on disk, so restarting the app buys a kiosk user nothing.
        """
        backoff = Backoff(unlock_state_path(self.path), clock=self.clock)
        backoff.begin_attempt()
        adviser = self.keys.unlock_all(passphrase).name
        backoff.record_success()
        return adviser

    def backup_to(self, target: Path) -> None:
        """An encrypted copy under the same data key (opened with the same key slots)."""
        self.db.export_copy(Path(target), self._data_key)

    # -- registration ----------------------------------------------------------------------------------
    def register(
        self,
        client: Client,
        consents: list[Consent] = (),  # type: ignore[assignment]
        checklist: ChecklistRecord | None = None,
    ) -> Client:
        """Save a new client with their consents and checklist in one transaction."""
        with self.transaction(), self.guards.deferred():
            client = self.clients.add(client)
            for consent in consents:
                self.consents.add(consent.model_copy(update={"client_id": client.id}))
            if checklist is not None:
                self.checklists.add(checklist.model_copy(update={"client_id": client.id}))
        return client

    # -- drafts (unsaved forms kept through auto-lock, encrypted with everything else) -----------------
    def save_draft(self, key: str, data: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO drafts(key, saved_at, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
                "SET saved_at = excluded.saved_at, data = excluded.data",
                (key, datetime.now(UTC).isoformat(), data),
            )

    def take_draft(self, key: str) -> str | None:
        with self.transaction():
            row = self.db.execute("SELECT data FROM drafts WHERE key = ?", (key,)).fetchone()
            self.db.execute("DELETE FROM drafts WHERE key = ?", (key,))
        return None if row is None else row[0]

    def draft_keys(self) -> list[str]:
        return [r[0] for r in self.db.query("SELECT key FROM drafts ORDER BY saved_at")]
