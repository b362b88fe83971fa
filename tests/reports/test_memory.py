"""The big reports' memory does not grow with their rows (issue 18: 1,000,000 rows in flat memory).

A fresh process writes a sealed workbook the way the records report does (``sealed_report_file``,
``SealedWorkbook``, ``write_cells``) with 5,000 and then 50,000 rows of fictional people, and reports
its own peak resident memory (``VmHWM``: ``ru_maxrss`` survives an exec on Linux, so a child would
report the test runner's peak). The rows carry text that does not compress, so the
50,000-row workbook is about 11 MB more than the small one: were the zip assembled in memory (as it
was, ≈166 bytes a row in the records report), the peak would grow by at least that. The workbooks
are then read back with openpyxl, every row, to show the streamed file is whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
HEADERS = ["PACE ID", "Created (UTC)", "First name", "Last name", "Date of birth", "Postcode", "Notes"]

CHILD = """
import json, random, sys
from datetime import date, datetime, timedelta
from pathlib import Path

from pace_desktop.reports.output import sealed_report_file
from pace_desktop.reports.xlsx import SealedWorkbook, start_table, write_cells

rows, out = int(sys.argv[1]), Path(sys.argv[2])
headers = json.loads(sys.argv[3])
rng = random.Random(18)
base = datetime(2026, 3, 4, 9, 30)
with sealed_report_file(out) as (package, parts):
    book = SealedWorkbook(parts)
    try:
        ws = start_table(book, "Clients", headers, [14] * len(headers))
        for i in range(rows):
            write_cells(book, ws, i + 1, (
                f"PACE-{i:08d}", base + timedelta(seconds=i), "Mòrag", "NicLeòid",
                date(1970 + i % 40, 1 + i % 12, 1 + i % 28), f"G{rng.randrange(1, 99)} 4TB",
                rng.randbytes(160).hex(),  # notes that do not compress much: a big zip per row
            ))
        book.save(package)
    finally:
        book.discard()
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would start at pytest's own peak.
hwm = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
print(json.dumps({"peak_mib": int(hwm.split()[1]) / 1024}))
"""


def _write(rows: int, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(rows), str(out), json.dumps(HEADERS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return float(json.loads(done.stdout.strip().splitlines()[-1])["peak_mib"])


def _rows(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book["Clients"].iter_rows(values_only=True))
    finally:
        book.close()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc (Linux)")
def test_a_sealed_report_peaks_at_the_same_memory_for_ten_times_the_rows(tmp_path):
    small, large = tmp_path / "small.xlsx", tmp_path / "large.xlsx"
    small_peak = _write(5_000, small)
    large_peak = _write(50_000, large)

    grown_file = (large.stat().st_size - small.stat().st_size) / 2**20
    assert grown_file > 8  # the test means something only if the zip grows well beyond the slack below
    assert large_peak <= small_peak * 1.15 + 3, (small_peak, large_peak, grown_file)
    assert large_peak - small_peak < grown_file / 2, (small_peak, large_peak, grown_file)

    for path, rows in ((small, 5_000), (large, 50_000)):
        read = _rows(path)
        assert read[0] == tuple(HEADERS)
        assert len(read) == rows + 1
        assert read[rows][0] == f"PACE-{rows - 1:08d}"
        assert read[rows][2:4] == ("Mòrag", "NicLeòid")
        assert len(str(read[rows][6])) == 320
    assert sorted(p.name for p in tmp_path.iterdir()) == ["large.xlsx", "small.xlsx"]  # no parts left
    assert oct(large.stat().st_mode & 0o777) == "0o600"
