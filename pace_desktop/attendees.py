"""Importing an employer's list of affected staff (xlsx or csv) to pre-register attendees.

Real lists are messy: a title above the headings, merged cells, dates typed as text in any order or
stored as Excel serial numbers, blank rows at the end, whole names in one column. This module reads
such a file without Qt, guesses which column holds which field, checks every row with the ``Client``
model and writes the good rows in one transaction. A hostile or broken file gives one plain line
(``AttendeeFileError``), never a traceback. Messages name rows and columns, never the data in them.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.parsers import expat

from pydantic import ValidationError

from pace_desktop.errors import RefusedError
from pace_desktop.records.models import RECORD_KEY, Client, EmploymentStatus, Event, RecordSource
from pace_desktop.records.models import field_errors as model_field_errors
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.validation import dob_warning

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

Progress = Callable[[int, int], None]

# Caps that keep a hostile file from exhausting memory or time; real staff lists are far smaller.
MAX_FILE_BYTES = 25 * 1024 * 1024
# An xlsx is a zip: its directory is checked, so a zip bomb is refused before anything inflates it.
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024
# Real workbook XML nests about eight deep; a file nested far deeper is built to hurt a parser.
MAX_XML_DEPTH = 64
MAX_ROWS = 20_000
MAX_COLUMNS = 100
HEADER_SEARCH_ROWS = 30
# Excel often keeps thousands of formatted but empty rows below the data; this many blank rows in a
# row is taken as the end of the list rather than read on to row 1,048,576.
MAX_BLANK_RUN = 10_000


class AttendeeFileError(RefusedError):
    """The file cannot be read as a staff list: one plain line saying why and what to do."""


NOT_A_SHEET = ("This file is not an Excel workbook (.xlsx) or a CSV file: save the list from the "
               "spreadsheet as .xlsx or CSV and try again.")
PROTECTED = ("This workbook is password-protected or in the old .xls format: open it in the "
             "spreadsheet, save a copy as .xlsx without a password, and import that copy.")
DAMAGED = ("This workbook is damaged and cannot be read: open it in the spreadsheet, save a fresh "
           "copy, and try again.")
NOT_A_FILE = ("This is not an ordinary file (a device, a pipe or a link to one): save the staff list "
              "as an .xlsx or CSV file and choose that.")
TOO_BIG = "This file is too large to be a staff list (over 25 MB): split it into smaller files."
TOO_MANY_ROWS = (f"The list has more than {MAX_ROWS:,} rows: split it into smaller files and "
                 "import each.")

# -- the fields a column can fill ----------------------------------------------------------------

FULL_NAME = "full_name"
FIELDS: dict[str, str] = {
    FULL_NAME: "Full name (split into first and last)",
    "first_name": "First name",
    "last_name": "Last name",
    "title": "Title",
    "preferred_name": "Preferred name",
    "date_of_birth": "Date of birth",
    "gender": "Gender",
    "address": "Address (several columns are joined)",
    "postcode": "Postcode",
    "phone": "Phone",
    "email": "Email",
    "ni_number": "National Insurance number",
    "job_title": "Job title",
    "employment_status": "Employment status",
    "length_of_service_years": "Length of service (years)",
    "notice_date": "Notice date",
    "expected_leaving_date": "Expected leaving date",
    "notes": "Notes",
}
# Short names for row problems ("Row 7: Date of birth: ...").
_PROBLEM_LABELS = {k: v.split(" (")[0] for k, v in FIELDS.items()} | {FULL_NAME: "Name"}
DATE_FIELDS = frozenset({"date_of_birth", "notice_date", "expected_leaving_date"})
MULTI_COLUMN_FIELDS = frozenset({"address", "notes"})

# Heading words, compared after folding case and punctuation. Phrases marked '=' (exact only) are
# too generic to be spotted inside a longer heading ("Line manager name" is not the attendee's).
_HEADINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "first names", "forename", "forenames", "given name",
                   "given names", "christian name", "=first"),
    "last_name": ("last name", "surname", "family name", "=last"),
    FULL_NAME: ("=name", "=names", "full name", "employee name", "=employee", "staff name",
                "name of employee", "employee full name", "=colleague", "colleague name"),
    "title": ("=title", "salutation", "honorific"),
    "preferred_name": ("preferred name", "known as", "=preferred"),
    "date_of_birth": ("date of birth", "=dob", "=d o b", "birth date", "birthdate", "birthday"),
    "gender": ("gender", "=sex"),
    "address": ("address", "street", "=town", "=city", "town city", "=county"),
    "postcode": ("postcode", "post code", "postal code", "=zip", "zip code"),
    "phone": ("phone", "telephone", "mobile", "=tel", "tel no", "contact number"),
    "email": ("email", "e mail", "email address", "e mail address"),
    "ni_number": ("=ni", "ni number", "ni no", "nino", "national insurance", "=nin"),
    "job_title": ("job title", "=role", "job role", "=position", "=job", "occupation", "=post"),
    "employment_status": ("=status", "employment status"),
    "length_of_service_years": ("length of service", "=service", "years of service",
                                "service years", "=los", "years service"),
    "notice_date": ("notice date", "date of notice", "notice given", "notice issued"),
    "expected_leaving_date": ("leaving date", "last day", "last working day", "termination date",
                              "=end date", "exit date", "date of leaving", "leave date"),
    "notes": ("=notes", "=note", "=comments", "=comment"),
}


def _fold(text: str) -> str:
    """'D.O.B.' -> 'd o b', 'E-mail' -> 'e mail': case, accents and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def guess_field(heading: str) -> str | None:
    """The field a column heading most likely names, or None ('Staff no.' names none of ours)."""
    folded = _fold(heading)
    if not folded:
        return None
    best: tuple[int, str] | None = None
    for name, phrases in _HEADINGS.items():
        for phrase in phrases:
            exact_only = phrase.startswith("=")
            phrase = phrase.lstrip("=")
            if folded == phrase:
                return name
            if not exact_only and re.search(rf"\b{re.escape(phrase)}\b", folded):
                if best is None or len(phrase) > best[0]:
                    best = (len(phrase), name)
    return best[1] if best else None


