"""``office.pub``, the office's public keys: laptops encrypt bundles to it and check receipts.

Format (UTF-8 text, one item per line; blank lines and lines starting ``#`` are comments)::

    # PACE Intake office key ...
    age1...                                    the office's age X25519 recipient (exactly one)
    PACE-OFFICE-1 <office id> <base64 key>     the office's Ed25519 receipt-signing public key
    PACE-RELAY-1 <https URL> <sha256 pin>      optional: the office relay and its certificate's pin

A file holding only the ``age1`` line (the first release's format) is still read: such a laptop can
export but cannot check receipts until it is given the full file.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from pace_desktop.errors import RefusedError
from pace_desktop.store import setting_values
from pace_desktop.store.device import fingerprint

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

OFFICE_PREFIX = "PACE-OFFICE-1"
RELAY_PREFIX = "PACE-RELAY-1"
MAX_OFFICE_PUB_BYTES = 64 * 1024

# Laptop settings holding the office's receipt key (the age recipient is ``office_recipient``).
SETTING_OFFICE_ID = "office_id"
SETTING_OFFICE_VERIFY_KEY = "office_verify_key"
# The office relay for network sync (docs/sync.md), from the PACE-RELAY-1 line or `sync --relay`.
SETTING_RELAY_URL = "sync_relay_url"
SETTING_RELAY_PIN = "sync_relay_pin"

_NOT_A_KEY = "That is not an office key: use the office.pub file the office gave you."


@dataclass(frozen=True)
class OfficeKey:
    """An office's public half: age recipient, and (when known) its id and receipt key."""

    recipient: str
    office_id: str | None = None
    verify_key: bytes | None = None
    relay_url: str | None = None
    relay_pin: str | None = None

    @property
    def verify_fingerprint(self) -> str | None:
        return fingerprint(self.verify_key) if self.verify_key else None

    def verifier(self) -> Ed25519PublicKey | None:
        return Ed25519PublicKey.from_public_bytes(self.verify_key) if self.verify_key else None

    def text(self, *, created: datetime | None = None) -> str:
        """The office.pub file's contents."""
        when = (created or datetime.now(UTC)).date().isoformat()
        lines = [
            "# PACE Intake office key: give this file to every laptop "
            "(pace-desktop init --office-key office.pub).",
            f"# Public keys only, safe to share. Office {self.office_id or '?'}, created {when}.",
            self.recipient,
        ]
        if self.verify_key and self.office_id:
            lines.append(f"{OFFICE_PREFIX} {self.office_id} {base64.b64encode(self.verify_key).decode()}")
        if self.relay_url and self.relay_pin:
            lines.append(f"{RELAY_PREFIX} {self.relay_url} {self.relay_pin}")
        return "\n".join(lines) + "\n"


def _valid_recipient(text: str) -> bool:
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:  # noqa: BLE001 - pyrage raises its own RecipientError or ValueError
        return False
    return True


def parse_office_key(text: str) -> OfficeKey:
    """Read office.pub text; raises RefusedError (one line) for anything else."""
    recipients: list[str] = []
    signing: list[list[str]] = []
    relays: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("age1"):
            recipients.append(line)
        elif line.startswith(OFFICE_PREFIX + " "):
            signing.append(line.split())
        elif line.startswith(RELAY_PREFIX + " "):
            relays.append(line.split())
        else:
            raise RefusedError(_NOT_A_KEY)
    if len(recipients) != 1 or len(signing) > 1 or len(relays) > 1 or not _valid_recipient(recipients[0]):
        raise RefusedError(_NOT_A_KEY)
    relay_url, relay_pin = _relay(relays[0]) if relays else (None, None)
    if not signing:
        return OfficeKey(recipients[0], relay_url=relay_url, relay_pin=relay_pin)
    parts = signing[0]
    if len(parts) != 3 or not (3 <= len(parts[1]) <= 32 and parts[1].isalnum()):
        raise RefusedError(_NOT_A_KEY)
    try:
        public = base64.b64decode(parts[2], validate=True)
        Ed25519PublicKey.from_public_bytes(public)
    except (ValueError, binascii.Error) as exc:
        raise RefusedError(_NOT_A_KEY) from exc
    return OfficeKey(recipients[0], parts[1], public, relay_url, relay_pin)


def _relay(parts: list[str]) -> tuple[str, str]:
    from pace_desktop.errors import UsageError
    from pace_desktop.sync.transport import parse_pin, parse_url

    if len(parts) != 3:
        raise RefusedError(_NOT_A_KEY)
    try:
        parse_url(parts[1])
        return parts[1], parse_pin(parts[2])
    except UsageError as exc:
        raise RefusedError(_NOT_A_KEY) from exc


def read_office_key_file(path: Path | str) -> OfficeKey:
    """Read and parse an office.pub file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_OFFICE_PUB_BYTES:
            raise RefusedError(_NOT_A_KEY)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefusedError("The office key file could not be read: check the path.") from exc
    return parse_office_key(text)


def policy_office_key() -> OfficeKey | None:
    """The office key the machine's policy fixes, or None."""
    from pace_desktop import policy

    text = policy.current().office_key
    return parse_office_key(text) if text else None


def install_office_key(store: Store, key: OfficeKey, *, check_policy: bool = True) -> None:
    """Make ``key`` this laptop's office: bundles are encrypted to it, its receipts trusted.

    A different key than the one the machine's policy fixes is refused (``check_policy=False`` only
    for the self-check's throwaway stores).
    """
    fixed = policy_office_key() if check_policy else None
    if fixed is not None and fixed.recipient != key.recipient:
        from pace_desktop import policy

        policy.refuse_change("office_key")
    store.set_office_recipient(key.recipient)
    if key.relay_url and key.relay_pin:
        store.set_settings({SETTING_RELAY_URL: key.relay_url, SETTING_RELAY_PIN: key.relay_pin})
    if key.verify_key and key.office_id:
        store.set_settings(
            {
                SETTING_OFFICE_ID: key.office_id,
                SETTING_OFFICE_VERIFY_KEY: base64.b64encode(key.verify_key).decode(),
            }
        )
    else:
        with store.transaction():
            setting_values.delete_values(store.db, SETTING_OFFICE_ID, SETTING_OFFICE_VERIFY_KEY)


def laptop_office_key(store: Store) -> OfficeKey | None:
    """The office key this laptop holds, or None when none was set."""
    recipient = store.office_recipient
    if not recipient:
        return None
    verify = store.setting(SETTING_OFFICE_VERIFY_KEY)
    return OfficeKey(
        recipient, store.setting(SETTING_OFFICE_ID), base64.b64decode(verify) if verify else None
    )
