"""The event view: the clients table, its filter (name, PACE ID, NI number, postcode), sorting,
review marks."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
from PySide6.QtCore import QModelIndex, Qt

from pace_desktop.store.clients import name_order
from pace_desktop.ui.dialogs.client_record import ClientRecordDialog
from pace_desktop.ui.models.clients import BATCH, COLUMNS, ClientsModel
from tests.ui.conftest import settle


@pytest.fixture
def event_screen(qtbot, unlocked_window, known_event):
    window = unlocked_window
    event = window.session.store.events.get(known_event.event_id)
    home = window.home
    row = next(
        r
        for r in range(home.upcoming.proxy.rowCount())
        if home.upcoming.proxy.index(r, 1).data() == known_event.employer
    )
    home.upcoming.view.setCurrentIndex(home.upcoming.proxy.index(row, 0))
    home.upcoming.view.setFocus()
    qtbot.keyClick(home.upcoming.view, Qt.Key.Key_Return)  # Enter opens the event
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.event_screen, timeout=3000)
    settle(qtbot, window.session)
    assert window.event_screen.shown_event.id == event.id
    return window.event_screen


def shown(screen, column: str = "Name") -> list[str]:
    model = screen.table.model()
    c = COLUMNS.index(column)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def type_filter(qtbot, screen, text: str) -> None:
    """Ctrl+F to the filter box (it selects what is there, so typing replaces it), then type."""
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.window().focusWidget() is screen.filter
    qtbot.keyClicks(screen.filter, text)


def test_the_event_shows_its_clients_with_band_review_and_counts(qtbot, event_screen, known_event):
    assert event_screen.title.text() == known_event.employer
    assert "Glasgow City" in event_screen.details.text()
    assert event_screen.counts.text() == "4 clients  ·  1 high risk  ·  4 not exported  ·  1 needs review"
    assert shown(event_screen) == [
        "MacFadyen, Eilidh",
        "MacLeod, Ruairidh",
        "Nowakowski, Paweł",
        "Siddiqui, Ayesha",
    ]  # surname order
    assert shown(event_screen, "Risk") == ["High", "Not scored", "Low", "Medium"]
    assert shown(event_screen, "Review") == ["", "", "", "Needs review"]
    assert shown(event_screen, "PACE ID")[0] == known_event.clients["MacFadyen"]["pace_id"]
    assert event_screen.status.text() == "4 clients"


FILTER_CASES = [
    ("macf", ["MacFadyen, Eilidh"]),  # surname prefix, any case
    ("MAC", ["MacFadyen, Eilidh", "MacLeod, Ruairidh"]),
    ("pawel", ["Nowakowski, Paweł"]),  # first name typed without the accent
    ("ayesha sidd", ["Siddiqui, Ayesha"]),  # full name
    ("jt 12 34 56 a", ["MacFadyen, Eilidh"]),  # NI number as people write it
    ("AB98", ["Siddiqui, Ayesha"]),  # NI prefix
    ("eh67qr", ["Nowakowski, Paweł"]),  # postcode without the space
    ("PA4 8", ["MacLeod, Ruairidh"]),  # postcode prefix
    ("zzzz", []),
]


def test_the_filter_finds_by_name_ni_number_and_postcode(qtbot, event_screen):
    for typed, expected in FILTER_CASES:  # one window for all cases: each unlock costs Argon2 time
        type_filter(qtbot, event_screen, typed)
        assert shown(event_screen) == expected, typed
        assert event_screen.status.text() == f"Showing {len(expected)} of 4 clients"


def test_the_filter_finds_by_pace_id_whole_or_part(qtbot, event_screen, known_event):
    pace_id = known_event.clients["Siddiqui"]["pace_id"]
    for typed in (pace_id, pace_id.lower(), pace_id.removeprefix("PACE-"), pace_id[5:9]):
        type_filter(qtbot, event_screen, typed)
        assert shown(event_screen) == ["Siddiqui, Ayesha"], typed
    qtbot.keyClick(event_screen.filter, Qt.Key.Key_Escape)  # Escape clears the filter
    assert event_screen.filter.text() == ""
    assert len(shown(event_screen)) == 4


def test_clicking_a_column_header_sorts_by_it(qtbot, event_screen):
    header = event_screen.table.horizontalHeader()
    risk = COLUMNS.index("Risk")
    header.sectionClicked.emit(risk)  # a click on the header, as Qt reports it
    event_screen.table.sortByColumn(risk, Qt.SortOrder.AscendingOrder)
    assert shown(event_screen, "Risk") == ["High", "Medium", "Low", "Not scored"]
    event_screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(event_screen)[0] == "Siddiqui, Ayesha"


def test_back_returns_to_the_events_and_another_event_starts_unfiltered(qtbot, event_screen):
    window = event_screen.window()
    type_filter(qtbot, event_screen, "mac")
    qtbot.mouseClick(event_screen.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    here = event_screen.shown_event.id
    other = next(e for e in window.session.store.events.all() if e.id != here)
    window.show_event(other)
    settle(qtbot, window.session)
    assert event_screen.filter.text() == ""
    assert (
        event_screen.model.total == window.session.store.client_queries.event_counts()[str(other.id)].clients
    )


def test_new_client_opens_the_client_record(qtbot, event_screen):
    qtbot.mouseClick(event_screen.new_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in event_screen.findChildren(ClientRecordDialog) if d.isVisible())
    assert dialog.isVisible()
    dialog.done(0)


def big_event_rows(count: int) -> list[tuple]:
    """``count`` light rows as rows_for_event returns them (fictional people; no store needed)."""
    rows = []
    for i in range(count):
        data = {
            "first_name": f"Person{i}",
            "last_name": "Test" if i != 1150 else "Lastone",
            "postcode": "G51 2AB",
            "ni_number": None,
            "employment_status": "at_risk",
        }
        rows.append((str(uuid4()), f"PACE-{i:04d}-TEST", json.dumps(data), "low" if i % 3 else "high", 0, 0))
    rows.sort(key=lambda r: name_order(json.loads(r[2])["last_name"], json.loads(r[2])["first_name"]))
    return rows


def test_a_big_event_is_handed_to_the_view_in_batches_but_filtered_whole(qtbot):
    model = ClientsModel()
    model.set_rows(big_event_rows(1200))
    assert model.rowCount() == BATCH and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH
    model.set_query("lastone")  # a row not yet handed to the view is still found
    assert model.rowCount() == 1 and model.matching == 1 and model.total == 1200
    assert model.index(0, 0).data() == "Lastone, Person1150"
    model.set_query("")
    assert model.matching == 1200 and model.rowCount() == BATCH


def test_sorting_a_big_event_looks_at_every_row_and_keeps_name_order_within_a_value(qtbot):
    model = ClientsModel()
    model.set_rows(big_event_rows(1200))
    risk = COLUMNS.index("Risk")
    model.sort(risk, Qt.SortOrder.AscendingOrder)
    bands = [model.row_at(r).band for r in range(model.matching)]
    assert bands == ["high"] * 400 + ["low"] * 800  # all 1,200, not just the rows shown
    highs = [model.row_at(r) for r in range(400)]
    assert [name_order(r.data["last_name"], r.data["first_name"]) for r in highs] == sorted(
        name_order(r.data["last_name"], r.data["first_name"]) for r in highs
    )
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Test, Person999"
    assert model.index(0, 0).data() == model.row_at(0).name


def test_the_stores_name_order_is_the_tables_name_order(qtbot, event_screen):
    """Rows are read in the store's name order and not sorted again: the two orders must agree."""
    model = event_screen.model
    names = [model.row_at(r).cell(0)[1] for r in range(model.matching)]
    assert names == sorted(names) and len(names) == 4


def test_every_code_and_label_fits_its_column_uncut(qtbot, event_screen):
    """The columns are sized from what they can hold, not from the rows: each text shown still fits."""
    table, model = event_screen.table, event_screen.table.model()
    metrics = table.fontMetrics()
    for c in range(1, len(COLUMNS)):
        texts = [model.index(r, c).data() for r in range(model.rowCount())]
        texts.append(model.headerData(c, Qt.Orientation.Horizontal))
        for text in texts:
            assert metrics.horizontalAdvance(text) < table.columnWidth(c), (COLUMNS[c], text)
