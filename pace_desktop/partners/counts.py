"""Counts returned for an aggregate-only request: stored against the request, nothing about anyone.

The partner's analyst writes a CSV with the columns ``request_id, measure, count`` (the script in
``docs/partner_hash.py`` does): ``supplied`` (hashes received), ``matched`` (found in the partner's
records) and any number of the partner's own measures counted among the matched people, e.g.
``PAYE_EMPLOYMENT,640``. A measure that is one of the partner's outcome codes is also stored
under our code. Importing the same counts again changes nothing; a corrected file replaces them.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.partners import layout as L
from pace_desktop.partners.cohort import AGGREGATE
from pace_desktop.partners.history import get_request
from pace_desktop.partners.registry import PartnerSetup
from pace_desktop.partners.result import COUNTS, ReturnFile, ReturnResult, RowProblem
from pace_desktop.records.validation import clean_text
from pace_desktop.store import partner_returns
from pace_desktop.store.partner_returns import NewReturn

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

MAX_MEASURES = 1000
MAX_MEASURE = 60
_NOT_COUNTS = (
    "The return is neither a filled-in request workbook (.xlsx) nor a counts file (CSV with the "
    "columns request_id, measure, count): nothing was imported."
)


def _parse(text: str) -> tuple[list[tuple[int, str, str, str]], list[str]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [L.heading_key(h) for h in header[:3]] != list(L.COUNTS_HEADER):
        raise RefusedError(_NOT_COUNTS)
    rows: list[tuple[int, str, str, str]] = []
    ids: list[str] = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(rows) >= MAX_MEASURES:
            raise RefusedError(f"The counts file has more than {MAX_MEASURES} measures: it was not read.")
        cells = [*row, "", "", ""][:3]
        rows.append((number, cells[0].strip(), cells[1], cells[2].strip()))
        ids.append(cells[0].strip())
    return rows, ids


def import_counts(
    store: Store, p: PartnerSetup, file: ReturnFile, *, request_id: str | None, apply: bool
) -> ReturnResult:
    try:
        text = file.plain.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RefusedError(_NOT_COUNTS) from exc
    rows, ids = _parse(text)
    named = {i for i in ids if i}
    if len(named) > 1:
        raise RefusedError("The counts file names more than one request: send one file per request.")
    wanted = (request_id or next(iter(named), "")).strip()
    if request_id and named and named != {request_id.strip()}:
        raise RefusedError("The counts file answers another request than the one given: check the file.")
    if not wanted:
        raise UsageError("The counts file does not say which request it answers: give it with --request.")
    request = get_request(store, wanted)
    if request is None or request.partner != p.code or request.kind != AGGREGATE:
        raise RefusedError(
            f"The counts file does not answer an aggregate request this office sent to {p.code}: "
            "check the file and the partner. Nothing was imported."
        )
    problems: list[RowProblem] = []
    counts: dict[str, int] = {}
    for number, _, raw_measure, raw_count in rows:
        problem = None
        try:
            measure = clean_text(raw_measure, MAX_MEASURE)
        except ValueError:
            measure, problem = "", f"the measure must be plain text of at most {MAX_MEASURE} characters"
        if problem is None and not measure:
            problem = "the measure is empty"
        elif problem is None and measure.casefold() in {m.casefold() for m in counts}:
            problem = "this measure is also on an earlier row: only that row was used"
        digits = raw_count.replace(",", "").replace(" ", "")
        if problem is None and not digits.isdigit():
            problem = "the count must be a whole number of 0 or more"
        if problem is not None:
            problems.append(RowProblem(number, problem + "."))
            continue
        key = measure.casefold()
        counts[L.SUPPLIED if key == L.SUPPLIED else L.MATCHED if key == L.MATCHED else measure] = int(digits)
    supplied = counts.get(L.SUPPLIED)
    if supplied is not None and supplied != request.sent:
        raise RefusedError(
            f"The counts say {supplied:,} people were supplied, but request {request.id} held "
            f"{request.sent:,}: check that they answer this request. Nothing was imported."
        )
    matched = counts.get(L.MATCHED)
    ceiling = matched if matched is not None else request.sent
    number_of = {m: n for n, _, m, _ in rows}
    for measure, value in list(counts.items()):
        if measure == L.SUPPLIED:
            continue
        limit = request.sent if measure == L.MATCHED else ceiling
        if value > limit:
            problems.append(
                RowProblem(
                    _row_of(number_of, measure),
                    f"the count is more than the {limit:,} people "
                    f"{'supplied' if measure == L.MATCHED else 'matched'}.",
                )
            )
            del counts[measure]
    added = updated = unchanged = 0
    if apply:
        with store.transaction():
            held = partner_returns.held_counts(store.db, request.id)
            return_id = partner_returns.add_return(
                store.db,
                NewReturn(
                    request.id,
                    p.code,
                    COUNTS,
                    datetime.now(UTC).isoformat(),
                    store.actor,
                    file.name,
                    file.sha256,
                    0,
                    0,
                    0,
                    len(problems),
                ),
            )
            for measure, value in counts.items():
                if measure not in held:
                    added += 1
                elif held[measure] != value:
                    updated += 1
                else:
                    unchanged += 1
                    continue
                partner_returns.save_count(
                    store.db, request.id, measure, value, p.mappings.to_ours("outcome", measure), return_id
                )
            partner_returns.set_return_totals(store.db, return_id, added, updated, unchanged)
            store.audit(
                "import",
                "partner_return",
                request.id,
                detail=f"partner={p.code},counts={len(counts)},refused={len(problems)}",
            )
    return ReturnResult(
        partner=p.code,
        request_id=request.id,
        kind=COUNTS,
        file_name=file.name,
        rows_read=len(rows),
        rows_used=len(counts),
        added=added,
        updated=updated,
        unchanged=unchanged,
        problems=tuple(sorted(problems, key=lambda pr: pr.row)),
        applied=apply,
        counts=dict(counts),
    )


def _row_of(number_of: dict[str, int], measure: str) -> int:
    for raw, number in number_of.items():
        if " ".join(raw.split()).casefold() == measure.casefold():
            return number
    return 0


def returned_counts(store: Store, request_id: str) -> dict[str, int]:
    """The counts held for an aggregate request (measure -> count)."""
    return partner_returns.returned_counts(store.db, request_id)
