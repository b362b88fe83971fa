"""No text cut short and nothing drawn over its neighbour, in every dialog and every office page, on
the real display at each smallest supported screen (PACE_TEST_SCREEN).

``probes.clipping_problems`` measures each visible label's and button's text against its widget
(font metrics; a word-wrapped label by the height it needs at its width) and every two widgets a
layout places for overlap. Each window is also checked to fit the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QTabWidget, QWidget

from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.office.window import OfficeWindow
from pace_desktop.ui.widgets.reauth import ReauthDialog
from tests.realdisplay.probes import clipping_problems, fit_problems, fully_visible, show_settled
from tests.ui.conftest import PASSPHRASE, settle
from tests.ui.office_fixtures import central_path, office_world  # noqa: F401 - fixtures


def _each_tab(qtbot, window: QWidget, session, where: str) -> list[str]:
    """The window's problems, with every tab of every tab widget in it (tabs inside tabs too) shown
    in turn."""
    problems = [f"{where}: {p}" for p in fit_problems(window) + clipping_problems(window)]
    problems += [f"{where}: {p}" for p in _unreachable_buttons(window)]
    return problems + _tabs_within(qtbot, window, window, session, where)


def _unreachable_buttons(window: QWidget) -> list[str]:
    """Buttons outside any scroll area (a dialog's own Save, Close…) that are not wholly on screen:
    a button in a scroll area is reached by scrolling, one outside it not at all."""
    return [
        f"{button.text()!r} is not on screen"
        for button in window.findChildren(QPushButton)
        if button.isVisible()
        and button.window() is window
        and not any(isinstance(a, QScrollArea) for a in _ancestors(button, window))
        and not fully_visible(button)
    ]


def _ancestors(widget: QWidget, top: QWidget):
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def _tabs_within(qtbot, window: QWidget, inside: QWidget, session, where: str) -> list[str]:
    problems: list[str] = []
    outermost = [
        tabs
        for tabs in inside.findChildren(QTabWidget)
        if tabs.isVisible()
        and not any(t is not tabs and t.isAncestorOf(tabs) for t in inside.findChildren(QTabWidget))
    ]
    for tabs in outermost:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(qtbot, session)
            qtbot.wait(30)
            tab = f"{where} / {tabs.tabText(index).replace('&', '')}"
            problems += [f"{tab}: {p}" for p in clipping_problems(window)]
            problems += _tabs_within(qtbot, window, tabs.widget(index), session, tab)
        tabs.setCurrentIndex(0)
    return problems


def _look_at(qtbot, window: QWidget, session, where: str, own: bool = True) -> list[str]:
    if own:  # else a child of a window the test closes
        qtbot.addWidget(window)
    show_settled(qtbot, window)
    settle(qtbot, session)
    qtbot.wait(50)
    return _each_tab(qtbot, window, session, where)


def _event(session, known_event):
    return next(e for e in session.store.events.all() if str(e.id) == known_event.event_id)


def test_no_adviser_dialog_clips_or_overlaps(qtbot, unlocked_window, known_event):
    window = unlocked_window
    session = window.session
    event = _event(session, known_event)
    problems: list[str] = []

    def look(dialog: QWidget, where: str) -> None:
        problems.extend(_look_at(qtbot, dialog, session, where))

    settings = window.open_settings()
    look(settings, "Settings")
    for name, opener in (
        ("Add an adviser", settings.add_adviser),
        ("Change passphrase", settings.change_passphrase),
    ):
        form = opener()
        look(form, name)
        form.submit()  # every message shown, with the summary at the top
        qtbot.wait(30)
        problems.extend(f"{name} (errors): {p}" for p in fit_problems(form) + clipping_problems(form))
        form.done(0)
    reauth = ReauthDialog(session, "remove an adviser", settings)
    look(reauth, "Confirm it is you")
    reauth.done(0)
    settings.done(0)

    edit = window.edit_event(event)
    look(edit, "Event")
    edit.done(0)
    new_event = window.edit_event(None)
    qtbot.addWidget(new_event)
    show_settled(qtbot, new_event)
    # The employer's rows too: a message beside a date, an e-mail address and the dismissal dates.
    new_event.employer_editors["hr1_date"].setText("not a date")
    new_event.employer_editors["contact_email"].setText("not an address")
    new_event.save()
    qtbot.wait(30)
    problems.extend(
        f"New event (errors): {p}" for p in fit_problems(new_event) + clipping_problems(new_event)
    )
    new_event.done(0)
    for module, name in (
        ("pace_desktop.ui.dialogs.export_dialog", "ExportDialog"),
        ("pace_desktop.ui.dialogs.receipt_dialog", "ReceiptDialog"),
        ("pace_desktop.ui.followup_dialog", "FollowupDialog"),
    ):
        dialog = window.open_part(module, name)
        look(dialog, name)
        dialog.done(0)

    record = ClientRecordDialog(session, event, None, window)
    qtbot.addWidget(record, before_close_func=lambda d: setattr(d, "_locking", True))
    look(record, "New client")
    qtbot.mouseClick(record.save_button, Qt.MouseButton.LeftButton)  # lists why it cannot save
    qtbot.wait(30)
    problems.extend(f"New client (errors): {p}" for p in clipping_problems(record))
    record._locking = True
    record.done(0)

    from pace_desktop.ui.dialogs.attendee_import import AttendeeImportDialog

    staff_list = AttendeeImportDialog(session, event, window)
    look(staff_list, "Import a staff list")
    staff_list.done(0)
    assert problems == [], "\n".join(problems)


def test_no_adviser_screen_clips_or_overlaps(qtbot, window_factory, unlocked_window, tmp_path):
    problems = _each_tab(qtbot, unlocked_window, unlocked_window.session, "Events")
    first = window_factory(tmp_path / "new" / "pace.store")
    show_settled(qtbot, first)
    screen = first.first_run
    for step in range(screen.pages.count()):
        screen._show_step(step)
        qtbot.wait(30)
        problems += [
            f"First run, step {step + 1}: {p}" for p in fit_problems(first) + clipping_problems(first)
        ]
    screen._show_step(0)
    screen.go_next()  # every message of the first step
    qtbot.wait(30)
    problems += [f"First run (errors): {p}" for p in clipping_problems(first)]
    unlocked_window.session.lock()
    qtbot.waitUntil(lambda: unlocked_window.stack.currentWidget() is unlocked_window.unlock, timeout=5000)
    problems += [f"Unlock: {p}" for p in clipping_problems(unlocked_window)]
    assert problems == [], "\n".join(problems)


def _partners_after_a_request(qtbot, window: OfficeWindow, office_world, tmp_path) -> list[str]:
    """The Partners page's Requests tab with the two-line message a written request leaves above
    it: the page must scroll, not squeeze the folder box, the table and the buttons over each
    other (as it did at 1280x720)."""
    import pyrage

    from pace_desktop.partners.registry import set_partner
    from tests.partners.in_force import agreements_in_force
    from tests.ui.test_office import imported_people

    store = window.session.store
    imported_people(window, office_world, tmp_path, share_with="DWP")
    agreements_in_force(store, "DWP")
    set_partner(store, "DWP", recipient=str(pyrage.x25519.Identity.generate().to_public()))
    partners = next(p for p in window.home.pages if type(p).__name__ == "PartnersPage")
    window.home.tabs.setCurrentWidget(partners)
    settle(qtbot, window.session)
    partners.view.selectRow(partners.model.column_texts(0).index("DWP"))
    partners.tabs.setCurrentIndex(2)  # Requests
    partners.request_folder.set_path(tmp_path)
    settle(qtbot, window.session)
    qtbot.mouseClick(partners.request_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session)
    qtbot.wait(50)
    assert partners.done_banner.text().startswith("Wrote request R-DWP-")
    found = clipping_problems(window)
    window.home.tabs.setCurrentIndex(0)
    return [f"Office / Partners / Requests, after a request: {p}" for p in found]


def _reference_after_imports(qtbot, window: OfficeWindow, tmp_path) -> list[str]:
    """The Reference data page with a NOMIS file imported (a long source line, a two-line message)
    and then with a partner file refused (its one long line): neither may clip or overlap."""
    from pathlib import Path

    from pace_desktop import reference

    page = window.home.reference
    window.home.tabs.setCurrentWidget(page)
    settle(qtbot, window.session)
    found: list[str] = []
    bad = tmp_path / "partners.csv"
    bad.write_text("code,name,services\nACAS,Acas,mediation\n")
    nomis = Path(__file__).parents[1] / "reference" / "data" / "nomis-query-2026-10.csv"
    try:
        for picker, button, path, banner, what in (
            (page.nomis_file, page.nomis_button, nomis, page.done_banner, "after a NOMIS import"),
            (page.partners_file, page.partners_button, bad, page.banner, "after a refused partner file"),
        ):
            picker.set_path(path)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            settle(qtbot, window.session)
            settle(qtbot, window.session)
            qtbot.wait(50)
            assert banner.text(), what
            found += [f"Office / Reference data, {what}: {p}" for p in clipping_problems(window)]
    finally:
        reference.install(None)  # the import installed the office's set for this process
    window.home.tabs.setCurrentIndex(0)
    return found


def test_no_office_page_or_dialog_clips_or_overlaps(
    qtbot, central_path, office_world, clock, wall_clock, tmp_path
):
    window = OfficeWindow(session=CentralSession(central_path, clock=clock, wall_clock=wall_clock))
    qtbot.addWidget(window)
    show_settled(qtbot, window)
    problems = [f"Office unlock: {p}" for p in fit_problems(window) + clipping_problems(window)]
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    problems += _each_tab(qtbot, window, window.session, "Office")
    problems += _partners_after_a_request(qtbot, window, office_world, tmp_path)
    problems += _reference_after_imports(qtbot, window, tmp_path)

    from pace_desktop.ui.dialogs.advisers import AddAdviserDialog, ChangePassphraseDialog
    from pace_desktop.ui.office.recover_dialog import RecoverLaptopDialog

    for dialog_class in (RecoverLaptopDialog, AddAdviserDialog, ChangePassphraseDialog):
        dialog = dialog_class(window.session, window)
        problems += _look_at(qtbot, dialog, window.session, dialog_class.__name__, own=False)
        dialog.submit()
        qtbot.wait(30)
        problems += [
            f"{dialog_class.__name__} (errors): {p}" for p in fit_problems(dialog) + clipping_problems(dialog)
        ]
        dialog.done(0)
    reauth = ReauthDialog(window.session, "retire this laptop", window)
    problems += _look_at(qtbot, reauth, window.session, "Confirm it is you", own=False)
    reauth.done(0)
    window.session.lock()

    setup = OfficeWindow(
        session=CentralSession(tmp_path / "new" / "central.store", clock=clock, wall_clock=wall_clock)
    )
    qtbot.addWidget(setup)
    show_settled(qtbot, setup)
    problems += [f"Office set-up: {p}" for p in fit_problems(setup) + clipping_problems(setup)]
    setup.setup.create()  # every message
    qtbot.wait(30)
    problems += [f"Office set-up (errors): {p}" for p in fit_problems(setup) + clipping_problems(setup)]
    assert problems == [], "\n".join(problems)
