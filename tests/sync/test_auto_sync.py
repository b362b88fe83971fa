"""Automatic sync: with the setting on (or fixed by IT's policy), an unlocked laptop sends to the real
relay by itself, says what happened in its status line, is quiet offline, and never holds up locking."""

from __future__ import annotations

import socket
import ssl
import threading

import pytest
from PySide6.QtCore import Qt

from pace_desktop.errors import RefusedError
from pace_desktop.sync.laptop import configure, set_auto_sync
from pace_desktop.sync.office import office_sync
from pace_desktop.sync.tls import make_certificate
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.sync.conftest import free_port
from tests.ui.conftest import (  # noqa: F401 - fixtures, shared by name
    _styled_app,
    clock,
    session_factory,
    unlock,
    wall_clock,
    window_factory,
)
from tests.ui.test_settings_policy import machine_policy  # noqa: F401 - fixture


def outbox_files(laptop_path):
    return sorted(laptop_path.with_name(laptop_path.name + ".outbox").glob("*.pacebundle"))


def test_off_by_default_nothing_is_sent(qtbot, window_factory, relay, enrolled, laptop, laptop_path):
    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    laptop.close()
    window = window_factory(laptop_path)
    unlock(qtbot, window)
    assert not window.auto_sync.timer.isActive()
    assert window.sync_status.isHidden()
    assert relay.mailbox().waiting() == []


def test_on_it_sends_after_unlock_then_again_and_shows_the_result(
    qtbot, window_factory, relay, enrolled, laptop, laptop_path
):
    register(laptop, 2)
    configure(laptop, relay.url, relay.pin)
    set_auto_sync(laptop, True)
    office_sync(enrolled, relay.office_client())
    laptop.close()
    window = window_factory(laptop_path)
    window.auto_sync.interval_ms = 300
    shown: list[str] = []  # every line the status showed, in order
    window.auto_sync.message.connect(lambda _text: shown.append(window.sync_status.text()))
    unlock(qtbot, window)
    first = "1 bundle sent, 0 records confirmed by the office."
    qtbot.waitUntil(lambda: first in shown, timeout=20000)
    assert shown[:2] == ["Sending to the office…", first]
    assert len(relay.mailbox().waiting()) == 1 and outbox_files(laptop_path) == []
    office_sync(enrolled, relay.office_client())  # the office imports it; the receipt waits at the relay
    # A later automatic run, on its own, brings the receipt back.
    qtbot.waitUntil(
        lambda: any(
            line.startswith("0 bundles sent, ")
            and line != "0 bundles sent, 0 records confirmed by the office."
            for line in shown
        ),
        timeout=20000,
    )
    assert relay.mailbox().mail(window.session.store.device_id) == []
    window.session.lock()
    assert window.sync_status.isHidden() and not window.auto_sync.timer.isActive()


def test_offline_is_one_quiet_line(qtbot, window_factory, relay, laptop, laptop_path):
    from PySide6.QtWidgets import QApplication, QDialog

    register(laptop, 1)
    configure(laptop, f"https://127.0.0.1:{free_port()}", relay.pin)
    set_auto_sync(laptop, True)
    laptop.close()
    window = window_factory(laptop_path)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: "No connection to the office relay" in window.sync_status.text(), timeout=20000)
    text = window.sync_status.text()
    assert "stays queued" in text and "\n" not in text
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(outbox_files(laptop_path)) == 1  # queued for the next try


class StallingRelay:
    """A relay that takes the request and then answers one header line every half second, for ever:
    a connection that never fails on its own, so only cancelling lets go of it."""

    def __init__(self, folder) -> None:
        self.pin = make_certificate(folder / "stall.crt", folder / "stall.key", ["127.0.0.1"])
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(folder / "stall.crt", folder / "stall.key")
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.asked = threading.Event()
        self.closed = threading.Event()
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        raw, _ = self.listener.accept()
        with self.context.wrap_socket(raw, server_side=True) as conn:
            conn.settimeout(1)
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            self.asked.set()
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not self.stop.wait(0.5):
                    conn.sendall(b"X-Wait: 1\r\n")
            except OSError:
                self.closed.set()


