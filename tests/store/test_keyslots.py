"""Key slots: each adviser's passphrase and the office key open the same data key, nothing else.

Argon2id costs ~0.1 s per try by design, so one slot file is made per module and copied per test.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat

import pyrage
import pytest

from pace_desktop import durable
from pace_desktop.errors import StoreError, ValidationFailed, WrongPassphrase
from pace_desktop.store.atomic import write_atomic
from pace_desktop.store.keyslots import (
    KeySlotFile,
    check_passphrase,
    new_data_key,
    passphrase_strength,
    raw_key_pragma,
)

FIRST, FIRST_PASS = "Morag Example", "heather kettle lantern"
SECOND, SECOND_PASS = "Tam Sample", "orbit velvet pigeon 42"
WRONG_LINE = "That passphrase is not right. Check Caps Lock and try again."


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A slot file with two advisers and an office recovery slot, plus the secrets that made it."""
    folder = tmp_path_factory.mktemp("keys")
    data_key = new_data_key()
    office = pyrage.x25519.Identity.generate()
    keys = KeySlotFile.create(
        folder / "pace.store.keys", data_key, FIRST, FIRST_PASS, str(office.to_public())
    )
    keys.add_adviser(data_key, SECOND, SECOND_PASS)
    return keys.path, data_key, office


@pytest.fixture
def slots(template, tmp_path):
    path, data_key, office = template
    copy = tmp_path / "pace.store.keys"
    shutil.copy2(path, copy)
    return KeySlotFile.load(copy), data_key, office


def test_each_adviser_unlocks_the_same_data_key_and_is_named(slots):
    keys, data_key, _ = slots
    assert keys.advisers == [FIRST, SECOND]
    assert keys.unlock(FIRST_PASS) == (data_key, FIRST)
    assert keys.unlock(SECOND_PASS) == (data_key, SECOND)


def test_a_wrong_passphrase_is_refused_with_the_clear_line(slots):
    keys, _, _ = slots
    with pytest.raises(WrongPassphrase) as err:
        keys.unlock("heather kettle lanterns")
    assert str(err.value) == WRONG_LINE
    assert err.value.exit_code == 3


def test_a_removed_adviser_cannot_unlock_and_the_last_one_cannot_be_removed(slots):
    keys, data_key, _ = slots
    keys.remove_adviser("tam sample")  # names match whatever the case
    reloaded = KeySlotFile.load(keys.path)
    assert reloaded.advisers == [FIRST]
    with pytest.raises(WrongPassphrase):
        reloaded.unlock(SECOND_PASS)
    with pytest.raises(ValidationFailed, match="only adviser"):
        reloaded.remove_adviser(FIRST)
    assert KeySlotFile.load(keys.path).unlock(FIRST_PASS) == (data_key, FIRST)


def test_change_passphrase_keeps_the_data_key_and_retires_the_old_one(slots):
    keys, data_key, _ = slots
    before = keys.path.read_bytes()
    with pytest.raises(WrongPassphrase, match="not right"):
        keys.change_passphrase(FIRST, "not my passphrase at all", "meadow copper violin")
    assert keys.path.read_bytes() == before  # a refused change writes nothing

    keys.change_passphrase(FIRST, FIRST_PASS, "meadow copper violin")
    reloaded = KeySlotFile.load(keys.path)
    with pytest.raises(WrongPassphrase):
        reloaded.unlock(FIRST_PASS)
    assert reloaded.unlock("meadow copper violin") == (data_key, FIRST)
    assert reloaded.unlock(SECOND_PASS) == (data_key, SECOND)  # the other slot is untouched


def test_the_office_identity_opens_the_recovery_slot_and_another_does_not(slots):
    keys, data_key, office = slots
    assert keys.has_recovery and keys.office_recipient == str(office.to_public())
    assert keys.unlock_recovery(str(office)) == data_key
    # The file that `office backup-identity` writes (comment lines, then the key) works as well.
    assert keys.unlock_recovery(f"# created: 2026-11-20\n# public key: x\n{office}\n") == data_key
    with pytest.raises(WrongPassphrase, match="does not open this store"):
        keys.unlock_recovery(str(pyrage.x25519.Identity.generate()))
    with pytest.raises(WrongPassphrase, match="AGE-SECRET-KEY-1"):
        keys.unlock_recovery("not a key")


def test_the_office_recipient_is_checked_and_can_be_dropped(slots):
    keys, data_key, office = slots
    with pytest.raises(ValidationFailed) as err:
        keys.set_office_recipient(data_key, "age1 this is not a key")
    assert "\n" not in str(err.value) and "age1" in str(err.value)
    keys.set_office_recipient(data_key, None)
    assert not KeySlotFile.load(keys.path).has_recovery
    with pytest.raises(StoreError, match="no office recovery key"):
        KeySlotFile.load(keys.path).unlock_recovery(str(office))
    # A key that is not this store's is never wrapped: that slot would open nothing.
    with pytest.raises(StoreError, match="does not belong"):
        keys.set_office_recipient(new_data_key(), str(office.to_public()))


