"""The ``.pacebundle`` format, version 1: build, sign and seal one; open, check and parse one.

A bundle is one age file (X25519 recipients: the office) whose plaintext is a ZIP archive holding
``manifest.json``, one JSON-lines part per entity, ``tombstones.jsonl``, ``audit.jsonl`` (format 2: the
laptop's audit entries since its last countersigned head) and ``signature.json``. The
device's Ed25519 signature covers the exact manifest bytes, and the manifest holds the SHA-256 of
every part, so one signature authenticates everything. docs/bundle-format.md is the specification.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pace_desktop.errors import BundleRefused
from pace_desktop.records.models import (
    BUNDLE_CONTEXT,
    ENTITIES,
    RECORD_KEY,
    SCHEMA_VERSION,
    ChecklistOverride,
    ChecklistRecord,
    Record,
    Tombstone,
    field_errors,
)
from pace_desktop.records.schema import required_fields
from pace_desktop.store.database import MAX_INTEGER, gc_paused
from pace_desktop.store.device import fingerprint, public_bytes

FORMAT = "pace-bundle"
FORMAT_VERSION = 2  # 2 adds the audit head and the entries that lead to it (``AuditPart``)
OLDEST_FORMAT = 1  # still read, from a laptop the office holds no audit head for (importer)
SIGNATURE_FORMAT = 1  # signature.json itself has not changed
AUDIT = "audit.jsonl"
SUFFIX = ".pacebundle"
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
TOMBSTONES = "tombstones.jsonl"
TOMBSTONE_ENTITY = "tombstone"
SIGNATURE_DOMAIN = "PACE-BUNDLE-SIGNATURE-1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed member times: no clue to when or where a bundle was built

MiB = 2**20


@dataclass(frozen=True)
class Limits:
    """Size caps, checked before any work: the file, the decompressed plaintext, the manifest."""

    max_file_bytes: int = 64 * MiB
    max_plaintext_bytes: int = 256 * MiB
    max_manifest_bytes: int = 1 * MiB
    max_members: int = 32
    max_audit_bytes: int = 64 * MiB  # audit.jsonl: some 400,000 entries since the last countersigned head


DEFAULT_LIMITS = Limits()


def part_name(entity: str) -> str:
    return TOMBSTONES if entity == TOMBSTONE_ENTITY else f"records/{entity}.jsonl"


PART_ENTITIES: tuple[str, ...] = (*ENTITIES, TOMBSTONE_ENTITY)


class Refusal(BundleRefused):
    """A bundle refused at one of the import checks; ``code`` names the check, for the history."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# -- the manifest and signature files ------------------------------------------------------------

_Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
_DeviceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{3,32}$")]
_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)


class PartInfo(BaseModel):
    model_config = _STRICT

    name: str
    entity: str
    records: int = Field(ge=0)
    bytes: int = Field(ge=0)
    sha256: _Hex64


class AuditPart(BaseModel):
    """Format 2: the laptop's audit head, and the stretch of its chain from ``from_count`` up to it.

    ``audit.jsonl`` holds entries ``from_count + 1`` to ``count`` without their hashes, which the office
    recomputes from ``from_hash``: that is what shows the head extends the one it countersigned before.
    """

    model_config = _STRICT

    name: Literal["audit.jsonl"]
    from_count: int = Field(ge=0, le=MAX_INTEGER)
    from_hash: _Hex64
    count: int = Field(ge=0, le=MAX_INTEGER)
    hash: _Hex64
    bytes: int = Field(ge=0)
    sha256: _Hex64


@dataclass(frozen=True)
class AuditStretch:
    """What the laptop puts in a bundle about its audit log (``AuditPart`` plus the member's bytes)."""

    from_count: int
    from_hash: str
    count: int
    hash: str
    data: bytes


