"""Importing an employer's list of affected staff (xlsx or csv) to pre-register attendees.

Real lists are messy: a title above the headings, merged cells, dates typed as text in any order or
stored as Excel serial numbers, blank rows at the end, whole names in one column. This package reads
such a file without Qt, guesses which column holds which field, checks every row with the ``Client``
model and writes the good rows in one transaction. A hostile or broken file gives one plain line
(``AttendeeFileError``), never a traceback. Messages name rows and columns, never the data in them.

In the order an import runs:

- ``refusals``: the caps on a file and the plain lines given when one is refused;
- ``reading``: opening the file safely and finding the heading row, with ``workbook`` (xlsx) and
  ``csv_file`` (CSV) doing the reading into a ``sheet.Sheet``;
- ``fields``: the fields a column can fill, guessed from its heading;
- ``values``: turning cells into field values (dates, names, phone numbers, status);
- ``checking``: each row through the ``Client`` model, and duplicates;
- ``writing``: the checked rows written in one transaction.

The names below are what the import dialog uses; they live in the modules above.
"""

from pace_desktop.attendees.checking import RowCheck, check_row, check_rows, mark_duplicates
from pace_desktop.attendees.fields import DATE_FIELDS, FIELDS, FULL_NAME, guess_mapping, mapping_problems
from pace_desktop.attendees.reading import open_source, read_sheet
from pace_desktop.attendees.refusals import HEADER_SEARCH_ROWS, AttendeeFileError
from pace_desktop.attendees.sheet import Sheet, SourceFile
from pace_desktop.attendees.values import month_first_column, parse_date
from pace_desktop.attendees.writing import commit

__all__ = [
    "DATE_FIELDS",
    "FIELDS",
    "FULL_NAME",
    "HEADER_SEARCH_ROWS",
    "AttendeeFileError",
    "RowCheck",
    "Sheet",
    "SourceFile",
    "check_row",
    "check_rows",
    "commit",
    "guess_mapping",
    "mapping_problems",
    "mark_duplicates",
    "month_first_column",
    "open_source",
    "parse_date",
    "read_sheet",
]
