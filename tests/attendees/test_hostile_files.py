"""Staff-list import reads only regular files, never more than its cap, and gives every malformed
workbook one plain line (issue 16 item 6)."""

from __future__ import annotations

import os
import random
import zipfile

import pytest

from pace_desktop.attendees.reading import open_source, read_sheet
from pace_desktop.attendees.refusals import (
    DAMAGED,
    MAX_FILE_BYTES,
    MAX_XML_DEPTH,
    NOT_A_FILE,
    AttendeeFileError,
)
from tests.attendees.conftest import messy_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def refused(path) -> str:
    for reader in (open_source, read_sheet):
        with pytest.raises(AttendeeFileError) as err:
            reader(path)
        text = str(err.value)
        assert text and "\n" not in text
    return text


def test_a_link_to_dev_zero_named_csv_is_refused_at_once(tmp_path):
    link = tmp_path / "staff.csv"
    link.symlink_to("/dev/zero")
    assert refused(link) == NOT_A_FILE


def test_a_pipe_named_csv_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "staff.csv"
    os.mkfifo(fifo)
    assert refused(fifo) == NOT_A_FILE


def test_a_folder_named_xlsx_is_refused(tmp_path):
    (tmp_path / "staff.xlsx").mkdir()
    assert refused(tmp_path / "staff.xlsx") == NOT_A_FILE


def test_a_link_to_an_ordinary_staff_list_is_read(tmp_path):
    real = messy_workbook(tmp_path / "real.xlsx")
    (tmp_path / "staff.xlsx").symlink_to(real)
    assert read_sheet(tmp_path / "staff.xlsx").headings()[0] == "Employee Name"


def test_a_file_that_grows_past_the_cap_is_read_no_further(tmp_path):
    # A sparse file: its size says 25 MB + 1 byte more than the cap; what is read stops at the cap.
    big = tmp_path / "staff.csv"
    with big.open("wb") as fh:
        fh.write(b"Name,NI\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    assert "too large" in refused(big)


def _variant(tmp_path, name: str, member: str, data: bytes):
    good = messy_workbook(tmp_path / "good.xlsx")
    out = tmp_path / name
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info.filename))
    return out


def _nested(root: str, depth: int) -> bytes:
    return (
        f'<?xml version="1.0"?><{root} xmlns="{MAIN}">' + "<x>" * depth + "</x>" * depth + f"</{root}>"
    ).encode()


@pytest.mark.parametrize(
    "member,root",
    [
        ("xl/worksheets/sheet1.xml", "worksheet"),
        ("xl/workbook.xml", "workbook"),
        ("xl/styles.xml", "styleSheet"),
        ("[Content_Types].xml", "Types"),
        ("xl/_rels/workbook.xml.rels", "Relationships"),
    ],
)
def test_a_deeply_nested_part_gets_one_plain_line(tmp_path, member, root):
    path = _variant(tmp_path, "deep.xlsx", member, _nested(root, 100_000))
    assert refused(path) == DAMAGED


def test_nesting_just_under_the_limit_in_an_unused_part_is_still_read(tmp_path):
    path = _variant(tmp_path, "ok.xlsx", "docProps/app.xml", _nested("Properties", MAX_XML_DEPTH - 2))
    assert read_sheet(path).headings()[0] == "Employee Name"


def test_an_entity_expansion_bomb_is_refused(tmp_path):
    lol = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + f']><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t>'
        + "</is></c></row></sheetData></worksheet>"
    )
    assert refused(_variant(tmp_path, "lol.xlsx", "xl/worksheets/sheet1.xml", lol.encode())) == DAMAGED


def test_every_mutated_workbook_is_read_or_refused_in_one_line(tmp_path):
    """Random damage inside each part (bytes flipped, cut short, swapped): never anything but a result
    or one plain line."""
    good = messy_workbook(tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    rng = random.Random(16)
    outcomes = {"read": 0, "refused": 0}
    for run in range(150):
        member = rng.choice(sorted(parts))
        data = bytearray(parts[member])
        how = rng.randrange(3)
        if how == 0:
            for _ in range(rng.randrange(1, 6)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == 1:
            del data[rng.randrange(len(data)) :]
        else:
            data = bytearray(parts[rng.choice(sorted(parts))])
        path = tmp_path / f"m{run}.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for name, body in parts.items():
                dst.writestr(name, bytes(data) if name == member else body)
        try:
            open_source(path)
            read_sheet(path)
            outcomes["read"] += 1
        except AttendeeFileError as exc:
            assert str(exc) and "\n" not in str(exc)
            outcomes["refused"] += 1
    assert outcomes["refused"] > 20
