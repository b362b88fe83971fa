"""Reference data shipped in ``resources/data``: council areas, area unemployment, partners.

Read once and cached; office staff may replace the CSV files, so nothing here is hard-coded.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pace_desktop.paths import resource


@dataclass(frozen=True)
class CouncilArea:
    gss_code: str
    name: str


@dataclass(frozen=True)
class AreaRate:
    gss_code: str
    name: str
    rate_pct: float
    as_of: int
    source: str


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    services: tuple[str, ...]


SERVICES: dict[str, str] = {
    "employability_advice": "Employability advice",
    "career_development": "Career development",
    "literacy_numeracy": "Literacy and numeracy",
    "core_skills": "Core skills",
    "vocational_training": "Vocational training",
    "business_start_up": "Starting a business",
    "benefits": "Benefits",
    "rights_and_entitlements": "Rights and entitlements",
    "money": "Money advice",
    "pensions": "Pensions",
    "coping_with_stress": "Coping with stress",
    "mental_health_wellbeing": "Mental health and wellbeing",
}

SCOTLAND_GSS = "S92000003"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def council_areas() -> tuple[CouncilArea, ...]:
    rows = _rows(resource("data", "council_areas.csv"))
    return tuple(CouncilArea(r["gss_code"].strip(), r["name"].strip()) for r in rows)


@cache
def council_area_names() -> dict[str, str]:
    return {a.gss_code: a.name for a in council_areas()}


@cache
def area_rates(path: Path | None = None) -> dict[str, AreaRate]:
    """Claimant rates by GSS code, including the Scotland row (``SCOTLAND_GSS``)."""
    rows = _rows(path or resource("data", "area_unemployment.csv"))
    first_source = ""
    out: dict[str, AreaRate] = {}
    for r in rows:
        source = r["source"].strip()
        if source != "same":
            first_source = source
        out[r["gss_code"].strip()] = AreaRate(
            r["gss_code"].strip(),
            r["name"].strip(),
            float(r["claimant_rate_pct"]),
            int(r["as_of"]),
            first_source,
        )
    return out


@cache
def partners() -> tuple[Partner, ...]:
    rows = _rows(resource("data", "partners.csv"))
    return tuple(
        Partner(
            r["code"].strip(),
            r["name"].strip(),
            tuple(s.strip() for s in r["services"].split(";") if s.strip()),
        )
        for r in rows
    )


def partner_codes() -> tuple[str, ...]:
    return tuple(p.code for p in partners())


def partner_name(code: str) -> str:
    """The partner's name from the list, or its code when it is no longer listed."""
    return next((p.name for p in partners() if p.code == code), code)
