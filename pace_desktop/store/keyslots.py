"""The key-slot file beside the store: the store's data key, wrapped per adviser and for the office.

The store is encrypted with a random 32-byte data key that never changes. Each adviser's slot holds
that key wrapped with AES-256-GCM under a key derived from their passphrase with Argon2id, so adding
an adviser or changing a passphrase rewrites this small file and never re-encrypts the database. An
optional recovery slot wraps the same key to the office's age recipient, so the office can open a
laptop whose advisers are gone. The file holds no secret in clear: no passphrase, no data key.
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

from pace_desktop.errors import StoreError, ValidationFailed, WrongPassphrase
from pace_desktop.store.atomic import write_atomic

FORMAT = "pace-keyslots"
FORMAT_VERSION = 1
KEY_BYTES = 32
MIN_PASSPHRASE = 12
MAX_PASSPHRASE = 1024
MAX_NAME = 100

WRONG_PASSPHRASE = "That passphrase is not right. Check Caps Lock and try again."  # noqa: S105
_DAMAGED = "The key file beside the store is damaged: restore it from a backup."
_SALT_BYTES = 16
_NONCE_BYTES = 12
_MAX_FILE_BYTES = 1 << 20


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored in each slot so it can be raised later without locking anyone out."""

    memory_kib: int
    iterations: int
    lanes: int

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        kdf = Argon2id(salt=salt, length=KEY_BYTES, iterations=self.iterations, lanes=self.lanes,
                       memory_cost=self.memory_kib)
        return kdf.derive(_passphrase_bytes(passphrase))

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "memory_kib": self.memory_kib, "iterations": self.iterations,
                "lanes": self.lanes}

    @classmethod
    def from_json(cls, raw: Any) -> KdfParams:
        if not isinstance(raw, dict) or raw.get("alg") != "argon2id":
            raise ValueError("unknown kdf")
        params = cls(_int(raw, "memory_kib"), _int(raw, "iterations"), _int(raw, "lanes"))
        # Bounds keep an edited file from making unlock allocate gigabytes or spin for minutes.
        if not (1 <= params.lanes <= 16 and 1 <= params.iterations <= 16
                and 8 * params.lanes <= params.memory_kib <= 2 * 1024 * 1024):
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
_COMMON = sorted({
    "password", "passw0rd", "qwerty", "qwertyuiop", "asdfgh", "zxcvbn", "letmein", "welcome",
    "admin", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
    "trustno1", "abc123", "123456", "654321", "111111", "master", "shadow", "login", "secret",
    "summer", "winter", "spring", "autumn", "changeme", "default", "scotland", "glasgow",
    "edinburgh", "aberdeen", "dundee",
}, key=len, reverse=True)
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
        raise ValidationFailed(
            "Passphrase is too easy to guess: use three or four unrelated words."
        )


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
        raise ValidationFailed(
            "That is not an office public key: it is one line starting age1."
        ) from None
    return text


# -- the file --------------------------------------------------------------------------------------
def _aad(slot_id: str, name: str) -> bytes:
    # Binds the wrapped key to its slot id, the format version and the adviser's name: a slot copied
    # from another file, or renamed to put someone else's name on an unlock, no longer opens.
    return json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "slot": slot_id, "name": name},
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class _Slot:
    id: str
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    @classmethod
    def seal(cls, data_key: bytes, name: str, passphrase: str, slot_id: str | None = None,
             kdf: KdfParams = DEFAULT_KDF) -> _Slot:
        slot_id = slot_id or uuid.uuid4().hex
        salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
        wrapped = AESGCM(kdf.derive(passphrase, salt)).encrypt(nonce, data_key, _aad(slot_id, name))
        return cls(slot_id, name, kdf, salt, nonce, wrapped)

    def open(self, passphrase: str) -> bytes | None:
        """The data key, or None when this is not the passphrase of this slot."""
        kek = self.kdf.derive(passphrase, self.salt)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped, _aad(self.id, self.name))
        except InvalidTag:
            return None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kdf": self.kdf.to_json(),
                "salt": _b64(self.salt), "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, raw: Any) -> _Slot:
        if not isinstance(raw, dict):
            raise ValueError("slot")
        slot_id, name = raw.get("id"), raw.get("name")
        if not isinstance(slot_id, str) or len(slot_id) != 32 or not isinstance(name, str):
            raise ValueError("slot id or name")
        _check_name(name)
        slot = cls(slot_id, name, KdfParams.from_json(raw.get("kdf")), _unb64(raw, "salt"),
                   _unb64(raw, "nonce"), _unb64(raw, "wrapped"))
        if (not 16 <= len(slot.salt) <= 64 or len(slot.nonce) != _NONCE_BYTES
                or len(slot.wrapped) != KEY_BYTES + 16):
            raise ValueError("slot sizes")
        return slot


