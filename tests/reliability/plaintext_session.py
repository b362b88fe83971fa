"""A whole working day through the real windows, run by test_plaintext.py in its own process.

Not collected on its own (its name does not start with ``test_``): test_plaintext.py runs it with a
private HOME, XDG folders and TMPDIR, then searches every byte left behind for the people typed here.

The day: the office sets up its central store (office window); an adviser's laptop goes through
first run with the office key (adviser window); the adviser creates an event; three people register
themselves at the kiosk; the adviser exports; the office enrols the laptop, imports the bundle and
writes its three reports; the adviser applies the receipt; both lock. Everyone is fictional.
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.reliability.plaintext_people import kiosk_answers, people
from tests.ui.conftest import active_dialog, settle
from tests.ui.kiosk_fixtures import Kiosk, page_key

PASSPHRASE = "lighthouse pebble orchard ninety"
OFFICE_PASSPHRASE = "granite kestrel meadow forty"


def test_a_working_day(qtbot, qapp):
    from pace_desktop.paths import default_store_path
    from pace_desktop.ui import app, style
    from pace_desktop.ui.dialogs.event_dialog import EventDialog
    from pace_desktop.ui.dialogs.export_dialog import ExportDialog
    from pace_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
    from pace_desktop.ui.office.session import CentralSession
    from pace_desktop.ui.office.window import OfficeWindow

    style.apply(qapp)  # as app.application() does when it makes the QApplication itself
    home = Path(os.environ["HOME"])
    docs = home / "Documents"
    office_dir, usb, reports_dir = docs / "office", docs / "usb-stick", docs / "reports"
    for folder in (office_dir, usb, reports_dir):
        folder.mkdir(parents=True)
    done: list[str] = []
    registering = people(int(os.environ.get("PACE_SESSION_PEOPLE", "3")))

    # -- the office sets up (office window, first run) -------------------------------------------------
    office = OfficeWindow(session=CentralSession(office_dir / "central.store"))
    qtbot.addWidget(office)
    office.show()
    setup = office.setup
    qtbot.keyClicks(setup.name, "Morven Office")
    qtbot.keyClicks(setup.passphrase, OFFICE_PASSPHRASE)
    qtbot.keyClicks(setup.confirm, OFFICE_PASSPHRASE)
    setup.folder.set_path(office_dir)
    qtbot.keyClick(setup.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: office.home is not None and office.stack.currentWidget() is office.home, timeout=20000
    )
    settle(qtbot, office.session)
    done.append("office first run")

    # -- the laptop's first run, with the office key (adviser window) ----------------------------------
    store_path = default_store_path()  # in the private XDG data folder
    running = app.start()  # no store yet: first run
    window = running.window
    qtbot.addWidget(window)
    screen = window.first_run
    qtbot.keyClicks(screen.name, "Ailsa Adviser")
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClicks(screen.confirm, PASSPHRASE)
    qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.device, "Greenock laptop 1")
    qtbot.keyClick(screen.device, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.office_key, str(office_dir / "office.pub"))
    qtbot.keyClick(screen.office_key, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=20000
    )
    session = window.session
    settle(qtbot, session)
    assert store_path.exists()
    done.append("laptop first run")

    # -- an event ----------------------------------------------------------------------------------------
    qtbot.keyClick(window.home.upcoming.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog(qtbot, EventDialog)

    def tab() -> None:
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)

    for widget, text in (
        (dialog.employer, "Inverkip Test Castings Ltd"),
        (dialog.address, "Unit 2, Quay Road"),
        (dialog.postcode, "pa16 0aa"),
        (dialog.area, "Inverclyde"),
        (dialog.sector, "Manufacturing"),
        (dialog.date, (date.today() + timedelta(days=2)).strftime("%d%m%Y")),
        (dialog.type, "G"),
        (dialog.hr1, "HR1-30117"),
    ):
        assert dialog.focusWidget() is widget
        qtbot.keyClicks(widget, text)
        tab()
    qtbot.keyClicks(dialog.affected, "85")
    qtbot.keyClick(dialog.affected, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    settle(qtbot, session)
    event = next(session.store.events.all())
    done.append("event")

    # -- three people at the kiosk -----------------------------------------------------------------------
    view = window.home.upcoming.view
    view.setCurrentIndex(window.home.upcoming.proxy.index(0, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.event_screen, timeout=5000)
    settle(qtbot, session)
    qtbot.mouseClick(window.event_screen.kiosk_button, Qt.MouseButton.LeftButton)
    kiosk_window = window.event_screen._kiosk
    qtbot.waitUntil(kiosk_window.isVisible, timeout=5000)
    settle(qtbot, session)
    k = Kiosk(qtbot, kiosk_window, session, event, clock=None)
    for person in registering:
        answers = kiosk_answers(person)
        for _ in range(60):
            if page_key(k) == "check":
                break
            k.answer_by_keyboard(answers.get(page_key(k), {}))
            if k.page().summary.isVisible():
                raise AssertionError(f"{page_key(k)}: {k.page().summary.accessibleDescription()}")
        k.key(Qt.Key.Key_Return)  # Accept and send
        settle(qtbot, session)
        assert kiosk_window.current_page() is kiosk_window.thanks
        qtbot.mouseClick(kiosk_window.thanks.done, Qt.MouseButton.LeftButton)
    assert session.store.clients.count() == len(registering)
    # Mid-session, both stores open (their WAL files on disk), the kiosk just cleared: search now too.
    midday_scan(home)
    kiosk_window.request_exit()
    qtbot.keyClicks(kiosk_window.exit_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(kiosk_window.exit_page.leave, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk_window.isVisible(), timeout=10000)
    settle(qtbot, session)
    done.append("kiosk registrations")

    # -- export to the USB stick ---------------------------------------------------------------------------
    qtbot.mouseClick(window.event_screen.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session)
    qtbot.mouseClick(window.home.export_button, Qt.MouseButton.LeftButton)
    export = active_dialog(qtbot, ExportDialog)
    settle(qtbot, session)
    export.folder.set_path(usb)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.pages.currentIndex() == 1, timeout=20000)
    bundle = next(usb.glob("*.pacebundle"))
    qtbot.mouseClick(export.close_button, Qt.MouseButton.LeftButton)
    done.append("export")

    # -- the office: enrol, import, reports -----------------------------------------------------------------
    devices = office.home.devices
    office.home.tabs.setCurrentWidget(devices)
    qtbot.keyClicks(devices.key, session.store.device_key().text())
    qtbot.keyClick(devices.key, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    page = office.home.import_page
    office.home.tabs.setCurrentWidget(page)
    page.add_paths([bundle])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_button.isEnabled() or page.files.count() == 0, timeout=30000)
    settle(qtbot, office.session)
    assert office.session.store.clients.count() == len(registering)
    done.append("import")
    reports = office.home.reports
    office.home.tabs.setCurrentWidget(reports)
    for kind in ("records", "summary", "partners"):
        reports.kind.setCurrentIndex(reports.kind.findData(kind))
        reports.out.set_path(reports_dir / f"central-{kind}")
        qtbot.mouseClick(reports.write_button, Qt.MouseButton.LeftButton)
        settle(qtbot, office.session)
        assert (reports_dir / f"central-{kind}.xlsx").exists(), (kind, reports.banner.text())
    done.append("reports")

    # -- the receipt goes back to the laptop ---------------------------------------------------------------
    receipt = next(usb.glob("*.pacereceipt"))
    qtbot.mouseClick(window.home.receipt_button, Qt.MouseButton.LeftButton)
    applying = active_dialog(qtbot, ReceiptDialog)
    applying.file.set_path(receipt)
    applying.apply()
    settle(qtbot, session)
    applying.done(0)
    done.append("receipt")

    # -- the end of the day: both lock, the windows close ------------------------------------------------
    office.session.lock()
    running.close()
    QApplication.processEvents()
    (home / "session-steps.json").write_text(json.dumps(done))


def midday_scan(home: Path) -> None:
    from tests.reliability.test_plaintext import search

    roots = [home, Path(os.environ["TMPDIR"]), Path(os.environ["XDG_RUNTIME_DIR"])]
    count = int(os.environ.get("PACE_SESSION_PEOPLE", "3"))
    needles = [n for person in people(count) for n in person.needles()]
    leaked, searched, _ = search(roots, needles)
    (home / "midday-scan.json").write_text(json.dumps({"leaked": leaked, "searched": searched}))
