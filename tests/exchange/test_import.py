"""Office import: newer versions win, gaps and duplicates reported, erasure sticks, history kept."""

from __future__ import annotations

import json

from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.duplicates import duplicates, mark_duplicate
from pace_desktop.office.history import import_history, saved_receipt
from pace_desktop.office.importer import import_bundle, import_bundles
from tests.exchange.conftest import register, table_counts


def test_an_import_applies_everything_in_the_bundle(enrolled, laptop, outbox):
    event, clients = register(laptop, 3)
    path = export_bundle(laptop, outbox).path
    seen = []
    (result,) = import_bundles(enrolled, [outbox], progress=lambda d, t: seen.append((d, t)))
    assert result.verdict == "accepted" and result.file_name == path.name
    assert result.entities == {"event": 1, "client": 3, "consent": 6, "checklist": 3}
    assert result.outcomes == {"added": 13} and result.records == 13
    assert result.reason == "13 records (13 new)."
    assert result.gap_warning is None and result.warnings == ()
    assert seen[-1][0] == seen[-1][1] and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))
    for client in clients:
        assert enrolled.clients.get(client.id) == client
    assert enrolled.events.get(event.id) == event
    # The receipt lands beside the bundle by default, and is kept in the history to save again.
    assert result.receipt_path.parent == outbox and result.receipt_path.suffix == ".pacereceipt"
    assert saved_receipt(enrolled, result.bundle_id) == result.receipt_path.read_bytes()
    row = import_history(enrolled)[0]
    assert (row.verdict, row.device_id, row.sequence, row.imported_by) == (
        "accepted",
        laptop.device_id,
        1,
        "Morven Office",
    )
    assert row.counts["outcomes"] == {"added": 13}
    assert enrolled.verify_audit().ok


def test_newer_versions_win_and_older_or_equal_change_nothing(enrolled, laptop, outbox, tmp_path):
    _, (client,) = register(laptop, 1)
    first = export_bundle(laptop, outbox).path
    laptop.clients.update(client.model_copy(update={"job_title": "Welder"}))
    second = export_bundle(laptop, outbox).path
    results = import_bundles(enrolled, [second, first], receipts_dir=tmp_path)
    assert [r.verdict for r in results] == ["accepted", "accepted"]
    assert results[0].outcomes == {"added": 1}  # the changed client only
    assert results[1].outcomes == {"added": 4, "unchanged": 1}  # its older copy is a no-op
    assert enrolled.clients.get(client.id).job_title == "Welder"
    assert enrolled.clients.get(client.id).version == 2


def test_a_gap_in_the_sequence_is_reported_not_refused(enrolled, laptop, outbox):
    paths = []
    for n in range(3):
        register(laptop, 1, seed=n)
        paths.append(export_bundle(laptop, outbox).path)
    first, third = import_bundle(enrolled, paths[0]), import_bundle(enrolled, paths[2])
    assert first.gap_warning is None
    assert third.verdict == "accepted"
    assert "2 from laptop" in third.gap_warning and "not arrived" in third.gap_warning
    assert import_history(enrolled)[0].gap == third.gap_warning
    assert import_bundle(enrolled, paths[1]).gap_warning is None  # the late one closes the gap


def test_folders_import_in_sequence_order(enrolled, laptop, outbox):
    for n in range(3):
        register(laptop, 1, seed=n)
        export_bundle(laptop, outbox)
    results = import_bundles(enrolled, [outbox])
    assert [r.sequence for r in results] == [1, 2, 3]
    assert all(r.gap_warning is None for r in results)


def test_possible_duplicates_across_laptops_are_listed_not_merged(office, laptop, laptop2, outbox):
    from pace_desktop.office.devices import enrol_device

    for device in (laptop, laptop2):
        enrol_device(office, device.device_key().text())
    _, (one,) = register(laptop, 1, seed=1, ni_number="AB123456C")
    _, (two,) = register(laptop2, 1, seed=2, ni_number="ab 12 34 56 c")
    _, (three,) = register(
        laptop, 1, seed=3, first_name="Mòrag", last_name="NicLeòid", date_of_birth=one.date_of_birth
    )
    _, (four,) = register(
        laptop2,
        1,
        seed=4,
        first_name="MORAG",
        last_name="Nicleoid",
        date_of_birth=one.date_of_birth,
    )
    import_bundles(office, [export_bundle(laptop, outbox).path])
    (result,) = import_bundles(office, [export_bundle(laptop2, outbox).path])
    assert result.duplicates_found == 2
    pairs = {(frozenset((p.client_a, p.client_b)), p.reason) for p in duplicates(office)}
    assert pairs == {
        (frozenset((str(one.id), str(two.id))), "same_ni"),
        (frozenset((str(three.id), str(four.id))), "same_name_dob"),
    }
    assert office.clients.count() == 4  # nothing merged
    pair = duplicates(office)[0]
    assert pair.pace_id_a and pair.reason_text
    mark_duplicate(office, pair.id, "not_duplicate")
    assert len(duplicates(office)) == 1 and len(duplicates(office, status=None)) == 2


