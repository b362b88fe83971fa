"""The client record: details, consent, checklist, support, follow-up and history for one person.

The dialog gathers what the adviser types and hands it to the core: the ``Client`` model judges the
details, and ``client_record.save_form`` saves the form (a new person's whole registration in one
transaction, or the changes to a stored one, the checklist re-scored into its record) on the session's
worker; ``client_record.read_record`` reads what the tabs show, on the worker too. Referrals, outcomes,
feedback and withdrawals are separate actions, saved as soon as the adviser asks.

Leaving with unsaved changes asks first. If the app locks while the record is open, what was typed is
kept as an encrypted draft (``client:<event id>:<client id or new>``) and offered again after unlocking.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.client_record import (
    ClientForm,
    RecordLists,
    read_record,
    record_viewed,
    save_form,
    unique_pace_id,
)
from pace_desktop.errors import PaceError
from pace_desktop.privacy_notice import purpose_text
from pace_desktop.records.fields import utcnow
from pace_desktop.records.models import (
    ChecklistRecord,
    Client,
    Consent,
    Event,
    Feedback,
    Intervention,
    InterventionStatus,
    Outcome,
    RecordSource,
    as_validation_failed,
    field_errors,
    share_purpose,
)
from pace_desktop.records.pace_id import is_valid_pace_id, new_pace_id
from pace_desktop.records.rules import RuleBroken, referral_problem
from pace_desktop.records.validation import dob_warning
from pace_desktop.reference import SERVICES
from pace_desktop.registration import with_override
from pace_desktop.ui import style
from pace_desktop.ui.dialogs.client.checklist import ChecklistTab
from pace_desktop.ui.dialogs.client.consent import ConsentTab
from pace_desktop.ui.dialogs.client.details import ALL_SPECS, DetailsTab
from pace_desktop.ui.dialogs.client.followup import FollowUpTab
from pace_desktop.ui.dialogs.client.history import HistoryTab
from pace_desktop.ui.dialogs.client.layout import first_input
from pace_desktop.ui.dialogs.client.support import SupportTab, partner_name
from pace_desktop.ui.dialogs.client.text import band, day, when
from pace_desktop.ui.session import Session
from pace_desktop.ui.widgets.banner import Banner
from pace_desktop.ui.widgets.error_summary import ErrorSummary
from pace_desktop.ui.widgets.fit import fit_to_screen

DRAFT_PREFIX = "client:"
TABS = (
    QT_TRANSLATE_NOOP("ClientRecordDialog", "Details"),
    QT_TRANSLATE_NOOP("ClientRecordDialog", "Consent"),
    QT_TRANSLATE_NOOP("ClientRecordDialog", "Checklist"),
    QT_TRANSLATE_NOOP("ClientRecordDialog", "Support"),
    QT_TRANSLATE_NOOP("ClientRecordDialog", "Follow-up"),
    QT_TRANSLATE_NOOP("ClientRecordDialog", "History"),
)


class ClientRecordDialog(QDialog):
    """``saved`` carries the stored Client after each successful save of the form."""

    saved = Signal(object)

    def __init__(
        self, session: Session, event: Event, client: Client | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.pace_event = event
        self.client = client
        self.pace_id = client.pace_id if client else new_pace_id()
        self.stored_checklist: ChecklistRecord | None = None
        self.consents: list[Consent] = []
        self.interventions: list[Intervention] = []
        self.outcomes: list[Outcome] = []
        self.feedback: list[Feedback] = []
        self._loaded = client is None  # a stored client's lists arrive from the worker
        self.pending_override: tuple[str, str] | None = None
        self.review_confirmed = False
        self._busy = False
        self._locking = False
        self._close_after_save = False
        self._prompt: QMessageBox | None = None
        self.setModal(True)
        self.setObjectName("clientRecord")
        self._build()
        if client is not None:  # first, so the History tab lists this opening too
            store, client_id = session.store, str(client.id)
            session.worker.submit(lambda _p: record_viewed(store, client_id))
        else:
            self._claim_pace_id(self.pace_id)
        self._load_stored()
        self._baseline = self._form_state()
        self._connect()
        self._refresh()
        session.about_to_lock.connect(self._keep_draft)

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review = QFrame()
        self.review.setObjectName("banner")
        review_text = QLabel(
            self.tr(
                "Submitted at the kiosk — check and confirm. Go through each tab "
                "with the person, correct anything wrong, then confirm."
            )
        )
        review_text.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("&Confirm details"))
        self.confirm_button.clicked.connect(self.confirm_review)
        review_row = QHBoxLayout(self.review)
        review_row.setContentsMargins(12, 8, 12, 8)
        review_row.addWidget(review_text, 1)
        review_row.addWidget(self.confirm_button)
        self.review.setVisible(bool(self.client and self.client.needs_review))

        self.details = DetailsTab()
        self.consent = ConsentTab()
        self.checklist = ChecklistTab(self.pace_event.council_area)
        self.support = SupportTab()
        self.followup = FollowUpTab()
        self.history = HistoryTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        for i, (widget, name) in enumerate(
            zip(
                (self.details, self.consent, self.checklist, self.support, self.followup, self.history),
                TABS,
                strict=True,
            ),
            start=1,
        ):
            self.tabs.addTab(widget, self.tr(name))
            self.tabs.setTabToolTip(i - 1, self.tr("Alt+{0}").format(i))
            shortcut = QShortcut(QKeySequence(f"Alt+{i}"), self)
            shortcut.activated.connect(lambda index=i - 1: self._go_to_tab(index))

        self.banner = Banner("error")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button = style.primary(QPushButton(self.tr("&Save")))
        self.close_button.setAutoDefault(False)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.close_button)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.summary = ErrorSummary()
        layout.addWidget(self.summary)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.review)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addLayout(footer)
        self.setMinimumSize(900, 600)
        fit_to_screen(self, 1120, 780)
        self._show_header()

    def _connect(self) -> None:
        self.details.changed.connect(self._refresh)
        self.consent.changed.connect(self._refresh)
        self.checklist.changed.connect(self._refresh)
        self.support.changed.connect(self._refresh)
        self.consent.withdraw_requested.connect(self.withdraw)
        self.checklist.override_requested.connect(self.override)
        self.support.referral_requested.connect(self.refer)
        self.support.status_change_requested.connect(self.change_status)
        self.followup.outcome_requested.connect(self.add_outcome)
        self.followup.feedback_requested.connect(self.add_feedback)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button.clicked.connect(self.reject)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not getattr(self, "_shown", False):
            self._shown = True
            self.details.editors["first_name"].setFocus()

    def _go_to_tab(self, index: int) -> None:
        """Alt+1 to Alt+6: show a tab and put the cursor in its first input."""
        self.tabs.setCurrentIndex(index)
        target = first_input(self.tabs.currentWidget())
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_header(self) -> None:
        if self.client is None:
            self.setWindowTitle(self.tr("New client"))
            self.title.setText(self.tr("New client"))
        else:
            self.setWindowTitle(self.tr("Client record"))
            self.title.setText(self.client.display_name)
        self.subtitle.setText(
            self.tr("PACE ID {0}   ·   {1}, {2}").format(
                self.pace_id, self.pace_event.employer_name, day(self.pace_event.event_date)
            )
        )
        saved = self.client is not None
        self.support.set_saved(saved)
        self.followup.set_saved(saved)

    # -- loading what is stored ------------------------------------------------------------------------
    def _claim_pace_id(self, wanted: str) -> None:
        """Show ``wanted`` at once; the worker checks that no client has it and swaps it if one does."""
        self.pace_id = wanted
        store = self.session.store

        def checked(pace_id: str) -> None:
            if self.client is None and self.pace_id == wanted and pace_id != wanted:
                self.pace_id = pace_id
                self._show_header()

        self.session.worker.submit(lambda _p: unique_pace_id(store, wanted), on_done=checked)

    def _load_stored(self) -> None:
        """Fill the form from the client; their consents, checklist and lists come from the worker."""
        if self.client is None:
            self.details.set_values({"pace_flag": True})
            return
        values = self.client.model_dump(mode="json")
        self.details.set_values(values | {"dob_confirmed": self._dob_unusual(self.client)})
        self.support.set_services(list(self.client.services_wanted))
        self._load_children()

    def _load_children(self) -> None:
        """Read everything stored under the client (a handful of indexed reads) on the worker."""
        if self.client is None or not self.session.is_unlocked:
            return
        store, client_id = self.session.store, str(self.client.id)
        self.session.worker.submit(
            lambda _p: read_record(store, client_id), on_done=self._show_children, on_error=self._read_failed
        )

    def _show_children(self, lists: RecordLists) -> None:
        if not self.session.is_unlocked or self.client is None:
            return  # read just before a lock: nothing is shown behind the lock screen
        pending = self.consent.new_choices()
        self.consents = lists.consents
        self.consent.show_stored(self.consents)
        self.consent.set_answers(pending)
        self.stored_checklist = lists.checklist
        # Unsaved answers stay on screen; the override shown is always the stored one.
        keep_answers = self._checklist_changed()
        self.checklist.show_stored(self.stored_checklist, answers=not keep_answers)
        if not keep_answers and hasattr(self, "_baseline"):  # the stored answers are the saved state
            self._baseline |= {"checklist": self.checklist.answers(), "area": self.checklist.council_area()}
        self.interventions = lists.interventions
        self.support.show_interventions(self.interventions)
        self.outcomes = lists.outcomes
        self.feedback = lists.feedback
        self.followup.show_records(self.outcomes, self.feedback)
        self._show_history(self.client, lists.history)
        self._loaded = True
        self._refresh()

    def _read_failed(self, _exc: BaseException) -> None:
        self.banner.show_message(self.tr("The record could not be read: lock and unlock, then try again."))

    def _show_history(self, client: Client, entries: list[dict[str, Any]]) -> None:
        names = {str(client.id): self.tr("the client record")}
        for c in self.consents:
            names[str(c.id)] = self.tr("a consent: {0}").format(purpose_text(c.purpose, "adviser"))
        if self.stored_checklist is not None:
            names[str(self.stored_checklist.id)] = self.tr("the risk checklist")
        for i in self.interventions:
            names[str(i.id)] = self.tr("a referral: {0}, {1}").format(
                self.tr(SERVICES.get(i.service, i.service)), partner_name(i.partner)
            )
        for o in self.outcomes:
            names[str(o.id)] = self.tr("an outcome")
        for f in self.feedback:
            names[str(f.id)] = self.tr("feedback")
        # Records written in bulk (attendee list, demo data) share one audit entry for the batch;
        # their own times and authors still say when and by whom they were created.
        extra = []
        if not any(e["entity_id"] == str(client.id) and e["action"] == "create" for e in entries):
            if client.source == RecordSource.attendee_import:
                what = self.tr("Added from the employer's list of affected staff")
            else:
                what = self.tr("Created the client record")
            who = client.updated_by if client.version == 1 else ""
            extra.append((when(client.created_at), who, what))
        self.history.show_entries(entries, names, extra)

    def _dob_unusual(self, client: Client) -> bool:
        return bool(client.date_of_birth and dob_warning(client.date_of_birth, self.pace_event.event_date))

    # -- state -----------------------------------------------------------------------------------------
    def _form_state(self) -> dict[str, Any]:
        """Everything the Save button would write, as plain JSON-ready values."""
        return {
            "details": self.details.values(),
            "services": self.support.services(),
            "checklist": self.checklist.answers(),
            "area": self.checklist.council_area(),
        }

    def _checklist_changed(self) -> bool:
        base = getattr(self, "_baseline", None)
        if base is None:
            return False
        return self.checklist.answers() != base["checklist"] or self.checklist.council_area() != base["area"]

    def is_dirty(self) -> bool:
        return (
            self._form_state() != self._baseline
            or bool(self.consent.new_choices())
            or self.pending_override is not None
            or self.review_confirmed
        )

    def draft_key(self) -> str:
        return f"{DRAFT_PREFIX}{self.pace_event.id}:{self.client.id if self.client else 'new'}"

    def draft_data(self) -> dict[str, Any]:
        return self._form_state() | {
            "pace_id": self.pace_id,
            "consent": self.consent.answers(),
            "override": list(self.pending_override) if self.pending_override else None,
            "tab": self.tabs.currentIndex(),
        }

    def apply_draft(self, data: dict[str, Any]) -> None:
        """Put a kept draft back into the form (the form then differs from what is stored)."""
        pace_id = data.get("pace_id")
        if self.client is None and is_valid_pace_id(pace_id):
            self._claim_pace_id(pace_id)
            self._show_header()
        self.details.set_values(data.get("details") or {})
        self.details.touched.update(
            k for k, v in (data.get("details") or {}).items() if v not in ("", None, True, False)
        )
        self.support.set_services(list(data.get("services") or []))
        self.checklist.set_council_area(data.get("area"))
        self.checklist.set_answers(data.get("checklist") or {})
        self.consent.set_answers({k: v for k, v in (data.get("consent") or {}).items()})
        if data.get("override"):
            band_value, reason = data["override"]
            self._hold_override(band_value, reason)
        self.tabs.setCurrentIndex(int(data.get("tab") or 0))
        self._refresh()

    # -- validation ------------------------------------------------------------------------------------
    def build_client(self) -> tuple[Client | None, dict[str, str], str | None]:
        """The Client the form describes (or None), each field's message, and an age to confirm."""
        data, errors = self.details.client_data()
        data["services_wanted"] = self.support.services()
        if self.review_confirmed:
            data["needs_review"] = False
        if self.client is not None:
            base = self.client.model_dump()
        else:
            base = {"event_id": self.pace_event.id, "pace_id": self.pace_id, "source": RecordSource.adviser}
        client: Client | None = None
        try:
            client = Client.model_validate(base | data)
        except ValidationError as exc:
            errors = field_errors(exc) | errors
        if errors:
            client = None
        dob = data.get("date_of_birth") if "date_of_birth" not in errors else None
        warning = dob_warning(dob, self.pace_event.event_date) if dob else None
        return client, errors, self.tr(warning) if warning else None

    def _blockers(self, errors: dict[str, str]) -> list[str]:
        blockers = []
        if errors:
            blockers.append(self.tr("correct the details marked in red on the Details tab"))
        if self.details.needs_dob_confirmation():
            blockers.append(self.tr("confirm the date of birth on the Details tab"))
        if self.consent.required_problem(self.client is None):
            blockers.append(self.tr("record the person's yes to the first question on the Consent tab"))
        return blockers

    def _refresh(self) -> None:
        client, errors, warning = self.build_client()
        self.details.show_errors(errors, warning)
        dob = client.date_of_birth if client else self._typed_dob()
        self.checklist.rescore(dob, self.pace_event.event_date)
        blockers = self._blockers(errors)
        dirty = self.is_dirty()
        # Not disabled for problems (GOV.UK): pressing Save lists them in the summary at the top.
        self.save_button.setEnabled(not self._busy and self._loaded and (dirty or self.client is None))
        if self._busy:
            text = self.tr("Saving…")
        elif blockers:
            text = self.tr("To save: {0}.").format("; ".join(blockers))
        elif dirty:
            text = self.tr("You have unsaved changes.")
        else:
            text = self.tr("Everything is saved.")
        self.status.setText(text)
        if not self.summary.isHidden():  # after a refused save: each problem goes once fixed
            self._show_summary(errors, move_focus=False)
        self.review.setVisible(bool(self.client and self.client.needs_review))
        self.confirm_button.setEnabled(not blockers and not self._busy)

    def _typed_dob(self) -> Any:
        data, errors = self.details.client_data()
        return None if "date_of_birth" in errors else data.get("date_of_birth")

    # -- saving the form -------------------------------------------------------------------------------
    def save(self, close_after: bool = False) -> bool:
        """Save the form on the worker; returns False (and shows why) if it cannot be saved yet."""
        client, errors, _warning = self.build_client()
        if client is None or self._blockers(errors):
            self.details.touch_all()
            self._refresh()
            self._show_summary(errors, move_focus=True)
            return False
        if not self._loaded:
            return False  # the stored lists are still on their way: Save is not offered yet
        form = ClientForm(
            event=self.pace_event,
            client=client,
            is_new=self.client is None,
            consent_choices=self.consent.new_choices(),
            answers=self.checklist.answers(),
            council_area=self.checklist.council_area(),
            answers_changed=self._checklist_changed(),
            stored_checklist=self.stored_checklist,
            override=self.pending_override,
        )
        store = self.session.store
        self._busy = True
        self._close_after_save = close_after
        self.banner.clear_message()
        self._refresh()
        self.session.worker.submit(
            lambda _p: save_form(store, form), on_done=self._saved, on_error=self._save_failed
        )
        return True

    def _saved(self, client: Client) -> None:
        self._busy = False
        self.client = client
        self.pace_id = client.pace_id
        self.pending_override = None
        self.review_confirmed = False
        self._baseline = self._form_state()
        self._load_children()
        self._show_header()
        self._refresh()
        self.saved.emit(client)
        if self._close_after_save:
            self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._close_after_save = False
        self.review_confirmed = False
        self._refresh()
        self.banner.show_message(
            str(exc)
            if isinstance(exc, PaceError)
            else self.tr("The record could not be saved: nothing was changed. Try again.")
        )

    def _show_summary(self, errors: dict[str, str], move_focus: bool) -> None:
        """GOV.UK's error summary above the tabs: each problem a link to its field (switching tab)."""
        problems: list[tuple[str, QWidget]] = [
            (errors[name], self.details.editors[name])
            for name in (spec.name for spec in ALL_SPECS)
            if name in errors and name in self.details.editors
        ]
        if self.details.needs_dob_confirmation():
            problems.append((self.tr("Confirm the date of birth with the person."), self.details.dob_confirm))
        if self.consent.required_problem(self.client is None):
            problems.append(
                (
                    self.tr("Record the person's answer to the first question on the Consent tab."),
                    self.consent.rows["pace_support"].yes,
                )
            )
        focused = self.focusWidget()
        self.summary.show_problems(problems, before_link=self._go_to_field)
        if move_focus and self.summary.links:
            self.summary.links[0].setFocus()
        elif focused is not None and focused.objectName() != "errorLink" and not move_focus:
            focused.setFocus()

    def _go_to_field(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                return

    def confirm_review(self) -> None:
        """A kiosk registration checked with the person: save it as no longer needing review."""
        self.review_confirmed = True
        if not self.save():
            self.review_confirmed = False

    # -- actions saved at once -------------------------------------------------------------------------
    def _run(
        self,
        fn: Callable[[Any], Any],
        then: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run one store action on the worker, then reload the record's lists."""
        store = self.session.store

        def done(result: Any) -> None:
            self._load_children()
            if then:
                then(result)

        self.session.worker.run(
            lambda _p: fn(store),
            before=self.banner.clear_message,
            done=done,
            then=self._refresh,
            failed=on_error or self._action_failed,
        )

    def _action_failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            str(exc)
            if isinstance(exc, PaceError)
            else self.tr("That could not be saved: nothing was changed. Try again.")
        )

    def withdraw(self, purpose: str) -> None:
        consent = self.consent.stored_consent(purpose)
        if consent is None or not consent.active:
            return
        actor = self.session.store.actor
        self._run(lambda store: store.consents.update(consent.withdraw(by=actor), action="withdraw"))

    def referral_problem(self, partner: str | None) -> str | None:
        """Why a referral to ``partner`` cannot be made now, or None when it can.

        The rule is the core's (``records.rules.referral_problem``, which the store applies again on
        saving); the dialog only words it for the adviser, and knows about answers not yet saved.
        """
        if self.client is None:
            return self.tr("Save the client first, then add referrals.")
        if referral_problem(partner, utcnow(), self.consents) is None:
            return None
        assert partner is not None
        name = partner_name(partner)
        if self.consent.new_choices().get(share_purpose(partner)) is True:
            return self.tr(
                "The person's yes to sharing with {0} is not saved yet: save the record first."
            ).format(name)
        return self.tr(
            "Not referred: the person has not agreed to share their details with {0}. "
            "Ask them, and record their answer on the Consent tab first."
        ).format(name)

    def refer(self, request: dict[str, Any]) -> None:
        problem = self.referral_problem(request["partner"])
        if problem:
            self.support.show_refusal(problem)
            return
        assert self.client is not None
        try:
            intervention = Intervention(
                client_id=self.client.id,
                service=request["service"],
                partner=request["partner"],
                date=request["date"],
                status=request["status"],
                minutes=request["minutes"],
                note=request["note"] or None,
            )
        except ValidationError as exc:
            self.support.show_refusal(str(as_validation_failed(exc)))
            return
        self.support.show_refusal(None)
        self._run(
            lambda store: store.interventions.add(intervention),
            then=lambda _r: self.support.clear_referral(),
            on_error=self._referral_failed,
        )

    def _referral_failed(self, exc: BaseException) -> None:
        """The store refused it (its own check of the rule): say why beside the partner."""
        if isinstance(exc, RuleBroken):
            self.support.show_refusal(str(exc))
        else:
            self._action_failed(exc)

    def change_status(self, intervention_id: str, status: str, minutes: int) -> None:
        item = next((i for i in self.interventions if str(i.id) == intervention_id), None)
        if item is None:
            return
        changed = item.model_copy(update={"status": InterventionStatus(status), "minutes": minutes})
        self._run(lambda store: store.interventions.update(changed))

    def add_outcome(self, request: dict[str, Any]) -> None:
        if self.client is None:
            return
        try:
            outcome = Outcome(
                client_id=self.client.id,
                date=request["date"],
                status=request["status"],
                note=request["note"] or None,
            )
        except ValidationError as exc:
            self.banner.show_message(str(as_validation_failed(exc)))
            return
        self._run(lambda store: store.outcomes.add(outcome), then=lambda _r: self.followup.clear_outcome())

    def add_feedback(self, request: dict[str, Any]) -> None:
        if self.client is None:
            return
        try:
            feedback = Feedback(
                client_id=self.client.id, rating=request["rating"], comment=request["comment"] or None
            )
        except ValidationError as exc:
            self.banner.show_message(str(as_validation_failed(exc)))
            return
        self._run(lambda store: store.feedback.add(feedback), then=lambda _r: self.followup.clear_feedback())

    def override(self, band_value: str, reason: str) -> None:
        """Save the adviser's band at once when the stored checklist is current; else hold it."""
        stored = self.stored_checklist
        if stored is None or self._checklist_changed() or self.client is None:
            self._hold_override(band_value, reason)
            self.checklist.clear_override_form()
            self._refresh()
            return
        try:
            record = with_override(stored, band_value, reason, self.session.store.actor)
        except ValidationError as exc:
            self.banner.show_message(str(as_validation_failed(exc)))
            return
        self._run(lambda store: store.checklists.update(record), then=lambda _r: self._override_saved(record))

    def _override_saved(self, _record: ChecklistRecord) -> None:
        self.checklist.clear_override_form()

    def _hold_override(self, band_value: str, reason: str) -> None:
        self.pending_override = (band_value, reason)
        self.checklist.show_override(
            self.tr("Band set to {0}: {1} (saved with the record)").format(band(band_value), reason),
            band_value,
        )

    # -- leaving ---------------------------------------------------------------------------------------
    def ask_unsaved(self) -> str:
        """Ask what to do with unsaved changes: 'save', 'discard' or 'cancel'."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("You have changed this record. Save the changes before leaving?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("unsavedPrompt")
        save = box.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self._prompt = box
        try:
            box.exec()
        finally:
            self._prompt = None
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def reject(self) -> None:
        if self._locking or not self.session.is_unlocked or not self.is_dirty():
            super().reject()
            return
        answer = self.ask_unsaved()
        if self._locking or not self.session.is_unlocked:
            return  # the app locked while the question was up: the draft is already kept
        if answer == "discard":
            super().reject()
        elif answer == "save":
            self.save(close_after=True)

    def done(self, result: int) -> None:
        try:
            self.session.about_to_lock.disconnect(self._keep_draft)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    # -- drafts across auto-lock -----------------------------------------------------------------------
    def _keep_draft(self) -> None:
        """The app is locking: keep what was typed, encrypted in the store, and close without asking."""
        if not self.isVisible():
            return
        self._locking = True
        if self._prompt is not None:  # nobody answered the unsaved-changes question in time
            self._prompt.reject()
        if self.is_dirty():
            store, key, data = self.session.store, self.draft_key(), json.dumps(self.draft_data())
            self.session.worker.submit(lambda _p: store.save_draft(key, data))
        self.reject()

    @classmethod
    def restore_draft(
        cls, session: Session, key: str, parent: QWidget | None = None
    ) -> ClientRecordDialog | None:
        """Reopen a record kept at auto-lock; the draft leaves the store as it is taken."""
        if not key.startswith(DRAFT_PREFIX):
            return None
        raw = session.store.take_draft(key)
        if raw is None:
            return None
        try:
            _prefix, event_id, client_id = key.split(":", 2)
            data = json.loads(raw)
        except ValueError:
            return None
        event = session.store.events.get(event_id)
        client = None if client_id == "new" else session.store.clients.get(client_id)
        if event is None or (client_id != "new" and client is None) or not isinstance(data, dict):
            return None
        dialog = cls(session, event, client, parent)
        dialog.apply_draft(data)
        return dialog
