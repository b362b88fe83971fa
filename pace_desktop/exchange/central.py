"""The office's central store: set-up, its age identity, device enrolment, what staff browse.

The central store is an ordinary encrypted store created with ``kind="office"``. Its settings
(inside the SQLCipher file, so encrypted at rest) hold the office's age identity; the store's own
Ed25519 key signs receipts. ``office.pub`` carries the public halves to the laptops.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyrage

from pace_desktop.errors import PaceError, RefusedError, StoreError, UsageError
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.officekey import OfficeKey
from pace_desktop.store import devices as device_rows
from pace_desktop.store import duplicate_review, imports, setting_values
from pace_desktop.store.device import DeviceKey, public_bytes
from pace_desktop.store.store import Store

SETTING_IDENTITY = "office_age_identity"
SETTING_RECIPIENT = "office_age_recipient"
OFFICE_PUB = "office.pub"
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def require_office(store: Store) -> Store:
    if store.kind != "office" or not store.setting(SETTING_IDENTITY):
        raise StoreError("That is not an office store: use the central store made with office init.")
    return store


def open_central(path: Path | str, passphrase: str) -> Store:
    """Unlock the central store with an office staff passphrase; refuses a laptop store."""
    store = Store.open(path, passphrase)
    try:
        return require_office(store)
    except BaseException:
        store.close()
        raise


def office_identity(store: Store) -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.from_str(require_office(store).setting(SETTING_IDENTITY) or "")


def office_recipients(store: Store) -> list[str]:
    return [require_office(store).setting(SETTING_RECIPIENT) or ""]


def office_key(store: Store) -> OfficeKey:
    """The public halves laptops need: age recipient, office id and receipt-signing key."""
    return OfficeKey(
        office_recipients(store)[0], store.device_id, public_bytes(store.signing_key().public_key())
    )


@dataclass(frozen=True)
class OfficeInit:
    central: Path
    office_pub: Path
    office_id: str
    recipient: str


def init_office(central: Path | str, *, staff: str, passphrase: str, out_dir: Path | str) -> OfficeInit:
    """Create the central store with its first staff member and write ``out_dir/office.pub``."""
    central, out_dir = Path(central), Path(out_dir)
    pub = out_dir / OFFICE_PUB
    if not out_dir.is_dir():
        raise UsageError(f"The folder {out_dir} does not exist: create it or choose another.")
    if pub.exists():
        raise UsageError(f"{pub} already exists: choose another folder, so no office key is overwritten.")
    identity = pyrage.x25519.Identity.generate()
    store = Store.create(central, adviser=staff, passphrase=passphrase, device_name="Office", kind="office")
    try:
        office_id = "OF" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
        with store.transaction():
            setting_values.put_values(
                store.db,
                [
                    ("device_id", office_id),
                    ("device_name", "Office"),
                    (SETTING_IDENTITY, str(identity)),
                    (SETTING_RECIPIENT, str(identity.to_public())),
                ],
            )
            store.audit("settings_changed", detail="office_identity_created")
        key = office_key(store)
        write_durably(pub, key.text().encode("utf-8"), replace=False)
    except BaseException:
        # A half-made office (no office.pub) would only confuse: it holds nothing yet, so remove it.
        store.close()
        for suffix in ("", ".keys", ".unlock", "-wal", "-shm"):
            central.with_name(central.name + suffix).unlink(missing_ok=True)
        raise
    store.close()
    return OfficeInit(central, pub, office_id, key.recipient)


def write_office_pub(store: Store, out_dir: Path | str) -> Path:
    """Write office.pub again (e.g. for a new laptop); replaces an older copy in that folder."""
    return write_durably(Path(out_dir) / OFFICE_PUB, office_key(store).text().encode("utf-8"))


def backup_identity(store: Store, out_file: Path | str) -> Path:
    """Write the office's age identity as a standard age identity file, readable by its owner only.

    With it, ``age -d -i FILE bundle`` opens any bundle even if the central store is lost. Refuses
    to overwrite an existing file.
    """
    out_file = Path(out_file)
    identity = office_identity(store)
    text = (
        "# PACE Intake office identity: the SECRET key that opens every bundle sent to this\n"
        "# office. Keep it offline (an encrypted USB stick in a safe): anyone holding it can\n"
        "# read bundles.\n"
        f"# created: {datetime.now(UTC).isoformat(timespec='seconds')}\n"
        f"# public key: {identity.to_public()}\n"
        f"{identity}\n"
    )
    if out_file.exists():
        raise UsageError(f"{out_file} already exists: choose a new file name.")
    if not out_file.parent.is_dir():
        raise UsageError(f"The folder {out_file.parent} does not exist: create it or choose another.")
    try:
        write_durably(out_file, text.encode("ascii"), replace=False, mode=0o600)
    except FileExistsError as exc:
        raise UsageError(f"{out_file} already exists: choose a new file name.") from exc
    if os.name != "nt":
        os.chmod(out_file, 0o600)
    with store.transaction():
        store.audit("settings_changed", detail="office_identity_backed_up")
    return out_file


# -- devices -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Device:
    device_id: str
    fingerprint: str
    enrolled_at: str
    enrolled_by: str
    how: str  # 'enrolled' (by key) or 'first_use' (--trust-new-devices)
    retired_at: str | None = None  # its bundles are refused from then on
    retired_by: str | None = None


def read_device_key(text_or_path: str) -> DeviceKey:
    """A device key given as the line ``device-key`` printed, or as a file holding that line."""
    text = text_or_path.strip()
    if not text.startswith("PACE-DEVICE-"):
        path = Path(text)
        try:
            if path.is_file() and path.stat().st_size < 4096:
                text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RefusedError("The device key file could not be read: check the path.") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return DeviceKey.parse(lines[0] if len(lines) == 1 else text)


def enrolled_key(store: Store, device_id: str) -> DeviceKey | None:
    public = device_rows.public_key(store.db, device_id)
    return None if public is None else DeviceKey(device_id, base64.b64decode(public))


def add_device(store: Store, key: DeviceKey, *, how: str, at: datetime | None = None) -> None:
    """Insert the enrolment row (inside the caller's transaction)."""
    device_rows.insert_device(
        store.db,
        key.device_id,
        base64.b64encode(key.public).decode(),
        key.fingerprint,
        (at or datetime.now(UTC)).isoformat(timespec="seconds"),
        store.actor,
        how,
    )
    store.audit("enrol", entity="device", entity_id=key.device_id, detail=f"device_{how}")


def enrol_device(store: Store, key_text: str) -> tuple[DeviceKey, bool]:
    """Enrol a laptop's signing key; returns (key, newly_enrolled).

    A device id already enrolled with a different key is refused, never silently replaced. A
    retired laptop enrolled again with its key is accepted again (it was found, and is trusted).
    """
    require_office(store)
    key = read_device_key(key_text)
    with store.transaction():
        known = enrolled_key(store, key.device_id)
        if known is not None:
            if known.public != key.public:
                raise RefusedError(
                    f"Laptop {key.device_id} is already enrolled with a different key: nothing was "
                    "changed. Check with the adviser; a laptop's key changes only if its store was "
                    "remade."
                )
            if retired_on(store, key.device_id) is None:
                return key, False
            device_rows.clear_retired(store.db, key.device_id)
            store.audit("enrol", entity="device", entity_id=key.device_id, detail="device_reenrolled")
            return key, True
        add_device(store, key, how="enrolled")
    return key, True


def retired_on(store: Store, device_id: str) -> str | None:
    """When the office retired this laptop (an ISO time), or None while its bundles are accepted."""
    return device_rows.retired_at(store.db, device_id)


def retire_device(store: Store, device_id: str, *, at: datetime | None = None) -> bool:
    """Refuse this laptop's bundles from now on (lost, stolen, handed back); False if it already was.

    The row stays, so its imports keep their history and a bundle it signs is refused by name
    rather than as an unknown laptop's, which trusting new laptops would enrol.
    """
    require_office(store)
    with store.transaction():
        if enrolled_key(store, device_id) is None:
            raise RefusedError(f"No laptop {device_id} is enrolled here: check the laptop's name "
                               "on the Devices list.")
        if retired_on(store, device_id) is not None:
            return False
        device_rows.mark_retired(store.db, device_id, (at or datetime.now(UTC)).isoformat(timespec="seconds"),
                                 store.actor)
        store.audit("retire", entity="device", entity_id=device_id)
    return True


def devices(store: Store) -> list[Device]:
    return [Device(*r) for r in device_rows.device_rows(store.db)]


# -- what office staff browse ----------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One import attempt, as kept in the central store's import history."""

    id: int
    attempted_at: str
    file_name: str
    bundle_id: str | None
    device_id: str | None
    sequence: int | None
    verdict: str
    code: str
    reason: str
    counts: dict[str, int]
    gap: str | None
    imported_by: str


def import_history(store: Store, limit: int = 1000) -> list[ImportRow]:
    """Newest first: every attempt, accepted, already had or refused, with its plain reason."""
    rows = imports.history_rows(store.db, limit)
    return [ImportRow(*r[:9], json.loads(r[9] or "{}"), r[10], r[11]) for r in rows]


def saved_receipt(store: Store, bundle_id: str) -> bytes | None:
    """The receipt issued for a bundle most recently, to save it again."""
    text = imports.latest_receipt(store.db, bundle_id)
    return None if text is None else text.encode("ascii")


@dataclass(frozen=True)
class DuplicatePair:
    """Two client records that may be one person: listed for a person to decide, never merged."""

    id: int
    client_a: str
    client_b: str
    pace_id_a: str | None
    pace_id_b: str | None
    reason: str  # 'same_ni' or 'same_name_dob'
    found_at: str
    status: str  # 'open', 'not_duplicate' or 'resolved'

    @property
    def reason_text(self) -> str:
        return {
            "same_ni": "same National Insurance number",
            "same_name_dob": "same name and date of birth",
        }.get(self.reason, self.reason)


def duplicates(store: Store, *, status: str | None = "open") -> list[DuplicatePair]:
    return [DuplicatePair(*r) for r in duplicate_review.duplicate_rows(store.db, status)]


def mark_duplicate(store: Store, pair_id: int, status: str) -> None:
    """Record a person's decision about a pair ('not_duplicate' or 'resolved')."""
    if status not in ("open", "not_duplicate", "resolved"):
        raise PaceError("Choose open, not a duplicate, or resolved.")
    with store.transaction():
        duplicate_review.set_status(store.db, pair_id, status)
        store.audit("change", entity="duplicate_review", entity_id=str(pair_id), detail=status)
