"""Receipts: the office signs, the laptop checks and confirms; purge follows retention."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.export import export_bundle, export_history
from pace_desktop.exchange.purge import purge
from pace_desktop.exchange.receipt import apply_receipt, make_receipt
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from tests.exchange.conftest import register, table_counts


def confirmed(store):
    return store.db.query("SELECT id, version, confirmed_version, confirmed_at FROM clients ORDER BY id")


@pytest.fixture
def receipt_for(enrolled, laptop, outbox):
    """Register two people, export, import; returns (clients, receipt path)."""
    _, clients = register(laptop, 2)
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    return clients, result.receipt_path


def test_a_receipt_marks_every_listed_record_confirmed(laptop, receipt_for):
    clients, path = receipt_for
    result = apply_receipt(laptop, path)
    assert (result.listed, result.confirmed, result.sequence) == (9, 9, 1)
    assert all(r[2] == r[1] and r[3] for r in confirmed(laptop))
    assert export_history(laptop)[0].receipt_at is not None
    assert "9 of 9 records newly confirmed" in result.summary()
    again = apply_receipt(laptop, path)  # applying twice is harmless
    assert again.confirmed == 0
    action, detail = laptop.db.query(
        "SELECT action, detail FROM audit WHERE action = 'receipt' ORDER BY seq DESC LIMIT 1"
    )[0]
    assert detail == "sequence=1,listed=9,confirmed=0"


def _edit(path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["records"]["client"][0].__setitem__(1, 7),  # claims a newer version
        lambda d: d.__setitem__("sequence", 2),
        lambda d: d.__setitem__("issued_at", "2030-01-01T00:00:00+00:00"),
        lambda d: d.__setitem__("signature", d["signature"][:-4] + "AAA="),
        lambda d: d["records"].__setitem__("client", []),
    ],
)
def test_a_receipt_with_a_bad_signature_is_refused_and_marks_nothing(laptop, receipt_for, tamper):
    _, path = receipt_for
    _edit(path, tamper)
    with pytest.raises(RefusedError, match="signature does not match") as err:
        apply_receipt(laptop, path)
    assert err.value.exit_code == 3 and "\n" not in str(err.value)
    assert all(r[2] == 0 for r in confirmed(laptop))


def test_a_receipt_signed_by_another_office_is_refused(laptop, receipt_for, other_office_template):
    from pace_desktop.office.central import open_central
    from tests.conftest import PASSPHRASE

    _, path = receipt_for
    doc = json.loads(path.read_text())
    with open_central(other_office_template.central, PASSPHRASE) as other:
        forged = make_receipt(
            signing_key=other.signing_key(),
            office_id=doc["office_id"],
            bundle_id=doc["bundle_id"],
            device_id=doc["device_id"],
            sequence=doc["sequence"],
            verdict=doc["verdict"],
            records={e: [tuple(p) for p in v] for e, v in doc["records"].items()},
            issued_at=datetime.now(UTC),
        )
    path.write_bytes(forged)
    with pytest.raises(RefusedError, match="signature does not match"):
        apply_receipt(laptop, path)
    assert all(r[2] == 0 for r in confirmed(laptop))


def test_a_receipt_for_another_laptop_is_refused(enrolled, laptop, laptop2, receipt_for, outbox):
    enrol_device(enrolled, laptop2.device_key().text())
    register(laptop2, 1)
    other = import_bundle(enrolled, export_bundle(laptop2, outbox).path).receipt_path
    with pytest.raises(RefusedError, match="another laptop") as err:
        apply_receipt(laptop, other)
    assert laptop2.device_id in str(err.value) and err.value.exit_code == 3
    assert all(r[2] == 0 for r in confirmed(laptop))


def test_a_newer_or_foreign_file_is_refused_by_name(laptop, receipt_for, tmp_path):
    _, path = receipt_for
    _edit(path, lambda d: d.__setitem__("format_version", 3))
    with pytest.raises(RefusedError, match="newer PACE Intake"):
        apply_receipt(laptop, path)
    junk = tmp_path / "junk.pacereceipt"
    junk.write_bytes(b"\x00garbage")
    with pytest.raises(RefusedError, match="not a PACE receipt"):
        apply_receipt(laptop, junk)


def test_a_laptop_without_the_office_receipt_key_says_what_to_do(laptop, receipt_for):
    _, path = receipt_for
    laptop.db.execute("DELETE FROM settings WHERE key = 'office_verify_key'")
    with pytest.raises(UsageError, match="office.pub"):
        apply_receipt(laptop, path)


def test_purge_after_retention_removes_the_people_and_keeps_a_counts_only_audit(laptop, receipt_for):
    clients, path = receipt_for
    now = datetime.now(UTC)
    apply_receipt(laptop, path, now=now)
    # A pre-upgrade copy beside the store (as migrate names them) holds these people too.
    backup = laptop.path.with_name(laptop.path.name + ".v6-20261101T090000Z.bak")
    backup.write_bytes(laptop.path.read_bytes())
    assert purge(laptop, now=now + timedelta(days=29)).total == 0
    assert laptop.clients.count() == 2 and backup.exists()  # nothing purged: nothing to wipe
    result = purge(laptop, now=now + timedelta(days=31))
    assert not backup.exists()
    assert result.counts == {"client": 2, "consent": 4, "checklist": 2, "event": 1}  # event is past
    counts = table_counts(laptop)
    assert counts["clients"] == counts["consents"] == counts["checklists"] == 0
    (detail,) = [r[0] for r in laptop.db.query("SELECT detail FROM audit WHERE action = 'purge'")]
    assert detail == "checklist=2,client=2,consent=4,event=1"
    dump = " ".join(str(r) for r in laptop.db.query("SELECT * FROM audit"))
    for client in clients:
        for value in (client.first_name, client.last_name, client.pace_id, client.ni_number):
            if value:
                assert value not in dump
    assert laptop.verify_audit().ok


def test_purge_keeps_anything_changed_since_it_was_confirmed(laptop, receipt_for):
    clients, path = receipt_for
    now = datetime.now(UTC)
    apply_receipt(laptop, path, now=now)
    laptop.clients.update(clients[0].model_copy(update={"job_title": "Changed later"}))
    from pace_desktop.records.models import Feedback

    laptop.feedback.add(Feedback(client_id=clients[1].id, rating=5))
    assert purge(laptop, now=now + timedelta(days=60)).total == 0
    assert laptop.clients.count() == 2


def test_apply_receipt_purges_what_is_already_past_retention(laptop, receipt_for):
    _, path = receipt_for
    laptop.set_settings({"retention_days": "0"})
    result = apply_receipt(laptop, path)
    assert result.purge.counts["client"] == 2 and laptop.clients.count() == 0
    assert "past the retention period removed" in result.summary()
