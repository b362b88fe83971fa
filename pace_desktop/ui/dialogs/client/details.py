"""The Details tab: every Client field, each with its message beside it as the adviser types or moves on.

The tab only gathers text; ``client_data`` turns it into the model's fields and ``Client`` itself judges
it, so the rules live in one place (records/models.py). A field shows its message once the adviser has
left it (or tried to save), and a shown message updates on every keystroke, so it goes as soon as the
entry is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.attendees.values import parse_date
from pace_desktop.records.enums import Disability, EmploymentStatus, LabelledEnum, RedundancyPay, choices
from pace_desktop.ui.dialogs.client.layout import make_scrollable
from pace_desktop.ui.widgets.field import FieldRow

DATE_FIELDS = ("date_of_birth", "notice_date", "expected_leaving_date")
# Translated where shown (``DetailsTab.tr``); marked here so lupdate lists them in that context.
DATE_MESSAGE = QT_TRANSLATE_NOOP("DetailsTab", "Enter a real date, like 03/11/1975 (day/month/year).")
YEARS_MESSAGE = QT_TRANSLATE_NOOP("DetailsTab", "Enter a number of years, like 4 or 12.5.")
# A yes/no the person may not have been asked yet: "Not asked" (None), "Yes" (True), "No" (False).
YES_NO = (
    (QT_TRANSLATE_NOOP("DetailsTab", "Not asked"), None),
    (QT_TRANSLATE_NOOP("DetailsTab", "Yes"), True),
    (QT_TRANSLATE_NOOP("DetailsTab", "No"), False),
)
_ENUMS: dict[str, type[LabelledEnum]] = {
    "disability": Disability,
    "employment_status": EmploymentStatus,
    "redundancy_pay_status": RedundancyPay,
}
GENDERS = (
    "",
    QT_TRANSLATE_NOOP("DetailsTab", "Woman"),
    QT_TRANSLATE_NOOP("DetailsTab", "Man"),
    QT_TRANSLATE_NOOP("DetailsTab", "Non-binary"),
    QT_TRANSLATE_NOOP("DetailsTab", "Prefer not to say"),
)


@dataclass(frozen=True)
class Spec:
    name: str
    label: str
    kind: str  # line, date, text, combo, gender, check, yesno
    hint: str | None = None
    sensitive: bool = False
    width: int | None = None


SECTIONS: tuple[tuple[str, tuple[Spec, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("DetailsTab", "About the person"),
        (
            Spec(
                "title",
                QT_TRANSLATE_NOOP("DetailsTab", "&Title (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "Mr, Mrs, Ms, Mx, Dr or none"),
                width=120,
            ),
            Spec("first_name", QT_TRANSLATE_NOOP("DetailsTab", "&First name"), "line", sensitive=True),
            Spec("last_name", QT_TRANSLATE_NOOP("DetailsTab", "&Last name"), "line", sensitive=True),
            Spec(
                "preferred_name",
                QT_TRANSLATE_NOOP("DetailsTab", "Pr&eferred name (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "The name the person likes to be called"),
                sensitive=True,
            ),
            Spec(
                "date_of_birth",
                QT_TRANSLATE_NOOP("DetailsTab", "Date of &birth"),
                "date",
                QT_TRANSLATE_NOOP(
                    "DetailsTab", "Day, month, year: for example 12 3 1968, 12/03/1968 or 12031968"
                ),
                sensitive=True,
                width=160,
            ),
            Spec(
                "gender",
                QT_TRANSLATE_NOOP("DetailsTab", "&Gender (optional)"),
                "gender",
                sensitive=True,
                width=220,
            ),
            Spec(
                "disability",
                QT_TRANSLATE_NOOP("DetailsTab", "D&isability (optional)"),
                "combo",
                QT_TRANSLATE_NOOP(
                    "DetailsTab", "Health information: record it only with the person's explicit agreement"
                ),
                sensitive=True,
                width=220,
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailsTab", "Contact"),
        (
            Spec("address", QT_TRANSLATE_NOOP("DetailsTab", "&Address (optional)"), "text", sensitive=True),
            Spec(
                "postcode",
                QT_TRANSLATE_NOOP("DetailsTab", "&Postcode (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "For example G51 4XY"),
                sensitive=True,
                width=140,
            ),
            Spec(
                "phone",
                QT_TRANSLATE_NOOP("DetailsTab", "P&hone (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "For example 07700 900123"),
                sensitive=True,
                width=220,
            ),
            Spec(
                "email",
                QT_TRANSLATE_NOOP("DetailsTab", "E&mail (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "For example name@example.com"),
                sensitive=True,
            ),
            Spec(
                "ni_number",
                QT_TRANSLATE_NOOP("DetailsTab", "&National Insurance number (optional)"),
                "line",
                QT_TRANSLATE_NOOP(
                    "DetailsTab", "Like QQ 12 34 56 C; leave blank if the person does not have it to hand"
                ),
                sensitive=True,
                width=220,
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("DetailsTab", "Job and redundancy"),
        (
            Spec("job_title", QT_TRANSLATE_NOOP("DetailsTab", "&Job title (optional)"), "line"),
            Spec(
                "employment_status",
                QT_TRANSLATE_NOOP("DetailsTab", "Employment stat&us (optional)"),
                "combo",
                width=220,
            ),
            Spec(
                "length_of_service_years",
                QT_TRANSLATE_NOOP("DetailsTab", "Length of ser&vice in years (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "For example 12.5"),
                width=120,
            ),
            Spec(
                "notice_date",
                QT_TRANSLATE_NOOP("DetailsTab", "Noti&ce date (optional)"),
                "date",
                QT_TRANSLATE_NOOP("DetailsTab", "Day/month/year"),
                width=160,
            ),
            Spec(
                "expected_leaving_date",
                QT_TRANSLATE_NOOP("DetailsTab", "E&xpected leaving date (optional)"),
                "date",
                QT_TRANSLATE_NOOP("DetailsTab", "Day/month/year"),
                width=160,
            ),
            Spec(
                "redundancy_pay_status",
                QT_TRANSLATE_NOOP("DetailsTab", "Redundancy pa&y (optional)"),
                "combo",
                QT_TRANSLATE_NOOP("DetailsTab", "Where the person's redundancy pay stands"),
                width=220,
            ),
            Spec(
                "wants_money_advice",
                QT_TRANSLATE_NOOP("DetailsTab", "&Wants money advice (optional)"),
                "yesno",
                QT_TRANSLATE_NOOP("DetailsTab", "Advice on money, debt or what to do with redundancy pay"),
                width=160,
            ),
            Spec(
                "pace_criteria",
                QT_TRANSLATE_NOOP("DetailsTab", "PACE c&riteria (optional)"),
                "line",
                QT_TRANSLATE_NOOP("DetailsTab", "Why the person qualifies for PACE support"),
            ),
            Spec("pace_flag", QT_TRANSLATE_NOOP("DetailsTab", "PACE flag"), "check"),
            Spec("notes", QT_TRANSLATE_NOOP("DetailsTab", "N&otes (optional)"), "text"),
        ),
    ),
)
ALL_SPECS = tuple(spec for _, specs in SECTIONS for spec in specs)


class DetailsTab(QScrollArea):
    """``changed`` fires on every edit; the dialog then validates and calls ``show_errors``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(14)
        self.rows: dict[str, FieldRow] = {}
        self.editors: dict[str, QWidget] = {}
        self.touched: set[str] = set()
        self._errors: dict[str, str] = {}
        self._dob_warning: str | None = None
        self._grids: list[QGridLayout] = []
        for title, specs in SECTIONS:
            box = QGroupBox(self.tr(title))
            grid = QGridLayout(box)
            grid.setContentsMargins(14, 18, 14, 14)
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(8)
            grid.setColumnStretch(1, 3)
            grid.setColumnStretch(2, 2)
            grid.setColumnMinimumWidth(2, 220)
            self._grids.append(grid)
            row = 0
            for spec in specs:
                editor = self._editor(spec)
                self.editors[spec.name] = editor
                self.rows[spec.name] = FieldRow(
                    grid,
                    row,
                    self.tr(spec.label),
                    editor,
                    hint=self.tr(spec.hint) if spec.hint else None,
                    sensitive=spec.sensitive,
                    visible_hint=spec.kind == "date",
                )
                row += 1
                if spec.name == "date_of_birth":
                    self.dob_confirm = QCheckBox(
                        self.tr("I have checked this date of birth with the person and it is right")
                    )
                    self.dob_confirm.setVisible(False)
                    self.dob_confirm.toggled.connect(self._emit)
                    grid.addWidget(self.dob_confirm, row, 1, 1, 2)
                    row += 1
            layout.addWidget(box)
        layout.addStretch(1)
        make_scrollable(self, body)
        # One label width for every section, so the inputs line up down the whole form.
        width = max(row.label.sizeHint().width() for row in self.rows.values())
        for grid in self._grids:
            grid.setColumnMinimumWidth(0, width)

    # -- building --------------------------------------------------------------------------------------
    def _editor(self, spec: Spec) -> QWidget:
        editor: QWidget
        if spec.kind in ("line", "date"):
            line = QLineEdit()
            if spec.kind == "date":
                line.setMaximumWidth(160)
            line.textEdited.connect(lambda _t, n=spec.name: self._edited(n))
            line.editingFinished.connect(lambda n=spec.name: self._left(n))
            editor = line
        elif spec.kind == "text":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            # The app style sheet's min-height would win over setFixedHeight at polish time, and a
            # scroll area squeezes rows to their minimum: so the minimum is set in a style sheet too.
            text.setStyleSheet("QPlainTextEdit { min-height: 58px; max-height: 58px; }")
            text.textChanged.connect(lambda n=spec.name: self._edited(n))
            editor = text
        elif spec.kind == "check":
            editor = QCheckBox(self.tr("Qualifies for PACE support"))
            editor.setChecked(True)
            editor.toggled.connect(lambda _c, n=spec.name: self._edited(n))
        else:
            combo = QComboBox()
            if spec.kind == "gender":
                combo.setEditable(True)  # people describe themselves; the list only offers common answers
                combo.addItems([self.tr(g) for g in GENDERS])
                combo.editTextChanged.connect(lambda _t, n=spec.name: self._edited(n))
            elif spec.kind == "yesno":
                for label, value in YES_NO:
                    combo.addItem(self.tr(label), value)
                combo.currentIndexChanged.connect(lambda _i, n=spec.name: self._edited(n))
            else:
                enum = _ENUMS[spec.name]
                combo.addItem(self.tr("Not recorded"), None)
                for member, label in choices(enum):
                    combo.addItem(self.tr(label), member.value)
                combo.currentIndexChanged.connect(lambda _i, n=spec.name: self._edited(n))
            editor = combo
        if spec.width:
            editor.setMaximumWidth(spec.width)
        return editor

    # -- values ----------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds, as typed (for drafts and to tell whether anything changed)."""
        out: dict[str, Any] = {}
        for spec in ALL_SPECS:
            editor = self.editors[spec.name]
            if isinstance(editor, QLineEdit):
                out[spec.name] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                out[spec.name] = editor.toPlainText()
            elif isinstance(editor, QCheckBox):
                out[spec.name] = editor.isChecked()
            elif spec.kind == "gender":
                out[spec.name] = editor.currentText()
            else:
                out[spec.name] = editor.currentData()
        out["dob_confirmed"] = self.dob_confirm.isChecked()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in ALL_SPECS:
            if spec.name not in values:
                continue
            value = values[spec.name]
            editor = self.editors[spec.name]
            editor.blockSignals(True)
            if isinstance(editor, QLineEdit):
                text = _as_text(value, spec.kind == "date")
                editor.setText(national_phone(text) if spec.name == "phone" else text)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif spec.kind == "gender":
                editor.setEditText(value or "")
            else:
                editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.blockSignals(False)
        self.dob_confirm.setChecked(bool(values.get("dob_confirmed")))

    def client_data(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The form as Client fields, and the fields whose text could not even be read (dates, years)."""
        values = self.values()
        data: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in ALL_SPECS:
            value = values[spec.name]
            if spec.kind == "date":
                try:
                    data[spec.name] = parse_date(value, past=spec.name == "date_of_birth")
                except ValueError:
                    errors[spec.name] = self.tr(DATE_MESSAGE)
            elif spec.name == "length_of_service_years":
                text = value.strip().replace(",", ".")
                try:
                    data[spec.name] = float(text) if text else None
                except ValueError:
                    errors[spec.name] = self.tr(YEARS_MESSAGE)
            else:
                data[spec.name] = value  # blank text: the model makes it None, or asks for it
        return data, errors

    # -- messages --------------------------------------------------------------------------------------
    def _emit(self) -> None:
        self.changed.emit()

    def _edited(self, name: str) -> None:
        self.changed.emit()

    def _left(self, name: str) -> None:
        self.touched.add(name)
        editor = self.editors[name]
        if name in DATE_FIELDS and isinstance(editor, QLineEdit):
            # Show the date as it was understood, so '3/11/75' visibly becomes 03/11/1975.
            try:
                parsed = parse_date(editor.text(), past=name == "date_of_birth")
            except ValueError:
                parsed = None
            if parsed is not None and editor.text() != parsed.strftime("%d/%m/%Y"):
                editor.setText(parsed.strftime("%d/%m/%Y"))
        self.changed.emit()

    def touch_all(self) -> None:
        self.touched.update(self.rows)

    def show_errors(self, errors: dict[str, str], dob_warning: str | None) -> None:
        """Show each field's message if the adviser has been there; an unusual age asks to confirm."""
        self._errors = errors
        self._dob_warning = dob_warning
        self.dob_confirm.setVisible(dob_warning is not None)
        if dob_warning is None and self.dob_confirm.isChecked():
            self.dob_confirm.blockSignals(True)
            self.dob_confirm.setChecked(False)
            self.dob_confirm.blockSignals(False)
        for name, row in self.rows.items():
            message = errors.get(name)
            if (
                name == "date_of_birth"
                and message is None
                and dob_warning
                and not self.dob_confirm.isChecked()
            ):
                message = dob_warning
            shown = message if name in self.touched or (message and row.message.isVisible()) else None
            if row.message.text() != (shown or "") or row.message.isVisible() != bool(shown):
                row.set_error(shown)

    def needs_dob_confirmation(self) -> bool:
        return self._dob_warning is not None and not self.dob_confirm.isChecked()

    def first_problem(self) -> QWidget | None:
        for spec in ALL_SPECS:
            if spec.name in self._errors:
                return self.editors[spec.name]
        if self.needs_dob_confirmation():
            return self.dob_confirm
        return None


def _as_text(value: Any, is_date: bool) -> str:
    if value is None:
        return ""
    if is_date and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def national_phone(stored: str) -> str:
    """'+447700900123' (as stored) -> '07700 900123', the way people read and say UK numbers."""
    if not (stored.startswith("+44") and stored[3:].isdigit()):
        return stored
    number = "0" + stored[3:]
    if number.startswith("02"):
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if number[:4] in (
        "0113",
        "0114",
        "0115",
        "0116",
        "0117",
        "0118",
        "0121",
        "0131",
        "0141",
        "0151",
        "0161",
        "0191",
    ):
        return f"{number[:4]} {number[4:7]} {number[7:]}"
    return f"{number[:5]} {number[5:]}"
