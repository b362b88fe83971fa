"""The machine-wide policy: what IT fixes applies to every store and cannot be changed by the user; a
broken policy file stops the app with one line naming the file."""

from __future__ import annotations

import json

import pytest

from pace_desktop import policy
from pace_desktop.cli import main
from pace_desktop.errors import RefusedError
from pace_desktop.exchange.officekey import install_office_key, laptop_office_key, read_office_key_file
from pace_desktop.office.central import init_office
from pace_desktop.paths import default_store_path
from pace_desktop.store.store import Store

PASSPHRASE = "correct horse battery staple"


@pytest.fixture()
def use_policy(tmp_path, monkeypatch):
    """Write a policy file, point PACE_POLICY_FILE at it and read it again; forgotten afterwards."""
    path = tmp_path / "policy.json"

    def write(content) -> object:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        monkeypatch.setenv(policy.ENV, str(path))
        policy.current.cache_clear()
        return path

    yield write
    policy.current.cache_clear()


@pytest.fixture()
def laptop(tmp_path):
    path = tmp_path / "laptop.store"
    Store.create(path, adviser="Ada Adviser", passphrase=PASSPHRASE).close()
    return path


@pytest.fixture()
def office_pub(tmp_path):
    keys = tmp_path / "office"
    keys.mkdir()
    made = init_office(tmp_path / "central.store", staff="Office Staff", passphrase=PASSPHRASE, out_dir=keys)
    return made.office_pub


def test_no_policy_file_fixes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(policy.ENV, str(tmp_path / "absent.json"))
    assert policy.reload().fixed() == {}
    policy.current.cache_clear()


def test_policy_can_fix_automatic_sync_on_or_off(use_policy, laptop):
    from pace_desktop.sync.laptop import SETTING_AUTO_SYNC

    for fixed, stored in ((True, "1"), (False, "0")):
        use_policy({"auto_sync": fixed})
        with Store.open(laptop, PASSPHRASE) as store:
            assert store.setting(SETTING_AUTO_SYNC) == stored
            with pytest.raises(RefusedError, match="Auto sync is set by your organisation's policy"):
                store.set_settings({SETTING_AUTO_SYNC: "0" if fixed else "1"})


def test_policy_values_win_and_cannot_be_changed(use_policy, laptop):
    path = use_policy({"autolock_minutes": 2, "retention_days": 14})
    with Store.open(laptop, PASSPHRASE) as store:
        assert store.int_setting("autolock_minutes") == 2
        assert store.int_setting("retention_days") == 14
        with pytest.raises(RefusedError) as refused:
            store.set_settings({"autolock_minutes": "30"})
        assert str(path) in refused.value.message and "\n" not in refused.value.message
        assert "policy" in refused.value.message
        store.set_settings({"kiosk_idle_seconds": "120"})  # what policy leaves alone stays the user's
        assert store.int_setting("kiosk_idle_seconds") == 120
    use_policy({})
    with Store.open(laptop, PASSPHRASE) as store:
        assert store.int_setting("autolock_minutes") == 5  # the store's own value was never overwritten


