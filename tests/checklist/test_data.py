"""The shipped checklist holds the ltu-1 questions, points and bands; a broken copy is refused in one line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.checklist import PREFER_NOT_TO_SAY, ChecklistDataError, load_checklist
from pace_desktop.errors import PaceError
from pace_desktop.paths import resource

SHIPPED = resource("checklist", "ltu-1.json")
STARS = {"q1": 3, "q2": 3, "q3": 3, "q4": 3, "q5": 3, "q6": 3, "q7": 2, "q8": 2, "q9": 2, "q10": 1}


def test_shipped_file_loads_with_the_ten_questions_and_their_stars() -> None:
    checklist = load_checklist()
    assert checklist.version == "ltu-1"
    assert {q.id: q.stars for q in checklist.questions} == STARS
    assert checklist.max_score == 25
    assert load_checklist() is checklist  # the default is read once
    assert checklist.notes  # the thresholds come with their reasons


def test_parts_named_in_the_brief_exist_and_age_and_area_are_not_asked() -> None:
    checklist = load_checklist()
    parts = {q.id: [p.id for p in q.parts] for q in checklist.questions}
    assert parts["q2"] == ["q2_licence", "q2_vehicle"]
    assert len(parts["q6"]) == 3 and len(parts["q8"]) == 3
    assert parts["q9"] == ["q9_physical", "q9_mental", "q9_disability"]
    assert parts["q3"] == [] and parts["q7"] == []
    answerable = {p.id for p in checklist.answerable_parts()}
    assert answerable == {pid for ids in parts.values() for pid in ids}
    assert checklist.part("q2_licence").client_text


def test_every_part_offers_prefer_not_to_say_scoring_nothing() -> None:
    for part in load_checklist().answerable_parts():
        option = part.option(PREFER_NOT_TO_SAY)
        assert option is not None and option.points == 0, part.id


def test_every_question_can_reach_exactly_its_stars_and_no_more() -> None:
    for question in load_checklist().questions:
        assert min(question.max_points(), question.stars) == question.stars, question.id


def test_kiosk_wording_is_short_and_second_person() -> None:
    for part in load_checklist().answerable_parts():
        assert len(part.client_text.split()) <= 25, part.id
        assert "you" in part.client_text.lower(), part.id
        assert part.client_text.endswith("?"), part.id


@pytest.mark.parametrize(
    ("score", "band"), [(0, "low"), (7, "low"), (8, "medium"), (13, "medium"), (14, "high"), (25, "high")]
)
def test_bands_at_the_thresholds(score: int, band: str) -> None:
    assert load_checklist().band_for(score) == band


def _question(raw: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in raw["questions"] if q["id"] == qid)


def _no_options(raw: dict[str, Any]) -> None:
    _question(raw, "q4")["parts"][0]["options"] = []


def _no_prefer(raw: dict[str, Any]) -> None:
    part = _question(raw, "q5")["parts"][0]
    part["options"] = [o for o in part["options"] if o["value"] != PREFER_NOT_TO_SAY]


def _missing_stars(raw: dict[str, Any]) -> None:
    del _question(raw, "q5")["stars"]


def _bad_points(raw: dict[str, Any]) -> None:
    _question(raw, "q1")["parts"][0]["options"][3]["points"] = "lots"


def _typo(raw: dict[str, Any]) -> None:
    _question(raw, "q10")["parts"][0]["client_txt"] = "Typo"


def _unreachable(raw: dict[str, Any]) -> None:
    _question(raw, "q7")["computed"]["points_above_scotland"] = 1


def _bands_backwards(raw: dict[str, Any]) -> None:
    raw["bands"][2]["min_score"] = 5


def _age_points(raw: dict[str, Any]) -> None:
    _question(raw, "q3")["computed"]["bands"][1]["points"] = -1


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (_no_options, "Checklist file: question q4 has no options."),
        (_no_prefer, "Checklist file: part q5_dependants needs a 'prefer_not_to_say' option scoring 0."),
        (_missing_stars, "Checklist file: question q5, field 'stars': Field required."),
        (
            _bad_points,
            "Checklist file: question q1, part q1_qualification, option none, "
            "field 'points': Input should be a valid integer, unable to parse string as "
            "an integer.",
        ),
        (
            _typo,
            "Checklist file: question q10, part q10_parent_in_work, field 'client_txt': "
            "Extra inputs are not permitted.",
        ),
        (_unreachable, "Checklist file: question q7 can never reach its 2 stars."),
        (
            _bands_backwards,
            "Checklist file: band thresholds must be low 0, then medium, then high, each higher.",
        ),
        (
            _age_points,
            "Checklist file: question q3, field 'computed', band number 2, field 'points': "
            "Input should be greater than or equal to 0.",
        ),
    ],
)
def test_a_broken_copy_is_refused_in_one_clear_line(
    tmp_path: Path, break_it: Callable[[dict[str, Any]], None], message: str
) -> None:
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    break_it(raw)
    path = tmp_path / "ltu-1.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ChecklistDataError) as caught:
        load_checklist(path)
    assert isinstance(caught.value, PaceError)
    assert str(caught.value) == message


def test_truncated_and_missing_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "ltu-1.json"
    shutil.copy(SHIPPED, path)
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")
    with pytest.raises(ChecklistDataError, match=r"^Checklist file is not valid JSON \(line \d+"):
        load_checklist(path)
    with pytest.raises(ChecklistDataError, match="^Checklist file not found: "):
        load_checklist(tmp_path / "absent.json")
