"""The de-identified export: an identifier scan of every cell, keyed hashes, bands, no suppressed table."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from openpyxl import load_workbook

from pace_desktop.demo import seed
from pace_desktop.privacy.deidentified_rows import AGE_BAND_ORDER, age_band, gender_group, service_band
from pace_desktop.privacy.keyed import KEY_SETTING, person_key, stored_key
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.records.validation import postcode_district
from pace_desktop.reports.report import write_report
from tests.privacy.helpers import cells, people
from tests.reports.helpers import assert_only_the_output_was_written, files_written


@pytest.fixture
def full_office(office):
    """Demo people plus people with every identifier filled in, one of them hostile-looking."""
    seed(office, events=3, clients=60)
    _, crowd = people(office, 6)
    office.clients.update(
        crowd[0].model_copy(
            update={
                "first_name": "=Morag",
                "last_name": "Nic Dhòmhnaill",
                "gender": "Call me on 07700 900123",
                "job_title": "Head of HR at Kelvin",
            }
        )
    )
    _, declined = people(office, 2, seed=9, statistics=False)
    return office, declined


def direct_identifiers(store) -> tuple[list[str], list[str], set]:
    """(names, other identifying text, dates of birth) of every person in the store."""
    names, texts, births = [], [], set()
    for c in store.clients.all():
        names += [n for n in (c.first_name, c.last_name, c.preferred_name) if n]
        texts += [
            v
            for v in (
                c.pace_id,
                str(c.id),
                c.address,
                c.postcode,
                c.phone,
                c.email,
                c.ni_number,
                c.notes,
                c.job_title,
                c.gender if gender_group(c.gender) == "Another answer" else None,
                c.pace_criteria,
            )
            if v
        ]
        if c.postcode:
            texts.append(c.postcode.replace(" ", ""))
        if c.date_of_birth:
            births.add(c.date_of_birth)
            texts.append(c.date_of_birth.isoformat())
    for repo in (store.consents, store.checklists, store.interventions, store.outcomes, store.feedback):
        for r in repo.all():
            texts.append(str(r.id))
            texts += [v for v in (getattr(r, "note", None), getattr(r, "comment", None)) if v]
    for e in store.events.all():
        texts += [v for v in (e.employer_name, e.site_address, e.hr1_reference, str(e.id)) if v]
    return names, texts, births


def test_no_cell_holds_a_direct_identifier_of_anyone_in_the_store(full_office, tmp_path):
    office, _ = full_office
    out = write_report(office, "deidentified", tmp_path / "research.xlsx").path
    values = cells(out)
    text = "\n".join(str(v) for v in values)
    names, texts, births = direct_identifiers(office)
    assert len(names) > 100 and len(texts) > 500
    for value in texts:
        assert value not in text, "an identifier reached the de-identified export"
    folded = text.casefold()
    for name in set(names):
        assert not re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded), "a name was exported"
    assert not {v.date() for v in values if isinstance(v, datetime)} & births


def test_rows_touch_the_disk_only_encrypted(full_office, tmp_path):
    office, _ = full_office
    with files_written() as seen:
        out = write_report(office, "deidentified", tmp_path / "research.xlsx").path
    assert_only_the_output_was_written(seen, out, encrypted_parts=True)
    assert any("/.report-enc-" in p for p in seen)  # the rows went through sealed parts, now gone
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx" or p.name.startswith(".")) == [
        "research.xlsx"
    ]


def test_only_consenting_people_appear_under_a_stable_keyed_hash(full_office, tmp_path):
    office, declined = full_office
    first = write_report(office, "deidentified", tmp_path / "one.xlsx").path
    key = stored_key(office)
    assert key is not None and len(office.setting(KEY_SETTING)) == 64
    consenting = {
        c.pace_id
        for c in office.clients.all()
        if any(k.purpose == "anonymised_statistics" and k.active for k in office.consents.for_parent(c.id))
    }
    assert not {c.pace_id for c in declined} & consenting
    people_sheet = list(load_workbook(first)["People"].iter_rows(values_only=True))
    header, rows = people_sheet[0], people_sheet[1:]
    assert {r[0] for r in rows} == {person_key(key, p) for p in consenting}
    assert all(re.fullmatch(r"[0-9a-f]{64}", r[0]) for r in rows)
    by_key = {person_key(key, c.pace_id): c for c in office.clients.all()}
    for row in rows:
        client = by_key[row[0]]
        record = dict(zip(header, row, strict=True))
        assert record["Postcode district"] == (
            postcode_district(client.postcode) if client.postcode else "Not known"
        )
        assert record["Age band at the event"] in AGE_BAND_ORDER
        assert re.fullmatch(r"\d{4}-\d\d", record["Event month"])

    # Withdrawing the statistics consent takes the person out of the next extract.
    leaving = sorted(consenting)[0]
    withdraw(office, leaving, "anonymised_statistics")
    second = write_report(office, "deidentified", tmp_path / "two.xlsx").path
    keys_two = {r[0] for r in list(load_workbook(second)["People"].iter_rows(values_only=True))[1:]}
    assert keys_two == {person_key(key, p) for p in consenting} - {person_key(key, leaving)}


def _sheet_rows(path, name):
    return [r for r in load_workbook(path)[name].iter_rows(values_only=True)]


def test_no_suppressed_count_sits_beside_the_rows_it_was_counted_from(full_office, tmp_path):
    """Issue 16 item 7. Counting the People sheet's rows (joined to the Outcomes sheet by person key)
    recovers every cell a suppressed age band x risk band or latest outcome x risk band table would
    hide: exactly, every time. So the extract carries no suppressed table at all; the check below
    makes every such table from the rows, suppresses it as the reports do, and recovers every hidden
    cell from the rows, which is why no such table may be published beside them."""
    from collections import Counter

    from pace_desktop.reports.suppression import SUPPRESSED_MARK, CountTable, suppress_linked

    office, _ = full_office
    out = write_report(office, "deidentified", tmp_path / "research.xlsx").path
    book = load_workbook(out)
    assert "Counts" not in book.sheetnames
    every_cell = [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert SUPPRESSED_MARK not in every_cell  # no hidden number anywhere to undo

    people_rows = _sheet_rows(out, "People")
    head = people_rows[0]
    key_at, age_at, band_at = 0, head.index("Age band at the event"), head.index("Risk band (in use)")
    latest = {}
    for key, month, status, _source in _sheet_rows(out, "Outcomes")[1:]:
        if (month or "", status) >= latest.get(key, ("", "")):
            latest[key] = (month or "", status)
    by_age = Counter((r[age_at], r[band_at]) for r in people_rows[1:])
    by_outcome = Counter((latest.get(r[key_at], ("", "none"))[1], r[band_at]) for r in people_rows[1:])
    bands = sorted({r[band_at] for r in people_rows[1:]})
    ages = sorted({a for a, _ in by_age})
    outcomes = sorted({o for o, _ in by_outcome})
    tables = [
        CountTable.of("age", ages, bands, [[by_age[(a, b)] for b in bands] for a in ages]),
        CountTable.of("outcome", outcomes, bands, [[by_outcome[(o, b)] for b in bands] for o in outcomes]),
    ]
    hidden_cells = 0
    for table, counter, labels in zip(
        suppress_linked(tables), (by_age, by_outcome), (ages, outcomes), strict=True
    ):
        for label, row in zip(labels, table.cells, strict=True):
            for band, shown in zip(bands, row, strict=True):
                if shown is None:
                    hidden_cells += 1
                    assert counter[(label, band)] > 0  # hidden, yet counted exactly from the rows
    assert hidden_cells > 0  # the demo data has small cells: without this rule they would be undone


def test_bands_and_groups():
    from datetime import date

    assert age_band(date(2000, 6, 1), date(2026, 5, 31)) == "25-34"
    assert age_band(date(2000, 6, 1), date(2016, 6, 1)) == "16-24"
    assert age_band(date(1950, 1, 1), date(2026, 1, 1)) == "65 and over"
    assert age_band(None, date(2026, 1, 1)) == "Not known"
    assert (service_band(0.5), service_band(10), service_band(None)) == (
        "Under 1 year",
        "10-19 years",
        "Not known",
    )
    assert gender_group(" FEMALE ") == "Woman" and gender_group("ask for Kirsty") == "Another answer"
