"""Importing a partner's return: decrypt, read, map its codes, check every row, apply the good ones.

A return is the request workbook filled in (or a counts file, see ``counts``), usually age-encrypted
to the office. Every row is checked: the PACE ID exists, it was in this request to this partner,
the request did not tell the partner to delete it, and the person's sharing consent still stands;
codes must be the partner's own, dates real. Valid rows become outcomes and interventions with
source ``partner_return``, all in one transaction. Their record ids are derived from the request,
the PACE ID and the kind of record, so importing the same return again finds them already held,
and a corrected return updates them instead of adding duplicates.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyrage

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.files import read_capped
from pace_desktop.office.central import office_identity, require_office
from pace_desktop.partners import layout as L
from pace_desktop.partners.cohort import AGGREGATE, SENT, WITHDRAWN, consent_stands
from pace_desktop.partners.counts import import_counts
from pace_desktop.partners.history import RequestRow, get_request
from pace_desktop.partners.registry import PartnerSetup, get_partner
from pace_desktop.partners.result import ROWS, ReturnFile, ReturnResult, RowProblem
from pace_desktop.partners.returnsheet import FORMULA, SheetRow, about_facts, read_rows
from pace_desktop.partners.workbook import is_xlsx, open_xlsx
from pace_desktop.records.enums import InterventionStatus, OutcomeStatus, RecordSource
from pace_desktop.records.models import Intervention, Outcome
from pace_desktop.store import partner_returns
from pace_desktop.store.partner_requests import request_items
from pace_desktop.store.partner_returns import NewReturn

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

Progress = Callable[[int, int], None]
MAX_RETURN_BYTES = 32 * 2**20
EARLIEST = date(2000, 1, 1)
# Fixed namespace for the ids of records made from returns (uuid5 of request, PACE ID and kind).
RETURN_NAMESPACE = uuid.UUID("4b0c5f8e-2f7a-5d7e-9a51-70ac3e3f1b52")
_AGE_HEADERS = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")
_REQUEST_ID = re.compile(r"R-[A-Za-z0-9]{1,20}-\d{8}-[0-9A-Z]{4}")


# -- reading the file ----------------------------------------------------------------------------


def read_return_file(store: Store, path: Path | str) -> ReturnFile:
    """The return's bytes, decrypted in memory with the office's identity when age-encrypted."""
    path = Path(path)
    data = read_capped(path, MAX_RETURN_BYTES, "return file")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(_AGE_HEADERS):
        try:
            data = pyrage.decrypt(data, [office_identity(store)])
        except Exception as exc:  # noqa: BLE001 - pyrage's errors all mean "cannot be opened here"
            raise RefusedError(
                "The return could not be decrypted with this office's key: it was encrypted to "
                "another key, or it is damaged. Nothing was imported."
            ) from exc
    return ReturnFile(path.name, digest, data)


def import_return(
    store: Store,
    partner: str,
    path: Path | str,
    *,
    request_id: str | None = None,
    apply: bool = True,
    progress: Progress | None = None,
) -> ReturnResult:
    """Check a partner's return and (unless ``apply`` is False) save its valid rows in one transaction.

    A filled-in request workbook gives outcomes and interventions; a counts CSV (aggregate matching)
    gives counts. File-level problems (wrong office, wrong partner, unknown request) raise one
    plain line; row-level problems are listed in the result and those rows are left out.
    """
    require_office(store)
    p = get_partner(store, partner)
    file = read_return_file(store, path)
    if not is_xlsx(file.plain):
        return import_counts(store, p, file, request_id=request_id, apply=apply)
    return _import_rows(store, p, file, request_id=request_id, apply=apply, progress=progress)


# -- the filled-in workbook ----------------------------------------------------------------------


def _import_rows(
    store: Store,
    p: PartnerSetup,
    file: ReturnFile,
    *,
    request_id: str | None,
    apply: bool,
    progress: Progress | None,
) -> ReturnResult:
    wb = open_xlsx(file.plain)
    try:
        request = _which_request(store, p, about_facts(wb), request_id)
        rows, notes = read_rows(wb)
    finally:
        wb.close()
    if not apply:
        with store.db.snapshot():
            return _check_and_apply(store, p, request, file, rows, notes, apply=False, progress=progress)
    with store.transaction():
        return _check_and_apply(store, p, request, file, rows, notes, apply=True, progress=progress)


def _which_request(store: Store, p: PartnerSetup, facts: dict[str, str], given: str | None) -> RequestRow:
    in_file = facts.get(L.heading_key(L.REQUEST_ID_LABEL))
    partner_in_file = facts.get(L.heading_key(L.PARTNER_LABEL))
    if partner_in_file and partner_in_file.casefold() != p.code.casefold():
        raise RefusedError(
            f"This return answers a request to another partner, not {p.code}: check which partner "
            "sent it. Nothing was imported."
        )
    if given and in_file and given.strip() != in_file:
        raise RefusedError(
            "The request named on the return's About sheet is not the one given: check the file. "
            "Nothing was imported."
        )
    wanted = (given or in_file or "").strip()
    if not wanted:
        raise UsageError(
            "The return does not say which request it answers (its About sheet has no Request ID): "
            "give the request with --request. Nothing was imported."
        )
    request = get_request(store, wanted)
    if request is None:
        shown = wanted if _REQUEST_ID.fullmatch(wanted) else "named in the file"
        raise RefusedError(
            f"This office never sent the request {shown}: check that the return came from here. "
            "Nothing was imported."
        )
    if request.partner != p.code:
        raise RefusedError(
            f"Request {request.id} went to {request.partner}, not {p.code}: check which partner sent "
            "this return. Nothing was imported."
        )
    if request.kind == AGGREGATE:
        raise RefusedError(
            f"Request {request.id} was for aggregate matching: its return is a counts file, not a "
            "workbook of rows. Nothing was imported."
        )
    return request


# -- checking each row and applying the good ones -------------------------------------------------


def _check_and_apply(
    store: Store,
    p: PartnerSetup,
    request: RequestRow,
    file: ReturnFile,
    rows: list[SheetRow],
    notes: list[str],
    *,
    apply: bool,
    progress: Progress | None,
) -> ReturnResult:
    items = {
        pace_id: (client_id, status) for pace_id, client_id, status in request_items(store.db, request.id)
    }
    first_row: dict[str, int] = {}
    problems: list[RowProblem] = []
    records: list[Outcome | Intervention] = []
    used = 0
    today = datetime.now(UTC).date()
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        if row.pace_id is not None:
            if row.pace_id in first_row:
                row.problems.append(
                    f"this PACE ID is also on row {first_row[row.pace_id]}: only that row was used"
                )
            else:
                first_row[row.pace_id] = row.number
                _check_person(store, p, request, items, row)
        made = _records(p, request, row, items, today)
        if row.problems:
            problems.append(RowProblem(row.number, "; ".join(row.problems) + "."))
        else:
            used += 1
            records.extend(made)
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    added = updated = unchanged = 0
    if apply:
        for record in records:
            outcome = _apply(store, record)
            added += outcome == "added"
            updated += outcome == "updated"
            unchanged += outcome == "unchanged"
        partner_returns.add_return(
            store.db,
            NewReturn(
                request.id,
                p.code,
                ROWS,
                datetime.now(UTC).isoformat(),
                store.actor,
                file.name,
                file.sha256,
                added,
                updated,
                unchanged,
                len(problems),
            ),
        )
        store.audit(
            "import",
            "partner_return",
            request.id,
            detail=f"partner={p.code},added={added},updated={updated},unchanged={unchanged},"
            f"refused={len(problems)}",
        )
    return ReturnResult(
        partner=p.code,
        request_id=request.id,
        kind=ROWS,
        file_name=file.name,
        rows_read=len(rows),
        rows_used=used,
        added=added,
        updated=updated,
        unchanged=unchanged,
        problems=tuple(problems),
        notes=tuple(notes),
        applied=apply,
    )


def _check_person(
    store: Store, p: PartnerSetup, request: RequestRow, items: dict[str, tuple[str, str]], row: SheetRow
) -> None:
    assert row.pace_id is not None
    item = items.get(row.pace_id)
    if item is None:
        if partner_returns.client_has_pace_id(store.db, row.pace_id):
            row.problems.append(
                f"this person was not in request {request.id} to {p.code}, so nothing from "
                f"{p.code} can be recorded for them"
            )
        elif partner_returns.erased_pace_id(store.db, row.pace_id):
            row.problems.append("this person's record was erased: nothing is kept about them")
        else:
            row.problems.append("no client has this PACE ID (it may be mistyped)")
        return
    client_id, status = item
    if status == WITHDRAWN:
        row.problems.append(
            f"the request told {p.code} to delete this person (consent withdrawn): nothing was recorded"
        )
    elif status != SENT:
        row.problems.append(f"this person was not named to {p.code} in this request")
    elif not partner_returns.client_on_file(store.db, client_id):
        row.problems.append("this person's record was erased after the request: nothing was recorded")
    elif not consent_stands(store, p.code, client_id):
        row.problems.append(
            f"this person has since withdrawn consent to sharing with {p.code}: nothing was recorded "
            f"(ask {p.code} to delete what it holds about them)"
        )


def _date(value: Any, heading: str, today: date, problems: list[str]) -> date | None:
    found: date | None = None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, str):
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
            try:
                found = datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a calendar date
                break
            except ValueError:
                continue
    if found is None:
        problems.append(f"the {heading} is not a date (use e.g. 2026-06-01)")
    elif found > today:
        problems.append(f"the {heading} is in the future")
    elif found < EARLIEST:
        problems.append(f"the {heading} is before 2000: check the year")
    return found


def _code(p: PartnerSetup, heading: str, value: Any, problems: list[str]) -> str | None:
    kind = L.CODED_COLUMNS[heading]
    ours = p.mappings.to_ours(kind, str(value)) if not isinstance(value, bool) else None
    if ours is None:
        problems.append(f"the {heading} is not one of {p.code}'s codes (see the Codes sheet)")
    return ours


def _records(
    p: PartnerSetup, request: RequestRow, row: SheetRow, items: dict[str, tuple[str, str]], today: date
) -> list[Outcome | Intervention]:
    """Check the row's values; the records it gives when it has no problems."""
    v = row.values
    problems = row.problems
    note = f"Returned by {p.code} for request {request.id}."
    out: list[Outcome | Intervention] = []
    outcome = outcome_date = None
    given = {h: value for h, value in v.items() if value is not FORMULA}
    if L.OUTCOME in given:
        outcome = _code(p, L.OUTCOME, given[L.OUTCOME], problems)
    if L.OUTCOME_DATE in given:
        outcome_date = _date(given[L.OUTCOME_DATE], L.OUTCOME_DATE, today, problems)
    if (L.OUTCOME in v) != (L.OUTCOME_DATE in v):
        problems.append("give both the Outcome and the Outcome date, or neither")
    service = status = service_date = None
    service_given = [h for h in (L.SERVICE, L.SERVICE_STATUS, L.SERVICE_DATE) if h in v]
    if L.SERVICE in given:
        service = _code(p, L.SERVICE, given[L.SERVICE], problems)
    if L.SERVICE_STATUS in given:
        status = _code(p, L.SERVICE_STATUS, given[L.SERVICE_STATUS], problems)
    if L.SERVICE_DATE in given:
        service_date = _date(given[L.SERVICE_DATE], L.SERVICE_DATE, today, problems)
    if service_given and len(service_given) != 3:
        problems.append("give the Service, its status and its date together, or none of them")
    if problems or row.pace_id is None:
        return out
    client_id = uuid.UUID(items[row.pace_id][0])
    if outcome and outcome_date:
        out.append(
            Outcome(
                id=_record_id(request.id, row.pace_id, "outcome"),
                client_id=client_id,
                date=outcome_date,
                status=OutcomeStatus(outcome),
                source=RecordSource.partner_return,
                note=note,
            )
        )
    if service and status and service_date:
        out.append(
            Intervention(
                id=_record_id(request.id, row.pace_id, "intervention"),
                client_id=client_id,
                service=service,
                partner=p.code,
                date=service_date,
                status=InterventionStatus(status),
                source=RecordSource.partner_return,
                note=note,
            )
        )
    return out


def _record_id(request_id: str, pace_id: str, kind: str) -> uuid.UUID:
    return uuid.uuid5(RETURN_NAMESPACE, f"{request_id}|{pace_id}|{kind}")


_COMPARED = {
    "outcome": ("date", "status", "source"),
    "intervention": ("service", "partner", "date", "status"),
}


def _apply(store: Store, record: Outcome | Intervention) -> str:
    """'added', 'updated' (the partner corrected its return) or 'unchanged' (already held)."""
    repo: Any = store.outcomes if isinstance(record, Outcome) else store.interventions
    held = repo.get(record.id)
    if held is None:
        repo.add(record)
        return "added"
    fields = _COMPARED[repo.entity]
    if all(getattr(held, f) == getattr(record, f) for f in fields):
        return "unchanged"
    repo.update(held.model_copy(update={f: getattr(record, f) for f in (*fields, "note")}))
    return "updated"
