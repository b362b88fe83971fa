"""The kiosk's pages, the checks on each answer, and moving through them: no Qt, no store."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.checklist import load_checklist
from pace_desktop.registration.kiosk.checks import page_keys, validate_page
from pace_desktop.registration.kiosk.flow import KioskFlow
from pace_desktop.registration.kiosk.mode import ExitGuard
from pace_desktop.registration.kiosk.pages import build_pages, consent_field, step_of
from tests.kiosk.answers import full_answers, make_event

TODAY = date(2026, 11, 1)


def _page(key: str):
    return next(p for p in build_pages(make_event()) if p.key == key)


def _flow() -> KioskFlow:
    return KioskFlow(make_event(), today=TODAY)


def _answer_to(flow: KioskFlow, key: str) -> None:
    answers = full_answers()
    while flow.page.key != key:
        errors = flow.advance({k: answers.get(k, "") for k in page_keys(flow.page)})
        assert errors == {}, (flow.page.key, errors)


def test_the_pages_follow_the_briefs_order_one_question_each() -> None:
    keys = [p.key for p in build_pages(make_event())]
    assert keys[:3] == ["welcome", "privacy", "consent_support"]
    assert (
        keys.index("consent_support")
        < keys.index("name")
        < keys.index("job")
        < keys.index("q1_qualification")
        < keys.index("services")
        < keys.index("check")
        == len(keys) - 1
    )
    # Every part of the checklist a person answers has its own page, worded for the client.
    for part in load_checklist().answerable_parts():
        page = _page(part.id)
        assert page.heading == part.client_text
        assert [label for _v, label in page.fields[0].options] == [o.kiosk_label for o in part.options]


def test_every_page_says_step_n_of_m_and_each_page_moves_it_on() -> None:
    event = make_event()
    pages = build_pages(event)
    steps = [step_of(p, event) for p in pages]
    assert steps == [(n, len(pages)) for n in range(1, len(pages) + 1)]


def test_the_employer_is_named_where_the_page_asks_about_the_job() -> None:
    assert _page("job").heading_text(make_event()) == "What is your job at Clydeside Test Fabrication?"


def test_nothing_is_pre_answered_and_each_consent_is_its_own_yes_no() -> None:
    flow = _flow()
    assert flow.answers == {}
    consent_pages = [p for p in flow.pages if p.section == "consent"]
    fields = [f for p in consent_pages for f in p.fields]
    assert all(f.kind == "radio" and [v for v, _ in f.options] == ["yes", "no"] for f in fields)
    assert {f.name for f in fields} >= {consent_field("pace_support"), consent_field("share_DWP")}
    assert all(f.required for f in fields)  # a choice must be made; no box is ticked for anyone


def test_required_answers_get_plain_messages() -> None:
    errors = validate_page(_page("name"), {"first_name": " ", "last_name": ""})
    assert errors == {"first_name": "Enter your first name", "last_name": "Enter your last name"}
    assert validate_page(_page("consent_support"), {}) == {
        consent_field("pace_support"): "Select yes if SDS can keep your details, or no if not"
    }


def test_date_of_birth_messages_follow_the_govuk_pattern() -> None:
    dob = _page("dob")

    def check(day: str, month: str, year: str) -> str | None:
        values = {"date_of_birth.day": day, "date_of_birth.month": month, "date_of_birth.year": year}
        return validate_page(dob, values, today=TODAY).get("date_of_birth")

    assert check("", "", "") == "Enter your date of birth"
    assert check("3", "", "1968") == "Date of birth must include a month"
    assert check("", "", "1968") == "Date of birth must include a day and month"
    assert check("31", "2", "1980") == "Date of birth must be a real date"
    assert check("3", "11", "68") == "Year must include 4 numbers"
    assert check("x", "11", "1968") == "Date of birth must be a real date, in numbers"
    assert check("1", "1", "2030") == "Date of birth must be in the past"
    assert check("3", "11", "1968") is None


def test_optional_details_are_checked_only_when_given() -> None:
    contact = _page("contact")
    assert validate_page(contact, {"phone": "", "email": ""}) == {}
    assert validate_page(contact, {"phone": "12", "email": "nope"}) == {
        "phone": "Enter a UK phone number like 07700 900123 or 0131 496 0000",
        "email": "Enter an email address like name@example.com",
    }
    assert validate_page(_page("ni"), {"ni_number": "jt 12 34 56 a"}) == {}
    assert "ni_number" in validate_page(_page("ni"), {"ni_number": "DA123456A"})
    assert "years_service" in validate_page(_page("job"), {"years_service": "lots"})


def test_messages_go_through_the_given_translation() -> None:
    errors = validate_page(_page("name"), {}, tr=lambda s: f"<{s}>")
    assert errors["first_name"] == "<Enter your first name>"
    dob_errors = validate_page(
        _page("dob"),
        {"date_of_birth.day": "3", "date_of_birth.year": "1968"},
        tr=lambda s: s.upper() if s == "Date of birth" else f"<{s}>",
    )
    assert dob_errors["date_of_birth"] == "<DATE OF BIRTH must include a month>"


def test_an_unusual_age_is_asked_about_once_then_accepted() -> None:
    flow = _flow()
    _answer_to(flow, "dob")
    young = {"date_of_birth.day": "1", "date_of_birth.month": "1", "date_of_birth.year": "2015"}
    first = flow.advance(young)
    assert "under 16" in first["date_of_birth"] and flow.page.key == "dob"
    assert flow.advance(young) == {} and flow.page.key == "address"


def test_back_and_change_keep_answers_and_return_to_check_your_answers() -> None:
    flow = _flow()
    _answer_to(flow, "check")
    assert flow.answers["first_name"] == "Zofia"
    flow.change("contact")
    assert flow.page.key == "contact" and flow.changing
    assert flow.advance({"phone": "07700 900999", "email": ""}) == {}
    assert flow.page.key == "check" and flow.answers["phone"] == "07700 900999"
    flow.change("name")
    flow.back()
    assert flow.page.key == "check"
    flow.back()
    assert flow.page.key == "services"


def test_saying_no_to_pace_support_drops_everything_at_once() -> None:
    flow = _flow()
    _answer_to(flow, "check")
    flow.change("consent_support")
    assert flow.advance({consent_field("pace_support"): "no"}) == {}
    assert flow.state == "declined" and flow.answers == {}
    flow.back()
    assert flow.state == "declined"


def test_after_sending_nothing_is_kept_and_back_goes_nowhere() -> None:
    flow = _flow()
    _answer_to(flow, "check")
    flow.sent()
    assert flow.answers == {} and flow.index == 0 and flow.state == "sent"
    flow.back()
    assert flow.index == 0


def test_first_invalid_finds_the_page_that_needs_fixing() -> None:
    flow = _flow()
    flow.answers.update(full_answers(postcode="not a postcode"))
    key, errors = flow.first_invalid()
    assert key == "address" and "postcode" in errors
    flow.answers.update(full_answers())
    assert flow.first_invalid() is None


def test_guessing_the_exit_passphrase_waits_longer_each_time() -> None:
    now = [100.0]
    guard = ExitGuard(clock=lambda: now[0])
    guard.failed()
    guard.failed()
    assert guard.wait_seconds() == 0
    guard.failed()
    assert guard.wait_seconds() == 30
    now[0] += 31
    guard.failed()
    assert guard.wait_seconds() == 60
    guard.succeeded()
    assert guard.wait_seconds() == 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=6), st.text(max_size=6), st.text(max_size=8))
def test_any_typing_in_the_date_boxes_gets_a_message_or_a_real_date(day, month, year) -> None:
    values = {"date_of_birth.day": day, "date_of_birth.month": month, "date_of_birth.year": year}
    errors = validate_page(_page("dob"), values, today=TODAY)
    if "date_of_birth" not in errors:
        born = date(int(year), int(month), int(day))
        assert born < TODAY
    else:
        assert errors["date_of_birth"] and "\n" not in errors["date_of_birth"]


def test_the_privacy_notice_says_truly_which_answers_are_needed() -> None:
    """The notice names what must be given; everything else can be left blank or has 'Prefer not
    to say'. A required question added without either would make the notice untrue."""
    from pace_desktop.privacy_notice import current_notice

    text = current_notice().text
    assert "skip any question" not in text
    named = {"first_name", "last_name", "date_of_birth", "employment_status"}
    for phrase in (
        "your name",
        "date of birth",
        "what is happening with your job",
        "yes or no for each use",
        '"Prefer not to say"',
    ):
        assert phrase in text, phrase
    for page in build_pages(make_event()):
        for f in page.fields:
            if not f.required or f.name in named or f.name.startswith("consent."):
                continue
            assert page.section == "questions", f.name
            assert "prefer_not_to_say" in {value for value, _ in f.options}, f.name
