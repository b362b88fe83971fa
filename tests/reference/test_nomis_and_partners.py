"""Reading the office's replacement reference data: a NOMIS claimant count download (the API's CSV,
and the query tool's with its title and footer lines) and the partner/service table."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.office.reference_data import NOT_NOMIS, read_nomis, read_partners
from pace_desktop.paths import resource
from pace_desktop.reference import SCOTLAND_GSS, council_area_names, partners

DATA = Path(__file__).parent / "data"
API = DATA / "nomis-api-2026-10.csv"
QUERY = DATA / "nomis-query-2026-10.csv"


@pytest.mark.parametrize("name", [API.name, QUERY.name])
def test_both_nomis_layouts_give_every_council_area_and_scotland_for_the_latest_month(name):
    rates, as_of, source = read_nomis(DATA / name)
    assert as_of == "2026-10"
    assert set(rates) == {*council_area_names(), SCOTLAND_GSS}
    assert len(rates) == 33
    assert rates[SCOTLAND_GSS].rate_pct == 3.1
    assert (rates["S12000041"].name, rates["S12000041"].rate_pct) == ("Angus", 3.2)
    assert rates["S12000049"].rate_pct == 4.6
    assert all(r.as_of == 2026 and r.source == source for r in rates.values())
    assert "October 2026" in source and source.startswith("NOMIS: ")


def test_the_api_file_gives_the_rate_not_the_number_of_claimants_and_not_the_earlier_month():
    rates, _, source = read_nomis(API)
    # The file holds September 3.0 and October 3.1 for Scotland, and 18000-odd claimants.
    assert rates[SCOTLAND_GSS].rate_pct == 3.1
    assert "proportion of residents aged 16-64" in source


def _rewrite(tmp_path: Path, source: Path, change) -> Path:
    """A copy of ``source`` with each row through ``change``; rows it returns None for are dropped."""
    with source.open(newline="") as fh:
        rows = [changed for r in csv.reader(fh) if (changed := change(r)) is not None]
    out = tmp_path / source.name
    with out.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return out


def _copy_without(tmp_path: Path, source: Path, drop) -> Path:
    return _rewrite(tmp_path, source, lambda r: None if drop(r) else r)


def _copy_with(tmp_path: Path, source: Path, change) -> Path:
    return _rewrite(tmp_path, source, change)


def test_a_missing_council_area_is_refused_by_name(tmp_path):
    path = _copy_without(tmp_path, QUERY, lambda r: "S12000041" in r)
    with pytest.raises(RefusedError) as err:
        read_nomis(path)
    assert str(err.value) == (
        "The NOMIS file has no figure for Angus (S12000041) in October 2026: download it again with "
        "every Scottish council area and Scotland, then import it."
    )


def test_a_missing_scotland_row_is_refused(tmp_path):
    path = _copy_without(tmp_path, API, lambda r: SCOTLAND_GSS in r)
    with pytest.raises(RefusedError, match=r"no figure for Scotland \(S92000003\) in October 2026"):
        read_nomis(path)


def test_a_figure_that_is_not_a_number_is_refused_naming_the_area(tmp_path):
    # NOMIS marks figures it withholds with a symbol such as ".." or "!".
    path = _copy_with(tmp_path, QUERY, lambda r: [*r[:3], ".."] if "S12000047" in r else r)
    with pytest.raises(RefusedError) as err:
        read_nomis(path)
    assert str(err.value) == (
        "The NOMIS figure for Fife (S12000047) in October 2026 is not a percentage ('..'): download "
        "the file again from NOMIS."
    )


def test_numbers_of_claimants_without_rates_are_refused(tmp_path):
    path = _copy_without(tmp_path, API, lambda r: "Claimants as a proportion of residents aged 16-64" in r)
    with pytest.raises(RefusedError, match="holds numbers of claimants, not rates"):
        read_nomis(path)


@pytest.mark.parametrize("what", ["partners", "empty", "binary"])
def test_a_file_that_is_not_a_nomis_download_is_refused_in_one_line(tmp_path, what):
    path = tmp_path / "file.csv"
    if what == "partners":
        shutil.copy(resource("data", "partners.csv"), path)
    elif what == "empty":
        path.write_text("")
    else:
        path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(RefusedError) as err:
        read_nomis(path)
    assert str(err.value) == NOT_NOMIS
    assert "\n" not in str(err.value)


def test_the_shipped_partner_table_is_the_corrected_one_from_the_report():
    table = read_partners(resource("data", "partners.csv"))
    assert table == partners()
    # The report's services table marks 64 "Yes" in all (shared/data/README.md).
    assert sum(len(p.services) for p in table) == 64


def test_an_unknown_service_code_is_refused_by_name(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(
        "code,name,services\nSDS,Skills Development Scotland,employability_advice\n"
        "ACAS,Acas,rights_and_entitlements;mediation\n"
    )
    with pytest.raises(RefusedError) as err:
        read_partners(path)
    assert str(err.value).startswith(
        "Line 3 of the partner file: partner ACAS lists a service this app does not know, 'mediation'. "
        "Use these codes: employability_advice, "
    )


def test_a_partner_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text("partner,offers\nSDS,advice\n")
    with pytest.raises(RefusedError, match="needs the columns code, name and services"):
        read_partners(path)
