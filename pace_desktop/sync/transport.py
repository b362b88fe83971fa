"""HTTPS to the relay with the certificate pinned, and each request signed or carrying a staff token.

The TLS handshake completes, then the relay's certificate is compared with the pin before a single
byte of the request is sent; any other certificate closes the connection. Certificate chains and host
names are not consulted: the pin is stricter than both.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.client
import json
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pace_desktop.errors import PaceError, RefusedError
from pace_desktop.office_pub import parse_relay_pin as parse_pin
from pace_desktop.office_pub import parse_relay_url as parse_url
from pace_desktop.sync import httpsig

TIMEOUT_SECONDS = 30


class Offline(PaceError):
    """The relay could not be reached: nothing was lost, everything stays queued (exit 4, try later)."""

    exit_code = 4


class Cancelled(Offline):
    """The sync was stopped (the laptop is locking): nothing was lost, everything stays queued."""


class WrongCertificate(RefusedError):
    pass


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def message(self) -> str:
        try:
            return str(self.json().get("message", ""))
        except (ValueError, AttributeError):
            return ""


class RelayClient:
    """One relay, as a laptop (``device_key`` + ``device_id``) or as office staff (``token``)."""

    def __init__(
        self,
        url: str,
        pin: str,
        *,
        device_id: str | None = None,
        device_key: Ed25519PrivateKey | None = None,
        token: str | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.host, self.port = parse_url(url)
        self.url = url
        self.pin = parse_pin(pin)
        self.device_id, self.device_key, self.token = device_id, device_key, token
        self.timeout = timeout
        self._cancelled = threading.Event()
        self._open: http.client.HTTPSConnection | None = None
        self._context = ssl.create_default_context()
        self._context.check_hostname = False
        self._context.verify_mode = ssl.CERT_NONE  # the pin below is the check, and a stricter one

    def cancel(self) -> None:
        """Stop at once, from any thread: the request under way fails (its socket is shut), and no
        other starts. Safe at any point of a sync: what was not acknowledged is simply sent again."""
        self._cancelled.set()
        conn = self._open
        sock = conn.sock if conn is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled("Sending to the office stopped: everything not confirmed stays queued.")

    def _connect(self) -> http.client.HTTPSConnection:
        self._check_cancelled()
        conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=self._context)
        self._open = conn
        try:
            self._check_cancelled()
            conn.connect()
        except (TimeoutError, OSError) as exc:
            conn.close()
            self._check_cancelled()
            raise Offline(
                f"No connection to the office relay at {self.host}: everything stays queued for the next try."
            ) from exc
        der = conn.sock.getpeercert(binary_form=True) if conn.sock is not None else None
        if der is None or not hmac.compare_digest(hashlib.sha256(der).hexdigest(), self.pin):
            conn.close()
            raise WrongCertificate(
                f"The relay at {self.host} did not show the office's certificate, so nothing was sent: "
                "the network may be intercepting the connection. Tell the office."
            )
        return conn

    def request(self, method: str, path: str, body: bytes = b"") -> Response:
        headers = {"Content-Length": str(len(body))}
        if self.device_key is not None and self.device_id is not None:
            headers |= httpsig.sign_request(self.device_key, self.device_id, method, path, body)
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        conn = self._connect()
        try:
            conn.request(method, path, body=body, headers=headers)
            reply = conn.getresponse()
            response = Response(reply.status, reply.read())
            # A socket shut by cancel() can look like the end of a reply (an empty line ends the
            # headers): once cancelled, no reply counts, so nothing is taken as acknowledged.
            self._check_cancelled()
            return response
        except (OSError, http.client.HTTPException) as exc:
            self._check_cancelled()
            raise Offline(
                f"The connection to the office relay at {self.host} was lost: everything not "
                "confirmed stays queued for the next try."
            ) from exc
        finally:
            self._open = None
            conn.close()

    def expect(self, response: Response, *ok: int) -> Response:
        """The response when its status is one of ``ok``; else one plain line from the relay's reply."""
        if response.status in ok:
            return response
        reason = response.message() or f"status {response.status}"
        raise RefusedError(f"The office relay refused the request: {reason}.")
