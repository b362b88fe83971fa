"""An anchored audit chain (issue 16, item 4): the office countersigns each laptop's audit head, so
history rewritten with the data key is said at the laptop's next unlock and refused at the next import.

Real SQLCipher stores and real bundles; the attacker edits the laptop's store in SQL, as one holding
the data key can.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.exchange import anchor, bundle
from pace_desktop.exchange.anchor import SETTING_ANCHOR, anchored_count, check_anchor, unlock_check
from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
from pace_desktop.exchange.receipt import apply_receipt, make_receipt, parse_receipt
from pace_desktop.office.central import open_central
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.history import import_history
from pace_desktop.office.importer import import_bundle
from pace_desktop.store.audit import entry_hash, head
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store
from tests.exchange.conftest import forge, records_jsonl, register, table_counts


def exchange(laptop, office, outbox, *, seed: int, apply: bool = True):
    """One round: a person registered, exported, imported at the office, the receipt applied."""
    register(laptop, 1, seed=seed)
    exported = export_bundle(laptop, outbox)
    result = import_bundle(office, exported.path)
    if apply and result.receipt_path is not None:
        apply_receipt(laptop, result.receipt_path)
    return result


def rewrite_entry(store, seq: int) -> None:
    """What the issue's attacker did: change one entry, recompute every later hash and the head."""
    conn = store.db.conn
    with store.transaction():
        prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)).fetchone()[0]
        rows = conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, detail FROM audit WHERE seq >= ? ORDER BY seq",
            (seq,),
        ).fetchall()
        for n, row in enumerate(rows):
            fields = list(row)
            if n == 0:
                fields[6] = "rewritten"
            digest = entry_hash(*fields, prev)
            conn.execute(
                "UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (fields[6], prev, digest, fields[0]),
            )
            prev = digest
        conn.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))


def office_heads(office, device_id):
    return office.db.query(
        "SELECT count, hash, sequence FROM device_audit_heads WHERE device_id = ? ORDER BY count",
        (device_id,),
    )


def test_an_honest_laptop_exchanging_again_and_again_is_anchored_each_time(enrolled, laptop, outbox):
    assert check_anchor(laptop).message().startswith("The audit log is not anchored yet")
    for n in range(4):
        exported_head = head(laptop.db.conn)  # the head the next export carries (its records, then it)
        result = exchange(laptop, enrolled, outbox, seed=n)
        assert result.verdict == "accepted", result.reason
        signed = parse_receipt(result.receipt_path.read_bytes())
        assert signed.format_version == 2
        assert signed.audit_count > exported_head[0]  # the registration's entries are in it
        assert anchored_count(laptop) == signed.audit_count
        state = check_anchor(laptop)
        assert state.ok and state.count == signed.audit_count
        assert state.message() == (
            f"The audit log still leads to entry {signed.audit_count:,}, which the "
            f"office countersigned on {signed.issued_at[:10]}."
        )
        assert (signed.audit_count, signed.audit_hash, n + 1) in office_heads(enrolled, laptop.device_id)
    assert unlock_check(laptop) is None
    assert (
        check_anchor(enrolled)
        .message()
        .startswith("This office holds countersigned audit heads for 1 laptop;")
    )


def test_bundles_sent_without_their_receipts_and_imported_out_of_order_still_pass(enrolled, laptop, outbox):
    paths = []
    for n in range(3):  # the adviser never brings a receipt back: each bundle carries the whole log
        register(laptop, 1, seed=n)
        paths.append(export_bundle(laptop, outbox).path)
    assert import_bundle(enrolled, paths[2]).verdict == "accepted"
    late = import_bundle(enrolled, paths[0])  # checked against the earlier exports' heads on the way
    assert late.verdict == "accepted", late.reason
    assert import_bundle(enrolled, paths[1]).verdict == "accepted"
    again = import_bundle(enrolled, paths[2])
    assert again.verdict == "already_had"
    apply_receipt(laptop, again.receipt_path)
    assert check_anchor(laptop).ok and anchored_count(laptop) is not None


