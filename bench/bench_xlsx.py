"""Budget: an xlsx export of 100,000 rows within 0.6x of a bare openpyxl write-only loop and 1.15x of a
bare XlsxWriter constant-memory loop; memory flat.

Rows: the Clients sheet of the records report, 100,000 clients from the cached store, read from
the store's cursor and turned into the sheet's values (dates as dates, codes, Yes/No) by the
model-derived columns, the same way on both sides. Measured: the reports' writer, exactly as
``write_records`` runs it for that sheet (every cell through the formula guard, header styles,
frozen row, column widths, filter). Baselines: a bare ``ws.append`` openpyxl write-only loop and a
bare ``ws.write_row`` XlsxWriter constant-memory loop over the same rows. All three save the workbook;
they alternate.

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

LIMIT = 0.6  # of the bare openpyxl loop
LIMIT_XLSXWRITER = 1.15  # of the bare XlsxWriter loop
FLAT = 1.10
ROWS = 100_000
SMALL = 10_000
REPEATS = 3


def _clients_spec() -> Any:
    from pace_desktop.reports.records import sheet_specs

    return next(spec for spec in sheet_specs() if spec.table == "clients")


def real_export(store: Any, n: int, path: Path) -> int:
    """The records report's Clients sheet, first ``n`` rows, by the report's own code (XlsxWriter,
    rows sealed in an encrypted part beside the output, spliced into the zip on save)."""
    from pace_desktop.reports.output import private_parts
    from pace_desktop.reports.records import SheetCounts, stream, table_writer
    from pace_desktop.reports.xlsx import SealedWorkbook

    spec = _clients_spec()
    rows = 0
    with private_parts(path.parent) as parts:
        wb = SealedWorkbook(parts)
        try:
            writer = table_writer(wb, spec.title, spec.columns, SheetCounts())
            getters = [c.get for c in spec.columns]
            for data, pace_id in stream(store, spec):
                row = [get(data) for get in getters]
                row[0] = pace_id
                writer.append(row)
                rows += 1
                if rows >= n:
                    break
            writer.close()
            wb.save(path)
        finally:
            wb.discard()
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


def bare_xlsxwriter_export(store: Any, n: int, path: Path) -> int:
    """A bare XlsxWriter constant-memory loop writing the same rows with ``write_row``, no more.

    ``remove_timezone`` and ``default_date_format`` only let it take the same values (aware times,
    dates shown as dates) that the openpyxl loop takes as they are.
    """
    import xlsxwriter

    from pace_desktop.reports.records import stream

    spec = _clients_spec()
    getters = [c.get for c in spec.columns]
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "remove_timezone": True,
                                         "default_date_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet(spec.title)
    ws.write_row(0, 0, [c.header for c in spec.columns])
    rows = 0
    for data, pace_id in stream(store, spec):
        row = [get(data) for get in getters]
        row[0] = pace_id
        rows += 1
        ws.write_row(rows, 0, row)
        if rows >= n:
            break
    wb.close()
    return rows


EXPORTS = {"real": real_export, "bare": bare_export, "bare-xlsxwriter": bare_xlsxwriter_export}


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
        EXPORTS[kind](store, n, Path(tmp) / "out.xlsx")
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
    bare, bare_x, real = [], [], []
    with opened(cached.path) as store, tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
        for _ in range(repeats):
            bare.append(timed(lambda: bare_export(store, n, Path(tmp) / "bare.xlsx")))
            bare_x.append(timed(lambda: bare_xlsxwriter_export(store, n, Path(tmp) / "bare-x.xlsx")))
            real.append(timed(lambda: real_export(store, n, Path(tmp) / "real.xlsx")))
        size = (Path(tmp) / "real.xlsx").stat().st_size
    b, bx, r = Stats.of(bare), Stats.of(bare_x), Stats.of(real)
    ratio, ratio_x = r.median / b.median, r.median / bx.median
    kinds = ("real", "bare", "bare-xlsxwriter")
    mem = {(kind, rows): peak(kind, rows, cached.path) for kind in kinds for rows in (small, n)}
    growth = mem["real", n] / mem["real", small]
    results = [
        Result.against_baseline(
            f"xlsx export of {n:,} rows", ratio=ratio, limit=LIMIT,
            budget=f"<= {LIMIT}x a bare openpyxl write-only loop",
            baseline=f"bare write-only loop {b.s()}",
            measured=f"records report, Clients sheet {r.s()}",
            notes=[f"{n:,} rows x {len(_clients_spec().columns)} columns, {size / 2**20:.1f} MiB file"],
        ),
        Result.against_baseline(
            f"xlsx export of {n:,} rows against XlsxWriter", ratio=ratio_x, limit=LIMIT_XLSXWRITER,
            budget=f"<= {LIMIT_XLSXWRITER}x a bare XlsxWriter constant-memory loop",
            baseline=f"bare XlsxWriter loop {bx.s()}",
            measured=f"records report, Clients sheet {r.s()}",
        ),
        Result.against_baseline(
            f"xlsx export memory, {small:,} -> {n:,} rows", ratio=growth, limit=FLAT,
            limit_text=f"{FLAT:.2f}",
            budget=f"flat: peak at {n:,} rows <= {FLAT:.2f}x the peak at {small:,}",
            baseline=(f"bare openpyxl loop {mem['bare', small]:.0f} -> {mem['bare', n]:.0f} MiB, bare "
                      f"XlsxWriter loop {mem['bare-xlsxwriter', small]:.0f} -> "
                      f"{mem['bare-xlsxwriter', n]:.0f} MiB"),
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