@pytest.fixture
def stalled(qtbot, window_factory, laptop, laptop_path, tmp_path):
    """The window just unlocked, its automatic sync stuck waiting on a relay that never answers."""
    stalling = StallingRelay(tmp_path)
    register(laptop, 1)
    configure(laptop, f"https://127.0.0.1:{stalling.port}", stalling.pin)
    set_auto_sync(laptop, True)
    laptop.close()
    window = window_factory(laptop_path)
    window.unlock.passphrase.setFocus()
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(stalling.asked.is_set, timeout=20000)
    assert window.session.worker.busy  # the sync is waiting on the relay
    yield window
    stalling.stop.set()


def test_locking_is_never_held_up_by_a_sync_under_way(qtbot, stalled, laptop_path):
    session = stalled.session
    stalled.lock()
    assert not session.is_unlocked
    # The lock did not wait out the connection: the sync had already let go when it returned.
    assert session.worker.wait(0)
    qtbot.waitUntil(lambda: not session.worker.busy, timeout=5000)
    assert stalled.sync_status.isHidden()
    assert len(outbox_files(laptop_path)) == 1  # unacknowledged: stays queued


def test_the_idle_lock_does_not_wait_for_an_automatic_sync(stalled, clock, laptop_path):
    session = stalled.session
    clock.advance(session.autolock_seconds + 1)
    session.check_idle()
    assert not session.is_unlocked and session.lock_reason == "idle"
    assert session.worker.wait(0)
    assert len(outbox_files(laptop_path)) == 1


def test_the_machine_policy_can_switch_it_on_and_fix_it(
    qtbot, machine_policy, window_factory, relay, enrolled, laptop, laptop_path
):
    register(laptop, 1)
    configure(laptop, relay.url, relay.pin)
    office_sync(enrolled, relay.office_client())
    machine_policy({"auto_sync": True})
    with pytest.raises(RefusedError, match="Auto sync is set by your organisation's policy"):
        set_auto_sync(laptop, False)
    laptop.close()
    window = window_factory(laptop_path)
    unlock(qtbot, window)
    qtbot.waitUntil(
        lambda: window.sync_status.text() == "1 bundle sent, 0 records confirmed by the office.",
        timeout=20000,
    )
    assert len(relay.mailbox().waiting()) == 1


def test_the_adviser_switches_it_on_in_settings_confirming_with_enter(
    qtbot, machine_policy, window_factory, laptop, laptop_path
):
    from pace_desktop.ui.widgets.reauth import ReauthDialog
    from tests.ui.conftest import active_dialog, settle
    from tests.ui.test_settings_policy import open_settings

    machine_policy({})
    laptop.close()
    window = window_factory(laptop_path)
    unlock(qtbot, window)
    settings = open_settings(qtbot, window)
    settings.tabs.setCurrentIndex(2)
    assert settings.auto_sync.isEnabled() and not settings.auto_sync.isChecked()  # off by default
    qtbot.mouseClick(settings.auto_sync, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(settings.limits_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter confirms
    settle(qtbot, settings.session)
    assert not dialog.isVisible()
    assert settings.done_banner.text() == "The time limits were saved."
    assert settings.session.store.setting("auto_sync") == "1"


def test_a_policy_fixed_auto_sync_is_shown_but_not_editable(
    qtbot, machine_policy, window_factory, laptop, laptop_path
):
    from tests.ui.test_settings_policy import NOTE, open_settings

    machine_policy({"auto_sync": False})
    laptop.close()
    window = window_factory(laptop_path)
    unlock(qtbot, window)
    settings = open_settings(qtbot, window)
    assert not settings.auto_sync.isEnabled() and not settings.auto_sync.isChecked()
    assert settings.auto_sync.accessibleDescription() == NOTE
