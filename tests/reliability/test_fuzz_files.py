"""Hostile staff lists (csv and xlsx) and checklist files: only documented errors, one line, and a
commit of what was read is all or nothing.

Staff lists go through everything the import dialog does: open, read a sheet, guess the columns, check
every row, and commit the good rows to a real store. Workbooks are built straight from sheet XML so
each case costs milliseconds: odd cell types, huge row numbers, shared-string indexes that point
nowhere, entity bombs, damaged zips and members.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pace_desktop.attendees.checking import check_rows
from pace_desktop.attendees.fields import FIELDS, FULL_NAME, guess_mapping, mapping_problems
from pace_desktop.attendees.reading import open_source, read_sheet
from pace_desktop.attendees.writing import commit
from pace_desktop.checklist import load_checklist, score
from pace_desktop.paths import resource
from pace_desktop.records.models import Event, EventType
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import FAST_CASES, SLOW_CASES
from tests.reliability.fuzzing import (
    HOSTILE_INT,
    HOSTILE_TEXT,
    HUGE_TEXT,
    Blob,
    Doc,
    Outcomes,
    damaged,
    documented_only,
    fuzz_settings,
    hostile_json_file,
    one_line,
)

EVENT = Event(
    employer_name="Clydeside Test Castings",
    council_area="S12000049",
    sector="Manufacturing",
    event_date=date(2026, 3, 2),
    event_type=EventType.group_session,
)

HEADINGS = st.one_of(
    st.sampled_from(
        [
            "Employee Name",
            "First name",
            "Surname",
            "D.O.B.",
            "Date of birth",
            "Post Code",
            "NI No.",
            "Email",
            "Mobile",
            "Job title",
            "Status",
            "Last working day",
            "Notes",
            "Address 1",
            "Address 2",
            "Title",
            "Known as",
            "Length of service",
            "Notice date",
            "Name",
            "Staff no",
            "",
        ]
    ),
    HOSTILE_TEXT,
)
CELL_TEXT = st.one_of(
    HOSTILE_TEXT,
    st.sampled_from(
        [
            "MacLeod, Ewan",
            "Mr Ewan MacLeod",
            "MACLEOD Ewan",
            "Zofia Wójcik",
            "03/11/1975",
            "11/23/1975",
            "31/02/1990",
            "12 March 1969",
            "1975-11-03",
            "27336",
            "AB 12 34 56 C",
            "AB123456C",
            "g51 4xy",
            "G51 4XY",
            "07700 900123",
            "7700900123",
            "+44 7700 900123",
            "ewan@example.org",
            "not an email",
            "at risk",
            "under notice",
            "redundant",
            "12.5",
            "=1+1",
            "@cmd",
            '=HYPERLINK("http://example.org")',
            "-",
            "#N/A",
            "TRUE",
        ]
    ),
)


def _stage_store(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "store" / "pace.store", adviser="Ailsa Demo", passphrase=PASSPHRASE)
    store.db.execute("PRAGMA synchronous = OFF")  # thousands of commits; durability is tested elsewhere
    store.events.add(EVENT)
    return store


def attendee_pipeline(path: Path, store: Store, outcomes: Outcomes) -> None:
    """What the import dialog does with a file, start to finish, under the oracle."""
    with documented_only(outcomes):
        source = open_source(path)
        sheet = read_sheet(path, source.sheet_names[0])
        for heading in sheet.headings():
            assert "\n" not in heading
        mapping = guess_mapping(sheet.headings())
        assert set(mapping.values()) <= set(FIELDS)
        if mapping_problems(mapping):
            # As an adviser would: name the columns by hand, the first as the full name.
            mapping = dict(enumerate([FULL_NAME, *(f for f in FIELDS if f != FULL_NAME)][: sheet.width]))
        results = check_rows(sheet, mapping, EVENT)
        for row in results:
            if row.problems:
                one_line(row.reason(), longest=5000)  # a row's problems, one per field, in one line
        good = [row.client for row in results if row.ok]
        before = store.clients.count()
        try:
            commit(store, good)
        finally:
            after = store.clients.count()
            assert after in (before, before + len(good)), "a commit was written by halves"
        outcomes.add(f"{'rows committed' if good else 'nothing to commit'}")


# -- csv ----------------------------------------------------------------------------------------------


@st.composite
def hostile_csv(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["grid", "grid", "grid", "bytes"]))
    width = draw(st.integers(1, 8))
    header = [draw(HEADINGS) for _ in range(width)]
    rows = [draw(st.lists(CELL_TEXT, max_size=width + 2)) for _ in range(draw(st.integers(0, 8)))]
    if rows and draw(st.integers(0, 30)) == 0:  # now and then one very long cell (it is slow to read)
        rows[-1].append(draw(HUGE_TEXT))
    above = [[draw(HOSTILE_TEXT)] for _ in range(draw(st.integers(0, 2)))]  # a title over the headings
    buffer = io.StringIO()
    dialect = draw(st.sampled_from([",", ";", "\t", "|"]))
    writer = csv.writer(
        buffer,
        delimiter=dialect,
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])),
    )
    for row in [*above, header, *rows]:
        writer.writerow(row)
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if kind == "bytes":
        data = draw(damaged(Blob(data)))
    return data


def fuzz_list(tmp_path: Path, name: str, files: st.SearchStrategy[bytes], cases: int, fig) -> None:
    """``cases`` hostile staff lists from ``files``, each saved as ``name`` and taken through open,
    read, map, check and commit on one store; only documented errors, and every commit whole.
    """
    store = _stage_store(tmp_path)
    outcomes = Outcomes()
    path = tmp_path / name

    @fuzz_settings(cases)
    @given(data=files)
    def run(data: bytes) -> None:
        path.write_bytes(data)
        attendee_pipeline(path, store, outcomes)

    try:
        run()
        outcomes.fill(fig)
        fig.records = store.clients.count()
        assert store.verify_audit().ok
    finally:
        store.close()


def fuzz_csv(tmp_path: Path, cases: int, fig) -> None:
    fuzz_list(tmp_path, "staff.csv", hostile_csv(), cases, fig)


def test_hostile_csv_lists(tmp_path, figure):
    fuzz_csv(tmp_path, FAST_CASES, figure("fuzz-attendees-csv", "hostile staff lists (csv)"))


@pytest.mark.slow
def test_hostile_csv_lists_at_scale(tmp_path, figure):
    fig = figure("fuzz-attendees-csv", "hostile staff lists (csv)")
    fuzz_csv(tmp_path, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES


# -- xlsx ---------------------------------------------------------------------------------------------


def _template() -> dict[str, bytes]:
    """A real workbook's parts (with a date style, index 1), to which each case adds its sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Staff at risk"
    ws["A1"] = date(2026, 1, 1)
    ws["A1"].number_format = "dd/mm/yyyy"
    ws["B1"] = "shared"
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


