"""The key-slot file beside the store: the store's data key, wrapped per adviser and for the office.

The store is encrypted with a random 32-byte data key. Each adviser's slot (v2) holds their own age
X25519 identity, sealed with AES-256-GCM under a key derived from their passphrase with Argon2id, and
the data key encrypted to that identity's public recipient. Adding an adviser or changing a passphrase
rewrites this small file and never re-encrypts the database; removing one re-keys the store
(``Store.remove_adviser``): a new data key is encrypted to every remaining adviser's recipient and to
the office's, which needs nobody's passphrase. A first-release (v1) slot holds the data key itself
under the passphrase key; it becomes v2 at its adviser's next unlock. An optional recovery slot wraps
the data key to the office's age recipient, so the office can open a laptop whose advisers are gone.
The file holds no secret in clear: no passphrase, no data key, no identity.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import os
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from pace_desktop.errors import DiskFull, StoreError, ValidationFailed, WrongPassphrase
from pace_desktop.store.atomic import write_atomic

FORMAT = "pace-keyslots"
FORMAT_VERSION = 2
KEY_BYTES = 32
MIN_PASSPHRASE = 12
MAX_PASSPHRASE = 1024
MAX_NAME = 100

WRONG_PASSPHRASE = "That passphrase is not right. Check Caps Lock and try again."  # noqa: S105
_DAMAGED = "The key file beside the store is damaged: restore it from a backup."
_SALT_BYTES = 16
_NONCE_BYTES = 12
_MAX_FILE_BYTES = 1 << 20
REKEY_REASONS = ("adviser_removed",)  # what a re-key may be for: the audit action written when it ends
_IDENTITY_CHARS = 74  # "AGE-SECRET-KEY-1" and 58 more


class KeyFileOutOfDate(WrongPassphrase):
    """The passphrase opened a slot of an old copy of the key file: the store has been re-keyed since."""

    def __init__(self) -> None:
        super().__init__(
            "That key file no longer opens this store: the store was re-keyed when an "
            "adviser was removed. Use the key file beside the store, or ask the office to "
            "recover the laptop."
        )


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored in each slot so it can be raised later without locking anyone out."""

    memory_kib: int
    iterations: int
    lanes: int

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(_passphrase_bytes(passphrase))

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, raw: Any) -> KdfParams:
        if not isinstance(raw, dict) or raw.get("alg") != "argon2id":
            raise ValueError("unknown kdf")
        params = cls(_int(raw, "memory_kib"), _int(raw, "iterations"), _int(raw, "lanes"))
        # Bounds keep an edited file from making unlock allocate gigabytes or spin for minutes.
        if not (
            1 <= params.lanes <= 16
            and 1 <= params.iterations <= 16
            and 8 * params.lanes <= params.memory_kib <= 2 * 1024 * 1024
        ):
            raise ValueError("kdf parameters out of range")
        return params


# RFC 9106's second recommended setting; measured here at ~0.1 s per derivation (2 cores), so a
# slower office laptop lands near 0.2-0.3 s.
DEFAULT_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)


def new_data_key() -> bytes:
    """A fresh random key for a new store."""
    return os.urandom(KEY_BYTES)


def raw_key_pragma(data_key: bytes) -> str:
    """``PRAGMA key`` in SQLCipher's raw-key form, which skips SQLCipher's own (slow) KDF."""
    if not isinstance(data_key, bytes) or len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


# -- passphrase rules ------------------------------------------------------------------------------
_COMMON = sorted(
    {
        "password",
        "passw0rd",
        "qwerty",
        "qwertyuiop",
        "asdfgh",
        "zxcvbn",
        "letmein",
        "welcome",
        "admin",
        "iloveyou",
        "monkey",
        "dragon",
        "football",
        "baseball",
        "sunshine",
        "princess",
        "trustno1",
        "abc123",
        "123456",
        "654321",
        "111111",
        "master",
        "shadow",
        "login",
        "secret",
        "summer",
        "winter",
        "spring",
        "autumn",
        "changeme",
        "default",
        "scotland",
        "glasgow",
        "edinburgh",
        "aberdeen",
        "dundee",
    },
    key=len,
    reverse=True,
)
_LABELS = ("Too short", "Weak", "Fair", "Good", "Strong")