def test_office_retention_years_come_from_policy(use_policy, tmp_path, office_pub):
    from pace_desktop.privacy.retention import retention_years, set_retention_years

    use_policy({"identifiable_retention_years": 7})
    with Store.open(tmp_path / "central.store", PASSPHRASE) as central:
        assert retention_years(central) == 7
        with pytest.raises(RefusedError, match="Identifiable retention years is set by"):
            set_retention_years(central, 3)
        assert retention_years(central) == 7


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "one JSON object"),
        ({"autolock_minutes": 0}, "autolock_minutes"),
        ({"autolock_minutes": "5"}, "autolock_minutes has the wrong type"),
        ({"auto_lock": 5}, "auto_lock is not a policy setting"),
        ({"auto_sync": "yes"}, "auto_sync has the wrong type"),
        ({"office_key": "PACE-OFFICE-1 nonsense"}, "office_key"),
        ({"store_folder": "a\nb"}, "store_folder"),
    ],
)
def test_a_malformed_policy_stops_every_command_and_the_gui(use_policy, laptop, capsys, content, says):
    path = use_policy(content)
    for argv in (["audit-check", "--store", str(laptop)], ["--demo"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(path) in err and says in err, err
        assert "will not start" in err


def test_store_folder_sets_where_stores_live(use_policy, tmp_path, monkeypatch):
    monkeypatch.setenv("PACE_TEST_ROOT", str(tmp_path))
    use_policy({"store_folder": "$PACE_TEST_ROOT/managed"})
    assert default_store_path() == tmp_path / "managed" / "pace.store"
    assert (tmp_path / "managed").is_dir()


def test_init_takes_the_office_key_from_policy(use_policy, office_pub, tmp_path, monkeypatch, capsys):
    key = read_office_key_file(office_pub)
    use_policy({"office_key": office_pub.read_text(encoding="utf-8")})
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    store_path = tmp_path / "new.store"
    assert main(["init", "--store", str(store_path), "--adviser", "Ada Adviser"]) == 0
    with Store.open(store_path, PASSPHRASE) as store:
        assert laptop_office_key(store) == key


def test_another_office_key_is_refused(use_policy, office_pub, tmp_path, laptop, monkeypatch, capsys):
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = init_office(
        tmp_path / "other.store", staff="Office Staff", passphrase=PASSPHRASE, out_dir=other_dir
    ).office_pub
    path = use_policy({"office_key": office_pub.read_text(encoding="utf-8")})
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    store_path = tmp_path / "refused.store"
    assert main(["init", "--store", str(store_path), "--adviser", "Ada", "--office-key", str(other)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    assert "Office key is set by your organisation's policy" in err
    assert not store_path.exists()
    with Store.open(laptop, PASSPHRASE) as store, pytest.raises(RefusedError):
        install_office_key(store, read_office_key_file(other))


def test_self_check_passes_under_a_policy(use_policy, office_pub):
    from pace_desktop.selfcheck import run

    use_policy(
        {"office_key": office_pub.read_text(encoding="utf-8"), "autolock_minutes": 3, "retention_days": 10}
    )
    failed = []
    assert run(lambda name, ok: ok or failed.append(name)), failed


def test_a_network_sync_address_leaves_export_folders_alone(
    use_policy, tmp_path, office_pub, monkeypatch, capsys
):
    use_policy({"sync_address": "https://pace-office.example.org/sync"})
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    store_path = tmp_path / "n.store"
    assert (
        main(["init", "--store", str(store_path), "--adviser", "Ada", "--office-key", str(office_pub)]) == 0
    )
    assert main(["demo-data", "--store", str(store_path), "--events", "1", "--clients", "1"]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["export", "--store", str(store_path), "--out", str(usb)]) == 0
    assert len(list(usb.iterdir())) == 1


def test_export_goes_to_the_sync_address(use_policy, tmp_path, office_pub, monkeypatch, capsys):
    share = tmp_path / "share"
    share.mkdir()
    path = use_policy({"sync_address": str(share)})
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    store_path = tmp_path / "l.store"
    assert (
        main(["init", "--store", str(store_path), "--adviser", "Ada", "--office-key", str(office_pub)]) == 0
    )
    assert main(["demo-data", "--store", str(store_path), "--events", "1", "--clients", "2"]) == 0
    capsys.readouterr()
    assert main(["export", "--store", str(store_path)]) == 0
    assert capsys.readouterr().out.strip().startswith(str(share))
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    assert main(["export", "--store", str(store_path), "--out", str(elsewhere)]) == 3
    err = capsys.readouterr().err
    assert "Sync address is set by your organisation's policy" in err and str(path) in err
    assert list(elsewhere.iterdir()) == []
