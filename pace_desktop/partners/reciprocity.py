"""The ``reciprocity`` workbook: what each partner gets back for sharing, small numbers hidden.

For each partner SDS has sent requests to, the people it was sent (who still consent to sharing
with it and to anonymised statistics) are counted by their latest outcome, once by the help they
last received and once by risk band. The two tables count the same people, so they are suppressed
together (``suppress_linked``) as in the partners report. Two partners' groups that differ by only
a few people would let a reader subtract one sheet from the other, so a sheet whose group differs
from one already shown by 1 to 4 people is withheld. Counts that aggregate-only partners returned
are listed with small numbers, and small differences from the totals they came from, hidden.

Built wholly in memory with XlsxWriter (``reports.xlsx.MemoryWorkbook``: no temp file of any kind),
as is each partner's own report (``write_partner_report``, with ``partner_impact``'s sheets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pace_desktop.errors import UsageError
from pace_desktop.partners import layout as L
from pace_desktop.partners.agreements import SharingRefused, check_sharing, list_agreements, refusal
from pace_desktop.partners.cohort import HASHED, SENT, consenting_ids, purpose_ids
from pace_desktop.partners.registry import get_partner
from pace_desktop.records.enums import BAND_LABELS, OutcomeStatus
from pace_desktop.reference import SERVICES
from pace_desktop.reports.aggregates import BANDS, NO_CHECKLIST, STATISTICS_PURPOSE
from pace_desktop.reports.cells import sheet_title
from pace_desktop.reports.suppression import THRESHOLD, CountTable, suppress_linked
from pace_desktop.reports.xlsx import put
from pace_desktop.reports.xlsx_tables import BOLD, TITLE, shown, widths, write_table
from pace_desktop.store import report_figures
from pace_desktop.store.partner_requests import partners_and_people
from pace_desktop.store.partner_returns import all_returned_counts

if TYPE_CHECKING:
    from pace_desktop.reports.xlsx import SafeWorkbook
    from pace_desktop.store.store import Store

NO_OUTCOME = "None recorded"
NO_HELP = "No help recorded"
OUTCOME_COLUMNS: tuple[str, ...] = (*(m.value for m in OutcomeStatus), "")
OUTCOME_HEADERS: tuple[str, ...] = (*(m.label for m in OutcomeStatus), NO_OUTCOME)
ABOUT = [
    "For each partner SDS sent details to, the people it was sent, counted by where they are now "
    "(their latest recorded outcome, from SDS advisers or from any partner's return).",
    "Counts only people who still agree to sharing with that partner and to their answers being "
    "used, without their name, in statistics.",
    "'By help received' uses the last service each person received (one row per person); "
    "'by risk band' uses the band in use (an adviser's override wins).",
    "Counts from 1 to 4 are hidden, and so are enough others that no hidden count can be worked "
    "out from the totals, in either table. Hidden counts show as *. 0 means nobody.",
    "A partner's sheet is withheld when its group differs from another sheet's by fewer than 5 "
    "people, since subtracting the two sheets would describe those few people.",
]
ABOUT_LAST_ROW = 3 + len(ABOUT)  # the About sheet's last line (rows as the sheet shows them)


@dataclass(frozen=True)
class Cohort:
    """One partner's people and, per person, (service row key, band key, outcome key)."""

    code: str
    name: str
    people: dict[str, tuple[str, str, str]]


def _latest(rows: Iterable[tuple[str, str | None, str | None, str]], wanted: set[str]) -> dict[str, str]:
    """client -> value of the row with the latest (date, updated_at)."""
    best: dict[str, tuple[str, str, str]] = {}
    for client_id, when, value, updated in rows:
        if client_id in wanted and (client_id not in best or (when or "", updated) > best[client_id][:2]):
            best[client_id] = (when or "", updated, value or "")
    return {client_id: v[2] for client_id, v in best.items()}