def _passphrase_bytes(passphrase: str) -> bytes:
    # The same passphrase typed on another keyboard or OS may arrive in another Unicode form.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def passphrase_strength(p: str) -> tuple[int, str]:
    """A rough score 0..4 and its label, for the meter beside a new-passphrase field.

    Bits = (size of the character classes used) x (effective length), where repeats, runs such as
    "abcd" or "1234", and very common words count for little. Simple on purpose: no dictionary.
    """
    text = unicodedata.normalize("NFC", p)
    if len(text) < MIN_PASSPHRASE:
        return 0, _LABELS[0]
    pool = 0
    pool += 26 if any(c.islower() for c in text) else 0
    pool += 26 if any(c.isupper() for c in text) else 0
    pool += 10 if any(c.isdigit() for c in text) else 0
    pool += 33 if any(c.isascii() and not c.isalnum() for c in text) else 0
    pool += 64 if any(not c.isascii() for c in text) else 0
    masked = text.lower()
    for word in _COMMON:
        masked = masked.replace(word, "\0")
    seen: set[str] = set()
    words = []
    for word in masked.split(" "):
        # A word said twice adds almost nothing: "wrong wrong wrong" is one word and two stutters.
        words.append("\1" if len(word) >= 3 and word in seen else word)
        seen.add(word)
    masked = " ".join(words)
    effective, prev, step = 0.0, None, None
    for ch in masked:
        diff = None if prev is None else ord(ch) - ord(prev)
        if diff == 0 or (diff in (1, -1) and diff == step):
            effective += 0.25
        else:
            effective += 1.0
        prev, step = ch, diff
    bits = effective * math.log2(max(pool, 2))
    score = 1 if bits < 36 else 2 if bits < 60 else 3 if bits < 80 else 4
    return score, _LABELS[score]


def check_passphrase(p: str) -> None:
    """Refuse a new passphrase that is too short, too easy, or likely to be mistyped later."""
    if not isinstance(p, str):
        raise ValidationFailed("Enter a passphrase.")
    text = unicodedata.normalize("NFC", p)
    if len(text) < MIN_PASSPHRASE:
        raise ValidationFailed(f"Passphrase must be at least {MIN_PASSPHRASE} characters.")
    if len(text) > MAX_PASSPHRASE:
        raise ValidationFailed(f"Passphrase must be at most {MAX_PASSPHRASE} characters.")
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise ValidationFailed("Passphrase must not contain tabs, line breaks or hidden signs.")
    if text != text.strip():
        raise ValidationFailed("Passphrase must not start or end with a space.")
    if passphrase_strength(text)[0] < 2:
        raise ValidationFailed("Passphrase is too easy to guess: use three or four unrelated words.")


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValidationFailed("Enter the adviser's name.")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise ValidationFailed(f"An adviser's name must be at most {MAX_NAME} characters.")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValidationFailed("An adviser's name must be one line of plain text.")
    return name


def _check_recipient(recipient: str) -> str:
    text = recipient.strip() if isinstance(recipient, str) else ""
    try:
        pyrage.x25519.Recipient.from_str(text)
    except (pyrage.RecipientError, ValueError, TypeError):
        raise ValidationFailed("That is not an office public key: it is one line starting age1.") from None
    return text


