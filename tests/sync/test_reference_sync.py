"""The office's reference update reaching every laptop through a real relay: posted once to each
active laptop's mailbox by the office sync, applied by the laptop's sync, and used by its next
checklist."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pace_desktop import reference
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.reference_data import import_nomis
from pace_desktop.sync.laptop import configure, sync
from pace_desktop.sync.office import office_sync
from tests.exchange.conftest import register

NOMIS = Path(__file__).parents[1] / "reference" / "data" / "nomis-query-2026-10.csv"


@pytest.fixture(autouse=True)
def shipped_reference():
    reference.install(None)
    yield
    reference.install(None)


def test_the_update_reaches_each_laptop_once_and_its_next_checklist_records_it(
    relay, enrolled, laptop, laptop2
):
    enrol_device(enrolled, laptop2.device_key().text())
    for each in (laptop, laptop2):
        configure(each, relay.url, relay.pin)
    first = office_sync(enrolled, relay.office_client())
    assert first.references_posted == 0  # the office still uses the shipped data, which laptops have

    made = import_nomis(enrolled, NOMIS, now=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    posted = office_sync(enrolled, relay.office_client())
    assert posted.references_posted == 2
    assert posted.summary().endswith("; the reference update sent to 2 laptops.")
    name = f"PACE-REFERENCE-{made.version}.pacereference"
    assert [n for n, _size in relay.mailbox().mail(laptop.device_id)] == [name]
    assert office_sync(enrolled, relay.office_client()).references_posted == 0  # not sent twice

    reference.install(None)  # as on the laptop, which had only the shipped data
    laptop.load_reference()
    got = sync(laptop)
    assert got.references == 1
    assert got.summary().endswith(", the office's new reference data applied.")
    assert relay.mailbox().mail(laptop.device_id) == []
    assert reference.current().version == made.version
    _event, [client] = register(laptop, 1)
    [checklist] = laptop.checklists.for_parent(str(client.id))
    assert checklist.area_figures == made.figures_version