def test_duplicates_inside_one_bundle_are_listed_once_and_other_first_names_are_not(enrolled, laptop, outbox):
    _, (one,) = register(laptop, 1, seed=1, ni_number="AB123456C")
    _, (two,) = register(laptop, 1, seed=2, ni_number="AB123456C")
    _, (three,) = register(
        laptop,
        1,
        seed=3,
        first_name="Iain",
        last_name="Ross",
        date_of_birth=one.date_of_birth,
        ni_number=None,
    )
    register(
        laptop,
        1,
        seed=4,
        first_name="Ewan",
        last_name="ROSS",
        date_of_birth=one.date_of_birth,
        ni_number=None,
    )  # same surname and birthday, another first name: another person
    _, (five,) = register(
        laptop,
        1,
        seed=5,
        first_name="IAIN",
        last_name="Ròss",
        date_of_birth=one.date_of_birth,
        ni_number=None,
    )
    (result,) = import_bundles(enrolled, [export_bundle(laptop, outbox).path])
    assert result.duplicates_found == 2
    assert {(frozenset((p.client_a, p.client_b)), p.reason) for p in duplicates(enrolled)} == {
        (frozenset((str(one.id), str(two.id))), "same_ni"),
        (frozenset((str(three.id), str(five.id))), "same_name_dob"),
    }


def test_ids_as_text_are_what_str_gives():
    from uuid import UUID, uuid4

    from pace_desktop.office.importer import _texts

    ids = [UUID(int=0), UUID(int=2**128 - 1), UUID(int=255), *(uuid4() for _ in range(50))]
    assert _texts(ids) == [str(i) for i in ids]


def test_an_erased_person_never_comes_back_from_a_late_bundle(enrolled, laptop, outbox, tmp_path):
    _, (client,) = register(laptop, 1)
    first = export_bundle(laptop, outbox).path
    laptop.clients.update(client.model_copy(update={"job_title": "Welder"}))
    late = export_bundle(laptop, outbox).path
    # Erasure on the laptop: the rows go and a tombstone stays (the people's-rights code does this).
    with laptop.transaction() as conn:
        for table in ("consents", "checklists"):
            conn.execute(f"DELETE FROM {table} WHERE parent_id = ?", (str(client.id),))
        conn.execute("DELETE FROM clients WHERE id = ?", (str(client.id),))
        conn.execute(
            "INSERT INTO tombstones(id, pace_id, erased_at, reason) VALUES (?, ?, ?, ?)",
            (str(client.id), client.pace_id, "2026-11-21T10:00:00+00:00", "subject_request"),
        )
    erasure = export_bundle(laptop, outbox)
    assert erasure.counts["tombstone"] == 1
    assert import_bundle(enrolled, first).verdict == "accepted"
    assert enrolled.clients.get(client.id) is not None
    erased = import_bundle(enrolled, erasure.path)
    assert erased.outcomes == {"erased": 1}
    assert enrolled.clients.get(client.id) is None and table_counts(enrolled)["consents"] == 0
    result = import_bundle(enrolled, late)
    assert result.verdict == "accepted" and result.outcomes["skipped_erased"] == 1
    assert enrolled.clients.get(client.id) is None


def test_a_pace_id_already_held_by_someone_else_holds_that_person_back(office, laptop, laptop2, outbox):
    from pace_desktop.office.devices import enrol_device

    for device in (laptop, laptop2):
        enrol_device(office, device.device_key().text())
    _, (one,) = register(laptop, 1, seed=1)
    _, (clash, fine) = register(laptop2, 2, seed=2)
    with laptop2.transaction() as conn:  # the rare random clash the PACE ID module warns about
        conn.execute(
            "UPDATE clients SET pace_id = ?, data = json_set(data, '$.pace_id', ?) WHERE id = ?",
            (one.pace_id, one.pace_id, str(clash.id)),
        )
    import_bundle(office, export_bundle(laptop, outbox).path)
    result = import_bundle(office, export_bundle(laptop2, outbox).path)
    assert result.verdict == "accepted"
    assert result.outcomes["held"] == 4  # the client, their two consents and checklist
    assert any("PACE ID already given" in w for w in result.warnings)
    assert office.clients.get(clash.id) is None and office.clients.get(fine.id) is not None
    listed = json.loads(result.receipt_path.read_text())["records"]["client"]
    assert [i for i, _ in listed] == [str(fine.id)]  # so the laptop keeps the held person's records