# -- the file --------------------------------------------------------------------------------------
def _aad(slot_id: str, name: str, version: int = 1, recipient: str | None = None) -> bytes:
    # Binds the wrapped secret to its slot id, the slot's format version and the adviser's name (and,
    # from v2, the slot's age recipient): a slot copied from another file, or renamed to put someone
    # else's name on an unlock, no longer opens.
    doc: dict[str, Any] = {"format": FORMAT, "version": version, "slot": slot_id, "name": name}
    if version >= 2:
        doc["recipient"] = recipient
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class _Slot:
    """One adviser's slot.

    v1 (the first release): ``wrapped`` is the data key itself, sealed with AES-GCM under the key
    Argon2id derives from the passphrase. v2: ``wrapped`` is the adviser's own age X25519 identity
    sealed the same way, and ``data`` is the data key encrypted to that identity's public recipient
    (``next``, during a re-key, the next data key). So a new data key can be given to every adviser
    from their public recipient alone, while they are not there to type their passphrase.
    """

    id: str
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    version: int = 1
    recipient: str | None = None
    data: bytes | None = None
    next: bytes | None = None

    @classmethod
    def seal(
        cls,
        data_key: bytes,
        name: str,
        passphrase: str,
        slot_id: str | None = None,
        kdf: KdfParams = DEFAULT_KDF,
        identity: pyrage.x25519.Identity | None = None,
        next_key: bytes | None = None,
    ) -> _Slot:
        """A v2 slot for ``name``: their identity (new, unless given) sealed under the passphrase."""
        salt = os.urandom(_SALT_BYTES)
        return cls._seal_with(
            kdf.derive(passphrase, salt),
            kdf,
            salt,
            slot_id or uuid.uuid4().hex,
            name,
            identity or pyrage.x25519.Identity.generate(),
            data_key,
            next_key,
        )

    @classmethod
    def _seal_with(
        cls,
        kek: bytes,
        kdf: KdfParams,
        salt: bytes,
        slot_id: str,
        name: str,
        identity: pyrage.x25519.Identity,
        data_key: bytes,
        next_key: bytes | None,
    ) -> _Slot:
        recipient = str(identity.to_public())
        nonce = os.urandom(_NONCE_BYTES)
        wrapped = AESGCM(kek).encrypt(nonce, str(identity).encode("ascii"), _aad(slot_id, name, 2, recipient))
        return cls(
            slot_id,
            name,
            kdf,
            salt,
            nonce,
            wrapped,
            2,
            recipient,
            _wrap_to(recipient, data_key),
            None if next_key is None else _wrap_to(recipient, next_key),
        )

    def _kek(self, passphrase: str) -> bytes:
        return self.kdf.derive(passphrase, self.salt)

    def _open_with(self, kek: bytes) -> tuple[list[bytes], pyrage.x25519.Identity | None] | None:
        """The keys this slot holds (current, then next) and, for v2, the identity; None if not this kek."""
        try:
            secret = AESGCM(kek).decrypt(
                self.nonce, self.wrapped, _aad(self.id, self.name, self.version, self.recipient)
            )
        except InvalidTag:
            return None
        if self.version == 1:
            return [secret], None
        try:
            identity = pyrage.x25519.Identity.from_str(secret.decode("ascii"))
            if str(identity.to_public()) != self.recipient or self.data is None:
                raise ValueError("recipient")
            keys = [bytes(pyrage.decrypt(self.data, [identity]))]
            if self.next is not None:
                keys.append(bytes(pyrage.decrypt(self.next, [identity])))
        except (pyrage.IdentityError, pyrage.DecryptError, ValueError, UnicodeDecodeError):
            raise StoreError(_DAMAGED) from None
        return keys, identity

    def open(self, passphrase: str) -> bytes | None:
        """The (current) data key, or None when this is not the passphrase of this slot."""
        opened = self._open_with(self._kek(passphrase))
        return None if opened is None else opened[0][0]

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }
        if self.version >= 2:
            doc.update(
                {
                    "v": 2,
                    "recipient": self.recipient,
                    "data": _b64(self.data or b""),
                    "next": None if self.next is None else _b64(self.next),
                }
            )
        return doc

    @classmethod
    def from_json(cls, raw: Any, file_version: int) -> _Slot:
        if not isinstance(raw, dict):
            raise ValueError("slot")
        slot_id, name = raw.get("id"), raw.get("name")
        if not isinstance(slot_id, str) or len(slot_id) != 32 or not isinstance(name, str):
            raise ValueError("slot id or name")
        _check_name(name)
        version = raw.get("v", 1)
        if type(version) is not int or version not in (1, 2) or version > file_version:
            raise ValueError("slot version")
        recipient = data = next_key = None
        if version == 2:
            recipient = raw.get("recipient")
            if not isinstance(recipient, str) or not recipient.startswith("age1") or len(recipient) > 100:
                raise ValueError("recipient")
            data = _unb64(raw, "data")
            next_key = None if raw.get("next") is None else _unb64(raw, "next")
        slot = cls(
            slot_id,
            name,
            KdfParams.from_json(raw.get("kdf")),
            _unb64(raw, "salt"),
            _unb64(raw, "nonce"),
            _unb64(raw, "wrapped"),
            version,
            recipient,
            data,
            next_key,
        )
        secret_bytes = KEY_BYTES if version == 1 else _IDENTITY_CHARS
        if (
            not 16 <= len(slot.salt) <= 64
            or len(slot.nonce) != _NONCE_BYTES
            or len(slot.wrapped) != secret_bytes + 16
        ):
            raise ValueError("slot sizes")
        return slot


