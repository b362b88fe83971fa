"""How much of a staff list is read, and the one plain line given for a file that cannot be one.

The caps keep a hostile file from exhausting memory or time; real staff lists are far smaller.
"""

from __future__ import annotations

from pace_desktop.errors import RefusedError

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


NOT_A_SHEET = (
    "This file is not an Excel workbook (.xlsx) or a CSV file: save the list from the "
    "spreadsheet as .xlsx or CSV and try again."
)
PROTECTED = (
    "This workbook is password-protected or in the old .xls format: open it in the "
    "spreadsheet, save a copy as .xlsx without a password, and import that copy."
)
DAMAGED = (
    "This workbook is damaged and cannot be read: open it in the spreadsheet, save a fresh "
    "copy, and try again."
)
NOT_A_FILE = (
    "This is not an ordinary file (a device, a pipe or a link to one): save the staff list "
    "as an .xlsx or CSV file and choose that."
)
TOO_BIG = "This file is too large to be a staff list (over 25 MB): split it into smaller files."
TOO_MANY_ROWS = f"The list has more than {MAX_ROWS:,} rows: split it into smaller files and import each."
