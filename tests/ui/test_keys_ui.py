"""Key management in the screens, behind the passphrase: removing an adviser says what it does and
re-keys the store; retention is set in Settings; the office recovers a laptop from its Key tab."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from pace_desktop.errors import WrongPassphrase
from pace_desktop.store.store import RETENTION_DAYS, Store, keys_path
from pace_desktop.ui.office.recover_dialog import RecoverLaptopDialog
from pace_desktop.ui.widgets.reauth import ReauthDialog
from tests.conftest import copy_store
from tests.pg.conftest import pg, pg_db  # noqa: F401 - fixtures
from tests.ui.conftest import ADVISER, PASSPHRASE, active_dialog, settle
from tests.ui.office_fixtures import central_path, office_world  # noqa: F401 - fixtures
from tests.ui.test_office import database, office, show_tab  # noqa: F401 - fixtures
from tests.ui.test_settings import SECOND, SECOND_PASSPHRASE, advisers_listed, confirm_with, settings  # noqa: F401

NEW_PASSPHRASE = "harbour lantern meadow 7"


def test_removing_an_adviser_says_their_key_will_no_longer_open_this_laptop(qtbot, settings, tmp_path):
    store = settings.session.store
    store.add_adviser(SECOND, SECOND_PASSPHRASE)
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(store.path), kept)
    settings.refresh()
    settings.advisers.setCurrentRow(1)
    qtbot.mouseClick(settings.remove_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    assert "Their key will no longer open this laptop" in dialog.findChild(type(dialog.row.label)).text()
    confirm_with(qtbot, PASSPHRASE)
    settle(qtbot, settings.session)
    assert settings.done_banner.text() == (
        f"Removed {SECOND}: the store was re-keyed, so their key will no longer open this laptop."
    )
    assert advisers_listed(settings) == [f"{ADVISER} (you)"]
    # The unlocked session carries on under the new key.
    assert store.verify_passphrase(PASSPHRASE) == ADVISER and store.verify_audit().ok
    stolen = tmp_path / "stolen" / "pace.store"
    stolen.parent.mkdir()
    shutil.copy2(store.path, stolen)
    shutil.copy2(kept, keys_path(stolen))
    with pytest.raises(WrongPassphrase):
        Store.open(stolen, SECOND_PASSPHRASE)


def test_retention_is_set_in_settings_after_the_passphrase(qtbot, settings):
    store = settings.session.store
    settings.tabs.setCurrentIndex(2)
    days = settings.limits["retention_days"]
    assert (days.minimum(), days.maximum()) == RETENTION_DAYS  # the core's rule, not a second copy
    days.setFocus()
    days.selectAll()
    qtbot.keyClicks(days, "14")
    qtbot.mouseClick(settings.limits_button, Qt.MouseButton.LeftButton)
    confirm_with(qtbot, PASSPHRASE)
    assert store.int_setting("retention_days") == 14
    assert settings.done_banner.text() == "The time limits were saved."


def fill_recovery(qtbot, dialog: RecoverLaptopDialog, laptop, mine: str) -> None:
    dialog.store_file.set_path(laptop)
    qtbot.keyClicks(dialog.name, "Iona Placeholder")
    qtbot.keyClicks(dialog.new, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.again, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.remove_old, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.mine, mine)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog.session)


def test_the_office_recovers_a_laptop_behind_its_passphrase(qtbot, office, office_world, tmp_path):
    laptop = copy_store(office_world.fresh_laptop, tmp_path / "laptop", "laptop.store")
    kept = tmp_path / "kept.keys"
    shutil.copy2(keys_path(laptop), kept)
    key = office.home.key
    show_tab(qtbot, office, key)
    qtbot.mouseClick(key.recover_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, RecoverLaptopDialog)

    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.store_row.message.text() == "Choose the laptop's store file."
    fill_recovery(qtbot, dialog, laptop, "not my passphrase at all")
    assert dialog.isVisible() and dialog.mine_row.message.text().startswith("That is not your passphrase")
    Store.open(laptop, PASSPHRASE).close()  # nothing changed yet

    dialog.mine.clear()
    qtbot.keyClicks(dialog.mine, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert not dialog.isVisible()
    banner = key.done_banner.text()
    assert "Iona Placeholder can now unlock it with their new passphrase." in banner
    assert "Removed Ailsa Demo: the store was re-keyed" in banner
    with Store.open(laptop, NEW_PASSPHRASE) as store:
        assert store.keys.advisers == ["Iona Placeholder"] and store.clients.count() == 4
    with pytest.raises(WrongPassphrase):
        Store.open(laptop, PASSPHRASE)
    stolen = tmp_path / "stolen" / "laptop.store"
    stolen.parent.mkdir()
    shutil.copy2(laptop, stolen)
    shutil.copy2(kept, keys_path(stolen))
    with pytest.raises(WrongPassphrase):
        Store.open(stolen, PASSPHRASE)