def test_rewritten_anchored_history_is_said_at_unlock_and_refused_at_the_next_import(
    enrolled, laptop_path, outbox
):
    laptop = Store.open(laptop_path, PASSPHRASE)
    first = exchange(laptop, enrolled, outbox, seed=1)
    anchored = anchored_count(laptop)
    assert anchored is not None and anchored > 5
    rewrite_entry(laptop, 5)
    assert laptop.verify_audit().ok  # the chain alone cannot tell: that was the finding
    laptop.close()

    laptop = Store.open(laptop_path, PASSPHRASE)  # the next unlock says so, in one line
    try:
        problem = unlock_check(laptop)
        assert problem == (
            f"The audit log does not check out: This laptop's audit log no longer leads to entry "
            f"{anchored:,}, which the office countersigned on "
            f"{parse_receipt(first.receipt_path.read_bytes()).issued_at[:10]}: its history was rewritten. "
            "Someone may have changed this store outside PACE Intake: contact the office before you go on."
        )
        register(laptop, 1, seed=2)  # the store still opens and works: nothing is lost meanwhile
        exported = export_bundle(laptop, outbox)
    finally:
        laptop.close()
    before = table_counts(enrolled)
    result = import_bundle(enrolled, exported.path)
    assert (result.verdict, result.code) == ("refused", "audit_chain_rewritten")
    assert result.reason == (
        f"Laptop {exported.path.name.split('-')[1]}'s audit log no longer leads to entry {anchored:,}, "
        "which this office countersigned before: its history was rewritten. Nothing was imported. Keep the "
        "bundle and the laptop as they are and tell your data protection lead."
    )
    assert table_counts(enrolled) == before and result.receipt_path is None
    assert import_history(enrolled, limit=1)[0].code == "audit_chain_rewritten"


def test_a_thief_who_also_drops_the_laptops_anchor_is_still_refused_at_the_office(enrolled, laptop, outbox):
    exchange(laptop, enrolled, outbox, seed=1)
    rewrite_entry(laptop, 5)
    laptop.db.execute("DELETE FROM settings WHERE key = ?", (SETTING_ANCHOR,))
    assert unlock_check(laptop) is None  # nothing left on the laptop to compare with
    register(laptop, 1, seed=2)
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    assert (result.verdict, result.code) == ("refused", "audit_chain_rewritten")


def test_an_anchor_edited_on_the_laptop_is_said_at_unlock(laptop, enrolled, outbox):
    exchange(laptop, enrolled, outbox, seed=1)
    text = laptop.db.scalar("SELECT value FROM settings WHERE key = ?", (SETTING_ANCHOR,))
    doc = json.loads(text)
    doc["audit_count"] = 3  # point the anchor at an entry the thief did not touch
    doc["audit_hash"] = laptop.db.scalar("SELECT hash FROM audit WHERE seq = 3")
    laptop.db.execute("UPDATE settings SET value = ? WHERE key = ?", (json.dumps(doc), SETTING_ANCHOR))
    assert unlock_check(laptop) == (
        "The audit log does not check out: The office's countersigned audit head kept on this laptop was "
        "changed or removed, or the office key it is checked with was. Someone may have changed this store "
        "outside PACE Intake: contact the office before you go on."
    )
    doc["audit_count"] = 10**12  # nor can an edited anchor keep the next genuine receipt out
    laptop.db.execute("UPDATE settings SET value = ? WHERE key = ?", (json.dumps(doc), SETTING_ANCHOR))
    exchange(laptop, enrolled, outbox, seed=2)
    assert unlock_check(laptop) is None


def test_an_old_receipt_applied_again_does_not_move_the_anchor_back(enrolled, laptop, outbox):
    first = exchange(laptop, enrolled, outbox, seed=1)
    second = exchange(laptop, enrolled, outbox, seed=2)
    newest = anchored_count(laptop)
    assert newest == parse_receipt(second.receipt_path.read_bytes()).audit_count
    apply_receipt(laptop, first.receipt_path)  # replayed: harmless, and the anchor stays
    assert anchored_count(laptop) == newest
    assert check_anchor(laptop).ok
    assert newest > parse_receipt(first.receipt_path.read_bytes()).audit_count


def test_a_receipt_for_history_this_laptop_no_longer_has_marks_nothing(enrolled, laptop, outbox):
    register(laptop, 1, seed=1)
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    rewrite_entry(laptop, 5)
    with pytest.raises(
        RefusedError,
        match="no longer leads to: its history was changed. Nothing was marked: contact the office",
    ):
        apply_receipt(laptop, result.receipt_path)
    assert anchored_count(laptop) is None
    assert laptop.db.scalar("SELECT count(*) FROM clients WHERE confirmed_version > 0") == 0


def test_an_old_format_bundle_from_an_anchored_laptop_is_refused_by_name(enrolled, laptop, outbox, tmp_path):
    exchange(laptop, enrolled, outbox, seed=1)
    event, _ = register(laptop, 1, seed=2)
    path = tmp_path / "old.pacebundle"
    path.write_bytes(
        forge(laptop, laptop.office_recipient, {"event": records_jsonl([event])}, sequence=9)
    )  # format 1, as an older laptop wrote: no audit head
    result = import_bundle(enrolled, path)
    assert (result.verdict, result.code) == ("refused", "audit_head_missing")
    assert "carries no audit head" in result.reason


