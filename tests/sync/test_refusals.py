"""What the relay and the laptop refuse: forged, replayed, retired, tampered, oversized requests, and
a relay that shows the wrong certificate. Each against the real relay on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pace_desktop.errors import RefusedError
from pace_desktop.office.devices import retire_device
from pace_desktop.sync import httpsig
from pace_desktop.sync.laptop import configure, outbox, sync, unsent
from pace_desktop.sync.office import office_sync
from pace_desktop.sync.transport import Offline, RelayClient, WrongCertificate
from tests.exchange.conftest import register
from tests.sync.conftest import free_port, make_relay_folder


def raw_request(relay, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", relay.port, context=context, timeout=10)
    try:
        conn.request(method, path, body=body, headers={"Content-Length": str(len(body)), **headers})
        reply = conn.getresponse()
        return reply.status, json.loads(reply.read() or b"{}").get("message", "")
    finally:
        conn.close()


@pytest.fixture
def ready(relay, enrolled, laptop):
    """The relay knows the enrolled laptop."""
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    return relay


def test_an_unenrolled_laptop_is_refused_and_keeps_its_bundle(relay, office, laptop):
    register(laptop, 1)
    configure(laptop, relay.url, relay.pin)
    office_sync(office, relay.office_client())  # nobody enrolled
    with pytest.raises(RefusedError, match="not enrolled with the office, or it was retired"):
        sync(laptop)
    assert len(unsent(laptop)) == 1 and relay.mailbox().waiting() == []


def test_a_retired_laptop_is_refused(ready, enrolled, laptop):
    retire_device(enrolled, laptop.device_id)
    office_sync(enrolled, ready.office_client())
    register(laptop, 1)
    with pytest.raises(RefusedError, match="or it was retired"):
        sync(laptop)
    assert ready.mailbox().waiting() == []


def test_a_request_signed_with_another_key_is_refused(ready, laptop):
    forger = RelayClient(
        ready.url, ready.pin, device_id=laptop.device_id, device_key=Ed25519PrivateKey.generate()
    )
    reply = forger.request("PUT", "/v1/bundles", b"age-encryption.org/v1 forged")
    assert reply.status == 401 and "does not match the device's key" in reply.message()
    assert ready.mailbox().waiting() == []


def test_a_replayed_request_is_refused(ready, laptop):
    body = b"an opaque bundle"
    headers = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body)
    assert raw_request(ready, "PUT", "/v1/bundles", body, headers)[0] == 201
    status, message = raw_request(ready, "PUT", "/v1/bundles", body, headers)
    assert (status, message) == (401, "this request was already received (a replay)")


def test_a_request_from_a_wrong_clock_is_refused(ready, laptop):
    body = b"an opaque bundle"
    headers = httpsig.sign_request(
        laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body, now=time.time() - 3600
    )
    status, message = raw_request(ready, "PUT", "/v1/bundles", body, headers)
    assert status == 401 and "check the laptop's clock" in message


def test_a_body_changed_in_transit_is_not_stored(ready, laptop):
    headers = httpsig.sign_request(
        laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", b"signed body"
    )
    status, message = raw_request(ready, "PUT", "/v1/bundles", b"other body!", headers)
    assert status == 400 and "does not match its signed digest" in message
    assert ready.mailbox().waiting() == []
    assert list((ready.folder / "inbox").rglob(".*.part")) == []


def test_a_path_the_signature_does_not_cover_is_refused(ready, laptop):
    # Signed for the mail listing, sent to the bundle upload: the path is part of what is signed.
    headers = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/mail", b"x")
    assert raw_request(ready, "PUT", "/v1/bundles", b"x", headers)[0] == 401


def test_an_oversized_bundle_is_refused_before_it_is_read(tmp_path, office_template, enrolled, laptop):
    from tests.sync.conftest import RelayServer

    folder = tmp_path / "small-relay"
    pin, token = make_relay_folder(folder, office_template.pub, max_bundle_bytes=1024)
    server = RelayServer(folder, free_port(), pin, token)
    server.start()
    try:
        office_sync(enrolled, server.office_client())
        body = b"x" * 4096
        headers = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body)
        # Send the headers only: the relay must answer 413 from the Content-Length alone.
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        with (
            socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw,
            context.wrap_socket(raw) as tls,
        ):
            head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            tls.sendall(
                f"PUT /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n{head}\r\n".encode()
            )
            answer = tls.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 413")
        assert server.mailbox().waiting() == []
    finally:
        server.stop()


def test_office_routes_need_a_staff_token(ready):
    wrong = RelayClient(ready.url, ready.pin, token="pace_not-a-real-token")
    assert wrong.request("GET", "/v1/office/bundles").status == 401
    assert RelayClient(ready.url, ready.pin).request("GET", "/v1/office/bundles").status == 401


def test_a_device_list_not_signed_by_the_office_is_refused(ready, laptop):
    from pace_desktop.sync.mailbox import device_list_document

    forged = device_list_document(
        [(laptop.device_id, b"\x01" * 32, False)],
        office_id="OFFAKE01",
        signing_key=Ed25519PrivateKey.generate(),
    )
    reply = ready.office_client().request("PUT", "/v1/office/devices", forged)
    assert reply.status == 400 and "not one this office signed" in reply.message()


def test_a_relay_showing_another_certificate_gets_nothing(tmp_path, office_template, ready, laptop):
    from pace_desktop.sync.tls import make_certificate

    register(laptop, 1)
    other_pin = make_certificate(tmp_path / "other.crt", tmp_path / "other.key", ["127.0.0.1"])
    assert other_pin != ready.pin
    configure(laptop, ready.url, other_pin)  # the laptop expects a different certificate
    with pytest.raises(WrongCertificate, match="did not show the office's certificate"):
        sync(laptop)
    assert len(unsent(laptop)) == 1 and ready.mailbox().waiting() == []


def test_offline_leaves_everything_queued_and_says_so_in_one_line(relay, laptop):
    register(laptop, 2)
    configure(laptop, f"https://127.0.0.1:{free_port()}", relay.pin)  # nothing listens there
    with pytest.raises(Offline) as raised:
        sync(laptop)
    assert "\n" not in str(raised.value) and "stays queued" in str(raised.value)
    assert len(unsent(laptop)) == 1
    assert raised.value.exit_code == 4
    assert (outbox(laptop)).is_dir()
