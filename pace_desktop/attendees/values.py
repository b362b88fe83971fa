"""Turning cells into field values: dates typed in any order or stored as serial numbers, whole names
split in two, phone numbers that lost their leading zero, employment status in free words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from pace_desktop.attendees.fields import DATE_FIELDS, fold
from pace_desktop.attendees.sheet import blank
from pace_desktop.records.models import EmploymentStatus

DATE_MESSAGE = "Enter a date like 03/11/1975 (day, month, year)."
FORMULA_MESSAGE = "This cell holds a spreadsheet formula, not a value: type the value itself."
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[./\- ](\d{1,2})[./\- ](\d{1,4})")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm)?$", re.IGNORECASE)


def _year(text: str, past: bool, today: date) -> int:
    year = int(text)
    if len(text) <= 2:
        # Two-digit years: a birth year is never in the future; other dates are within ten years.
        year += 2000
        if year > today.year + (0 if past else 10):
            year -= 100
    return year


def parse_date(
    value: Any,
    *,
    epoch: datetime | None = None,
    month_first: bool = False,
    past: bool = False,
    today: date | None = None,
) -> date | None:
    """A date from a cell: a date cell, an Excel serial number, or text in the usual UK forms.

    Text is read day first ('03/11/1975' is 3 November) unless ``month_first`` (a column that is
    plainly American, see ``month_first_column``). None when blank; else ValueError(DATE_MESSAGE).
    """
    from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

    today = today or date.today()
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(DATE_MESSAGE)
    if isinstance(value, int | float):
        # Serial numbers: 1 is 1 January 1900; 2958465 is 31 December 9999.
        if 1 <= value < 2958466:
            return from_excel(value, epoch or WINDOWS_EPOCH).date()
        raise ValueError(DATE_MESSAGE)
    text = _TIME_TAIL.sub("", " ".join(str(value).split())).strip().rstrip(",")
    if re.fullmatch(r"\d{5}", text):  # a serial number that lost its cell format in a CSV
        return parse_date(int(text), epoch=epoch)
    if re.fullmatch(r"\d{8}", text):  # typed without separators: 12031968 is 12 March 1968
        text = f"{text[:2]}/{text[2:4]}/{text[4:]}"
    try:
        return _text_date(text, month_first, past, today)
    except (ValueError, KeyError, OverflowError):
        raise ValueError(DATE_MESSAGE) from None


def _text_date(text: str, month_first: bool, past: bool, today: date) -> date:
    if m := _NUMERIC_DATE.fullmatch(text):
        a, b, c = m.groups()
        if len(a) == 4:  # ISO year first: 1975-11-03
            return date(int(a), int(b), int(c))
        day, month = (b, a) if month_first else (a, b)
        return date(_year(c, past, today), int(month), int(day))
    words = re.findall(r"[a-z]+|\d+", text.casefold())
    words = [w for w in words if w not in ("st", "nd", "rd", "th", "of")]
    if len(words) == 3:
        if words[0].isdigit() and not words[1].isdigit() and words[2].isdigit():  # 3 Nov 1975
            return date(_year(words[2], past, today), _MONTHS[words[1]], int(words[0]))
        if not words[0].isdigit() and words[1].isdigit() and words[2].isdigit():  # Nov 3 1975
            return date(_year(words[2], past, today), _MONTHS[words[0]], int(words[1]))
    raise ValueError(DATE_MESSAGE)


def month_first_column(values: Iterable[Any]) -> bool:
    """True when a column's dates can only be month-first (some '11/23/1975', none '23/11/1975')."""
    second_big = first_big = False
    for value in values:
        if isinstance(value, str) and (m := _NUMERIC_DATE.fullmatch(value.strip()[:10])):
            a, b, _ = m.groups()
            if len(a) == 4:
                continue
            first_big |= int(a) > 12
            second_big |= int(b) > 12
    return second_big and not first_big


_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "revd", "sir", "dame", "lady", "lord"}
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "du",
    "del",
    "della",
    "la",
    "le",
    "bin",
    "binti",
    "bint",
    "al",
    "el",
    "ibn",
    "mac",
    "mc",
    "nic",
    "ni",
    "st",
    "st.",
    "ap",
    "ó",
    "o",
}


def split_name(full: str) -> tuple[str | None, str, str]:
    """(title, first, last) from one cell: 'MacLeod, Ewan', 'Ewan MacLeod', 'Mr Ewan MacLeod'.

    A comma puts the surname first. Without one, the last word is the surname, taking with it
    particles such as 'van der' or 'bin'; a first word in capitals before mixed-case ones is the
    surname ('MACLEOD Ewan'), as HR systems often write it. Either part may come back empty, and
    the row check then says what is missing.
    """
    text = " ".join(full.split())
    title = None
    if "," in text:
        last, _, first = (part.strip() for part in text.partition(","))
        words = first.split()
        if words and words[0].casefold().rstrip(".") in _TITLES:
            title, first = words[0], " ".join(words[1:])
        return title, first, last
    words = text.split()
    if len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES:
        title = words.pop(0)
    if len(words) <= 1:
        return title, (words[0] if words else ""), ""
    if words[0].isupper() and len(words[0]) > 1 and not all(w.isupper() for w in words):
        return title, " ".join(words[1:]), words[0]
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return title, " ".join(words[:cut]), " ".join(words[cut:])


def _text(value: Any) -> str | None:
    """A cell as text: whole numbers without '.0', dates as ISO; None for blank."""
    if blank(value):
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip()[:1] in ("=", "@")


def _phone(value: Any) -> str | None:
    # A phone column stored as numbers loses its leading zero (7700900123 was 07700 900123), in the
    # workbook or in a CSV saved from it; ten digits starting like a UK number get the zero back.
    text = _text(value)
    if text and text.isdigit() and len(text) == 10 and text[0] in "123578":
        return "0" + text
    return text


def _status(value: Any) -> EmploymentStatus | str | None:
    text = fold(_text(value) or "")
    if not text:
        return None
    if "redundan" in text and "notice" not in text:
        return EmploymentStatus.redundant
    if "notice" in text:
        return EmploymentStatus.under_notice
    if "risk" in text:
        return EmploymentStatus.at_risk
    return EmploymentStatus.other


def _years(value: Any) -> Any:
    if isinstance(value, str) and (m := re.search(r"\d+(\.\d+)?", value)):
        return float(m.group())
    return _text(value) if isinstance(value, str) else value


def convert(name: str, value: Any, epoch: datetime | None, month_first: bool, today: date | None) -> Any:
    """The value of field ``name`` from one cell; ValueError with the message to show when it is wrong."""
    if name in DATE_FIELDS:
        return parse_date(
            value, epoch=epoch, month_first=month_first, past=name == "date_of_birth", today=today
        )
    if name == "phone":
        return _phone(value)
    if name == "employment_status":
        return _status(value)
    if name == "length_of_service_years":
        return _years(value)
    return _text(value)
