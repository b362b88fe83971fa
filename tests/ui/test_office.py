"""The office window: set-up, unlock, import with verdicts, history, devices, duplicates, reports, keys.

Real central stores and real bundles (tests/ui/office_fixtures.py); the tests type and click as
office staff would and read what the window shows.
"""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pace_desktop.ui.office.session import CentralSession
from pace_desktop.ui.office.window import OfficeWindow
from pace_desktop.ui.widgets.reauth import ReauthDialog
from tests.pg.conftest import pg, pg_db  # noqa: F401 - a real PostgreSQL cluster, fixtures
from tests.pg.test_office_commands_on_server import move_to_server
from tests.ui.conftest import PASSPHRASE, active_dialog, settle
from tests.ui.office_fixtures import (  # noqa: F401 - fixtures
    OFFICE_STAFF,
    central_path,
    copy_bundle,
    inbox,
    office_world,
    tampered_copy,
)


def make_window(qtbot, path, clock, wall_clock, database: str | None = None) -> OfficeWindow:
    session = CentralSession(path, database=database, clock=clock, wall_clock=wall_clock)
    window = OfficeWindow(session=session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


@pytest.fixture(params=["file", "postgresql"])
def database(request, central_path, monkeypatch) -> str | None:
    """Every office-window test runs twice: on the central store file, and on the central database
    (a real PostgreSQL cluster the tests start; ``office migrate`` moved the same office there, its
    file kept as the keyring)."""
    if request.param == "file":
        return None
    from pace_desktop.office.central import open_central

    # The tests' private socket has no TLS: move_to_server allows it.
    url = request.getfixturevalue("pg_db")
    return move_to_server(open_central(central_path, PASSPHRASE), url, monkeypatch)


@pytest.fixture
def office(qtbot, central_path, clock, wall_clock, database):
    """The office window, unlocked by typing the passphrase, showing the tabs (on the file, or on
    the central database)."""
    window = make_window(qtbot, central_path, clock, wall_clock, database)
    assert window.stack.currentWidget() is window.unlock
    said = window.unlock.where.text()
    if database is None:
        assert "central store" in said
    else:  # which database, never who logs in to it
        assert f"central database {urlsplit(database).path.lstrip('/')} on " in said
        assert urlsplit(database).username not in said
        assert str(central_path) in said
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    # Where the office's records are, as the header says and as the store reads them.
    assert ("central database" in window.who.text()) == (database is not None)
    assert (type(window.session.store.db).__name__ == "PgDatabase") == (database is not None)
    yield window
    settle(qtbot, window.session)
    window.session.lock()


def texts(page, column: int) -> list[str]:
    return page.model.column_texts(column)


def show_tab(qtbot, window, page) -> None:
    window.home.tabs.setCurrentWidget(page)
    settle(qtbot, window.session)


def run_import(qtbot, window, paths) -> list[str]:
    page = window.home.import_page
    page.add_paths(paths)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_button.isEnabled() or page.files.count() == 0, timeout=15000)
    settle(qtbot, window.session)
    return texts(page, 1)


def test_first_run_creates_the_central_store_and_office_pub(qtbot, tmp_path, clock, wall_clock):
    window = make_window(qtbot, tmp_path / "new" / "central.store", clock, wall_clock)
    setup = window.setup
    assert window.stack.currentWidget() is setup
    qtbot.keyClicks(setup.name, OFFICE_STAFF)
    qtbot.keyClicks(setup.passphrase, PASSPHRASE)
    qtbot.keyClicks(setup.confirm, "not the same passphrase")
    setup.folder.set_path(tmp_path)
    qtbot.mouseClick(setup.button, Qt.MouseButton.LeftButton)
    assert setup.confirm_row.message.text() == "The two passphrases are different: type the same one twice."
    assert not (tmp_path / "new" / "central.store").exists()
    # The problem is listed at the top too, its link focused; it goes once the field is right.
    assert [link.text() for link in setup.summary.links] == [setup.confirm_row.message.text()]
    assert QApplication.focusWidget() is setup.summary.links[0]

    setup.confirm.clear()
    qtbot.keyClicks(setup.confirm, PASSPHRASE)
    assert not setup.confirm_row.message.isVisible() and setup.summary.isHidden()
    qtbot.keyClick(setup.name, Qt.Key.Key_Return)  # Enter in any box submits
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    assert (tmp_path / "office.pub").read_text().count("PACE-OFFICE-1") == 1
    assert "office.pub was written to" in window.home.notice.text()
    assert window.who.text().startswith(OFFICE_STAFF)
    assert window.session.store.kind == "office"
    window.session.lock()


