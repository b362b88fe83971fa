"""Removing an adviser re-keys the store: their old key file opens it no more, everyone else's
passphrase and the office recovery key still do, and nothing in the store changes but its key.

(The kill -9 loop over every step of the re-key is in tests/reliability/test_crash_rekey.py.)
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import uuid

import pyrage
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pace_desktop.demo import seed
from pace_desktop.errors import RefusedError, StoreError, ValidationFailed, WrongPassphrase
from pace_desktop.store import rekey
from pace_desktop.store.keyslots import DEFAULT_KDF, KeyFileOutOfDate, KeySlotFile, _aad, new_data_key
from pace_desktop.store.store import Store, keys_path
from tests.conftest import ADVISER, PASSPHRASE

LEAVER, LEAVER_PASS = "Leaving Adviser", "a passphrase they take with them"
OTHER, OTHER_PASS = "Iona Placeholder", "river candle harbour 9"


def key_doc(path):
    return json.loads(keys_path(path).read_text())


def steal_with(store_path, kept, tmp_path):
    """The store as it is now, beside the key file the leaver kept."""
    stolen = tmp_path / "stolen" / "pace.store"
    stolen.parent.mkdir(exist_ok=True)
    shutil.copy2(store_path, stolen)
    shutil.copy2(kept, keys_path(stolen))
    return stolen


def test_removing_an_adviser_rekeys_and_the_office_key_follows(store_path, tmp_path):
    office = pyrage.x25519.Identity.generate()
    with Store.open(store_path, PASSPHRASE) as store:
        store.set_office_recipient(str(office.to_public()))
        store.add_adviser(LEAVER, LEAVER_PASS)
        seed(store, events=1, clients=5)
        before = {r[0] for r in store.db.query("SELECT id FROM clients")}
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(store_path), kept)
    old_check = key_doc(store_path)["key_check"]
    steps: list[str] = []

    with Store.open(store_path, PASSPHRASE) as store:
        removal = store.remove_adviser(LEAVER, progress=steps.append)
        assert removal.rekeyed and removal.waiting == ()
        assert removal.message(LEAVER) == (
            "Removed Leaving Adviser: the store was re-keyed, so their key will no longer open this laptop."
        )
        # The open store carries on under the new key.
        assert {r[0] for r in store.db.query("SELECT id FROM clients")} == before
        seed(store, events=1, clients=1)
        after = {r[0] for r in store.db.query("SELECT id FROM clients")}
    assert steps == list(Store.REKEY_STEPS)
    doc = key_doc(store_path)
    assert doc["key_check"] != old_check and doc["next"] is None
    assert [s["name"] for s in doc["slots"]] == [ADVISER]
    assert not rekey.rekey_path(store_path).exists()

    with pytest.raises(WrongPassphrase):  # no slot for them any more
        Store.open(store_path, LEAVER_PASS)
    stolen = steal_with(store_path, kept, tmp_path)
    with pytest.raises(KeyFileOutOfDate) as err:
        Store.open(stolen, LEAVER_PASS)
    assert str(err.value).startswith("That key file no longer opens this store")
    with pytest.raises(WrongPassphrase):  # nor the remaining adviser's old slot in that old copy
        Store.open(stolen, PASSPHRASE)

    with Store.open(store_path, PASSPHRASE) as store:
        assert {r[0] for r in store.db.query("SELECT id FROM clients")} == after
        assert store.verify_audit().ok and store.db.integrity_ok()
        actions = store.db.query("SELECT action, detail FROM audit WHERE action = 'adviser_removed'")
        assert actions == [("adviser_removed", "rekeyed")]
    with Store.open_recovery(store_path, str(office)) as recovered:
        assert {r[0] for r in recovered.db.query("SELECT id FROM clients")} == after


def test_an_unknown_or_last_adviser_is_refused_before_anything_is_copied(store_path):
    before = keys_path(store_path).read_bytes()
    with Store.open(store_path, PASSPHRASE) as store:
        with pytest.raises(ValidationFailed, match="No adviser by that name"):
            store.remove_adviser("Nobody Here")
        with pytest.raises(ValidationFailed, match="only adviser"):
            store.remove_adviser(ADVISER)
        assert not rekey.rekey_path(store_path).exists()
    assert json.loads(keys_path(store_path).read_bytes())["key_check"] == json.loads(before)["key_check"]


def _as_first_release(store_path, passphrases: dict[str, str]) -> None:
    """Rewrite the key file as the first release wrote it (v1: each slot holds the data key itself)."""
    keys = KeySlotFile.load(keys_path(store_path))
    data_key = keys.unlock(PASSPHRASE)[0]
    doc = key_doc(store_path)
    slots = []
    for name, passphrase in passphrases.items():
        slot_id, salt, nonce = uuid.uuid4().hex, os.urandom(16), os.urandom(12)
        wrapped = AESGCM(DEFAULT_KDF.derive(passphrase, salt)).encrypt(nonce, data_key, _aad(slot_id, name))
        slots.append(
            {
                "id": slot_id,
                "name": name,
                "kdf": DEFAULT_KDF.to_json(),
                "salt": base64.b64encode(salt).decode(),
                "nonce": base64.b64encode(nonce).decode(),
                "wrapped": base64.b64encode(wrapped).decode(),
            }
        )
    first = {
        "format": "pace-keyslots",
        "version": 1,
        "key_check": doc["key_check"],
        "slots": slots,
        "recovery": None,
    }
    keys_path(store_path).write_text(json.dumps(first))


def test_first_release_slots_upgrade_at_unlock_and_a_removal_waits_for_them(store_path, tmp_path):
    _as_first_release(store_path, {ADVISER: PASSPHRASE, OTHER: OTHER_PASS, LEAVER: LEAVER_PASS})
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(store_path), kept)

    with Store.open(store_path, PASSPHRASE) as store:  # this unlock upgrades this adviser's slot
        assert [s.get("v", 1) for s in key_doc(store_path)["slots"]] == [2, 1, 1]
        removal = store.remove_adviser(LEAVER)
    assert not removal.rekeyed and removal.waiting == (OTHER,)
    assert removal.message(LEAVER) == (
        "Removed Leaving Adviser, but their old key file still opens this laptop until Iona Placeholder "
        "has unlocked it once with this version; the store is re-keyed then."
    )
    assert key_doc(store_path)["rekey_due"] is True
    # Today's behaviour meanwhile, and said so: the old key file still opens the store.
    Store.open(steal_with(store_path, kept, tmp_path), LEAVER_PASS).close()
    shutil.rmtree(tmp_path / "stolen")

    with Store.open(store_path, OTHER_PASS) as store:  # the last v1 slot upgrades, and the re-key runs
        assert store.adviser == OTHER
        seed(store, events=1, clients=2)
    doc = key_doc(store_path)
    assert doc["rekey_due"] is False and [s["v"] for s in doc["slots"]] == [2, 2]
    # A first-release file never noted which copy of the store it belongs to: refused, less precisely.
    with pytest.raises(RefusedError):
        Store.open(steal_with(store_path, kept, tmp_path), LEAVER_PASS)
    with Store.open(store_path, PASSPHRASE) as store:
        assert store.clients.count() == 2 and store.verify_audit().ok


def test_a_changed_passphrase_keeps_the_advisers_identity(store_path):
    with Store.open(store_path, PASSPHRASE) as store:
        recipient = key_doc(store_path)["slots"][0]["recipient"]
        store.change_passphrase(ADVISER, PASSPHRASE, "a brand new passphrase")
    assert key_doc(store_path)["slots"][0]["recipient"] == recipient
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, PASSPHRASE)
    Store.open(store_path, "a brand new passphrase").close()


def test_a_half_done_rekey_blocks_new_slots_and_is_finished_at_the_next_unlock(store_path):
    keys = KeySlotFile.load(keys_path(store_path))
    data_key = keys.unlock(PASSPHRASE)[0]
    old_check = key_doc(store_path)["key_check"]
    keys.stage_rekey(data_key, new_data_key(), remove=None, reason="adviser_removed")  # then a crash
    with pytest.raises(StoreError, match="did not finish"):
        keys.add_adviser(data_key, OTHER, OTHER_PASS)
    with Store.open(store_path, PASSPHRASE) as store:
        assert not store.keys.rekey_under_way and store.verify_audit().ok
    doc = key_doc(store_path)
    assert doc["key_check"] != old_check and doc["next"] is None
    with Store.open(store_path, PASSPHRASE) as store:
        store.add_adviser(OTHER, OTHER_PASS)
