"""Fixtures for the office GUI and the laptop's export and receipt dialogs: real stores, real bundles.

Made once per test session (Argon2 makes each store cost a moment) and copied per test:
- an office whose central store has laptop one enrolled (laptop two is not);
- laptop one with four fictional people: two agreed to PACE support, one declined, one was never
  asked — exported once, giving ``bundle_one`` and, from a scratch office, ``receipt_one``;
- laptop two with one person who shares laptop one's first person's NI number: ``bundle_two``.
Everyone here is fictional; NI numbers are in the test range.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, copy_store

OFFICE_STAFF = "Morven Office"
SHARED_NI = "JT123456A"

# first, last, NI number, date of birth, PACE support consent (None: never asked)
PEOPLE_ONE = [
    ("Eilidh", "MacFadyen", SHARED_NI, date(1975, 5, 17), True),
    ("Paweł", "Nowakowski", None, date(1988, 2, 3), True),
    ("Ayesha", "Siddiqui", None, date(1969, 9, 30), False),
    ("Ruairidh", "MacLeod", None, date(1990, 12, 1), None),
]
# The same NI number, another spelling and date of birth: listed once, as "same NI number".
PEOPLE_TWO = [("Eilidh", "Macfadyen", SHARED_NI, date(1975, 7, 15), True)]


@dataclass(frozen=True)
class OfficeWorld:
    central: Path  # the office template (laptop one enrolled)
    office_pub: Path
    laptop_one: Path  # exported once: bundle_one holds its records
    laptop_one_key: str
    laptop_two_key: str
    bundle_one: Path
    bundle_two: Path
    receipt_one: Path
    fresh_laptop: Path  # laptop one's people, never exported


def register(store, people, seed: int) -> None:
    from pace_desktop.demo import make_client, make_event
    from pace_desktop.records.models import CaptureMethod
    from pace_desktop.records.pace_id import new_pace_id
    from pace_desktop.registration import build_checklist, build_consents

    rng = random.Random(seed)  # noqa: S311 - fictional test data
    event = store.events.add(make_event(rng, date(2026, 11, 20)))
    for first, last, ni, born, support in people:
        client = make_client(rng, event, new_pace_id()).model_copy(
            update={"first_name": first, "last_name": last, "ni_number": ni, "date_of_birth": born}
        )
        choices = {} if support is None else {"pace_support": support}
        consents = build_consents(choices, how=CaptureMethod.with_adviser, by=store.actor)
        store.register(client, consents, build_checklist({}, client=client, event=event))


def make_laptop(folder: Path, pub: Path, name: str, people, seed: int) -> Path:
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.store.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    with Store.create(
        folder / "laptop.store", adviser="Ailsa Demo", passphrase=PASSPHRASE, device_name=name
    ) as store:
        install_office_key(store, read_office_key_file(pub))
        register(store, people, seed)
    return folder / "laptop.store"


@pytest.fixture(scope="session")
def office_world(tmp_path_factory) -> OfficeWorld:
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.office.central import init_office, open_central
    from pace_desktop.office.devices import enrol_device
    from pace_desktop.office.importer import import_bundle
    from pace_desktop.store.store import Store

    root = tmp_path_factory.mktemp("office-world")
    (root / "office").mkdir()
    made = init_office(
        root / "office" / "central.store", staff=OFFICE_STAFF, passphrase=PASSPHRASE, out_dir=root / "office"
    )
    one = make_laptop(root / "one", made.office_pub, "Glasgow laptop 1", PEOPLE_ONE, 1)
    fresh = copy_store(one, root / "fresh", "laptop.store")
    two = make_laptop(root / "two", made.office_pub, "Paisley laptop 2", PEOPLE_TWO, 2)
    outbox = root / "outbox"
    outbox.mkdir()
    bundles, keys = [], []
    for laptop in (one, two):
        with Store.open(laptop, PASSPHRASE) as store:
            keys.append(store.device_key().text())
            bundles.append(export_bundle(store, outbox).path)
    with open_central(made.central, PASSPHRASE) as central:
        enrol_device(central, keys[0])
    # A receipt for bundle one, from a scratch copy of the office, so the template stays unimported.
    scratch = copy_store(made.central, root / "scratch", "central.store")
    receipts = root / "receipts"
    receipts.mkdir()
    with open_central(scratch, PASSPHRASE) as central:
        receipt = import_bundle(central, bundles[0], receipts_dir=receipts).receipt_path
    assert receipt is not None
    return OfficeWorld(
        made.central, made.office_pub, one, keys[0], keys[1], bundles[0], bundles[1], receipt, fresh
    )


@pytest.fixture
def central_path(office_world, tmp_path) -> Path:
    """A fresh copy of the office's central store (laptop one enrolled, nothing imported)."""
    return copy_store(office_world.central, tmp_path / "office", "central.store")


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def copy_bundle(src: Path, folder: Path, name: str | None = None) -> Path:
    return Path(shutil.copy2(src, folder / (name or src.name)))


def tampered_copy(src: Path, folder: Path, name: str) -> Path:
    """A copy with one byte flipped in the middle: damaged in transit, or changed on purpose."""
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 0x01
    target = folder / name
    target.write_bytes(bytes(data))
    return target
