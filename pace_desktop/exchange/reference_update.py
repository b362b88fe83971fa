"""The signed reference update: the office's partner/service table and area unemployment figures,
for every laptop to check and apply.

Like the office's notice file it is one small JSON object signed with the office's receipt key (it
holds no personal data, so it is not encrypted). Unlike a notice it is the same for every laptop.

Format: ``{"format": "pace-reference", "format_version": 1, "office_id", "office_key_sha256",
"version", "figures_version", "issued_at", "content": {"as_of", "source", "partners": [{code, name,
services}], "areas": [{gss_code, name, rate_pct, year}]}, "signature"}``. ``version`` is
``<as_of>-<first 12 hex of the SHA-256 of the canonical content>`` (``reference.ReferenceSet``); the
signature is Ed25519 over ``signing_input`` (docs/reference-data.md).

A laptop refuses an update not signed by its office, one whose content does not hash to its version,
and one issued before the update it already uses; the same update again changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.signed import (
    AwareTime,
    DeviceId,
    Hex64,
    office_verify_key,
    parse_signed,
    verify_signed,
)
from pace_desktop.reference import (
    SCOTLAND_GSS,
    SERVICES,
    ReferenceSet,
    canonical,
    council_area_names,
    set_from_content,
)
from pace_desktop.store.device import fingerprint, public_bytes
from pace_desktop.store.office_store import require_office
from pace_desktop.store.reference_data import put_reference, stored_reference

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

FORMAT = "pace-reference"
FORMAT_VERSION = 1
SUFFIX = ".pacereference"
SIGNATURE_DOMAIN = "PACE-REFERENCE-SIGNATURE-1"
MAX_UPDATE_BYTES = 2**20

_AsOf = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2})?$")]
_Version = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2})?-[0-9a-f]{12}$")]
_Words = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]+$")]

_NOT_AN_UPDATE = "That file is not a PACE reference update: use the file the office sent."
_BAD_SIGNATURE = (
    "The reference update's signature does not match your office's key: it was changed, or it is "
    "not from your office. Nothing was changed."
)


class PartnerItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
    name: _Words
    services: list[str] = Field(min_length=1, max_length=len(SERVICES))

    @field_validator("services")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        if unknown := [s for s in value if s not in SERVICES]:
            raise ValueError(f"unknown service code {unknown[0]}")
        return value


class AreaItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    gss_code: Annotated[str, StringConstraints(pattern=r"^S[0-9]{8}$")]
    name: _Words
    rate_pct: float = Field(ge=0, le=100)
    year: int = Field(ge=1990, le=2200)


class Content(BaseModel):
    """A whole reference set: every council area and Scotland, and at least one partner."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    as_of: _AsOf
    source: Annotated[str, StringConstraints(min_length=1, max_length=500, pattern=r"^[^\x00-\x1f]+$")]
    partners: list[PartnerItem] = Field(min_length=1, max_length=200)
    areas: list[AreaItem] = Field(max_length=100)

    @model_validator(mode="after")
    def _whole(self) -> Content:
        codes = {a.gss_code for a in self.areas}
        if missing := sorted({*council_area_names(), SCOTLAND_GSS} - codes):
            raise ValueError(f"no figure for {missing[0]}")
        if len(codes) != len(self.areas) or len({p.code for p in self.partners}) != len(self.partners):
            raise ValueError("a partner or area is listed twice")
        return self