def cohorts(store: Store, partners: Sequence[str] | None = None) -> list[Cohort]:
    """Each partner's counted people, partners in code order; only partners that were sent anyone."""
    sent: dict[str, set[str]] = {}
    for code, client_id in partners_and_people(store.db, (SENT, HASHED)):
        sent.setdefault(code, set()).add(client_id)
    wanted_codes = sorted(sent) if partners is None else [c for c in partners if c in sent]
    statistics = purpose_ids(store, STATISTICS_PURPOSE)
    counted = {code: sent[code] & statistics & consenting_ids(store, code) for code in wanted_codes}
    everyone = set().union(*counted.values()) if counted else set()
    outcome = _latest(report_figures.dated_outcome_statuses(store.db), everyone)
    service = _latest(report_figures.dated_services(store.db), everyone)
    band = {
        client_id: b for client_id, b in report_figures.checklist_bands(store.db) if client_id in everyone
    }
    out = []
    for code in wanted_codes:
        people = {
            client_id: (
                service.get(client_id, ""),
                b if (b := band.get(client_id)) is not None and b in BANDS else NO_CHECKLIST,
                outcome.get(client_id, "") if outcome.get(client_id, "") in OUTCOME_COLUMNS else "",
            )
            for client_id in counted[code]
        }
        out.append(Cohort(code, _name(store, code), people))
    return out


def _name(store: Store, code: str) -> str:
    try:
        return get_partner(store, code).name
    except UsageError:  # dropped from partners.csv since: its past requests still count
        return code


def cohort_tables(cohort: Cohort) -> tuple[CountTable, CountTable]:
    """(by help received, by risk band), before suppression; columns are the latest outcome."""
    services = [s for s in SERVICES if any(p[0] == s for p in cohort.people.values())]
    help_rows = [*((s, SERVICES[s]) for s in services)]
    if any(p[0] not in SERVICES for p in cohort.people.values()):
        help_rows.append(("", NO_HELP))
    band_rows = [*((b, BAND_LABELS[b]) for b in BANDS), (NO_CHECKLIST, "No checklist")]

    def table(title: str, index: int, rows: list[tuple[str, str]]) -> CountTable:
        counts = {(key, col): 0 for key, _ in rows for col in OUTCOME_COLUMNS}
        for person in cohort.people.values():
            key = person[index] if index == 1 or person[index] in SERVICES else ""
            counts[(key, person[2])] += 1
        return CountTable.of(
            title,
            [label for _, label in rows],
            OUTCOME_HEADERS,
            [[counts[(key, col)] for col in OUTCOME_COLUMNS] for key, _ in rows],
        )

    return (
        table("People by the help they last received and where they are now", 0, help_rows),
        table("People by risk band and where they are now", 1, band_rows),
    )


def write_reciprocity(
    store: Store,
    book: SafeWorkbook,
    *,
    partners: Sequence[str] | None = None,
    produced: datetime | None = None,
) -> dict[str, int]:
    """Fill an empty XlsxWriter workbook (``MemoryWorkbook``): About, one sheet per partner, and the
    counts partners returned."""
    produced = produced or datetime.now(UTC)
    about = book.add_worksheet("About")
    put(book, about, 1, 1, "PACE reciprocity report: what sharing with SDS gives back", **TITLE)
    put(book, about, 3, 1, f"Produced {produced:%Y-%m-%d %H:%M} UTC.")
    for i, line in enumerate(ABOUT, start=4):
        put(book, about, i, 1, line)
    about.set_column(0, 0, 110)
    taken = {"About"}
    shown_groups: list[frozenset[str]] = []
    hidden = withheld = 0
    found = cohorts(store, partners)
    for cohort in found:
        ws = book.add_worksheet(sheet_title(cohort.code, taken))
        put(book, ws, 1, 1, f"{cohort.name} ({cohort.code})", **TITLE)
        group = frozenset(cohort.people)
        if any(0 < len(group ^ other) < THRESHOLD for other in shown_groups):
            withheld += 1
            put(
                book,
                ws,
                3,
                1,
                "Withheld: this partner's group differs from another sheet's by fewer than "
                f"{THRESHOLD} people, so the two sheets together would describe them.",
            )
            continue
        shown_groups.append(group)
        published = suppress_linked(list(cohort_tables(cohort)))
        top = 3
        for table, header in zip(published, ("Help last received", "Risk band"), strict=True):
            hidden += table.hidden
            top = write_table(book, ws, table, header, top=top)
        ws.set_column(0, 0, 34)
    hidden += _returned_counts_sheet(store, book, taken, partners)
    return {"partners": len(found), "withheld": withheld, "hidden": hidden}


