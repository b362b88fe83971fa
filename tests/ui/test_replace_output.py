"""Writing over a file that is already there: every office screen that writes a report, a copy or a
receipt asks "Replace NAME?" (Yes or No, No by default) — No keeps the old file byte for byte, Yes
writes the new one in its place; a link is never asked about and never written through (issue 16,
item 11).

Real office windows over real central stores (tests/ui/office_fixtures.py); the question is answered
by clicking its buttons, as office staff would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.pg.conftest import pg, pg_db  # noqa: F401 - fixtures
from tests.ui.conftest import settle
from tests.ui.office_fixtures import (  # noqa: F401 - fixtures
    central_path,
    copy_bundle,
    inbox,
    office_world,
)
from tests.ui.test_office import (  # noqa: F401 - office is a fixture
    database,
    imported_people,
    office,
    page_of,
    run_import,
    show_tab,
)

ACAS_HELP = [("rights_and_entitlements", "ACAS", 30, "referred")]
OLD = b"the file that was there before\n"


def answer_replace(qtbot, choice: str, seen: list[dict]) -> None:
    """Click ``choice`` ("Yes" or "No") in the question once it is up, noting what it said."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(
            {
                "text": box.text(),
                "default": box.defaultButton().text().replace("&", ""),
                "buttons": sorted(b.text().replace("&", "") for b in box.buttons()),
            }
        )
        button = next(b for b in box.buttons() if b.text().replace("&", "") == choice)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def _asked(seen: list[dict], names: str) -> None:
    (question,) = seen
    assert question["text"] == f"Replace {names}?"
    assert question["default"] == "No" and question["buttons"] == ["No", "Yes"]


def _no_question_up() -> None:
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def click_and_answer(qtbot, office, button, choice: str, names: str) -> None:
    """Press ``button``, answer the question with ``choice``, and check what it asked."""
    seen: list[dict] = []
    answer_replace(qtbot, choice, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, office.session)
    _asked(seen, names)
    _no_question_up()


def summary_tab(qtbot, office, office_world, tmp_path):
    """The Reports tab with people imported and the summary chosen."""
    imported_people(office, office_world, tmp_path)
    reports = page_of(office, "ReportsPage")
    show_tab(qtbot, office, reports)
    reports.kind.setCurrentIndex(reports.kind.findData("summary"))
    return reports


@pytest.mark.parametrize("choice", ["No", "Yes"])
def test_the_reports_tab_asks_before_replacing_a_report(qtbot, office, office_world, tmp_path, choice):
    from openpyxl import load_workbook

    reports = summary_tab(qtbot, office, office_world, tmp_path)
    target = tmp_path / "summary.xlsx"
    target.write_bytes(OLD)
    reports.out.set_path(target)
    click_and_answer(qtbot, office, reports.write_button, choice, "summary.xlsx")
    if choice == "No":
        assert target.read_bytes() == OLD
        assert not reports.done_banner.isVisible() and not reports.banner.isVisible()
    else:
        assert len(load_workbook(target, read_only=True).sheetnames) >= 1
        assert reports.done_banner.text().endswith(f"to {target}.")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no leftovers


def test_a_new_report_name_is_written_without_a_question(qtbot, office, office_world, tmp_path):
    reports = summary_tab(qtbot, office, office_world, tmp_path)
    reports.out.set_path(tmp_path / "new-summary.xlsx")
    qtbot.mouseClick(reports.write_button, Qt.MouseButton.LeftButton)  # a question would block here
    settle(qtbot, office.session)
    assert (tmp_path / "new-summary.xlsx").stat().st_size > 0


def test_a_link_in_place_of_the_report_is_refused_without_a_question(qtbot, office, office_world, tmp_path):
    reports = summary_tab(qtbot, office, office_world, tmp_path)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(OLD)
    (tmp_path / "linked.xlsx").symlink_to(elsewhere)
    reports.out.set_path(tmp_path / "linked.xlsx")
    qtbot.mouseClick(reports.write_button, Qt.MouseButton.LeftButton)  # no question: it would block
    settle(qtbot, office.session)
    assert reports.banner.text().startswith("linked.xlsx is a link to another file")
    assert elsewhere.read_bytes() == OLD and (tmp_path / "linked.xlsx").is_symlink()


