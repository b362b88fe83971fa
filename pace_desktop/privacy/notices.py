"""The office's notice file: its withdrawals and erasures, signed, for one laptop to apply.

Withdrawal and erasure must travel both ways. Laptop to office rides in bundles; office to laptop
rides in this small JSON file, signed with the office's receipt key exactly as receipts are, and
applied with the same ``apply-receipt`` command. It names records by id with a purpose code and
dates, never a name, so (like a receipt) it needs no encryption. It is cumulative and idempotent:
each file lists everything queued for that laptop, and applying it again, or an older one, changes
nothing more (withdrawals and erasures never go back).

Format: ``{"format": "pace-notice", "format_version": 1, "office_id", "office_key_sha256",
"device_id", "issued_at", "withdrawals": [{consent_id, client_id, purpose, version, withdrawn_at}],
"erasures": [{client_id, erased_at}], "signature"}``; the signature is Ed25519 over
``signing_input`` (docs/privacy.md, "Notice file").
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from pace_desktop.errors import UsageError
from pace_desktop.exchange.files import write_durably
from pace_desktop.exchange.signed import parse_signed, verify_signed
from pace_desktop.office.central import require_office
from pace_desktop.privacy.notice_queue import ERASE, WITHDRAW, queued_devices
from pace_desktop.store.database import MAX_INTEGER
from pace_desktop.store.device import fingerprint, public_bytes
from pace_desktop.store.office_notices import queued_for

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

FORMAT = "pace-notice"
FORMAT_VERSION = 1
SUFFIX = ".pacenotice"
SIGNATURE_DOMAIN = "PACE-NOTICE-SIGNATURE-1"
MAX_NOTICE_BYTES = 16 * 2**20
OFFICE_LABEL = "SDS office"  # who recorded it, as the laptop shows it: staff names stay at the office

_Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
_Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{3,32}$")]
_Uuid = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
_Purpose = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,60}$")]

_NOT_A_NOTICE = "That file is not a PACE notice or receipt: use the file the office sent back."
_BAD_SIGNATURE = (
    "The notice's signature does not match your office's key: it was changed, or it is not "
    "from your office. Nothing was changed."
)


def _aware(value: str) -> str:
    if datetime.fromisoformat(value).tzinfo is None:
        raise ValueError("times need a time zone")
    return value


class Withdrawal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    consent_id: _Uuid
    client_id: _Uuid
    purpose: _Purpose
    version: int = Field(ge=1, le=MAX_INTEGER)  # it is stored
    withdrawn_at: str

    @field_validator("withdrawn_at")
    @classmethod
    def _aware_time(cls, value: str) -> str:
        return _aware(value)

    def line(self) -> str:
        return (
            f"withdraw {self.consent_id} {self.client_id} {self.purpose} {self.version} {self.withdrawn_at}"
        )


class Erasure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    client_id: _Uuid
    erased_at: str

    @field_validator("erased_at")
    @classmethod
    def _aware_time(cls, value: str) -> str:
        return _aware(value)

    def line(self) -> str:
        return f"erase {self.client_id} {self.erased_at}"


class OfficeNotice(BaseModel):
    """A parsed notice file from the office (not the privacy notice people are shown:
    ``privacy_notice.Notice``); ``signature`` covers ``signing_input()``."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: Literal["pace-notice"]
    format_version: int
    office_id: _Id
    office_key_sha256: _Hex64
    device_id: _Id
    issued_at: str
    withdrawals: list[Withdrawal]
    erasures: list[Erasure]
    signature: str

    @field_validator("issued_at")
    @classmethod
    def _aware_time(cls, value: str) -> str:
        return _aware(value)

    def signing_input(self) -> bytes:
        return signing_input(
            self.office_id,
            self.office_key_sha256,
            self.device_id,
            self.issued_at,
            self.withdrawals,
            self.erasures,
        )


def items_digest(withdrawals: list[Withdrawal], erasures: list[Erasure]) -> str:
    """SHA-256 of one line per item (``withdraw …`` / ``erase …``), sorted."""
    lines = sorted([w.line() for w in withdrawals] + [e.line() for e in erasures])
    return hashlib.sha256("".join(line + "\n" for line in lines).encode("ascii")).hexdigest()


def signing_input(
    office_id: str,
    office_key_sha256: str,
    device_id: str,
    issued_at: str,
    withdrawals: list[Withdrawal],
    erasures: list[Erasure],
) -> bytes:
    lines = [
        SIGNATURE_DOMAIN,
        f"office:{office_id}",
        f"office-key-sha256:{office_key_sha256}",
        f"device:{device_id}",
        f"issued:{issued_at}",
        f"items-sha256:{items_digest(withdrawals, erasures)}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- office: writing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeFile:
    device_id: str
    path: Path
    withdrawals: int
    erasures: int

    def line(self) -> str:
        return (
            f"{self.path}: for laptop {self.device_id}, {self.withdrawals} withdrawals and "
            f"{self.erasures} erasures. Apply it on that laptop with apply-receipt."
        )


def file_name(device_id: str, issued: datetime) -> str:
    return f"PACE-NOTICE-{device_id}-{issued:%Y%m%d}{SUFFIX}"


def make_notice(store: Store, device_id: str, *, now: datetime | None = None) -> tuple[bytes, OfficeNotice]:
    """The signed notice for one laptop: everything queued for it."""
    require_office(store)
    issued = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    rows = queued_for(store.db, device_id)
    withdrawals = [
        Withdrawal(consent_id=r, client_id=c, purpose=p or "", version=v, withdrawn_at=at)
        for kind, r, c, p, v, at in rows
        if kind == WITHDRAW
    ]
    erasures = [Erasure(client_id=c, erased_at=at) for kind, _r, c, _p, _v, at in rows if kind == ERASE]
    signing = store.signing_key()
    key_sha = fingerprint(public_bytes(signing.public_key()))
    signed = signing_input(store.device_id, key_sha, device_id, issued, withdrawals, erasures)
    signature = signing.sign(signed)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "office_id": store.device_id,
        "office_key_sha256": key_sha,
        "device_id": device_id,
        "issued_at": issued,
        "withdrawals": [w.model_dump() for w in withdrawals],
        "erasures": [e.model_dump() for e in erasures],
        "signature": base64.b64encode(signature).decode(),
    }
    data = (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode("ascii")
    return data, OfficeNotice.model_validate_json(data)


def write_notices(store: Store, out_dir: Path | str, *, now: datetime | None = None) -> list[NoticeFile]:
    """Write one notice file per laptop with something queued into ``out_dir``; returns them."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(f"The folder {out_dir} does not exist: create it or choose another.")
    now = (now or datetime.now(UTC)).astimezone(UTC)
    written = []
    for device in queued_devices(require_office(store)):
        data, notice = make_notice(store, device, now=now)
        path = write_durably(out_dir / file_name(device, now), data)
        written.append(NoticeFile(device, path, len(notice.withdrawals), len(notice.erasures)))
        with store.transaction():
            store.audit(
                "export",
                "notice",
                device,
                detail=f"withdrawals={len(notice.withdrawals)},erasures={len(notice.erasures)}",
            )
    return written


# -- laptop: reading -----------------------------------------------------------------


def parse_notice(data: bytes) -> OfficeNotice:
    """Parse a notice file; a newer notice format is refused by name."""
    return parse_signed(
        data, OfficeNotice, fmt=FORMAT, version=FORMAT_VERSION, kind="notice", not_this=_NOT_A_NOTICE
    )


def verify_notice(notice: OfficeNotice, verify_key: bytes) -> None:
    verify_signed(notice, verify_key, bad_signature=_BAD_SIGNATURE)
