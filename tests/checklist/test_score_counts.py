"""When a checklist score counts: the one rule the client's headline and the event's list share."""

from __future__ import annotations

from pace_desktop.checklist import (
    NOT_ENOUGH_ANSWERS,
    NOT_SCORED,
    PREFER_NOT_TO_SAY,
    band_in_use,
    load_checklist,
    not_scored_reason,
    score_counts,
)

CHECKLIST = load_checklist()


def test_nothing_answered_is_not_scored_not_low():
    assert not score_counts({})
    assert band_in_use("low", {}, None) is None
    assert not_scored_reason({}) == NOT_SCORED


def test_only_prefer_not_to_say_is_not_enough_to_score():
    answers = {p.id: PREFER_NOT_TO_SAY for p in CHECKLIST.answerable_parts()}
    assert not score_counts(answers)
    assert band_in_use("low", answers, None) is None
    assert not_scored_reason(answers) == NOT_ENOUGH_ANSWERS


def test_one_real_answer_counts_and_an_override_always_wins():
    assert band_in_use("low", {"q5_dependants": "no"}, None) == "low"
    assert band_in_use("low", {}, "high") == "high"
    assert band_in_use("low", {"q5_dependants": "no"}, "high") == "high"
