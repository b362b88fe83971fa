"""What the kiosk asks: every page in order, from welcome to "Check your answers", and its fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pace_desktop.checklist import load_checklist
from pace_desktop.privacy_notice import CORE_PURPOSES, purpose_text
from pace_desktop.records import validation
from pace_desktop.records.enums import share_purpose
from pace_desktop.records.models import EmploymentStatus, Event
from pace_desktop.reference import SERVICES, partners
from pace_desktop.registration.kiosk.translation import Translate, untranslated
from pace_desktop.registration.kiosk.translation import mark as _t

YES, NO = "yes", "no"

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

    def heading_text(self, event: Event, tr: Translate = untranslated) -> str:
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
CHOOSE = _t("Select yes or no")
_HEALTH_PARTS = ("q9_physical", "q9_mental", "q9_disability")
_HEALTH_HINT = _t("This is about your health. You do not have to answer: you can choose 'Prefer not to say'.")
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
        "consent_support",
        "consent",
        purpose_text("pace_support", "client"),
        (
            Field(
                consent_field("pace_support"),
                purpose_text("pace_support", "client"),
                "radio",
                hint=purpose_text("pace_support", "explain"),
                options=_YES_NO,
                required=_t("Select yes if SDS can keep your details, or no if not"),
            ),
        ),
        summary=_t("SDS can keep your details"),
    )
    more = Page(
        "consent_more",
        "consent",
        _t("What else can we do with your details?"),
        tuple(
            Field(
                consent_field(p),
                purpose_text(p, "client"),
                "radio",
                hint=purpose_text(p, "explain"),
                options=_YES_NO,
                required=CHOOSE,
                summary=_CONSENT_SUMMARY[p],
            )
            for p in CORE_PURPOSES
            if p != "pace_support"
        ),
        intro=(_t("Choose yes or no for each. Saying no does not change the help you get from SDS."),),
        summary=_t("Other uses of your details"),
    )
    share = Page(
        "consent_share",
        "consent",
        _t("Who can we share your details with?"),
        tuple(
            Field(consent_field(purpose), name, "radio", options=_YES_NO, required=CHOOSE)
            for purpose, name in share_purposes()
        ),
        intro=(
            purpose_text("share", "explain"),
            _t("Choose yes or no for each organisation. Saying no does not change the help you get."),
        ),
        summary=_t("Organisations we can share your details with"),
    )
    return [support, more, share]


def _about_pages(event: Event) -> list[Page]:
    return [
        Page(
            "name",
            "about_you",
            _t("What is your name?"),
            (
                Field("first_name", _t("First name"), required=_t("Enter your first name"), sensitive=True),
                Field("last_name", _t("Last name"), required=_t("Enter your last name"), sensitive=True),
                Field("preferred_name", _t("The name you like to be called (optional)"), sensitive=True),
            ),
            summary=_t("Name"),
        ),
        Page(
            "dob",
            "about_you",
            _t("What is your date of birth?"),
            (
                Field(
                    "date_of_birth",
                    _t("Date of birth"),
                    "date",
                    hint=_t("For example, 27 3 1985"),
                    required=_t("Enter your date of birth"),
                    sensitive=True,
                ),
            ),
            summary=_t("Date of birth"),
        ),
        Page(
            "address",
            "about_you",
            _t("What is your address?"),
            (
                Field("address_line1", _t("Address line 1"), sensitive=True, max_len=150),
                Field("address_line2", _t("Address line 2 (optional)"), sensitive=True, max_len=150),
                Field("town", _t("Town or city"), sensitive=True, max_len=100),
                Field(
                    "postcode",
                    _t("Postcode"),
                    sensitive=True,
                    check=validation.normalise_postcode,
                    max_len=10,
                    wide=False,
                ),
            ),
            intro=(_t("You can leave this blank if you would rather tell an adviser."),),
            summary=_t("Address"),
        ),
        Page(
            "contact",
            "about_you",
            _t("How can we contact you?"),
            (
                Field(
                    "phone",
                    _t("Phone number (optional)"),
                    hint=_t("For example, 07700 900123"),
                    sensitive=True,
                    check=validation.normalise_phone,
                    max_len=30,
                    wide=False,
                ),
                Field(
                    "email",
                    _t("Email address (optional)"),
                    sensitive=True,
                    check=validation.normalise_email,
                    max_len=254,
                ),
            ),
            intro=(_t("Give at least one if you can. We only use them to help you."),),
            summary=_t("Contact details"),
        ),
        Page(
            "ni",
            "about_you",
            _t("What is your National Insurance number?"),
            (
                Field(
                    "ni_number",
                    _t("National Insurance number (optional)"),
                    hint=_t(
                        "It is on your payslip, P60, or letters about tax, pensions and "
                        "benefits. For example, AB 12 34 56 C."
                    ),
                    sensitive=True,
                    check=validation.normalise_ni,
                    max_len=20,
                    wide=False,
                ),
            ),
            intro=(_t("Leave this blank if you do not have it with you."),),
            summary=_t("National Insurance number"),
        ),
        Page(
            "job",
            "your_job",
            _t("What is your job at {employer}?"),
            (
                Field("job_title", _t("Job title"), hint=_t("For example, machine operator"), sensitive=True),
                Field(
                    "years_service",
                    _t("Years you have worked there (optional)"),
                    "number",
                    hint=_t("For example, 6"),
                    wide=False,
                    max_len=5,
                ),
            ),
            summary=_t("Your job"),
        ),
        Page(
            "job_status",
            "your_job",
            _t("What is happening with your job?"),
            (
                Field(
                    "employment_status",
                    _t("What is happening with your job?"),
                    "radio",
                    options=_STATUS,
                    required=_t("Select what is happening with your job"),
                ),
            ),
            summary=_t("What is happening with your job"),
        ),
        Page(
            "leaving",
            "your_job",
            _t("When is your last day at work?"),
            (
                Field(
                    "leaving_date",
                    _t("Last day at work"),
                    "date",
                    hint=_t("If you know it. For example, 30 6 2026"),
                ),
            ),
            summary=_t("Last day at work"),
        ),
    ]


def _question_pages() -> list[Page]:
    pages = []
    for part in load_checklist().answerable_parts():
        options = tuple((o.value, o.kiosk_label) for o in part.options)
        hint = _HEALTH_HINT if part.id in _HEALTH_PARTS else ""
        pages.append(
            Page(
                part.id,
                "questions",
                part.client_text,
                (
                    Field(
                        part.id,
                        part.client_text,
                        "radio",
                        hint=hint,
                        options=options,
                        required=_t("Select an answer, or 'Prefer not to say'"),
                    ),
                ),
                summary=part.client_text,
            )
        )
    return pages


def build_pages(event: Event) -> list[Page]:
    """Every page in order, from welcome to "Check your answers"."""
    services = tuple((code, label) for code, label in SERVICES.items())
    return [
        Page(
            "welcome",
            "welcome",
            _t("Register for help from PACE"),
            intro=(
                _t("PACE gives free help to people whose job is at risk because of redundancy."),
                _t(
                    "We will ask about you, your job, how you feel about finding work, and "
                    "what help would be useful."
                ),
                _t("It takes about 5 minutes. You can check and change your answers before you send them."),
            ),
        ),
        Page("privacy", "privacy", _t("How we use your information")),
        *_consent_pages(),
        *_about_pages(event),
        *_question_pages(),
        Page(
            "services",
            "help",
            _t("What help would be useful?"),
            (
                Field(
                    "services",
                    _t("What help would be useful?"),
                    "checkboxes",
                    hint=_t("Select all that apply. Leave them all blank if you are not sure."),
                    options=services,
                    option_hints=tuple(SERVICE_HINTS.get(c, "") for c, _ in services),
                ),
            ),
            summary=_t("Help you would like"),
        ),
        Page("check", "check", _t("Check your answers before sending them")),
    ]


def step_of(page: Page, event: Event) -> tuple[int, int]:
    """(N, M) for "Step N of M": the page among every page, so the number moves on each time a
    person does (counting sections left "Step 6 of 8" on screen for fifteen pages)."""
    keys = [p.key for p in build_pages(event)]
    return keys.index(page.key) + 1, len(keys)


def section_title(section: str) -> str:
    return dict(SECTIONS)[section]
