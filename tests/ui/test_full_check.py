"""The weekly full integrity check after unlock (issue 16, item 10): in the background, never in the
way of the window; its date kept in the store; damage the page check at open lets through (an index
that no longer matches its table, written with the store's own key) said in a plain red line.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pace_desktop.store.store import FULL_CHECK_SETTING, Store
from tests.conftest import PASSPHRASE
from tests.store.test_integrity import damage_an_index
from tests.ui.conftest import settle, unlock


def _today(wall_clock):
    return datetime.fromtimestamp(wall_clock(), UTC).date()


def _recorded(path):
    with Store.open(path, PASSPHRASE) as store:
        checks = store.db.scalar("SELECT count(*) FROM audit WHERE detail = ?", (FULL_CHECK_SETTING,))
        return store.setting(FULL_CHECK_SETTING), checks


def test_the_first_unlock_of_a_store_runs_the_full_check_in_the_background(
    qtbot, window_factory, store_path, wall_clock
):
    assert _recorded(store_path) == (None, 0)  # a store from before: never fully checked
    window = window_factory(store_path)
    with qtbot.waitSignal(window.session.full_check_done, timeout=60000) as passed:
        unlock(qtbot, window)  # the events are shown: the check did not hold up the unlock
    assert passed.args == [True]
    settle(qtbot, window.session)
    assert not window.audit_banner.isVisible()
    window.lock()
    assert _recorded(store_path) == (_today(wall_clock).isoformat(), 1)


def test_within_a_week_no_check_runs_and_after_a_week_one_does(qtbot, window_factory, store_path, wall_clock):
    with Store.open(store_path, PASSPHRASE) as store:
        store.record_full_check(_today(wall_clock) - timedelta(days=6))
    window = window_factory(store_path)
    unlock(qtbot, window)
    settle(qtbot, window.session)
    window.session.checker.wait()
    window.lock()
    assert _recorded(store_path)[1] == 1  # only the one written above
    wall_clock.advance(24 * 3600)  # a week since the last check
    with qtbot.waitSignal(window.session.full_check_done, timeout=60000):
        unlock(qtbot, window)
    settle(qtbot, window.session)
    window.lock()
    assert _recorded(store_path) == (_today(wall_clock).isoformat(), 2)


def test_damage_found_by_the_full_check_is_said_in_a_red_line(qtbot, window_factory, store_path):
    damage_an_index(store_path)
    window = window_factory(store_path)
    with qtbot.waitSignal(window.session.full_check_done, timeout=60000) as done:
        unlock(qtbot, window)  # every page is authentic: the store opens
    assert done.args == [False]
    banner = window.audit_banner
    assert banner.isVisible()
    assert banner.text() == (
        f"The weekly integrity check found damage in the store {store_path.name}: restore your last "
        "backup copy, or ask the office to recover your data."
    )
    window.lock()
    assert not banner.isVisible()
    assert _recorded(store_path)[0] is None  # not recorded as passed: checked again next unlock
