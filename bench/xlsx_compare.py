"""Timing the xlsx writer against a bare openpyxl loop (budget: within 0.6x, memory flat).

``compare(n, folder)`` writes the same ``n`` client-like rows twice, once with a bare write-only
``ws.append`` openpyxl loop and once through the reports' safe-cell path (``records.write_rows`` into
a sealed XlsxWriter workbook, as the records report writes them), and
returns both times and the safe path's peak Python memory. Rows are generated lazily, so neither
side pays for holding them. ``records_report(store, folder)`` times the real records report from a
store.

Bench tooling, kept out of the shipped package; ``tests/reports/test_bench.py`` checks it.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from pace_desktop.reports.output import private_parts
from pace_desktop.reports.records import write_rows
from pace_desktop.reports.xlsx import SealedWorkbook

if TYPE_CHECKING:
    from pace_desktop.store.store import Store

HEADERS = (
    "PACE ID",
    "Record ID",
    "Created (UTC)",
    "First name",
    "Last name",
    "Date of birth",
    "Postcode",
    "Employment status",
    "Length of service (years)",
    "PACE flag",
    "Services wanted",
    "Notes",
)


def synthetic_rows(n: int) -> Iterator[tuple[Any, ...]]:
    """``n`` rows shaped like the Clients sheet (fictional; one in fifty has formula-like notes)."""
    base = datetime(2026, 3, 4, 9, 30)
    for i in range(n):
        yield (
            f"PACE-{i % 10_000:04d}-{i // 10_000:04d}",
            f"00000000-0000-4000-8000-{i:012d}",
            base + timedelta(seconds=i),
            "Mòrag",
            "NicLeòid",
            date(1970 + i % 40, 1 + i % 12, 1 + i % 28),
            "G51 4TB",
            "under_notice",
            round((i % 300) / 10, 1),
            "Yes",
            "employability_advice; money",
            "=SUM(A1)" if i % 50 == 0 else "Wants help with a CV",
        )


@dataclass(frozen=True)
class Comparison:
    rows: int
    bare_seconds: float
    safe_seconds: float
    safe_peak_bytes: int

    @property
    def ratio(self) -> float:
        return self.safe_seconds / self.bare_seconds if self.bare_seconds else float("inf")


def bare(n: int, path: Path) -> float:
    """Seconds for the baseline: a bare write-only openpyxl loop over the same rows."""
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Rows")
    ws.append(list(HEADERS))
    for row in synthetic_rows(n):
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - start


def safe(n: int, path: Path, *, trace_memory: bool = False) -> tuple[float, int]:
    """Seconds (and peak traced bytes, if asked; tracing slows it) for the reports' safe path."""
    if trace_memory:
        tracemalloc.start()
    start = time.perf_counter()
    with private_parts(path.parent) as parts:
        wb = SealedWorkbook(parts)
        try:
            write_rows(wb, "Rows", HEADERS, synthetic_rows(n))
            wb.save(path)
        finally:
            wb.discard()
    seconds = time.perf_counter() - start
    peak = 0
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak


def compare(n: int, folder: Path) -> Comparison:
    """Both ways over the same ``n`` rows (timed untraced), then the safe path's memory (traced)."""
    folder = Path(folder)
    bare_s = bare(n, folder / "bare.xlsx")
    safe_s, _ = safe(n, folder / "safe.xlsx")
    _, peak = safe(min(n, 20_000), folder / "traced.xlsx", trace_memory=True)
    return Comparison(n, bare_s, safe_s, peak)


def records_report(store: Store, folder: Path) -> tuple[float, int]:
    """Seconds and rows for the full records report from ``store`` (audited like any report)."""
    from pace_desktop.reports.report import write_report

    start = time.perf_counter()
    result = write_report(store, "records", Path(folder) / "records.xlsx")
    return time.perf_counter() - start, sum(result.figures.values())
