"""When follow-up contacts fall due, and which checkpoint an outcome answers.

A person comes due at each checkpoint (3, 6 and 12 months after their leaving date by default) if,
and only if, their latest answer for the follow-up purpose is a yes not withdrawn. An outcome dated
from ``GRACE_DAYS`` before a checkpoint up to ``GRACE_DAYS`` before the next one answers that
checkpoint; the last checkpoint's window has no end.

"In work" means an outcome of in work or self-employed. "Sustained" at a checkpoint means in work
at that checkpoint and at the one before it (6 months: at 3 and 6; 12 months: at 6 and 12).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pace_desktop.errors import UsageError
from pace_desktop.records.enums import OutcomeStatus

DEFAULT_MONTHS: tuple[int, ...] = (3, 6, 12)
GRACE_DAYS = 14
FOLLOWUP_PURPOSE = "contact_followup"
SURVEY_PURPOSE = "client_survey"
PURPOSES = (FOLLOWUP_PURPOSE, SURVEY_PURPOSE)
IN_WORK = frozenset({OutcomeStatus.in_work.value, OutcomeStatus.self_employed.value})
KNOWN = frozenset(m.value for m in OutcomeStatus if m is not OutcomeStatus.unknown)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_months(text: str) -> tuple[int, ...]:
    """'3,6,12' -> (3, 6, 12); a clear message for anything else."""
    try:
        months = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise UsageError(
            "Give the follow-up months as whole numbers separated by commas, e.g. 3,6,12."
        ) from None
    if not months or months[0] < 1 or months[-1] > 60:
        raise UsageError("Give follow-up months from 1 to 60, e.g. 3,6,12.")
    return months


@dataclass(frozen=True)
class Checkpoint:
    months: int
    due: date
    window_start: date
    window_end: date | None  # exclusive; None for the last checkpoint

    def holds(self, day: date) -> bool:
        return day >= self.window_start and (self.window_end is None or day < self.window_end)


def checkpoints(leaving: date, months: Sequence[int] = DEFAULT_MONTHS) -> list[Checkpoint]:
    dues = [add_months(leaving, m) for m in months]
    out = []
    for i, (m, due) in enumerate(zip(months, dues, strict=True)):
        end = dues[i + 1] - timedelta(days=GRACE_DAYS) if i + 1 < len(dues) else None
        out.append(Checkpoint(m, due, due - timedelta(days=GRACE_DAYS), end))
    return out


def status_at(
    outcomes: Iterable[tuple[date, str]], leaving: date, months: Sequence[int] = DEFAULT_MONTHS
) -> dict[int, str]:
    """Checkpoint month -> the status recorded for it (the latest dated outcome in its window).

    Checkpoints with no outcome in their window are left out; 'unknown' is kept as recorded.
    """
    points = checkpoints(leaving, months)
    best: dict[int, tuple[date, str]] = {}
    for day, status in outcomes:
        for point in points:
            if point.holds(day) and (point.months not in best or day >= best[point.months][0]):
                best[point.months] = (day, status)
    return {m: status for m, (_, status) in best.items()}


def sustained(statuses: dict[int, str], months: Sequence[int], at: int) -> bool | None:
    """In work at checkpoint ``at`` and at the one before it; None when either is not known."""
    if at not in months:
        return None
    i = list(months).index(at)
    wanted = [months[i - 1], at] if i > 0 else [at]
    known = [statuses.get(m) for m in wanted]
    if any(s not in KNOWN for s in known):
        return None
    return all(s in IN_WORK for s in known)
