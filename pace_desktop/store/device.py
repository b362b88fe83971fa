"""This laptop's identity: a short device id and an Ed25519 signing key, both kept inside the store.

The public half is shared as one line of text (``device-key``) that the office enrols:
``PACE-DEVICE-1 <device id> <base64 public key>``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from pace_desktop.errors import RefusedError

KEY_PREFIX = "PACE-DEVICE-1"
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_device_id() -> str:
    return "LT" + "".join(secrets.choice(_ALPHABET) for _ in range(6))


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public: bytes) -> str:
    """SHA-256 of the raw public key, hex: what the bundle manifest names."""
    return hashlib.sha256(public).hexdigest()


@dataclass(frozen=True)
class DeviceKey:
    device_id: str
    public: bytes

    def text(self) -> str:
        return f"{KEY_PREFIX} {self.device_id} {base64.b64encode(self.public).decode()}"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public)

    @classmethod
    def parse(cls, text: str) -> DeviceKey:
        bad = RefusedError("That is not a device key: paste the line that `pace-desktop device-key` printed.")
        parts = text.strip().split()
        if len(parts) != 3 or parts[0] != KEY_PREFIX:
            raise bad
        try:
            public = base64.b64decode(parts[2], validate=True)
            Ed25519PublicKey.from_public_bytes(public)
        except ValueError as exc:
            raise bad from exc
        device_id = parts[1]
        if not (3 <= len(device_id) <= 32 and device_id.isalnum()):
            raise bad
        return cls(device_id, public)
