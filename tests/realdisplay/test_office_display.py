"""The office window on a 1280x720 screen: it fits, and the import page's controls and results never
overlap or hide (the page scrolls instead), with Import staying put when Trust new laptops is ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.office.window import OfficeWindow
from tests.realdisplay.probes import (
    error_link_problems,
    fit_problems,
    fully_visible,
    global_rect,
    show_settled,
    tab_problems,
)
from tests.ui.conftest import PASSPHRASE, settle
from tests.ui.office_fixtures import central_path, copy_bundle, inbox, office_world  # noqa: F401


def test_the_office_import_page_fits_and_import_stays_put(
    qtbot,
    central_path,
    inbox,
    office_world,
    clock,
    wall_clock,
):
    window = OfficeWindow(session=CentralSession(central_path, clock=clock, wall_clock=wall_clock))
    qtbot.addWidget(window)
    show_settled(qtbot, window)
    assert fit_problems(window) == []
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    page = window.home.import_page
    page.add_paths([copy_bundle(office_world.bundle_one, inbox), copy_bundle(office_world.bundle_two, inbox)])
    page.start_import()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=20000)
    settle(qtbot, window.session)
    qtbot.wait(50)
    assert fit_problems(window) == []
    assert fully_visible(page.import_button)
    before = global_rect(page.import_button)
    page.trust.setChecked(True)
    qtbot.wait(50)
    assert global_rect(page.import_button) == before  # no jump under the pointer
    # Nothing on the page is squeezed below what it needs: the results table keeps its rows.
    assert page.view.height() >= page.view.minimumHeight()
    assert page.relay.height() >= page.relay.minimumSizeHint().height()
    window.session.lock()


def test_office_set_up_tab_stops_and_error_links_are_visible_with_a_visible_focus(
    qtbot, tmp_path, clock, wall_clock
):
    window = OfficeWindow(
        session=CentralSession(tmp_path / "new" / "central.store", clock=clock, wall_clock=wall_clock)
    )
    qtbot.addWidget(window)
    show_settled(qtbot, window)
    setup = window.setup
    setup.name.setFocus()
    assert tab_problems(qtbot, window, stop=setup.name, limit=12) == []
    qtbot.keyClicks(setup.passphrase, "short")
    qtbot.keyClick(setup.passphrase, Qt.Key.Key_Return)  # Enter submits
    assert len(setup.summary.links) >= 2
    assert error_link_problems(qtbot, setup.summary) == []
    setup.passphrase.clear()
    qtbot.keyClicks(setup.passphrase, "kettle harbour violet seven")
    assert not setup.pass_row.message.isVisible(), setup.pass_row.message.text()
