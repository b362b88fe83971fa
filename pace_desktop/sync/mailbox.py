"""The relay's storage: a folder of encrypted bundles waiting for the office and signed files waiting
for laptops. It holds public keys only — nothing here can open a bundle.

Layout (``DIR``)::

    relay.json                 office id and receipt-signing public key, size cap, per-device quotas
    devices.json               the office's signed list of enrolled and retired laptops
    staff.json                 office staff names and the SHA-256 of each one's access token
    tls.crt, tls.key           the relay's certificate (laptops pin its SHA-256)
    inbox/<device>/<sha256>.pacebundle
    outbox/<device>/<receipt or notice file name>

Every file arrives as a temp file in its folder, is fsync'd, renamed, and the folder fsync'd, before
the upload is acknowledged: a kill -9 or power cut at any moment leaves whole files or none. A bundle
is named by its SHA-256, so the same bundle sent twice is stored once.

Where the waiting files live is the relay's ``RelayStorage``, chosen when it starts: ``FolderStorage``
(inbox/ and outbox/ above, the default) or ``PostgresStorage`` (``office serve --storage
postgresql://…``: the central database's ``relay_bundles`` and ``relay_mail``, SQL in
``store/pg/relay_mailbox.py``). With PostgreSQL an upload still arrives in a temp file (``spool/``),
checked against the size cap as it is read, and is acknowledged only after its INSERT commits. The
configuration, device list, staff tokens and nonces stay in the folder either way.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pace_desktop.durable import fsync_folder
from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.bundle import DEFAULT_LIMITS, SUFFIX
from pace_desktop.store.atomic import write_atomic

DEVICE_ID = re.compile(r"^[A-Za-z0-9]{3,32}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAIL_NAME = re.compile(r"^PACE-[A-Za-z0-9-]{1,80}\.(pacereceipt|pacenotice|pacereference)$")
MAX_MAIL_BYTES = 1 * 2**20
MAX_DEVICE_LIST_BYTES = 8 * 2**20
DEVICE_LIST_FORMAT = "pace-relay-devices"


@dataclass(frozen=True)
class RelayConfig:
    office_id: str
    office_verify_key: bytes
    max_bundle_bytes: int = DEFAULT_LIMITS.max_file_bytes
    quota_bundles: int = 500  # waiting bundles per laptop
    quota_bytes: int = 2 * 2**30  # waiting bytes per laptop

    def to_json(self) -> bytes:
        doc = {
            "office_id": self.office_id,
            "office_verify_key": base64.b64encode(self.office_verify_key).decode(),
            "max_bundle_bytes": self.max_bundle_bytes,
            "quota_bundles": self.quota_bundles,
            "quota_bytes": self.quota_bytes,
        }
        return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> RelayConfig:
        doc = json.loads(data)
        return cls(
            doc["office_id"],
            base64.b64decode(doc["office_verify_key"]),
            int(doc["max_bundle_bytes"]),
            int(doc["quota_bundles"]),
            int(doc["quota_bytes"]),
        )


@dataclass(frozen=True)
class Waiting:
    device_id: str
    sha256: str
    size: int


def device_list_document(
    devices: list[tuple[str, bytes, bool]],
    *,
    office_id: str,
    signing_key: Ed25519PrivateKey,
    issued_at: datetime | None = None,
) -> bytes:
    """The office's signed list of laptops: (device id, raw public key, retired) each."""
    body = {
        "format": DEVICE_LIST_FORMAT,
        "office_id": office_id,
        "issued_at": (issued_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds"),
        "devices": [
            {"device_id": d, "public_key": base64.b64encode(k).decode(), "retired": r}
            for d, k, r in sorted(devices)
        ],
    }
    signature = signing_key.sign(_canonical(body))
    return _canonical({**body, "signature": base64.b64encode(signature).decode()})


def _canonical(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


class RelayStorage(Protocol):
    """Where the waiting bundles and files for laptops are kept (the rest of the relay is its folder).

    Names are checked by ``Mailbox`` before they reach a storage; ``keep_bundle`` is the one place an
    upload becomes acknowledged, so it returns only once the bundle is durable.
    """

    def spool(self, device_id: str) -> Path:
        """The folder an upload for this laptop is written to while it arrives."""
        ...

    def remove_temp_files(self) -> None: ...

    def waiting(self, device_id: str | None) -> list[Waiting]: ...

    def keep_bundle(self, device_id: str, upload: Upload, max_count: int, max_bytes: int) -> tuple[str, bool]:
        """Keep a whole upload unless already held: (its SHA-256, already held). Raises ``OverQuota``
        (upload removed) when the laptop would have more than ``max_count`` bundles or ``max_bytes``."""
        ...

    def bundle(self, device_id: str, sha256: str) -> bytes | None: ...

    def remove_bundle(self, device_id: str, sha256: str) -> bool: ...

    def post_mail(self, device_id: str, name: str, data: bytes) -> None: ...

    def mail(self, device_id: str) -> list[tuple[str, int]]: ...

    def mail_file(self, device_id: str, name: str) -> bytes | None: ...

    def remove_mail(self, device_id: str, name: str) -> bool: ...


class Mailbox:
    """One relay folder, and its storage. Safe for one relay process (uvicorn with one worker) at a time."""

    def __init__(self, root: Path | str, storage: str | None = None) -> None:
        """``storage``: None for the folder's inbox/ and outbox/, or a ``postgresql://`` address."""
        self.root = Path(root)
        try:
            self.config = RelayConfig.from_json((self.root / "relay.json").read_bytes())
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(
                f"{self.root} is not a relay folder: set one up with office relay-init."
            ) from exc
        self._devices: dict[str, tuple[Ed25519PublicKey, bool]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._devices_issued = ""
        self._load_devices()
        self.storage: RelayStorage = (
            FolderStorage(self.root) if storage is None else PostgresStorage(self.root, storage)
        )
        self.storage.remove_temp_files()

    # -- set-up ---------------------------------------------------------------------------------

    @staticmethod
    def create(root: Path | str, config: RelayConfig) -> Mailbox:
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        if (root / "relay.json").exists():
            raise UsageError(f"{root} is already a relay folder: nothing was changed.")
        write_atomic(root / "relay.json", config.to_json(), mode=0o644)
        return Mailbox(root)

    # -- who may talk to it ---------------------------------------------------------------------

    def _load_devices(self) -> None:
        path = self.root / "devices.json"
        if path.exists():
            self._accept_devices(path.read_bytes(), persist=False)

    def set_devices(self, data: bytes) -> int:
        """Replace the laptop list with one the office signed; returns how many may send."""
        return self._accept_devices(data, persist=True)

    def _accept_devices(self, data: bytes, *, persist: bool) -> int:
        if len(data) > MAX_DEVICE_LIST_BYTES:
            raise RefusedError("The device list is too large.")
        try:
            doc = json.loads(data)
            signature = base64.b64decode(doc.pop("signature"))
            if doc.get("format") != DEVICE_LIST_FORMAT or doc.get("office_id") != self.config.office_id:
                raise ValueError
            office = Ed25519PublicKey.from_public_bytes(self.config.office_verify_key)
            office.verify(signature, _canonical(doc))
            devices = {}
            for item in doc["devices"]:
                if not DEVICE_ID.match(item["device_id"]):
                    raise ValueError
                key = Ed25519PublicKey.from_public_bytes(base64.b64decode(item["public_key"]))
                devices[item["device_id"]] = (key, bool(item["retired"]))
            issued = str(doc["issued_at"])
        except (ValueError, KeyError, TypeError, AttributeError, InvalidSignature) as exc:
            raise RefusedError("The device list is not one this office signed: nothing was changed.") from exc
        if persist and issued <= self._devices_issued:
            raise RefusedError("That device list is older than the one the relay holds: nothing was changed.")
        if persist:
            write_atomic(self.root / "devices.json", data, mode=0o644)
        self._devices, self._devices_issued = devices, issued
        return sum(1 for _key, retired in devices.values() if not retired)

    def device_key(self, device_id: str) -> Ed25519PublicKey | None:
        """The key of an enrolled laptop that is not retired; None for any other."""
        entry = self._devices.get(device_id)
        return entry[0] if entry is not None and not entry[1] else None

    def add_staff(self, name: str) -> str:
        """A new access token for a member of office staff (shown once; only its hash is kept)."""
        if not re.fullmatch(r"[A-Za-z0-9 .'-]{1,60}", name):
            raise UsageError("Give the staff member's name in letters, spaces, dots or hyphens.")
        token = "pace_" + secrets.token_urlsafe(32)
        staff = self._staff()
        staff[name] = hashlib.sha256(token.encode()).hexdigest()
        write_atomic(self.root / "staff.json", json.dumps(staff, indent=1, sort_keys=True).encode())
        return token

    def _staff(self) -> dict[str, str]:
        try:
            return dict(json.loads((self.root / "staff.json").read_bytes()))
        except (OSError, ValueError):
            return {}

    def staff_for(self, token: str) -> str | None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        found = None
        for name, stored in self._staff().items():
            if hmac.compare_digest(stored, digest):
                found = name
        return found

    # -- bundles from laptops -------------------------------------------------------------------

    def waiting(self, device_id: str | None = None) -> list[Waiting]:
        return self.storage.waiting(device_id)

    def quota_left(self, device_id: str) -> tuple[int, int]:
        """(bundles, bytes) this laptop may still leave waiting."""
        mine = self.waiting(device_id)
        return (self.config.quota_bundles - len(mine), self.config.quota_bytes - sum(w.size for w in mine))

    def _lock(self, device_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(device_id, threading.Lock())

    def keep_bundle(self, device_id: str, upload: Upload) -> tuple[str, bool]:
        """Store a whole upload if the laptop's quota still allows it: (its SHA-256, already held).

        The quota is checked again here, under this laptop's lock, together with the storing: two
        uploads from one laptop that both passed the early check (from Content-Length, before their
        bodies were read) cannot both be stored past the quota. Raises ``OverQuota`` (upload removed).
        """
        with self._lock(device_id):
            return self.storage.keep_bundle(
                device_id, upload, self.config.quota_bundles, self.config.quota_bytes
            )

    def start_bundle(self, device_id: str) -> Upload:
        return Upload(self.storage.spool(device_id), self.config.max_bundle_bytes)

    def bundle(self, device_id: str, sha256: str) -> bytes | None:
        if not DEVICE_ID.match(device_id) or not SHA256.match(sha256):
            return None
        return self.storage.bundle(device_id, sha256)

    def remove_bundle(self, device_id: str, sha256: str) -> bool:
        if not DEVICE_ID.match(device_id) or not SHA256.match(sha256):
            return False
        return self.storage.remove_bundle(device_id, sha256)

    # -- receipts and notices for laptops -------------------------------------------------------

    def post_mail(self, device_id: str, name: str, data: bytes) -> None:
        if not DEVICE_ID.match(device_id) or not MAIL_NAME.match(name) or len(data) > MAX_MAIL_BYTES:
            raise RefusedError("That is not a receipt or notice the relay can hold.")
        self.storage.post_mail(device_id, name, data)

    def mail(self, device_id: str) -> list[tuple[str, int]]:
        return self.storage.mail(device_id)

    def mail_file(self, device_id: str, name: str) -> bytes | None:
        if not MAIL_NAME.match(name):
            return None
        return self.storage.mail_file(device_id, name)

    def remove_mail(self, device_id: str, name: str) -> bool:
        if not MAIL_NAME.match(name):
            return False
        return self.storage.remove_mail(device_id, name)


class FolderStorage:
    """inbox/<device>/<sha256>.pacebundle and outbox/<device>/<name> in the relay folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for folder in ("inbox", "outbox"):
            (self.root / folder).mkdir(exist_ok=True)

    def remove_temp_files(self) -> None:
        """Temp files of uploads a crash interrupted were never acknowledged: remove them."""
        for folder in ("inbox", "outbox"):
            for temp in (self.root / folder).glob("*/.*.part"):
                with contextlib.suppress(OSError):
                    temp.unlink()

    def _inbox(self, device_id: str) -> Path:
        return self.root / "inbox" / device_id

    def spool(self, device_id: str) -> Path:
        folder = self._inbox(device_id)
        folder.mkdir(exist_ok=True)
        return folder

    def waiting(self, device_id: str | None) -> list[Waiting]:
        folders = [self._inbox(device_id)] if device_id else sorted((self.root / "inbox").iterdir())
        out = []
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                with contextlib.suppress(OSError):
                    out.append(Waiting(folder.name, path.name.removesuffix(SUFFIX), path.stat().st_size))
        return out

    def keep_bundle(self, device_id: str, upload: Upload, max_count: int, max_bytes: int) -> tuple[str, bool]:
        sha256 = upload.hash.hexdigest()
        target = self._inbox(device_id) / f"{sha256}{SUFFIX}"
        if not target.exists():
            mine = self.waiting(device_id)
            if max_count - len(mine) <= 0 or max_bytes - sum(w.size for w in mine) < upload.size:
                upload.abort()
                raise OverQuota()
        return sha256, upload.finish(target)[1]

    def _bundle_path(self, device_id: str, sha256: str) -> Path | None:
        path = self._inbox(device_id) / f"{sha256}{SUFFIX}"
        return path if path.is_file() else None

    def bundle(self, device_id: str, sha256: str) -> bytes | None:
        path = self._bundle_path(device_id, sha256)
        return None if path is None else path.read_bytes()

    def remove_bundle(self, device_id: str, sha256: str) -> bool:
        path = self._bundle_path(device_id, sha256)
        if path is None:
            return False
        path.unlink()
        fsync_folder(path.parent)
        return True

    def _outbox(self, device_id: str) -> Path:
        return self.root / "outbox" / device_id

    def post_mail(self, device_id: str, name: str, data: bytes) -> None:
        folder = self._outbox(device_id)
        folder.mkdir(exist_ok=True)
        upload = Upload(folder, MAX_MAIL_BYTES)
        upload.write(data)
        upload.finish(folder / name)

    def mail(self, device_id: str) -> list[tuple[str, int]]:
        folder = self._outbox(device_id)
        if not folder.is_dir():
            return []
        return [(p.name, p.stat().st_size) for p in sorted(folder.iterdir()) if MAIL_NAME.match(p.name)]

    def _mail_path(self, device_id: str, name: str) -> Path | None:
        path = self._outbox(device_id) / name
        return path if path.is_file() else None

    def mail_file(self, device_id: str, name: str) -> bytes | None:
        path = self._mail_path(device_id, name)
        return None if path is None else path.read_bytes()

    def remove_mail(self, device_id: str, name: str) -> bool:
        path = self._mail_path(device_id, name)
        if path is None:
            return False
        path.unlink()
        fsync_folder(path.parent)
        return True


class PostgresStorage:
    """The central database's ``relay_bundles`` and ``relay_mail``; uploads arrive in ``spool/``."""

    def __init__(self, root: Path, url: str) -> None:
        from pace_desktop.store.pg.connect import insecure_allowed
        from pace_desktop.store.pg.relay_mailbox import RelayTables

        self.tables = RelayTables(url, allow_insecure=insecure_allowed())
        self.folder = root / "spool"
        self.folder.mkdir(exist_ok=True)

    def remove_temp_files(self) -> None:
        """An upload a crash interrupted was never acknowledged (nor committed): remove its temp file."""
        for temp in self.folder.glob(".*.part"):
            with contextlib.suppress(OSError):
                temp.unlink()

    def spool(self, device_id: str) -> Path:
        return self.folder

    def waiting(self, device_id: str | None) -> list[Waiting]:
        return [Waiting(d, s, n) for d, s, n in self.tables.waiting(device_id)]

    def keep_bundle(self, device_id: str, upload: Upload, max_count: int, max_bytes: int) -> tuple[str, bool]:
        sha256 = upload.hash.hexdigest()
        try:
            data = upload.contents()
            kept = self.tables.keep_bundle(device_id, sha256, data, max_count=max_count, max_bytes=max_bytes)
        finally:
            upload.abort()  # the temp file, whatever happened: the row is the bundle now
        if kept == "over_quota":
            raise OverQuota()
        return sha256, kept == "held"

    def bundle(self, device_id: str, sha256: str) -> bytes | None:
        return self.tables.bundle(device_id, sha256)

    def remove_bundle(self, device_id: str, sha256: str) -> bool:
        return self.tables.remove_bundle(device_id, sha256)

    def post_mail(self, device_id: str, name: str, data: bytes) -> None:
        self.tables.post_mail(device_id, name, data)

    def mail(self, device_id: str) -> list[tuple[str, int]]:
        return self.tables.mail(device_id)

    def mail_file(self, device_id: str, name: str) -> bytes | None:
        return self.tables.mail_file(device_id, name)

    def remove_mail(self, device_id: str, name: str) -> bool:
        return self.tables.remove_mail(device_id, name)


class TooLarge(Exception):
    pass


class OverQuota(Exception):
    """The laptop already has as many bundles (or bytes) waiting as its quota allows."""


class Upload:
    """One incoming file: written to a temp file in its folder, renamed only once whole and synced."""

    def __init__(self, folder: Path, cap: int) -> None:
        self.folder = folder
        self.cap = cap
        self.size = 0
        self.hash = hashlib.sha256()
        self.temp = folder / f".{secrets.token_hex(8)}.part"
        self.fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.cap:
            self.abort()
            raise TooLarge()
        self.hash.update(chunk)
        view = memoryview(chunk)
        while view:
            view = view[os.write(self.fd, view) :]

    def finish(self, target: Path | None = None) -> tuple[Path, bool]:
        """Sync and rename; returns (the file, whether it was already there)."""
        os.fsync(self.fd)
        os.close(self.fd)
        self.fd = -1
        target = target or self.folder / f"{self.hash.hexdigest()}{SUFFIX}"
        already = target.exists() and target.name.endswith(SUFFIX)
        if already:
            self.temp.unlink()
        else:
            os.replace(self.temp, target)
        fsync_folder(self.folder)
        return target, already

    def contents(self) -> bytes:
        """Everything written so far (the upload is whole): the temp file's bytes."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        return self.temp.read_bytes()

    def abort(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        with contextlib.suppress(OSError):
            self.temp.unlink()
