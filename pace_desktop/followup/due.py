"""Who is due a follow-up contact, recording what they said, and the survey sample.

Only people whose latest answer for the purpose (``contact_followup`` for advisers' contacts,
``client_survey`` for the Scottish Government's PACE client survey) is a yes not withdrawn are ever
listed or exported: the consent check happens here, once, before anything else is read.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.followup.schedule import (
    DEFAULT_MONTHS,
    FOLLOWUP_PURPOSE,
    PURPOSES,
    SURVEY_PURPOSE,
    checkpoints,
    status_at,
)
from pace_desktop.partners.cohort import purpose_ids
from pace_desktop.records.enums import OutcomeStatus, RecordSource
from pace_desktop.records.models import STORED_CONTEXT, Client, Outcome
from pace_desktop.records.pace_id import normalise_pace_id
from pace_desktop.store import followup_contacts

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class Due:
    """One person due a contact at one checkpoint."""

    client_id: str
    pace_id: str
    name: str
    leaving: date
    months: int
    due: date
    purpose: str
    last_status: str | None  # the latest outcome recorded for them, if any
    last_date: date | None


@dataclass(frozen=True)
class DueList:
    purpose: str
    as_of: date
    months: tuple[int, ...]
    due: list[Due]
    consenting: int
    no_leaving_date: int  # consenting people who cannot be scheduled yet

    def describe(self) -> str:
        return (
            f"{len(self.due)} due for {self.purpose} on {self.as_of.isoformat()} "
            f"(of {self.consenting} consenting; {self.no_leaving_date} without a leaving date)."
        )


def _outcomes(store: Store, wanted: set[str]) -> dict[str, list[tuple[date, str]]]:
    out: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for client_id, day, status in followup_contacts.outcome_dates(store.db):
        if client_id in wanted and day:
            out[client_id].append((date.fromisoformat(day), status or ""))
    return out


def _clients(store: Store, wanted: set[str]) -> list[Client]:
    rows = followup_contacts.clients_json(store.db)
    return [Client.model_validate_json(data, context=STORED_CONTEXT) for cid, data in rows if cid in wanted]


def due_list(
    store: Store,
    *,
    purpose: str = FOLLOWUP_PURPOSE,
    as_of: date | None = None,
    months: tuple[int, ...] = DEFAULT_MONTHS,
) -> DueList:
    """People consenting to ``purpose`` whose checkpoint is due on ``as_of`` and not yet answered.

    A checkpoint is listed from its due date until its window closes (``schedule.GRACE_DAYS`` before
    the next checkpoint's due date); after that it counts as missed and the next one takes over.
    """
    if purpose not in PURPOSES:
        raise UsageError(f"Follow-up lists are for {' or '.join(PURPOSES)}.")
    as_of = as_of or date.today()
    consenting = purpose_ids(store, purpose)
    outcomes = _outcomes(store, consenting)
    due: list[Due] = []
    no_leaving = 0
    # Only the fields the list needs, read in SQL: validating every consenting person's whole
    # record took seconds at tens of thousands of people.
    for cid, pace_id, first, preferred, last, leaving_text in followup_contacts.due_fields(store.db):
        if cid not in consenting:
            continue
        if not leaving_text:
            no_leaving += 1
            continue
        leaving = date.fromisoformat(leaving_text)
        known = status_at(outcomes.get(cid, []), leaving, months)
        latest = max(outcomes.get(cid, []), default=None)
        name = f"{preferred or first} {last}"  # as Client.display_name
        for point in checkpoints(leaving, months):
            if point.due <= as_of and point.holds(as_of) and point.months not in known:
                due.append(
                    Due(
                        cid,
                        pace_id,
                        name,
                        leaving,
                        point.months,
                        point.due,
                        purpose,
                        latest[1] if latest else None,
                        latest[0] if latest else None,
                    )
                )
    due.sort(key=lambda d: (d.due, d.pace_id))
    return DueList(purpose, as_of, tuple(months), due, len(consenting), no_leaving)


def find_client(store: Store, pace_id: str) -> Client:
    """The client with this PACE ID, or a one-line refusal."""
    try:
        key = normalise_pace_id(pace_id)
    except ValueError as exc:
        raise RefusedError(str(exc)) from None
    data = followup_contacts.client_json(store.db, key)
    if data is None:
        raise RefusedError("No client has that PACE ID here: check it and try again.")
    return Client.model_validate_json(data, context=STORED_CONTEXT)


def parse_status(text: str) -> OutcomeStatus:
    try:
        return OutcomeStatus(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise UsageError("Choose an outcome: " + ", ".join(m.value for m in OutcomeStatus) + ".") from None


def record_followup(
    store: Store,
    client_id: UUID | str,
    status: OutcomeStatus | str,
    day: date,
    note: str | None = None,
    *,
    today: date | None = None,
) -> Outcome:
    """Save what a follow-up contact found, as an Outcome; refused for anyone not consenting."""
    cid = str(client_id)
    if cid not in purpose_ids(store, FOLLOWUP_PURPOSE):
        raise RefusedError("This person did not agree to be contacted after PACE: no outcome was saved.")
    if day > (today or date.today()):
        raise RefusedError("The outcome date is in the future: give the date the person told you about.")
    status = parse_status(status) if isinstance(status, str) else status
    source = RecordSource.office if store.kind == "office" else RecordSource.adviser
    outcome = Outcome(client_id=UUID(cid), date=day, status=status, source=source, note=note or None)
    return store.outcomes.add(outcome)


# -- the survey sample -------------------------------------------------------------------------------

SURVEY_COLUMNS = (
    "PACE ID",
    "First name",
    "Last name",
    "Email",
    "Phone",
    "Postcode",
    "Leaving date",
    "Follow-up month",
    "Due date",
)


def _csv_safe(value: object) -> str:
    """Text a spreadsheet opening the CSV will not run as a formula (see reports/cells.py)."""
    from pace_desktop.reports.cells import FORMULA_PREFIXES

    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def survey_sample(
    store: Store, out: Path | str, *, as_of: date | None = None, months: tuple[int, ...] = DEFAULT_MONTHS
) -> int:
    """Write the people due for the client survey as CSV (owner-only, all or nothing), audited.

    Holds only people whose latest ``client_survey`` answer is a yes not withdrawn.
    """
    from pace_desktop.store.atomic import write_atomic

    out = Path(out)
    if out.suffix.lower() != ".csv":
        raise UsageError("Give the survey sample a file name ending in .csv.")
    if not out.parent.is_dir():
        raise UsageError("The folder for the survey sample does not exist.")
    listing = due_list(store, purpose=SURVEY_PURPOSE, as_of=as_of, months=months)
    by_id = {str(c.id): c for c in _clients(store, {d.client_id for d in listing.due})}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SURVEY_COLUMNS)
    for d in listing.due:
        c = by_id[d.client_id]
        writer.writerow(
            [
                _csv_safe(v)
                for v in (
                    c.pace_id,
                    c.first_name,
                    c.last_name,
                    c.email,
                    c.phone,
                    c.postcode,
                    d.leaving.isoformat(),
                    d.months,
                    d.due.isoformat(),
                )
            ]
        )
    write_atomic(out, buffer.getvalue().encode("utf-8-sig"))
    try:
        with store.transaction():
            store.audit("report", "report", detail=f"kind=survey_sample,rows={len(listing.due)}")
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return len(listing.due)