@pytest.mark.parametrize("choice", ["No", "Yes"])
def test_the_partners_tab_asks_before_replacing_a_reciprocity_report(qtbot, office, tmp_path, choice):
    from tests.impact.people import event, person
    from tests.partners.in_force import agreements_in_force

    store = office.session.store
    agreements_in_force(store, "ACAS")  # a report goes only to a partner with an agreement in force
    ev = event(store)
    for _ in range(6):  # fictional people ACAS helped
        person(store, ev, interventions=ACAS_HELP, outcomes=[(50, "in_work")])
    partners = page_of(office, "PartnersPage")
    show_tab(qtbot, office, partners)
    partners.view.selectRow(partners.model.column_texts(0).index("ACAS"))
    settle(qtbot, office.session)
    target = tmp_path / "acas.xlsx"
    target.write_bytes(OLD)
    partners.report_file.set_path(target)
    click_and_answer(qtbot, office, partners.report_button, choice, "acas.xlsx")
    if choice == "No":
        assert target.read_bytes() == OLD and not partners.done_banner.isVisible()
    else:
        assert target.read_bytes()[:2] == b"PK"  # a workbook now
        assert partners.done_banner.text() == f"Wrote ACAS's reciprocity report to {target}."


@pytest.mark.parametrize("choice", ["No", "Yes"])
def test_peoples_rights_asks_before_replacing_a_subject_access_copy(
    qtbot, office, office_world, tmp_path, choice
):
    imported_people(office, office_world, tmp_path)
    store = office.session.store
    pace_id = store.db.scalar("SELECT pace_id FROM clients WHERE ni = 'JT123456A'")
    rights = page_of(office, "PrivacyPage")
    show_tab(qtbot, office, rights)
    qtbot.keyClicks(rights.find_edit, pace_id)
    qtbot.keyClick(rights.find_edit, Qt.Key.Key_Return)
    settle(qtbot, office.session)
    (tmp_path / "copy.xlsx").write_bytes(OLD)
    (tmp_path / "copy.json").write_bytes(OLD + b"json")
    rights.access_file.set_path(tmp_path / "copy.xlsx")
    click_and_answer(qtbot, office, rights.access_button, choice, "copy.xlsx and copy.json")
    if choice == "No":
        assert (tmp_path / "copy.xlsx").read_bytes() == OLD
        assert (tmp_path / "copy.json").read_bytes() == OLD + b"json"
    else:
        assert (tmp_path / "copy.xlsx").read_bytes()[:2] == b"PK"
        assert pace_id in (tmp_path / "copy.json").read_text()


@pytest.mark.parametrize("choice", ["No", "Yes"])
def test_the_history_asks_before_replacing_a_saved_receipt(
    qtbot, office, office_world, inbox, tmp_path, choice
):

    run_import(qtbot, office, [copy_bundle(office_world.bundle_one, inbox)])
    history = office.home.history
    show_tab(qtbot, office, history)
    history.view.selectRow(0)
    target = tmp_path / "again.pacereceipt"
    target.write_bytes(OLD)
    seen: list[dict] = []
    answer_replace(qtbot, choice, seen)
    history.save_receipt(target)
    settle(qtbot, office.session)
    _asked(seen, "again.pacereceipt")
    if choice == "No":
        assert target.read_bytes() == OLD and not history.done_banner.isVisible()
    else:
        assert target.read_bytes() == next(inbox.glob("*.pacereceipt")).read_bytes()


def test_locking_while_asked_answers_no_and_writes_nothing(qtbot, office, office_world, tmp_path):
    reports = summary_tab(qtbot, office, office_world, tmp_path)
    target = tmp_path / "summary.xlsx"
    target.write_bytes(OLD)
    reports.out.set_path(target)

    def lock_when_asked() -> None:
        if not isinstance(QApplication.activeModalWidget(), QMessageBox):
            QTimer.singleShot(20, lock_when_asked)
            return
        office.session.lock("idle")  # the idle timer fires while nobody answers

    QTimer.singleShot(0, lock_when_asked)
    qtbot.mouseClick(reports.write_button, Qt.MouseButton.LeftButton)
    _no_question_up()
    assert not office.session.is_unlocked
    assert target.read_bytes() == OLD
