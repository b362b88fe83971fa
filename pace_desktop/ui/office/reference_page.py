"""Reference data: the partner table and the area unemployment figures the office sends to every laptop.

Office staff see the set in use (its version, when it was imported, the figures' version and month,
the partners) and replace either half from a file: a NOMIS claimant count CSV or a partner CSV. The
work is ``pace_desktop.office.reference_data``, the same functions ``office reference`` calls, so a
refused file gets the command's own one line and changes nothing (docs/reference-data.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from pace_desktop.ui import style
from pace_desktop.ui.i18n import core_tr, number
from pace_desktop.ui.office.common import PathPicker, error_text, hint, page, section, when
from pace_desktop.ui.office.models import RowsModel, table
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner

CSV_FILTER = QT_TRANSLATE_NOOP("ReferencePage", "CSV files (*.csv);;All files (*)")


class ReferencePage(QWidget):
    """What the office sends now, two file imports, and the partner table."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view_: Any = None
        layout = page(
            self,
            self.tr("Reference data"),
            self.tr(
                "The partner table and the area unemployment figures every laptop uses. Import a new "
                "file here; the office uses it at once, and the next office sync sends it to every "
                "laptop as a signed update."
            ),
        )
        self.banner = Banner("error")
        self.done_banner = Banner("success")
        layout.addWidget(self.banner)
        layout.addWidget(self.done_banner)

        layout.addWidget(section(self.tr("In use")))
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(6)
        facts.setColumnStretch(1, 1)
        self.facts: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(
            (
                ("version", self.tr("Version")),
                ("issued", self.tr("Imported")),
                ("figures", self.tr("Area figures")),
                ("as_of", self.tr("Figures as of")),
                ("scotland", self.tr("Scotland's rate")),
            )
        ):
            name = QLabel(label)
            name.setStyleSheet("font-weight: 600;")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
            self.facts[key] = value
        layout.addLayout(facts)
        # The source may be long: a wrapped line of its own, under the short facts.
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.source)

        layout.addWidget(section(self.tr("Replace from a file")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.nomis_file = PathPicker(
            "open", self.tr("NOMIS claimant count file"), file_filter=self.tr(CSV_FILTER)
        )
        self.nomis_button = style.primary(QPushButton(self.tr("Import area fi&gures")))
        self.nomis_button.clicked.connect(lambda: self.import_file("nomis"))
        self.partners_file = PathPicker(
            "open", self.tr("Partner table file"), file_filter=self.tr(CSV_FILTER)
        )
        self.partners_button = QPushButton(self.tr("Import partner &table"))
        self.partners_button.clicked.connect(lambda: self.import_file("partners"))
        for row, (text, picker, button) in enumerate(
            (
                (self.tr("&NOMIS file"), self.nomis_file, self.nomis_button),
                (self.tr("&Partner file"), self.partners_file, self.partners_button),
            )
        ):
            label = QLabel(text)
            label.setBuddy(picker)
            grid.addWidget(label, row, 0)
            grid.addWidget(picker, row, 1)
            grid.addWidget(button, row, 2)
        layout.addLayout(grid)
        layout.addWidget(
            hint(
                self.tr(
                    "NOMIS file: claimant count by sex and age, local authorities in Scotland and "
                    "Scotland itself, claimants as a proportion of residents aged 16-64, downloaded as "
                    "CSV; the latest month is used. Partner file: a CSV with the columns code, name "
                    "and services (services separated by ';')."
                )
            )
        )

        self.partners_heading = section(self.tr("Partners"))
        layout.addWidget(self.partners_heading)
        self.model = RowsModel([self.tr("Code"), self.tr("Name"), self.tr("Services")])
        self.table = table(self.model, self.tr("Partners"), stretch=2)
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table, 1)
        self._busy = False

    # -- data --------------------------------------------------------------------------------------
    def reload(self) -> None:
        from pace_desktop.office.reference_data import show

        if not self.session.is_unlocked:
            return
        store = self.session.store
        self.session.worker.submit(lambda _p: show(store), on_done=self._shown, on_error=self._failed)

    def _shown(self, view: Any) -> None:
        from pace_desktop.reference import SCOTLAND_GSS, SERVICES

        if not self.session.is_unlocked:
            return
        self.view_ = view
        ref = view.reference
        self.facts["version"].setText(ref.version)
        self.facts["issued"].setText(
            when(view.stored.issued_at) if view.stored is not None else self.tr("As shipped with the app")
        )
        self.facts["figures"].setText(
            self.tr("{version} ({areas} council areas)").format(
                version=ref.figures_version, areas=number(len(ref.rates) - 1)
            )
        )
        self.facts["as_of"].setText(ref.as_of)
        self.facts["scotland"].setText(self.tr("{0}%").format(f"{ref.rates[SCOTLAND_GSS].rate_pct:.1f}"))
        self.source.setText(self.tr("Source of the figures: {0}").format(ref.source))
        self.model.set_rows(
            [
                (p.code, p.name, ", ".join(core_tr(SERVICES.get(s, s)) for s in p.services))
                for p in ref.partners
            ],
            keys=list(ref.partners),
        )
        self.table.resizeRowsToContents()
        self.partners_heading.setText(self.tr("Partners ({0})").format(number(len(ref.partners))))

    def _failed(self, exc: BaseException) -> None:
        self.done_banner.clear_message()
        self.banner.show_message(
            error_text(exc, self.tr("The reference data could not be read: lock and unlock, then try again."))
        )

    def clear(self) -> None:
        self.view_ = None
        for label in self.facts.values():
            label.clear()
        self.source.clear()
        self.model.set_rows([])
        self.partners_heading.setText(self.tr("Partners"))
        self.nomis_file.set_path(None)
        self.partners_file.set_path(None)
        self.banner.clear_message()
        self.done_banner.clear_message()

    # -- importing ---------------------------------------------------------------------------------
    def import_file(self, kind: str) -> None:
        """Import the chosen file (``kind`` 'nomis' or 'partners') with the command's own function."""
        from pace_desktop.office.reference_data import import_nomis, import_partners

        if self._busy or not self.session.is_unlocked:
            return
        picker = self.nomis_file if kind == "nomis" else self.partners_file
        path: Path | None = picker.path()
        self.done_banner.clear_message()
        if path is None:
            self.banner.show_message(
                self.tr("Choose the NOMIS file to import.")
                if kind == "nomis"
                else self.tr("Choose the partner file to import.")
            )
            picker.setFocus()
            return
        store = self.session.store
        do = import_nomis if kind == "nomis" else import_partners
        self._busy = True
        self.nomis_button.setEnabled(False)
        self.partners_button.setEnabled(False)

        def done(made: Any) -> None:
            self.banner.clear_message()
            if kind == "nomis":
                said = self.tr(
                    "The area figures for {as_of} were imported: reference data {version}. The next "
                    "office sync sends them to every laptop."
                ).format(as_of=made.as_of, version=made.version)
            else:
                said = self.tr(
                    "The partner table was imported: reference data {version}. The next office sync "
                    "sends it to every laptop."
                ).format(version=made.version)
            self.done_banner.show_message(said)
            picker.set_path(None)
            self.reload()

        def then() -> None:
            self._busy = False
            self.nomis_button.setEnabled(True)
            self.partners_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            then()
            self.banner.show_message(
                error_text(exc, self.tr("The file could not be imported: nothing was changed. Try again."))
            )

        self.session.worker.submit(
            lambda _p: do(store, path),
            on_done=lambda made: (then(), done(made)),
            on_error=failed,
        )