def guess_mapping(headings: Sequence[str]) -> dict[int, str]:
    """Column index -> field for the headings we recognise; each field once (address may repeat)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for col, heading in enumerate(headings):
        name = guess_field(heading)
        if name and (name not in used or name in MULTI_COLUMN_FIELDS):
            mapping[col] = name
            used.add(name)
    # With both halves of the name in their own columns, a 'Name' column is something else.
    if {"first_name", "last_name"} <= used and FULL_NAME in used:
        mapping = {c: f for c, f in mapping.items() if f != FULL_NAME}
    return mapping


def mapping_problems(mapping: dict[int, str]) -> list[str]:
    """What stops rows being checked with this column mapping, as plain lines (empty when fine)."""
    problems = []
    counts: dict[str, int] = {}
    for name in mapping.values():
        if name:
            counts[name] = counts.get(name, 0) + 1
    for name, n in counts.items():
        if n > 1 and name not in MULTI_COLUMN_FIELDS:
            label = _PROBLEM_LABELS[name]
            problems.append(f"Two columns are set to '{label}': choose one of them.")
    if FULL_NAME not in counts and not {"first_name", "last_name"} <= set(counts):
        problems.append("Choose the column with the full name, or the columns with first and "
                        "last names.")
    return problems


# -- reading the file ----------------------------------------------------------------------------

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
            out.append(text or f"Column {_column_letter(col)}")
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


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class SourceFile:
    """The kind of file picked and the sheets it offers (a CSV has one, named after the file)."""

    path: Path
    kind: str  # 'xlsx' or 'csv'
    sheet_names: tuple[str, ...]


def open_source(path: Path | str) -> SourceFile:
    """Check the file is a readable workbook or CSV and list its sheets (or AttendeeFileError)."""
    path = Path(path)
    data = _read_file(path)
    kind = _kind(path, data)
    if kind == "csv":
        return SourceFile(path, "csv", (path.stem,))
    with _workbook(data) as wb:
        names = tuple(ws.title for ws in wb.worksheets
                      if getattr(ws, "sheet_state", "visible") == "visible")
    return SourceFile(path, "xlsx", names or ("Sheet1",))


def read_sheet(path: Path | str, sheet: str | None = None,
               progress: Progress | None = None) -> Sheet:
    """Read one sheet's non-blank rows (merged cells filled in), and find the heading row."""
    path = Path(path)
    data = _read_file(path)
    result = (_read_csv(data, path.stem) if _kind(path, data) == "csv"
              else _read_xlsx(data, sheet, progress))
    result.header = find_header(result.rows)
    if len(result.rows) - result.header - 1 > MAX_ROWS:
        raise AttendeeFileError(TOO_MANY_ROWS)
    return result


