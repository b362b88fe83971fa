"""Budget: an xlsx export of 100,000 rows within 1.2x of a bare openpyxl write-only loop; memory flat.

Rows: the Clients sheet of the records report, 100,000 clients from the cached store, read from
the store's cursor and turned into the sheet's values (dates as dates, codes, Yes/No) by the
model-derived columns, the same way on both sides. Measured: the reports' writer, exactly as
``write_records`` runs it for that sheet (every cell through the formula guard, header styles,
frozen row, column widths, filter). Baseline: a bare ``ws.append`` write-only loop over the same
rows. Both save the workbook; the two alternate.

Memory: each side in a fresh process at 10,000 and at 100,000 rows, peak resident memory of the
export alone (the unlock's Argon2 is done and forgotten first). Flat means the 100,000-row peak is
within 10% of the 10,000-row peak.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Result, Stats, arguments, big_store, opened, report, timed  # noqa: E402

LIMIT = 1.2
FLAT = 1.10
ROWS = 100_000
SMALL = 10_000
REPEATS = 3


def _clients_spec() -> Any:
    from pace_desktop.reports.records import sheet_specs

    return next(spec for spec in sheet_specs() if spec.table == "clients")


def real_export(store: Any, n: int, path: Path) -> int:
    """The records report's Clients sheet, first ``n`` rows, by the report's own code."""
    from openpyxl import Workbook

    from pace_desktop.reports.records import SheetCounts, TableWriter, stream

    spec = _clients_spec()
    wb = Workbook(write_only=True)
    writer = TableWriter(wb, spec.title, spec.columns, SheetCounts())
    getters = [c.get for c in spec.columns]
    rows = 0
    for data, pace_id in stream(store, spec):
        row = [get(data) for get in getters]
        row[0] = pace_id
        writer.append(row)
        rows += 1
        if rows >= n:
            break
    writer.close()
    wb.save(path)
    return rows


def bare_export(store: Any, n: int, path: Path) -> int:
    """A bare write-only loop appending the same rows: same cursor, same column values, no more."""
    from openpyxl import Workbook

    from pace_desktop.reports.records import stream

    spec = _clients_spec()
    getters = [c.get for c in spec.columns]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.title)
    ws.append([c.header for c in spec.columns])
    rows = 0
    for data, pace_id in stream(store, spec):
        row = [get(data) for get in getters]
        row[0] = pace_id
        ws.append(row)
        rows += 1
        if rows >= n:
            break
    wb.save(path)
    return rows


def _status(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def child(kind: str, n: int, store_path: str) -> None:
    """In a fresh process: open the store, forget the unlock's peak, export, print the peak MiB."""
    import gc

    with opened(Path(store_path)) as store, tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS now (Linux 4.0 and later)
        before = _status("VmRSS")
        (real_export if kind == "real" else bare_export)(store, n, Path(tmp) / "out.xlsx")
        print(json.dumps({"peak_mib": _status("VmHWM") / 1024, "before_mib": before / 1024}), flush=True)


def peak(kind: str, n: int, store_path: Path) -> float:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(n), str(store_path)],
                         check=True, capture_output=True, text=True).stdout
    return float(json.loads(out.strip().splitlines()[-1])["peak_mib"])


def main() -> None:
    opts = arguments(__doc__ or "")
    repeats = 1 if opts.quick else REPEATS
    n = 20_000 if opts.quick else ROWS
    small = 2_000 if opts.quick else SMALL
    cached = big_store()
    bare, real = [], []
    with opened(cached.path) as store, tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
        for _ in range(repeats):
            bare.append(timed(lambda: bare_export(store, n, Path(tmp) / "bare.xlsx")))
            real.append(timed(lambda: real_export(store, n, Path(tmp) / "real.xlsx")))
        size = (Path(tmp) / "real.xlsx").stat().st_size
    b, r = Stats.of(bare), Stats.of(real)
    ratio = r.median / b.median
    mem = {(kind, rows): peak(kind, rows, cached.path) for kind in ("real", "bare") for rows in (small, n)}
    growth = mem["real", n] / mem["real", small]
    results = [
        Result.against_baseline(
            "xlsx export of 100,000 rows", ratio=ratio, limit=LIMIT,
            budget=f"<= {LIMIT}x a bare openpyxl write-only loop",
            baseline=f"bare write-only loop {b.s()}",
            measured=f"records report, Clients sheet {r.s()}",
            notes=[f"{n:,} rows x {len(_clients_spec().columns)} columns, {size / 2**20:.1f} MiB file"],
        ),
        Result.against_baseline(
            "xlsx export memory, 10,000 -> 100,000 rows", ratio=growth, limit=FLAT,
            limit_text=f"{FLAT:.2f}",
            budget=f"flat: peak at {n:,} rows <= {FLAT:.2f}x the peak at {small:,}",
            baseline=f"bare loop {mem['bare', small]:.0f} -> {mem['bare', n]:.0f} MiB",
            measured=f"records report {mem['real', small]:.0f} -> {mem['real', n]:.0f} MiB peak RSS",
            notes=["peak resident memory of the export alone, each in a fresh process"],
        ),
    ]
    report(results)


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
