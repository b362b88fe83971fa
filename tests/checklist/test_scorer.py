"""Scoring follows the ltu-1 checklist: each factor pushes the way the research says, capped at its stars."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.checklist import (
    PREFER_NOT_TO_SAY,
    ChecklistDataError,
    ChecklistOutcome,
    explain,
    load_checklist,
    score,
)
from pace_desktop.errors import ValidationFailed
from pace_desktop.reference import SCOTLAND_GSS, AreaRate, area_rates

CHECKLIST = load_checklist()
EVENT = date(2026, 3, 2)
TODAY = date(2026, 3, 2)
GLASGOW, ABERDEENSHIRE = "S12000049", "S12000034"


def run(
    answers: dict[str, str] | None = None,
    *,
    born: date | None = date(1990, 6, 1),
    area: str | None = ABERDEENSHIRE,
    **kwargs: object,
) -> ChecklistOutcome:
    kwargs.setdefault("today", TODAY)
    return score(CHECKLIST, answers or {}, date_of_birth=born, event_date=EVENT, council_area=area, **kwargs)  # type: ignore[arg-type]


def riskiest() -> dict[str, str]:
    return {p.id: max(p.options, key=lambda o: o.points).value for p in CHECKLIST.answerable_parts()}


def safest() -> dict[str, str]:
    return {
        p.id: min(p.options, key=lambda o: (o.points, o.value == PREFER_NOT_TO_SAY)).value
        for p in CHECKLIST.answerable_parts()
    }


def part_points(outcome: ChecklistOutcome, question_id: str) -> int:
    return sum(c.points for c in outcome.contributions if c.question_id == question_id)


@pytest.mark.parametrize(
    ("part_id", "risky", "safe"),
    [
        ("q1_qualification", "none", "scqf_7_plus"),
        ("q1_qualification", "scqf_1_4", "scqf_5_6"),
        ("q2_licence", "no", "yes"),
        ("q2_vehicle", "no", "yes"),
        ("q4_household", "alone", "with_partner"),
        ("q5_dependants", "yes", "no"),
        ("q6_confidence", "not_at_all", "very"),
        ("q6_expectation", "no", "yes"),
        ("q6_luck_or_effort", "luck", "effort"),
        ("q8_searching", "no", "yes"),
        ("q8_interviews", "no", "yes"),
        ("q8_employer_contact", "no", "yes"),
        ("q9_physical", "a_lot", "no_limits"),
        ("q9_mental", "some_limits", "no_limits"),
        ("q9_disability", "yes", "no"),
        ("q10_parent_in_work", "no", "yes"),
    ],
)
def test_each_factor_points_the_way_the_research_says(part_id: str, risky: str, safe: str) -> None:
    base = safest()
    assert run({**base, part_id: risky}).score > run({**base, part_id: safe}).score


def test_no_licence_weighs_more_than_no_vehicle() -> None:
    base = safest()
    assert run({**base, "q2_licence": "no"}).score > run({**base, "q2_vehicle": "no"}).score


def test_older_scores_more_than_younger_at_the_event_date() -> None:
    by_age = [run(born=date(EVENT.year - age, 1, 1)).score for age in (20, 30, 40, 50)]
    assert by_age == sorted(by_age) and by_age[0] < by_age[-1]
    assert part_points(run(born=date(EVENT.year - 20, 1, 1)), "q3") == 0
    assert part_points(run(born=date(EVENT.year - 50, 1, 1)), "q3") == 3
    # Age is taken on the event date: a 45th birthday that day counts, the day after does not.
    assert part_points(run(born=date(1981, 3, 2)), "q3") == 3
    assert part_points(run(born=date(1981, 3, 3)), "q3") == 2


def test_area_above_scotland_scores_and_below_does_not() -> None:
    glasgow, shire = run(area=GLASGOW), run(area=ABERDEENSHIRE)
    assert part_points(glasgow, "q7") == 2 and part_points(shire, "q7") == 0
    line = next(c.answer_label for c in glasgow.contributions if c.question_id == "q7")
    assert "Glasgow City" in line and "2006" in line


def test_unknown_or_missing_area_scores_nothing_and_says_so() -> None:
    for area in (None, "S12999999", SCOTLAND_GSS):
        outcome = run(area=area)
        assert part_points(outcome, "q7") == 0
        assert "q7" in outcome.unanswered
        assert "Council area not known: the area question scores nothing." in outcome.notes


def test_old_area_figures_are_flagged_with_their_year() -> None:
    outcome = run(area=GLASGOW, today=date(2026, 1, 1))
    assert outcome.area_as_of == 2006 and outcome.area_data_stale
    assert "Area unemployment figures are from 2006, more than two years old." in outcome.notes
    fresh = {k: AreaRate(r.gss_code, r.name, r.rate_pct, 2025, r.source) for k, r in area_rates().items()}
    recent = run(area=GLASGOW, area_rates=fresh, today=date(2026, 1, 1))
    assert recent.area_as_of == 2025 and not recent.area_data_stale
    assert not any("more than two years" in n for n in recent.notes)


def test_area_file_without_a_scotland_row_is_refused() -> None:
    rates = {k: r for k, r in area_rates().items() if k != SCOTLAND_GSS}
    with pytest.raises(ChecklistDataError, match="no Scotland row"):
        run(area_rates=rates)


def test_all_prefer_not_to_say_is_low_with_every_part_unanswered() -> None:
    answers = {p.id: PREFER_NOT_TO_SAY for p in CHECKLIST.answerable_parts()}
    outcome = run(answers, born=None, area=None)
    assert outcome.score == 0 and outcome.band == "low" and outcome.contributions == ()
    assert set(outcome.unanswered) == set(answers) | {"q3", "q7"}
    assert "Date of birth not given: the age question scores nothing." in outcome.notes
    assert run({}, born=None, area=None).unanswered == outcome.unanswered


def test_riskiest_answers_reach_the_maximum_and_high_band() -> None:
    outcome = run(riskiest(), born=date(1960, 1, 1), area=GLASGOW)
    assert outcome.score == outcome.max_score == 25 and outcome.band == "high"
    for question in CHECKLIST.questions:
        assert part_points(outcome, question.id) == question.stars


def test_cap_is_shared_so_contributions_add_up_to_the_score() -> None:
    outcome = run({"q8_searching": "no", "q8_interviews": "no", "q8_employer_contact": "no"})
    q8 = [c for c in outcome.contributions if c.question_id == "q8"]
    assert [c.part_id for c in q8] == ["q8_searching", "q8_interviews", "q8_employer_contact"]
    assert [c.points for c in q8] == [1, 1, 0]
    assert sum(c.points for c in outcome.contributions) == outcome.score


def test_explain_reads_plainly_for_the_adviser() -> None:
    lines = explain(run({"q2_licence": "no", "q1_qualification": PREFER_NOT_TO_SAY}, area=GLASGOW))
    assert lines[0].startswith("Score ") and lines[0].endswith("risk.")
    assert "No full clean driving licence (★★★ question): +2" in lines
    assert any(
        line.startswith("Lives in Glasgow City") and line.endswith("(★★ question): +2") for line in lines
    )
    assert any("not given or 'prefer not to say'" in line for line in lines)
    assert "Area unemployment figures are from 2006, more than two years old." in lines


def test_outcome_round_trips_through_json() -> None:
    outcome = run(riskiest(), area=GLASGOW)
    text = outcome.model_dump_json()
    assert json.loads(text)["band"] == outcome.band
    assert ChecklistOutcome.model_validate_json(text) == outcome


def test_bad_answers_are_refused_naming_the_question_not_the_person() -> None:
    with pytest.raises(ValidationFailed) as caught:
        run({"q4_household": "Morag MacLeod"})
    assert str(caught.value) == (
        "Checklist question q4 (Living arrangements): that answer is not one of its options."
    )
    assert caught.value.field_errors == {"q4_household": "Not one of the options."}
    with pytest.raises(ValidationFailed, match="does not exist: q3"):
        run({"q3": "50"})
    with pytest.raises(ValidationFailed, match="^Date of birth is after the event date"):
        run(born=date(2027, 1, 1))


PARTS = CHECKLIST.answerable_parts()
answer_sets = st.fixed_dictionaries({p.id: st.sampled_from([o.value for o in p.options]) for p in PARTS})


@settings(max_examples=150, deadline=None)
@given(
    answers=answer_sets,
    part_index=st.integers(0, len(PARTS) - 1),
    age=st.integers(16, 70),
    area=st.sampled_from([GLASGOW, ABERDEENSHIRE, None]),
)
def test_a_riskier_answer_never_lowers_the_total(
    answers: dict[str, str], part_index: int, age: int, area: str | None
) -> None:
    born = date(EVENT.year - age, 1, 1)
    before = run(answers, born=born, area=area)
    assert 0 <= before.score <= before.max_score
    assert sum(c.points for c in before.contributions) == before.score
    part = PARTS[part_index]
    current = part.option(answers[part.id])
    assert current is not None
    for option in part.options:
        if option.points > current.points:
            after = run({**answers, part.id: option.value}, born=born, area=area)
            assert after.score >= before.score
