"""Starting the GUI: --demo makes, shows and then deletes a throwaway store; --office needs its module."""

from __future__ import annotations

import tempfile

from pace_desktop.cli import main
from pace_desktop.ui import app as gui
from pace_desktop.ui.dialogs.progress import ProgressDialog
from tests.ui.conftest import settle


def test_demo_mode_shows_fictional_events_then_deletes_its_store(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where mkdtemp puts the demo folder
    monkeypatch.setattr(gui, "DEMO_CLIENTS", 30)
    running = gui.start(demo=True)  # what run() shows before it hands over to Qt's event loop
    window = running.window
    qtbot.addWidget(window)
    progress = [d for d in window.findChildren(ProgressDialog) if d.isVisible()]
    assert progress and progress[0].label.text() == "Making a store of fictional people…"

    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10000)
    settle(qtbot, window.session)
    home = window.home
    assert home.upcoming.model.rowCount() + home.past.model.rowCount() == gui.DEMO_EVENTS
    assert window.demo_banner.text().startswith("Demo: every person here is fictional")
    assert not progress[0].isVisible()
    assert [p.name.startswith("pace-demo-") for p in tmp_path.iterdir()] == [True]

    running.close()
    assert not window.session.is_unlocked
    assert list(tmp_path.iterdir()) == []  # the demo store is gone


def test_office_mode_without_its_module_is_one_line_and_exit_2(capsys, monkeypatch):
    monkeypatch.setattr(gui, "OFFICE_MODULE", "pace_desktop.ui.office.not_built_here")
    assert main(["--office"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pace-desktop: Office mode is not part of this copy")
    assert err.count("\n") == 1