def _read_file(path: Path) -> bytes:
    """The whole file, read once into memory: only a regular file (a link is followed only to one), and
    never more than ``MAX_FILE_BYTES`` + 1 bytes, whatever its size claims (a link to /dev/zero says 0)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise AttendeeFileError(NOT_A_FILE)
        # Non-blocking, so that a pipe swapped in after the check cannot hang the open; checked again.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise AttendeeFileError(NOT_A_FILE)
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AttendeeFileError(
            "The file was not found: it may have been moved. Choose it again.") from None
    except OSError:
        raise AttendeeFileError(
            "The file could not be opened: check you may read it, then try again.") from None
    if len(data) > MAX_FILE_BYTES:
        raise AttendeeFileError(TOO_BIG)
    return data


def _kind(path: Path, data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: encrypted xlsx, or legacy .xls
        raise AttendeeFileError(PROTECTED)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return "csv"
    raise AttendeeFileError(NOT_A_SHEET)


class _Hostile(Exception):
    """An XML part nested too deep, or declaring a DTD (entity expansion): refused before openpyxl."""


def _check_xml_parts(zf: zipfile.ZipFile) -> None:
    """Stream every XML part through expat once: refuse nesting past ``MAX_XML_DEPTH`` and any DTD."""
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        parser = expat.ParserCreate()
        depth = 0

        def start(_name: str, _attrs: Any) -> None:
            nonlocal depth
            depth += 1
            if depth > MAX_XML_DEPTH:
                raise _Hostile

        def end(_name: str) -> None:
            nonlocal depth
            depth -= 1

        def doctype(*_args: Any) -> None:
            raise _Hostile

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.StartDoctypeDeclHandler = doctype
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)


class _workbook:
    """Open an xlsx read-only after checking its zip directory, and always close it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.wb: Any = None

    def __enter__(self) -> Any:
        import openpyxl  # deferred: only imports pay for it

        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
                infos = zf.infolist()
                if len(infos) > 10_000 or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
                    raise AttendeeFileError(TOO_BIG)
                if "xl/workbook.xml" not in {i.filename for i in infos}:
                    raise AttendeeFileError(NOT_A_SHEET)
                _check_xml_parts(zf)
            self.wb = openpyxl.load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
        except AttendeeFileError:
            raise
        except Exception:  # noqa: BLE001 - any failure inside a hostile zip is one plain line
            raise AttendeeFileError(DAMAGED) from None
        return self.wb

    def __exit__(self, *exc: object) -> None:
        if self.wb is not None:
            self.wb.close()


def _read_xlsx(data: bytes, sheet: str | None, progress: Progress | None) -> Sheet:
    with _workbook(data) as wb:
        try:
            ws = wb[sheet] if sheet else wb.worksheets[0]
        except (KeyError, IndexError):
            raise AttendeeFileError(
                "That sheet is not in the workbook: choose one from the list.") from None
        try:
            rows, numbers, merged = _parse_rows(wb, ws, progress)
        except AttendeeFileError:
            raise
        except Exception:  # noqa: BLE001 - a malformed sheet is one plain line, never a traceback
            raise AttendeeFileError(DAMAGED) from None
        title = ws.title
        epoch = wb.epoch
    _fill_merged(rows, numbers, merged)
    return Sheet(title, rows, numbers, epoch)


_Rows = tuple[list[list[Any]], list[int], list[str]]


