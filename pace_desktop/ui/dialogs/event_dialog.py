"""Create or edit an event: every event field from the schema, with each problem shown beside its
field, and the employer it is held for: one picked from those stored (the name box completes on the
names) or a new one, whose details (sites, HR1, proposed dismissals, numbers, reason, HR contact) are
kept for its next events.

The dialog only gathers input: the ``Event`` model validates it and the store saves it on the
worker. If the app locks while it is open, what was typed is kept as an encrypted draft
(``event:<id>``) and offered again.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.attendees.values import DATE_MESSAGE, parse_date
from pace_desktop.errors import PaceError
from pace_desktop.records.models import Employer, Event, EventType, field_errors
from pace_desktop.reference import council_areas
from pace_desktop.ui import style
from pace_desktop.ui.dialogs.client.layout import make_scrollable
from pace_desktop.ui.i18n import core_tr
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.date_edit import DateField
from pace_desktop.ui.widgets.error_summary import ErrorSummary
from pace_desktop.ui.widgets.field import FieldRow
from pace_desktop.ui.widgets.fit import cap_to_screen

DRAFT_PREFIX = "event:"
# Suggestions only (typing anything else is fine): the sectors PACE events most often meet.
SECTORS = (
    "Manufacturing",
    "Engineering",
    "Construction",
    "Energy",
    "Food and drink",
    "Retail",
    "Customer service",
    "Financial services",
    "Hospitality",
    "Transport and logistics",
    "Health and social care",
    "Public sector",
    "Digital and technology",
    "Creative industries",
    "Printing",
    "Other",
)
FIELDS = (
    "employer_name",
    "site_address",
    "site_postcode",
    "council_area",
    "sector",
    "event_date",
    "event_type",
    "hr1_reference",
    "number_affected",
)
# The employer's own fields beyond those the event rows above edit (its name, sector, HR1 reference).
EMPLOYER_FIELDS = (
    "sites",
    "hr1_date",
    "first_dismissal_date",
    "last_dismissal_date",
    "proposed_redundancies",
    "employees_at_site",
    "reason",
    "contact_name",
    "contact_phone",
    "contact_email",
)
EMPLOYER_DATES = ("hr1_date", "first_dismissal_date", "last_dismissal_date")
EMPLOYER_NUMBERS = ("proposed_redundancies", "employees_at_site")
# Employer fields shown in the event's rows: name, sector and HR1 reference.
_SHARED = {"name": "employer_name", "sector": "sector", "hr1_reference": "hr1_reference"}


def _row_name(employer_field: str) -> str:
    """The form row an Employer field's problem is shown beside."""
    return _SHARED.get(employer_field, "employer." + employer_field)


