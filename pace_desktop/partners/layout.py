"""The request workbook's fixed names: sheets, column headings and the action words.

The request writer and the return reader both use these, so a return is read by the same headings
the request was written with. Headings are matched ignoring case and spacing; other columns a
partner adds are ignored.
"""

from __future__ import annotations

ABOUT_SHEET = "About"
REQUEST_SHEET = "Request"
CODES_SHEET = "Codes"
REQUEST_ID_LABEL = "Request ID"
PARTNER_LABEL = "Partner code"

PACE_ID = "PACE ID"
ACTION = "Action"
ACTION_LOOK_UP = "look up"
ACTION_WITHDRAWN = "withdrawn — delete"
ACTION_ERASED = "erased — delete"

OUTCOME = "Outcome"
OUTCOME_DATE = "Outcome date"
SERVICE = "Service"
SERVICE_STATUS = "Service status"
SERVICE_DATE = "Service date"
RETURN_HEADINGS: tuple[str, ...] = (OUTCOME, OUTCOME_DATE, SERVICE, SERVICE_STATUS, SERVICE_DATE)
# The mapping kind behind each coded return column.
CODED_COLUMNS: dict[str, str] = {OUTCOME: "outcome", SERVICE: "service", SERVICE_STATUS: "status"}

# Aggregate matching: the hashes file and the counts file.
HASHES_HEADER = ("request_id", "match", "hash")
COUNTS_HEADER = ("request_id", "measure", "count")
SUPPLIED = "supplied"
MATCHED = "matched"


def heading_key(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()