def _parse_rows(wb: Any, ws: Any, progress: Progress | None) -> _Rows:
    """Stream the sheet's rows, keeping the non-blank ones, and collect its merged ranges.

    openpyxl's read-only worksheet drops the merge list, so its streaming parser is driven here to
    get both in one pass. That parser is internal to openpyxl (pinned in constraints.txt); should it
    ever change, the public row iterator is used instead and merged cells are simply not filled.
    """
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        src = ws._get_source()
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
    except (ImportError, AttributeError, TypeError):
        ws.reset_dimensions()
        rows = enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
        return (*_keep_rows(((n, list(r)) for n, r in rows), progress), [])
    with src:
        cells = ((n, _row_values(row)) for n, row in parser.parse())
        kept, numbers = _keep_rows(cells, progress)
        merged = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return kept, numbers, merged


def _row_values(cells: list[dict[str, Any]]) -> list[Any]:
    values: list[Any] = []
    for cell in cells:
        col = cell["column"]
        if col > MAX_COLUMNS:
            break
        values.extend([None] * (col - 1 - len(values)))
        values.append(cell["value"])
    return values


def _keep_rows(source: Iterable[tuple[int, list[Any]]],
               progress: Progress | None) -> tuple[list[list[Any]], list[int]]:
    rows: list[list[Any]] = []
    numbers: list[int] = []
    blank_run = 0
    for number, values in source:
        if all(_blank(v) for v in values):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        rows.append(values)
        numbers.append(number)
        if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise AttendeeFileError(TOO_MANY_ROWS)
        if progress and len(rows) % 500 == 0:
            progress(len(rows), 0)
    return rows, numbers


def _fill_merged(rows: list[list[Any]], numbers: list[int], ranges: list[str]) -> None:
    """Give each cell of a merged range the value shown in it (its top-left cell's)."""
    from openpyxl.utils.cell import range_boundaries

    where = {n: i for i, n in enumerate(numbers)}
    for ref in ranges[:10_000]:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except ValueError:
            continue
        top = where.get(min_row)
        if top is None or min_col > MAX_COLUMNS:
            continue
        value = rows[top][min_col - 1] if min_col - 1 < len(rows[top]) else None
        if _blank(value):
            continue
        max_col = min(max_col, MAX_COLUMNS)
        for number in range(min_row, max_row + 1):
            i = where.get(number)
            if i is None:
                if number > numbers[-1]:
                    break
                continue
            row = rows[i]
            row.extend([None] * (max_col - len(row)))
            for col in range(min_col - 1, max_col):
                if _blank(row[col]):
                    row[col] = value


def _read_csv(raw: bytes, title: str) -> Sheet:
    if b"\x00" in raw:
        raise AttendeeFileError(NOT_A_SHEET)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the Windows code page; cp1252 decodes any byte but five.
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    numbers: list[int] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        for number, record in enumerate(reader, start=1):
            if all(_blank(v) for v in record):
                continue
            rows.append(list(record[:MAX_COLUMNS]))
            numbers.append(number)
            if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise AttendeeFileError(TOO_MANY_ROWS)
    except csv.Error:
        raise AttendeeFileError("This CSV file is malformed (a quote or a very long cell): "
                                "save it again from the spreadsheet and retry.") from None
    return Sheet(title, rows, numbers, None)


def find_header(rows: Sequence[Sequence[Any]]) -> int:
    """Index of the heading row: among the first rows, the one naming most of our fields.

    Titles and notes above the headings ('Staff at risk - confidential') name none, so they lose;
    with no recognisable headings at all, the first row is taken and the adviser maps the columns.
    """
    best, best_score = 0, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {guess_field(str(v)) for v in row if isinstance(v, str)}
        names.discard(None)
        if len(names) > best_score:
            best, best_score = i, len(names)
    return best


# -- turning cells into field values -------------------------------------------------------------

DATE_MESSAGE = "Enter a date like 03/11/1975 (day, month, year)."
FORMULA_MESSAGE = "This cell holds a spreadsheet formula, not a value: type the value itself."
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[./\- ](\d{1,2})[./\- ](\d{1,4})")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm)?$", re.IGNORECASE)


