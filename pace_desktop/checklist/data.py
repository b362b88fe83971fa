"""The risk checklist's questions, options, points and bands, read and checked from its JSON file.

Everything the scorer weighs lives in the data file, so changing a threshold or a label is an edit
to ``resources/checklist/ltu-1.json`` and never to code. A malformed file is refused in one line.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pace_desktop.errors import PaceError
from pace_desktop.paths import resource

Band = Literal["low", "medium", "high"]
PREFER_NOT_TO_SAY = "prefer_not_to_say"


class ChecklistDataError(PaceError):
    """The checklist file is missing or malformed."""


class _Frozen(BaseModel):
    # extra="forbid" so a misspelt key in the file is refused rather than silently ignored.
    model_config = ConfigDict(frozen=True, extra="forbid")


class Option(_Frozen):
    value: str = Field(min_length=1)
    label: str = Field(min_length=1)
    points: int = Field(ge=0)
    client_label: str | None = None  # plainer wording for the kiosk, when the label is jargon
    summary: str | None = None  # how the answer reads in an explanation, e.g. "No vehicle"

    @property
    def kiosk_label(self) -> str:
        return self.client_label or self.label


class Part(_Frozen):
    id: str = Field(min_length=1)
    adviser_text: str = Field(min_length=1)
    client_text: str = Field(min_length=1)
    options: tuple[Option, ...]

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


class AgeBand(_Frozen):
    from_age: int = Field(ge=0)
    label: str = Field(min_length=1)
    points: int = Field(ge=0)


class AgeRule(_Frozen):
    kind: Literal["age"]
    bands: tuple[AgeBand, ...]


class AreaRule(_Frozen):
    kind: Literal["area"]
    points_above_scotland: int = Field(ge=0)


class Question(_Frozen):
    id: str = Field(min_length=1)
    stars: int = Field(ge=1, le=5)
    title: str = Field(min_length=1)
    parts: tuple[Part, ...] = ()
    computed: Annotated[AgeRule | AreaRule, Field(discriminator="kind")] | None = None

    def max_points(self) -> int:
        """The riskiest combination's points before the cap at ``stars``."""
        if isinstance(self.computed, AgeRule):
            return max((b.points for b in self.computed.bands), default=0)
        if isinstance(self.computed, AreaRule):
            return self.computed.points_above_scotland
        return sum(max((o.points for o in p.options), default=0) for p in self.parts)


class BandThreshold(_Frozen):
    band: Band
    min_score: int = Field(ge=0)


class Checklist(_Frozen):
    version: str = Field(min_length=1)
    notes: tuple[str, ...] = ()
    bands: tuple[BandThreshold, ...]
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Checklist:
        _check_bands(self.bands)
        seen: set[str] = set()
        for q in self.questions:
            _check_question(q, seen)
        return self

    @property
    def max_score(self) -> int:
        return sum(q.stars for q in self.questions)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def part(self, part_id: str) -> Part:
        for q in self.questions:
            for p in q.parts:
                if p.id == part_id:
                    return p
        raise KeyError(part_id)

    def answerable_parts(self) -> tuple[Part, ...]:
        """The parts a person answers, in order (the computed age and area questions have none)."""
        return tuple(p for q in self.questions for p in q.parts)

    def band_for(self, score: int) -> Band:
        return max((b for b in self.bands if score >= b.min_score), key=lambda b: b.min_score).band


def _check_bands(bands: tuple[BandThreshold, ...]) -> None:
    names = [b.band for b in bands]
    if sorted(names) != ["high", "low", "medium"]:
        raise ValueError("bands must be exactly low, medium and high")
    by_name = {b.band: b.min_score for b in bands}
    if not by_name["low"] == 0 < by_name["medium"] < by_name["high"]:
        raise ValueError("band thresholds must be low 0, then medium, then high, each higher")


def _check_question(q: Question, seen: set[str]) -> None:
    """Refuse a question the scorer cannot use, or whose riskiest answers cannot reach its stars."""
    if q.id in seen:
        raise ValueError(f"question id {q.id} is used twice")
    seen.add(q.id)
    if q.computed is not None and q.parts:
        raise ValueError(f"question {q.id} is computed and must not have parts")
    if q.computed is None and not q.parts:
        raise ValueError(f"question {q.id} has no parts")
    if isinstance(q.computed, AgeRule):
        ages = [b.from_age for b in q.computed.bands]
        if not ages or ages[0] != 0 or ages != sorted(set(ages)):
            raise ValueError(f"question {q.id} age bands must start at 0 and rise")
    for p in q.parts:
        if p.id in seen:
            raise ValueError(f"part id {p.id} is used twice")
        seen.add(p.id)
        if not p.options:
            raise ValueError(f"question {q.id} has no options")
        values = [o.value for o in p.options]
        if len(values) != len(set(values)):
            raise ValueError(f"part {p.id} has an answer value used twice")
        pnts = p.option(PREFER_NOT_TO_SAY)
        if pnts is None or pnts.points != 0:
            raise ValueError(f"part {p.id} needs a '{PREFER_NOT_TO_SAY}' option scoring 0")
        if any(o.points and not o.summary for o in p.options):
            raise ValueError(f"part {p.id} has a scoring option without a summary")
    if q.max_points() < q.stars:
        raise ValueError(f"question {q.id} can never reach its {q.stars} stars")


def _where(loc: tuple[int | str, ...], raw: Any) -> str:
    """Name the place in the file an error points at by ids ("question q4, part q4_household")."""
    names = {"questions": "question", "parts": "part", "options": "option", "bands": "band"}
    words: list[str] = []
    node, key = raw, None
    for step in loc:
        if key == "computed" and step in ("age", "area"):
            continue  # pydantic's union tag, not a key in the file
        node = node[step] if _has(node, step) else None
        if isinstance(step, int) and key in names:
            ident = None
            if isinstance(node, dict):
                ident = node.get("id") or node.get("value") or node.get("band")
            if not (isinstance(ident, str) and ident.isprintable() and len(ident) <= 40):
                ident = None  # only a short id names the place; anything else would flood the line
            words.append(f"{names[str(key)]} {ident or f'number {step + 1}'}")
        elif isinstance(step, str) and step not in names:
            words.append(f"field '{step}'")
        key = step
    return ", ".join(words)


def _has(node: Any, step: int | str) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def _parse(path: Path) -> Checklist:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ChecklistDataError(f"Checklist file not found: {path}.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ChecklistDataError(f"Checklist file could not be read: {err}.") from None
    except json.JSONDecodeError as err:
        raise ChecklistDataError(
            f"Checklist file is not valid JSON (line {err.lineno}, column {err.colno})."
        ) from None
    except (RecursionError, ValueError):
        # Nested too deep for the parser, or a number too long to convert: not a checklist.
        raise ChecklistDataError(
            "Checklist file is not a checklist: its JSON is nested or sized "
            "beyond anything the checklist uses."
        ) from None
    try:
        return Checklist.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        msg = str(first["msg"]).removeprefix("Value error, ")
        where = _where(tuple(first["loc"]), raw)
        line = f"{where}: {msg}" if where else msg
        line = " ".join(line.split())[:300]  # one line, whatever ids the file holds
        raise ChecklistDataError(f"Checklist file: {line.rstrip('.')}.") from None


@cache
def _default() -> Checklist:
    return _parse(resource("checklist", "ltu-1.json"))


def load_checklist(path: Path | None = None) -> Checklist:
    """The checklist in ``path``, or the shipped ``ltu-1`` (read once and cached)."""
    return _default() if path is None else _parse(path)
