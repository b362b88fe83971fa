"""Settings the machine's IT policy fixes (pace_desktop.policy) are shown read-only, each with the note
"Set by your organisation's IT policy", on every screen that would otherwise change them; what the
policy leaves alone is still the user's to change.

A real policy file (PACE_POLICY_FILE) and the real dialogs, driven by keyboard and mouse.
"""

from __future__ import annotations

import json

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from pace_desktop import policy
from pace_desktop.exchange.officekey import OfficeKey
from pace_desktop.ui.dialogs.export_dialog import ExportDialog
from pace_desktop.ui.dialogs.settings_dialog import SettingsDialog
from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.office.window import OfficeWindow
from pace_desktop.ui.widgets.reauth import ReauthDialog
from tests.ui.conftest import PASSPHRASE, active_dialog, settle, unlock
from tests.ui.office_fixtures import central_path, office_world  # noqa: F401 - fixtures

NOTE = "Set by your organisation's IT policy"


@pytest.fixture
def machine_policy(tmp_path, monkeypatch):
    """``machine_policy(dict)``: write the policy file IT would deploy and have the app read it."""
    path = tmp_path / "policy" / "policy.json"
    path.parent.mkdir()

    def write(values: dict) -> dict:
        path.write_text(json.dumps(values), encoding="utf-8")
        monkeypatch.setenv(policy.ENV, str(path))
        policy.current.cache_clear()
        return values

    yield write
    policy.current.cache_clear()


def office_key() -> OfficeKey:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    signing = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    return OfficeKey(recipient, "GLA1", signing)


def shows_note(row_message) -> bool:
    return not row_message.isHidden() and row_message.text() == NOTE


def open_settings(qtbot, window) -> SettingsDialog:
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    return active_dialog(qtbot, SettingsDialog)


def test_policy_fixed_settings_are_read_only_and_the_rest_still_save(
    qtbot, machine_policy, window_factory, store_path
):
    key = office_key()
    machine_policy({"autolock_minutes": 2, "retention_days": 14, "office_key": key.text()})
    window = window_factory(store_path)
    unlock(qtbot, window)
    settings = open_settings(qtbot, window)
    store = settings.session.store

    settings.tabs.setCurrentIndex(2)
    lock, keep = settings.limits["autolock_minutes"], settings.limits["retention_days"]
    idle = settings.limits["kiosk_idle_seconds"]
    assert (lock.value(), keep.value()) == (2, 14)
    for key_name in ("autolock_minutes", "retention_days"):
        spin, row = settings.limits[key_name], settings.limit_rows[key_name]
        assert spin.isReadOnly() and shows_note(row.message)
        assert spin.accessibleDescription() == NOTE
    assert not idle.isReadOnly() and settings.limit_rows["kiosk_idle_seconds"].message.isHidden()

    lock.setFocus()
    lock.selectAll()
    qtbot.keyClicks(lock, "10")
    qtbot.keyClick(lock, Qt.Key.Key_Up)
    assert lock.value() == 2  # typing and arrow keys change nothing
    idle.setFocus()
    idle.selectAll()
    qtbot.keyClicks(idle, "120")
    assert settings.limits_button.isEnabled()
    qtbot.mouseClick(settings.limits_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    settle(qtbot, settings.session)
    assert settings.banner.text() == ""
    assert settings.done_banner.text() == "The time limits were saved."
    assert store.int_setting("kiosk_idle_seconds") == 120
    assert store.int_setting("autolock_minutes") == 2
    assert settings.session.autolock_seconds == 120

    settings.tabs.setCurrentIndex(1)
    assert settings.office_file.isReadOnly() and not settings.office_button.isEnabled()
    assert shows_note(settings.office_row.message)
    assert settings.set_office_key() is None


def test_without_a_policy_nothing_is_read_only(qtbot, machine_policy, window_factory, store_path):
    machine_policy({})
    window = window_factory(store_path)
    unlock(qtbot, window)
    settings = open_settings(qtbot, window)
    assert not any(spin.isReadOnly() for spin in settings.limits.values())
    assert all(row.message.isHidden() for row in settings.limit_rows.values())
    assert not settings.office_file.isReadOnly() and settings.office_button.isEnabled()


def test_first_run_gives_the_new_store_the_policy_office_key(qtbot, machine_policy, window_factory, tmp_path):
    key = office_key()
    machine_policy({"office_key": key.text()})
    window = window_factory(tmp_path / "laptop" / "pace.store")
    screen = window.first_run
    assert screen.office_key.isReadOnly() and not screen.browse.isEnabled()
    assert shows_note(screen.office_row.message)
    screen.name.setText("Ailsa MacRae")
    screen.passphrase.setText("kettle harbour violet seven")
    screen.confirm.setText("kettle harbour violet seven")
    screen.go_next()
    screen.device.setText("Glasgow laptop 3")
    screen.go_next()
    screen.go_next()
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    assert window.session.store.office_recipient == key.recipient


def test_export_goes_to_the_policy_sync_folder(qtbot, machine_policy, window_factory, store_path, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    machine_policy({"sync_address": str(share)})
    window = window_factory(store_path)
    unlock(qtbot, window)
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.folder.path() == share
    assert dialog.folder.edit.isReadOnly() and not dialog.folder.button.isEnabled()
    assert shows_note(dialog.folder_row.message)


def test_office_retention_period_fixed_by_policy_is_read_only(
    qtbot,
    machine_policy,
    central_path,
    clock,
    wall_clock,
):
    machine_policy({"identifiable_retention_years": 7})
    window = OfficeWindow(session=CentralSession(central_path, clock=clock, wall_clock=wall_clock))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    rights = next(p for p in window.home.pages if type(p).__name__ == "PrivacyPage")
    rights.reload()
    settle(qtbot, window.session)
    assert rights.years.value() == 7
    assert rights.years.isReadOnly() and not rights.years_button.isEnabled()
    assert shows_note(rights.years_policy_note)
    window.session.lock()
