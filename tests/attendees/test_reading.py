"""Reading staff lists: headings below a title, merged cells, blank rows, CSV dialects, hostile files."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from pace_desktop.attendees.reading import find_header, open_source, read_sheet
from pace_desktop.attendees.refusals import MAX_ROWS, AttendeeFileError
from tests.attendees.conftest import messy_workbook


def test_heading_row_found_below_a_merged_title(tmp_path):
    path = messy_workbook(tmp_path / "staff.xlsx")
    source = open_source(path)
    assert source.kind == "xlsx"
    assert source.sheet_names == ("Staff at risk",)
    sheet = read_sheet(path)
    assert sheet.numbers[sheet.header] == 4
    assert sheet.headings() == ["Employee Name", "D.O.B.", "Post Code", "NI No.", "Department", "Staff no"]


def test_merged_cells_give_their_value_to_every_cell_and_blank_rows_are_skipped(tmp_path):
    sheet = read_sheet(messy_workbook(tmp_path / "staff.xlsx", trailing_blank_rows=40))
    data = list(sheet.data_indexes())
    assert [sheet.numbers[i] for i in data] == [5, 6, 7, 8, 9, 10]  # no trailing blank rows
    assert [sheet.cell(i, 4) for i in data[:3]] == ["Casting"] * 3  # E5:E7 merged


def test_dates_keep_their_cell_types(tmp_path):
    sheet = read_sheet(messy_workbook(tmp_path / "staff.xlsx"))
    first, second, third = list(sheet.data_indexes())[:3]
    assert sheet.cell(first, 1) == "03/11/1975"
    assert sheet.cell(second, 1).year == 1980  # a real date cell arrives as a datetime
    assert sheet.cell(third, 1) == 27336  # a serial number stays a number


def test_choosing_another_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "Read me first"
    other = wb.create_sheet("List")
    other.append(["Forename", "Surname"])
    other.append(["Shona", "Campbell"])
    wb.save(tmp_path / "two.xlsx")
    assert open_source(tmp_path / "two.xlsx").sheet_names == ("Notes", "List")
    sheet = read_sheet(tmp_path / "two.xlsx", "List")
    assert sheet.headings() == ["Forename", "Surname"]
    with pytest.raises(AttendeeFileError, match="sheet is not in the workbook"):
        read_sheet(tmp_path / "two.xlsx", "Missing")


@pytest.mark.parametrize("encoding,delimiter", [("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", "\t")])
def test_csv_in_the_encodings_and_separators_spreadsheets_write(tmp_path, encoding, delimiter):
    path = tmp_path / "staff.csv"
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["Staff list March", "", ""])
        writer.writerow(["Surname", "Forename", "Date of birth"])
        writer.writerow(["Fraser", "Seònaid", "03/11/1975"])
        writer.writerow(["", "", ""])
        writer.writerow(["Murray", "Duncan", "1969-07-20"])
        writer.writerow(["", "", ""])
    sheet = read_sheet(path)
    assert sheet.headings() == ["Surname", "Forename", "Date of birth"]
    assert [sheet.numbers[i] for i in sheet.data_indexes()] == [3, 5]
    assert sheet.cell(sheet.header + 1, 1) == "Seònaid"


def test_header_guess_falls_back_to_the_first_row():
    assert find_header([["a", "b"], ["c", "d"]]) == 0


# -- hostile and broken files: one plain line each, never a traceback ------------------------------


def _one_line(err: pytest.ExceptionInfo) -> str:
    text = str(err.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_random_bytes_named_xlsx(tmp_path):
    path = tmp_path / "staff.xlsx"
    path.write_bytes(b"\x7fELF not a spreadsheet at all" * 20)
    with pytest.raises(AttendeeFileError) as err:
        open_source(path)
    assert "not an Excel workbook" in _one_line(err)


def test_html_saved_as_xlsx(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_text("<html><table><tr><td>Name</td></tr></table></html>")
    with pytest.raises(AttendeeFileError, match="not an Excel workbook"):
        read_sheet(path)


def test_password_protected_workbook(tmp_path):
    # An encrypted xlsx is an OLE compound file, as is an old .xls.
    path = tmp_path / "protected.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    with pytest.raises(AttendeeFileError) as err:
        open_source(path)
    assert "password-protected" in _one_line(err)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8" * 100)
    with pytest.raises(AttendeeFileError, match="not an Excel workbook"):
        open_source(path)


def test_truncated_workbook(tmp_path):
    good = messy_workbook(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(AttendeeFileError) as err:
        read_sheet(path)
    assert "damaged" in _one_line(err)


def test_workbook_with_broken_sheet_xml(tmp_path):
    src = messy_workbook(tmp_path / "good.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut mid-element
            zout.writestr(item, data)
    with pytest.raises(AttendeeFileError, match="damaged"):
        read_sheet(path)


def test_zip_bomb_refused_before_it_is_inflated(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/sharedStrings.xml", b"\x00" * (260 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(AttendeeFileError, match="too large"):
        open_source(path)


def test_oversized_file_refused(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(26 * 1024 * 1024)
    with pytest.raises(AttendeeFileError, match="too large"):
        open_source(path)


def test_too_many_rows(tmp_path):
    path = tmp_path / "many.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["First name", "Last name"])
        for i in range(MAX_ROWS + 1):
            writer.writerow(["Person", f"Number{i}"])
    with pytest.raises(AttendeeFileError) as err:
        read_sheet(path)
    assert "more than 20,000 rows" in _one_line(err)


def test_csv_with_nul_bytes_or_a_runaway_cell(tmp_path):
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"First name,Last name\nA\x00,B\n")
    with pytest.raises(AttendeeFileError, match="not an Excel workbook"):
        read_sheet(nul)
    runaway = tmp_path / "runaway.csv"
    runaway.write_text('First name,Last name\n"' + "x" * 200_000 + "\n")
    with pytest.raises(AttendeeFileError, match="malformed"):
        read_sheet(runaway)


def test_missing_file(tmp_path):
    with pytest.raises(AttendeeFileError, match="not found"):
        open_source(tmp_path / "gone.xlsx")