def _returned_counts_sheet(
    store: Store, book: SafeWorkbook, taken: set[str], partners: Sequence[str] | None
) -> int:
    rows = [r for r in all_returned_counts(store.db) if partners is None or r.partner in partners]
    if not rows:
        return 0
    ws = book.add_worksheet(sheet_title("Counts partners returned", taken))
    put(book, ws, 1, 1, "Counts returned by partners that match on keyed hashes", **TITLE)
    put(
        book,
        ws,
        2,
        1,
        "Each partner counted, among the people it found, its own measures. Counts from 1 to "
        "4 are hidden (*), and so is any count within 4 of the total it is part of.",
    )
    for col, heading in enumerate(("Partner", "Request", "Measure", "Count"), start=1):
        put(book, ws, 4, col, heading, **BOLD)
    by_request: dict[str, dict[str, int]] = {}
    for _, request_id, sent, measure, count, _ in rows:
        by_request.setdefault(request_id, {L.SUPPLIED: sent}).update({measure: count})
    hidden = 0
    r = 4
    for partner, request_id, _, measure, count, our_code in rows:
        totals = by_request[request_id]
        parent = (
            totals[L.SUPPLIED]
            if measure in (L.MATCHED, L.SUPPLIED)
            else totals.get(L.MATCHED, totals[L.SUPPLIED])
        )
        value = None if _small(count) or (measure != L.SUPPLIED and _small(parent - count)) else count
        hidden += value is None
        r += 1
        label = measure if not our_code else f"{measure} ({OutcomeStatus(our_code).label})"
        for col, cell in enumerate((partner, request_id, label, shown(value)), start=1):
            put(book, ws, r, col, cell)
    widths(ws, (10, 24, 40, 10))
    return hidden


def _small(n: int) -> bool:
    return 0 < n < THRESHOLD


def write_partner_report(store: Store, partner: str, out: Path | str, *, overwrite: bool = False) -> Path:
    """One partner's own reciprocity workbook (its sheet and its returned counts), audited.

    It is written to be sent to the partner, so, like a request, it is refused by name
    (``agreements.SharingRefused``) unless the partner's data-sharing agreement is in force today.
    """
    from pace_desktop.partners.partner_impact import add_partner_sheets
    from pace_desktop.reports.output import check_xlsx_path, memory_report_file
    from pace_desktop.reports.report import read_snapshot
    from pace_desktop.reports.xlsx import MemoryWorkbook

    found = get_partner(store, partner)
    code = found.code
    check_sharing(store, code)
    out = check_xlsx_path(Path(out), overwrite=overwrite)
    with memory_report_file(out, overwrite=overwrite) as tmp, read_snapshot(store):
        book = MemoryWorkbook()
        write_reciprocity(store, book, partners=(code,))
        # Every partner gets these, sent anyone or not; their note goes below the About lines.
        add_partner_sheets(store, book, code, found.name, found.services, about_row=ABOUT_LAST_ROW + 2)
        tmp.write(book.to_bytes())
    try:
        with store.transaction():
            store.audit("report", "report", detail=f"kind=reciprocity,partner={code}")
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return out


@dataclass(frozen=True)
class AllPartnerReports:
    """What ``write_all_partner_reports`` wrote, and each partner it may not send to (by name)."""

    written: list[Path]
    refused: list[SharingRefused]


def write_all_partner_reports(
    store: Store, folder: Path | str, *, overwrite: bool = False
) -> AllPartnerReports:
    """Every listed partner's own report into ``folder`` as ``reciprocity-<CODE>.xlsx``, including
    partners never sent a request; a partner whose data-sharing agreement is not in force gets none,
    and is named in ``refused``. Every name is checked before anything is written, so an existing
    file (without ``overwrite``) leaves the folder as it was."""
    from pace_desktop.partners.registry import list_partners
    from pace_desktop.reports.output import check_xlsx_path

    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError("The folder for the partner reports does not exist: create it or choose another.")
    agreements = list_agreements(store)
    refused: list[SharingRefused] = []
    codes: list[str] = []
    for listed in list_partners(store):
        why = refusal(listed.code, agreements.get(listed.code))
        if why is None:
            codes.append(listed.code)
        else:
            refused.append(why)
    paths = [check_xlsx_path(folder / f"reciprocity-{c}.xlsx", overwrite=overwrite) for c in codes]
    written = [
        write_partner_report(store, code, path, overwrite=overwrite)
        for code, path in zip(codes, paths, strict=True)
    ]
    return AllPartnerReports(written, refused)
