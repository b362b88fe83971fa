"""Reading the small JSON files the office signs for a laptop: receipts and privacy notices.

Both are one JSON object with ``format``, ``format_version``, ``office_key_sha256`` and an Ed25519
``signature`` over the document's own ``signing_input()``. The steps and their refusals are the same
for both; only the model, the names and the messages differ.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Protocol, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import BaseModel, ValidationError

from pace_desktop.errors import RefusedError
from pace_desktop.store.device import fingerprint


class Signed(Protocol):
    # Read-only: the signed documents are frozen models.
    @property
    def format_version(self) -> int: ...

    @property
    def office_key_sha256(self) -> str: ...

    @property
    def signature(self) -> str: ...

    def signing_input(self) -> bytes: ...


D = TypeVar("D", bound=BaseModel)


def parse_signed(
    data: bytes,
    model: type[D],
    *,
    fmt: str,
    version: int,
    kind: str,
    not_this: str,
    oldest: int | None = None,
) -> D:
    """``data`` as ``model``; ``not_this`` for anything that is not one, and a newer format refused
    by name (``kind`` is the word for the document: "receipt", "notice"). Formats ``oldest`` (default
    ``version``) to ``version`` are read.
    """
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise RefusedError(not_this) from exc
    if not isinstance(raw, dict) or raw.get("format") != fmt:
        raise RefusedError(not_this)
    found = raw.get("format_version")
    if isinstance(found, int) and not isinstance(found, bool) and found > version:
        raise RefusedError(
            f"This {kind} was made by a newer PACE Intake ({kind} format {found}; this app reads "
            f"up to {version}): update this laptop's app, then try again."
        )
    try:
        # JSON mode: strict, but a JSON array may fill a tuple such as an (id, version) pair.
        document = model.model_validate_json(data)
    except ValidationError as exc:
        raise RefusedError(not_this) from exc
    if getattr(document, "format_version", None) not in range(oldest or version, version + 1):
        raise RefusedError(not_this)
    return document


def verify_signed(document: Signed, verify_key: bytes, *, bad_signature: str) -> None:
    """Refuse a document not signed by the office whose key this laptop holds."""
    if fingerprint(verify_key) != document.office_key_sha256:
        raise RefusedError(bad_signature)
    try:
        signature = base64.b64decode(document.signature, validate=True)
        Ed25519PublicKey.from_public_bytes(verify_key).verify(signature, document.signing_input())
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise RefusedError(bad_signature) from exc