def test_a_laptop_store_is_refused_at_unlock(qtbot, store_path, clock, wall_clock):
    window = make_window(qtbot, store_path, clock, wall_clock)
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock.row.message.isVisible(), timeout=10000)
    assert window.unlock.row.message.text() == (
        "That is not an office store: use the central store made with office init."
    )
    assert not window.session.is_unlocked


def test_an_office_store_whose_audit_log_was_edited_says_so_at_unlock(
    qtbot,
    central_path,
    clock,
    wall_clock,
):
    from pace_desktop.store.store import Store

    with Store.open(central_path, PASSPHRASE) as store, store.transaction() as conn:
        conn.execute("UPDATE audit SET actor = 'Someone Else' WHERE seq = 1")
    window = make_window(qtbot, central_path, clock, wall_clock)
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(window.audit_banner.isVisible, timeout=10000)
    assert window.audit_banner.text().startswith(
        "The audit log does not check out: Audit entry 1 was changed after it was written."
    )
    settle(qtbot, window.session)
    window.session.lock()
    assert not window.audit_banner.isVisible()


def test_import_of_good_replayed_and_tampered_bundles_and_the_history(qtbot, office, office_world, inbox):
    copy_bundle(office_world.bundle_one, inbox, "a-good.pacebundle")
    copy_bundle(office_world.bundle_one, inbox, "b-replay.pacebundle")
    tampered_copy(office_world.bundle_one, inbox, "c-tampered.pacebundle")
    page = office.home.import_page

    verdicts = run_import(qtbot, office, [inbox])  # a folder: every bundle in it, by name

    assert texts(page, 0) == ["a-good.pacebundle", "b-replay.pacebundle", "c-tampered.pacebundle"]
    assert verdicts == ["Accepted", "Already had", "Refused"]
    reasons = texts(page, 3)
    assert reasons[0] == "7 records (7 new)."
    assert reasons[1].startswith("Imported before, on ")
    assert reasons[1].endswith("nothing new to add (harmless).")
    assert reasons[2] == (
        "This bundle is damaged or incomplete (cut short or changed in transit): "
        "nothing was imported. Ask the adviser for a fresh copy."
    )
    assert texts(page, 2)[2] == "—"
    assert page.summary.text() == "3 bundles: 1 accepted, 1 already had, 1 refused."
    assert page.receipts_note.text().startswith("1 receipt was written beside the bundles.")
    assert len(list(inbox.glob("*.pacereceipt"))) == 1  # the replay's receipt has the same name
    assert office.session.store.db.scalar("SELECT count(*) FROM clients") == 2

    history = office.home.history
    show_tab(qtbot, office, history)
    assert sorted(texts(history, 4)) == ["Accepted", "Already had", "Refused"]
    assert sorted(texts(history, 1)) == ["a-good.pacebundle", "b-replay.pacebundle", "c-tampered.pacebundle"]
    assert history.count.text() == "3 of 3 attempts shown"
    history.filter.setCurrentIndex(history.filter.findData("refused"))
    assert texts(history, 1) == ["c-tampered.pacebundle"]
    assert texts(history, 6)[0].startswith("This bundle is damaged or incomplete")


def test_a_receipt_is_saved_again_from_the_history(qtbot, office, office_world, inbox, tmp_path):
    run_import(qtbot, office, [copy_bundle(office_world.bundle_one, inbox)])
    history = office.home.history
    show_tab(qtbot, office, history)
    assert not history.receipt_button.isEnabled()
    history.view.selectRow(0)
    assert history.receipt_button.isEnabled()
    target = tmp_path / "again.pacereceipt"
    history.save_receipt(target)
    settle(qtbot, office.session)
    assert target.read_bytes() == next(inbox.glob("*.pacereceipt")).read_bytes()
    assert "The receipt was saved as" in history.done_banner.text()


