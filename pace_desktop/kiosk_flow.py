"""The kiosk's registration flow without Qt: its pages, what each asks, checks, and the saving.

A member of the public answers one question per page (GOV.UK form patterns). The kiosk window shows
the pages defined here, hands each page's answers to ``KioskFlow.advance`` and at the end runs
``submit`` on the worker thread, which writes one new client, flagged for an adviser's review, in
one transaction, and reads nothing back. Every string a person sees is English source text, marked
with ``_t`` (or read from the data files), that the window translates in the ``kiosk`` context;
messages built here take a ``tr`` function for the same reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import ValidationError

from pace_desktop.checklist import load_checklist
from pace_desktop.errors import RefusedError, ValidationFailed, WrongPassphrase
from pace_desktop.languages import SOURCE_LANGUAGE
from pace_desktop.privacy_notice import CORE_PURPOSES, current_notice, purpose_text
from pace_desktop.records import validation
from pace_desktop.records.enums import share_purpose
from pace_desktop.records.models import (
    CaptureMethod,
    ChecklistRecord,
    Client,
    Consent,
    Disability,
    EmploymentStatus,
    Event,
    RecordSource,
    as_validation_failed,
)
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.reference import SERVICES, partners
from pace_desktop.registration import build_checklist, build_consents

KIOSK_ACTOR = "kiosk"  # store.actor while the kiosk writes; the audit log and consents name it
CONTEXT = "kiosk"  # Qt translation context of every string in this module
YES, NO = "yes", "no"

# field name (or "name.day" for a date part) -> str, or list[str] for checkboxes
Answers = dict[str, Any]
Translate = Callable[[str], str]


MARKED: set[str] = set()  # every string marked with _t, for the translation file (see ui/kiosk/i18n.py)


def _t(source: str) -> str:
    """Mark ``source`` as text a person reads; the window translates it (context ``kiosk``)."""
    MARKED.add(source)
    return source


def _same(text: str) -> str:
    return text


# -- what a page asks -------------------------------------------------------------------------

Kind = Literal["text", "number", "date", "radio", "checkboxes"]
Check = Callable[[str], str]  # a core normaliser: returns the stored form or raises ValueError


@dataclass(frozen=True)
class Field:
    """One input. ``required`` is the message shown when it is left empty (None: optional)."""

    name: str
    label: str
    kind: Kind = "text"
    hint: str = ""
    required: str | None = None
    options: tuple[tuple[str, str], ...] = ()  # (stored value, label shown): radios, checkboxes
    option_hints: tuple[str, ...] = ()  # one line under each option, or nothing
    sensitive: bool = False  # personal data: no predictive text, no input history
    max_len: int = 100
    check: Check | None = None
    wide: bool = True  # a short field (postcode, year) is drawn narrower, as GOV.UK sizes inputs
    summary: str = ""  # a shorter label for "Check your answers", when the label is a question


@dataclass(frozen=True)
class Page:
    """One screen: a question as its heading, the fields that answer it, and its section (step)."""

    key: str
    section: str
    heading: str
    fields: tuple[Field, ...] = ()
    intro: tuple[str, ...] = ()  # paragraphs under the heading, each translated on its own
    summary: str = ""  # the row label on "Check your answers"; empty: not listed there

    def heading_text(self, event: Event, tr: Translate = _same) -> str:
        """The heading as shown: translated, with the employer's name where the text asks for it."""
        return tr(self.heading).replace("{employer}", event.employer_name)


SECTIONS: tuple[tuple[str, str], ...] = (
    ("welcome", _t("Welcome")),
    ("privacy", _t("Your information")),
    ("consent", _t("Your choices")),
    ("about_you", _t("About you")),
    ("your_job", _t("Your job")),
    ("questions", _t("Finding work")),
    ("help", _t("Help you would like")),
    ("check", _t("Check your answers")),
)

SERVICE_HINTS: dict[str, str] = {
    "employability_advice": _t("Help with CVs, job applications and interviews"),
    "career_development": _t("Working out what job or career to aim for next"),
    "literacy_numeracy": _t("Help with reading, writing or numbers"),
    "core_skills": _t("Everyday skills such as using a computer or working with others"),
    "vocational_training": _t("Training or a qualification for a particular job"),
    "business_start_up": _t("Starting your own business"),
    "benefits": _t("Which benefits you can get and how to claim them"),
    "rights_and_entitlements": _t("Redundancy pay, notice and your rights at work"),
    "money": _t("Budgeting, debts and money worries"),
    "pensions": _t("What happens to your pension"),
    "coping_with_stress": _t("Dealing with the stress of losing your job"),
    "mental_health_wellbeing": _t("Support for your mental health and wellbeing"),
}

