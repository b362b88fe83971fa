"""The office relay: an ASGI app (served by uvicorn behind TLS) that is a mailbox, not a decryptor.

Laptops sign every request with their Ed25519 device key (``httpsig``); office staff present their own
access token. Routes (``docs/sync.md`` has the whole protocol):

=======  ==================================  ======  =====================================================
who      route                               method  does
=======  ==================================  ======  =====================================================
laptop   /v1/bundles                         PUT     store one bundle (201 new, 200 already held)
laptop   /v1/mail                            GET     list receipts and notices waiting for this laptop
laptop   /v1/mail/{name}                     GET     fetch one
laptop   /v1/mail/{name}                     DELETE  the laptop has applied it
office   /v1/office/devices                  PUT     the office's signed list of enrolled/retired laptops
office   /v1/office/bundles                  GET     list waiting bundles
office   /v1/office/bundles/{device}/{sha}   GET     fetch one
office   /v1/office/bundles/{device}/{sha}   DELETE  imported (or refused for good): drop it
office   /v1/office/mail/{device}/{name}     PUT     a signed receipt or notice for a laptop
=======  ==================================  ======  =====================================================

An upload is acknowledged only after it is durably stored: renamed and fsync'd in the folder, or its
INSERT committed in the central PostgreSQL (``mailbox.RelayStorage``, chosen at start-up). A body larger
than the cap is refused from its Content-Length before any of it is read.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from pace_desktop.errors import PaceError, StoreError, UsageError
from pace_desktop.sync import httpsig
from pace_desktop.sync.mailbox import MAX_DEVICE_LIST_BYTES, MAX_MAIL_BYTES, Mailbox, OverQuota, TooLarge

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


NONCES_LOG = "nonces.log"  # replay protection that survives a restart
OVER_QUOTA = "this laptop has too many bundles waiting at the relay: the office must import them first"


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def _send(send: Send, status: int, body: bytes, content_type: str = "application/json") -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _json(send: Send, status: int, doc: dict[str, Any]) -> None:
    await _send(send, status, (json.dumps(doc, sort_keys=True) + "\n").encode())


class Relay:
    def __init__(self, root: Path | str, storage: str | None = None) -> None:
        self.mailbox = Mailbox(root, storage)
        self.nonces = httpsig.NonceCache(log=self.mailbox.root / NONCES_LOG)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        try:
            await self._route(scope, receive, send)
        except HttpError as exc:
            await _json(send, exc.status, {"message": exc.message})
        except StoreError as exc:  # the relay's database did not answer: nothing was stored
            await _json(send, 503, {"message": str(exc)})
        except PaceError as exc:
            await _json(send, 400, {"message": str(exc)})

    # -- plumbing -------------------------------------------------------------------------------

    @staticmethod
    def _headers(scope: Scope) -> dict[str, str]:
        return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

    @staticmethod
    def _length(headers: dict[str, str], cap: int) -> int:
        raw = headers.get("content-length")
        if raw is None or not raw.isdigit():
            raise HttpError(411, "send the body with a Content-Length")
        if int(raw) > cap:
            raise HttpError(413, f"too large: the relay takes at most {cap // 2**20} MB")
        return int(raw)

    @staticmethod
    async def _body(receive: Receive, cap: int) -> bytes:
        parts, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise HttpError(400, "the connection closed before the whole body arrived")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise HttpError(413, "too large")
            parts.append(chunk)
            if not message.get("more_body"):
                return b"".join(parts)

    def _device(self, scope: Scope, headers: dict[str, str]) -> httpsig.Signed:
        try:
            return httpsig.verify_request(
                scope["method"], scope["path"], headers, self.mailbox.device_key, self.nonces
            )
        except httpsig.SignatureRefused as exc:
            raise HttpError(401, str(exc)) from exc

    def _staff(self, headers: dict[str, str]) -> str:
        auth = headers.get("authorization", "")
        name = self.mailbox.staff_for(auth[7:]) if auth.startswith("Bearer ") else None
        if name is None:
            raise HttpError(401, "office staff must present their own access token")
        return name

    # -- routes ---------------------------------------------------------------------------------

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        method, parts = scope["method"], [p for p in scope["path"].split("/") if p]
        headers = self._headers(scope)
        if parts[:1] != ["v1"]:
            raise HttpError(404, "no such route")
        parts = parts[1:]
        if parts[:1] == ["office"]:
            self._staff(headers)
            await self._office(method, parts[1:], headers, receive, send)
            return
        if parts == ["bundles"] and method == "PUT":
            await self._put_bundle(scope, headers, receive, send)
            return
        if parts[:1] == ["mail"] and len(parts) <= 2:
            signed = self._device(scope, headers)
            await self._mail(method, signed.keyid, parts[1] if len(parts) == 2 else None, send)
            return
        raise HttpError(404, "no such route")

    async def _put_bundle(self, scope: Scope, headers: dict[str, str], receive: Receive, send: Send) -> None:
        self._length(headers, self.mailbox.config.max_bundle_bytes)
        signed = self._device(scope, headers)  # before a byte of the body is read
        # A bundle is named by its SHA-256, which the signed Content-Digest gives before the body:
        # one the relay already holds for this laptop (its acknowledgement was lost) is acknowledged
        # again unread, even when the laptop's quota is full.
        sha256 = httpsig.signed_sha256(signed)
        if sha256 is not None and any(w.sha256 == sha256 for w in self.mailbox.waiting(signed.keyid)):
            await _json(send, 200, {"sha256": sha256, "already_held": True})
            return
        # An early refusal from Content-Length; keep_bundle checks again, under the laptop's lock,
        # as it stores the bundle, so concurrent uploads cannot both slip past the quota.
        count_left, bytes_left = self.mailbox.quota_left(signed.keyid)
        if count_left <= 0 or bytes_left < int(headers["content-length"]):
            raise HttpError(507, OVER_QUOTA)
        upload = self.mailbox.start_bundle(signed.keyid)
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    upload.abort()
                    return
                upload.write(message.get("body", b""))
                if not message.get("more_body"):
                    break
            if not httpsig.body_matches(signed, upload.hash.digest()):
                upload.abort()
                raise HttpError(400, "the body does not match its signed digest: nothing was stored")
            sha256, already = self.mailbox.keep_bundle(signed.keyid, upload)
        except TooLarge as exc:
            raise HttpError(413, "too large") from exc
        except OverQuota as exc:
            raise HttpError(507, OVER_QUOTA) from exc
        except BaseException:
            upload.abort()
            raise
        await _json(send, 200 if already else 201, {"sha256": sha256, "already_held": already})

    async def _mail(self, method: str, device: str, name: str | None, send: Send) -> None:
        if name is None and method == "GET":
            await _json(send, 200, {"files": [{"name": n, "size": s} for n, s in self.mailbox.mail(device)]})
            return
        if name is not None and method == "GET":
            data = self.mailbox.mail_file(device, name)
            if data is None:
                raise HttpError(404, "no such file")
            await _send(send, 200, data, "application/octet-stream")
            return
        if name is not None and method == "DELETE":
            self.mailbox.remove_mail(device, name)
            await _send(send, 204, b"")
            return
        raise HttpError(405, "method not allowed")

    async def _office(
        self, method: str, parts: list[str], headers: dict[str, str], receive: Receive, send: Send
    ) -> None:
        box = self.mailbox
        if parts == ["devices"] and method == "PUT":
            self._length(headers, MAX_DEVICE_LIST_BYTES)
            active = box.set_devices(await self._body(receive, MAX_DEVICE_LIST_BYTES))
            await _json(send, 200, {"active_devices": active})
        elif parts == ["bundles"] and method == "GET":
            await _json(
                send,
                200,
                {
                    "bundles": [
                        {"device_id": w.device_id, "sha256": w.sha256, "size": w.size} for w in box.waiting()
                    ]
                },
            )
        elif len(parts) == 3 and parts[0] == "bundles" and method == "GET":
            data = box.bundle(parts[1], parts[2])
            if data is None:
                raise HttpError(404, "no such bundle")
            await _send(send, 200, data, "application/octet-stream")
        elif len(parts) == 3 and parts[0] == "bundles" and method == "DELETE":
            box.remove_bundle(parts[1], parts[2])
            await _send(send, 204, b"")
        elif len(parts) == 3 and parts[0] == "mail" and method == "PUT":
            self._length(headers, MAX_MAIL_BYTES)
            box.post_mail(parts[1], parts[2], await self._body(receive, MAX_MAIL_BYTES))
            await _json(send, 201, {"stored": parts[2]})
        else:
            raise HttpError(404, "no such route")


def serve(
    root: Path | str, *, host: str, port: int, certfile: Path, keyfile: Path, storage: str | None = None
) -> None:
    """Run the relay in this process until stopped (one worker: the mailbox is one folder).
    ``storage``: a ``postgresql://`` address to keep the waiting files in the central database."""
    try:
        import uvicorn
    except ImportError:
        raise UsageError(
            "This build of PACE Intake does not include the relay server: run office serve "
            "from a pip installation on the server (docs/sync.md)."
        ) from None

    relay = Relay(root, storage)  # refuses a bad folder or database before the port opens
    uvicorn.run(
        relay,
        host=host,
        port=port,
        ssl_certfile=str(certfile),
        ssl_keyfile=str(keyfile),
        workers=1,
        log_level="warning",
        server_header=False,
        date_header=False,
    )