class Manifest(BaseModel):
    model_config = _STRICT

    format: Literal["pace-bundle"]
    format_version: int
    schema_version: int = Field(ge=1)
    bundle_id: Annotated[UUID, Field(strict=False)]
    device_id: _DeviceId
    device_key_sha256: _Hex64
    sequence: int = Field(ge=1, le=MAX_INTEGER)
    created_at: Annotated[AwareDatetime, Field(strict=False)]
    app_version: Annotated[str, StringConstraints(max_length=50)]
    office_recipients: list[Annotated[str, StringConstraints(pattern=r"^age1[0-9a-z]{20,200}$")]] = Field(
        min_length=1, max_length=16
    )
    held_back: int = Field(ge=0)
    parts: list[PartInfo]
    audit: AuditPart | None = None  # required in format 2, absent in format 1

    def counts(self) -> dict[str, int]:
        return {p.entity: p.records for p in self.parts}


class SignatureFile(BaseModel):
    model_config = _STRICT

    format_version: int
    algorithm: Literal["ed25519"]
    device_id: _DeviceId
    public_key: str
    signature: str


def signing_input(manifest: Manifest, manifest_bytes: bytes) -> bytes:
    """The exact bytes the device signs: named fields, then the SHA-256 of the manifest bytes."""
    lines = [
        SIGNATURE_DOMAIN,
        f"bundle:{manifest.bundle_id}",
        f"device:{manifest.device_id}",
        f"device-key-sha256:{manifest.device_key_sha256}",
        f"sequence:{manifest.sequence}",
        f"office-recipients:{','.join(sorted(manifest.office_recipients))}",
        f"manifest-sha256:{hashlib.sha256(manifest_bytes).hexdigest()}",
    ]
    return ("\n".join(lines) + "\n").encode("ascii")


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def file_name(device_id: str, sequence: int, created_at: datetime) -> str:
    return f"PACE-{device_id}-{sequence:06d}-{created_at:%Y%m%d}{SUFFIX}"


# -- building (laptop) ---------------------------------------------------------------------------


@dataclass
class Built:
    plaintext: bytes
    manifest: Manifest


def build(
    *,
    parts: Mapping[str, tuple[bytes, int]],
    bundle_id: UUID,
    device_id: str,
    signing_key: Ed25519PrivateKey,
    sequence: int,
    recipients: Sequence[str],
    created_at: datetime,
    app_version: str,
    held_back: int,
    compresslevel: int = 6,
    audit: AuditStretch | None = None,
    schema_version: int = SCHEMA_VERSION,
) -> Built:
    """The signed ZIP plaintext; ``parts`` maps entity or 'tombstone' to (JSON lines, count).

    With ``audit`` the bundle is format 2; without, format 1 (what an older laptop wrote). The
    app states its own ``schema_version``; an older one is what a laptop not yet updated writes.
    """
    public = public_bytes(signing_key.public_key())
    infos = []
    for entity in PART_ENTITIES:
        data, count = parts.get(entity, (b"", 0))
        infos.append(
            PartInfo(
                name=part_name(entity),
                entity=entity,
                records=count,
                bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    audit_part = (
        None
        if audit is None
        else AuditPart(
            name=AUDIT,
            from_count=audit.from_count,
            from_hash=audit.from_hash,
            count=audit.count,
            hash=audit.hash,
            bytes=len(audit.data),
            sha256=hashlib.sha256(audit.data).hexdigest(),
        )
    )
    manifest = Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION if audit is not None else 1,
        schema_version=schema_version,
        bundle_id=bundle_id,
        device_id=device_id,
        device_key_sha256=fingerprint(public),
        sequence=sequence,
        created_at=created_at,
        app_version=app_version[:50],
        office_recipients=list(recipients),
        held_back=held_back,
        parts=infos,
        audit=audit_part,
    )
    dumped = manifest.model_dump(mode="json")
    if audit_part is None:
        del dumped["audit"]  # format 1 has no such field
    manifest_bytes = _json_bytes(dumped)
    signature = signing_key.sign(signing_input(manifest, manifest_bytes))
    signature_bytes = _json_bytes(
        SignatureFile(
            format_version=SIGNATURE_FORMAT,
            algorithm="ed25519",
            device_id=device_id,
            public_key=base64.b64encode(public).decode(),
            signature=base64.b64encode(signature).decode(),
        ).model_dump(mode="json")
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
    ) as archive:
        members = [(MANIFEST, manifest_bytes)]
        members += [(p.name, parts.get(p.entity, (b"", 0))[0]) for p in infos]
        if audit is not None:
            members.append((AUDIT, audit.data))
        members.append((SIGNATURE, signature_bytes))
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=compresslevel)
    return Built(buffer.getvalue(), manifest)