def _year(text: str, past: bool, today: date) -> int:
    year = int(text)
    if len(text) <= 2:
        # Two-digit years: a birth year is never in the future; other dates are within ten years.
        year += 2000
        if year > today.year + (0 if past else 10):
            year -= 100
    return year


def parse_date(value: Any, *, epoch: datetime | None = None, month_first: bool = False,
               past: bool = False, today: date | None = None) -> date | None:
    """A date from a cell: a date cell, an Excel serial number, or text in the usual UK forms.

    Text is read day first ('03/11/1975' is 3 November) unless ``month_first`` (a column that is
    plainly American, see ``month_first_column``). None when blank; else ValueError(DATE_MESSAGE).
    """
    from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

    today = today or date.today()
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(DATE_MESSAGE)
    if isinstance(value, int | float):
        # Serial numbers: 1 is 1 January 1900; 2958465 is 31 December 9999.
        if 1 <= value < 2958466:
            return from_excel(value, epoch or WINDOWS_EPOCH).date()
        raise ValueError(DATE_MESSAGE)
    text = _TIME_TAIL.sub("", " ".join(str(value).split())).strip().rstrip(",")
    if re.fullmatch(r"\d{5}", text):  # a serial number that lost its cell format in a CSV
        return parse_date(int(text), epoch=epoch)
    if re.fullmatch(r"\d{8}", text):  # typed without separators: 12031968 is 12 March 1968
        text = f"{text[:2]}/{text[2:4]}/{text[4:]}"
    try:
        return _text_date(text, month_first, past, today)
    except (ValueError, KeyError, OverflowError):
        raise ValueError(DATE_MESSAGE) from None


def _text_date(text: str, month_first: bool, past: bool, today: date) -> date:
    if m := _NUMERIC_DATE.fullmatch(text):
        a, b, c = m.groups()
        if len(a) == 4:  # ISO year first: 1975-11-03
            return date(int(a), int(b), int(c))
        day, month = (b, a) if month_first else (a, b)
        return date(_year(c, past, today), int(month), int(day))
    words = re.findall(r"[a-z]+|\d+", text.casefold())
    words = [w for w in words if w not in ("st", "nd", "rd", "th", "of")]
    if len(words) == 3:
        if words[0].isdigit() and not words[1].isdigit() and words[2].isdigit():  # 3 Nov 1975
            return date(_year(words[2], past, today), _MONTHS[words[1]], int(words[0]))
        if not words[0].isdigit() and words[1].isdigit() and words[2].isdigit():  # Nov 3 1975
            return date(_year(words[2], past, today), _MONTHS[words[0]], int(words[1]))
    raise ValueError(DATE_MESSAGE)


def month_first_column(values: Iterable[Any]) -> bool:
    """True when a column's dates can only be month-first (some '11/23/1975', none '23/11/1975')."""
    second_big = first_big = False
    for value in values:
        if isinstance(value, str) and (m := _NUMERIC_DATE.fullmatch(value.strip()[:10])):
            a, b, _ = m.groups()
            if len(a) == 4:
                continue
            first_big |= int(a) > 12
            second_big |= int(b) > 12
    return second_big and not first_big


_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "revd", "sir", "dame", "lady",
           "lord"}
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin",
              "binti", "bint", "al", "el", "ibn", "mac", "mc", "nic", "ni", "st", "st.", "ap", "ó",
              "o"}


def split_name(full: str) -> tuple[str | None, str, str]:
    """(title, first, last) from one cell: 'MacLeod, Ewan', 'Ewan MacLeod', 'Mr Ewan MacLeod'.

    A comma puts the surname first. Without one, the last word is the surname, taking with it
    particles such as 'van der' or 'bin'; a first word in capitals before mixed-case ones is the
    surname ('MACLEOD Ewan'), as HR systems often write it. Either part may come back empty, and
    the row check then says what is missing.
    """
    text = " ".join(full.split())
    title = None
    if "," in text:
        last, _, first = (part.strip() for part in text.partition(","))
        words = first.split()
        if words and words[0].casefold().rstrip(".") in _TITLES:
            title, first = words[0], " ".join(words[1:])
        return title, first, last
    words = text.split()
    if len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES:
        title = words.pop(0)
    if len(words) <= 1:
        return title, (words[0] if words else ""), ""
    if words[0].isupper() and len(words[0]) > 1 and not all(w.isupper() for w in words):
        return title, " ".join(words[1:]), words[0]
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return title, " ".join(words[:cut]), " ".join(words[cut:])