class ReferenceUpdate(BaseModel):
    """A parsed reference update; ``signature`` covers ``signing_input()``."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: Literal["pace-reference"]
    format_version: int
    office_id: DeviceId
    office_key_sha256: Hex64
    version: _Version
    figures_version: _Version
    issued_at: AwareTime
    content: Content
    signature: str

    def reference(self) -> ReferenceSet:
        return set_from_content(self.content.model_dump())

    def signing_input(self) -> bytes:
        return signing_input(
            self.office_id, self.office_key_sha256, self.version, self.issued_at, self.content.model_dump()
        )


def signing_input(office_id: str, key_sha: str, version: str, issued_at: str, content: object) -> bytes:
    digest = hashlib.sha256(canonical(content).encode("ascii")).hexdigest()
    lines = [
        SIGNATURE_DOMAIN,
        f"office:{office_id}",
        f"office-key-sha256:{key_sha}",
        f"version:{version}",
        f"issued:{issued_at}",
        f"content-sha256:{digest}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def check_content(reference: ReferenceSet) -> None:
    """Refuse, in one line, a set a laptop would refuse (the office checks before it keeps one)."""
    _content(reference.content())


def _content(raw: object) -> Content:
    try:
        return Content.model_validate_json(json.dumps(raw))
    except ValueError as exc:
        raise RefusedError(f"The reference data is not complete: {_first_error(exc)}.") from exc


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first.get("ctx", {}).get("error", first.get("msg", "")))
    return str(exc)


# -- office: the signed file ---------------------------------------------------------------------


def file_name(reference: ReferenceSet) -> str:
    return f"PACE-REFERENCE-{reference.version}{SUFFIX}"


def make_update(store: Store, reference: ReferenceSet, issued_at: str) -> bytes:
    """The signed update carrying ``reference``, issued at ``issued_at``, from this office."""
    require_office(store)
    content = reference.content()
    _content(content)
    signing = store.signing_key()
    key_sha = fingerprint(public_bytes(signing.public_key()))
    signed = signing_input(store.device_id, key_sha, reference.version, issued_at, content)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "office_id": store.device_id,
        "office_key_sha256": key_sha,
        "version": reference.version,
        "figures_version": reference.figures_version,
        "issued_at": issued_at,
        "content": content,
        "signature": base64.b64encode(signing.sign(signed)).decode(),
    }
    return (canonical(document) + "\n").encode("ascii")


# -- laptop: checking and applying ---------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceResult:
    version: str
    figures_version: str
    applied: bool  # False: this laptop already used this update

    def summary(self) -> str:
        if not self.applied:
            return f"Reference update {self.version} is already in use on this laptop: nothing changed."
        return (
            f"Reference update {self.version} applied: the partner list and the area unemployment "
            f"figures ({self.figures_version}) now come from the office."
        )


def is_update(data: bytes) -> bool:
    """True if these bytes are a JSON object that says it is a reference update."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(raw, dict) and raw.get("format") == FORMAT


def parse_update(data: bytes) -> ReferenceUpdate:
    update = parse_signed(
        data,
        ReferenceUpdate,
        fmt=FORMAT,
        version=FORMAT_VERSION,
        kind="reference update",
        not_this=_NOT_AN_UPDATE,
    )
    reference = update.reference()
    if reference.version != update.version or reference.figures_version != update.figures_version:
        raise RefusedError(_BAD_SIGNATURE)
    return update


def apply_update_bytes(store: Store, data: bytes) -> ReferenceResult:
    """Check the office's signature and that the update is not older than the one in use; keep it,
    and use it from now on."""
    if store.kind == "office":
        raise UsageError("This is the office store: reference updates are applied on the laptops.")
    update = parse_update(data)
    verify_signed(update, office_verify_key(store, "reference updates"), bad_signature=_BAD_SIGNATURE)
    held = stored_reference(store.db)
    if held is not None and held.reference.version == update.version:
        return ReferenceResult(update.version, update.figures_version, applied=False)
    if held is not None and _when(update.issued_at) < _when(held.issued_at):
        raise RefusedError(
            f"This reference update ({update.version}, issued {update.issued_at[:10]}) is older than "
            f"the one this laptop uses ({held.reference.version}, issued {held.issued_at[:10]}): "
            "nothing was changed."
        )
    with store.transaction():
        put_reference(store.db, update.reference(), update.issued_at)
        store.audit("receipt", "reference", update.version)
    store.load_reference()
    return ReferenceResult(update.version, update.figures_version, applied=True)


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)
