"""A bundle without an employers part (a laptop from before employers were kept) still imports: the
manifest lists the parts a bundle holds, and the importer applies what is there."""

from __future__ import annotations

import pyrage

from pace_desktop.exchange import bundle
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import office_identity
from pace_desktop.office.importer import import_bundle
from tests.exchange.conftest import register, table_counts, unzip


def test_a_bundle_without_an_employers_part_imports(enrolled, laptop, outbox, monkeypatch):
    office = enrolled
    register(laptop, 2, seed=9)
    with monkeypatch.context() as older:  # the laptop's bundle as one without employers writes it
        older.setattr(bundle, "PART_ENTITIES", tuple(e for e in bundle.PART_ENTITIES if e != "employer"))
        path = export_bundle(laptop, outbox).path
    members = unzip(pyrage.decrypt(path.read_bytes(), [office_identity(office)]))
    assert bundle.part_name("employer") not in members and bundle.part_name("event") in members
    result = import_bundle(office, path, receipts_dir=outbox)
    assert result.verdict == "accepted", result.line()
    assert table_counts(office)["clients"] == 2 and table_counts(office)["events"] == 1
    assert office.employers.count() == 0
    assert [e.employer_id for e in office.events.all()] == [None]
