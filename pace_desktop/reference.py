"""Reference data: council areas, area unemployment, partners.

The shipped files in ``resources/data`` are the default, read once and cached. Office staff may
replace the partner table and the area figures; the replacement (a ``ReferenceSet``) reaches each
laptop as a signed update (``exchange/reference_update.py``) and is kept in the store, which
``install``s it here when it opens, so every reader below uses it instead of the shipped files.
Each set has a version id (``<as of>-<first 12 hex of the SHA-256 of its content>``), and its area
figures have one of their own, which each checklist record keeps (docs/reference-data.md).
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

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


def area_rates(path: Path | None = None) -> dict[str, AreaRate]:
    """Claimant rates by GSS code, including the Scotland row (``SCOTLAND_GSS``): the installed
    update's, else the shipped file's (or the file at ``path``)."""
    if path is None and _installed is not None:
        return _installed.rates
    return _file_rates(path)


@cache
def _file_rates(path: Path | None = None) -> dict[str, AreaRate]:
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


def partners() -> tuple[Partner, ...]:
    """The partner/service table: the installed update's, else the shipped file's."""
    return _installed.partners if _installed is not None else _file_partners()


@cache
def _file_partners() -> tuple[Partner, ...]:
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


# -- the set in use: shipped, or the office's update ----------------------------------------------


@dataclass(frozen=True)
class ReferenceSet:
    """A whole partner table and set of area figures, as the office issues them.

    ``as_of`` is the period the figures are for ("2024-11", or a year); ``source`` says where they
    came from. ``rates`` holds every council area and the Scotland row.
    """

    partners: tuple[Partner, ...]
    rates: dict[str, AreaRate]
    as_of: str
    source: str

    def content(self) -> dict[str, Any]:
        """The set as plain JSON values, in a fixed order: what is hashed, signed and stored."""
        return {
            "as_of": self.as_of,
            "source": self.source,
            "partners": [
                {"code": p.code, "name": p.name, "services": list(p.services)} for p in self.partners
            ],
            "areas": [
                {"gss_code": r.gss_code, "name": r.name, "rate_pct": r.rate_pct, "year": r.as_of}
                for r in sorted(self.rates.values(), key=lambda r: r.gss_code)
            ],
        }

    def content_json(self) -> str:
        return canonical(self.content())

    @property
    def version(self) -> str:
        """The set's version id: its as-of and a prefix of its content's SHA-256."""
        return _version_id(self.as_of, self.content())

    @property
    def figures_version(self) -> str:
        """The area figures' own version id (unchanged when only the partner table changes)."""
        content = self.content()
        return _version_id(self.as_of, {"as_of": content["as_of"], "areas": content["areas"]})


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _version_id(as_of: str, value: Any) -> str:
    return f"{as_of}-{hashlib.sha256(canonical(value).encode('ascii')).hexdigest()[:12]}"


def set_from_content(content: dict[str, Any]) -> ReferenceSet:
    """A set from ``content()`` as stored or carried (already checked by whoever wrote it)."""
    source = str(content["source"])
    return ReferenceSet(
        partners=tuple(
            Partner(str(p["code"]), str(p["name"]), tuple(str(s) for s in p["services"]))
            for p in content["partners"]
        ),
        rates={
            str(a["gss_code"]): AreaRate(
                str(a["gss_code"]), str(a["name"]), float(a["rate_pct"]), int(a["year"]), source
            )
            for a in content["areas"]
        },
        as_of=str(content["as_of"]),
        source=source,
    )


@cache
def shipped_set() -> ReferenceSet:
    """The set the app ships with, from ``resources/data``."""
    rates = _file_rates()
    scotland = rates[SCOTLAND_GSS]
    return ReferenceSet(_file_partners(), dict(rates), str(scotland.as_of), scotland.source)


_installed: ReferenceSet | None = None


def install(reference: ReferenceSet | None) -> None:
    """Use ``reference`` from now on (the store's update); None goes back to the shipped files."""
    global _installed
    _installed = reference


def current() -> ReferenceSet:
    """The set in use: the installed update, or the shipped one."""
    return _installed if _installed is not None else shipped_set()
