"""Renders every main screen from a throwaway demo store to PNG files for the README and docs.

    python -m tools.screenshots --out docs/screenshots

Runs on a real X server (Xvfb at 1280x720, the smallest supported screen, with Openbox managing the
windows; the xcb platform) and grabs the pixels from the screen, so clipped text, overlaps and windows
taller than the screen show as a person would see them. ``--offscreen`` renders with Qt alone (no X
tools needed, but it hides those defects). Set QT_SCALE_FACTOR=1.5 to check high-DPI scaling. The
client-record, kiosk and office screens come from ``dialogs.py``, ``kiosk.py`` and ``office.py`` beside
this file. Tooling for the docs, not part of the app: nothing in ``pace_desktop`` imports it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1366, 768)  # asked for; on the 1280x720 screen a window gets what fits (fit_to_screen)
SCREEN = (1280, 720)
ADVISER = "Ailsa MacRae"
DEVICE = "Glasgow laptop 3"
PASSPHRASE = "kettle harbour violet seven"  # noqa: S105 - a fictional demo store


class _Clock:
    """A wall clock the back-off screenshot can wind forward, so the real unlock is not kept
    waiting.
    """

    def __init__(self) -> None:
        import time

        self.offset = 0.0
        self._time = time.time

    def __call__(self) -> float:
        return self._time() + self.offset


def settle(session: Any = None, rounds: int = 5) -> None:
    """Let queued work finish and its results reach the widgets, then let layouts and paints run."""
    app = QApplication.instance()
    for _ in range(rounds):
        if session is not None:
            session.worker.wait()
        QCoreApplication.processEvents()
        if session is not None and not session.worker.busy:
            break
    assert app is not None
    for _ in range(3):
        app.processEvents()


def save(widget: QWidget, out_dir: Path, name: str, session: Any = None) -> Path:
    settle(session)
    path = out_dir / f"{name}.png"
    grab_to(widget, path)
    return path


def grab_to(widget: QWidget, path: Path) -> None:
    """Save what ``widget``'s window shows: from the screen on a real display, else Qt's render."""
    if QGuiApplication.platformName() == "xcb":
        # The screen's pixels, frame and all, as the X server has them.
        window = widget.window()
        window.raise_()
        for _ in range(4):
            QCoreApplication.processEvents()
            time.sleep(0.03)
        frame = window.frameGeometry()
        QGuiApplication.primaryScreen().grabWindow(
            0, frame.x(), frame.y(), frame.width(), frame.height()
        ).save(str(path))
    else:
        widget.grab().save(str(path))


def _window(session: Any) -> Any:
    from pace_desktop.ui.main_window import MainWindow
    from pace_desktop.ui.widgets.fit import fit_to_screen

    window = MainWindow(session)
    fit_to_screen(window, *SIZE)
    window.show()
    window.activateWindow()
    return window


def render_first_run(folder: Path, out_dir: Path) -> list[Path]:
    from pace_desktop.ui.session import Session

    session = Session(folder / "new" / "pace.store")
    window = _window(session)
    screen = window.first_run
    screen.name.setText(ADVISER)
    screen.passphrase.setText(PASSPHRASE)
    screen.confirm.setText(PASSPHRASE)
    screen.passphrase.setFocus()
    shots = [save(window, out_dir, "first-run")]
    screen.passphrase.setText("short one")
    screen.go_next()
    shots.append(save(window, out_dir, "first-run-short-passphrase"))
    window.close()
    return shots


def make_demo(path: Path) -> None:
    from pace_desktop.demo import seed
    from pace_desktop.records.models import RecordSource
    from pace_desktop.store.store import Store

    with Store.create(path, adviser=ADVISER, passphrase=PASSPHRASE, device_name=DEVICE) as store:
        seed(store, events=6, clients=240)
        # A few people registered themselves at the kiosk and still need an adviser's review.
        for client in list(store.clients.all())[1:60:12]:
            store.clients.update(
                client.model_copy(update={"needs_review": True, "source": RecordSource.kiosk})
            )


def render_adviser_screens(folder: Path, out_dir: Path) -> list[Path]:
    from pace_desktop.errors import WrongPassphrase
    from pace_desktop.store.backoff import FREE_FAILURES
    from pace_desktop.ui.session import Session

    path = folder / "demo" / "pace.store"
    make_demo(path)
    clock = _Clock()
    session = Session(path, wall_clock=clock)
    window = _window(session)
    shots = [save(window, out_dir, "unlock")]

    for _ in range(FREE_FAILURES + 1):
        try:
            session.open_store("a wrong guess at it")
        except WrongPassphrase:
            pass
    window.unlock.refresh()
    window.unlock.passphrase.setText("a wrong guess")
    window.unlock.row.set_error("That passphrase does not unlock this store: check it and try again.")
    shots.append(save(window, out_dir, "unlock-countdown"))
    clock.offset = 3600.0
    window.unlock.refresh()

    session.unlock(PASSPHRASE)
    settle(session)
    shots.append(save(window, out_dir, "home", session))
    events = sorted(session.store.events.all(), key=lambda e: e.event_date)
    counts = session.store.client_queries.event_counts()
    busiest = max(events, key=lambda e: getattr(counts.get(str(e.id)), "clients", 0))
    window.show_event(busiest)
    settle(session)
    shots.append(save(window, out_dir, "event", session))
    window.event_screen.filter.setText("mac")
    shots.append(save(window, out_dir, "event-filtered", session))
    window.event_screen.filter.clear()

    dialog = window.edit_event(busiest)
    dialog.adjustSize()
    shots.append(save(dialog, out_dir, "event-dialog", session))
    dialog.employer.setEditText("")
    dialog.area.setCurrentIndex(-1)
    dialog.build_event()
    shots.append(save(dialog, out_dir, "event-dialog-errors", session))
    dialog.done(0)

    settings = window.open_settings()
    settings.resize(820, 520)
    shots.append(save(settings, out_dir, "settings", session))
    settings.tabs.setCurrentIndex(2)
    shots.append(save(settings, out_dir, "settings-time-limits", session))
    settings.done(0)

    shots += _render_extras(session, busiest, out_dir)
    session.lock()
    settle(session)
    window.close()
    return shots


def _render_extras(session: Any, event: Any, out_dir: Path) -> list[Path]:
    """The client record and kiosk screens, from their own modules' renderers."""
    from tools.screenshots import dialogs, kiosk

    shots: list[Path] = []
    for render in (dialogs.render_screenshots, kiosk.render_screenshots):
        shots += render(session, event, out_dir)
        settle(session)
    return shots


