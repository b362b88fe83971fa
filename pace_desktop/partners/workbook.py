"""Returns read in memory: no plain-text copy of a row ever touches the disk.

Requests are built in memory with XlsxWriter (``reports.xlsx.MemoryWorkbook``, in ``request.py``)
and age-encrypted before they are written. Returns are opened from bytes already decrypted into
memory, after the zip directory has been checked, so a zip bomb is refused before anything inflates
it.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook

from pace_desktop.errors import RefusedError

MAX_ENTRIES = 2000
MAX_INFLATED = 200 * 2**20


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def open_xlsx(data: bytes, what: str = "return") -> Any:
    """A read-only workbook over ``data``; anything that is not a sane .xlsx is refused in one line."""
    bad = RefusedError(f"The {what} is not a readable .xlsx workbook: ask for the file to be saved again.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_INFLATED:
                raise RefusedError(
                    f"The {what} unpacks to far more than a spreadsheet should: it was not opened."
                )
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except RefusedError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a hostile file is one plain line
        raise bad from exc
