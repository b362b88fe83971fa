"""Checking a page's answers: GOV.UK messages for what is missing or wrong, and an unusual age asked
about once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pace_desktop.records import validation
from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.pages import CHOOSE, Field, Page
from pace_desktop.registration.kiosk.translation import Translate, untranslated
from pace_desktop.registration.kiosk.translation import mark as _t

DATE_PARTS = ("day", "month", "year")

# Messages built in the checks below; marked here, at import, so the translation file lists them all.
_DATE_MISSING = {
    ("day",): _t("{noun} must include a day"),
    ("month",): _t("{noun} must include a month"),
    ("year",): _t("{noun} must include a year"),
    ("day", "month"): _t("{noun} must include a day and month"),
    ("day", "year"): _t("{noun} must include a day and year"),
    ("month", "year"): _t("{noun} must include a month and year"),
}
_NOT_NUMBERS = _t("{noun} must be a real date, in numbers")
_YEAR_DIGITS = _t("Year must include 4 numbers")
_NOT_REAL = _t("{noun} must be a real date")
_FROM_LIST = _t("Select from the list")
_YEARS_WORDS = _t("Enter the number of years in numbers, like 6")
_YEARS_RANGE = _t("Enter a number of years between 0 and 70")
_DOB_FUTURE = _t("Date of birth must be in the past")
_DOB_YEAR = _t("Check the year of your date of birth")
_LEAVING_REAL = _t("Last day at work must be a real date, like 30 6 2026")
_UNDER_16 = _t("Check your date of birth: it makes you under 16. If it is right, select Continue again")
_OVER_80 = _t("Check your date of birth: it makes you over 80. If it is right, select Continue again")
# The core's own messages, shown without their final full stop (GOV.UK style).
for _core in (
    validation.POSTCODE_MESSAGE,
    validation.PHONE_MESSAGE,
    validation.EMAIL_MESSAGE,
    validation.NI_MESSAGE,
    validation.CONTROL_MESSAGE,
):
    _t(_core.rstrip("."))


def date_keys(name: str) -> tuple[str, str, str]:
    return (f"{name}.day", f"{name}.month", f"{name}.year")


def _date_errors(f: Field, values: Mapping[str, Any], tr: Translate) -> str | None:
    """GOV.UK date messages: what is missing, or that it is not a real date."""
    raw = [str(values.get(k, "") or "").strip() for k in date_keys(f.name)]
    noun = tr(f.label)
    if not any(raw):
        return tr(f.required) if f.required else None
    missing = [part for part, text in zip(DATE_PARTS, raw, strict=True) if not text]
    if missing:
        return tr(_DATE_MISSING[tuple(missing)]).format(noun=noun)
    if not all(text.isdigit() for text in raw):
        return tr(_NOT_NUMBERS).format(noun=noun)
    if len(raw[2]) != 4:
        return tr(_YEAR_DIGITS)
    try:
        date(int(raw[2]), int(raw[1]), int(raw[0]))
    except ValueError:
        return tr(_NOT_REAL).format(noun=noun)
    return None


def date_value(values: Mapping[str, Any], name: str) -> date | None:
    """The date in a three-box field, or None when blank or not a real date."""
    raw = [str(values.get(k, "") or "").strip() for k in date_keys(name)]
    try:
        return date(int(raw[2]), int(raw[1]), int(raw[0]))
    except ValueError:
        return None


def _field_error(f: Field, values: Mapping[str, Any], tr: Translate) -> str | None:
    if f.kind == "date":
        return _date_errors(f, values, tr)
    value = values.get(f.name)
    if f.kind == "checkboxes":
        allowed = {v for v, _ in f.options}
        return None if set(value or ()) <= allowed else tr(_FROM_LIST)
    text = str(value or "").strip()
    if not text:
        return tr(f.required) if f.required else None
    if f.kind == "radio":
        return None if text in {v for v, _ in f.options} else tr(f.required or CHOOSE)
    if f.kind == "number":
        try:
            years = float(text)
        except ValueError:
            return tr(_YEARS_WORDS)
        return None if 0 <= years <= 70 else tr(_YEARS_RANGE)
    try:
        validation.clean_text(text, f.max_len)
        if f.check is not None:
            f.check(text)
    except ValueError as err:
        return tr(str(err).rstrip("."))
    return None


def validate_page(
    page: Page, values: Mapping[str, Any], *, today: date | None = None, tr: Translate = untranslated
) -> dict[str, str]:
    """Field name -> message for every problem on this page (empty when it can be accepted)."""
    errors = {f.name: msg for f in page.fields if (msg := _field_error(f, values, tr))}
    today = today or date.today()
    for name, noun in (("date_of_birth", "dob"), ("leaving_date", "leaving")):
        if name in errors or not any(f.name == name for f in page.fields):
            continue
        when = date_value(values, name)
        if when is None:
            continue
        if noun == "dob" and when >= today:
            errors[name] = tr(_DOB_FUTURE)
        elif noun == "dob" and validation.age_on(when, today) >= validation.MAX_AGE:
            errors[name] = tr(_DOB_YEAR)
        elif noun == "leaving" and not 2000 <= when.year <= today.year + 5:
            errors[name] = tr(_LEAVING_REAL)
    return errors


def age_warning(values: Mapping[str, Any], event: Event, tr: Translate = untranslated) -> str | None:
    """An unusual age (under 16 or over 80 at the event) is asked about once, then accepted."""
    born = date_value(values, "date_of_birth")
    if born is None or born > event.event_date:
        return None
    age = validation.age_on(born, event.event_date)
    if age < validation.MIN_USUAL_AGE:
        return tr(_UNDER_16)
    if age > validation.MAX_USUAL_AGE:
        return tr(_OVER_80)
    return None


def page_keys(page: Page) -> list[str]:
    """The answer keys a page's fields fill."""
    keys: list[str] = []
    for f in page.fields:
        keys.extend(date_keys(f.name) if f.kind == "date" else [f.name])
    return keys
