"""The laptop's Export and Apply-receipt dialogs: a real bundle written, a real receipt applied.

Laptop one (tests/ui/office_fixtures.py) holds four fictional people: two agreed to PACE support,
one declined and one was never asked — so an export sends two and says why two stayed behind.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from pace_desktop.ui.dialogs.export_dialog import ExportDialog
from pace_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from pace_desktop.ui.session import Session
from tests.conftest import copy_store
from tests.ui.conftest import PASSPHRASE, active_dialog, settle
from tests.ui.office_fixtures import office_world  # noqa: F401 - fixture


def unlocked(qtbot, path, clock, wall_clock) -> Session:
    session = Session(path, clock=clock, wall_clock=wall_clock)
    session.unlock(PASSPHRASE)
    return session


@pytest.fixture
def laptop_session(qtbot, office_world, tmp_path, clock, wall_clock):
    """Laptop one before its first export."""
    session = unlocked(qtbot, copy_store(office_world.fresh_laptop, tmp_path / "laptop"), clock, wall_clock)
    yield session
    settle(qtbot, session)
    session.lock()


@pytest.fixture
def exported_session(qtbot, office_world, tmp_path, clock, wall_clock):
    """Laptop one after the export that bundle one holds (the office has sent receipt one)."""
    session = unlocked(qtbot, copy_store(office_world.laptop_one, tmp_path / "laptop"), clock, wall_clock)
    yield session
    settle(qtbot, session)
    session.lock()


def grid_texts(grid) -> list[str]:
    return [grid.itemAt(i).widget().text() for i in range(grid.count())]


def test_export_writes_a_bundle_and_says_who_was_held_back_and_why(qtbot, laptop_session, tmp_path):
    dialog = ExportDialog(laptop_session)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot, laptop_session)
    assert dialog.status.text() == (
        "12 records changed since the last export.\nThis laptop has not exported anything yet."
    )
    assert not dialog.no_key.isVisible()

    out = tmp_path / "usb"
    out.mkdir()
    dialog.folder.set_path(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)

    bundles = list(out.glob("*.pacebundle"))
    assert len(bundles) == 1
    assert dialog.summary_title.text() == "Export written"
    assert dialog.summary_file.text() == (
        f"2 people (7 records) written to {bundles[0].name}\nin the folder {out}"
    )
    assert grid_texts(dialog.counts) == [
        "Events",
        "1",
        "People",
        "2",
        "Consent answers",
        "2",
        "Checklists",
        "2",
    ]
    held = dialog.held.text()
    assert "•  1 person: PACE support consent declined" in held
    assert "•  1 person: no PACE support consent recorded" in held
    assert dialog.open_button.isVisible()
    store = laptop_session.store
    assert store.db.scalar("SELECT count(*) FROM clients WHERE exported_version > 0") == 2
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_second_export_with_nothing_new_says_so(qtbot, exported_session, tmp_path):
    dialog = ExportDialog(exported_session)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot, exported_session)
    assert "Last export: number 1" in dialog.status.text()
    assert "no receipt from the office yet" in dialog.status.text()
    dialog.folder.set_path(tmp_path)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    assert dialog.summary_title.text() == "Nothing new to export"
    assert not list(tmp_path.glob("*.pacebundle"))
    assert "1 person: PACE support consent declined" in dialog.held.text()


def test_without_an_office_key_the_one_line_message_and_settings(qtbot, empty_window):
    dialog = ExportDialog(empty_window.session, empty_window)
    dialog.open()
    settle(qtbot, empty_window.session)
    assert dialog.no_key_banner.text() == (
        "No office key is set on this laptop, so nothing can be exported: add the office.pub file "
        "from the office in Settings, then export again."
    )
    assert dialog.no_key_banner.isVisible()
    assert not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    from pace_desktop.ui.dialogs.settings_dialog import SettingsDialog

    settings = active_dialog(qtbot, SettingsDialog)
    assert not dialog.isVisible()
    settings.done(0)


def test_a_receipt_marks_the_exported_records_confirmed(qtbot, exported_session, office_world):
    dialog = ReceiptDialog(exported_session)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot, exported_session)
    assert dialog.model.column_texts(4) == ["Waiting"]
    assert "removed from this laptop 30 days later" in dialog.retention.text()

    qtbot.keyClicks(dialog.file.edit, str(office_world.receipt_one))
    qtbot.keyClick(dialog.file.edit, Qt.Key.Key_Return)
    settle(qtbot, exported_session)
    settle(qtbot, exported_session)

    assert dialog.done_banner.text() == (
        "Receipt for export 1 applied: 7 of 7 records newly confirmed by the office.\n"
        "Nothing was removed yet: confirmed records stay on this laptop for 30 days, then are "
        "removed automatically."
    )
    assert dialog.model.column_texts(4) != ["Waiting"]
    store = exported_session.store
    assert store.db.scalar("SELECT count(*) FROM clients WHERE confirmed_version > 0") == 2
    assert store.db.scalar("SELECT count(*) FROM clients WHERE confirmed_version = 0") == 2


def test_a_receipt_past_the_retention_period_purges_and_says_what_went(qtbot, exported_session, office_world):
    exported_session.store.set_settings({"retention_days": "0"})
    dialog = ReceiptDialog(exported_session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.file.set_path(office_world.receipt_one)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, exported_session)
    settle(qtbot, exported_session)
    assert dialog.done_banner.text().endswith(
        "Removed from this laptop, confirmed more than 0 days ago: 2 people and their "
        "2 consent answers, 2 checklists."
    )
    store = exported_session.store
    assert store.db.scalar("SELECT count(*) FROM clients") == 2  # the two never sent stay


def test_a_changed_receipt_is_refused_in_one_line_and_nothing_is_marked(
    qtbot,
    exported_session,
    office_world,
    tmp_path,
):
    receipt = json.loads(office_world.receipt_one.read_text())
    receipt["sequence"] = 2
    forged = tmp_path / "forged.pacereceipt"
    forged.write_text(json.dumps(receipt))
    dialog = ReceiptDialog(exported_session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.file.set_path(forged)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, exported_session)
    assert dialog.banner.text() == (
        "The receipt's signature does not match your office's key: it was changed, or it is not "
        "from your office. Nothing was marked."
    )
    assert not dialog.done_banner.isVisible()
    store = exported_session.store
    assert store.db.scalar("SELECT count(*) FROM clients WHERE confirmed_version > 0") == 0


def test_a_notice_from_the_office_is_applied_from_the_same_dialog(
    qtbot,
    exported_session,
    office_world,
    tmp_path,
):
    from pace_desktop.office.central import open_central
    from pace_desktop.office.importer import import_bundle
    from pace_desktop.privacy.notices import write_notices
    from pace_desktop.privacy.withdrawal import withdraw

    central = copy_store(office_world.central, tmp_path / "office", "central.store")
    with open_central(central, PASSPHRASE) as office:
        import_bundle(office, office_world.bundle_one, receipts_dir=tmp_path)
        pace_id = office.db.scalar("SELECT pace_id FROM clients WHERE ni = 'JT123456A'")
        withdraw(office, pace_id, "pace_support")  # the person asked the office, not the adviser
        notice = write_notices(office, tmp_path)[0].path
    dialog = ReceiptDialog(exported_session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.file.set_path(notice)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, exported_session)
    settle(qtbot, exported_session)
    assert dialog.done_banner.text().startswith("Office notice applied: 1 consents newly withdrawn")
    store = exported_session.store
    client = store.client_queries.by_pace_id(pace_id)
    assert [c.active for c in store.consents.for_parent(client.id) if c.purpose == "pace_support"] == [False]
