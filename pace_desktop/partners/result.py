"""What a return import found and did, in words an office user can act on.

Problems name the row and the column, never the value in the cell: a misplaced name or NI number
must not end up in a message, a log or a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROWS = "rows"
COUNTS = "counts"


@dataclass(frozen=True)
class ReturnFile:
    """A return's name, the SHA-256 of the file as received, and its plain (decrypted) bytes."""

    name: str
    sha256: str
    plain: bytes = field(repr=False)


@dataclass(frozen=True)
class RowProblem:
    """Why one row of a return was not used. ``row`` is the spreadsheet's (or CSV file's) row number."""

    row: int
    message: str

    def line(self) -> str:
        return f"Row {self.row}: {self.message}"


@dataclass(frozen=True)
class ReturnResult:
    """One return, checked (and applied unless ``applied`` is False).

    ``added``/``updated``/``unchanged`` count records (outcomes, interventions or counts): a second
    import of the same return finds everything ``unchanged`` and changes nothing.
    """

    partner: str
    request_id: str
    kind: str
    file_name: str
    rows_read: int
    rows_used: int
    added: int
    updated: int
    unchanged: int
    problems: tuple[RowProblem, ...]
    notes: tuple[str, ...] = ()
    applied: bool = True
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows_refused(self) -> int:
        return len({p.row for p in self.problems})

    def summary(self) -> str:
        verb = "Imported" if self.applied else "Checked (nothing saved)"
        what = "count" if self.kind == COUNTS else "row"
        line = (
            f"{verb} {self.partner}'s return for request {self.request_id}: {self.rows_used:,} "
            f"{what}{'' if self.rows_used == 1 else 's'} used, {self.rows_refused:,} refused"
        )
        if self.applied:
            line += f"; {self.added:,} added, {self.updated:,} updated, {self.unchanged:,} already held"
        return line + "."

    def lines(self) -> list[str]:
        return [self.summary(), *self.notes, *(p.line() for p in self.problems)]