@dataclass(frozen=True)
class Unlocked:
    """What a passphrase opened: whose slot, and the data keys to try (the current one, then the
    next one while a re-key is under way)."""

    name: str
    keys: tuple[bytes, ...]


@dataclass(frozen=True)
class _Pending:
    """A re-key under way: the next data key's check, and what it was for (audited when it ends)."""

    key_check: str
    reason: str


class KeySlotFile:
    """The key slots of one store. Every change is saved at once, atomically.

    During a re-key (``Store.remove_adviser``) the file holds two keys for a while: each slot and the
    recovery slot carry the next data key beside the current one (``pending``), saved before the
    database is replaced, then promoted to current once it has been (``promote``).
    """

    def __init__(
        self,
        path: Path,
        key_check: str,
        slots: list[_Slot],
        recovery: tuple[str, bytes] | None,
        *,
        pending: _Pending | None = None,
        recovery_next: bytes | None = None,
        rekey_due: bool = False,
        store_salt: str | None = None,
    ) -> None:
        self.path = Path(path)
        self._key_check = key_check
        self._slots = slots
        self._recovery = recovery
        self._pending = pending
        self._recovery_next = recovery_next
        self._rekey_due = rekey_due
        self._store_salt = store_salt

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        data_key: bytes,
        adviser: str,
        passphrase: str,
        office_recipient: str | None = None,
        *,
        store_salt: bytes | None = None,
    ) -> KeySlotFile:
        """A new file with one adviser (and the office recovery slot, if a recipient is given)."""
        path = Path(path)
        _check_key_shape(data_key)
        name = _check_name(adviser)
        check_passphrase(passphrase)
        recipient = _check_recipient(office_recipient) if office_recipient else None
        if path.exists():
            raise StoreError("A store already exists at that path: choose another path.")
        recovery = None if recipient is None else (recipient, _wrap_to(recipient, data_key))
        keys = cls(
            path,
            _key_check(data_key),
            [_Slot.seal(data_key, name, passphrase)],
            recovery,
            store_salt=None if store_salt is None else store_salt.hex(),
        )
        keys._save(keys._slots, keys._recovery)
        return keys

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        path = Path(path)
        keys = cls(path, "", [], None)
        keys._refresh()
        return keys

    def unlock_all(self, passphrase: str) -> Unlocked:
        """Whose passphrase this is and the keys it opens. A v1 slot becomes v2 on the way (saved if
        the folder can be written; if not, it is tried again at the next unlock)."""
        for slot in self._slots:
            kek = slot._kek(passphrase)
            opened = slot._open_with(kek)
            if opened is None:
                continue
            keys = opened[0]
            self._require_key(keys[0], damaged=True)
            if slot.version == 1:
                self._upgrade(slot, kek, keys[0])
            return Unlocked(slot.name, tuple(keys))
        raise WrongPassphrase(WRONG_PASSPHRASE)

    def unlock(self, passphrase: str) -> tuple[bytes, str]:
        """The current data key and the name of the adviser whose passphrase this is."""
        unlocked = self.unlock_all(passphrase)
        return unlocked.keys[0], unlocked.name

    def unlock_recovery_all(self, identity: str) -> tuple[bytes, ...]:
        """The data keys (current, then next during a re-key), opened with the office's age identity."""
        if self._recovery is None:
            raise StoreError("This store has no office recovery key: open it with an adviser's passphrase.")
        try:
            office = pyrage.x25519.Identity.from_str(_identity_line(identity))
        except (pyrage.IdentityError, ValueError, TypeError):
            raise WrongPassphrase(
                "That is not an office recovery key: it is one line starting AGE-SECRET-KEY-1."
            ) from None
        try:
            data_key = bytes(pyrage.decrypt(self._recovery[1], [office]))
            keys = [data_key]
            if self._recovery_next is not None:
                keys.append(bytes(pyrage.decrypt(self._recovery_next, [office])))
        except pyrage.DecryptError:
            raise WrongPassphrase(
                "That office key does not open this store: use the key of the office it was set up for."
            ) from None
        self._require_key(data_key, damaged=True)
        return tuple(keys)

    def unlock_recovery(self, identity: str) -> bytes:
        """The data key, opened with the office's age identity ("AGE-SECRET-KEY-1...")."""
        return self.unlock_recovery_all(identity)[0]

    # -- changing ----------------------------------------------------------------------------------
    def add_adviser(self, data_key: bytes, name: str, passphrase: str) -> None:
        name = _check_name(name)
        check_passphrase(passphrase)
        self._refresh()
        self._require_key(data_key)
        self._require_no_rekey_under_way()
        if self._find(name) is not None:
            raise ValidationFailed("An adviser with that name already has a passphrase: choose another name.")
        self._save([*self._slots, _Slot.seal(data_key, name, passphrase)], self._recovery)

    def remove_adviser(self, name: str, *, rekey_due: bool = False) -> None:
        """Drop a slot. Alone this leaves the data key as it was: ``Store.remove_adviser`` re-keys."""
        self._refresh()
        slot = self._removable(name)
        self._save(
            [s for s in self._slots if s is not slot], self._recovery, rekey_due=self._rekey_due or rekey_due
        )

    def _removable(self, name: str) -> _Slot:
        slot = self._find(name)
        if slot is None:
            raise ValidationFailed("No adviser by that name can unlock this store.")
        if len(self._slots) == 1:
            raise ValidationFailed(
                "That is the only adviser who can unlock this store: add another one first."
            )
        return slot

    def still_v1(self, *, without: str | None = None) -> list[str]:
        """Advisers whose slot still holds the data key itself (first-release slots): until each has
        unlocked once with this version, no new data key can be given to them."""
        self._refresh()
        gone = self._find(without) if without else None
        if without is not None:
            self._removable(without)
        return [s.name for s in self._slots if s.version == 1 and s is not gone]

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        """Re-wrap the slot under a new passphrase, once the old one is proved."""
        check_passphrase(new)
        if _passphrase_bytes(new) == _passphrase_bytes(old):
            raise ValidationFailed("The new passphrase is the same as the old one: choose another.")
        self._refresh()
        slot = self._find(name)
        if slot is None:
            raise ValidationFailed("No adviser by that name can unlock this store.")
        opened = slot._open_with(slot._kek(old))
        if opened is None:
            raise WrongPassphrase(WRONG_PASSPHRASE)
        keys, identity = opened
        self._require_key(keys[0], damaged=True)
        # Same id, name and identity; fresh salt and nonce, and today's KDF cost (an old slot's cost
        # goes up). A v1 slot becomes v2 here.
        fresh = _Slot.seal(
            keys[0],
            slot.name,
            new,
            slot_id=slot.id,
            identity=identity,
            next_key=keys[1] if len(keys) > 1 else None,
        )
        self._save([fresh if s is slot else s for s in self._slots], self._recovery)

    def set_office_recipient(self, data_key: bytes, recipient: str | None) -> None:
        """Wrap the data key to the office's age recipient, or drop the recovery slot (None)."""
        text = _check_recipient(recipient) if recipient else None
        self._refresh()
        self._require_key(data_key)
        self._require_no_rekey_under_way()
        recovery = None if text is None else (text, _wrap_to(text, data_key))
        self._save(self._slots, recovery)

    # -- re-keying ---------------------------------------------------------------------------------
    def stage_rekey(self, data_key: bytes, next_key: bytes, *, remove: str | None, reason: str) -> None:
        """Phase one: drop ``remove``'s slot and give every other slot, and the office's recovery
        slot, ``next_key`` beside the current key. Saved before the database is replaced."""
        _check_key_shape(next_key)
        self._refresh()
        self._require_key(data_key)
        gone = self._removable(remove) if remove else None
        slots = [s for s in self._slots if s is not gone]
        if any(s.version == 1 for s in slots):
            raise StoreError(
                "An adviser has not unlocked since the update: the store cannot be re-keyed yet."
            )
        staged = [_replace_next(s, _wrap_to(s.recipient or "", next_key)) for s in slots]
        recovery_next = None if self._recovery is None else _wrap_to(self._recovery[0], next_key)
        self._save(
            staged,
            self._recovery,
            pending=_Pending(_key_check(next_key), reason),
            recovery_next=recovery_next,
            rekey_due=False,
        )

    def promote(self, next_key: bytes, store_salt: bytes | None = None) -> str:
        """Phase two, once the database is under ``next_key``: it becomes the current key in every
        slot, and the old key is gone from the file. Returns what the re-key was for."""
        self._refresh()
        pending = self._pending
        if pending is None or not hmac.compare_digest(_key_check(next_key), pending.key_check):
            raise StoreError(_DAMAGED)
        slots = [_promote(s) for s in self._slots]
        recovery = None if self._recovery is None else (self._recovery[0], self._recovery_next or b"")
        self._key_check = pending.key_check
        self._save(
            slots,
            recovery,
            pending=None,
            recovery_next=None,
            store_salt=None if store_salt is None else store_salt.hex(),
        )
        return pending.reason

    def note_store_salt(self, store_salt: bytes) -> None:
        """Remember which database file this key file belongs to (the salt SQLCipher keeps in clear
        at the start of the file), so an old copy of the key file can be told from a damaged store."""
        if self._store_salt == store_salt.hex():
            return
        self._refresh()
        self._save(self._slots, self._recovery, store_salt=store_salt.hex())

    def belongs_to(self, store_salt: bytes) -> bool | None:
        """Whether this key file was last used with the database whose salt this is (None: unknown)."""
        return None if self._store_salt is None else self._store_salt == store_salt.hex()

    # -- reading -----------------------------------------------------------------------------------
    @property
    def advisers(self) -> list[str]:
        return [slot.name for slot in self._slots]

    @property
    def has_recovery(self) -> bool:
        return self._recovery is not None

    @property
    def office_recipient(self) -> str | None:
        return None if self._recovery is None else self._recovery[0]

    @property
    def rekey_under_way(self) -> bool:
        return self._pending is not None

    @property
    def rekey_due(self) -> bool:
        """An adviser was removed while another still had a first-release slot: re-key when none has."""
        return self._rekey_due

    # -- internals ---------------------------------------------------------------------------------
    def _upgrade(self, slot: _Slot, kek: bytes, data_key: bytes) -> None:
        """Turn a v1 slot into a v2 one with the kek just derived (no second Argon2 run)."""
        try:
            self._refresh()
            current = next((s for s in self._slots if s.id == slot.id), None)
            if current is None or current.version != 1 or current.wrapped != slot.wrapped:
                return  # changed meanwhile by another window: leave it
            fresh = _Slot._seal_with(
                kek,
                slot.kdf,
                slot.salt,
                slot.id,
                slot.name,
                pyrage.x25519.Identity.generate(),
                data_key,
                None,
            )
            self._save([fresh if s is current else s for s in self._slots], self._recovery)
        except (StoreError, DiskFull):
            pass  # unlocking matters more: the slot is upgraded at a later unlock

    def _find(self, name: str | None) -> _Slot | None:
        wanted = name.strip().casefold() if isinstance(name, str) else ""
        return next((s for s in self._slots if s.name.casefold() == wanted), None)

    def _require_key(self, data_key: bytes, *, damaged: bool = False) -> None:
        """The key must be this store's: a slot wrapping another key would lock people out."""
        ok = (
            isinstance(data_key, bytes | bytearray)
            and len(data_key) == KEY_BYTES
            and hmac.compare_digest(_key_check(bytes(data_key)), self._key_check)
        )
        if not ok:
            raise StoreError(
                _DAMAGED if damaged else "That key does not belong to this store: nothing was changed."
            )

    def _require_no_rekey_under_way(self) -> None:
        if self._pending is not None:
            raise StoreError(
                "A change of this store's key did not finish: lock the store, unlock it again, and try again."
            )

    def _refresh(self) -> None:
        # Another window of the app may have changed the file since it was loaded: edit the latest.
        (
            self._key_check,
            self._slots,
            self._recovery,
            self._pending,
            self._recovery_next,
            self._rekey_due,
            self._store_salt,
        ) = _read(self.path)

    _KEEP: Any = object()

    def _save(
        self,
        slots: list[_Slot],
        recovery: tuple[str, bytes] | None,
        *,
        pending: Any = _KEEP,
        recovery_next: Any = _KEEP,
        rekey_due: Any = _KEEP,
        store_salt: Any = _KEEP,
    ) -> None:
        pending = self._pending if pending is self._KEEP else pending
        recovery_next = self._recovery_next if recovery_next is self._KEEP else recovery_next
        rekey_due = self._rekey_due if rekey_due is self._KEEP else rekey_due
        store_salt = self._store_salt if store_salt is self._KEEP else store_salt
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "key_check": self._key_check,
            "slots": [slot.to_json() for slot in slots],
            "recovery": None
            if recovery is None
            else {
                "recipient": recovery[0],
                "wrapped": _b64(recovery[1]),
                "next": None if recovery_next is None else _b64(recovery_next),
            },
            "next": None if pending is None else {"key_check": pending.key_check, "reason": pending.reason},
            "rekey_due": bool(rekey_due),
            "store_salt": store_salt,
        }
        try:
            write_atomic(self.path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            raise StoreError(
                "The key file beside the store could not be saved: check that the folder can be "
                "written to. Nothing was changed."
            ) from exc
        self._slots, self._recovery = list(slots), recovery
        self._pending, self._recovery_next = pending, recovery_next
        self._rekey_due, self._store_salt = bool(rekey_due), store_salt


def _replace_next(slot: _Slot, wrapped_next: bytes) -> _Slot:
    return _Slot(
        slot.id,
        slot.name,
        slot.kdf,
        slot.salt,
        slot.nonce,
        slot.wrapped,
        slot.version,
        slot.recipient,
        slot.data,
        wrapped_next,
    )


def _promote(slot: _Slot) -> _Slot:
    if slot.version != 2 or slot.next is None:
        raise StoreError(_DAMAGED)
    return _Slot(
        slot.id,
        slot.name,
        slot.kdf,
        slot.salt,
        slot.nonce,
        slot.wrapped,
        slot.version,
        slot.recipient,
        slot.next,
        None,
    )


_ReadResult = tuple[
    str, list[_Slot], tuple[str, bytes] | None, _Pending | None, bytes | None, bool, str | None
]


def _read(path: Path) -> _ReadResult:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise StoreError(
            "The key file beside the store is missing: restore it from a backup. The store cannot "
            "be opened without it."
        ) from None
    except OSError as exc:
        raise StoreError("The key file beside the store could not be read: check its permissions.") from exc
    try:
        if len(raw) > _MAX_FILE_BYTES:
            raise ValueError("too large")
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a key file")
        version = doc.get("version")
        if type(version) is not int or version < 1:
            raise ValueError("version")
    except (ValueError, UnicodeDecodeError):
        raise StoreError(_DAMAGED) from None
    if version > FORMAT_VERSION:
        raise StoreError("The key file was written by a newer PACE Intake: install the newer version.")
    try:
        key_check = doc.get("key_check")
        if not isinstance(key_check, str) or len(key_check) != 32:
            raise ValueError("key check")
        raw_slots = doc.get("slots")
        if not isinstance(raw_slots, list) or not raw_slots:
            raise ValueError("no slots")
        slots = [_Slot.from_json(item, version) for item in raw_slots]
        if len({s.id for s in slots}) != len(slots) or len({s.name.casefold() for s in slots}) != len(slots):
            raise ValueError("duplicate slots")
        recovery = recovery_next = None
        raw_recovery = doc.get("recovery")
        if raw_recovery is not None:
            if not isinstance(raw_recovery, dict):
                raise ValueError("recovery")
            recipient = raw_recovery.get("recipient")
            if not isinstance(recipient, str) or not recipient.startswith("age1"):
                raise ValueError("recipient")
            recovery = (recipient, _unb64(raw_recovery, "wrapped"))
            if raw_recovery.get("next") is not None:
                recovery_next = _unb64(raw_recovery, "next")
        pending = None
        raw_next = doc.get("next")
        if raw_next is not None:
            if not isinstance(raw_next, dict):
                raise ValueError("next")
            next_check, reason = raw_next.get("key_check"), raw_next.get("reason")
            if not isinstance(next_check, str) or len(next_check) != 32 or reason not in REKEY_REASONS:
                raise ValueError("next")
            if any(s.next is None for s in slots) or (recovery is not None and recovery_next is None):
                raise ValueError("half a re-key")
            pending = _Pending(next_check, reason)
        rekey_due = doc.get("rekey_due", False)
        salt = doc.get("store_salt")
        if type(rekey_due) is not bool or not (salt is None or (isinstance(salt, str) and len(salt) == 32)):
            raise ValueError("flags")
    except (ValueError, TypeError, KeyError, AttributeError, ValidationFailed):
        raise StoreError(_DAMAGED) from None
    return key_check, slots, recovery, pending, recovery_next, rekey_due, salt


def _key_check(data_key: bytes) -> str:
    """A 128-bit fingerprint of the data key: tells the right key from a wrong one, and no more."""
    return hmac.new(data_key, b"pace-keyslots key check v1", hashlib.sha256).hexdigest()[:32]


def _check_key_shape(data_key: bytes) -> None:
    if not isinstance(data_key, bytes) or len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")


def _wrap_to(recipient: str, data_key: bytes) -> bytes:
    _check_key_shape(data_key)
    return bytes(pyrage.encrypt(data_key, [pyrage.x25519.Recipient.from_str(recipient)]))


def _identity_line(identity: str) -> str:
    """Accept the key alone or a whole age identity file (comment lines, then the key)."""
    if not isinstance(identity, str):
        raise ValueError("identity")
    for line in identity.splitlines():
        if line.strip().upper().startswith("AGE-SECRET-KEY-"):
            return line.strip()
    return identity.strip()


def _int(raw: dict[str, Any], key: str) -> int:
    value = raw.get(key)
    if type(value) is not int:
        raise ValueError(key)
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(raw: dict[str, Any], key: str) -> bytes:
    value = raw.get(key)
    if not isinstance(value, str) or len(value) > 8192:
        raise ValueError(key)
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError(key) from exc
