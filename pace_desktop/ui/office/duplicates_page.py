"""Duplicates for review: pairs of records that may be one person, found at import — never merged.

The importer lists a pair when two records share a National Insurance number, or a name and date
of birth. A person decides: "not the same person", or "reviewed" once the records were put right
where they are kept. Showing a pair's details is a view of personal data, so it is audited.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from pace_desktop.ui import i18n
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.office.common import error_text, page, when
from pace_desktop.ui.office.models import RowsModel, selected_key, sortable, table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner

DETAIL_ROWS = (
    QT_TRANSLATE_NOOP("DuplicatesPage", "Name"),
    QT_TRANSLATE_NOOP("DuplicatesPage", "Date of birth"),
    QT_TRANSLATE_NOOP("DuplicatesPage", "Postcode"),
    QT_TRANSLATE_NOOP("DuplicatesPage", "NI number"),
    QT_TRANSLATE_NOOP("DuplicatesPage", "Event"),
    QT_TRANSLATE_NOOP("DuplicatesPage", "From laptop"),
)
STATUS_WORDS = {
    "open": QT_TRANSLATE_NOOP("DuplicatesPage", "For review"),
    "not_duplicate": QT_TRANSLATE_NOOP("DuplicatesPage", "Not the same person"),
    "resolved": QT_TRANSLATE_NOOP("DuplicatesPage", "Reviewed"),
}


def _status_words(tr: Any) -> dict[str, str]:
    return {status: tr(words) for status, words in STATUS_WORDS.items()}


def describe_client(store: Any, client_id: str) -> dict[str, str]:
    """What staff compare for one side of a pair (runs on the worker; audits the view)."""
    client = store.clients.get(client_id)
    if client is None:
        return {"Name": QCoreApplication.translate("DuplicatesPage", "(no longer held)")}
    event = store.events.get(client.event_id)
    with store.transaction():
        store.audit("view", "client", str(client.id), detail="duplicate_review")
    return {
        "PACE ID": client.pace_id,
        "Name": f"{client.first_name} {client.last_name}",
        "Date of birth": i18n.day(client.date_of_birth) if client.date_of_birth else "",
        "Postcode": client.postcode or "",
        "NI number": client.ni_number or "",
        "Event": ""
        if event is None
        else QCoreApplication.translate("DuplicatesPage", "{employer}, {date}").format(
            employer=event.employer_name, date=i18n.day(event.event_date)
        ),
        "From laptop": client.device_id,
    }


class DuplicatesPage(QWidget):
    """``count_changed(int)`` carries how many pairs are open, for the tab's label."""

    count_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = _status_words(self.tr)
        layout = page(
            self,
            self.tr("Possible duplicates"),
            self.tr(
                "Records from different laptops that may be the same person: the same National "
                "Insurance number, or the same name and date of birth. PACE Intake never merges them. "
                "Compare each pair; if it is one person, put the records right where they are kept, "
                "then mark the pair as reviewed."
            ),
        )

        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        for status, word in self.words.items():
            self.filter.addItem(word, status)
        self.filter.addItem(self.tr("All"), None)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        show_label = QLabel(self.tr("&Show"))
        show_label.setBuddy(self.filter)
        self.count = QLabel()
        self.count.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(show_label)
        row.addWidget(self.filter)
        row.addWidget(self.count, 1)
        layout.addLayout(row)
        self.banner = Banner("error")
        layout.addWidget(self.banner)

        self.model = RowsModel(
            [
                self.tr("Found"),
                self.tr("First record"),
                self.tr("Second record"),
                self.tr("Why listed"),
                self.tr("Status"),
            ]
        )
        self.view = table(self.model, self.tr("Possible duplicates"), stretch=3)
        sortable(self.view, self.model, 0)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        layout.addWidget(self._build_compare())
        self.open_count = 0
        self._update_buttons()

    def _build_compare(self) -> QWidget:
        box = QGroupBox(self.tr("Compare the selected pair"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.sides: list[dict[str, QLabel]] = [{}, {}]
        for col, title in ((1, self.tr("First record")), (2, self.tr("Second record"))):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: 600;")
            grid.addWidget(heading, 0, col)
        for r, name in enumerate((QT_TRANSLATE_NOOP("DuplicatesPage", "PACE ID"), *DETAIL_ROWS), start=1):
            label = QLabel(self.tr(name))
            label.setObjectName("hint")
            grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignRight)
            for side in (0, 1):
                value = QLabel()
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.sides[side][name] = value
                grid.addWidget(value, r, side + 1)
        self.not_same = QPushButton(self.tr("&Not the same person"))
        self.not_same.clicked.connect(lambda: self.mark("not_duplicate"))
        self.reviewed = QPushButton(self.tr("Mark as re&viewed"))
        self.reviewed.setToolTip(self.tr("It is one person and the records were put right"))
        self.reviewed.clicked.connect(lambda: self.mark("resolved"))
        self.reopen = QPushButton(self.tr("Re&open"))
        self.reopen.clicked.connect(lambda: self.mark("open"))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        buttons.addWidget(self.reopen)
        buttons.addWidget(self.not_same)
        buttons.addWidget(self.reviewed)
        grid.addLayout(buttons, len(DETAIL_ROWS) + 2, 0, 1, 3)
        return box

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.office.duplicates import duplicates

        if not self.session.is_unlocked:
            return
        store = self.session.store
        status = self.filter.currentData()

        def load(_p: Any) -> tuple[list[Any], int]:
            return duplicates(store, status=status), len(duplicates(store, status="open"))

        self.session.worker.submit(load, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[list[Any], int]) -> None:
        if not self.session.is_unlocked:
            return
        pairs, open_count = result
        self.banner.clear_message()
        self.model.set_rows(
            [
                (
                    when(p.found_at),
                    p.pace_id_a or "—",
                    p.pace_id_b or "—",
                    core_tr(p.reason_text),
                    self.words.get(p.status, p.status),
                )
                for p in pairs
            ],
            keys=pairs,
            sort_keys=[(p.found_at, p.pace_id_a or "", p.pace_id_b or "", p.reason, p.status) for p in pairs],
        )
        self.count.setText(self.tr("%Ln open for review", "", open_count))
        self.open_count = open_count
        self.count_changed.emit(open_count)
        self._show_details(None)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            error_text(
                exc, self.tr("The list could not be read or changed: lock and unlock, then try again.")
            )
        )
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_rows([])
        self._show_details(None)
        self.banner.clear_message()

    # -- the selected pair -------------------------------------------------------------------------
    def selected(self) -> Any:
        return selected_key(self.view, self.model)

    def _selection_changed(self) -> None:
        self._update_buttons()
        pair = self.selected()
        if pair is None:
            self._show_details(None)
            return
        store = self.session.store
        self.session.worker.submit(
            lambda _p: (
                pair.id,
                describe_client(store, pair.client_a),
                describe_client(store, pair.client_b),
            ),
            on_done=self._details_loaded,
            on_error=self._failed,
        )

    def _details_loaded(self, result: tuple[int, dict[str, str], dict[str, str]]) -> None:
        pair = self.selected()
        if pair is None or pair.id != result[0] or not self.session.is_unlocked:
            return  # the selection moved on meanwhile
        self._show_details(result[1:])

    def _show_details(self, sides: tuple[dict[str, str], dict[str, str]] | None) -> None:
        for i in (0, 1):
            for name, label in self.sides[i].items():
                label.setText("" if sides is None else sides[i].get(name, ""))

    def _update_buttons(self) -> None:
        pair = self.selected()
        status = None if pair is None else pair.status
        self.not_same.setEnabled(status == "open")
        self.reviewed.setEnabled(status == "open")
        self.reopen.setEnabled(status in ("not_duplicate", "resolved"))

    def mark(self, status: str) -> None:
        from pace_desktop.office.duplicates import mark_duplicate

        pair = self.selected()
        if pair is None:
            return
        # One decision per two records: a pair listed for two reasons (NI number, and name and
        # date of birth) is decided once.
        ids = [
            p.id for p in self.model.keys if (p.client_a, p.client_b) == (pair.client_a, pair.client_b)
        ] or [pair.id]
        store = self.session.store
        for button in (self.not_same, self.reviewed, self.reopen):
            button.setEnabled(False)

        def decide(_p: Any) -> None:
            with store.transaction():
                for pair_id in ids:
                    mark_duplicate(store, pair_id, status)

        self.session.worker.submit(decide, on_done=lambda _r: self.reload(), on_error=self._failed)
