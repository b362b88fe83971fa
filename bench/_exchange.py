"""The laptop and office the exchange benchmarks share: 10,003 records ready to export, and an office.

One event and 1,667 fictional clients, each with four consents and a checklist: 10,003 records
(the export budget's 10,000). The office is made with ``init_office`` and its ``office.pub`` is
installed on the laptop, as ``pace-desktop init --office-key`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import ADVISER, PASSPHRASE

CLIENTS = 1_667  # x (client + 4 consents + checklist) + 1 event = 10,003 records
TABLES = ("events", "clients", "consents", "checklists", "interventions", "outcomes", "feedback")


@dataclass
class Exchange:
    laptop: Any  # an open Store
    central: Path  # a closed office store, this laptop enrolled
    recipient: str
    folder: Path

    def records(self) -> int:
        return sum(int(self.laptop.db.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES)  # noqa: S608

    def mark_unexported(self) -> None:
        """Make every record new again, as before the laptop's first export."""
        with self.laptop.transaction() as conn:
            for table in TABLES:
                conn.execute(f"UPDATE {table} SET exported_version = 0")  # noqa: S608


def make_exchange(folder: Path, clients: int = CLIENTS) -> Exchange:
    from pace_desktop.demo import seed
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.office.central import init_office, open_central
    from pace_desktop.office.devices import enrol_device
    from pace_desktop.store.store import Store

    office = init_office(folder / "central.store", staff="Bench Office", passphrase=PASSPHRASE,
                         out_dir=folder)
    laptop = Store.create(folder / "laptop.store", adviser=ADVISER, passphrase=PASSPHRASE,
                          device_name="Bench laptop")
    install_office_key(laptop, read_office_key_file(office.office_pub))
    seed(laptop, events=1, clients=clients)
    with open_central(office.central, PASSPHRASE) as central:
        enrol_device(central, laptop.device_key().text())
    return Exchange(laptop, office.central, office.recipient, folder)
