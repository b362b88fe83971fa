"""Laptop export: everything new since the last, filtered by consent, marked once on disk."""

from __future__ import annotations

import pyrage
import pytest

from pace_desktop.errors import DiskFull, UsageError
from pace_desktop.exchange import bundle, export
from pace_desktop.exchange.export import NoOfficeKey, export_bundle, export_history, pending_count
from tests.exchange.conftest import register, unzip


def open_as_office(office_template, path):
    """Decrypt a bundle the way the office does (the test holds the office identity)."""
    from pace_desktop.office.central import office_identity, open_central
    from tests.conftest import PASSPHRASE

    with open_central(office_template.central, PASSPHRASE) as office:
        identity = office_identity(office)
    return unzip(pyrage.decrypt(path.read_bytes(), [identity]))


def ids_in(parts, entity):
    import json

    data = parts[bundle.part_name(entity)]
    return [json.loads(line)["id"] for line in data.decode().splitlines()]


def test_export_writes_one_named_bundle_and_marks_records_exported(laptop, outbox, office_template):
    event, clients = register(laptop, 3)
    seen = []
    result = export_bundle(laptop, outbox, progress=lambda done, total: seen.append((done, total)))
    assert result.path.parent == outbox and list(outbox.iterdir()) == [result.path]
    assert result.path.name.startswith(f"PACE-{laptop.device_id}-000001-")
    assert result.path.suffix == ".pacebundle"
    assert result.counts == {
        "employer": 0,
        "event": 1,
        "client": 3,
        "consent": 6,
        "checklist": 3,
        "intervention": 0,
        "outcome": 0,
        "feedback": 0,
        "tombstone": 0,
    }
    assert seen[-1][0] == seen[-1][1] == 13
    assert pending_count(laptop) == 0
    assert laptop.int_setting("export_sequence") == 1
    assert export_history(laptop)[0].file_name == result.path.name
    parts = open_as_office(office_template, result.path)
    assert sorted(ids_in(parts, "client")) == sorted(str(c.id) for c in clients)
    # Nothing new: no file, no sequence bump.
    again = export_bundle(laptop, outbox)
    assert again.path is None and again.summary().startswith("Nothing new")
    assert laptop.int_setting("export_sequence") == 1


def test_the_laptop_cannot_read_its_own_bundle(laptop, outbox):
    _, (client,) = register(laptop, 1)
    data = export_bundle(laptop, outbox).path.read_bytes()
    assert client.last_name.encode() not in data and b"manifest" not in data
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(data, [pyrage.x25519.Identity.generate()])


def test_only_changes_since_the_last_export_go_next_time(laptop, outbox, office_template):
    _, clients = register(laptop, 2)
    export_bundle(laptop, outbox)
    changed = laptop.clients.update(clients[0].model_copy(update={"job_title": "Welder"}))
    result = export_bundle(laptop, outbox)
    assert result.sequence == 2 and result.records == 1
    parts = open_as_office(office_template, result.path)
    assert ids_in(parts, "client") == [str(changed.id)]


def test_consent_filter_holds_people_back_with_a_reason(laptop, outbox, office_template):
    event, (ok,) = register(laptop, 1, seed=1)
    register(laptop, 1, seed=2, consent=False, event=event)
    register(laptop, 2, seed=3, consent=None, event=event)
    result = export_bundle(laptop, outbox)
    assert result.counts["client"] == 1
    assert result.held_back_clients == {"declined": 1, "no_consent": 2}
    # Each: client, contact consent, checklist; the declined person also has their declined row.
    assert result.held_back_records == 4 + 3 + 3
    assert "2 people: no PACE support consent recorded" in result.held_back_text()
    assert "held back" in result.summary()
    parts = open_as_office(office_template, result.path)
    assert ids_in(parts, "client") == [str(ok.id)]
    # Their records stay pending, ready if consent is given later.
    assert pending_count(laptop) == 10


def test_a_withdrawal_after_export_travels_but_new_personal_data_does_not(laptop, outbox, office_template):
    _, (client,) = register(laptop, 1)
    export_bundle(laptop, outbox)
    support = next(c for c in laptop.consents.for_parent(client.id) if c.purpose == "pace_support")
    laptop.consents.update(support.withdraw(by=laptop.actor), action="withdraw")
    laptop.clients.update(client.model_copy(update={"job_title": "Changed after withdrawal"}))
    result = export_bundle(laptop, outbox)
    assert result.counts["consent"] == 1 and result.counts["client"] == 0
    assert result.held_back_clients == {"withdrawn": 1}
    parts = open_as_office(office_template, result.path)
    assert ids_in(parts, "consent") == [str(support.id)]


def test_no_office_key_says_how_to_add_one(bare_laptop_template, tmp_path, outbox):
    from pace_desktop.store.store import Store
    from tests.conftest import PASSPHRASE, copy_store

    with Store.open(copy_store(bare_laptop_template, tmp_path), PASSPHRASE) as laptop:
        register(laptop, 1)
        with pytest.raises(NoOfficeKey) as err:
            export_bundle(laptop, outbox)
    message = str(err.value)
    assert "--office-key" in message and "Settings" in message and "\n" not in message
    assert isinstance(err.value, UsageError) and list(outbox.iterdir()) == []


def test_a_failed_write_marks_nothing_and_leaves_no_file(laptop, outbox, monkeypatch):
    register(laptop, 2)
    before = pending_count(laptop)

    def full_disk(*args, **kwargs):
        raise DiskFull()

    monkeypatch.setattr(export, "write_durably", full_disk)
    with pytest.raises(DiskFull):
        export_bundle(laptop, outbox)
    assert pending_count(laptop) == before
    assert laptop.int_setting("export_sequence") == 0 and export_history(laptop) == []
    assert list(outbox.iterdir()) == []


def test_a_bundle_left_by_an_unmarked_export_is_never_overwritten(laptop, outbox):
    register(laptop, 1)
    first = export_bundle(laptop, outbox).path
    # As if the marking transaction had failed after the rename: the next export reuses the number.
    laptop.db.execute("UPDATE settings SET value = '0' WHERE key = 'export_sequence'")
    laptop.db.execute("UPDATE clients SET exported_version = 0")
    second = export_bundle(laptop, outbox).path
    assert first.exists() and second != first and second.name.endswith("-2.pacebundle")


def test_resend_unconfirmed_sends_again_what_the_office_never_confirmed(laptop, outbox):
    register(laptop, 2)
    export_bundle(laptop, outbox)
    assert export_bundle(laptop, outbox).path is None
    again = export_bundle(laptop, outbox, resend_unconfirmed=True)
    assert again.counts["client"] == 2 and again.sequence == 2


def test_export_is_refused_on_an_office_store_and_to_a_missing_folder(laptop, office, tmp_path):
    with pytest.raises(UsageError, match="office store"):
        export_bundle(office, tmp_path)
    with pytest.raises(UsageError, match="does not exist"):
        export_bundle(laptop, tmp_path / "missing")


def test_export_is_audited_without_personal_data(laptop, outbox):
    _, (client,) = register(laptop, 1)
    export_bundle(laptop, outbox)
    action, detail = laptop.db.query("SELECT action, detail FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert action == "export" and detail.startswith("sequence=1,records=")
    assert laptop.verify_audit().ok