def seal(plaintext: bytes, recipients: Sequence[str]) -> bytes:
    """Encrypt to the office recipient(s): afterwards only the office identity can read it."""
    sealed: bytes = pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(r) for r in recipients])
    return sealed


# -- opening (office) ----------------------------------------------------------------------------

_DAMAGED = (
    "This bundle is damaged or incomplete (cut short or changed in transit): nothing was "
    "imported. Ask the adviser for a fresh copy."
)
_UNREADABLE = "This file is not a PACE bundle this app can read: nothing was imported."


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise Refusal(
            "too_big",
            f"This bundle is larger than the {limits.max_file_bytes // MiB} MB "
            "limit: it was not opened and nothing was imported.",
        )


def decrypt(data: bytes, identities: Sequence[pyrage.x25519.Identity]) -> bytes:
    """Decrypt into memory only (a failing streamed decrypt has already written plaintext out)."""
    try:
        plaintext: bytes = pyrage.decrypt(data, list(identities))
        return plaintext
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise Refusal(
                "not_for_this_office",
                "This bundle was not encrypted for this office's key: "
                "it was made for another office, or it is damaged. Nothing was imported.",
            ) from exc
        raise Refusal("damaged", _DAMAGED) from exc
    except Exception as exc:  # noqa: BLE001 - any other failure of the age layer is damage too
        raise Refusal("damaged", _DAMAGED) from exc


@dataclass
class Container:
    """The opened ZIP with its manifest and signature read, parts not yet read or checked."""

    archive: zipfile.ZipFile
    manifest: Manifest
    manifest_bytes: bytes
    signature: SignatureFile
    parts: dict[str, bytes] = field(default_factory=dict)
    audit: bytes | None = None  # audit.jsonl, once read and checked against the manifest

    @property
    def device_public_key(self) -> bytes:
        return _b64(self.signature.public_key, 32)


def _b64(text: str, length: int) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Refusal("bad_signature", _BAD_SIGNATURE) from exc
    if len(raw) != length:
        raise Refusal("bad_signature", _BAD_SIGNATURE)
    return raw


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    if info.file_size > cap:
        raise Refusal(
            "too_big",
            "This bundle unpacks to more than the size limit allows: nothing was imported.",
        )
    with archive.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) != info.file_size:
        raise Refusal("damaged", _DAMAGED)
    return data


def _newer(what: str, theirs: int, ours: int) -> Refusal:
    return Refusal(
        "newer_format",
        f"This bundle was made by a newer PACE Intake ({what} {theirs}; this "
        f"app reads up to {ours}): nothing was imported. Update the office app, then import it "
        "again.",
    )


