"""Receipts: the office's signed word that it holds a bundle's records, and the laptop applying it.

A receipt is a small JSON file (no personal data: record ids and versions only) signed with the
office's Ed25519 key over a canonical byte string (``signing_input``). The laptop checks it with the
key from office.pub, marks each listed record confirmed at that version, then purges what retention
allows. Format 2 also countersigns the laptop's audit head (``audit_count``, ``audit_hash``), which the
laptop keeps as its anchor (module ``anchor``); format 1, for a bundle that carried no head, is still
issued and read.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal
from uuid import UUID

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.files import read_capped
from pace_desktop.exchange.officekey import laptop_office_key
from pace_desktop.exchange.purge import PurgeResult, purge
from pace_desktop.exchange.signed import parse_signed, verify_signed
from pace_desktop.exchange.tables import repositories
from pace_desktop.records.models import ENTITIES
from pace_desktop.store import exports, setting_values
from pace_desktop.store.database import MAX_INTEGER
from pace_desktop.store.device import fingerprint, public_bytes

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

FORMAT = "pace-receipt"
FORMAT_VERSION = 2
OLDEST_FORMAT = 1
SUFFIX = ".pacereceipt"
SIGNATURE_DOMAIN = "PACE-RECEIPT-SIGNATURE-1"
SIGNATURE_DOMAIN_2 = "PACE-RECEIPT-SIGNATURE-2"
MAX_RECEIPT_BYTES = 64 * 2**20

_Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
_Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{3,32}$")]
_Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]

_NOT_A_RECEIPT = "That file is not a PACE receipt: use the .pacereceipt file the office sent back."
_BAD_SIGNATURE = (
    "The receipt's signature does not match your office's key: it was changed, or it is "
    "not from your office. Nothing was marked."
)


class Receipt(BaseModel):
    """A parsed receipt file; ``signature`` covers ``signing_input()``."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: Literal["pace-receipt"]
    format_version: int
    office_id: _Id
    office_key_sha256: _Hex64
    bundle_id: _Uuid
    device_id: _Id
    sequence: int = Field(ge=1)
    verdict: Literal["accepted", "already_had"]
    issued_at: str
    records: dict[str, list[tuple[_Uuid, Annotated[int, Field(ge=1, le=MAX_INTEGER)]]]]
    audit_count: Annotated[int, Field(ge=0, le=MAX_INTEGER)] | None = None  # format 2 only
    audit_hash: _Hex64 | None = None  # format 2 only
    signature: str

    @model_validator(mode="after")
    def _head_in_format_2_only(self) -> Receipt:
        has_head = self.audit_count is not None and self.audit_hash is not None
        if has_head != (self.format_version >= 2) or (self.audit_count is None) != (self.audit_hash is None):
            raise ValueError("the audit head belongs in format 2, and only there")
        return self

    @field_validator("issued_at")
    @classmethod
    def _aware_time(cls, value: str) -> str:
        if datetime.fromisoformat(value).tzinfo is None:
            raise ValueError("issued_at needs a time zone")
        return value

    @field_validator("records")
    @classmethod
    def _known_entities(cls, value: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
        if set(value) - set(ENTITIES):
            raise ValueError("unknown entity")
        return value

    @property
    def record_count(self) -> int:
        return sum(len(items) for items in self.records.values())

    def signing_input(self) -> bytes:
        return signing_input(
            office_id=self.office_id,
            office_key_sha256=self.office_key_sha256,
            bundle_id=self.bundle_id,
            device_id=self.device_id,
            sequence=self.sequence,
            verdict=self.verdict,
            issued_at=self.issued_at,
            records=self.records,
            audit_head=None if self.audit_count is None else (self.audit_count, self.audit_hash or ""),
        )


def records_digest(records: dict[str, list[tuple[str, int]]]) -> str:
    """SHA-256 of one line per record, ``<entity> <id> <version>\\n``, sorted."""
    lines = "".join(
        f"{entity} {record_id} {version}\n"
        for entity in sorted(records)
        for record_id, version in sorted(records[entity])
    )
    return hashlib.sha256(lines.encode("ascii")).hexdigest()  # one update, not one per record


def signing_input(
    *,
    office_id: str,
    office_key_sha256: str,
    bundle_id: str,
    device_id: str,
    sequence: int,
    verdict: str,
    issued_at: str,
    records: dict[str, list[tuple[str, int]]],
    audit_head: tuple[int, str] | None = None,
) -> bytes:
    lines = [
        SIGNATURE_DOMAIN if audit_head is None else SIGNATURE_DOMAIN_2,
        f"office:{office_id}",
        f"office-key-sha256:{office_key_sha256}",
        f"bundle:{bundle_id}",
        f"device:{device_id}",
        f"sequence:{sequence}",
        f"verdict:{verdict}",
        f"issued:{issued_at}",
        f"records-sha256:{records_digest(records)}",
    ]
    if audit_head is not None:
        lines.append(f"audit-head:{audit_head[0]}:{audit_head[1]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def make_receipt(
    *,
    signing_key: Ed25519PrivateKey,
    office_id: str,
    bundle_id: UUID | str,
    device_id: str,
    sequence: int,
    verdict: str,
    records: dict[str, list[tuple[str, int]]],
    issued_at: datetime,
    audit_head: tuple[int, str] | None = None,
) -> bytes:
    """The receipt file's bytes, signed by the office; format 2 when it countersigns an audit head."""
    fields = {
        "office_id": office_id,
        "office_key_sha256": fingerprint(public_bytes(signing_key.public_key())),
        "bundle_id": str(bundle_id),
        "device_id": device_id,
        "sequence": sequence,
        "verdict": verdict,
        "issued_at": issued_at.astimezone(UTC).isoformat(timespec="seconds"),
        "records": {e: sorted(items) for e, items in sorted(records.items())},  # (id, version) pairs
    }
    signature = signing_key.sign(signing_input(**fields, audit_head=audit_head))  # type: ignore[arg-type]
    head = {} if audit_head is None else {"audit_count": audit_head[0], "audit_hash": audit_head[1]}
    document = {
        "format": FORMAT,
        "format_version": OLDEST_FORMAT if audit_head is None else FORMAT_VERSION,
        **fields,
        **head,
        "signature": base64.b64encode(signature).decode(),
    }
    return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode("ascii")


def file_name(device_id: str, sequence: int, bundle_created: datetime) -> str:
    return f"PACE-{device_id}-{sequence:06d}-{bundle_created:%Y%m%d}{SUFFIX}"


def parse_receipt(data: bytes) -> Receipt:
    """Parse a receipt file; a newer receipt format is refused by name."""
    return parse_signed(
        data,
        Receipt,
        fmt=FORMAT,
        version=FORMAT_VERSION,
        kind="receipt",
        not_this=_NOT_A_RECEIPT,
        oldest=OLDEST_FORMAT,
    )


def verify_receipt(receipt: Receipt, verify_key: bytes) -> None:
    """Refuse a receipt not signed by the office whose key this laptop holds."""
    verify_signed(receipt, verify_key, bad_signature=_BAD_SIGNATURE)


@dataclass(frozen=True)
class ReceiptResult:
    """What applying a receipt did on the laptop."""

    bundle_id: str
    sequence: int
    listed: int  # records the receipt names
    confirmed: int  # records newly marked confirmed
    purge: PurgeResult

    def summary(self) -> str:
        text = (
            f"Receipt for export {self.sequence} applied: {self.confirmed} of {self.listed} "
            "records "
            "newly confirmed by the office"
        )
        if self.purge.total:
            text += f"; {self.purge.total} confirmed records past the retention period removed"
        return text + "."


def apply_receipt(store: Store, path: Path | str, *, now: datetime | None = None) -> ReceiptResult:
    """Check the office's signature, mark the listed records confirmed, then purge."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if store.kind == "office":
        raise UsageError("This is the office store: receipts are applied on the laptop that exported.")
    data = read_capped(Path(path), MAX_RECEIPT_BYTES, "receipt")
    receipt = parse_receipt(data)
    office = laptop_office_key(store)
    if office is None or office.verify_key is None:
        raise UsageError(
            "This laptop does not hold the office's receipt key, so it cannot check "
            "receipts: add the office.pub file from the office again (Settings), then retry."
        )
    verify_receipt(receipt, office.verify_key)
    if receipt.device_id != store.device_id:
        raise RefusedError(
            f"This receipt is for another laptop ({receipt.device_id}), not this one "
            f"({store.device_id}): nothing was marked."
        )
    repos = repositories(store)
    stamp = now.isoformat(timespec="seconds")
    confirmed = 0
    with store.transaction():
        _keep_anchor(store, receipt, data)
        for entity, items in receipt.records.items():
            confirmed += exports.confirm_versions(store.db, repos[entity].table, items, stamp)
        exports.mark_receipt(store.db, receipt.bundle_id, stamp)
        store.audit(
            "receipt",
            detail=f"sequence={receipt.sequence},listed={receipt.record_count},confirmed={confirmed}",
        )
    purged = purge(store, now=now)
    return ReceiptResult(receipt.bundle_id, receipt.sequence, receipt.record_count, confirmed, purged)


def _keep_anchor(store: Store, receipt: Receipt, data: bytes) -> None:
    """Keep a receipt that countersigns a newer audit head than the one kept (inside the caller's
    transaction); an older receipt applied again never moves the anchor back."""
    from pace_desktop.exchange.anchor import SETTING_ANCHOR, verified_anchor
    from pace_desktop.store.audit import stored_hash

    if receipt.audit_count is None:
        return
    if stored_hash(store.db, receipt.audit_count) != receipt.audit_hash:
        raise RefusedError(
            f"This receipt countersigns audit entry {receipt.audit_count:,}, which this laptop's audit "
            "log no longer leads to: its history was changed. Nothing was marked: contact the office."
        )
    kept = verified_anchor(store)  # one that no longer verifies (edited, another office's) is replaced
    if kept is None or receipt.audit_count > kept.audit_count:
        setting_values.put_value(store.db, SETTING_ANCHOR, data.decode("utf-8").strip())
