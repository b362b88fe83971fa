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


def test_a_central_database_is_for_the_office_window_only(capsys):
    assert main(["--database", "postgresql://pace@db.example/pace"]) == 2
    assert capsys.readouterr().err == "pace-desktop: --database is for the office's window: add --office.\n"


def test_a_demo_ended_by_a_signal_still_deletes_its_store(tmp_path):
    # Log-out, shut-down or kill sends SIGTERM: the app must close as if its window were closed.
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    code = "from pace_desktop.cli import main; raise SystemExit(main(['--demo']))"
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("pace-demo-*/demo.store")):
            assert child.poll() is None, child.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "the demo store never appeared"
            time.sleep(0.1)
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == 0, err.decode()[-2000:]
    assert list(tmp_path.iterdir()) == []  # the demo folder and its store are gone


def _without_a_display(tmp_path, **extra):
    """The real program (python -m pace_desktop --demo) in an environment with no Qt platform chosen."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(TMPDIR=str(tmp_path), **extra)
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", "--demo"], env=env, capture_output=True, text=True, timeout=60
    )


def test_with_no_display_the_program_says_so_in_one_line_and_exits_1(tmp_path):
    done = _without_a_display(tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "no desktop display was found" in lines[0] and "pace-desktop --help" in lines[0]
    assert "platform plugin" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # no demo store begun


def test_a_display_that_does_not_answer_is_named_in_one_line(tmp_path):
    done = _without_a_display(tmp_path, DISPLAY=":4093")  # no X server listens there
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "the display :4093 cannot be reached" in lines[0]
    assert "platform plugin" not in done.stderr and "qt.qpa" not in done.stderr


def test_an_offscreen_or_wayland_platform_needs_no_x_display():
    from pace_desktop.ui.qtcheck import display_problem

    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem({}) is not None
    assert display_problem({"QT_QPA_PLATFORM": "wayland"}) is not None  # named, with no display