TEMPLATE = _template()
SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str, hostile: bool = False) -> str:
    """Text as a spreadsheet program would write it (escaped, XML characters only), or raw."""
    return text if hostile else escape(_NOT_XML.sub("", text))


def _column(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@st.composite
def xml_cell(draw: st.DrawFn, ref: str, hostile: bool) -> str:
    kinds = ["str", "str", "str", "num", "date", "bool", "formula"]
    if hostile:  # cells no spreadsheet program writes, but a damaged or hand-made file may hold
        kinds += ["bad_num", "bad_date", "bad_bool", "err", "shared", "raw"]
    kind = draw(st.sampled_from(kinds))
    text = draw(st.one_of(HEADINGS, CELL_TEXT))
    if kind == "str":
        return f'<c r="{ref}" t="inlineStr"><is><t>{_xml(text)}</t></is></c>'
    if kind == "num":
        return (
            f'<c r="{ref}"><v>{draw(st.one_of(st.integers(-(10**6), 10**12), st.floats(-1e9, 1e9)))}</v></c>'
        )
    if kind == "date":
        return f'<c r="{ref}" s="1"><v>{draw(st.integers(1, 60_000))}</v></c>'
    if kind == "bool":
        return f'<c r="{ref}" t="b"><v>{draw(st.sampled_from(["0", "1"]))}</v></c>'
    if kind == "formula":
        return f'<c r="{ref}" t="str"><f>{_xml(text)}</f><v>{_xml(text)}</v></c>'
    if kind == "bad_num":
        value = draw(st.one_of(HOSTILE_INT, st.floats(allow_nan=True), st.sampled_from(["1e999", "x", ""])))
        return f'<c r="{ref}"><v>{value}</v></c>'
    if kind == "bad_date":
        value = draw(st.one_of(st.integers(-10, 3_000_000), st.floats(allow_nan=True)))
        return f'<c r="{ref}" s="1"><v>{value}</v></c>'
    if kind == "bad_bool":
        return f'<c r="{ref}" t="b"><v>{draw(st.sampled_from(["2", "x", ""]))}</v></c>'
    if kind == "err":
        return f'<c r="{ref}" t="e"><v>{draw(st.sampled_from(["#N/A", "#REF!", "#DIV/0!", "#X"]))}</v></c>'
    if kind == "shared":
        return f'<c r="{ref}" t="s"><v>{draw(st.integers(-1, 5))}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'  # unescaped: may not be XML at all


@st.composite
def sheet_xml(draw: st.DrawFn) -> bytes:
    hostile = draw(st.integers(0, 3)) == 0
    far_rows = st.sampled_from([1_048_576, 1_048_577, 0, 5000]) if hostile else st.integers(1, 40)
    far_cols = st.sampled_from([16_384, 20_000, 0]) if hostile else st.integers(1, 10)
    rows = []
    # Headings first, then people: so that most sheets get as far as checking rows.
    header = [draw(HEADINGS) for _ in range(draw(st.integers(1, 8)))]
    cells = "".join(
        f'<c r="{_column(i + 1)}1" t="inlineStr"><is><t>{_xml(h)}</t></is></c>' for i, h in enumerate(header)
    )
    rows.append(f'<row r="1">{cells}</row>')
    numbers = sorted(set(draw(st.lists(st.one_of(st.integers(2, 40), far_rows), max_size=10))))
    for number in numbers:
        near = st.integers(1, len(header) + 1)
        columns = sorted(set(draw(st.lists(st.one_of(near, far_cols), max_size=8))))
        cells = "".join(draw(xml_cell(f"{_column(c)}{number}", hostile)) for c in columns)
        rows.append(f'<row r="{number}">{cells}</row>')
    merges = ""
    if draw(st.integers(0, 3)) == 0:
        choices = ["A2:C3", "E5:E7", "Z9:Z9", "B3:B6"]
        if hostile:
            choices += ["A1:XFD1048576", "B2:A1", "nonsense", "A1:A1048576"]
        refs = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3))
        merges = (
            f'<mergeCells count="{len(refs)}">'
            + "".join(f'<mergeCell ref="{r}"/>' for r in refs)
            + "</mergeCells>"
        )
    dimensions = ["A1:J40", "A1:XFD1048576", "A1", "", "ZZZZ9"] if hostile else ["A1:J40"]
    dimension = draw(st.sampled_from(dimensions))
    return (
        f'<worksheet xmlns="{NS}"><dimension ref="{dimension}"/><sheetData>{"".join(rows)}</sheetData>'
        f"{merges}</worksheet>"
    ).encode("utf-8", "surrogatepass")


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;'
    b'&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
    b'&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
    b'<worksheet xmlns="' + NS.encode() + b'"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    b"&lol4;</t></is></c></row></sheetData></worksheet>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="'
    + NS.encode()
    + b'"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


