"""Tests on a real X display (Xvfb + Openbox, xcb platform), started here for the whole run.

Qt picks its platform once per process, so these tests run in their own pytest process
(``make test`` runs them after the offscreen tests; ``tests/conftest.py`` leaves this folder out
unless PACE_REAL_DISPLAY=1). What matters here is what a screen shows: sizes against the smallest
supported screens (1280×720 at 100%; with PACE_TEST_SCREEN=1366x768@125, 1366×768 at 125%), where the
focus lands, what the window manager does.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "xcb"  # before any Qt import; the offscreen default is for other tests

import pytest  # noqa: E402

from tests.realdisplay import xserver  # noqa: E402

SCREEN = xserver.chosen_screen()  # PACE_TEST_SCREEN: 1280x720@100 (default) or 1366x768@125
if SCREEN.scale != 1:
    os.environ["QT_SCALE_FACTOR"] = str(SCREEN.scale)  # as Windows' display scaling, before Qt starts


def pytest_report_header(config):
    return f"real display: Xvfb {SCREEN.width}x{SCREEN.height}, scaling {round(SCREEN.scale * 100)}%"


@pytest.fixture(scope="session", autouse=True)
def x_server(tmp_path_factory):
    """Xvfb at the chosen screen's size with Openbox; DISPLAY points at it before Qt starts."""
    server = xserver.start(SCREEN.width, SCREEN.height, workdir=tmp_path_factory.mktemp("x-home"))
    os.environ["DISPLAY"] = server.display
    yield server
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def _styled_app(x_server, qapp):
    """The real stylesheet, applied once, on the xcb platform."""
    from PySide6.QtGui import QGuiApplication

    from pace_desktop.ui import style

    assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
    style.apply(qapp)
    return qapp


# The GUI fixtures of tests/ui, shared here by name (a conftest outside this folder's parents is not
# seen by pytest otherwise). Their module sets the offscreen default only if nothing chose a platform.
from tests.ui.conftest import (  # noqa: E402,F401
    clock,
    demo_store_path,
    demo_template,
    empty_window,
    known_event,
    session_factory,
    unlocked_window,
    wall_clock,
    window_factory,
)
from tests.ui.kiosk_fixtures import kiosk_fixture  # noqa: E402,F401
