"""Office staff replacing the reference data: the area unemployment figures from a NOMIS claimant
count download, and the partner/service table from a CSV file. The result is the office's current
reference set, kept in its store and sent to every laptop as a signed update
(``exchange/reference_update.py``; docs/reference-data.md).

The NOMIS file is the CSV download of "Claimant count by sex and age" for local authorities, with
the measure "Claimants as a proportion of residents aged 16-64" and Scotland added as a geography:
a few title lines, a heading row naming (among others) the date, the geography name and code and the
value, one row per area and month, then perhaps notes. Title and footer lines are skipped; rows are
matched to council areas by their GSS code (S12…, and S92000003 for Scotland); the latest month in
the file is taken, and it must have a number for every council area and for Scotland.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.files import read_capped, write_durably
from pace_desktop.exchange.reference_update import check_content, file_name, make_update
from pace_desktop.office.central import require_office
from pace_desktop.reference import (
    SCOTLAND_GSS,
    SERVICES,
    AreaRate,
    Partner,
    ReferenceSet,
    council_area_names,
    shipped_set,
)
from pace_desktop.store.reference_data import StoredReference, put_reference, stored_reference

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

MAX_FILE_BYTES = 20 * 2**20
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_GSS = re.compile(r"^S(12|92)[0-9]{6}$")

_CODE_COLUMNS = ("geography code", "mnemonic")
_VALUE_COLUMNS = ("obs value", "value", "percentage", "percent", "rate")
_DATE_COLUMNS = ("date name", "date")
_MEASURE_COLUMNS = ("measures name", "measure name", "measure")
_SEX_COLUMNS = ("gender name", "sex name", "gender", "sex")
_AGE_COLUMNS = ("age name", "age")

NOT_NOMIS = (
    "That file is not a NOMIS claimant count download: it has no heading row naming the date, the "
    "geography code and the value. Download it from NOMIS again as CSV (claimant count by sex and "
    "age, local authorities, with Scotland)."
)


# -- reading a NOMIS download --------------------------------------------------------------------


def _key(cell: str) -> str:
    return re.sub(r"[\s_]+", " ", cell.strip().lower())


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    keys = [_key(c) for c in header]
    return next((keys.index(n) for n in names if n in keys), None)


def _month(label: str) -> tuple[int, int] | None:
    """(year, month) from "November 2024", "Nov 2024", "2024-11"; None when it is not a month."""
    text = label.strip().lower()
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{2})", text):
        month = int(m.group(2))
        return (int(m.group(1)), month) if 1 <= month <= 12 else None
    if (m := re.fullmatch(r"([a-z]+)\.? ([0-9]{4})", text)) and m.group(1) in _MONTHS:
        return int(m.group(2)), _MONTHS[m.group(1)]
    return None


def _is_all(value: str, words: tuple[str, ...]) -> bool:
    text = _key(value)
    return not text or text.startswith(words)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_nomis(path: Path | str) -> tuple[dict[str, AreaRate], str, str]:
    """Rates by GSS code (every council area and Scotland), the as-of month ("2024-11") and the
    source line, from a NOMIS claimant count CSV; refuses anything else in one line."""
    path = Path(path)
    text = _decode(read_capped(path, MAX_FILE_BYTES, "NOMIS file"))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise RefusedError(NOT_NOMIS) from exc
    header_at = next(
        (
            i
            for i, row in enumerate(rows)
            if _column(row, _CODE_COLUMNS) is not None and _column(row, _VALUE_COLUMNS) is not None
        ),
        None,
    )
    if header_at is None:
        raise RefusedError(NOT_NOMIS)
    header, body, titles = rows[header_at], rows[header_at + 1 :], rows[:header_at]
    code_at = _column(header, _CODE_COLUMNS)
    value_at = _column(header, _VALUE_COLUMNS)
    date_at = _column(header, _DATE_COLUMNS)
    measure_at = _column(header, _MEASURE_COLUMNS)
    sex_at, age_at = _column(header, _SEX_COLUMNS), _column(header, _AGE_COLUMNS)
    assert code_at is not None and value_at is not None
    title_date = next(
        (r[1].strip() for r in titles if len(r) > 1 and _key(r[0]).rstrip(" :") == "date" and r[1].strip()),
        "",
    )
    if date_at is None and not title_date:
        raise RefusedError(
            "The NOMIS file does not say which month its figures are for: download it with the date "
            "column included."
        )

    def cell(row: list[str], at: int | None) -> str:
        return row[at].strip() if at is not None and at < len(row) else ""

    data = [r for r in body if _GSS.match(cell(r, code_at))]
    measures = {cell(r, measure_at) for r in data}
    if measure_at is not None:
        data = [r for r in data if re.search(r"proportion|rate|%", cell(r, measure_at), re.IGNORECASE)]
        if not data and measures:
            raise RefusedError(
                "The NOMIS file holds numbers of claimants, not rates: choose the measure 'Claimants as "
                "a proportion of residents aged 16-64' and download it again."
            )
    data = [
        r
        for r in data
        if _is_all(cell(r, sex_at), ("total", "all")) and _is_all(cell(r, age_at), ("all", "16+", "aged 16+"))
    ]
    months: dict[tuple[int, int], str] = {}
    for r in data:
        label = cell(r, date_at) or title_date
        month = _month(label)
        if month is None:
            raise RefusedError(
                f"The NOMIS file has a date that is not a month ('{label[:40]}'): download monthly figures."
            )
        months[month] = label
    if not months:
        raise RefusedError(
            "The NOMIS file has no figures for Scottish council areas (GSS codes S12…): choose the "
            "local authorities in Scotland, and Scotland itself, and download it again."
        )
    latest = max(months)
    names = council_area_names()
    rates: dict[str, AreaRate] = {}
    for r in data:
        if _month(cell(r, date_at) or title_date) != latest:
            continue
        code = cell(r, code_at)
        if code != SCOTLAND_GSS and code not in names:
            continue  # a former or other area's code: not one of today's council areas
        name = "Scotland" if code == SCOTLAND_GSS else names[code]
        if code in rates:
            raise RefusedError(
                f"The NOMIS file has more than one figure for {name} in {months[latest]}: download "
                "one figure per area (all people, all ages)."
            )
        raw = cell(r, value_at)
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 100:
            raise RefusedError(
                f"The NOMIS figure for {name} ({code}) in {months[latest]} is not a percentage "
                f"('{raw[:20]}'): download the file again from NOMIS."
            )
        rates[code] = AreaRate(code, name, round(value, 2), latest[0], "")
    for code in [SCOTLAND_GSS, *sorted(names, key=names.__getitem__)]:
        if code not in rates:
            name = "Scotland" if code == SCOTLAND_GSS else names[code]
            raise RefusedError(
                f"The NOMIS file has no figure for {name} ({code}) in {months[latest]}: download it "
                "again with every Scottish council area and Scotland, then import it."
            )
    title = next((r[0].strip() for r in titles if r and r[0].strip()), "Claimant count by sex and age")
    measure = next(iter(sorted(m for m in measures if re.search("proportion|rate|%", m, re.I))), "")
    source = f"NOMIS: {title[:100]}" + (f", {measure[:100]}" if measure else "") + f", {months[latest]}"
    as_of = f"{latest[0]:04d}-{latest[1]:02d}"
    return {c: AreaRate(c, r.name, r.rate_pct, r.as_of, source) for c, r in rates.items()}, as_of, source


# -- reading a partner table ---------------------------------------------------------------------


def read_partners(path: Path | str) -> tuple[Partner, ...]:
    """The partner/service table from a CSV file with columns code, name, services (separated by
    ";"); refuses an unknown service, a missing column or a partner listed twice, in one line."""
    path = Path(path)
    text = _decode(read_capped(path, 2**20, "partner file"))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [_key(c) for c in reader.fieldnames or []]
        rows = list(reader)
    except csv.Error as exc:
        raise RefusedError("That partner file is not a CSV file: save it as CSV and try again.") from exc
    if not {"code", "name", "services"} <= set(columns):
        raise RefusedError(
            "That partner file needs the columns code, name and services (services separated by ';')."
        )
    found: list[Partner] = []
    for line, row in enumerate(rows, start=2):
        values = {_key(k): (v or "").strip() for k, v in row.items() if k is not None}
        code, name = values["code"].upper(), values["name"]
        if not code and not name and not values["services"]:
            continue
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", code):
            raise RefusedError(
                f"Line {line} of the partner file: the code '{code[:20]}' is not a partner code (2 to 10 "
                "letters or digits, starting with a letter)."
            )
        if not name or len(name) > 200:
            raise RefusedError(f"Line {line} of the partner file: partner {code} needs a name.")
        services = tuple(s.strip() for s in values["services"].split(";") if s.strip())
        if unknown := [s for s in services if s not in SERVICES]:
            raise RefusedError(
                f"Line {line} of the partner file: partner {code} lists a service this app does not "
                f"know, '{unknown[0][:40]}'. Use these codes: {', '.join(SERVICES)}."
            )
        if not services:
            raise RefusedError(f"Line {line} of the partner file: partner {code} lists no services.")
        if any(p.code == code for p in found):
            raise RefusedError(f"Line {line} of the partner file: partner {code} is listed twice.")
        found.append(Partner(code, name, services))
    if not found:
        raise RefusedError("That partner file lists no partners.")
    return tuple(found)


# -- the office's current set --------------------------------------------------------------------


def office_reference(store: Store) -> ReferenceSet:
    """The set the office issues: the one its staff last imported, or the shipped one."""
    held = stored_reference(require_office(store).db)
    return held.reference if held is not None else shipped_set()


def _keep(store: Store, reference: ReferenceSet, now: datetime | None) -> ReferenceSet:
    check_content(reference)
    issued = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    with store.transaction():
        put_reference(store.db, reference, issued)
        store.audit("import", "reference", reference.version)
    store.load_reference()
    return reference


def import_nomis(store: Store, path: Path | str, *, now: datetime | None = None) -> ReferenceSet:
    """Replace the office's area figures with a NOMIS download's; the partners stay as they are."""
    current = office_reference(store)
    rates, as_of, source = read_nomis(path)
    return _keep(store, ReferenceSet(current.partners, rates, as_of, source), now)


def import_partners(store: Store, path: Path | str, *, now: datetime | None = None) -> ReferenceSet:
    """Replace the office's partner/service table; the area figures stay as they are."""
    current = office_reference(store)
    partners = read_partners(path)
    return _keep(store, ReferenceSet(partners, current.rates, current.as_of, current.source), now)