_YES_NO = ((YES, _t("Yes")), (NO, _t("No")))
_CHOOSE = _t("Select yes or no")
_HEALTH_PARTS = ("q9_physical", "q9_mental", "q9_disability")
_HEALTH_HINT = _t("This is about your health. You do not have to answer: you can choose "
                  "'Prefer not to say'.")
_STATUS = (
    (EmploymentStatus.at_risk.value, _t("I have been told my job is at risk")),
    (EmploymentStatus.under_notice.value, _t("I have been given notice that my job will end")),
    (EmploymentStatus.redundant.value, _t("My job has already ended")),
    (EmploymentStatus.other.value, _t("Something else")),
)


_CONSENT_SUMMARY = {
    "contact_followup": _t("Contact you later"),
    "client_survey": _t("Ask you to fill in a survey"),
    "anonymised_statistics": _t("Use your answers in statistics, without your name"),
}


def consent_field(purpose: str) -> str:
    return f"consent.{purpose}"


def share_purposes() -> list[tuple[str, str]]:
    """(purpose, partner name) for every partner other than SDS, in the file's order."""
    return [(share_purpose(p.code), p.name) for p in partners() if p.code != "SDS"]


def _consent_pages() -> list[Page]:
    support = Page(
        "consent_support", "consent", purpose_text("pace_support", "client"),
        (Field(consent_field("pace_support"), purpose_text("pace_support", "client"), "radio",
               hint=purpose_text("pace_support", "explain"), options=_YES_NO,
               required=_t("Select yes if SDS can keep your details, or no if not")),),
        summary=_t("SDS can keep your details"),
    )
    more = Page(
        "consent_more", "consent", _t("What else can we do with your details?"),
        tuple(Field(consent_field(p), purpose_text(p, "client"), "radio",
                    hint=purpose_text(p, "explain"), options=_YES_NO, required=_CHOOSE,
                    summary=_CONSENT_SUMMARY[p])
              for p in CORE_PURPOSES if p != "pace_support"),
        intro=(_t("Choose yes or no for each. Saying no does not change the help you get "
                  "from SDS."),),
        summary=_t("Other uses of your details"),
    )
    share = Page(
        "consent_share", "consent", _t("Who can we share your details with?"),
        tuple(Field(consent_field(purpose), name, "radio", options=_YES_NO, required=_CHOOSE)
              for purpose, name in share_purposes()),
        intro=(purpose_text("share", "explain"),
               _t("Choose yes or no for each organisation. Saying no does not change the help "
                  "you get.")),
        summary=_t("Organisations we can share your details with"),
    )
    return [support, more, share]


def _about_pages(event: Event) -> list[Page]:
    return [
        Page("name", "about_you", _t("What is your name?"), (
            Field("first_name", _t("First name"), required=_t("Enter your first name"),
                  sensitive=True),
            Field("last_name", _t("Last name"), required=_t("Enter your last name"),
                  sensitive=True),
            Field("preferred_name", _t("The name you like to be called (optional)"),
                  sensitive=True),
        ), summary=_t("Name")),
        Page("dob", "about_you", _t("What is your date of birth?"), (
            Field("date_of_birth", _t("Date of birth"), "date", hint=_t("For example, 27 3 1985"),
                  required=_t("Enter your date of birth"), sensitive=True),
        ), summary=_t("Date of birth")),
        Page("address", "about_you", _t("What is your address?"), (
            Field("address_line1", _t("Address line 1"), sensitive=True, max_len=150),
            Field("address_line2", _t("Address line 2 (optional)"), sensitive=True, max_len=150),
            Field("town", _t("Town or city"), sensitive=True, max_len=100),
            Field("postcode", _t("Postcode"), sensitive=True, check=validation.normalise_postcode,
                  max_len=10, wide=False),
        ), intro=(_t("You can leave this blank if you would rather tell an adviser."),),
            summary=_t("Address")),
        Page("contact", "about_you", _t("How can we contact you?"), (
            Field("phone", _t("Phone number (optional)"), hint=_t("For example, 07700 900123"),
                  sensitive=True, check=validation.normalise_phone, max_len=30, wide=False),
            Field("email", _t("Email address (optional)"), sensitive=True,
                  check=validation.normalise_email, max_len=254),
        ), intro=(_t("Give at least one if you can. We only use them to help you."),),
            summary=_t("Contact details")),
        Page("ni", "about_you", _t("What is your National Insurance number?"), (
            Field("ni_number", _t("National Insurance number (optional)"),
                  hint=_t("It is on your payslip, P60, or letters about tax, pensions and "
                          "benefits. For example, AB 12 34 56 C."),
                  sensitive=True, check=validation.normalise_ni, max_len=20, wide=False),
        ), intro=(_t("Leave this blank if you do not have it with you."),),
            summary=_t("National Insurance number")),
        Page("job", "your_job", _t("What is your job at {employer}?"), (
            Field("job_title", _t("Job title"), hint=_t("For example, machine operator"),
                  sensitive=True),
            Field("years_service", _t("Years you have worked there (optional)"), "number",
                  hint=_t("For example, 6"), wide=False, max_len=5),
        ), summary=_t("Your job")),
        Page("job_status", "your_job", _t("What is happening with your job?"), (
            Field("employment_status", _t("What is happening with your job?"), "radio",
                  options=_STATUS, required=_t("Select what is happening with your job")),
        ), summary=_t("What is happening with your job")),
        Page("leaving", "your_job", _t("When is your last day at work?"), (
            Field("leaving_date", _t("Last day at work"), "date",
                  hint=_t("If you know it. For example, 30 6 2026")),
        ), summary=_t("Last day at work")),
    ]