def open_container(plaintext: bytes, limits: Limits = DEFAULT_LIMITS) -> Container:
    """Read the archive's directory, manifest and signature; a newer format is refused by name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(plaintext))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise Refusal("unreadable", _UNREADABLE) from exc
    names = [i.filename for i in infos]
    if (
        len(infos) > limits.max_members
        or len(set(names)) != len(names)
        or MANIFEST not in names
        or SIGNATURE not in names
    ):
        raise Refusal("unreadable", _UNREADABLE)
    for info in infos:
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise Refusal("unreadable", _UNREADABLE)
    if sum(i.file_size for i in infos) > limits.max_plaintext_bytes:
        raise Refusal(
            "too_big",
            f"This bundle unpacks to more than the "
            f"{limits.max_plaintext_bytes // MiB} MB limit: nothing was imported.",
        )
    by_name = {i.filename: i for i in infos}
    try:
        manifest_bytes = _read_member(archive, by_name[MANIFEST], limits.max_manifest_bytes)
        signature_bytes = _read_member(archive, by_name[SIGNATURE], limits.max_manifest_bytes)
        raw_manifest = json.loads(manifest_bytes)
        raw_signature = json.loads(signature_bytes)
    except Refusal:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RecursionError) as exc:
        raise Refusal("unreadable", _UNREADABLE) from exc
    if not isinstance(raw_manifest, dict) or raw_manifest.get("format") != FORMAT:
        raise Refusal("unreadable", _UNREADABLE)
    version = raw_manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Refusal("unreadable", _UNREADABLE)
    if version > FORMAT_VERSION:
        raise _newer("bundle format", version, FORMAT_VERSION)
    try:
        manifest = Manifest.model_validate(raw_manifest)
        signature = SignatureFile.model_validate(raw_signature)
    except ValidationError as exc:
        raise Refusal("unreadable", _UNREADABLE) from exc
    if signature.format_version != SIGNATURE_FORMAT or (manifest.audit is None) != (version == 1):
        raise Refusal("unreadable", _UNREADABLE)  # format 2 carries the audit head; format 1 cannot
    if manifest.schema_version > SCHEMA_VERSION:
        raise _newer("record schema", manifest.schema_version, SCHEMA_VERSION)
    return Container(archive, manifest, manifest_bytes, signature)


_BAD_SIGNATURE = (
    "This bundle's signature does not match its contents: it was changed after the laptop "
    "made it, or was not made by that laptop. Nothing was imported."
)


def verify_signature(container: Container, public_key: bytes) -> None:
    """Check the device's signature with the key the office enrolled for it."""
    manifest, sig = container.manifest, container.signature
    if sig.device_id != manifest.device_id or fingerprint(public_key) != manifest.device_key_sha256:
        raise Refusal("bad_signature", _BAD_SIGNATURE)
    raw = _b64(sig.signature, 64)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            raw, signing_input(manifest, container.manifest_bytes)
        )
    except InvalidSignature as exc:
        raise Refusal("bad_signature", _BAD_SIGNATURE) from exc


def check_recipient(container: Container, recipients: Sequence[str]) -> None:
    """A signed bundle re-encrypted to us by someone else still names the office it was made for."""
    if not set(recipients) & set(container.manifest.office_recipients):
        raise Refusal(
            "other_office",
            "This bundle was made for another office: nothing was imported. "
            "Send it to the office it was made for.",
        )


_MISMATCH = (
    "This bundle's contents do not match its signed manifest: it was changed after the laptop "
    "made it. Nothing was imported."
)