@dataclass(frozen=True)
class ReferenceView:
    reference: ReferenceSet
    stored: StoredReference | None

    def lines(self) -> list[str]:
        ref = self.reference
        scotland = ref.rates[SCOTLAND_GSS]
        where = (
            f"imported {self.stored.issued_at[:10]}" if self.stored is not None else "as shipped with the app"
        )
        return [
            f"Reference data {ref.version} ({where}).",
            f"Area unemployment figures {ref.figures_version}: {len(ref.rates) - 1} council areas, "
            f"Scotland {scotland.rate_pct:.1f}%, as of {ref.as_of}. Source: {ref.source}",
            f"Partners: {len(ref.partners)} ({', '.join(p.code for p in ref.partners)}).",
        ]


def show(store: Store) -> ReferenceView:
    held = stored_reference(require_office(store).db)
    return ReferenceView(held.reference if held is not None else shipped_set(), held)


def write_update(store: Store, out_dir: Path | str) -> Path:
    """The signed update file for the office's current set, to carry to a laptop by hand."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(f"The folder {out_dir} does not exist: create it or choose another.")
    held = stored_reference(require_office(store).db)
    if held is None:
        raise UsageError(
            "The office still uses the reference data shipped with the app, which every laptop has: "
            "import a NOMIS file or a partner table first."
        )
    path = write_durably(
        out_dir / file_name(held.reference), make_update(store, held.reference, held.issued_at)
    )
    with store.transaction():
        store.audit("export", "reference", held.reference.version)
    return path