def _question_pages() -> list[Page]:
    pages = []
    for part in load_checklist().answerable_parts():
        options = tuple((o.value, o.kiosk_label) for o in part.options)
        hint = _HEALTH_HINT if part.id in _HEALTH_PARTS else ""
        pages.append(Page(
            part.id, "questions", part.client_text,
            (Field(part.id, part.client_text, "radio", hint=hint, options=options,
                   required=_t("Select an answer, or 'Prefer not to say'")),),
            summary=part.client_text,
        ))
    return pages


def build_pages(event: Event) -> list[Page]:
    """Every page in order, from welcome to "Check your answers"."""
    services = tuple((code, label) for code, label in SERVICES.items())
    return [
        Page("welcome", "welcome", _t("Register for help from PACE"),
             intro=(_t("PACE gives free help to people whose job is at risk because of "
                       "redundancy."),
                    _t("We will ask about you, your job, how you feel about finding work, and "
                       "what help would be useful."),
                    _t("It takes about 5 minutes. You can check and change your answers before "
                       "you send them."))),
        Page("privacy", "privacy", _t("How we use your information")),
        *_consent_pages(),
        *_about_pages(event),
        *_question_pages(),
        Page("services", "help", _t("What help would be useful?"), (
            Field("services", _t("What help would be useful?"), "checkboxes",
                  hint=_t("Select all that apply. Leave them all blank if you are not sure."),
                  options=services,
                  option_hints=tuple(SERVICE_HINTS.get(c, "") for c, _ in services)),
        ), summary=_t("Help you would like")),
        Page("check", "check", _t("Check your answers before sending them")),
    ]


def step_of(page: Page, event: Event) -> tuple[int, int]:
    """(N, M) for "Step N of M": the page among every page, so the number moves on each time a
    person does (counting sections left "Step 6 of 8" on screen for fifteen pages)."""
    keys = [p.key for p in build_pages(event)]
    return keys.index(page.key) + 1, len(keys)


def section_title(section: str) -> str:
    return dict(SECTIONS)[section]


# -- checking answers -------------------------------------------------------------------------

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
_UNDER_16 = _t("Check your date of birth: it makes you under 16. If it is right, select "
               "Continue again")
_OVER_80 = _t("Check your date of birth: it makes you over 80. If it is right, select "
              "Continue again")
# The core's own messages, shown without their final full stop (GOV.UK style).
for _core in (validation.POSTCODE_MESSAGE, validation.PHONE_MESSAGE, validation.EMAIL_MESSAGE,
              validation.NI_MESSAGE, validation.CONTROL_MESSAGE):
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
        return None if text in {v for v, _ in f.options} else tr(f.required or _CHOOSE)
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


def validate_page(page: Page, values: Mapping[str, Any], *, today: date | None = None,
                  tr: Translate = _same) -> dict[str, str]:
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


def age_warning(values: Mapping[str, Any], event: Event, tr: Translate = _same) -> str | None:
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


# -- moving through the pages -----------------------------------------------------------------

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

    def advance(self, values: Mapping[str, Any], tr: Translate = _same) -> dict[str, str]:
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

    def first_invalid(self, tr: Translate = _same) -> tuple[str, dict[str, str]] | None:
        """The first page whose stored answers fail their checks, with the problems, or None."""
        for page in self.pages:
            errors = validate_page(page, self.answers, today=self.today, tr=tr)
            if errors:
                return page.key, errors
        return None


# -- building and saving the records ----------------------------------------------------------

def _text(answers: Mapping[str, Any], key: str) -> str | None:
    value = str(answers.get(key, "") or "").strip()
    return value or None


