"""What is read from a staff list: the non-blank rows of one sheet, and the file they came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

Progress = Callable[[int, int], None]


@dataclass
class Sheet:
    """The non-blank rows of one worksheet (or a CSV file), with their spreadsheet row numbers."""

    name: str
    rows: list[list[Any]]
    numbers: list[int]
    epoch: datetime | None = None  # the workbook's date system, for serial-number dates
    header: int = 0  # index into ``rows`` of the heading row

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def headings(self) -> list[str]:
        """Heading text per column; a blank heading reads 'Column C', as spreadsheets label it."""
        row = self.rows[self.header] if self.rows else []
        out = []
        for col in range(self.width):
            value = row[col] if col < len(row) else None
            text = " ".join(str(value).split()) if value is not None else ""
            out.append(text or f"Column {column_letter(col)}")
        return out

    def data_indexes(self) -> range:
        return range(self.header + 1, len(self.rows))

    def cell(self, index: int, col: int) -> Any:
        row = self.rows[index]
        return row[col] if col < len(row) else None

    def set_cell(self, index: int, col: int, value: Any) -> None:
        """An adviser's correction of one cell, before the rows are checked again."""
        row = self.rows[index]
        row.extend([None] * (col + 1 - len(row)))
        row[col] = value


def column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class SourceFile:
    """The kind of file picked and the sheets it offers (a CSV has one, named after the file)."""

    path: Path
    kind: str  # 'xlsx' or 'csv'
    sheet_names: tuple[str, ...]
