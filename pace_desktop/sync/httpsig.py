"""HTTP Message Signatures (RFC 9421) with Ed25519, over a fixed set of components.

Every device request is signed over ``("@method" "@path" "content-digest")`` with the parameters
``created``, ``nonce``, ``keyid`` and ``alg="ed25519"``; ``Content-Digest`` (RFC 9530) is the SHA-256 of
the body (empty for GET/DELETE). The signature base is exactly RFC 9421 section 2.5::

    "@method": PUT
    "@path": /v1/bundles
    "content-digest": sha-256=:<base64>:
    "@signature-params": ("@method" "@path" "content-digest");created=1733330000;nonce="…";
        keyid="LT…";alg="ed25519"                      (one line in the base; folded here)

Headers sent: ``Content-Digest``, ``Signature-Input: pace=<params>``, ``Signature: pace=:<base64>:``.
The checker refuses anything else: other labels, other components, a missing parameter, a digest that
does not match the body, a ``created`` outside the allowed clock skew, a nonce seen before.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pace_desktop.store.atomic import write_atomic

LABEL = "pace"
COMPONENTS = ("@method", "@path", "content-digest")
MAX_SKEW_SECONDS = 300
_NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_PARAMS = re.compile(
    r'^\("@method" "@path" "content-digest"\);created=(\d{1,12});nonce="([A-Za-z0-9_-]{16,64})";'
    r'keyid="([A-Za-z0-9]{3,32})";alg="ed25519"$'
)
_SIGNATURE = re.compile(r"^pace=:([A-Za-z0-9+/=]{86,90}):$")
_DIGEST = re.compile(r"^sha-256=:([A-Za-z0-9+/=]{44}):$")


class SignatureRefused(Exception):
    """A request whose signature does not hold; the message is safe to send back (no personal data)."""


def content_digest(body: bytes) -> str:
    return "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode() + ":"


def _params(created: int, nonce: str, keyid: str) -> str:
    return (
        f'("@method" "@path" "content-digest");created={created};nonce="{nonce}";'
        f'keyid="{keyid}";alg="ed25519"'
    )


def signature_base(method: str, path: str, digest: str, params: str) -> bytes:
    return (
        f'"@method": {method.upper()}\n"@path": {path}\n"content-digest": {digest}\n'
        f'"@signature-params": {params}'
    ).encode("ascii")


def sign_request(
    key: Ed25519PrivateKey, keyid: str, method: str, path: str, body: bytes, *, now: float | None = None
) -> dict[str, str]:
    """The headers that sign this request as ``keyid``."""
    digest = content_digest(body)
    params = _params(int(now if now is not None else time.time()), secrets.token_urlsafe(18), keyid)
    signature = key.sign(signature_base(method, path, digest, params))
    return {
        "Content-Digest": digest,
        "Signature-Input": f"{LABEL}={params}",
        "Signature": f"{LABEL}=:" + base64.b64encode(signature).decode() + ":",
    }


@dataclass(frozen=True)
class Signed:
    keyid: str
    created: int
    nonce: str
    digest: str


class NonceCache:
    """Nonces seen within the skew window; a nonce seen twice is a replay. Bounded in size.

    With a ``log`` file, every nonce is appended and fsync'd before the request is answered, and the
    log is read back when the relay starts, so a restart does not reopen the replay window. Entries
    older than the window are dropped on load and whenever the log is rewritten (atomically, once it
    holds twice as many lines as are live).
    """

    def __init__(self, limit: int = 100_000, *, log: Path | None = None, now: float | None = None) -> None:
        self._seen: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._limit = limit
        self._log = log
        self._lines = 0
        self._fd = -1
        if log is not None:
            self._load(log, time.time() if now is None else now)

    def _load(self, log: Path, now: float) -> None:
        entries = []
        with contextlib.suppress(FileNotFoundError):
            for line in log.read_text(encoding="ascii", errors="replace").splitlines():
                parts = line.split(" ")
                # A line cut short by a crash is skipped: its request was never answered.
                if len(parts) == 3 and parts[2].isdigit() and _NONCE.match(parts[1]):
                    entries.append((parts[0], parts[1], int(parts[2])))
        for keyid, nonce, created in sorted(entries, key=lambda e: e[2]):
            if created >= now - 2 * MAX_SKEW_SECONDS:
                self._seen[(keyid, nonce)] = created
        self._rewrite()

    def _rewrite(self) -> None:
        assert self._log is not None
        if self._fd >= 0:
            os.close(self._fd)
        text = "".join(f"{k} {n} {c}\n" for (k, n), c in self._seen.items())
        write_atomic(self._log, text.encode("ascii"))
        self._fd = os.open(self._log, os.O_WRONLY | os.O_APPEND)
        self._lines = len(self._seen)

    def _append(self, keyid: str, nonce: str, created: int) -> None:
        if self._fd < 0:
            return
        if self._lines >= 2 * max(len(self._seen), 1024):
            self._rewrite()  # already holds the new nonce
            return
        line = f"{keyid} {nonce} {created}\n".encode("ascii")
        os.write(self._fd, line)
        os.fsync(self._fd)
        self._lines += 1

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def add(self, keyid: str, nonce: str, created: int, now: float) -> bool:
        """Record it; False when it was already seen."""
        while self._seen:
            (_key, stamp) = next(iter(self._seen.items()))
            if stamp >= now - 2 * MAX_SKEW_SECONDS and len(self._seen) < self._limit:
                break
            self._seen.popitem(last=False)
        if (keyid, nonce) in self._seen:
            return False
        self._seen[(keyid, nonce)] = created
        self._append(keyid, nonce, created)
        return True


def verify_request(
    method: str,
    path: str,
    headers: Mapping[str, str],
    key_for: Callable[[str], Ed25519PublicKey | None],
    nonces: NonceCache,
    *,
    now: float | None = None,
) -> Signed:
    """Check a request's signature before its body is read; raises SignatureRefused.

    The signature covers the ``Content-Digest`` header, so the caller reads the body (up to its cap)
    and then holds it to ``Signed.digest`` with ``body_matches``.
    """
    now = time.time() if now is None else now
    params_header = headers.get("signature-input", "")
    if not params_header.startswith(f"{LABEL}="):
        raise SignatureRefused("the request is not signed")
    params = params_header[len(LABEL) + 1 :]
    match = _PARAMS.match(params)
    sig_match = _SIGNATURE.match(headers.get("signature", ""))
    digest = headers.get("content-digest", "")
    if match is None or sig_match is None or _DIGEST.match(digest) is None:
        raise SignatureRefused("the request's signature is not in the expected form")
    created, nonce, keyid = int(match.group(1)), match.group(2), match.group(3)
    if abs(now - created) > MAX_SKEW_SECONDS:
        raise SignatureRefused(
            "the request's time is too far from the relay's clock: check the laptop's clock"
        )
    key = key_for(keyid)
    if key is None:
        raise SignatureRefused("this device is not enrolled with the office, or it was retired")
    try:
        key.verify(base64.b64decode(sig_match.group(1)), signature_base(method, path, digest, params))
    except (InvalidSignature, ValueError) as exc:
        raise SignatureRefused("the request's signature does not match the device's key") from exc
    if not nonces.add(keyid, nonce, created, now):
        raise SignatureRefused("this request was already received (a replay)")
    return Signed(keyid, created, nonce, digest)


def signed_sha256(signed: Signed) -> str | None:
    """The body's SHA-256 (hex) as the signed Content-Digest names it, or None if it is not one."""
    prefix = "sha-256=:"
    if not (signed.digest.startswith(prefix) and signed.digest.endswith(":")):
        return None
    try:
        raw = base64.b64decode(signed.digest[len(prefix) : -1], validate=True)
    except ValueError:
        return None
    return raw.hex() if len(raw) == 32 else None


def body_matches(signed: Signed, sha256: bytes) -> bool:
    """True when the body's SHA-256 is the one the signed Content-Digest names."""
    return signed.digest == "sha-256=:" + base64.b64encode(sha256).decode() + ":"
