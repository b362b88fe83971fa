"""The fields a column can fill, and guessing them from the column headings.

Headings are compared after folding case, accents and punctuation, so 'D.O.B.' and 'E-mail' match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

FULL_NAME = "full_name"
FIELDS: dict[str, str] = {
    FULL_NAME: "Full name (split into first and last)",
    "first_name": "First name",
    "last_name": "Last name",
    "title": "Title",
    "preferred_name": "Preferred name",
    "date_of_birth": "Date of birth",
    "gender": "Gender",
    "address": "Address (several columns are joined)",
    "postcode": "Postcode",
    "phone": "Phone",
    "email": "Email",
    "ni_number": "National Insurance number",
    "job_title": "Job title",
    "employment_status": "Employment status",
    "length_of_service_years": "Length of service (years)",
    "notice_date": "Notice date",
    "expected_leaving_date": "Expected leaving date",
    "notes": "Notes",
}
# Short names for row problems ("Row 7: Date of birth: ...").
PROBLEM_LABELS = {k: v.split(" (")[0] for k, v in FIELDS.items()} | {FULL_NAME: "Name"}
DATE_FIELDS = frozenset({"date_of_birth", "notice_date", "expected_leaving_date"})
MULTI_COLUMN_FIELDS = frozenset({"address", "notes"})

# Heading words, compared after folding case and punctuation. Phrases marked '=' (exact only) are
# too generic to be spotted inside a longer heading ("Line manager name" is not the attendee's).
_HEADINGS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "first name",
        "first names",
        "forename",
        "forenames",
        "given name",
        "given names",
        "christian name",
        "=first",
    ),
    "last_name": ("last name", "surname", "family name", "=last"),
    FULL_NAME: (
        "=name",
        "=names",
        "full name",
        "employee name",
        "=employee",
        "staff name",
        "name of employee",
        "employee full name",
        "=colleague",
        "colleague name",
    ),
    "title": ("=title", "salutation", "honorific"),
    "preferred_name": ("preferred name", "known as", "=preferred"),
    "date_of_birth": ("date of birth", "=dob", "=d o b", "birth date", "birthdate", "birthday"),
    "gender": ("gender", "=sex"),
    "address": ("address", "street", "=town", "=city", "town city", "=county"),
    "postcode": ("postcode", "post code", "postal code", "=zip", "zip code"),
    "phone": ("phone", "telephone", "mobile", "=tel", "tel no", "contact number"),
    "email": ("email", "e mail", "email address", "e mail address"),
    "ni_number": ("=ni", "ni number", "ni no", "nino", "national insurance", "=nin"),
    "job_title": ("job title", "=role", "job role", "=position", "=job", "occupation", "=post"),
    "employment_status": ("=status", "employment status"),
    "length_of_service_years": (
        "length of service",
        "=service",
        "years of service",
        "service years",
        "=los",
        "years service",
    ),
    "notice_date": ("notice date", "date of notice", "notice given", "notice issued"),
    "expected_leaving_date": (
        "leaving date",
        "last day",
        "last working day",
        "termination date",
        "=end date",
        "exit date",
        "date of leaving",
        "leave date",
    ),
    "notes": ("=notes", "=note", "=comments", "=comment"),
}


def fold(text: str) -> str:
    """'D.O.B.' -> 'd o b', 'E-mail' -> 'e mail': case, accents and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def guess_field(heading: str) -> str | None:
    """The field a column heading most likely names, or None ('Staff no.' names none of ours)."""
    folded = fold(heading)
    if not folded:
        return None
    best: tuple[int, str] | None = None
    for name, phrases in _HEADINGS.items():
        for phrase in phrases:
            exact_only = phrase.startswith("=")
            phrase = phrase.lstrip("=")
            if folded == phrase:
                return name
            if not exact_only and re.search(rf"\b{re.escape(phrase)}\b", folded):
                if best is None or len(phrase) > best[0]:
                    best = (len(phrase), name)
    return best[1] if best else None


def guess_mapping(headings: Sequence[str]) -> dict[int, str]:
    """Column index -> field for the headings we recognise; each field once (address may repeat)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for col, heading in enumerate(headings):
        name = guess_field(heading)
        if name and (name not in used or name in MULTI_COLUMN_FIELDS):
            mapping[col] = name
            used.add(name)
    # With both halves of the name in their own columns, a 'Name' column is something else.
    if {"first_name", "last_name"} <= used and FULL_NAME in used:
        mapping = {c: f for c, f in mapping.items() if f != FULL_NAME}
    return mapping


def mapping_problems(mapping: dict[int, str]) -> list[str]:
    """What stops rows being checked with this column mapping, as plain lines (empty when fine)."""
    problems = []
    counts: dict[str, int] = {}
    for name in mapping.values():
        if name:
            counts[name] = counts.get(name, 0) + 1
    for name, n in counts.items():
        if n > 1 and name not in MULTI_COLUMN_FIELDS:
            label = PROBLEM_LABELS[name]
            problems.append(f"Two columns are set to '{label}': choose one of them.")
    if FULL_NAME not in counts and not {"first_name", "last_name"} <= set(counts):
        problems.append("Choose the column with the full name, or the columns with first and last names.")
    return problems
