"""Employers travel from the laptop to the office like events, before them: one employer record named
by every event held for it, on the central store file and on PostgreSQL (imported by a member of staff
with only the import role), its later changes arriving as a newer version."""

from __future__ import annotations

import random
from datetime import date

import pytest

from pace_desktop.demo import make_event
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import open_central_on_server
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.records.models import Employer
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.pg.test_audit_head import staff

EMPLOYER = Employer(
    name="Clyde Valve Works",
    sector="Manufacturing",
    sites=["Inchinnan Business Park", "Unit 9, Linwood Road"],
    hr1_reference="HR1-55120",
    hr1_date=date(2026, 10, 2),
    first_dismissal_date=date(2026, 11, 30),
    last_dismissal_date=date(2027, 1, 31),
    proposed_redundancies=85,
    employees_at_site=310,
    reason="Valve assembly moving to another plant",
    contact_name="Morag Testperson",
    contact_phone="0141 496 0123",
    contact_email="hr@clyde-valve.example",
)


@pytest.fixture(params=["file", "postgresql"])
def central(request, office, office_path, laptop, monkeypatch):
    """The office (its laptop enrolled), on its central store file or moved to PostgreSQL and
    opened there by a member of staff holding only the import role."""
    enrol_device(office, laptop.device_key().text())
    if request.param == "file":
        yield office
        return
    pg, url = request.getfixturevalue("pg"), request.getfixturevalue("pg_db")
    with connect(url, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")  # the tests' private socket has no TLS
    server = open_central_on_server(office_path, PASSPHRASE, staff(pg, url, "pace_import", "importer"))
    yield server
    server.close()


def two_events_at_one_employer(laptop):
    rng = random.Random(5)
    first, employer = laptop.save_event(make_event(rng, date(2026, 11, 20)), EMPLOYER)
    second, _ = laptop.save_event(make_event(rng, date(2026, 12, 4)), employer)
    register(laptop, 2, seed=3, event=first)
    register(laptop, 1, seed=4, event=second)
    return first, second, employer


def test_employers_arrive_before_their_events_and_both_events_name_one_record(central, laptop, tmp_path):
    first, second, employer = two_events_at_one_employer(laptop)
    assert laptop.employers.count() == 1
    out = tmp_path / "out"
    out.mkdir()
    exported = export_bundle(laptop, out)
    assert exported.counts["employer"] == 1 and exported.counts["event"] == 2
    result = import_bundle(central, exported.path, receipts_dir=out)
    assert result.verdict == "accepted", result.line()

    [stored] = list(central.employers.all())
    assert stored == employer  # every field, as the laptop saved it
    events = {e.id: e for e in central.events.all()}
    assert events[first.id].employer_id == events[second.id].employer_id == employer.id
    assert {e.employer_name for e in events.values()} == {"Clyde Valve Works"}

    # A change at the laptop reaches the office as the employer's next version; no second employer.
    laptop.save_event(second, employer.model_copy(update={"proposed_redundancies": 120}))
    again = export_bundle(laptop, out)
    assert again.counts["employer"] == 1
    assert import_bundle(central, again.path, receipts_dir=out).verdict == "accepted"
    [changed] = list(central.employers.all())
    assert (changed.version, changed.proposed_redundancies) == (2, 120)


def test_the_move_to_postgresql_brings_the_employers(office, laptop, pg_db, tmp_path, monkeypatch):
    enrol_device(office, laptop.device_key().text())
    _first, _second, employer = two_events_at_one_employer(laptop)
    out = tmp_path / "out"
    out.mkdir()
    assert import_bundle(office, export_bundle(laptop, out).path, receipts_dir=out).verdict == "accepted"
    with connect(pg_db, allow_insecure=True) as conn:
        result = migrate_from_file(office, conn)
    assert result.counts["employers"] == 1
    office_path = office.path
    office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")
    server = open_central_on_server(office_path, PASSPHRASE, pg_db)
    try:
        assert [e.id for e in server.employers.all()] == [employer.id]
    finally:
        server.close()
