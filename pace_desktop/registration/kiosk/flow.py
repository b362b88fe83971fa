"""Moving through the pages: where one person is in the registration and what they have answered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.checks import age_warning, date_keys, validate_page
from pace_desktop.registration.kiosk.pages import NO, Page, build_pages, consent_field
from pace_desktop.registration.kiosk.translation import Translate, untranslated

# field name (or "name.day" for a date part) -> str, or list[str] for checkboxes
Answers = dict[str, Any]

State = Literal["active", "declined", "sent"]


@dataclass
class KioskFlow:
    """Where one person is in the registration, and what they have answered (in memory only)."""

    event: Event
    today: date | None = None
    pages: list[Page] = field(init=False)
    answers: Answers = field(init=False, default_factory=dict)
    index: int = field(init=False, default=0)
    changing: bool = field(init=False, default=False)  # came from "Check your answers" via Change
    state: State = field(init=False, default="active")
    _warned: tuple[str, ...] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.pages = build_pages(self.event)

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    def page_named(self, key: str) -> Page:
        return next(p for p in self.pages if p.key == key)

    def advance(self, values: Mapping[str, Any], tr: Translate = untranslated) -> dict[str, str]:
        """Accept this page's answers and move on; or return the problems and stay.

        Saying no to ``pace_support`` ends the registration: every answer is dropped at once.
        """
        page = self.page
        errors = validate_page(page, values, today=self.today, tr=tr)
        if errors:
            return errors
        if page.key == "dob":
            typed = tuple(str(values.get(k, "")).strip() for k in date_keys("date_of_birth"))
            warning = age_warning(values, self.event, tr)
            if warning and typed != self._warned:
                self._warned = typed
                return {"date_of_birth": warning}
        for f in page.fields:
            for key in date_keys(f.name) if f.kind == "date" else (f.name,):
                self.answers[key] = values.get(key, [] if f.kind == "checkboxes" else "")
        if page.key == "consent_support" and values.get(consent_field("pace_support")) == NO:
            self.decline()
            return {}
        self.index = self._index_of("check") if self.changing else self.index + 1
        self.changing = False
        return {}

    def back(self) -> None:
        """The previous page; from a page opened with Change, back to "Check your answers"."""
        if self.state != "active":
            return
        if self.changing:
            self.changing = False
            self.index = self._index_of("check")
        elif self.index > 0:
            self.index -= 1

    def change(self, key: str) -> None:
        self.index = self._index_of(key)
        self.changing = True

    def decline(self) -> None:
        self.answers.clear()
        self.state = "declined"

    def sent(self) -> None:
        """After a successful submit: nothing of this person is kept, and Back has nowhere to go."""
        self.reset()
        self.state = "sent"

    def reset(self) -> None:
        self.answers.clear()
        self.index = 0
        self.changing = False
        self.state = "active"
        self._warned = None

    def _index_of(self, key: str) -> int:
        return next(i for i, p in enumerate(self.pages) if p.key == key)

    def first_invalid(self, tr: Translate = untranslated) -> tuple[str, dict[str, str]] | None:
        """The first page whose stored answers fail their checks, with the problems, or None."""
        for page in self.pages:
            errors = validate_page(page, self.answers, today=self.today, tr=tr)
            if errors:
                return page.key, errors
        return None
