"""Faults on the wire and at the relay: connections cut mid-upload, the relay killed mid-write, and
twenty laptops sending at once. Nothing acknowledged is lost; nothing is stored twice or half."""

from __future__ import annotations

import random
import socket
import ssl
import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.office.central import require_office
from pace_desktop.sync import httpsig
from pace_desktop.sync.laptop import configure, sync, unsent
from pace_desktop.sync.mailbox import device_list_document
from pace_desktop.sync.office import office_sync
from pace_desktop.sync.transport import RelayClient
from tests.exchange.conftest import register


def cut_upload(relay, key, device_id: str, body: bytes, cut_at: int) -> None:
    """Send a signed upload but close the connection after ``cut_at`` bytes of the body."""
    headers = httpsig.sign_request(key, device_id, "PUT", "/v1/bundles", body)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", relay.port), timeout=10) as raw,
        context.wrap_socket(raw) as tls,
    ):
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        start = f"PUT /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n{head}\r\n"
        tls.sendall(start.encode() + body[:cut_at])


def stored_files(relay) -> list[str]:
    """Files under the relay's inbox/ (folder storage) and spool/ (where uploads arrive for PostgreSQL)."""
    found = [*(relay.folder / "inbox").rglob("*"), *(relay.folder / "spool").rglob("*")]
    return sorted(p.name for p in found if p.is_file())


def test_a_connection_cut_at_any_point_stores_nothing_and_a_resend_works(relay, enrolled, laptop):
    register(laptop, 3)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.sync.laptop import outbox

    body = export_bundle(laptop, outbox(laptop)).path.read_bytes()
    rng = random.Random(19)
    for cut_at in sorted({0, 1, len(body) - 1, *(rng.randrange(len(body)) for _ in range(8))}):
        cut_upload(relay, laptop.signing_key(), laptop.device_id, body, cut_at)
    # The relay notices each disconnect; give it a moment by making one more (complete) request.
    assert relay.laptop_client(laptop).request("GET", "/v1/mail").status == 200
    assert [n for n in stored_files(relay) if n.endswith(SUFFIX)] == []
    assert sync(laptop).sent == 1
    assert len([n for n in stored_files(relay) if n.endswith(SUFFIX)]) == 1
    assert [n for n in stored_files(relay) if n.startswith(".")] == []


def test_a_relay_killed_mid_write_loses_no_acknowledged_bundle(relay, enrolled, laptop):
    office_sync(enrolled, relay.office_client())
    key, device = laptop.signing_key(), laptop.device_id
    acknowledged = []
    rng = random.Random(7)
    for round_ in range(6):
        client = relay.laptop_client(laptop)
        for i in range(3):
            body = rng.randbytes(200_000) + f"{round_}-{i}".encode()
            if client.request("PUT", "/v1/bundles", body).status == 201:
                acknowledged.append(body)
        # A large upload in flight, then kill -9 while it is being written.
        cut_upload(relay, key, device, rng.randbytes(3_000_000), 2_000_000)
        relay.kill()
        relay.start()
    held = relay.mailbox().waiting(device)
    import hashlib

    assert sorted(w.sha256 for w in held) == sorted(hashlib.sha256(b).hexdigest() for b in acknowledged)
    assert [n for n in stored_files(relay) if n.startswith(".")] == []  # temp files gone at start


def test_twenty_laptops_sending_at_once_each_get_everything_stored_once(relay, enrolled):
    keys = {f"LT{n:06d}": Ed25519PrivateKey.generate() for n in range(20)}
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    central = require_office(enrolled)
    listed = [
        (d, k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), False) for d, k in keys.items()
    ]
    document = device_list_document(listed, office_id=central.device_id, signing_key=central.signing_key())
    assert relay.office_client().request("PUT", "/v1/office/devices", document).status == 200

    bodies = {d: [f"{d}-{i}".encode() * 5000 for i in range(4)] for d in keys}
    failures: list[str] = []

    def laptop(device: str) -> None:
        client = RelayClient(relay.url, relay.pin, device_id=device, device_key=keys[device])
        for body in bodies[device] + bodies[device][:1]:  # the first one sent twice
            status = client.request("PUT", "/v1/bundles", body).status
            if status not in (200, 201):
                failures.append(f"{device}: {status}")

    threads = [threading.Thread(target=laptop, args=(d,)) for d in keys]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    waiting = relay.mailbox().waiting()
    assert len(waiting) == 20 * 4
    assert {w.device_id for w in waiting} == set(keys)


def test_a_laptop_that_missed_the_acknowledgement_resends_and_nothing_is_doubled(relay, enrolled, laptop):
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.sync.laptop import outbox

    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    path = export_bundle(laptop, outbox(laptop)).path
    # The relay stored it, but the connection dropped before the laptop heard so: the file stays queued.
    assert relay.laptop_client(laptop).request("PUT", "/v1/bundles", path.read_bytes()).status == 201
    assert unsent(laptop) == [path]
    assert sync(laptop).sent == 1  # sent again; the relay answers "already held"
    assert unsent(laptop) == [] and len(relay.mailbox().waiting()) == 1
    result = office_sync(enrolled, relay.office_client())
    assert [r.verdict for r in result.results] == ["accepted"]
    assert enrolled.db.query("SELECT COUNT(*) FROM clients")[0][0] == 2
