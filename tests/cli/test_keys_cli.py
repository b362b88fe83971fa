"""Key management from a shell: adviser add / remove / passphrase / list, retention, and the office's
recover — each behind the passphrase, each audited, each error one line with the usual exit status."""

from __future__ import annotations

import shutil

import pytest

from pace_desktop.store.store import Store, keys_path
from tests.cli.test_cli import run
from tests.conftest import PASSPHRASE

SECOND, SECOND_PASS = "Tam Sample", "orbit velvet pigeon 42"
NEW_PASS = "a brand new passphrase here"


def new(passphrase: str) -> dict[str, str]:
    return {"PACE_NEW_PASSPHRASE": passphrase}


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def actions(store_path, passphrase=PASSPHRASE) -> list[tuple[str, str | None, str | None]]:
    with Store.open(store_path, passphrase) as store:
        return store.db.query("SELECT actor, action, detail FROM audit ORDER BY seq")


@pytest.fixture
def laptop(tmp_path):
    path = tmp_path / "laptop.store"
    result = run("init", "--store", str(path), "--adviser", "Ailsa Demo")
    assert result.returncode == 0, result.stderr
    assert run("demo-data", "--store", str(path), "--events", "1", "--clients", "4").returncode == 0
    return path


def test_add_then_remove_an_adviser_whose_old_key_file_then_opens_nothing(laptop, tmp_path):
    wrong = run(
        "adviser",
        "add",
        "--store",
        str(laptop),
        "--name",
        SECOND,
        env_pass="not the passphrase at all",
        extra_env=new(SECOND_PASS),
    )
    assert wrong.returncode == 3 and "passphrase is not right" in one_line(wrong)
    weak = run("adviser", "add", "--store", str(laptop), "--name", SECOND, extra_env=new("short"))
    assert weak.returncode == 3 and "at least 12 characters" in one_line(weak)
    no_new = run("adviser", "add", "--store", str(laptop), "--name", SECOND)
    assert no_new.returncode == 2 and "PACE_NEW_PASSPHRASE" in one_line(no_new)
    assert run("adviser", "list", "--store", str(laptop)).stdout == "Ailsa Demo\n"

    added = run("adviser", "add", "--store", str(laptop), "--name", SECOND, extra_env=new(SECOND_PASS))
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"Added {SECOND}: they can unlock this laptop with their own passphrase.\n"
    assert (
        run("adviser", "list", "--store", str(laptop), env_pass=SECOND_PASS).stdout
        == f"Ailsa Demo\n{SECOND}\n"
    )
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(laptop), kept)  # the leaver keeps a copy

    nobody = run("adviser", "remove", "--store", str(laptop), "--name", "Nobody Here")
    assert nobody.returncode == 3 and "No adviser by that name" in one_line(nobody)

    removed = run("adviser", "remove", "--store", str(laptop), "--name", SECOND)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == (
        f"Removed {SECOND}: the store was re-keyed, so their key will no longer open this laptop.\n"
    )
    gone = run("device-key", "--store", str(laptop), env_pass=SECOND_PASS)
    assert gone.returncode == 3 and "passphrase is not right" in one_line(gone)
    stolen = tmp_path / "stolen" / "laptop.store"
    stolen.parent.mkdir()
    shutil.copy2(laptop, stolen)
    shutil.copy2(kept, keys_path(stolen))
    old_copy = run("device-key", "--store", str(stolen), env_pass=SECOND_PASS)
    assert old_copy.returncode == 3
    assert one_line(old_copy).startswith("pace-desktop: That key file no longer opens this store")

    assert run("audit-check", "--store", str(laptop)).returncode == 0
    with Store.open(laptop, PASSPHRASE) as store:
        assert store.clients.count() == 4
    done = [(actor, action) for actor, action, _ in actions(laptop)]
    assert ("Ailsa Demo", "adviser_added") in done and ("Ailsa Demo", "adviser_removed") in done


def test_change_your_own_passphrase(laptop):
    same = run("adviser", "passphrase", "--store", str(laptop), extra_env=new(PASSPHRASE))
    assert same.returncode == 3 and "same as the old one" in one_line(same)
    changed = run("adviser", "passphrase", "--store", str(laptop), extra_env=new(NEW_PASS))
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout == (
        "Changed the passphrase of Ailsa Demo. Other advisers' passphrases did not change.\n"
    )
    assert run("device-key", "--store", str(laptop)).returncode == 3
    assert run("device-key", "--store", str(laptop), env_pass=NEW_PASS).returncode == 0
    assert ("Ailsa Demo", "passphrase_changed", None) in actions(laptop, NEW_PASS)


