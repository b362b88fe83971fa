"""The Follow-up dialog, as an adviser uses it: open it from the header, pick the person due, choose
the outcome, type the date and a note, record it; the person leaves the list and the outcome is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from pace_desktop.store.store import Store
from pace_desktop.ui.followup_dialog import FollowupDialog
from tests.conftest import PASSPHRASE
from tests.impact.people import event, person
from tests.ui.conftest import active_dialog, settle, unlock


def test_record_a_follow_up_outcome(qtbot, window_factory, store_path):
    with Store.open(store_path, PASSPHRASE) as store:
        ev = event(store)
        due = person(store, ev, first="Shona", last="Paterson")
        declined = person(
            store,
            ev,
            first="Fraser",
            last="Murray",
            consents={"pace_support": True, "contact_followup": False},
        )
    window = window_factory(store_path)
    unlock(qtbot, window)
    qtbot.mouseClick(window.followup_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, FollowupDialog)
    settle(qtbot, window.session)
    table = dialog.table
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert shown == [due.pace_id]  # only the consenting person; 12 months after 31/01/2025
    assert declined.pace_id not in shown
    assert table.item(0, 1).text() == "Shona Paterson"
    assert table.item(0, 2).text() == "12 months" and table.item(0, 3).text() == "31/01/2026"
    assert not dialog.record.isEnabled()

    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center()
    )
    assert dialog.record.isEnabled()
    dialog.status.setFocus()
    dialog.status.setCurrentIndex(dialog.status.findData("self_employed"))
    qtbot.keyClick(dialog.status, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.day
    qtbot.keyClicks(dialog.day, "02022026")  # day, month, year fill in turn
    qtbot.keyClicks(dialog.note, "Started a joinery business")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == f"Recorded Self-employed on 02/02/2026 for {due.pace_id}."
    settle(qtbot, window.session)
    assert dialog.table.rowCount() == 0
    [saved] = window.session.store.outcomes.for_parent(due.id)
    assert (saved.status.value, saved.date, saved.note) == (
        "self_employed",
        date(2026, 2, 2),
        "Started a joinery business",
    )
    dialog.accept()


def test_the_office_has_the_same_list_as_a_tab(qtbot, tmp_path, clock, wall_clock):
    from pace_desktop.office.central import init_office, open_central
    from pace_desktop.ui.office.session import CentralSession
    from pace_desktop.ui.office.window import OfficeWindow

    made = init_office(
        tmp_path / "central.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path
    )
    with open_central(made.central, PASSPHRASE) as store:
        ev = event(store)
        due = person(store, ev, first="Iain")
        person(store, ev, consents={"pace_support": True, "client_survey": True}, first="Zofia")
    session = CentralSession(made.central, clock=clock, wall_clock=wall_clock)
    window = OfficeWindow(session=session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, session)
    home = window.home
    home.tabs.setCurrentWidget(home.followup)  # as a click on the tab does
    settle(qtbot, session)
    panel = home.followup
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == [due.pace_id]
    panel.purpose.setCurrentIndex(panel.purpose.findData("client_survey"))
    settle(qtbot, session)
    assert panel.table.rowCount() == 2  # both agreed to the survey
    assert not panel.record.isEnabled()  # outcomes are recorded from the follow-up list
    session.lock()
    assert panel.table.rowCount() == 0  # nothing left on screen after locking
