"""Request files: what SDS sends a partner, encrypted to the partner's age recipient.

An individual request is an xlsx workbook: one row per consenting client with the PACE ID and only
the identifiers that partner matches on, plus empty return columns with drop-down lists of the
partner's own codes, and a "withdrawn — delete" row for each person who has withdrawn since they
were last sent. An aggregate request is a CSV of keyed hashes (``identifiers.keyed_hash``) under a
fresh key per request, which the office gives the partner by another route. Nothing is written
unencrypted: the workbook is built in memory and age-encrypted before it reaches the disk.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.files import write_durably
from pace_desktop.office.central import office_recipients, require_office
from pace_desktop.partners import layout as L
from pace_desktop.partners.agreements import check_sharing
from pace_desktop.partners.cohort import (
    AGGREGATE,
    HASHED,
    INDIVIDUAL,
    SENT,
    WITHDRAWN,
    Flag,
    consenting_clients,
    consenting_ids,
    withdrawal_flags,
)
from pace_desktop.partners.identifiers import (
    IDENTIFIER_HEADINGS,
    identifiers,
    key_text,
    keyed_hash,
    match_text,
    new_key,
)
from pace_desktop.partners.mappings import KINDS
from pace_desktop.partners.registry import PartnerSetup, get_partner
from pace_desktop.reports.suppression import THRESHOLD
from pace_desktop.reports.xlsx import MemoryWorkbook, write_cells, write_value
from pace_desktop.store.partner_requests import NewRequest, add_request

if TYPE_CHECKING:
    from pace_desktop.records.models import Client
    from pace_desktop.store.store import Store

Progress = Callable[[int, int], None]
_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
RETURN_SHADE = "#FFF2CC"  # the columns the partner fills in


@dataclass(frozen=True)
class RequestResult:
    """What was written, for the screen and the command line. ``key`` only for aggregate requests."""

    request_id: str
    partner: str
    partner_name: str
    kind: str
    path: Path
    match_on: str
    sent: int
    withdrawn: int
    skipped: int
    key: str | None = None

    def lines(self) -> list[str]:
        what = "keyed hashes of" if self.kind == AGGREGATE else "details of"
        out = [
            f"Wrote request {self.request_id} for {self.partner} to {self.path}, encrypted to "
            f"{self.partner}'s key: {what} {self.sent:,} "
            f"{'person' if self.sent == 1 else 'people'}."
        ]
        if self.withdrawn:
            out.append(
                f"It tells {self.partner} to delete {self.withdrawn:,} "
                f"{'person' if self.withdrawn == 1 else 'people'} who withdrew consent or were erased."
            )
        if self.skipped:
            out.append(
                f"{self.skipped:,} consenting {'person was' if self.skipped == 1 else 'people were'} "
                f"left out: the identifiers {self.partner} matches on are not all recorded."
            )
        if self.key:
            out.append(
                f"Matching key (give it to {self.partner}'s analyst by another route than the file, "
                f"e.g. read it out by phone): {self.key}"
            )
        return out


def _request_id(code: str, when: datetime) -> str:
    suffix = "".join(secrets.choice(_ID_ALPHABET) for _ in range(4))
    return f"R-{code}-{when:%Y%m%d}-{suffix}"


def make_request(
    store: Store,
    partner: str,
    out_dir: Path | str,
    *,
    aggregate: bool = False,
    progress: Progress | None = None,
) -> RequestResult:
    """Write one request for ``partner`` into ``out_dir``, record it, and return what was sent.

    Refused (nothing written) when the partner's data-sharing agreement is missing, not yet started
    or past its review date (``agreements.check_sharing``), when it has no age recipient, when only
    aggregate matching is agreed and an individual request is asked for, or when nobody can be sent.
    """
    require_office(store)
    p = get_partner(store, partner)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(f"The folder {out_dir} does not exist: create it or choose another.")
    check_sharing(store, p.code)
    if not p.recipient:
        raise RefusedError(
            f"{p.code} has no age recipient yet, so its request cannot be encrypted: nothing was "
            f"written. Add the public key {p.code} sent (partner-set --recipient age1…)."
        )
    if p.aggregate_only and not aggregate:
        raise UsageError(
            f"{p.code} takes aggregate matching only: ask for an aggregate request (--aggregate)."
        )
    now = datetime.now(UTC)
    request_id = _request_id(p.code, now)
    kind = AGGREGATE if aggregate else INDIVIDUAL
    written: Path | None = None
    try:
        with store.transaction():
            consenting = consenting_ids(store, p.code)
            flags = [] if aggregate else withdrawal_flags(store, p.code, consenting)
            members: list[tuple[Client, tuple[str | date, ...] | str]] = []
            skipped = 0
            total = max(1, len(consenting))
            for done, client in enumerate(consenting_clients(store, p.code), start=1):
                value = match_text(client, p.match_on) if aggregate else identifiers(client, p.match_on)
                if value is None:
                    skipped += 1
                else:
                    members.append((client, value))
                if progress is not None and done % 500 == 0:
                    progress(min(done, total), total)
            if progress is not None:
                progress(total, total)
            _check_enough(p, len(members), len(flags), skipped, aggregate)
            key = new_key() if aggregate else None
            if key is not None:
                hashes = sorted({keyed_hash(key, str(value)) for _, value in members})
                plain = _hashes_csv(request_id, p.match_on, hashes)
                sent = len(hashes)
                name = f"PACE-hashes-{request_id[2:]}.csv.age"
            else:
                rows = [(c.pace_id, value) for c, value in members if isinstance(value, tuple)]
                plain = _request_xlsx(p, request_id, rows, flags, office_recipients(store)[0], now)
                sent = len(rows)
                name = f"PACE-request-{request_id[2:]}.xlsx.age"
            sealed = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(p.recipient)])
            del plain
            written = write_durably(out_dir / name, sealed, replace=False)
            status = HASHED if aggregate else SENT
            add_request(
                store.db,
                NewRequest(
                    request_id,
                    p.code,
                    kind,
                    p.match_on,
                    now.isoformat(),
                    store.actor,
                    name,
                    hashlib.sha256(sealed).hexdigest(),
                    sent,
                    len(flags),
                    skipped,
                    key.hex() if key else None,
                ),
                [(str(c.id), c.pace_id, status) for c, _ in members]
                + [(f.client_id, f.pace_id, WITHDRAWN) for f in flags],
            )
            store.audit(
                "export",
                "partner_request",
                request_id,
                detail=f"partner={p.code},kind={kind},sent={sent},withdrawn={len(flags)}",
            )
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise
    return RequestResult(
        request_id,
        p.code,
        p.name,
        kind,
        written,
        p.match_on,
        sent,
        len(flags),
        skipped,
        key_text(key) if key else None,
    )


def _check_enough(p: PartnerSetup, members: int, flags: int, skipped: int, aggregate: bool) -> None:
    if members == 0 and flags == 0:
        raise RefusedError(
            f"Nobody can be sent to {p.code}: no client agreed to sharing with it"
            + (f", or the {skipped} who did lack its identifiers" if skipped else "")
            + ". No request was written."
        )
    if aggregate and members < THRESHOLD:
        raise RefusedError(
            f"Aggregate matching needs at least {THRESHOLD} people, so that the counts {p.code} "
            "returns cannot single anyone out: no request was written."
        )


def _hashes_csv(request_id: str, match_on: str, hashes: Sequence[str]) -> bytes:
    lines = [",".join(L.HASHES_HEADER)] + [f"{request_id},{match_on},{h}" for h in hashes]
    return ("\n".join(lines) + "\n").encode("ascii")


# -- the individual request workbook -------------------------------------------------------------


def _request_xlsx(
    p: PartnerSetup,
    request_id: str,
    rows: Sequence[tuple[str, tuple[str | date, ...]]],
    flags: Sequence[Flag],
    office_recipient: str,
    created: datetime,
) -> bytes:
    """The request workbook, built and zipped in memory (XlsxWriter): it is age-encrypted before
    anything is written, so no plain copy of a row touches the disk."""
    wb = MemoryWorkbook()
    about = wb.add_worksheet(L.ABOUT_SHEET)
    _about(wb, about, p, request_id, len(rows), len(flags), office_recipient, created)
    ws = wb.add_worksheet(L.REQUEST_SHEET)
    codes = wb.add_worksheet(L.CODES_SHEET)
    ranges = _codes(wb, codes, p)
    id_headings = IDENTIFIER_HEADINGS[p.match_on]
    headings = (L.PACE_ID, L.ACTION, *id_headings, *L.RETURN_HEADINGS)
    first_return = 2 + len(id_headings)  # 0-based column of the first column the partner fills in
    return_header = wb.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "pattern": 1, "bg_color": RETURN_SHADE}
    )
    for col, heading in enumerate(headings):
        ws.write_string(0, col, heading, return_header if col >= first_return else wb.header_format)
    r = 0
    for pace_id, values in rows:
        r += 1
        write_cells(wb, ws, r, (pace_id, L.ACTION_LOOK_UP, *values))
    for flag in flags:
        r += 1
        write_cells(wb, ws, r, (flag.pace_id, L.ACTION_ERASED if flag.erased else L.ACTION_WITHDRAWN))
    last = max(r, 1)  # 0-based last row the drop-downs and date checks cover
    for col in range(len(headings)):
        heading = headings[col]
        width = 16 if col > 0 else 18
        if col >= first_return and heading not in L.CODED_COLUMNS:
            ws.set_column(col, col, width, wb.date_format)  # the partner's dates show as dates
        else:
            ws.set_column(col, col, width)
    for offset, heading in enumerate(L.RETURN_HEADINGS):
        col = first_return + offset
        rule: dict[str, object]
        if heading in L.CODED_COLUMNS:
            rule = {
                "validate": "list",
                "source": "=" + ranges[L.CODED_COLUMNS[heading]],
                "error_title": "Not one of your codes",
                "error_message": "Choose one of the codes in the list (see the Codes sheet).",
            }
        else:
            rule = {
                "validate": "date",
                "criteria": "between",
                "minimum": date(2000, 1, 1),
                "maximum": date(2100, 12, 31),
                "error_title": "Not a date",
                "error_message": "Enter a date, e.g. 2026-06-01.",
            }
        ws.data_validation(1, col, last, col, {**rule, "ignore_blank": True, "show_error": True})
    ws.freeze_panes(1, 2)
    return wb.to_bytes()


def _about(
    wb: MemoryWorkbook,
    ws: Worksheet,
    p: PartnerSetup,
    request_id: str,
    rows: int,
    flags: int,
    office_recipient: str,
    created: datetime,
) -> None:
    ws.write_string(0, 0, "PACE data-sharing request", wb.add_format({"bold": True, "font_size": 14}))
    facts = [
        (L.REQUEST_ID_LABEL, request_id),
        (L.PARTNER_LABEL, p.code),
        ("Partner", p.name),
        ("From", "Skills Development Scotland, PACE office"),
        ("Created (UTC)", f"{created:%Y-%m-%d %H:%M}"),
        ("People to look up", rows),
        ("People to delete", flags),
        ("Matching on", p.match_label),
    ]
    for i, (label, value) in enumerate(facts, start=2):
        ws.write_string(i, 0, label, wb.bold_format)
        write_value(wb, ws, i, 1, value)
    notes = [
        f"Each 'look up' row is one person who agreed to SDS sharing their details with {p.name}. "
        f"Match them on the {p.match_label} only.",
        "Fill in what you know in the shaded columns of the Request sheet, using the drop-down "
        "lists (your own codes; the Codes sheet says what each means to us). Leave a cell empty "
        "when you do not know. Dates as dates, e.g. 2026-06-01.",
        "Rows marked 'withdrawn — delete' or 'erased — delete': that person withdrew consent or "
        "had their record erased. Delete everything SDS sent you about them and send nothing back.",
        "Do not add people, change PACE IDs, or add anything else about anyone.",
        "Send the completed workbook back encrypted to the PACE office with age: "
        f"age -r {office_recipient} -o return.xlsx.age request.xlsx",
        "Delete your copies of this request once your return is sent.",
    ]
    top = len(facts) + 3
    for i, note in enumerate(notes):
        write_value(wb, ws, top + i, 0, note)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 60)


def _codes(wb: MemoryWorkbook, ws: Worksheet, p: PartnerSetup) -> dict[str, str]:
    """The partner's code lists, three columns side by side; returns the drop-down range per kind."""
    ranges: dict[str, str] = {}
    titles = {"outcome": "Outcome code", "service": "Service code", "status": "Service status code"}
    for block, kind in enumerate(KINDS):
        col = block * 3
        ws.write_string(0, col, titles[kind], wb.bold_format)
        ws.write_string(0, col + 1, "Means", wb.bold_format)
        codes = p.mappings.codes(kind)
        for i, (theirs, label) in enumerate(codes, start=1):
            write_value(wb, ws, i, col, theirs)
            write_value(wb, ws, i, col + 1, label)
        letter = xl_col_to_name(col)
        ranges[kind] = f"{L.CODES_SHEET}!${letter}$2:${letter}${len(codes) + 1}"
        ws.set_column(col, col, 20)
        ws.set_column(col + 1, col + 1, 28)
    return ranges
