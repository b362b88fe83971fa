"""How dates, times and bands read on the client record: '3 Nov 2026', '3 Nov 2026 at 14:05'."""

from __future__ import annotations

from datetime import date, datetime

from pace_desktop.records.enums import BAND_LABELS

BAND_OBJECT_NAMES = {"low": "bandLow", "medium": "bandMedium", "high": "bandHigh"}


def day(value: date | None) -> str:
    # No '%-d': Windows' strftime does not know it, and the app runs there.
    return f"{value.day} {value.strftime('%b %Y')}" if value else ""


def when(value: datetime | None) -> str:
    """A stored UTC time in the laptop's local time."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{day(local.date())} at {local.strftime('%H:%M')}"


def band(value: str | None) -> str:
    return BAND_LABELS.get(value or "", "")
