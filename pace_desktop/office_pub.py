"""``office.pub``, the office's public keys: the file's format and its parser.

Laptops encrypt bundles to it and check receipts with it (``exchange/officekey.py`` installs it in a
store); the machine policy checks the ``office_key`` it fixes with the same parser, so this module sits
below ``policy.py`` and needs nothing of the store or the network code.

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
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from pace_desktop.errors import RefusedError, UsageError

OFFICE_PREFIX = "PACE-OFFICE-1"
RELAY_PREFIX = "PACE-RELAY-1"

NOT_A_KEY = "That is not an office key: use the office.pub file the office gave you."


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
        # SHA-256 of the raw public key, hex: the fingerprint store.device gives every Ed25519 key.
        return hashlib.sha256(self.verify_key).hexdigest() if self.verify_key else None

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
            raise RefusedError(NOT_A_KEY)
    if len(recipients) != 1 or len(signing) > 1 or len(relays) > 1 or not _valid_recipient(recipients[0]):
        raise RefusedError(NOT_A_KEY)
    relay_url, relay_pin = _relay(relays[0]) if relays else (None, None)
    if not signing:
        return OfficeKey(recipients[0], relay_url=relay_url, relay_pin=relay_pin)
    parts = signing[0]
    if len(parts) != 3 or not (3 <= len(parts[1]) <= 32 and parts[1].isalnum()):
        raise RefusedError(NOT_A_KEY)
    try:
        public = base64.b64decode(parts[2], validate=True)
        Ed25519PublicKey.from_public_bytes(public)
    except (ValueError, binascii.Error) as exc:
        raise RefusedError(NOT_A_KEY) from exc
    return OfficeKey(recipients[0], parts[1], public, relay_url, relay_pin)


def _relay(parts: list[str]) -> tuple[str, str]:
    if len(parts) != 3:
        raise RefusedError(NOT_A_KEY)
    try:
        parse_relay_url(parts[1])
        return parts[1], parse_relay_pin(parts[2])
    except UsageError as exc:
        raise RefusedError(NOT_A_KEY) from exc


def parse_relay_url(url: str) -> tuple[str, int]:
    """The relay's host and port from its https address (``sync.transport`` connects to them)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/"):
        raise UsageError("The relay address must look like https://relay.example:8443 (https, no path).")
    return parts.hostname, parts.port or 443


def parse_relay_pin(pin: str) -> str:
    """The relay certificate's SHA-256 pin, as 64 lower-case hex characters."""
    pin = pin.strip().lower().replace(":", "")
    if len(pin) != 64 or any(c not in "0123456789abcdef" for c in pin):
        raise UsageError("The relay pin is the 64-character SHA-256 the office printed at relay-init.")
    return pin