@st.composite
def hostile_xlsx(draw: st.DrawFn) -> bytes:
    members = dict(TEMPLATE)
    members[SHEET] = draw(sheet_xml())
    kind = draw(st.sampled_from(["sheet"] * 6 + ["member", "zip", "bomb"]))
    if kind == "member":
        name = draw(st.sampled_from(sorted(members)))
        how = draw(st.sampled_from(["damage", "remove", "empty"]))
        if how == "remove":
            del members[name]
        elif how == "empty":
            members[name] = b""
        else:
            members[name] = draw(damaged(Blob(members[name])))
    elif kind == "bomb":
        members[SHEET] = draw(st.sampled_from([BOMB, EXTERNAL]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    if kind == "zip":
        data = draw(damaged(Blob(data)))
    return data


def fuzz_xlsx(tmp_path: Path, cases: int, fig) -> None:
    fuzz_list(tmp_path, "staff.xlsx", hostile_xlsx(), cases, fig)


# openpyxl warns (UserWarning) about date cells out of range, naming the cell, not its content.
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_hostile_xlsx_lists(tmp_path, figure):
    fuzz_xlsx(tmp_path, FAST_CASES, figure("fuzz-attendees-xlsx", "hostile staff lists (xlsx)"))


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_hostile_xlsx_lists_at_scale(tmp_path, figure):
    fig = figure("fuzz-attendees-xlsx", "hostile staff lists (xlsx)")
    fuzz_xlsx(tmp_path, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES


# -- the checklist data file ------------------------------------------------------------------------------

CHECKLIST = Doc(json.loads(resource("checklist", "ltu-1.json").read_text(encoding="utf-8")))


def fuzz_checklist(tmp_path: Path, cases: int, fig) -> None:
    outcomes = Outcomes()
    path = tmp_path / "checklist.json"

    @fuzz_settings(cases)
    @given(data=hostile_json_file(CHECKLIST))
    def run(data: bytes) -> None:
        path.write_bytes(data)
        with documented_only(outcomes):
            checklist = load_checklist(path)
            # A file the loader accepts must also score: empty answers, and every first option.
            for answers in ({}, {p.id: p.options[0].value for p in checklist.answerable_parts()}):
                outcome = score(
                    checklist,
                    answers,
                    date_of_birth=date(1970, 5, 1),
                    event_date=date(2026, 3, 2),
                    council_area="S12000049",
                )
                assert outcome.band in ("low", "medium", "high")
            outcomes.add("accepted")

    run()
    outcomes.fill(fig)


def test_hostile_checklist_files(tmp_path, figure):
    fuzz_checklist(tmp_path, FAST_CASES, figure("fuzz-checklist", "hostile checklist data files"))


@pytest.mark.slow
def test_hostile_checklist_files_at_scale(tmp_path, figure):
    fig = figure("fuzz-checklist", "hostile checklist data files")
    fuzz_checklist(tmp_path, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES
