"""Laptop → relay → office import → receipt → laptop, through a real relay on 127.0.0.1 with TLS."""

from __future__ import annotations

import subprocess

from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.office.central import office_identity
from pace_desktop.sync.laptop import configure, sync, unsent
from pace_desktop.sync.office import office_sync
from tests.exchange.conftest import register


def test_a_laptop_sends_its_bundle_and_gets_its_receipt_back(relay, enrolled, laptop):
    office = enrolled
    register(laptop, 3)
    configure(laptop, relay.url, relay.pin)
    office_sync(office, relay.office_client())  # the relay learns which laptops may send

    sent = sync(laptop)
    assert (sent.sent, sent.exported, sent.confirmed) == (1, sent.exported, 0)
    assert sent.exported > 0 and unsent(laptop) == []
    assert len(relay.mailbox().waiting()) == 1

    imported = office_sync(office, relay.office_client())
    assert [r.verdict for r in imported.results] == ["accepted"]
    assert imported.receipts_posted == 1
    assert relay.mailbox().waiting() == []  # dropped once imported and the receipt posted
    assert office.db.query("SELECT COUNT(*) FROM clients")[0][0] == 3

    back = sync(laptop)
    assert back.sent == 0 and back.receipts == 1
    assert back.confirmed == sent.exported
    assert back.summary() == f"0 bundles sent, {sent.exported:,} records confirmed by the office."
    assert relay.mailbox().mail(laptop.device_id) == []


def test_the_relay_holds_what_the_laptop_wrote_and_no_key_that_opens_it(relay, enrolled, laptop, tmp_path):
    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    sync(laptop)
    [held] = list((relay.folder / "inbox" / laptop.device_id).glob(f"*{SUFFIX}"))
    # Every file the relay keeps is public: no age identity, no private key of any kind.
    for path in relay.folder.rglob("*"):
        if path.is_file() and path.name != "tls.key":
            text = path.read_bytes()
            assert b"AGE-SECRET-KEY" not in text and b"PRIVATE KEY" not in text, path.name
    # Only the office's identity opens it, with the stock age tool.
    identity = tmp_path / "office.key"
    identity.write_text(str(office_identity(enrolled)) + "\n")
    opened = subprocess.run(["age", "-d", "-i", str(identity), str(held)], capture_output=True)
    assert opened.returncode == 0 and opened.stdout[:2] == b"PK"  # the bundle's ZIP container
    identity.unlink()


def test_a_resent_bundle_is_stored_once(relay, enrolled, laptop):
    register(laptop, 1)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    client = relay.laptop_client(laptop)
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.sync.laptop import outbox

    path = export_bundle(laptop, outbox(laptop)).path
    first = client.request("PUT", "/v1/bundles", path.read_bytes())
    again = client.request("PUT", "/v1/bundles", path.read_bytes())
    assert (first.status, again.status) == (201, 200)
    assert again.json()["already_held"] is True
    assert len(relay.mailbox().waiting()) == 1


def test_office_erasure_reaches_the_laptop_as_a_notice(relay, enrolled, laptop):
    from pace_desktop.privacy.erasure import erase

    _event, [client] = register(laptop, 1)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    sync(laptop)
    office_sync(enrolled, relay.office_client())
    erase(enrolled, client.pace_id, "The person asked for erasure by letter.")
    posted = office_sync(enrolled, relay.office_client())
    assert posted.notices_posted == 1
    result = sync(laptop)
    assert result.notices == 1
    assert laptop.db.query("SELECT COUNT(*) FROM clients WHERE id = ?", (str(client.id),))[0][0] == 0
