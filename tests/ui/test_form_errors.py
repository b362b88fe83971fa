"""GOV.UK's error pattern on the first-run set-up, the advisers' forms and the office's recover form:
the summary at the top takes the focus, each link focuses its field, and each message goes as soon as
its field is right (as the kiosk, the client record and the office set-up already do)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from pace_desktop.ui.dialogs.advisers import AddAdviserDialog, ChangePassphraseDialog
from pace_desktop.ui.office.recover_dialog import RecoverLaptopDialog
from pace_desktop.ui.widgets.error_summary import ErrorSummary
from tests.pg.conftest import pg, pg_db  # noqa: F401 - fixtures
from tests.ui.conftest import PASSPHRASE, active_dialog, settle
from tests.ui.office_fixtures import central_path, office_world  # noqa: F401 - fixtures
from tests.ui.test_office import database, office, show_tab  # noqa: F401 - fixtures
from tests.ui.test_settings import SECOND_PASSPHRASE, settings  # noqa: F401 - fixtures


def _y(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


def assert_summary(qtbot, summary: ErrorSummary, expected: list[tuple[str, QWidget]]) -> None:
    """The summary is shown above every field, has the focus, lists ``expected`` (a part of each
    message, the field its link focuses) in order, and each link focuses its field."""
    window = summary.window()
    assert summary.isVisible()
    assert summary.title.text() == "There is a problem"
    assert window.focusWidget() is summary.links[0]
    texts = [link.text() for link in summary.links]
    assert len(texts) == len(expected), texts
    for index, (part, field) in enumerate(expected):
        assert part in texts[index], (part, texts)
        assert _y(summary) + summary.height() <= _y(field), "the summary is not above the fields"
        qtbot.mouseClick(summary.links[index], Qt.MouseButton.LeftButton)
        assert window.focusWidget() is field, texts[index]


def test_first_run_lists_the_problems_at_the_top_and_each_goes_when_fixed(qtbot, window_factory, tmp_path):
    window = window_factory(tmp_path / "pace.store")
    screen = window.first_run
    qtbot.keyClicks(screen.passphrase, "short one")
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert_summary(
        qtbot,
        screen.summary,
        [("Enter your name", screen.name), ("at least 12 characters", screen.passphrase)],
    )
    qtbot.keyClicks(screen.name, "Ailsa MacRae")
    assert [link.text() for link in screen.summary.links] == [screen.pass_row.message.text()]
    assert not screen.name_row.message.isVisible()
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, "kettle harbour violet seven")
    # Now only the second typing is wrong: said beside it and in the summary, nothing else.
    assert not screen.pass_row.message.isVisible()
    assert [link.text() for link in screen.summary.links] == [screen.confirm_row.message.text()]
    qtbot.keyClicks(screen.confirm, "kettle harbour violet seven")
    assert not screen.summary.isVisible() and not screen.confirm_row.message.isVisible()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.step_label.text() == "Step 2 of 3"


def test_first_run_shows_a_refused_office_key_file_in_the_summary(qtbot, window_factory, tmp_path):
    not_a_key = tmp_path / "office.pub"
    not_a_key.write_text("this is a shopping list\n", encoding="utf-8")
    window = window_factory(tmp_path / "pace.store")
    screen = window.first_run
    for box in (screen.name, screen.passphrase, screen.confirm):
        qtbot.keyClicks(box, "Ailsa MacRae" if box is screen.name else "kettle harbour violet seven")
    screen.go_next()
    screen.go_next()
    qtbot.keyClicks(screen.office_key, str(not_a_key))
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert_summary(qtbot, screen.summary, [("not an office key", screen.office_key)])
    qtbot.keyClick(screen.office_key, Qt.Key.Key_Backspace)
    assert not screen.summary.isVisible() and not screen.office_row.message.isVisible()


def test_adding_an_adviser_lists_the_problems_at_the_top_and_each_goes_when_fixed(qtbot, settings):
    settings.add_adviser()
    dialog = active_dialog(qtbot, AddAdviserDialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert_summary(
        qtbot,
        dialog.summary,
        [("adviser's name", dialog.name), ("12 characters", dialog.new), ("your passphrase", dialog.mine)],
    )
    qtbot.keyClicks(dialog.name, "Second Adviser")
    qtbot.keyClicks(dialog.new, SECOND_PASSPHRASE)
    qtbot.keyClicks(dialog.again, SECOND_PASSPHRASE)
    assert [link.text() for link in dialog.summary.links] == ["Type your passphrase to confirm."]
    qtbot.keyClicks(dialog.mine, "not my passphrase at all")
    assert not dialog.summary.isVisible()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, settings.session)
    # The store's answer follows the same pattern, and goes once the passphrase is typed again.
    assert dialog.isVisible()
    assert_summary(qtbot, dialog.summary, [("That is not your passphrase", dialog.mine)])
    qtbot.keyClick(dialog.mine, Qt.Key.Key_Backspace)
    assert not dialog.summary.isVisible() and not dialog.mine_row.message.isVisible()


def test_changing_your_passphrase_lists_the_problems_at_the_top(qtbot, settings):
    settings.change_passphrase()
    dialog = active_dialog(qtbot, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.new, SECOND_PASSPHRASE)
    qtbot.keyClicks(dialog.again, "something else entirely")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert_summary(qtbot, dialog.summary, [("current passphrase", dialog.old), ("different", dialog.again)])
    qtbot.keyClicks(dialog.old, PASSPHRASE)
    assert [link.text() for link in dialog.summary.links] == [dialog.again_row.message.text()]


def test_recovering_a_laptop_lists_the_problems_at_the_top(qtbot, office):
    key = office.home.key
    show_tab(qtbot, office, key)
    qtbot.mouseClick(key.recover_button, Qt.MouseButton.LeftButton)
    dialog = active_dialog(qtbot, RecoverLaptopDialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert_summary(
        qtbot,
        dialog.summary,
        [
            ("store file", dialog.store_file.edit),
            ("new adviser's name", dialog.name),
            ("12 characters", dialog.new),
            ("your passphrase", dialog.mine),
        ],
    )
    qtbot.keyClicks(dialog.name, "Iona Placeholder")
    assert not dialog.name_row.message.isVisible()
    assert "new adviser's name" not in " ".join(link.text() for link in dialog.summary.links)
    dialog.reject()
