"""The event dialog's employer: a new one is kept with its details, and the next event at the same
employer picks it from the name box (completion on its name), so both events name one employer record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from pace_desktop.ui.dialogs.event_dialog import EventDialog
from tests.ui.conftest import active_dialog, settle

WHEN = date.today() + timedelta(days=30)


def open_event_dialog(qtbot, window) -> EventDialog:
    """The New event dialog, as the home page's New event button opens it."""
    window.edit_event(None)
    return active_dialog(qtbot, EventDialog)


def fill_event(qtbot, dialog, when: date) -> None:
    """The event's own fields (council area, date, type): what differs from one event to the next."""
    qtbot.keyClicks(dialog.area, "Renfrewshire")
    dialog.date.setDate(when)
    qtbot.keyClicks(dialog.type, "G")  # Group session


def save(qtbot, window, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, window.session)


def test_second_event_picks_the_stored_employer_and_both_name_one_record(qtbot, empty_window):
    window = empty_window
    store = window.session.store
    first = open_event_dialog(qtbot, window)
    assert first.employer_note.text() == "Type the employer's name, or pick one already stored."
    qtbot.keyClicks(first.employer, "Clyde Valve Works")
    assert first.employer_note.text() == "A new employer: its details are kept for its next events."
    fill_event(qtbot, first, WHEN)
    qtbot.keyClicks(first.sector, "Manufacturing")
    qtbot.keyClicks(first.hr1, "HR1-55120")
    editors = first.employer_editors
    qtbot.keyClicks(editors["sites"], "Inchinnan Business Park")
    qtbot.keyClicks(editors["hr1_date"], "2/10/2026")
    qtbot.keyClicks(editors["first_dismissal_date"], "30/11/2026")
    qtbot.keyClicks(editors["last_dismissal_date"], "31/01/2027")
    qtbot.keyClicks(editors["proposed_redundancies"], "85")
    qtbot.keyClicks(editors["employees_at_site"], "310")
    qtbot.keyClicks(editors["reason"], "Valve assembly moving to another plant")
    qtbot.keyClicks(editors["contact_name"], "Morag Testperson")
    qtbot.keyClicks(editors["contact_phone"], "0141 496 0123")
    qtbot.keyClicks(editors["contact_email"], "hr@clyde-valve.example")
    save(qtbot, window, first)

    [employer] = list(store.employers.all())
    assert (employer.name, employer.sector, employer.sites, employer.hr1_reference) == (
        "Clyde Valve Works",
        "Manufacturing",
        ["Inchinnan Business Park"],
        "HR1-55120",
    )
    assert (employer.hr1_date, employer.first_dismissal_date, employer.last_dismissal_date) == (
        date(2026, 10, 2),
        date(2026, 11, 30),
        date(2027, 1, 31),
    )
    assert (employer.proposed_redundancies, employer.employees_at_site) == (85, 310)
    assert employer.contact_email == "hr@clyde-valve.example" and employer.contact_name == "Morag Testperson"

    # The second event: typing part of the name offers the stored employer; picking it fills its details.
    second = open_event_dialog(qtbot, window)
    qtbot.keyClicks(second.employer, "valve")
    popup = second.employer.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert popup.model().index(0, 0).data() == "Clyde Valve Works"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert second.employer.currentText() == "Clyde Valve Works"
    assert second.employer_note.text() == "A stored employer: changes to its details apply to all its events."
    assert second.sector.text() == "Manufacturing" and second.hr1.text() == "HR1-55120"
    assert second.employer_editors["contact_name"].text() == "Morag Testperson"
    assert second.employer_editors["first_dismissal_date"].text() == "30/11/2026"
    fill_event(qtbot, second, WHEN + timedelta(days=7))
    save(qtbot, window, second)

    events = list(store.events.all())
    assert len(events) == 2
    assert {e.employer_id for e in events} == {employer.id}
    assert {e.employer_name for e in events} == {"Clyde Valve Works"}
    assert {e.hr1_reference for e in events} == {"HR1-55120"}
    [still] = list(store.employers.all())
    assert still.version == 1  # picked as it was: not rewritten


def test_changing_a_stored_employers_details_updates_that_one_record(qtbot, empty_window):
    window = empty_window
    store = window.session.store
    first = open_event_dialog(qtbot, window)
    qtbot.keyClicks(first.employer, "Paisley Thread Mills")
    fill_event(qtbot, first, WHEN)
    qtbot.keyClicks(first.sector, "Textiles")
    save(qtbot, window, first)

    second = open_event_dialog(qtbot, window)
    qtbot.keyClicks(second.employer, "paisley thread mills")  # the whole name, any case, picks it too
    assert second.sector.text() == "Textiles"
    qtbot.keyClicks(second.employer_editors["proposed_redundancies"], "40")
    fill_event(qtbot, second, WHEN)
    save(qtbot, window, second)

    [employer] = list(store.employers.all())
    assert (employer.version, employer.proposed_redundancies, employer.name) == (
        2,
        40,
        "Paisley Thread Mills",
    )
    assert {e.employer_id for e in store.events.all()} == {employer.id}

    # Editing the first event shows its employer as it now stands, changed details included.
    first_event = min(store.events.all(), key=lambda e: e.created_at)
    edit = window.edit_event(first_event)
    qtbot.addWidget(edit)
    assert edit.employer.currentText() == "Paisley Thread Mills"
    assert edit.employer_editors["proposed_redundancies"].text() == "40"
    assert not edit.is_dirty()
    edit.done(0)


def test_employer_problems_are_shown_beside_their_fields_and_nothing_is_saved(qtbot, empty_window):
    window = empty_window
    dialog = open_event_dialog(qtbot, window)
    qtbot.keyClicks(dialog.employer, "Greenock Yard Services")
    fill_event(qtbot, dialog, WHEN)
    qtbot.keyClicks(dialog.sector, "Engineering")
    qtbot.keyClicks(dialog.employer_editors["hr1_date"], "the second of May")
    qtbot.keyClicks(dialog.employer_editors["first_dismissal_date"], "01/12/2026")
    qtbot.keyClicks(dialog.employer_editors["last_dismissal_date"], "01/11/2026")
    qtbot.keyClicks(dialog.employer_editors["contact_email"], "not an address")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session)

    assert dialog.isVisible()
    rows = dialog.rows
    assert rows["employer.hr1_date"].message.text() == "Enter a date like 03/11/1975 (day, month, year)."
    assert rows["employer.contact_email"].message.isVisible()
    assert not rows["employer_name"].message.isVisible()
    assert len(dialog.summary.links) == 2
    # Once the date reads, the rule about the dismissal dates (the record as a whole) is shown.
    dialog.employer_editors["hr1_date"].clear()
    dialog.employer_editors["contact_email"].clear()
    dialog.build_event()
    assert (
        rows["employer.last_dismissal_date"].message.text()
        == "The last proposed dismissal date cannot be before the first."
    )
    assert list(window.session.store.employers.all()) == []
    assert list(window.session.store.events.all()) == []
