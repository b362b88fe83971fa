"""The relay's storage under pressure, against the real relay on 127.0.0.1: a laptop's quota holds when
two of its uploads race, and a restart does not reopen the replay window."""

from __future__ import annotations

import socket
import ssl

import pytest

from pace_desktop.sync import httpsig
from pace_desktop.sync.laptop import configure
from pace_desktop.sync.office import office_sync
from tests.sync.conftest import RelayServer, started_relay
from tests.sync.test_refusals import raw_request


def _tls(relay: RelayServer) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    raw = socket.create_connection(("127.0.0.1", relay.port), timeout=20)
    return context.wrap_socket(raw)


def _read_head(sock: ssl.SSLSocket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _start_upload(relay: RelayServer, store, body: bytes) -> ssl.SSLSocket:
    """Headers sent, body held back until the relay says 100 Continue — which it does only once
    this request has passed its quota check."""
    signed = httpsig.sign_request(store.signing_key(), store.device_id, "PUT", "/v1/bundles", body)
    head = f"PUT /v1/bundles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
    head += "Expect: 100-continue\r\n" + "".join(f"{k}: {v}\r\n" for k, v in signed.items()) + "\r\n"
    sock = _tls(relay)
    sock.sendall(head.encode())
    answer = _read_head(sock)
    assert answer.startswith(b"HTTP/1.1 100"), answer[:40]
    return sock


def _finish_upload(sock: ssl.SSLSocket, body: bytes) -> int:
    with sock:
        sock.sendall(body)
        return int(_read_head(sock).split(b" ", 2)[1])


@pytest.fixture
def tight_relay(tmp_path, office_template, enrolled, laptop):
    """A relay that lets each laptop leave one bundle waiting, and knows the enrolled laptop."""
    server = started_relay(tmp_path / "tight-relay", office_template.pub, quota_bundles=1)
    configure(laptop, server.url, server.pin)
    office_sync(enrolled, server.office_client())
    yield server
    server.stop()


def test_two_racing_uploads_from_one_laptop_cannot_pass_its_quota(tight_relay, laptop):
    first, second = b"an opaque bundle, the first" * 100, b"an opaque bundle, the second" * 100
    # Both requests are past the relay's early quota check before either body arrives.
    one = _start_upload(tight_relay, laptop, first)
    two = _start_upload(tight_relay, laptop, second)
    statuses = sorted([_finish_upload(one, first), _finish_upload(two, second)])
    assert statuses == [201, 507]
    assert len(tight_relay.mailbox().waiting(laptop.device_id)) == 1
    assert list((tight_relay.folder / "inbox").rglob(".*.part")) == []


def test_a_request_replayed_after_a_relay_restart_is_refused(relay, enrolled, laptop):
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    body = b"an opaque bundle"
    captured = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body)
    assert raw_request(relay, "PUT", "/v1/bundles", body, captured)[0] == 201
    relay.office_client().request(
        "DELETE", "/v1/office/bundles/" + laptop.device_id + "/" + (relay.mailbox().waiting()[0].sha256)
    )
    relay.stop()
    relay.start()
    status, message = raw_request(relay, "PUT", "/v1/bundles", body, captured)
    assert (status, message) == (401, "this request was already received (a replay)")
    assert relay.mailbox().waiting() == []
    # A fresh request from the same laptop still goes through.
    fresh = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body)
    assert raw_request(relay, "PUT", "/v1/bundles", body, fresh)[0] == 201


def test_a_killed_relay_still_remembers_the_nonces_it_answered(relay, enrolled, laptop):
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    captured = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "GET", "/v1/mail", b"")
    assert raw_request(relay, "GET", "/v1/mail", b"", captured)[0] == 200
    relay.kill()  # no clean shutdown: the nonce was fsync'd before the answer went out
    relay.start()
    assert raw_request(relay, "GET", "/v1/mail", b"", captured) == (
        401,
        "this request was already received (a replay)",
    )


def test_the_nonces_log_keeps_only_the_window(tmp_path):
    log = tmp_path / "nonces.log"
    cache = httpsig.NonceCache(log=log, now=10_000)
    assert cache.add("LT7K3Q9M", "a" * 24, 10_000, 10_000)
    assert cache.add("LT7K3Q9M", "b" * 24, 10_100, 10_100)
    cache.close()
    log.write_bytes(log.read_bytes() + b"LT7K3Q9M cut-short")  # a line a crash cut off
    later = httpsig.NonceCache(log=log, now=10_000 + 2 * httpsig.MAX_SKEW_SECONDS + 50)
    assert not later.add("LT7K3Q9M", "b" * 24, 10_100, 10_700)  # still inside the window
    assert later.add("LT7K3Q9M", "a" * 24, 10_000, 10_700)  # pruned: outside it, and refused on time anyway
    later.close()
    assert "cut-short" not in log.read_text()
