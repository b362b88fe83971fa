"""The office's central store: set-up, opening it, its age identity and office.pub.

The central store is an ordinary encrypted store created with ``kind="office"``. Its settings
(inside the SQLCipher file, so encrypted at rest) hold the office's age identity; the store's own
Ed25519 key signs receipts. ``office.pub`` carries the public halves to the laptops.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyrage

from pace_desktop.errors import StoreError, UsageError
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.officekey import OfficeKey
from pace_desktop.store import setting_values
from pace_desktop.store.device import public_bytes
from pace_desktop.store.office_store import SETTING_IDENTITY, SETTING_RECIPIENT, require_office
from pace_desktop.store.store import Store

__all__ = [
    "OFFICE_PUB",
    "SETTING_IDENTITY",
    "SETTING_RECIPIENT",
    "OfficeInit",
    "backup_identity",
    "init_office",
    "office_identity",
    "office_key",
    "office_recipients",
    "open_central",
    "require_office",
    "write_office_pub",
]

OFFICE_PUB = "office.pub"
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def open_central(path: Path | str, passphrase: str, *, clock: Callable[[], float] = time.time) -> Store:
    """Unlock the central store with an office staff passphrase; refuses a laptop store."""
    store = Store.open(path, passphrase, clock=clock)
    try:
        return require_office(store)
    except BaseException:
        store.close()
        raise


def open_central_on_server(
    keyring: Path | str, passphrase: str, url: str, *, clock: Callable[[], float] = time.time
) -> Store:
    """The office whose central database is on PostgreSQL at ``url`` (moved there by ``office
    migrate``): records, history and the audit log on the server; the secret keys from ``keyring``,
    the central store file the move left on this PC. Refuses a database that is another office's."""
    from pace_desktop.store.pg.connect import insecure_allowed
    from pace_desktop.store.pg.database import PgDatabase
    from pace_desktop.store.setting_values import stored_value

    store = open_central(keyring, passphrase, clock=clock)
    try:
        server = PgDatabase(url, allow_insecure=insecure_allowed())
    except BaseException:
        store.close()
        raise
    if stored_value(server, "device_id") != store.device_id:  # type: ignore[arg-type]
        server.close()
        store.close()
        raise StoreError(
            "That central database belongs to another office, or this central store was never moved "
            "there: check the address and the central store file."
        )
    store.use_central_database(server)
    return store


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