def test_an_unknown_laptop_is_refused_until_trusted_and_duplicates_are_listed_not_merged(
    qtbot,
    office,
    office_world,
    inbox,
):
    page = office.home.import_page
    two = copy_bundle(office_world.bundle_two, inbox)
    assert run_import(qtbot, office, [two]) == ["Refused"]
    assert "enrol its device key on the Devices tab" in texts(page, 3)[0]
    assert "Nothing was imported." in texts(page, 3)[0]

    qtbot.mouseClick(page.trust, Qt.MouseButton.LeftButton)
    assert page.trust.isChecked()
    assert "Only when you know every bundle here came from your own advisers" in page.trust_warning.text()
    assert run_import(qtbot, office, [copy_bundle(office_world.bundle_one, inbox), two]) == [
        "Accepted",
        "Accepted",
    ]
    assert "was enrolled on this first bundle" in texts(page, 3)[1]
    assert texts(page, 3)[1].endswith("1 possible duplicate listed for review.")

    duplicates = office.home.duplicates
    tabs = office.home.tabs
    assert tabs.tabText(tabs.indexOf(duplicates)) == "D&uplicates (1)"
    show_tab(qtbot, office, duplicates)
    assert texts(duplicates, 3) == ["same National Insurance number"]
    duplicates.view.selectRow(0)
    settle(qtbot, office.session)
    names = {duplicates.sides[0]["Name"].text(), duplicates.sides[1]["Name"].text()}
    assert names == {"Eilidh MacFadyen", "Eilidh Macfadyen"}
    assert duplicates.sides[0]["NI number"].text() == "JT123456A"

    qtbot.mouseClick(duplicates.not_same, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert texts(duplicates, 0) == []
    assert tabs.tabText(tabs.indexOf(duplicates)) == "D&uplicates"
    store = office.session.store
    assert store.db.query("SELECT status FROM duplicate_review") == [("not_duplicate",)]
    assert store.db.scalar("SELECT count(*) FROM clients") == 3  # both kept: never merged


def test_enrol_a_laptop_by_pasting_its_device_key(qtbot, office, office_world):
    devices = office.home.devices
    show_tab(qtbot, office, devices)
    assert len(texts(devices, 0)) == 1
    qtbot.keyClicks(devices.key, "PACE-DEVICE-1 not a key")
    qtbot.keyClick(devices.key, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    assert devices.key_row.message.text().startswith("That is not a device key")

    devices.key.clear()
    qtbot.keyClicks(devices.key, office_world.laptop_two_key)
    qtbot.keyClick(devices.key, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    laptop_two = office_world.laptop_two_key.split()[1]
    assert laptop_two in texts(devices, 0)
    assert len(texts(devices, 0)) == 2
    assert devices.done_banner.text().startswith(f"Laptop {laptop_two} was enrolled")
    assert devices.key_row.message.text() == ""
    assert devices.heading.text() == "Enrolled laptops (2)"


def test_retire_a_lost_laptop_from_the_devices_tab(qtbot, office, office_world, inbox, tmp_path):
    devices = office.home.devices
    show_tab(qtbot, office, devices)
    assert not devices.retire_button.isEnabled()  # nothing selected
    devices.view.selectRow(0)
    laptop = texts(devices, 0)[0]
    assert texts(devices, 5) == ["Accepted"] and devices.retire_button.isEnabled()
    qtbot.mouseClick(devices.retire_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    assert f"Retire laptop {laptop}?" in dialog.findChildren(QLabel)[0].text()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    settle(qtbot, office.session)
    assert devices.done_banner.text().startswith(f"Laptop {laptop} was retired")
    assert texts(devices, 5)[0].startswith("Refused: retired ")
    assert devices.heading.text() == "Enrolled laptops (1, 1 retired)"
    devices.view.selectRow(0)
    assert not devices.retire_button.isEnabled()  # already retired
    devices.grab().save(str(tmp_path / "devices-retired.png"))
    verdicts = run_import(qtbot, office, [copy_bundle(office_world.bundle_one, inbox)])
    assert verdicts == ["Refused"]


def test_a_report_is_written_from_the_reports_tab(qtbot, office, office_world, tmp_path):
    from openpyxl import load_workbook

    from pace_desktop.office.importer import import_bundles

    import_bundles(office.session.store, [office_world.bundle_one], receipts_dir=tmp_path)
    reports = office.home.reports
    show_tab(qtbot, office, reports)
    reports.kind.setCurrentIndex(reports.kind.findData("records"))
    assert "personal data" in reports.caution.text()
    # Secure drive only: no folder is suggested (not silently the home folder); Write asks for one.
    assert reports.out.path() is None
    qtbot.mouseClick(reports.write_button, Qt.MouseButton.LeftButton)
    assert reports.out_row.message.text() == "Choose a folder on the office's secure drive."
    reports.out.set_path(tmp_path / "central-records")  # .xlsx is added
    reports.write_button.setFocus()
    qtbot.keyClick(reports.write_button, Qt.Key.Key_Space)
    settle(qtbot, office.session)
    assert office.focusWidget() is reports.open_button  # on to the result, not to Lock
    target = tmp_path / "central-records.xlsx"
    assert reports.done_banner.text() == reports.done_banner.text().strip()
    assert reports.done_banner.text().endswith(f"to {target}.")
    assert reports.open_button.isVisible()
    sheets = load_workbook(target, read_only=True).sheetnames
    assert len(sheets) >= 2


def test_the_identity_backup_asks_for_the_passphrase_and_is_owner_only(qtbot, office, tmp_path):
    key = office.home.key
    show_tab(qtbot, office, key)
    assert list(key.details.values())[1].text().startswith("age1")
    assert key.staff.item(0).text() == f"{OFFICE_STAFF} (you)"
    target = tmp_path / "office-identity.txt"
    key.backup_file.set_path(target)
    qtbot.mouseClick(key.backup_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    settle(qtbot, office.session)
    assert "AGE-SECRET-KEY-" in target.read_text()
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Move it offline now" in key.done_banner.text()


def test_locking_clears_what_was_shown(qtbot, office, office_world, inbox):
    run_import(qtbot, office, [copy_bundle(office_world.bundle_one, inbox)])
    assert texts(office.home.import_page, 1) == ["Accepted"]
    office.activateWindow()
    qtbot.waitUntil(office.isActiveWindow, timeout=2000)
    qtbot.keyClick(office.home.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: office.stack.currentWidget() is office.unlock, timeout=3000)
    assert not office.session.is_unlocked
    assert texts(office.home.import_page, 1) == []
    assert texts(office.home.history, 1) == []


# -- partners and people's rights (issues 9 and 10) ------------------------------------------------


def imported_people(office, office_world, tmp_path, share_with: str | None = None):
    """Bundle one imported straight through the core; optionally everyone agrees to share."""
    from pace_desktop.office.importer import import_bundles
    from pace_desktop.records.models import CaptureMethod
    from pace_desktop.registration import build_consents

    store = office.session.store
    import_bundles(store, [office_world.bundle_one], receipts_dir=tmp_path)
    clients = list(store.clients.all())
    if share_with:
        with store.transaction():
            for client in clients:
                for consent in build_consents(
                    {f"share_{share_with}": True},
                    how=CaptureMethod.with_adviser,
                    by=OFFICE_STAFF,
                    client_id=client.id,
                ):
                    store.consents.add(consent)
    return clients


def page_of(office, name: str):
    return next(p for p in office.home.pages if type(p).__name__ == name)


def record_agreement(qtbot, office, partners, *, review) -> None:
    """Type a data-sharing agreement into the Agreement tab and save it, as office staff would."""
    partners.tabs.setCurrentIndex(1)
    for line, text in (
        (partners.reference, "DSA-2026-014"),
        (partners.legal_basis, "UK GDPR Article 6(1)(a): consent"),
        (partners.scope, "PACE clients who agreed to sharing with DWP"),
        (partners.start, "2025-01-01"),
        (partners.review, review.isoformat()),
    ):
        line.setText(text)
    qtbot.mouseClick(partners.agreement_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert partners.done_banner.text() == "DWP's data-sharing agreement was saved."


def test_a_partners_agreement_is_checked_field_by_field_and_one_past_review_refuses_requests(
    qtbot, office, office_world, tmp_path
):
    imported_people(office, office_world, tmp_path, share_with="DWP")
    partners = page_of(office, "PartnersPage")
    show_tab(qtbot, office, partners)
    partners.view.selectRow(texts(partners, 0).index("DWP"))
    settle(qtbot, office.session)
    partners.tabs.setCurrentIndex(1)
    assert partners.agreement_status.text() == "No agreement on file: no request can be sent to DWP."

    partners.reference.setText("DSA-2026-014")
    partners.start.setText("1 April 2026")
    partners.review.setText("2026-02-30")
    qtbot.mouseClick(partners.agreement_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    # GOV.UK: "There is a problem", one link per field in order, each message also beside its field.
    assert partners.agreement_summary.isVisible()
    assert partners.agreement_summary.title.text() == "There is a problem"
    assert [link.text() for link in partners.agreement_summary.links] == [
        "Enter the legal basis for sharing (at most 300 characters).",
        "Enter what the agreement covers (at most 500 characters).",
        "Enter the start date as a date like 2026-04-01 (year-month-day).",
        "The review date must be a real date, like 2026-04-01.",
    ]
    assert (
        partners.start_row.message.text()
        == "Enter the start date as a date like 2026-04-01 (year-month-day)."
    )
    assert not partners.reference_row.message.isVisible()
    assert office.focusWidget() is partners.agreement_summary.links[0]  # GOV.UK: focus to the summary
    qtbot.mouseClick(partners.agreement_summary.links[2], Qt.MouseButton.LeftButton)
    assert office.focusWidget() is partners.start
    assert partners.done_banner.text() == ""
    assert office.session.store.db.scalar("SELECT count(*) FROM partner_agreements") == 0

    lapsed = date.today() - timedelta(days=1)
    record_agreement(qtbot, office, partners, review=lapsed)
    assert not partners.agreement_summary.isVisible()
    assert partners.agreement_status.text() == (
        f"Past its review date ({lapsed.isoformat()}): no request can be sent to DWP until it is reviewed."
    )
    partners.tabs.setCurrentIndex(2)
    partners.request_folder.set_path(tmp_path)
    qtbot.mouseClick(partners.request_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert partners.banner.text() == (
        f"DWP's data-sharing agreement DSA-2026-014 was due for review on {lapsed.isoformat()}, so "
        "nothing can be sent to it: nothing was written. Review it with DWP, then record the new review date."
    )
    assert list(tmp_path.glob("PACE-request-*")) == []


def test_a_partner_is_set_up_sent_a_request_and_its_return_taken_back(qtbot, office, office_world, tmp_path):
    import io

    import pyrage
    from openpyxl import load_workbook

    from pace_desktop.records.pace_id import new_pace_id

    imported_people(office, office_world, tmp_path, share_with="DWP")
    partners = page_of(office, "PartnersPage")
    show_tab(qtbot, office, partners)
    codes = texts(partners, 0)
    partners.view.selectRow(codes.index("DWP"))
    settle(qtbot, office.session)
    partners.tabs.setCurrentIndex(2)
    partners.request_folder.set_path(tmp_path)
    qtbot.mouseClick(partners.request_button, Qt.MouseButton.LeftButton)
    assert partners.banner.text() == (
        "DWP has no data-sharing agreement on file, so nothing can be sent to it: nothing was written. "
        "Record DWP's agreement (reference, legal basis, scope, start and review dates) first."
    )
    record_agreement(qtbot, office, partners, review=date.today() + timedelta(days=365))
    partners.tabs.setCurrentIndex(2)
    qtbot.mouseClick(partners.request_button, Qt.MouseButton.LeftButton)
    assert partners.banner.text() == (
        "DWP has no public key yet, so a request cannot be encrypted "
        "to it: add the key DWP sent on the Set-up tab first."
    )

    identity = pyrage.x25519.Identity.generate()
    partners.tabs.setCurrentIndex(0)
    partners.recipient.setText(str(identity.to_public()))
    qtbot.mouseClick(partners.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert partners.done_banner.text() == "DWP's set-up was saved."
    assert texts(partners, 2)[codes.index("DWP")] == "Set"

    partners.tabs.setCurrentIndex(2)
    qtbot.mouseClick(partners.request_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert partners.done_banner.text().startswith("Wrote request R-DWP-")
    assert partners.requests.column_texts(3) == ["1"]  # only Eilidh's NI number is recorded
    request = next(tmp_path.glob("PACE-request-DWP-*"))

    # The partner fills in the one row it was sent, and adds a PACE ID it was never sent.
    wb = load_workbook(io.BytesIO(pyrage.decrypt(request.read_bytes(), [identity])))
    ws = wb["Request"]
    headings = [c.value for c in ws[1]]
    ws.cell(2, headings.index("Outcome") + 1).value = "in_work"
    ws.cell(2, headings.index("Outcome date") + 1).value = "2026-01-05"
    ws.append([new_pace_id(), "look up", None, "in_work", "2026-01-05"])
    returned = tmp_path / "dwp-return.xlsx"
    wb.save(returned)

    partners.tabs.setCurrentIndex(3)
    partners.return_file.set_path(returned)
    qtbot.mouseClick(partners.return_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert "1 row used, 1 refused" in partners.return_summary.text()
    problems = [partners.problems.item(i).text() for i in range(partners.problems.count())]
    assert len(problems) == 1 and problems[0].startswith("Row 3: ")
    assert partners.returns.column_texts(3) == ["1"]  # one outcome added


def test_one_person_is_found_withdrawn_given_a_copy_and_erased(qtbot, office, office_world, tmp_path):
    imported_people(office, office_world, tmp_path)
    store = office.session.store
    pace_id = store.db.scalar("SELECT pace_id FROM clients WHERE ni = 'JT123456A'")
    rights = page_of(office, "PrivacyPage")
    show_tab(qtbot, office, rights)
    qtbot.keyClicks(rights.find_edit, pace_id)
    qtbot.keyClick(rights.find_edit, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    assert rights.details["Name"].text() == "Eilidh MacFadyen"
    assert rights.consents.column_texts(2) == ["Active"]

    rights.consents_view.selectRow(0)
    qtbot.mouseClick(rights.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert rights.done_banner.text().startswith(f"Consent withdrawn for {pace_id}")
    assert rights.consents.column_texts(2)[0].startswith("Withdrawn ")

    rights.access_file.set_path(tmp_path / "copy.xlsx")
    qtbot.mouseClick(rights.access_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert (tmp_path / "copy.xlsx").exists() and (tmp_path / "copy.json").exists()
    assert pace_id in (tmp_path / "copy.json").read_text()

    qtbot.keyClicks(rights.reason, "Eilidh asked")
    qtbot.mouseClick(rights.erase_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    assert not any(isinstance(w, ReauthDialog) and w.isVisible() for w in rights.children())
    assert rights.banner.text() == (
        "The reason must not name the person or give their details: say why, not who."
    )
    rights.reason.clear()
    qtbot.keyClicks(rights.reason, "the person asked")
    qtbot.mouseClick(rights.erase_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, ReauthDialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    settle(qtbot, office.session)
    assert rights.done_banner.text().startswith(f"Erased {pace_id}:")
    assert rights.details["Name"].text() == ""
    assert store.db.scalar("SELECT count(*) FROM clients WHERE pace_id = ?", (pace_id,)) == 0
    rights.find()
    settle(qtbot, office.session)
    assert "was erased on" in rights.banner.text()


# -- reference data (issue 20) ---------------------------------------------------------------------

REFERENCE_DATA = Path(__file__).parents[1] / "reference" / "data"


@pytest.fixture
def reference_page(qtbot, office):
    """The Reference data tab, shown; the reference set in use put back to the shipped one after
    (an import installs the office's new set for this process)."""
    from pace_desktop import reference

    page = office.home.reference
    show_tab(qtbot, office, page)
    yield page
    reference.install(None)


def choose_in_file_dialog(qtbot, picker, path) -> None:
    """Click Choose…, type the file's path into the file dialog that opens and press Enter."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    def answer() -> None:
        dialog = active_dialog(qtbot, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    assert picker.path() == path


def import_from(qtbot, office, page, kind: str, path) -> None:
    picker, button = (page.nomis_file, page.nomis_button)
    if kind == "partners":
        picker, button = page.partners_file, page.partners_button
    picker.set_path(path)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    settle(qtbot, office.session)


def test_office_staff_see_the_reference_data_and_import_a_nomis_file_from_a_file_dialog(
    qtbot, office, reference_page, tmp_path
):
    from pace_desktop.office.reference_data import show
    from pace_desktop.reference import shipped_set

    page, shipped = reference_page, shipped_set()
    assert page.facts["version"].text() == shipped.version
    assert page.facts["issued"].text() == "As shipped with the app"
    assert page.facts["figures"].text() == f"{shipped.figures_version} (32 council areas)"
    assert page.model.column_texts(0) == [p.code for p in shipped.partners]
    assert page.partners_heading.text() == f"Partners ({len(shipped.partners)})"

    qtbot.mouseClick(page.nomis_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert page.banner.text() == "Choose the NOMIS file to import."

    nomis = REFERENCE_DATA / "nomis-query-2026-10.csv"
    choose_in_file_dialog(qtbot, page.nomis_file, nomis)
    qtbot.mouseClick(page.nomis_button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    settle(qtbot, office.session)
    made = show(office.session.store)  # what the command's `show` now reads from the store
    assert made.stored is not None and made.reference.as_of == "2026-10"
    assert page.banner.text() == ""
    assert page.done_banner.text() == (
        f"The area figures for 2026-10 were imported: reference data {made.reference.version}. The "
        "next office sync sends them to every laptop."
    )
    assert page.facts["version"].text() == made.reference.version
    assert page.facts["version"].text().startswith("2026-10-")
    assert page.facts["as_of"].text() == "2026-10"
    assert page.facts["scotland"].text() == "3.1%"
    assert page.facts["issued"].text() not in ("", "As shipped with the app")
    assert page.source.text().startswith("Source of the figures: NOMIS: Claimant count by sex and age")
    assert page.model.column_texts(0) == [p.code for p in shipped.partners]  # the partners stayed
    assert page.nomis_file.path() is None


def test_a_refused_reference_file_says_the_commands_one_line_and_changes_nothing(
    qtbot, office, reference_page, tmp_path
):
    from pace_desktop.errors import RefusedError
    from pace_desktop.office.reference_data import read_nomis, read_partners, show
    from pace_desktop.paths import resource

    page = reference_page
    store = office.session.store
    import_from(qtbot, office, page, "nomis", REFERENCE_DATA / "nomis-api-2026-10.csv")
    before = show(store).reference
    assert page.facts["version"].text() == before.version

    bad_partners = tmp_path / "partners.csv"
    bad_partners.write_text("code,name,services\nACAS,Acas,mediation\n")
    no_angus = tmp_path / "nomis.csv"
    no_angus.write_text(
        "".join(
            line for line in (REFERENCE_DATA / "nomis-query-2026-10.csv").open() if "S12000041" not in line
        )
    )
    for kind, path, read, names in (
        ("partners", bad_partners, read_partners, "partner ACAS lists a service this app does not know"),
        ("nomis", no_angus, read_nomis, "The NOMIS file has no figure for Angus (S12000041) in October 2026"),
    ):
        with pytest.raises(RefusedError) as refused:
            read(path)  # what `office reference import-…` prints on its one line
        import_from(qtbot, office, page, kind, path)
        assert names in page.banner.text()
        assert page.banner.text() == str(refused.value)
        assert "\n" not in page.banner.text()
        assert page.done_banner.text() == ""
        assert show(store).reference.version == before.version
        assert page.facts["version"].text() == before.version

    # A good partner table replaces the partners and keeps the figures (and their version id).
    table = tmp_path / "new-partners.csv"
    table.write_text(
        resource("data", "partners.csv").read_text().rstrip("\n")
        + "\nFAIR,Fictional Advice Route,employability_advice;money\n"
    )
    import_from(qtbot, office, page, "partners", table)
    after = show(store).reference
    assert page.banner.text() == ""
    assert page.done_banner.text() == (
        f"The partner table was imported: reference data {after.version}. The next office sync sends "
        "it to every laptop."
    )
    assert page.partners_heading.text() == f"Partners ({len(after.partners)})"
    assert page.model.column_texts(0)[-1] == "FAIR"
    assert page.model.column_texts(2)[-1] == "Employability advice, Money advice"
    assert after.figures_version == before.figures_version
    assert page.facts["figures"].text().startswith(before.figures_version)
    assert page.facts["version"].text() == after.version != before.version

    # Locking forgets what the page showed.
    office.lock()
    qtbot.waitUntil(lambda: office.stack.currentWidget() is office.unlock, timeout=3000)
    assert page.facts["version"].text() == "" and page.model.column_texts(0) == []
