"""Reading the small JSON files the office signs for a laptop: receipts and privacy notices.

Both are one JSON object with ``format``, ``format_version``, ``office_key_sha256`` and an Ed25519
``signature`` over the document's own ``signing_input()``. The steps and their refusals are the same
for both; only the model, the names and the messages differ.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Protocol, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import AfterValidator, BaseModel, StringConstraints, ValidationError

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.officekey import laptop_office_key
from pace_desktop.store.device import fingerprint

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


def _aware(value: str) -> str:
    if datetime.fromisoformat(value).tzinfo is None:
        raise ValueError("times need a time zone")
    return value


# Field types the signed documents share.
Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
DeviceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{3,32}$")]
AwareTime = Annotated[str, AfterValidator(_aware)]  # ISO 8601 with its time zone


def office_verify_key(store: Store, documents: str) -> bytes:
    """The office's signing key this laptop holds, to check ``documents`` ("notices") with."""
    office = laptop_office_key(store)
    if office is None or office.verify_key is None:
        raise UsageError(
            f"This laptop does not hold the office's signing key, so it cannot check {documents}: add "
            "the office.pub file from the office again (Settings), then retry."
        )
    return office.verify_key


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
