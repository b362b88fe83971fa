"""Screenshots of each kiosk step for the documentation, filled in with a fictional person.

``render_screenshots`` drives a kiosk window that is never shown on screen and never sends anything:
it writes one PNG per step to ``out_dir`` (``kiosk-NN-<step>.png``) and returns their paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.pages import consent_field, share_purposes
from pace_desktop.ui.kiosk.pages import QuestionPage
from pace_desktop.ui.kiosk.window import KioskWindow
from pace_desktop.ui.session import Session

SIZE = (1366, 768)  # the most common screen of a budget laptop: the kiosk must read well on it

_SHARED = {"share_DWP", "share_CAS", "share_SLAED", "share_CS"}

# Mòrag is fictional; the address and numbers are in reserved or unused ranges.
PERSON: dict[str, dict[str, Any]] = {
    "consent_support": {"consent.pace_support": "yes"},
    "consent_more": {
        "consent.contact_followup": "yes",
        "consent.client_survey": "no",
        "consent.anonymised_statistics": "yes",
    },
    # Yes to a few partners, no to the rest, whatever partners.csv lists today.
    "consent_share": {
        consent_field(purpose): "yes" if purpose in _SHARED else "no" for purpose, _name in share_purposes()
    },
    "name": {"first_name": "Mòrag", "last_name": "NicDhòmhnaill", "preferred_name": "Mo"},
    "dob": {"date_of_birth.day": "14", "date_of_birth.month": "3", "date_of_birth.year": "1971"},
    "address": {"address_line1": "12 Example Street", "town": "Greenock", "postcode": "PA15 1AA"},
    "contact": {"phone": "07700 900123", "email": "morag@example.com"},
    "ni": {},
    "job": {"job_title": "Machine operator", "years_service": "14"},
    "job_status": {"employment_status": "under_notice"},
    "leaving": {"leaving_date.day": "30", "leaving_date.month": "6", "leaving_date.year": "2026"},
    "q1_qualification": {"q1_qualification": "scqf_5_6"},
    "q2_licence": {"q2_licence": "yes"},
    "q2_vehicle": {"q2_vehicle": "no"},
    "q4_household": {"q4_household": "alone"},
    "q5_dependants": {"q5_dependants": "no"},
    "q6_confidence": {"q6_confidence": "not_very"},
    "q6_expectation": {"q6_expectation": "not_sure"},
    "q6_luck_or_effort": {"q6_luck_or_effort": "both"},
    "q8_searching": {"q8_searching": "yes"},
    "q8_interviews": {"q8_interviews": "no"},
    "q8_employer_contact": {"q8_employer_contact": "no"},
    "q9_physical": {"q9_physical": "no_limits"},
    "q9_mental": {"q9_mental": "some_limits"},
    "q9_disability": {"q9_disability": "prefer_not_to_say"},
    "q10_parent_in_work": {"q10_parent_in_work": "yes"},
    "services": {"services": ["employability_advice", "vocational_training", "money"]},
}

# (file stem, page key whose screen is captured after filling the ones before it)
SHOTS = (
    ("01-welcome", "welcome"),
    ("02-privacy", "privacy"),
    ("03-consent", "consent_support"),
    ("04-consent-more", "consent_more"),
    ("05-consent-sharing", "consent_share"),
    ("06-name", "name"),
    ("07-date-of-birth", "dob"),
    ("08-address", "address"),
    ("09-contact", "contact"),
    ("10-job", "job"),
    ("11-job-status", "job_status"),
    ("12-question", "q6_confidence"),
    ("13-help", "services"),
    ("14-check-answers", "check"),
)


def _grab(window: KioskWindow, out_dir: Path, stem: str) -> Path:
    QApplication.processEvents()
    path = out_dir / f"kiosk-{stem}.png"
    window.grab().save(str(path))
    return path


def _fill(window: KioskWindow, key: str) -> None:
    page = window.current_page()
    if not isinstance(page, QuestionPage) or page.page.key != key:
        raise RuntimeError(f"the kiosk is not on the {key} page")
    page.load(PERSON.get(key, {}))
    window.go_next()
    if window.flow.page.key == key:  # the sample answers no longer fit the page: say so, never loop
        raise RuntimeError(f"the sample answers for the {key} page were refused")


def render_screenshots(session: Session, event: Event, out_dir: Path) -> list[Path]:
    """One PNG per kiosk step, with a fictional person's answers; nothing is written to the store."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window = KioskWindow(session, event)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*SIZE)
    window.show()
    window.reset()
    paths: list[Path] = []
    try:
        for stem, key in SHOTS:
            while window.flow.page.key != key:
                _fill(window, window.flow.page.key)
            if key == "name":
                window.go_next()  # empty: shows the error summary and the messages by the fields
                paths.append(_grab(window, out_dir, "06-name-errors"))
                window.current_page().clear_errors()  # type: ignore[attr-defined]
            page = window.current_page()
            if isinstance(page, QuestionPage) and key != "check":
                page.load(PERSON.get(key, {}))  # as the person sees it just before Continue
            paths.append(_grab(window, out_dir, stem))
        window.text_button.setChecked(True)
        paths.append(_grab(window, out_dir, "15-check-answers-larger-text"))
        window.text_button.setChecked(False)
        window.contrast_button.setChecked(True)
        window.flow.change("q6_confidence")
        window._show_flow_page(load=True)
        paths.append(_grab(window, out_dir, "16-question-high-contrast"))
        window.contrast_button.setChecked(False)
        window._sent()  # what the person sees after sending; nothing was sent
        paths.append(_grab(window, out_dir, "17-thank-you"))
        window.reset()
        window._show(window.declined)
        paths.append(_grab(window, out_dir, "18-declined"))
        window.still_there.set_seconds(window.countdown_seconds)
        window._show(window.still_there)
        paths.append(_grab(window, out_dir, "19-still-there"))
        window._running = True  # request_exit only works in a running kiosk
        window.request_exit()
        window._running = False
        paths.append(_grab(window, out_dir, "20-adviser-exit"))
    finally:
        window.reset()
        window._may_close = True
        window.close()
        window.deleteLater()
    return paths
