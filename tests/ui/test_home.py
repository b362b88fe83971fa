"""Home: events upcoming and past with their counts; creating and editing an event by keyboard."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pace_desktop.ui.dialogs.event_dialog import EventDialog
from pace_desktop.ui.dialogs.export_dialog import ExportDialog
from pace_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from pace_desktop.ui.models.events import COLUMNS
from tests.ui.conftest import active_dialog, settle

WHEN = date.today() + timedelta(days=40)


def table_rows(table) -> list[dict[str, str]]:
    """What the person sees in one events table, as {column header: cell text} per row."""
    proxy = table.proxy
    return [
        {COLUMNS[c]: proxy.index(r, c).data() for c in range(proxy.columnCount())}
        for r in range(proxy.rowCount())
    ]


def open_event_dialog(qtbot, window) -> EventDialog:
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return active_dialog(qtbot, EventDialog)


def test_events_are_split_into_upcoming_and_past_with_their_counts(qtbot, unlocked_window, known_event):
    home = unlocked_window.home
    store = unlocked_window.session.store
    counts = store.client_queries.event_counts()
    upcoming, past = table_rows(home.upcoming), table_rows(home.past)
    assert len(upcoming) + len(past) == known_event.total_events

    today = date.today()
    for event in store.events.all():
        rows = upcoming if event.event_date >= today else past
        row = next(
            r
            for r in rows
            if r["Employer"] == event.employer_name
            and r["Site"].startswith(event.site_address.splitlines()[0])
        )
        c = counts[str(event.id)]
        assert (row["Clients"], row["High risk"], row["Not exported"], row["Needs review"]) == (
            str(c.clients),
            str(c.high_risk),
            str(c.not_exported),
            str(c.needs_review),
        )

    kelvin = next(r for r in upcoming if r["Employer"] == "Kelvin Test Works")
    assert kelvin["Clients"] == "4" and kelvin["High risk"] == "1" and kelvin["Needs review"] == "1"
    assert kelvin["Council area"] == "Glasgow City" and kelvin["Type"] == "Group session"
    # Upcoming soonest first.
    dates = [
        home.upcoming.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(home.upcoming.proxy.rowCount())
    ]
    assert dates == sorted(dates)


def test_create_an_event_by_keyboard_and_see_it_on_home(qtbot, empty_window):
    window = empty_window
    assert window.home.upcoming.empty.isVisible()
    dialog = open_event_dialog(qtbot, window)
    assert dialog.focusWidget() is dialog.employer

    def tab() -> None:
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)

    qtbot.keyClicks(dialog.employer, "Forth Valley Bottling Co")
    tab()
    qtbot.keyClicks(dialog.address, "Unit 4, Bo'ness Road")
    tab()
    qtbot.keyClicks(dialog.postcode, "fk2 9ab")
    tab()
    assert dialog.focusWidget() is dialog.area
    qtbot.keyClicks(dialog.area, "Falkirk")  # typing picks from the list
    tab()
    qtbot.keyClicks(dialog.sector, "Food and drink")
    tab()
    assert dialog.focusWidget() is dialog.date
    qtbot.keyClicks(dialog.date, WHEN.strftime("%d%m%Y"))  # day, month, year fill in turn
    tab()
    assert dialog.focusWidget() is dialog.type
    qtbot.keyClicks(dialog.type, "D")  # Drop-in
    tab()
    qtbot.keyClicks(dialog.hr1, "HR1-20417")
    tab()
    qtbot.keyClicks(dialog.affected, "120")
    qtbot.keyClick(dialog.affected, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, window.session)
    rows = table_rows(window.home.upcoming)
    assert rows == [
        {
            "Date": rows[0]["Date"],
            "Employer": "Forth Valley Bottling Co",
            "Site": "Unit 4, Bo'ness Road, FK2 9AB",
            "Council area": "Falkirk",
            "Type": "Drop-in",
            "Clients": "0",
            "High risk": "0",
            "Not exported": "0",
            "Needs review": "0",
        }
    ]
    saved = list(window.session.store.events.all())
    assert len(saved) == 1
    event = saved[0]
    assert (event.site_postcode, event.hr1_reference, event.number_affected, event.event_date) == (
        "FK2 9AB",
        "HR1-20417",
        120,
        WHEN,
    )


def test_an_event_with_missing_details_is_not_saved_and_says_why_beside_each_field(qtbot, empty_window):
    dialog = open_event_dialog(qtbot, empty_window)
    qtbot.keyClicks(dialog.postcode, "not a postcode")
    qtbot.keyClick(dialog.employer, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.rows["employer_name"].message.text() == "Enter the employer's name."
    assert dialog.rows["council_area"].message.text() == "Choose the council area from the list."
    assert "postcode" in dialog.rows["site_postcode"].message.text()
    assert dialog.rows["sector"].message.isVisible()
    assert not dialog.rows["event_date"].message.isVisible()
    # GOV.UK: the summary at the top lists each problem, focus on its first link; a link goes to
    # its field, and a fixed field loses its message at once.
    links = dialog.summary.links
    assert [link.text() for link in links][:2] == [
        "Enter the employer's name.",
        dialog.rows["site_postcode"].message.text(),
    ]
    assert dialog.focusWidget() is links[0]
    qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert dialog.focusWidget() is dialog.employer
    qtbot.keyClicks(dialog.employer, "Kelvin Test Works")
    assert not dialog.rows["employer_name"].message.isVisible()
    assert "Enter the employer's name." not in [link.text() for link in dialog.summary.links]
    assert dialog.focusWidget() is dialog.employer
    assert empty_window.session.store.events.count() == 0
    dialog.done(0)


def test_edit_an_event_and_see_the_change(qtbot, unlocked_window, known_event):
    home = unlocked_window.home
    view = home.upcoming.view
    row = next(
        r
        for r in range(home.upcoming.proxy.rowCount())
        if home.upcoming.proxy.index(r, 1).data() == known_event.employer
    )
    view.setCurrentIndex(home.upcoming.proxy.index(row, 0))
    view.setFocus()
    qtbot.mouseClick(home.edit_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, EventDialog)
    assert dialog.employer.currentText() == known_event.employer
    dialog.employer.lineEdit().selectAll()
    qtbot.keyClicks(dialog.employer, "Kelvin Test Works (Govan site)")
    qtbot.keyClick(dialog.employer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, unlocked_window.session)

    employers = [r["Employer"] for r in table_rows(home.upcoming)]
    assert "Kelvin Test Works (Govan site)" in employers
    stored = unlocked_window.session.store.events.get(known_event.event_id)
    assert stored.employer_name == "Kelvin Test Works (Govan site)" and stored.version == 2


def test_export_and_office_files_open_from_home(qtbot, empty_window):
    home = empty_window.home
    qtbot.mouseClick(home.export_button, Qt.MouseButton.LeftButton)
    active_dialog(qtbot, ExportDialog).done(0)
    qtbot.mouseClick(home.receipt_button, Qt.MouseButton.LeftButton)
    active_dialog(qtbot, ReceiptDialog).done(0)
    settle(qtbot, empty_window.session)
