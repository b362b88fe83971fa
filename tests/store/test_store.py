"""The store as a whole: unlock, advisers, recovery, repositories, search, drafts, and nothing in clear."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
from datetime import date

import pyrage
import pytest

from pace_desktop.demo import make_client, make_event, seed
from pace_desktop.errors import LockedOut, StoreError, ValidationFailed, WrongPassphrase
from pace_desktop.records.models import CaptureMethod
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.store.clients import EventCounts
from pace_desktop.store.store import Store
from tests.conftest import ADVISER, PASSPHRASE


def register_one(store, rng_seed=1, **changes):
    rng = random.Random(rng_seed)
    event = store.events.add(make_event(rng, date(2026, 11, 20)))
    client = make_client(rng, event, new_pace_id()).model_copy(update=changes)
    checklist = build_checklist({}, client=client, event=event)
    consents = build_consents(
        {"pace_support": True, "share_DWP": False}, how=CaptureMethod.with_adviser, by=store.actor
    )
    return event, store.register(client, consents, checklist)


def test_unlock_with_the_right_passphrase_names_the_adviser(store):
    assert store.adviser == ADVISER
    assert store.device_id.startswith("LT")


def test_wrong_passphrase_is_refused_in_one_plain_line(store_path):
    with pytest.raises(WrongPassphrase) as err:
        Store.open(store_path, "not the passphrase at all")
    assert "\n" not in str(err.value) and "passphrase" in str(err.value)


def test_backoff_holds_across_a_restart(store_path):
    now = [1_000_000.0]
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Store.open(store_path, "wrong wrong wrong", clock=lambda: now[0])
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, "wrong wrong wrong", clock=lambda: now[0])
    # A new process (new Backoff object, same file) still has to wait, even with the right passphrase.
    with pytest.raises(LockedOut) as err:
        Store.open(store_path, PASSPHRASE, clock=lambda: now[0])
    assert "wait" in str(err.value)
    now[0] += 3600
    Store.open(store_path, PASSPHRASE, clock=lambda: now[0]).close()


def test_two_advisers_open_the_same_store_and_a_removed_one_cannot(store, store_path):
    store.add_adviser("Ruairidh Test", "a second long passphrase")
    event, client = register_one(store)
    store.close()
    other = Store.open(store_path, "a second long passphrase")
    assert other.adviser == "Ruairidh Test"
    assert other.clients.get(client.id).pace_id == client.pace_id
    other.remove_adviser("Ruairidh Test")
    other.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, "a second long passphrase")


def test_change_passphrase_keeps_the_data(store, store_path):
    _, client = register_one(store)
    store.change_passphrase(ADVISER, PASSPHRASE, "a brand new passphrase")
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, PASSPHRASE)
    reopened = Store.open(store_path, "a brand new passphrase")
    assert reopened.clients.get(client.id) is not None
    reopened.close()


def test_the_office_recovery_identity_opens_a_laptop_store(store, store_path):
    office = pyrage.x25519.Identity.generate()
    store.set_office_recipient(str(office.to_public()))
    _, client = register_one(store)
    store.close()
    recovered = Store.open_recovery(store_path, str(office))
    assert recovered.clients.get(client.id).last_name == client.last_name
    recovered.close()
    with pytest.raises((WrongPassphrase, StoreError)):
        Store.open_recovery(store_path, str(pyrage.x25519.Identity.generate()))


def test_create_refuses_a_short_passphrase_and_an_existing_store(tmp_path, store_path):
    with pytest.raises(ValidationFailed, match="12"):
        Store.create(tmp_path / "x.store", adviser="A", passphrase="short")
    assert not (tmp_path / "x.store").exists()
    with pytest.raises(StoreError, match="already exists"):
        Store.create(store_path, adviser="A", passphrase=PASSPHRASE)


def test_every_change_bumps_the_version_and_is_audited(store):
    _, client = register_one(store)
    assert client.version == 1
    changed = store.clients.update(client.model_copy(update={"job_title": "Welder"}))
    assert changed.version == 2
    assert store.clients.get(client.id).job_title == "Welder"
    actions = [
        r[0]
        for r in store.db.query(
            "SELECT action FROM audit WHERE entity_id = ? ORDER BY seq", (str(client.id),)
        )
    ]
    assert actions == ["create", "change"]
    assert store.verify_audit().ok


def test_the_audit_log_holds_no_personal_data(store):
    _, client = register_one(store)
    dump = " ".join(str(r) for r in store.db.query("SELECT * FROM audit"))
    for value in (client.first_name, client.last_name, client.postcode, client.ni_number, client.email):
        if value:
            assert value not in dump


def test_a_registration_is_all_or_nothing(store, monkeypatch):
    rng = random.Random(3)
    event = store.events.add(make_event(rng, date(2026, 11, 20)))
    client = make_client(rng, event, new_pace_id())
    consents = build_consents({"pace_support": True}, how=CaptureMethod.with_adviser, by="x")
    checklist = build_checklist({}, client=client, event=event)

    def failing_write(record, *, insert):  # the disk fails after client and consents are written
        raise OSError("simulated I/O error")

    monkeypatch.setattr(store.checklists, "_write", failing_write)
    audit_before = store.db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(OSError):
        store.register(client, consents, checklist)
    assert store.clients.count() == 0
    assert store.consents.count() == 0
    assert store.db.scalar("SELECT count(*) FROM audit") == audit_before
    monkeypatch.undo()
    store.register(client, consents, checklist)  # and the same registration then saves whole
    assert store.clients.count() == 1 and store.consents.count() == 1 and store.checklists.count() == 1


def test_search_by_name_pace_id_ni_and_postcode_prefix(store):
    seed(store, events=2, clients=300)
    target = next(c for c in store.clients.all() if c.ni_number and c.postcode)

    def ids(text):
        return {c.id for c in store.client_queries.search(text, limit=1000)}

    assert target.id in ids(target.last_name[:3].lower())
    assert target.id in ids(target.pace_id.lower())
    assert target.id in ids(target.pace_id[5:9])
    assert target.id in ids(target.ni_number[:5].lower())
    assert target.id in ids(target.postcode.replace(" ", "").lower())
    assert store.client_queries.search("zzzz-nobody") == []


def test_accented_names_match_plain_typing(store):
    _, client = register_one(store, first_name="Mòrag", last_name="NicDhòmhnaill")
    found = store.client_queries.search("nicdhomh")
    assert [c.id for c in found] == [client.id]


@pytest.mark.parametrize(
    ("first", "last", "typed"),
    [
        ("Zofia", "Wójcik-Łukasiewicz", "wojcik-lukas"),  # ł has no accent to drop: it is its own letter
        ("Søren", "Kierkegaard", "soren"),
        ("Ægir", "Dahl", "aegir"),
        ("Đorđe", "Ilić", "dorde"),
    ],
)
def test_letters_typed_plain_on_a_uk_keyboard_find_the_name(store, first, last, typed):
    _, client = register_one(store, first_name=first, last_name=last)
    assert [c.id for c in store.client_queries.search(typed)] == [client.id]
    assert [c.id for c in store.client_queries.search(last[:4])] == [client.id]  # as written too


def test_event_counts_for_the_home_screen(store):
    seed(store, events=1, clients=40)
    (counts,) = store.client_queries.event_counts().values()
    assert counts.clients == 40
    assert counts.not_exported == 40
    high = store.db.scalar("SELECT count(*) FROM checklists WHERE band = 'high'")
    assert counts.high_risk == high


def test_one_events_counts_from_its_table_rows_are_the_counts_the_store_gives(store):
    seed(store, events=2, clients=60)
    mark_review = store.db.scalar("SELECT id FROM clients LIMIT 1")
    with store.transaction():
        store.db.execute(
            "UPDATE clients SET needs_review = 1, exported_version = version WHERE id = ?", (mark_review,)
        )
    queries = store.client_queries
    for event_id, counts in queries.event_counts().items():
        assert EventCounts.of_rows(queries.rows_for_event(event_id)) == counts
    assert sum(c.needs_review for c in queries.event_counts().values()) == 1


def test_drafts_are_kept_encrypted_and_taken_once(store):
    store.save_draft("client:e:new", '{"first_name": "Kirsty"}')
    assert store.draft_keys() == ["client:e:new"]
    assert store.take_draft("client:e:new") == '{"first_name": "Kirsty"}'
    assert store.take_draft("client:e:new") is None


def test_no_seeded_name_is_on_disk_in_clear_and_stock_sqlite_cannot_open_it(store, store_path):
    seed(store, events=2, clients=200)
    # Whole names and NI numbers: a 4-letter first name alone turns up in ~2 MB of ciphertext by chance
    # a few times in a hundred runs, which would make this test cry wolf.
    names = {f"{c.first_name} {c.last_name}" for c in store.clients.all()}
    nis = {c.ni_number for c in store.clients.all() if c.ni_number}
    assert len(names) > 50 and len(nis) > 50
    store.close()
    blobs = b"".join(p.read_bytes() for p in store_path.parent.iterdir() if p.is_file())
    for value in list(names) + list(nis):
        assert value.encode("utf-8") not in blobs
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path).execute("SELECT * FROM sqlite_master").fetchall()
    if shutil.which("sqlite3"):
        result = subprocess.run(["sqlite3", str(store_path), ".tables"], capture_output=True, text=True)
        assert result.returncode != 0


def test_passphrase_rechecks_share_the_unlock_backoff_on_disk(store_path):
    now = [5_000_000.0]
    store = Store.open(store_path, PASSPHRASE, clock=lambda: now[0])
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            store.verify_passphrase("a wrong guess at the kiosk")
    with pytest.raises(LockedOut):
        store.verify_passphrase(PASSPHRASE)
    store.close()
    # A restart does not clear it either.
    with pytest.raises(LockedOut):
        Store.open(store_path, PASSPHRASE, clock=lambda: now[0])
    now[0] += 3600
    reopened = Store.open(store_path, PASSPHRASE, clock=lambda: now[0])
    assert reopened.verify_passphrase(PASSPHRASE) == ADVISER
    reopened.close()


def test_a_bulk_insert_stores_each_row_as_a_single_save_would(store):
    """insert_many builds its rows in one loop (ids and parent ids made text in one call): every
    column of every row is what the one-record path (``_row``) gives for the same record."""
    from pace_desktop.exchange.tables import repositories

    seed(store, events=2, clients=12, history=True)
    checked = 0
    for repo in repositories(store).values():
        for record in repo.all():
            columns, values = repo._row(record)
            marks = ", ".join(columns)
            stored = store.db.query(
                f"SELECT {marks} FROM {repo.table} WHERE id = ?",  # noqa: S608
                (str(record.id),),
            )
            assert stored == [values], repo.entity
            checked += 1
    assert checked > 12 * 6  # clients, consents, checklists, help, outcomes and feedback were all written


def test_search_gives_the_clients_as_validated_and_an_unreadable_row_fails_plainly(store):
    from pydantic import ValidationError

    from pace_desktop.records.models import STORED_CONTEXT, Client, field_errors

    seed(store, events=1, clients=60)
    found = store.client_queries.search("a", limit=1000)
    assert found
    for client in found:
        data = store.db.scalar("SELECT data FROM clients WHERE id = ?", (str(client.id),))
        assert client == Client.model_validate_json(data, context=STORED_CONTEXT)
        assert client.id == store.clients.get(client.id).id and type(client.created_at) is type(
            store.clients.get(client.id).created_at
        )
    broken = found[0]
    store.db.execute(
        "UPDATE clients SET data = json_set(data, '$.event_id', 'not-an-id') WHERE id = ?", (str(broken.id),)
    )
    with pytest.raises(ValidationError) as refused:
        store.client_queries.search(broken.last_name)
    assert field_errors(refused.value) == {"event_id": "This is not a valid record identifier."}


@pytest.mark.parametrize("limit", [1, 7, 40, 1000])
def test_search_returns_the_first_matches_in_name_order_of_every_kind_of_key(store, limit):
    from pace_desktop.store.clients import compact, fold, name_order, pace_id_prefix

    seed(store, events=2, clients=200)
    everyone = list(store.clients.all())
    for text in ["a", "m", "s", "G", "E", "k", "1", "ma"]:
        name, key = fold(text), compact(text)

        def matches(c):
            first_fold = name_order(c.last_name, c.first_name, c.preferred_name)[1]
            return (
                name_order(c.last_name, c.first_name, c.preferred_name)[0].startswith(name)
                or first_fold.startswith(name)
                or compact(c.ni_number).startswith(key)
                and bool(c.ni_number)
                or compact(c.postcode).startswith(key)
                and bool(c.postcode)
                or c.pace_id.startswith(pace_id_prefix(key))
            )

        wanted = sorted(
            (c for c in everyone if matches(c)),
            key=lambda c: (*name_order(c.last_name, c.first_name, c.preferred_name), c.id),
        )
        got = store.client_queries.search(text, limit=limit)
        assert len(got) == min(limit, len(wanted)), text
        assert {c.id for c in got} <= {c.id for c in wanted}, text
        order = [name_order(c.last_name, c.first_name, c.preferred_name) for c in got]
        assert order == sorted(order), text
        assert order == [name_order(c.last_name, c.first_name, c.preferred_name) for c in wanted[:limit]], (
            text
        )