def render_all(out_dir: Path) -> list[Path]:
    from pace_desktop.ui.app import application
    from tools.screenshots import office

    app = application()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pace-shots-") as tmp:
        folder = Path(tmp)
        shots = render_first_run(folder, out_dir) + render_adviser_screens(folder, out_dir)
    # Office mode makes its own central store; its renderer takes only the folder.
    return shots + office.render_screenshots(out_dir)


def start_x_server() -> list[subprocess.Popen]:
    """Xvfb at the smallest supported screen with Openbox on it; DISPLAY and the platform set."""
    missing = [t for t in ("Xvfb", "openbox") if shutil.which(t) is None]
    if missing:
        raise SystemExit(
            f"Screenshots need {' and '.join(missing)} (make display-tools installs them), or --offscreen."
        )
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        number = pipe.readline().decode().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("Xvfb did not start.")
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # Openbox takes the screen before the first window is mapped
    return [wm, xvfb]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.screenshots", description="Render the main screens to PNG files."
    )
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--offscreen",
        action="store_true",
        help="render with Qt alone instead of a real X server (hides clipping)",
    )
    args = parser.parse_args(argv)
    procs: list[subprocess.Popen] = []
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        procs = start_x_server()
    try:
        shots = render_all(args.out)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=5)
    sys.stdout.write("".join(f"{p}\n" for p in shots))
    return 0
