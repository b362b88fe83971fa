"""Importing an employer's staff list through the dialog: file, columns, row check, confirm.

The lists are built in tmp_path the way HR systems make them; everyone is fictional.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from pace_desktop.ui.dialogs.attendee_import import AttendeeImportDialog
from tests.attendees.conftest import messy_workbook
from tests.ui import client_fixtures
from tests.ui.client_fixtures import register, shown
from tests.ui.conftest import settle

# The fixtures this module uses (tests/ui/conftest.py is another engineer's).
session = client_fixtures.session
event = client_fixtures.event


def open_dialog(qtbot, session, event) -> AttendeeImportDialog:
    return shown(qtbot, AttendeeImportDialog(session, event))


def choose(qtbot, session, dialog, path) -> None:
    """Type the file's path and press Enter, as a keyboard user would instead of Browse."""
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    settle(qtbot, session)


def next_page(qtbot, session, dialog) -> None:
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    qtbot.wait(20)  # the progress dialog closes and the next page shows
    dialog.activateWindow()  # the window manager would give the dialog back its focus
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def test_import_lists_bad_rows_which_are_fixed_or_skipped(qtbot, session, event, tmp_path):
    path = messy_workbook(tmp_path / "staff.xlsx")
    dialog = open_dialog(qtbot, session, event)
    imported: list[int] = []
    dialog.imported.connect(imported.append)
    assert not dialog.next_button.isEnabled()

    choose(qtbot, session, dialog, path)
    assert dialog.sheet_combo.currentText() == "Staff at risk"
    assert dialog.next_button.isEnabled()
    next_page(qtbot, session, dialog)

    assert dialog.pages.currentIndex() == 1
    assert dialog.header_combo.currentText().startswith("Row 4: Employee Name, D.O.B.")
    assert [c.currentData() for c in dialog.field_combos] == [
        "full_name",
        "date_of_birth",
        "postcode",
        "ni_number",
        "",
        "",
    ]
    assert dialog.preview.rowCount() == 6
    assert dialog.preview.rows[0][0] == "MacLeod, Ewan"
    assert session.store.clients.count() == 0  # nothing written while looking
    next_page(qtbot, session, dialog)

    assert dialog.pages.currentIndex() == 2
    model, view = dialog.check_model, dialog.check_view
    listed = {
        model.index(r, 0).data(): model.index(r, model.columnCount() - 1).data()
        for r in range(model.rowCount())
    }
    assert listed == {
        "8": "Date of birth: Enter a date like 03/11/1975 (day, month, year).",
        "9": "Postcode: Enter a UK postcode like EH1 1AA.",
        "10": "Name: This cell holds a spreadsheet formula, not a value: type the value itself.",
    }
    assert not dialog.next_button.isEnabled()
    assert dialog.summary.text() == "3 rows are ready. 3 need correcting or skipping before you add them."

    # Row 8: correct the date in place, with the keyboard (F2 edits the cell).
    dob_column = 2 + model.columns.index(1)
    view.setFocus()
    view.setCurrentIndex(model.index(0, dob_column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "31/02/1990"
    editor.selectAll()
    qtbot.keyClicks(editor, "28/02/1990")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # Qt commits on the next turn
    assert model.index(0, model.columnCount() - 1).data() == "Ready to add"

    # Row 9: tick Skip with the space bar; row 10: the "skip every row with a problem" button.
    view.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.index(1, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.skip_all, Qt.MouseButton.LeftButton)
    assert dialog.next_button.isEnabled()
    assert dialog.next_button.text() == "&Add 4 people"
    next_page(qtbot, session, dialog)

    assert dialog.pages.currentIndex() == 3
    assert dialog.result.text() == "4 added, 2 skipped."
    assert imported == [4]
    stored = {(c.first_name, c.last_name): c for c in session.store.clients.for_parent(event.id)}
    assert set(stored) == {
        ("Ewan", "MacLeod"),
        ("Kirsty", "Robertson"),
        ("Zofia", "Wójcik"),
        ("Mòrag", "NicDhòmhnaill"),
    }
    assert stored[("Mòrag", "NicDhòmhnaill")].date_of_birth == date(1990, 2, 28)
    assert stored[("Ewan", "MacLeod")].ni_number == "AB123456C"
    assert len({c.pace_id for c in stored.values()}) == 4
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Close
    assert not dialog.isVisible()


def test_a_hostile_file_gets_one_plain_line(qtbot, session, event, tmp_path):
    path = tmp_path / "staff.xlsx"
    path.write_bytes(b"MZ\x90\x00 definitely not a workbook" * 50)
    dialog = open_dialog(qtbot, session, event)
    choose(qtbot, session, dialog, path)
    message = dialog.file_row.message
    assert message.isVisible()
    assert message.text().startswith("This file is not an Excel workbook (.xlsx) or a CSV file")
    assert "\n" not in message.text()
    assert not dialog.next_button.isEnabled()


def test_the_name_column_must_be_mapped(qtbot, session, event, tmp_path):
    dialog = open_dialog(qtbot, session, event)
    choose(qtbot, session, dialog, messy_workbook(tmp_path / "staff.xlsx"))
    next_page(qtbot, session, dialog)
    dialog.field_combos[0].setCurrentIndex(0)  # "Don't import"
    assert dialog.banner.isVisible()
    assert dialog.banner.text() == (
        "Choose the column with the full name, or the columns with first and last names."
    )
    assert not dialog.next_button.isEnabled()
    assert "(not imported)" in dialog.preview.headings[0]


def test_people_already_registered_are_not_added_twice(qtbot, session, event, tmp_path):
    register(
        session,
        event,
        first_name="Ewan",
        last_name="MacLeod",
        ni_number="AB123456C",
        date_of_birth=date(1975, 11, 3),
    )
    path = tmp_path / "list.csv"
    path.write_text(
        "Surname,Forename,NI number\nMacLeod,Ewan,AB 12 34 56 C\nFraser,Isla,\n", encoding="utf-8"
    )
    dialog = open_dialog(qtbot, session, event)
    choose(qtbot, session, dialog, path)
    next_page(qtbot, session, dialog)
    next_page(qtbot, session, dialog)
    model = dialog.check_model
    assert model.rowCount() == 1
    assert (
        model.index(0, model.columnCount() - 1).data()
        == "Duplicate: This person is already registered at this event."
    )
    qtbot.mouseClick(dialog.skip_all, Qt.MouseButton.LeftButton)
    next_page(qtbot, session, dialog)
    assert dialog.result.text() == "1 added, 1 skipped."
    assert session.store.clients.count() == 2


def test_locking_closes_the_import_and_writes_nothing(qtbot, session, event, tmp_path):
    dialog = open_dialog(qtbot, session, event)
    choose(qtbot, session, dialog, messy_workbook(tmp_path / "staff.xlsx"))
    next_page(qtbot, session, dialog)
    session.lock()
    assert not dialog.isVisible() and dialog.sheet is None