def _text(value: Any) -> str | None:
    """A cell as text: whole numbers without '.0', dates as ISO; None for blank."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip()[:1] in ("=", "@")


def _phone(value: Any) -> str | None:
    # A phone column stored as numbers loses its leading zero (7700900123 was 07700 900123), in the
    # workbook or in a CSV saved from it; ten digits starting like a UK number get the zero back.
    text = _text(value)
    if text and text.isdigit() and len(text) == 10 and text[0] in "123578":
        return "0" + text
    return text


def _status(value: Any) -> EmploymentStatus | str | None:
    text = _fold(_text(value) or "")
    if not text:
        return None
    if "redundan" in text and "notice" not in text:
        return EmploymentStatus.redundant
    if "notice" in text:
        return EmploymentStatus.under_notice
    if "risk" in text:
        return EmploymentStatus.at_risk
    return EmploymentStatus.other


def _years(value: Any) -> Any:
    if isinstance(value, str) and (m := re.search(r"\d+(\.\d+)?", value)):
        return float(m.group())
    return _text(value) if isinstance(value, str) else value


# -- checking rows -------------------------------------------------------------------------------

@dataclass
class RowCheck:
    """One data row checked: the client it makes, or what is wrong with it in plain words."""

    index: int  # into Sheet.rows
    number: int  # the spreadsheet's row number, as the adviser sees it
    client: Client | None
    problems: dict[str, str] = field(default_factory=dict)  # field label -> message
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.client is not None and not self.problems

    def reason(self) -> str:
        return "; ".join(f"{label}: {message}" for label, message in self.problems.items())


def check_rows(sheet: Sheet, mapping: dict[int, str], event: Event, *,
               existing: Iterable[Client] = (), today: date | None = None,
               progress: Progress | None = None) -> list[RowCheck]:
    """Check every data row with the Client model; a repeated or already registered person too."""
    if problems := mapping_problems(mapping):
        raise AttendeeFileError(problems[0])
    orders = {col: month_first_column(sheet.cell(i, col) for i in sheet.data_indexes())
              for col, name in mapping.items() if name in DATE_FIELDS}
    results = []
    total = len(sheet.data_indexes())
    for n, index in enumerate(sheet.data_indexes()):
        results.append(check_row(sheet, index, mapping, event, month_first=orders, today=today))
        if progress and n % 500 == 0:
            progress(n, total)
    mark_duplicates(results, existing)
    return results


def check_row(sheet: Sheet, index: int, mapping: dict[int, str], event: Event, *,
              month_first: dict[int, bool] | None = None, today: date | None = None) -> RowCheck:
    """Check one row; call again after the adviser corrects a cell with ``Sheet.set_cell``."""
    month_first = month_first or {}
    data: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for col, name in sorted(mapping.items()):
        if not name:
            continue
        value = sheet.cell(index, col)
        label = _PROBLEM_LABELS[name]
        if _looks_like_formula(value):
            problems[label] = FORMULA_MESSAGE
            continue
        try:
            converted = _convert(name, value, sheet.epoch, month_first.get(col, False), today)
        except ValueError as err:
            problems[label] = str(err)
            continue
        if name in MULTI_COLUMN_FIELDS:
            if converted:
                data[name] = f"{data[name]}\n{converted}" if data.get(name) else converted
        elif name == FULL_NAME:
            if converted:
                title, first, last = split_name(converted)
                data.setdefault("_split", (title, first, last))
        else:
            data[name] = converted
    if split := data.pop("_split", None):
        title, first, last = split
        # Separate first/last columns, when also mapped and filled, win over the split.
        data["first_name"] = data.get("first_name") or first
        data["last_name"] = data.get("last_name") or last
        data["title"] = data.get("title") or title
    return _validate(sheet.numbers[index], index, data, problems, event, mapping)


def _convert(name: str, value: Any, epoch: datetime | None, month_first: bool,
             today: date | None) -> Any:
    if name in DATE_FIELDS:
        return parse_date(value, epoch=epoch, month_first=month_first,
                          past=name == "date_of_birth", today=today)
    if name == "phone":
        return _phone(value)
    if name == "employment_status":
        return _status(value)
    if name == "length_of_service_years":
        return _years(value)
    return _text(value)


def _validate(number: int, index: int, data: dict[str, Any], problems: dict[str, str],
              event: Event, mapping: dict[int, str]) -> RowCheck:
    from_full_name = FULL_NAME in mapping.values()
    try:
        payload = {k: v for k, v in data.items() if v is not None}
        for required in ("first_name", "last_name"):
            payload.setdefault(required, "")  # so the model's own 'Enter the first name.' shows
        client = Client.model_validate({
            **payload, "event_id": event.id, "source": RecordSource.attendee_import,
        })
    except ValidationError as exc:
        for key, message in model_field_errors(exc).items():
            split_from_full = from_full_name and key not in mapping.values()
            if key in ("first_name", "last_name") and split_from_full:
                label = _PROBLEM_LABELS[FULL_NAME]
                halves = data.get("first_name"), data.get("last_name")
                message = ("Give both the first and the last name." if any(halves)
                           else "Fill in the name.")
            else:
                label = _PROBLEM_LABELS.get(key, "Row" if key == RECORD_KEY else key)
            problems.setdefault(label, message)
        client = None
    check = RowCheck(index, number, client if not problems else None, problems)
    if check.client is not None and check.client.date_of_birth is not None:
        if warning := dob_warning(check.client.date_of_birth, event.event_date):
            check.warnings.append(warning)
    return check


def _person_keys(client: Client) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if client.ni_number:
        keys.append(("ni", client.ni_number))
    if client.date_of_birth:
        keys.append(("person", _fold(client.first_name), _fold(client.last_name),
                     client.date_of_birth.isoformat()))
    return keys


def mark_duplicates(results: list[RowCheck], existing: Iterable[Client] = ()) -> None:
    """Flag a row that repeats an earlier row or someone already registered at the event.

    The same NI number, or the same name and date of birth, is the same person; the first row stays.
    Re-run after any correction: it first clears the flags it set before.
    """
    label = "Duplicate"
    registered = {key for client in existing for key in _person_keys(client)}
    seen: dict[tuple[str, ...], int] = {}
    for check in results:
        check.problems.pop(label, None)
        if check.client is None:
            continue
        for key in _person_keys(check.client):
            if key in registered:
                check.problems[label] = "This person is already registered at this event."
                break
            if key in seen:
                check.problems[label] = f"Same person as row {seen[key]}."
                break
        else:
            for key in _person_keys(check.client):
                seen.setdefault(key, check.number)


# -- writing -------------------------------------------------------------------------------------

def commit(store: Store, clients: Sequence[Client],
           progress: Progress | None = None) -> list[Client]:
    """Write all checked clients in one transaction with one audit entry; all or nothing.

    Each gets a PACE ID unused in the store and in this batch, and is stamped as version 1 from this
    device by the adviser.
    """
    now = datetime.now(UTC)
    taken: set[str] = set()
    final: list[Client] = []
    with store.transaction():
        for n, client in enumerate(clients):
            pace_id = client.pace_id
            while pace_id in taken or store.client_queries.pace_id_taken(pace_id):
                pace_id = new_pace_id()
            taken.add(pace_id)
            final.append(client.model_copy(update={
                "pace_id": pace_id, "version": 1, "created_at": now, "updated_at": now,
                "device_id": store.device_id, "updated_by": store.actor,
                "source": RecordSource.attendee_import,
            }))
            if progress and n % 500 == 0:
                progress(n, len(clients))
        store.clients.insert_many(final)
        event_ids = sorted({str(c.event_id) for c in final})
        store.audit("create", "event", event_ids[0] if len(event_ids) == 1 else None,
                    detail=f"source=attendee_import;count={len(final)}")
    return final
