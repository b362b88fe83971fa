"""A partner's own codes for outcomes, services and statuses, mapped to ours.

Partners record the same things differently (docs/partner-matching.md): DWP may say ``UC-CLAIM`` where we say
``unemployed``. Each partner's mapping lists its codes per kind; the request offers exactly those
codes in drop-down lists, and a return is read back through the same mapping. A kind with no
mapping uses our own codes. Codes are compared ignoring case and surrounding spaces.

Mapping file (CSV, UTF-8, header row required; other columns such as a description are ignored)::

    kind,their_code,our_code
    outcome,EMP,in_work
    service,WORK-COACH,employability_advice
    status,ATT,attended
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pace_desktop.errors import RefusedError, ValidationFailed
from pace_desktop.records.enums import InterventionStatus, OutcomeStatus
from pace_desktop.reference import SERVICES

KINDS: tuple[str, ...] = ("outcome", "service", "status")
KIND_LABELS: dict[str, str] = {
    "outcome": "outcome (where the person is now)",
    "service": "service (the help given)",
    "status": "service status (offered, referred, attended, completed)",
}
MAX_CODE = 40
MAX_MAPPING_BYTES = 1 << 20
# A code starting like a formula (or an error value, "#N/A") would be read as one when typed into
# the returned spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "#")


def our_codes(kind: str) -> dict[str, str]:
    """Our codes of ``kind`` with the label people see."""
    if kind == "outcome":
        return {m.value: m.label for m in OutcomeStatus}
    if kind == "status":
        return {m.value: m.label for m in InterventionStatus}
    return dict(SERVICES)


def code_key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class CodeMaps:
    """Their code -> our code, per kind. An empty kind means they use our codes."""

    maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def codes(self, kind: str) -> list[tuple[str, str]]:
        """(their code, our label) for the drop-down list and the Codes sheet, in file order."""
        ours = our_codes(kind)
        mapped = self.maps.get(kind) or {}
        if not mapped:
            return [(code, label) for code, label in ours.items()]
        return [(theirs, ours[code]) for theirs, code in mapped.items()]

    def to_ours(self, kind: str, theirs: str) -> str | None:
        """Our code for a code the partner wrote, or None when it is not one of theirs."""
        wanted = code_key(theirs)
        mapped = self.maps.get(kind) or {}
        source = mapped.items() if mapped else ((c, c) for c in our_codes(kind))
        for their_code, our_code in source:
            if code_key(their_code) == wanted:
                return our_code
        return None

    def counts(self) -> dict[str, int]:
        return {kind: len(self.maps.get(kind) or {}) for kind in KINDS}

    def to_json(self) -> str:
        return json.dumps({k: dict(v) for k, v in self.maps.items() if v}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> CodeMaps:
        data = json.loads(text or "{}")
        return cls({k: dict(v) for k, v in data.items() if k in KINDS})


def parse_mapping(text: str) -> CodeMaps:
    """Read mapping CSV text; every problem is listed by line, and nothing half-read is kept."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headings = {code_key(h or ""): h for h in reader.fieldnames or []}
    missing = [h for h in ("kind", "their_code", "our_code") if h not in headings]
    if missing:
        raise ValidationFailed(
            "The mapping file needs the columns kind, their_code and our_code in its first row."
        )
    maps: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    seen: dict[tuple[str, str], int] = {}
    problems: dict[str, str] = {}
    for line, row in enumerate(reader, start=2):
        kind = code_key(row.get(headings["kind"]) or "")
        theirs = " ".join((row.get(headings["their_code"]) or "").split())
        ours = (row.get(headings["our_code"]) or "").strip()
        if not kind and not theirs and not ours:
            continue
        problem = _problem(kind, theirs, ours)
        if problem is None and (kind, code_key(theirs)) in seen:
            problem = f"this code is already mapped on line {seen[(kind, code_key(theirs))]}."
        if problem is not None:
            problems[f"line {line}"] = problem
            continue
        seen[(kind, code_key(theirs))] = line
        maps[kind][theirs] = ours
    if problems:
        first_line, first = next(iter(problems.items()))
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationFailed(f"The mapping file was not used: {first_line}: {first}{more}", problems)
    return CodeMaps({k: v for k, v in maps.items() if v})


def _problem(kind: str, theirs: str, ours: str) -> str | None:
    if kind not in KINDS:
        return "the kind must be outcome, service or status."
    if not theirs:
        return "the partner's code is empty."
    if len(theirs) > MAX_CODE or any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in theirs):
        return f"the partner's code must be plain text of at most {MAX_CODE} characters."
    if theirs.startswith(_FORMULA_START):
        return "the partner's code may not start with =, +, -, @ or # (spreadsheets read that as a formula)."
    if ours not in our_codes(kind):
        return f"our_code must be one of: {', '.join(our_codes(kind))}."
    return None


def read_mapping_file(path: Path | str) -> CodeMaps:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise RefusedError("The mapping file is larger than 1 MB: it is not a code mapping.")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefusedError(
            "The mapping file could not be read: save it as CSV (UTF-8) and check the path."
        ) from exc
    return parse_mapping(text)