def build_records(
    event: Event, answers: Mapping[str, Any], language: str = SOURCE_LANGUAGE
) -> tuple[Client, list[Consent], ChecklistRecord]:
    """The client (needs review, source kiosk), a consent per purpose answered, the checklist.

    Each consent records ``language`` and the exact notice text shown in it (its version and hash).

    Raises ValidationFailed when an answer would not make a valid record: nothing half-valid.
    """
    if answers.get(consent_field("pace_support")) != YES:
        raise RefusedError(
            "Nothing was saved: the person did not agree to SDS keeping their details.")
    address_lines = [_text(answers, k) for k in ("address_line1", "address_line2", "town")]
    years = _text(answers, "years_service")
    disability = answers.get("q9_disability") or None
    try:
        client = Client(
            event_id=event.id,
            first_name=answers.get("first_name", ""),
            last_name=answers.get("last_name", ""),
            preferred_name=_text(answers, "preferred_name"),
            date_of_birth=date_value(answers, "date_of_birth"),
            address="\n".join(line for line in address_lines if line) or None,
            postcode=_text(answers, "postcode"),
            phone=_text(answers, "phone"),
            email=_text(answers, "email"),
            ni_number=_text(answers, "ni_number"),
            disability=Disability(disability) if disability else None,
            employment_status=_text(answers, "employment_status"),
            job_title=_text(answers, "job_title"),
            length_of_service_years=float(years) if years else None,
            expected_leaving_date=date_value(answers, "leaving_date"),
            services_wanted=list(answers.get("services") or []),
            source=RecordSource.kiosk,
            needs_review=True,
        )
    except ValidationError as err:
        raise as_validation_failed(err) from None
    purposes = ["pace_support", *(p for p in CORE_PURPOSES if p != "pace_support"),
                *(p for p, _ in share_purposes())]
    choices = {p: answers[consent_field(p)] == YES for p in purposes
               if answers.get(consent_field(p)) in (YES, NO)}
    consents = build_consents(choices, how=CaptureMethod.self_kiosk, by=KIOSK_ACTOR,
                              notice=current_notice(language), client_id=client.id)
    checklist_answers = {p.id: str(answers[p.id]) for p in load_checklist().answerable_parts()
                         if answers.get(p.id)}
    checklist = build_checklist(checklist_answers, client=client, event=event)
    return client, consents, checklist


def submit(store: Any, event: Event, answers: Mapping[str, Any],
           language: str = SOURCE_LANGUAGE) -> None:
    """Save one self-registration in one transaction, written as the kiosk; returns nothing.

    ``language`` is the one the person read the kiosk in: their consents record its notice.

    ``store`` is a ``pace_desktop.store.store.Store`` (typed loosely: this module stays light).
    """
    flow = KioskFlow(event)
    flow.answers.update(answers)
    if (problem := flow.first_invalid()) is not None:
        _page, errors = problem
        raise ValidationFailed("Some answers need correcting before they can be sent.", errors)
    client, consents, checklist = build_records(event, answers, language)
    while store.client_queries.pace_id_taken(client.pace_id):  # a clash is rare, but never fatal
        client = client.model_copy(update={"pace_id": new_pace_id()})
    before = store.actor
    store.actor = KIOSK_ACTOR
    try:
        store.register(client, consents, checklist)
    finally:
        store.actor = before


# -- starting and leaving kiosk mode ----------------------------------------------------------

def record_start(store: Any, event: Event) -> None:
    """Audit that the kiosk started for this event (the adviser who started it is the actor)."""
    with store.transaction():
        store.audit("kiosk_start", "event", str(event.id))


def record_stop(store: Any, event: Event, adviser: str) -> None:
    """Audit that ``adviser`` (whose passphrase was given) left kiosk mode."""
    before = store.actor
    store.actor = adviser
    try:
        with store.transaction():
            store.audit("kiosk_stop", "event", str(event.id))
    finally:
        store.actor = before


def check_exit(store: Any, event: Event, passphrase: str) -> str:
    """The adviser whose passphrase this is (audited as leaving kiosk mode), or WrongPassphrase.

    A wrong try is audited too, as the kiosk's: someone may be guessing at the kiosk.
    """
    try:
        adviser = str(store.verify_passphrase(passphrase))
    except WrongPassphrase:
        before = store.actor
        store.actor = KIOSK_ACTOR
        try:
            with store.transaction():
                store.audit("unlock_failed", "event", str(event.id), detail="kiosk_exit")
        finally:
            store.actor = before
        raise
    record_stop(store, event, adviser)
    return adviser


@dataclass
class ExitGuard:
    """Slows guessing at the adviser passphrase from the kiosk: after 3 wrong tries, a growing wait.

    Kept in memory: a restart ends kiosk mode anyway, and the store's unlock back-off then applies.
    """

    clock: Callable[[], float] = time.monotonic
    free_tries: int = 3
    first_wait: float = 30.0
    max_wait: float = 900.0
    failures: int = 0
    _until: float = 0.0

    def wait_seconds(self) -> float:
        return max(0.0, self._until - self.clock())

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= self.free_tries:
            extra = self.failures - self.free_tries
            self._until = self.clock() + min(self.max_wait, self.first_wait * 2 ** extra)

    def succeeded(self) -> None:
        self.failures = 0
        self._until = 0.0
