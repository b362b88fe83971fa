"""The audit chain on a real SQLCipher file: it verifies, and tampering is found at its entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from pace_desktop.store import audit
from pace_desktop.store.keyslots import new_data_key, raw_key_pragma

START = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
ENTRIES = [  # (actor, action, entity, entity_id, detail)
    ("Morag Example", "unlock", None, None, "created"),
    ("Morag Example", "create", "event", "ev-7f3a", None),
    ("Morag Example", "create", "client", "cl-0001", None),
    ("Morag Example", "view", "client", "cl-0001", None),
    ("Tam Sample", "change", "client", "cl-0001", "fields=2"),
    ("Tam Sample", "lock", None, None, None),
]
LAST = len(ENTRIES)


@pytest.fixture
def conn(tmp_path):
    connection = sqlcipher.connect(str(tmp_path / "audit.store"), isolation_level=None)
    connection.execute(raw_key_pragma(new_data_key()))
    connection.executescript(audit.AUDIT_DDL)
    yield connection
    connection.close()


@pytest.fixture
def chain(conn):
    conn.execute("BEGIN IMMEDIATE")
    for i, (actor, action, entity, entity_id, detail) in enumerate(ENTRIES):
        audit.append(
            conn,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            at=START + timedelta(minutes=i),
        )
    conn.execute("COMMIT")
    return conn


def rows(conn):
    return conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()


def test_a_chain_of_entries_verifies(chain):
    report = audit.verify(chain)
    assert report == audit.AuditReport(ok=True, entries=LAST, problem=None, first_bad_seq=None)
    stored = rows(chain)
    assert [r[0] for r in stored] == list(range(1, LAST + 1))
    assert stored[0][7] == "0" * 64
    assert all(stored[i][7] == stored[i - 1][8] for i in range(1, LAST))
    assert chain.execute("SELECT count, hash FROM audit_head").fetchall() == [(LAST, stored[-1][8])]


def test_an_empty_log_verifies(conn):
    assert audit.verify(conn) == audit.AuditReport(ok=True, entries=0)


@pytest.mark.parametrize("seq", [1, 3, LAST])
@pytest.mark.parametrize(
    "field", ["at", "actor", "action", "entity", "entity_id", "detail", "prev_hash", "hash"]
)
def test_editing_any_field_of_any_entry_is_found_at_that_entry(chain, field, seq):
    value = "unlock" if field == "action" else "x" * 64 if "hash" in field else "edited"
    if field == "action" and ENTRIES[seq - 1][1] == "unlock":
        value = "lock"
    chain.execute(f"UPDATE audit SET {field} = ? WHERE seq = ?", (value, seq))
    report = audit.verify(chain)
    assert not report.ok
    assert report.first_bad_seq == seq
    assert report.problem == f"Audit entry {seq} was changed after it was written."


def test_an_edit_with_its_hash_recomputed_is_still_found(chain):
    seq, at, actor, action, entity, entity_id, _, prev, _ = rows(chain)[2]
    forged = audit.entry_hash(seq, at, actor, action, entity, entity_id, "forged", prev)
    chain.execute("UPDATE audit SET detail = 'forged', hash = ? WHERE seq = ?", (forged, seq))
    report = audit.verify(chain)
    assert not report.ok and report.first_bad_seq == 3


def test_renumbering_an_entry_is_found(chain):
    chain.execute("UPDATE audit SET seq = 99 WHERE seq = 3")
    report = audit.verify(chain)
    assert report.first_bad_seq == 3 and "missing" in report.problem


@pytest.mark.parametrize("seq", [1, 3])
def test_deleting_an_entry_is_found(chain, seq):
    chain.execute("DELETE FROM audit WHERE seq = ?", (seq,))
    report = audit.verify(chain)
    assert not report.ok
    assert report.first_bad_seq == seq
    assert report.problem == f"Audit entry {seq} is missing: it was removed."
    assert report.entries == LAST - 1


def test_deleting_the_newest_entry_is_found_and_stays_found(chain):
    chain.execute("DELETE FROM audit WHERE seq = ?", (LAST,))
    report = audit.verify(chain)
    assert report.first_bad_seq == LAST
    assert report.problem == f"Audit entry {LAST} is missing: the newest entries were removed."
    # The next entry continues from the head, so the hole does not close over.
    assert audit.append(chain, actor="Morag Example", action="unlock") == LAST + 1
    assert audit.verify(chain).first_bad_seq == LAST


@pytest.mark.parametrize(("a", "b"), [(2, 5), (3, 4), (LAST - 1, LAST), (1, 2)])
def test_swapping_two_entries_is_found_at_the_first_of_them(chain, a, b):
    first, second = rows(chain)[a - 1], rows(chain)[b - 1]
    update = (
        "UPDATE audit SET at = ?, actor = ?, action = ?, entity = ?, entity_id = ?,"
        " detail = ?, prev_hash = ?, hash = ? WHERE seq = ?"
    )
    chain.execute(update, (*second[1:], a))
    chain.execute(update, (*first[1:], b))
    report = audit.verify(chain)
    assert not report.ok
    assert report.first_bad_seq == a
    assert report.problem == f"Audit entry {a} is out of order: it was written as entry {b}."


def test_an_unknown_action_is_refused_and_nothing_is_written(chain):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.append(chain, actor="Morag Example", action="delete_everything")
    assert len(rows(chain)) == LAST
    assert audit.verify(chain).ok


@pytest.mark.parametrize("detail", ["Jane Doe", "jane.doe@example.org", "x" * 201, ""])
def test_a_detail_that_could_hold_personal_data_is_refused(chain, detail):
    with pytest.raises(ValueError, match="detail"):
        audit.append(chain, actor="Morag Example", action="export", detail=detail)
    assert len(rows(chain)) == LAST


def test_the_caller_owns_the_transaction(chain):
    chain.execute("BEGIN IMMEDIATE")
    audit.append(chain, actor="Morag Example", action="view", entity="client", entity_id="cl-0001")
    assert chain.in_transaction  # append did not commit
    chain.execute("ROLLBACK")
    assert len(rows(chain)) == LAST
    assert audit.verify(chain).ok


def test_a_client_history_lists_its_entries_in_order(chain):
    history = audit.entries_for(chain, "cl-0001")
    assert [(h["seq"], h["actor"], h["action"]) for h in history] == [
        (3, "Morag Example", "create"),
        (4, "Morag Example", "view"),
        (5, "Tam Sample", "change"),
    ]
    assert history[0]["at"] == START + timedelta(minutes=2)
    assert history[2]["detail"] == "fields=2"
    assert audit.entries_for(chain, "cl-9999") == []
