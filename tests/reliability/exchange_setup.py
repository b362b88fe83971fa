"""An office with one enrolled laptop, and a run of real bundles from it: new people, changes, erasures.

Everything is fictional (``pace_desktop.demo``). The fault tests import these bundles again and again,
so they are made once per test and compared against a reference import that nobody interrupts.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pace_desktop.demo import seed
from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
from pace_desktop.office.central import init_office, open_central
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.erasure import erase
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store

RECORD_TABLES = ("events", "clients", "consents", "checklists", "interventions", "outcomes", "feedback")


@dataclass
class Exchange:
    central: Path
    laptop: Path
    folder: Path


def make_exchange(folder: Path) -> Exchange:
    """A new central store and a laptop holding its office key, enrolled there."""
    office_dir, laptop_dir = folder / "office", folder / "laptop"
    office_dir.mkdir(parents=True)
    laptop_dir.mkdir(parents=True)
    made = init_office(
        office_dir / "central.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=office_dir
    )
    with Store.create(
        laptop_dir / "laptop.store", adviser="Ailsa Demo", passphrase=PASSPHRASE, device_name="Laptop one"
    ) as laptop:
        install_office_key(laptop, read_office_key_file(made.office_pub))
        with open_central(made.central, PASSPHRASE) as office:
            enrol_device(office, laptop.device_key().text())
    return Exchange(made.central, laptop_dir / "laptop.store", folder)


def make_bundles(laptop_path: Path, out: Path, rounds: int, clients: int, *, rng_seed: int = 7) -> list[Path]:
    """``rounds`` bundles in sequence: each adds people, changes some sent before, may erase one."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(rng_seed)
    bundles = []
    with Store.open(laptop_path, PASSPHRASE) as laptop:
        for r in range(rounds):
            seed(laptop, events=1, clients=clients, rng_seed=rng_seed * 1000 + r)
            sent = [
                row[0]
                for row in laptop.db.query("SELECT id FROM clients WHERE exported_version > 0 ORDER BY id")
            ]
            for client_id in rng.sample(sent, min(len(sent), 8)):
                client = laptop.clients.get(client_id)
                laptop.clients.update(client.model_copy(update={"job_title": f"Role {rng.randrange(1000)}"}))
            if sent and r % 4 == 3:
                pace_id = laptop.clients.get(rng.choice(sent)).pace_id
                erase(laptop, pace_id, "asked_to_be_erased")
            bundles.append(export_bundle(laptop, out).path)
    return bundles


def snapshot(store: Store) -> dict[str, Any]:
    """Everything an import may change, in a form that compares exactly (no times of the attempt)."""
    snap: dict[str, Any] = {}
    for table in RECORD_TABLES:
        # Per table in one pass: rows, versions and bytes. A half-applied bundle changes them.
        snap[table] = tuple(
            store.db.query(f"SELECT count(*), total(version), total(length(data)) FROM {table}")[0]
        )  # noqa: S608
    snap["tombstones"] = store.db.query("SELECT count(*), max(id) FROM tombstones")[0]
    snap["sequences"] = store.db.query(
        "SELECT device_id, sequence, bundle_id FROM device_sequences ORDER BY device_id, sequence, bundle_id"
    )
    snap["duplicates"] = store.db.query(
        "SELECT client_a, client_b, reason FROM duplicate_review ORDER BY client_a, client_b, reason"
    )
    snap["accepted"] = [
        r[0]
        for r in store.db.query("SELECT bundle_id FROM imports WHERE verdict = 'accepted' ORDER BY bundle_id")
    ]
    return snap


def record_rows(snap: dict[str, Any]) -> int:
    return int(sum(snap[table][0] for table in RECORD_TABLES))


def reference_run(
    central: Path, bundles: list[Path], folder: Path
) -> tuple[list[dict[str, Any]], list[float]]:
    """Import every bundle, uninterrupted, into a copy of ``central``: the state before each and after
    the last, and how long each import took."""
    copy = copy_store(central, folder, "reference.store")
    states, seconds = [], []
    with open_central(copy, PASSPHRASE) as office:
        states.append(snapshot(office))
        for path in bundles:
            started = time.perf_counter()
            result = import_bundle(office, path, receipts_dir=folder)
            seconds.append(time.perf_counter() - started)
            assert result.verdict == "accepted", result.reason
            states.append(snapshot(office))
    return states, seconds