def test_duplicate_names_weak_passphrases_and_foreign_keys_are_refused(slots):
    keys, data_key, _ = slots
    before = keys.path.read_bytes()
    with pytest.raises(ValidationFailed, match="already"):
        keys.add_adviser(data_key, "  MORAG example ", "river candle harbour")
    with pytest.raises(ValidationFailed, match="at least 12"):
        keys.add_adviser(data_key, "Iona Placeholder", "short")
    with pytest.raises(StoreError, match="does not belong"):
        keys.add_adviser(new_data_key(), "Iona Placeholder", "river candle harbour")
    assert keys.path.read_bytes() == before


@pytest.mark.parametrize(
    ("passphrase", "message"),
    [
        ("short", "Passphrase must be at least 12 characters."),
        ("aaaaaaaaaaaa", "too easy to guess"),
        ("Password1234", "too easy to guess"),
        (" leading space phrase", "start or end with a space"),
        ("line\nbreak passphrase", "line breaks"),
    ],
)
def test_a_poor_new_passphrase_is_refused_in_one_line(passphrase, message):
    with pytest.raises(ValidationFailed) as err:
        check_passphrase(passphrase)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_strength_labels_rise_with_length_and_variety():
    assert passphrase_strength("abc") == (0, "Too short")
    assert passphrase_strength("aaaaaaaaaaaa") == (1, "Weak")
    assert passphrase_strength("password password") == (1, "Weak")
    assert passphrase_strength("correct horse battery staple") == (4, "Strong")
    scores = [
        passphrase_strength(p)[0]
        for p in ("123456789012", "Summer2024!!", "Xk7#pQ2m!vR9", "heather kettle lantern")
    ]
    assert scores == sorted(scores) and scores[0] < scores[-1]


def test_create_refuses_a_short_passphrase_and_an_existing_file(template, tmp_path):
    path, data_key, _ = template
    with pytest.raises(ValidationFailed, match="at least 12 characters"):
        KeySlotFile.create(tmp_path / "new.keys", data_key, FIRST, "short")
    assert not (tmp_path / "new.keys").exists()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        KeySlotFile.create(path, new_data_key(), FIRST, FIRST_PASS)
    assert path.read_bytes() == before


def test_the_slot_file_never_holds_a_passphrase_or_the_data_key(slots):
    keys, data_key, _ = slots
    keys.change_passphrase(SECOND, SECOND_PASS, "meadow copper violin")
    blob = keys.path.read_bytes()
    lowered = blob.lower()
    assert data_key not in blob
    assert data_key.hex().encode() not in lowered
    assert base64.b64encode(data_key) not in blob
    for secret in (FIRST_PASS, SECOND_PASS, "meadow copper violin"):
        assert secret.encode().lower() not in lowered
    if os.name != "nt":
        assert stat.S_IMODE(keys.path.stat().st_mode) == 0o600


def test_a_missing_damaged_or_newer_file_is_refused_in_one_line(slots, tmp_path):
    keys, _, _ = slots
    doc = json.loads(keys.path.read_text())
    cases = {
        "missing": (None, "missing"),
        "garbage": (b"\x00\x01 not json", "damaged"),
        "truncated": (keys.path.read_bytes()[:200], "damaged"),
        "no slots": (json.dumps({**doc, "slots": []}).encode(), "damaged"),
        "newer": (json.dumps({**doc, "version": 3}).encode(), "newer PACE Intake"),
    }
    for name, (content, words) in cases.items():
        target = tmp_path / f"{name}.keys"
        if content is not None:
            target.write_bytes(content)
        with pytest.raises(StoreError) as err:
            KeySlotFile.load(target)
        assert words in str(err.value) and "\n" not in str(err.value), name


def test_a_renamed_slot_no_longer_opens(slots):
    """The name is bound into the slot: an edited file cannot credit an unlock to someone else."""
    keys, _, _ = slots
    doc = json.loads(keys.path.read_text())
    doc["slots"][1]["name"] = "Iona Placeholder"
    keys.path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeySlotFile.load(keys.path).unlock(SECOND_PASS)


def test_a_failed_save_leaves_the_old_file_intact(slots, monkeypatch):
    keys, data_key, _ = slots
    before = keys.path.read_bytes()

    def power_cut(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(durable.os, "replace", power_cut)
    with pytest.raises(StoreError, match="could not be saved"):
        keys.remove_adviser(SECOND)
    monkeypatch.undo()
    assert keys.path.read_bytes() == before
    assert sorted(p.name for p in keys.path.parent.iterdir()) == [keys.path.name]  # no temp left
    assert keys.advisers == [FIRST, SECOND]
    assert KeySlotFile.load(keys.path).unlock(SECOND_PASS) == (data_key, SECOND)


def test_write_atomic_replaces_the_whole_file_privately(tmp_path):
    target = tmp_path / "state.json"
    target.write_bytes(b"old contents that are longer than the new")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_raw_key_pragma_is_the_exact_raw_key_form():
    key = bytes(range(32))
    assert raw_key_pragma(key) == f"PRAGMA key = \"x'{key.hex()}'\""
    with pytest.raises(ValueError):
        raw_key_pragma(b"too short")
    assert len(new_data_key()) == 32 and new_data_key() != new_data_key()