def test_entries_that_do_not_lead_to_the_head_named_are_refused(enrolled, laptop, outbox):
    register(laptop, 1, seed=1)
    laptop.db.execute("UPDATE audit SET detail = 'edited' WHERE seq = 4")  # hashes left as they were
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    assert (result.verdict, result.code) == ("refused", "audit_chain_broken")


def test_a_stretch_starting_from_a_head_the_office_never_countersigned_is_refused(enrolled, laptop, outbox):
    exchange(laptop, enrolled, outbox, seed=1)
    register(laptop, 1, seed=2)
    stretch = anchor.stretch_for_export(laptop)
    # The thief's shortcut: claim the anchor is the entry just before the head, carrying one entry.
    start = stretch.count - 1
    rows = laptop.db.query(
        "SELECT seq, at, actor, action, entity, entity_id, detail FROM audit WHERE seq = ?", (stretch.count,)
    )
    short = bundle.AuditStretch(
        start,
        laptop.db.scalar("SELECT hash FROM audit WHERE seq = ?", (start,)),
        stretch.count,
        stretch.hash,
        json.dumps(list(rows[0]), separators=(",", ":")).encode() + b"\n",
    )
    built = bundle.build(
        parts={},
        bundle_id=uuid4(),
        device_id=laptop.device_id,
        signing_key=laptop.signing_key(),
        sequence=5,
        recipients=[laptop.office_recipient],
        created_at=datetime.now(UTC),
        app_version="test",
        held_back=0,
        audit=short,
    )
    path = outbox / "short.pacebundle"
    path.write_bytes(bundle.seal(built.plaintext, [laptop.office_recipient]))
    result = import_bundle(enrolled, path)
    assert (result.verdict, result.code) == ("refused", "audit_anchor_unknown")


def test_audit_check_reports_the_anchor(enrolled, laptop_path, outbox):
    laptop = Store.open(laptop_path, PASSPHRASE)
    try:
        exchange(laptop, enrolled, outbox, seed=1)
        count = anchored_count(laptop)
    finally:
        laptop.close()
    env = {"PACE_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "pace_desktop", "audit-check", "--store", str(laptop_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"The audit log still leads to entry {count:,}, which the office countersigned on" in done.stdout
    with Store.open(laptop_path, PASSPHRASE) as laptop:
        rewrite_entry(laptop, 5)
    done = subprocess.run(
        [sys.executable, "-m", "pace_desktop", "audit-check", "--store", str(laptop_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3
    (line,) = done.stderr.strip().splitlines()
    assert f"no longer leads to entry {count:,}" in line and "contact the office" in line


def test_a_first_format_receipt_is_still_read(laptop, enrolled, outbox):
    register(laptop, 1, seed=1)
    exported = export_bundle(laptop, outbox)
    old = make_receipt(
        signing_key=enrolled.signing_key(),
        office_id=enrolled.device_id,
        bundle_id=exported.bundle_id,
        device_id=laptop.device_id,
        sequence=1,
        verdict="accepted",
        records={},
        issued_at=datetime.now(UTC),
    )
    assert json.loads(old)["format_version"] == 1 and "audit_count" not in json.loads(old)
    path = outbox / "old.pacereceipt"
    path.write_bytes(old)
    assert apply_receipt(laptop, path).listed == 0
    assert anchored_count(laptop) is None


def test_an_audit_log_over_the_size_limit_is_refused_by_name(enrolled, laptop, outbox):
    register(laptop, 1, seed=1)
    small = bundle.Limits(max_audit_bytes=100)
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path, limits=small)
    assert (result.verdict, result.code) == ("refused", "too_big")
    assert result.reason == (
        "This bundle's audit log is larger than the size limit allows: nothing was imported. Contact support."
    )


def test_a_laptop_moved_to_a_new_office_is_anchored_there_from_the_start(
    enrolled, laptop, outbox, other_office_template, tmp_path
):
    exchange(laptop, enrolled, outbox, seed=1)
    new_office = open_central(
        copy_store(other_office_template.central, tmp_path / "new", "central.store"), PASSPHRASE
    )
    try:
        install_office_key(laptop, read_office_key_file(other_office_template.pub), check_policy=False)
        assert "the office key it is checked with was" in unlock_check(laptop)  # said until the next one
        enrol_device(new_office, laptop.device_key().text())
        result = exchange(laptop, new_office, outbox, seed=2)  # the whole log: the new office has no head
        assert result.verdict == "accepted", result.reason
        assert unlock_check(laptop) is None and check_anchor(laptop).count == anchored_count(laptop)
    finally:
        new_office.close()