def test_retention_is_shown_and_set_behind_the_passphrase(laptop):
    shown = run("retention", "--store", str(laptop))
    assert shown.stdout == "Confirmed records stay on this laptop for 30 days.\n"
    wrong = run("retention", "--store", str(laptop), "--days", "10", env_pass="not the passphrase at all")
    assert wrong.returncode == 3
    too_long = run("retention", "--store", str(laptop), "--days", "400")
    assert too_long.returncode == 2
    assert one_line(too_long) == "pace-desktop: Keep confirmed records between 1 and 365 days."
    changed = run("retention", "--store", str(laptop), "--days", "10")
    assert changed.returncode == 0 and changed.stdout == (
        "Confirmed records now stay on this laptop for 10 days.\n"
    )
    assert (
        run("retention", "--store", str(laptop)).stdout
        == "Confirmed records stay on this laptop for 10 days.\n"
    )
    assert ("Ailsa Demo", "settings_changed", "retention_days") in actions(laptop)


@pytest.fixture
def office_and_laptop(tmp_path):
    central = tmp_path / "central.store"
    result = run(
        "office", "init", "--central", str(central), "--staff", "Morven Office", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    laptop = tmp_path / "laptop.store"
    assert (
        run(
            "init",
            "--store",
            str(laptop),
            "--adviser",
            "Ailsa Demo",
            "--office-key",
            str(tmp_path / "office.pub"),
        ).returncode
        == 0
    )
    assert run("demo-data", "--store", str(laptop), "--events", "1", "--clients", "3").returncode == 0
    return central, laptop


def test_the_office_recovers_a_leavers_laptop_with_the_central_store(office_and_laptop, tmp_path):
    central, laptop = office_and_laptop
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(laptop), kept)  # the leaver's copy
    args = (
        "office",
        "recover",
        "--central",
        str(central),
        "--store",
        str(laptop),
        "--adviser",
        "Iona Placeholder",
        "--remove",
        "Ailsa Demo",
    )
    wrong = run(*args, env_pass="not the staff passphrase", extra_env=new(NEW_PASS))
    assert wrong.returncode == 3 and "passphrase is not right" in one_line(wrong)
    weak = run(*args, extra_env=new("short"))
    assert weak.returncode == 3 and "at least 12 characters" in one_line(weak)

    result = run(*args, extra_env=new(NEW_PASS))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Recovered This laptop (LT") and lines[0].endswith(
        "Iona Placeholder can now unlock it with their new passphrase."
    )
    assert lines[1] == (
        "Removed Ailsa Demo: the store was re-keyed, so their key will no longer open this laptop."
    )
    assert lines[2] == "Advisers who can unlock it: Iona Placeholder."
    assert run("device-key", "--store", str(laptop)).returncode == 3  # the leaver's passphrase
    with Store.open(laptop, NEW_PASS) as store:
        assert store.clients.count() == 3 and store.verify_audit().ok
    done = [(actor, action) for actor, action, _ in actions(laptop, NEW_PASS)]
    assert ("office recovery", "adviser_added") in done and ("office recovery", "adviser_removed") in done
    assert ("Morven Office", "unlock", "laptop_recovered") in actions(central)
    stolen = tmp_path / "stolen" / "laptop.store"
    stolen.parent.mkdir()
    shutil.copy2(laptop, stolen)
    shutil.copy2(kept, keys_path(stolen))
    assert run("device-key", "--store", str(stolen)).returncode == 3


def test_the_office_recovers_with_its_identity_backup_and_refuses_another_office(office_and_laptop, tmp_path):
    central, laptop = office_and_laptop
    backup = tmp_path / "office-identity.txt"
    assert run("office", "backup-identity", "--central", str(central), "--out", str(backup)).returncode == 0
    other = tmp_path / "other"
    other.mkdir()
    assert (
        run(
            "office",
            "init",
            "--central",
            str(other / "c.store"),
            "--staff",
            "Other Office",
            "--out",
            str(other),
        ).returncode
        == 0
    )
    assert (
        run(
            "office", "backup-identity", "--central", str(other / "c.store"), "--out", str(other / "id.txt")
        ).returncode
        == 0
    )
    refused = run(
        "office",
        "recover",
        "--identity",
        str(other / "id.txt"),
        "--store",
        str(laptop),
        "--adviser",
        "Iona Placeholder",
        extra_env=new(NEW_PASS),
    )
    assert refused.returncode == 3 and "does not open this store" in one_line(refused)
    not_a_key = run(
        "office",
        "recover",
        "--identity",
        str(laptop),
        "--store",
        str(laptop),
        "--adviser",
        "Iona Placeholder",
        extra_env=new(NEW_PASS),
    )
    assert not_a_key.returncode == 3 and "not an office identity file" in one_line(not_a_key)

    result = run(
        "office",
        "recover",
        "--identity",
        str(backup),
        "--store",
        str(laptop),
        "--adviser",
        "Iona Placeholder",
        env_pass=None,
        extra_env=new(NEW_PASS),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Advisers who can unlock it: Ailsa Demo, Iona Placeholder."
    assert run("device-key", "--store", str(laptop), env_pass=NEW_PASS).returncode == 0
    assert run("device-key", "--store", str(laptop)).returncode == 0  # nobody was removed
