"""The benchmark helpers run and write comparable files (the budget itself is `make bench`'s)."""

from __future__ import annotations

from openpyxl import load_workbook

from bench.xlsx_compare import HEADERS, compare, records_report, synthetic_rows


def test_compare_writes_the_same_rows_both_ways(tmp_path):
    result = compare(200, tmp_path)
    assert result.rows == 200 and result.bare_seconds > 0 and result.safe_seconds > 0
    assert result.safe_peak_bytes > 0
    bare = list(load_workbook(tmp_path / "bare.xlsx").active.iter_rows(values_only=True))
    safe = list(load_workbook(tmp_path / "safe.xlsx")["Rows"].iter_rows(values_only=True))
    assert len(bare) == len(safe) == 201 and safe[0] == HEADERS
    # The bare loop turned the formula-like note into a formula; the safe path kept the text.
    assert bare[1][-1] == "=SUM(A1)" and safe[1][-1] == "=SUM(A1)"
    assert sum(1 for _ in synthetic_rows(10)) == 10


def test_records_report_timing(central, tmp_path):
    store, _ = central
    seconds, rows = records_report(store, tmp_path)
    assert seconds > 0 and rows > 300