class KeySlotFile:
    """The key slots of one store. Every change is saved at once, atomically."""

    def __init__(self, path: Path, key_check: str, slots: list[_Slot],
                 recovery: tuple[str, bytes] | None) -> None:
        self.path = Path(path)
        self._key_check = key_check
        self._slots = slots
        self._recovery = recovery

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, data_key: bytes, adviser: str, passphrase: str,
               office_recipient: str | None = None) -> KeySlotFile:
        """A new file with one adviser (and the office recovery slot, if a recipient is given)."""
        path = Path(path)
        _check_key_shape(data_key)
        name = _check_name(adviser)
        check_passphrase(passphrase)
        recipient = _check_recipient(office_recipient) if office_recipient else None
        if path.exists():
            raise StoreError("A store already exists at that path: choose another path.")
        recovery = None if recipient is None else (recipient, _wrap_to(recipient, data_key))
        keys = cls(path, _key_check(data_key), [_Slot.seal(data_key, name, passphrase)], recovery)
        keys._save(keys._slots, keys._recovery)
        return keys

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        path = Path(path)
        key_check, slots, recovery = _read(path)
        return cls(path, key_check, slots, recovery)

    def unlock(self, passphrase: str) -> tuple[bytes, str]:
        """The data key and the name of the adviser whose passphrase this is."""
        for slot in self._slots:
            data_key = slot.open(passphrase)
            if data_key is not None:
                self._require_key(data_key, damaged=True)
                return data_key, slot.name
        raise WrongPassphrase(WRONG_PASSPHRASE)

    def unlock_recovery(self, identity: str) -> bytes:
        """The data key, opened with the office's age identity ("AGE-SECRET-KEY-1...")."""
        if self._recovery is None:
            raise StoreError(
                "This store has no office recovery key: open it with an adviser's passphrase."
            )
        try:
            office = pyrage.x25519.Identity.from_str(_identity_line(identity))
        except (pyrage.IdentityError, ValueError, TypeError):
            raise WrongPassphrase(
                "That is not an office recovery key: it is one line starting AGE-SECRET-KEY-1."
            ) from None
        try:
            data_key = pyrage.decrypt(self._recovery[1], [office])
        except pyrage.DecryptError:
            raise WrongPassphrase(
                "That office key does not open this store: use the key of the office it was set "
                "up for."
            ) from None
        self._require_key(data_key, damaged=True)
        return bytes(data_key)

    # -- changing ----------------------------------------------------------------------------------
    def add_adviser(self, data_key: bytes, name: str, passphrase: str) -> None:
        name = _check_name(name)
        check_passphrase(passphrase)
        self._refresh()
        self._require_key(data_key)
        if self._find(name) is not None:
            raise ValidationFailed(
                "An adviser with that name already has a passphrase: choose another name."
            )
        self._save([*self._slots, _Slot.seal(data_key, name, passphrase)], self._recovery)

    def remove_adviser(self, name: str) -> None:
        self._refresh()
        slot = self._find(name)
        if slot is None:
            raise ValidationFailed("No adviser by that name can unlock this store.")
        if len(self._slots) == 1:
            raise ValidationFailed(
                "That is the only adviser who can unlock this store: add another one first."
            )
        self._save([s for s in self._slots if s is not slot], self._recovery)

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        """Re-wrap the same data key under a new passphrase, once the old one is proved."""
        check_passphrase(new)
        if _passphrase_bytes(new) == _passphrase_bytes(old):
            raise ValidationFailed("The new passphrase is the same as the old one: choose another.")
        self._refresh()
        slot = self._find(name)
        if slot is None:
            raise ValidationFailed("No adviser by that name can unlock this store.")
        data_key = slot.open(old)
        if data_key is None:
            raise WrongPassphrase(WRONG_PASSPHRASE)
        self._require_key(data_key, damaged=True)
        # Same id and name; fresh salt and nonce, and today's KDF cost (an old slot's cost goes up).
        fresh = _Slot.seal(data_key, slot.name, new, slot_id=slot.id)
        self._save([fresh if s is slot else s for s in self._slots], self._recovery)

    def set_office_recipient(self, data_key: bytes, recipient: str | None) -> None:
        """Wrap the data key to the office's age recipient, or drop the recovery slot (None)."""
        text = _check_recipient(recipient) if recipient else None
        self._refresh()
        self._require_key(data_key)
        recovery = None if text is None else (text, _wrap_to(text, data_key))
        self._save(self._slots, recovery)

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

    # -- internals ---------------------------------------------------------------------------------
    def _find(self, name: str) -> _Slot | None:
        wanted = name.strip().casefold() if isinstance(name, str) else ""
        return next((s for s in self._slots if s.name.casefold() == wanted), None)

    def _require_key(self, data_key: bytes, *, damaged: bool = False) -> None:
        """The key must be this store's: a slot wrapping another key would lock people out."""
        ok = (isinstance(data_key, bytes | bytearray) and len(data_key) == KEY_BYTES
              and hmac.compare_digest(_key_check(bytes(data_key)), self._key_check))
        if not ok:
            raise StoreError(_DAMAGED if damaged else
                             "That key does not belong to this store: nothing was changed.")

    def _refresh(self) -> None:
        # Another window of the app may have changed the file since it was loaded: edit the latest.
        self._key_check, self._slots, self._recovery = _read(self.path)

    def _save(self, slots: list[_Slot], recovery: tuple[str, bytes] | None) -> None:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "key_check": self._key_check,
            "slots": [slot.to_json() for slot in slots],
            "recovery": None if recovery is None else {"recipient": recovery[0],
                                                       "wrapped": _b64(recovery[1])},
        }
        try:
            write_atomic(self.path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            raise StoreError(
                "The key file beside the store could not be saved: check that the folder can be "
                "written to. Nothing was changed."
            ) from exc
        self._slots, self._recovery = list(slots), recovery


def _read(path: Path) -> tuple[str, list[_Slot], tuple[str, bytes] | None]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise StoreError(
            "The key file beside the store is missing: restore it from a backup. The store cannot "
            "be opened without it."
        ) from None
    except OSError as exc:
        raise StoreError(
            "The key file beside the store could not be read: check its permissions."
        ) from exc
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
        raise StoreError(
            "The key file was written by a newer PACE Intake: install the newer version."
        )
    try:
        key_check = doc.get("key_check")
        if not isinstance(key_check, str) or len(key_check) != 32:
            raise ValueError("key check")
        raw_slots = doc.get("slots")
        if not isinstance(raw_slots, list) or not raw_slots:
            raise ValueError("no slots")
        slots = [_Slot.from_json(item) for item in raw_slots]
        if (len({s.id for s in slots}) != len(slots)
                or len({s.name.casefold() for s in slots}) != len(slots)):
            raise ValueError("duplicate slots")
        recovery = None
        raw_recovery = doc.get("recovery")
        if raw_recovery is not None:
            if not isinstance(raw_recovery, dict):
                raise ValueError("recovery")
            recipient = raw_recovery.get("recipient")
            if not isinstance(recipient, str) or not recipient.startswith("age1"):
                raise ValueError("recipient")
            recovery = (recipient, _unb64(raw_recovery, "wrapped"))
    except (ValueError, TypeError, KeyError, AttributeError, ValidationFailed):
        raise StoreError(_DAMAGED) from None
    return key_check, slots, recovery


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