def read_parts(container: Container, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Read every part and check its SHA-256 against the manifest; extra or missing parts refuse."""
    manifest, archive = container.manifest, container.archive
    expected = {p.name: p for p in manifest.parts}
    entities = [p.entity for p in manifest.parts]
    if len(expected) != len(manifest.parts) or len(set(entities)) != len(entities):
        raise Refusal("unreadable", _UNREADABLE)
    for info in manifest.parts:
        if info.entity not in PART_ENTITIES or info.name != part_name(info.entity):
            raise Refusal("unreadable", _UNREADABLE)
    members = {i.filename: i for i in archive.infolist()}
    audit = manifest.audit
    if set(members) != set(expected) | {MANIFEST, SIGNATURE} | ({AUDIT} if audit else set()):
        raise Refusal("hash_mismatch", _MISMATCH)
    if audit is not None:
        if audit.bytes > limits.max_audit_bytes:
            raise Refusal(
                "too_big",
                "This bundle's audit log is larger than the size limit allows: nothing was imported. "
                "Contact support.",
            )
        data = _read_checked(archive, members[AUDIT], audit.bytes, audit.sha256, limits)
        if data.count(b"\n") != audit.count - audit.from_count or (data and not data.endswith(b"\n")):
            raise Refusal("hash_mismatch", _MISMATCH)
        container.audit = data
    parts: dict[str, bytes] = {}
    for name, info in expected.items():
        data = _read_checked(archive, members[name], info.bytes, info.sha256, limits)
        if data.count(b"\n") != info.records or (data and not data.endswith(b"\n")):
            raise Refusal("hash_mismatch", _MISMATCH)
        parts[info.entity] = data
    container.parts = parts
    return parts


def _read_checked(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, size: int, sha256: str, limits: Limits
) -> bytes:
    """One member's bytes, refused unless their size and SHA-256 are the manifest's."""
    if member.file_size != size:
        raise Refusal("hash_mismatch", _MISMATCH)
    try:
        data = _read_member(archive, member, limits.max_plaintext_bytes)
    except Refusal:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
        raise Refusal("hash_mismatch", _MISMATCH) from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise Refusal("hash_mismatch", _MISMATCH)
    return data


# -- records -------------------------------------------------------------------------------------

_ENTITY_WORDS = {
    "employer": "an employer",
    "event": "an event",
    "client": "a client",
    "consent": "a consent",
    "checklist": "a checklist",
    "intervention": "an intervention",
    "outcome": "an outcome",
    "feedback": "a feedback",
    "tombstone": "an erasure",
}


def _lines(data: bytes) -> list[bytes]:
    # Split on "\n" only: str.splitlines() would also split on U+2028 and friends inside names.
    if not data:
        return []
    if not data.endswith(b"\n"):
        raise Refusal(
            "invalid_record",
            "This bundle's records are not in the expected form: nothing was imported.",
        )
    return data[:-1].split(b"\n")


def _invalid(entity: str, exc: ValidationError | None, missing: str | None = None) -> Refusal:
    where = ""
    if exc is not None:
        errors = field_errors(exc)
        if errors:
            name, message = next(iter(errors.items()))
            # A field is named only if the schema has it: other names come from the file itself (an
            # unknown key, a key inside answers) and may be anything, a line break or a person's name.
            field_name = name.split(".")[0]
            model = Tombstone if entity == TOMBSTONE_ENTITY else ENTITIES[entity]
            if field_name in model.model_fields:
                where = f" ({field_name}: {message.rstrip('.')})"
            elif field_name == RECORD_KEY:  # a rule about the record as a whole
                where = f" ({message.rstrip('.')})"
            else:
                where = " (it holds a field the schema does not have, or is not a record at all)"
    elif missing is not None:  # a schema field name, never text from the file
        where = f" ({missing}: the field is missing)"
    return Refusal(
        "invalid_record",
        f"One record in this bundle is not valid: {_ENTITY_WORDS[entity]} "
        f"record{where}. The whole bundle was refused; nothing was imported.",
    )


def _missing(record: BaseModel, schema_version: int = SCHEMA_VERSION) -> str | None:
    """The first schema field not written in the line, nested parts included, or None.

    The published schema requires every field (records are written whole); the model would fill
    a missing one with its default, and a record without its id would get a new random one here
    (and every re-import another). A record from a laptop on an older schema must have every field
    its own version's published file requires; the fields added since take their defaults, as the
    stores' migrations give them to records stored before.
    """
    model = type(record)
    given = record.__pydantic_fields_set__
    if len(given) != _FIELD_COUNTS[model]:
        # A part the older version did not have must be whole, as a current one.
        required = required_fields(schema_version).get(model.__name__, _FIELD_NAMES[model])
        missing = next((name for name in _FIELD_NAMES[model] if name in required and name not in given), None)
        if missing is not None:
            return missing
    if model is ChecklistRecord and record.override is not None:  # type: ignore[attr-defined]
        return _missing(record.override, schema_version)  # type: ignore[attr-defined]
    return None


_WIRE_MODELS: tuple[type[BaseModel], ...] = (*ENTITIES.values(), ChecklistOverride, Tombstone)
_FIELD_NAMES = {model: tuple(model.model_fields) for model in _WIRE_MODELS}
_FIELD_COUNTS = {model: len(names) for model, names in _FIELD_NAMES.items()}
_WIRE_ENTITIES: tuple[tuple[str, type[BaseModel]], ...] = (*ENTITIES.items(), (TOMBSTONE_ENTITY, Tombstone))
_VALIDATORS = {entity: model.__pydantic_validator__.validate_json for entity, model in _WIRE_ENTITIES}


@dataclass
class Contents:
    records: dict[str, list[Record]]
    tombstones: list[Tombstone]

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.records.values()) + len(self.tombstones)


def parse_records(container: Container, step: Callable[[int], None] = lambda n: None) -> Contents:
    """Validate every record against the schema; one invalid record refuses the whole bundle.

    Codes from reference lists (council areas, partners, services) are checked as stored records
    are: present, not necessarily in this office's current lists, which may have changed since
    capture.
    """
    with gc_paused():
        return _parse_records(container, step)


def parse_line(entity: str, line: bytes, schema_version: int = SCHEMA_VERSION) -> BaseModel:
    """One JSON line of a bundle part as the importer takes it, or ``Refusal('invalid_record')``.

    Exactly the published JSON Schema's types (pydantic strict mode: no "2" or true for a number,
    no "yes" for a yes/no), its caps on every string and list, no unknown field, every field
    present, each value as written (``BUNDLE_CONTEXT``); then the records' own rules. A line of an
    older ``schema_version`` needs only the fields that version's published file requires.
    """
    try:
        record = _VALIDATORS[entity](line, strict=True, context=BUNDLE_CONTEXT)
    except ValidationError as exc:
        raise _invalid(entity, exc) from exc
    missing = _missing(record, schema_version)
    if missing is not None:
        raise _invalid(entity, None, missing)
    return record  # type: ignore[no-any-return]


def _parse_records(container: Container, step: Callable[[int], None]) -> Contents:
    records: dict[str, list[Record]] = {}
    tombstones: list[Tombstone] = []
    counts = container.manifest.counts()
    version = container.manifest.schema_version
    for entity, data in container.parts.items():
        lines = _lines(data)
        if len(lines) != counts[entity]:
            raise Refusal("hash_mismatch", _MISMATCH)
        seen: set[int] = set()  # ids as integers: hashing a UUID object runs Python code
        if entity == TOMBSTONE_ENTITY:
            tombstones.extend(parse_line(entity, line, version) for line in lines)  # type: ignore[misc]
            continue
        parsed: list[Record] = []
        for line in lines:
            record: Record = parse_line(entity, line, version)  # type: ignore[assignment]
            if record.id.int in seen:
                raise _invalid(entity, None)
            seen.add(record.id.int)
            parsed.append(record)
        step(len(parsed))
        records[entity] = parsed
    return Contents(records, tombstones)


def record_keys(container: Container) -> dict[str, list[tuple[str, int]]]:
    """Each record's id and version, unvalidated: for the receipt of a replayed bundle.

    Its parts have already passed the signature and hash checks, so this reads trusted bytes.
    """
    keys: dict[str, list[tuple[str, int]]] = {}
    for entity, data in container.parts.items():
        if entity == TOMBSTONE_ENTITY:
            continue
        try:
            pairs = [
                (str(UUID(str(raw["id"]))), int(raw["version"])) for raw in map(json.loads, _lines(data))
            ]
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise _invalid(entity, None) from exc
        if pairs:
            keys[entity] = pairs
    return keys
