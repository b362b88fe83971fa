"""A central store of fictional people (made once, copied per test), partners' keys, and helpers that
play the partner: open a request, fill in a return, seal it to the office."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from openpyxl import load_workbook

from pace_desktop.demo import seed
from pace_desktop.office.central import init_office, office_recipients, open_central
from pace_desktop.records.models import CaptureMethod
from pace_desktop.registration import build_consents
from tests.conftest import PASSPHRASE, copy_store

CLIENTS = 120
STAFF = "Morven Office"


@dataclass(frozen=True)
class Keys:
    """Each partner's age identity (the partner keeps it) and its public recipient (SDS holds it)."""

    identity: pyrage.x25519.Identity
    other: pyrage.x25519.Identity

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def other_recipient(self) -> str:
        return str(self.other.to_public())


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys(pyrage.x25519.Identity.generate(), pyrage.x25519.Identity.generate())


@pytest.fixture(scope="session")
def central_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("partners-central")
    made = init_office(folder / "central.store", staff=STAFF, passphrase=PASSPHRASE, out_dir=folder)
    store = open_central(made.central, PASSPHRASE)
    seed(store, events=4, clients=CLIENTS)
    store.close()
    return made.central


@pytest.fixture
def central_path(central_template, tmp_path) -> Path:
    return copy_store(central_template, tmp_path / "central", "central.store")


@pytest.fixture
def central(central_path):
    store = open_central(central_path, PASSPHRASE)
    yield store
    store.close()


@pytest.fixture
def outbox(tmp_path) -> Path:
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


# -- reading the store the way a checker would ---------------------------------------------------


def share_consenting(store, code: str) -> dict[str, object]:
    """PACE ID -> client, for clients with an active share_<code> consent (straight from the rows)."""
    out = {}
    for client in store.clients.all():
        consents = [c for c in store.consents.for_parent(client.id) if c.purpose == f"share_{code}"]
        if consents and max(consents, key=lambda c: c.captured_at).active:
            out[client.pace_id] = client
    return out


def grant(store, clients, code: str) -> None:
    """Record a yes to sharing with ``code`` for each client."""
    with store.transaction():
        for client in clients:
            for consent in build_consents(
                {f"share_{code}": True}, how=CaptureMethod.with_adviser, by=STAFF, client_id=client.id
            ):
                store.consents.add(consent)


def agree(store, code: str) -> None:
    """Record a data-sharing agreement with ``code`` in force today (no request is written without one)."""
    from datetime import date, timedelta

    from pace_desktop.partners.agreements import set_agreement

    today = date.today()
    set_agreement(
        store,
        code,
        reference=f"DSA-TEST-{code}",
        legal_basis="UK GDPR Article 6(1)(a): consent",
        scope="PACE clients who agreed to sharing",
        start=(today - timedelta(days=30)).isoformat(),
        review=(today + timedelta(days=300)).isoformat(),
    )


def withdraw(store, client, code: str) -> None:
    for consent in store.consents.for_parent(client.id):
        if consent.purpose == f"share_{code}" and consent.active:
            store.consents.update(consent.withdraw(by=STAFF))


# -- playing the partner -------------------------------------------------------------------------


def open_request(path: Path, identity) -> object:
    """The partner decrypts the request and opens it (a normal, editable workbook)."""
    return load_workbook(io.BytesIO(pyrage.decrypt(path.read_bytes(), [identity])))


def request_rows(wb) -> list[dict[str, object]]:
    ws = wb["Request"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def row_of(wb, pace_id: str) -> int:
    ws = wb["Request"]
    for number, (value,) in enumerate(ws.iter_rows(min_col=1, max_col=1, values_only=True), start=1):
        if value == pace_id:
            return number
    raise AssertionError("PACE ID not in the request")


def column_of(wb, heading: str) -> int:
    for cell in wb["Request"][1]:
        if cell.value == heading:
            return cell.column
    raise AssertionError(f"no column {heading}")


def fill(wb, row: int, **values) -> None:
    """Type values into the return columns of one row: fill(wb, 5, Outcome='EMP', ...)."""
    for key, value in values.items():
        wb["Request"].cell(row, column_of(wb, key.replace("_", " "))).value = value


def save_return(wb, path: Path, store=None) -> Path:
    """Save the filled workbook; sealed to the office's key when ``store`` (the office) is given."""
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    if store is not None:
        office = pyrage.x25519.Recipient.from_str(office_recipients(store)[0])
        data = pyrage.encrypt(data, [office])
    path.write_bytes(data)
    return path