def _form_grid() -> QGridLayout:
    """A grid of ``label | editor | message`` rows, as each part of the form lays them out."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(10)
    grid.setColumnStretch(1, 3)
    grid.setColumnStretch(2, 2)
    grid.setColumnMinimumWidth(2, 220)
    return grid


class EventDialog(QDialog):
    """``saved`` carries the stored Event after a successful save."""

    saved = Signal(object)

    def __init__(self, session: Session, event: Event | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original = event
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self.setModal(True)
        self._build()
        if event is not None:
            self.set_values(event.model_dump(mode="json"))
        self._clean = self.values()
        session.about_to_lock.connect(self._keep_draft)

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.windowTitle())
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Where and when the event is. Fields marked optional can be left blank."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        # Editable: type a new employer's name, or pick a stored one (completion on its name).
        self.employer = QComboBox()
        self.employer.setEditable(True)
        self.employer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employers: dict[str, Employer] = {}
        for employer in sorted(self.session.store.employers.all(), key=lambda e: e.name.casefold()):
            self.employers[str(employer.id)] = employer
            self.employer.addItem(employer.name, str(employer.id))
        self.employer.setCurrentIndex(-1)
        self.employer.setEditText("")
        names = self.employer.completer()
        names.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        names.setFilterMode(Qt.MatchFlag.MatchContains)
        names.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.employer_note = QLabel()
        self.employer_note.setObjectName("hint")
        self.employer_note.setWordWrap(True)
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)  # Tab moves to the next field, as everywhere else
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(140)
        self.area = QComboBox()
        self.area.setPlaceholderText(self.tr("Choose a council area"))
        for area in council_areas():
            self.area.addItem(area.name, area.gss_code)
        self.area.setCurrentIndex(-1)
        self.sector = QLineEdit()
        completer = QCompleter(list(SECTORS), self.sector)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.sector.setCompleter(completer)
        self.date = DateField()
        self.date.setMaximumWidth(170)
        self.type = QComboBox()
        for member in EventType:
            self.type.addItem(core_tr(member.label), member.value)
        self.hr1 = QLineEdit()
        self.hr1.setMaximumWidth(200)
        self.affected = QLineEdit()
        self.affected.setValidator(QIntValidator(0, 1_000_000, self.affected))
        self.affected.setMaximumWidth(140)
        self.sites = QPlainTextEdit()
        self.sites.setTabChangesFocus(True)
        self.employer_editors: dict[str, QWidget] = {"sites": self.sites}
        for name in EMPLOYER_FIELDS[1:]:
            if name == "reason":
                box = QPlainTextEdit()
                box.setTabChangesFocus(True)
                self.employer_editors[name] = box
                continue
            line = QLineEdit()
            if name in EMPLOYER_DATES:
                line.setMaximumWidth(170)
            elif name in EMPLOYER_NUMBERS:
                line.setValidator(QIntValidator(0, 1_000_000, line))
                line.setMaximumWidth(140)
            self.employer_editors[name] = line

        grid = _form_grid()
        spec = [
            ("employer_name", self.tr("&Employer"), self.employer, None),
            ("site_address", self.tr("Site &address (optional)"), self.address, None),
            (
                "site_postcode",
                self.tr("Site &postcode (optional)"),
                self.postcode,
                self.tr("For example G51 2AB"),
            ),
            ("council_area", self.tr("&Council area"), self.area, None),
            ("sector", self.tr("&Sector"), self.sector, self.tr("For example Manufacturing")),
            ("event_date", self.tr("&Date"), self.date, self.tr("Day/month/year")),
            ("event_type", self.tr("&Type of event"), self.type, None),
            (
                "hr1_reference",
                self.tr("&HR1 reference (optional)"),
                self.hr1,
                self.tr("The reference on the employer's HR1 form"),
            ),
            ("number_affected", self.tr("&Number of people affected (optional)"), self.affected, None),
        ]
        self.rows: dict[str, FieldRow] = {}
        for i, (name, label, editor, hint) in enumerate(spec):
            self.rows[name] = FieldRow(grid, i, label, editor, hint=hint)
        grid.addWidget(self.employer_note, len(spec), 1, 1, 2)

        employer_title = QLabel(self.tr("The employer's details"))
        employer_title.setObjectName("sectionTitle")
        employer_intro = QLabel(
            self.tr(
                "Kept with the employer and used again for its next events. All optional: "
                "fill in what the employer's HR1 form and HR contact tell you."
            )
        )
        employer_intro.setObjectName("hint")
        employer_intro.setWordWrap(True)
        employer_grid = _form_grid()
        date_hint = self.tr("Day/month/year")
        employer_spec = [
            # Access keys: letters the rows above do not use (e, a, p, c, s, d, t, h, n).
            ("sites", self.tr("S&ites (optional)"), self.tr("One site a line")),
            ("hr1_date", self.tr("H&R1 date (optional)"), date_hint),
            ("first_dismissal_date", self.tr("&First proposed dismissal (optional)"), date_hint),
            ("last_dismissal_date", self.tr("&Last proposed dismissal (optional)"), date_hint),
            ("proposed_redundancies", self.tr("Proposed red&undancies (optional)"), None),
            ("employees_at_site", self.tr("Emplo&yees at the site (optional)"), None),
            ("reason", self.tr("Reas&on for the redundancies (optional)"), None),
            ("contact_name", self.tr("HR contact's na&me (optional)"), None),
            ("contact_phone", self.tr("HR contact's phone num&ber (optional)"), None),
            ("contact_email", self.tr("HR contact's e-mail (optional)"), None),
        ]
        for i, (name, label, hint) in enumerate(employer_spec):
            self.rows["employer." + name] = FieldRow(
                employer_grid, i, label, self.employer_editors[name], hint=hint
            )
        self.banner = Banner("error")
        self.summary = ErrorSummary()
        self._checked = False  # after the first Save, errors are re-checked as fields change
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("&Save event"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        style.primary(self.save_button)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = self._body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 8)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(employer_title)
        layout.addWidget(employer_intro)
        layout.addLayout(employer_grid)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        # The form scrolls when the screen is short (1280x720 with an error summary); Save stays.
        self.scroll = QScrollArea()
        make_scrollable(self.scroll, body)
        self.scroll.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 16)
        outer.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(24, 0, 24, 0)
        buttons.addWidget(self.buttons)
        outer.addLayout(buttons)
        self.setMinimumWidth(820)
        cap_to_screen(self)
        for line in (self.postcode, self.sector, self.hr1, self.affected):
            line.textEdited.connect(lambda _t: self._recheck())
        for name, editor in self.employer_editors.items():
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t: self._recheck())
                if name in EMPLOYER_DATES:
                    editor.editingFinished.connect(lambda e=editor: self._show_date(e))
            else:
                editor.textChanged.connect(self._recheck)  # type: ignore[attr-defined]
        self.employer.editTextChanged.connect(self._employer_typed)
        self.employer.activated.connect(lambda _i: self._employer_typed(self.employer.currentText()))
        self._employer_typed("")
        self.address.textChanged.connect(self._recheck)
        for combo in (self.area, self.type):
            combo.currentIndexChanged.connect(lambda _i: self._recheck())
        self.date.dateChanged.connect(lambda _d: self._recheck())
        self.employer.setFocus()

    def _fit_height(self) -> None:
        """Tall enough for the whole form when the screen allows (a scroll area asks for little), and
        wide enough for its widest row beside the vertical scroll bar, so the form never scrolls
        sideways (the employer's longer labels made it 20 px too wide for 820)."""
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        wide = self._body.minimumSizeHint().width() + bar + 2 * self.scroll.frameWidth()
        self.setMinimumWidth(min(max(820, wide), self.maximumWidth()))
        wanted = self._body.sizeHint().height() + self.buttons.sizeHint().height() + 24
        self.resize(self.width(), min(wanted, self.maximumHeight()))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        # Three lines of address without a scroll bar. Set here, once the stylesheet has been
        # applied: its min-height and font size would otherwise win over a height set earlier.
        # In a style sheet: re-polishing for an error would otherwise let the app's min-height win
        # and collapse the box.
        height = 3 * self.address.fontMetrics().lineSpacing() + 18
        for box in (self.address, self.sites, self.employer_editors["reason"]):
            box.setStyleSheet(f"QPlainTextEdit {{ min-height: {height}px; max-height: {height}px; }}")
        super().showEvent(event)
        self._fit_height()

    # -- values ------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the form holds, as the model's JSON-style fields (blank optional ones are None)."""
        affected = self.affected.text().strip()
        return {
            "employer_id": self.picked_id(),
            "employer": self.employer_values(),
            "employer_name": self.employer.currentText(),
            "site_address": self.address.toPlainText() or None,
            "site_postcode": self.postcode.text() or None,
            "council_area": self.area.currentData(),
            "sector": self.sector.text(),
            "event_date": self.date.date().toPython().isoformat(),
            "event_type": self.type.currentData(),
            "hr1_reference": self.hr1.text() or None,
            "number_affected": int(affected) if affected else None,
        }

    def employer_values(self) -> dict[str, Any]:
        """The employer's own fields as typed (text; dates and numbers are read by ``build_event``)."""
        out: dict[str, Any] = {}
        for name, editor in self.employer_editors.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()  # type: ignore[attr-defined]
            out[name] = text
        return out

    def picked_id(self) -> str | None:
        """The stored employer whose name is in the box (case and spaces aside), or None for a new one."""
        typed = " ".join(self.employer.currentText().split()).casefold()
        if not typed:
            return None
        current = self.employer.currentData()
        if current in self.employers and self.employers[current].name.casefold() == typed:
            return str(current)
        for employer_id, employer in self.employers.items():
            if " ".join(employer.name.split()).casefold() == typed:
                return employer_id
        return None

    def _employer_typed(self, _text: str) -> None:
        """A stored employer's name in the box fills in its details; say which employer is in use."""
        picked = self.picked_id()
        if picked is not None and picked != getattr(self, "_shown_employer", None):
            self._fill_employer(self.employers[picked])
        self._shown_employer = picked
        if picked is not None:
            self.employer_note.setText(
                self.tr("A stored employer: changes to its details apply to all its events.")
            )
        elif self.employer.currentText().strip():
            self.employer_note.setText(self.tr("A new employer: its details are kept for its next events."))
        else:
            self.employer_note.setText(self.tr("Type the employer's name, or pick one already stored."))
        self._recheck()

    def _fill_employer(self, employer: Employer) -> None:
        data = employer.model_dump(mode="json")
        self.sector.setText(data["sector"])
        self.hr1.setText(data["hr1_reference"] or "")
        self._set_employer_values(data)

    def _set_employer_values(self, data: dict[str, Any]) -> None:
        for name, editor in self.employer_editors.items():
            value = data.get(name)
            if name == "sites" and isinstance(value, list):
                text = "\n".join(value)
            elif name in EMPLOYER_DATES and value and "-" in str(value):
                text = date.fromisoformat(str(value)).strftime("%d/%m/%Y")
            else:
                text = "" if value is None else str(value)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            else:
                editor.setText(text)  # type: ignore[attr-defined]

    def _show_date(self, editor: QLineEdit) -> None:
        """Show a date as it was understood, so '3/11/26' visibly becomes 03/11/2026."""
        try:
            parsed = parse_date(editor.text())
        except ValueError:
            return
        if parsed is not None and editor.text() != parsed.strftime("%d/%m/%Y"):
            editor.setText(parsed.strftime("%d/%m/%Y"))

    def set_values(self, values: dict[str, Any]) -> None:
        picked = values.get("employer_id")
        index = self.employer.findData(str(picked)) if picked else -1
        if index >= 0:
            self.employer.setCurrentIndex(index)  # fills in the stored employer's details
        self.employer.setEditText(values.get("employer_name") or "")
        if isinstance(values.get("employer"), dict):  # a draft: what was typed wins over what is stored
            self._set_employer_values(values["employer"])
        self.address.setPlainText(values.get("site_address") or "")
        self.postcode.setText(values.get("site_postcode") or "")
        self.area.setCurrentIndex(self.area.findData(values.get("council_area")))
        self.sector.setText(values.get("sector") or "")
        if values.get("event_date"):
            self.date.setDate(QDate(date.fromisoformat(values["event_date"])))
        self.type.setCurrentIndex(max(0, self.type.findData(values.get("event_type"))))
        self.hr1.setText(values.get("hr1_reference") or "")
        number = values.get("number_affected")
        self.affected.setText("" if number is None else str(number))

    def is_dirty(self) -> bool:
        return self.values() != self._clean

    def build_employer(self, values: dict[str, Any]) -> tuple[Employer | None, dict[str, str]]:
        """The validated Employer (the picked one with the form's changes, or a new one), or None
        and each problem keyed by the form row it belongs beside."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "name": values["employer_name"],
            "sector": values["sector"],
            "hr1_reference": values["hr1_reference"],
        }
        for name, text in values["employer"].items():
            if name == "sites":
                data[name] = [line.strip() for line in text.splitlines() if line.strip()]
            elif name in EMPLOYER_DATES:
                try:
                    data[name] = parse_date(text)
                except ValueError:
                    errors[_row_name(name)] = self.tr(DATE_MESSAGE)
            elif name in EMPLOYER_NUMBERS:
                data[name] = int(text) if text.strip() else None
            else:
                data[name] = text or None
        picked = values["employer_id"]
        base = self.employers[picked].model_dump() if picked else {}
        if picked:  # the same name in other case or spacing is the same employer, named as stored
            data["name"] = self.employers[picked].name
        try:
            employer = Employer.model_validate(base | data)
        except ValidationError as exc:
            for name, message in field_errors(exc).items():
                errors.setdefault(_row_name(name) if name in Employer.model_fields else "employer.", message)
            return None, errors
        return (None if errors else employer), errors

    def build_event(self) -> Event | None:
        """The validated Event, or None after showing each problem beside its field."""
        values = self.values()
        employer, errors = self.build_employer(values)
        event_values = {k: v for k, v in values.items() if k != "employer"}
        if employer is not None:
            event_values |= employer.event_fields()
        try:
            if self.original is None:
                event = Event.model_validate(event_values)
            else:
                event = Event.model_validate(self.original.model_dump() | event_values)
        except ValidationError as exc:
            errors = field_errors(exc) | errors
        if errors or employer is None:
            if values["council_area"] is None:  # the model's message is about text; this is a list
                errors["council_area"] = self.tr("Choose the council area from the list.")
            if "employer." in errors:  # a rule about the employer as a whole: the dismissal dates
                errors.setdefault("employer.last_dismissal_date", errors.pop("employer."))
            for name, row in self.rows.items():
                row.set_error(errors.get(name))
            order = (*FIELDS, *("employer." + n for n in EMPLOYER_FIELDS))
            problems = [(errors[n], self.rows[n].editor) for n in order if n in errors]
            if not self._checked or self.summary.isHidden():
                self.summary.show_problems(problems)
                if self.summary.links:
                    self.summary.links[0].setFocus()  # GOV.UK: focus moves to the summary
            else:  # re-checked while typing: update the list, leave focus where the person is
                focused = self.focusWidget()
                self.summary.show_problems(problems)
                if focused is not None and focused.objectName() != "errorLink":
                    focused.setFocus()
            self._checked = True
            self._fit_height()  # room for the summary, up to the screen's height; then it scrolls
            return None
        for row in self.rows.values():
            row.set_error(None)
        self.summary.clear()
        self.banner.clear_message()
        self.built_employer = employer
        return event

    def _recheck(self) -> None:
        """Once Save has shown errors, each fixed field loses its message straight away."""
        if self._checked and not self.summary.isHidden():
            self.build_event()

    # -- actions -----------------------------------------------------------------------------------
    def save(self) -> None:
        event = self.build_event()
        if event is None:
            return
        self.save_button.setEnabled(False)
        store = self.session.store
        employer = self.built_employer

        def write(_progress: Any) -> Event:
            return store.save_event(event, employer)[0]

        self.session.worker.submit(write, on_done=self._saved, on_error=self._failed)

    def _saved(self, event: Event) -> None:
        self.original = event
        self._clean = self.values()
        self.saved.emit(event)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(
            core_tr(str(exc))
            if isinstance(exc, PaceError)
            else self.tr("The event could not be saved: try again.")
        )

    def reject(self) -> None:
        if self.is_dirty() and self.session.is_unlocked and self.isVisible():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("You have changed this event. Leave without saving?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # -- drafts across auto-lock -------------------------------------------------------------------
    def draft_key(self) -> str:
        return DRAFT_PREFIX + (str(self.original.id) if self.original else "new")

    def _keep_draft(self) -> None:
        """The app is locking: keep what was typed (encrypted in the store), then close."""
        if not self.isVisible():
            return
        if self.is_dirty():
            data = json.dumps({"values": self.values()})
            store, key = self.session.store, self.draft_key()
            self.session.worker.submit(lambda _p: store.save_draft(key, data))
        self._clean = self.values()
        super().reject()

    @classmethod
    def restore_draft(cls, session: Session, key: str, parent: QWidget | None = None) -> EventDialog | None:
        """Reopen a form kept at auto-lock; the draft is removed from the store as it is taken."""
        data = session.store.take_draft(key)
        if data is None or not key.startswith(DRAFT_PREFIX):
            return None
        event_id = key.removeprefix(DRAFT_PREFIX)
        event = None if event_id == "new" else session.store.events.get(event_id)
        dialog = cls(session, event, parent)
        dialog.set_values(json.loads(data)["values"])
        return dialog
