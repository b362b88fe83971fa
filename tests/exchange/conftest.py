"""Fixtures for the exchange: real laptop and office stores (made once per session, copied per
test), and helpers to register fictional people and to forge bundles with our own signing code."""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from pace_desktop.demo import make_client, make_event
from pace_desktop.exchange import bundle
from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
from pace_desktop.office.central import init_office, open_central
from pace_desktop.office.devices import enrol_device
from pace_desktop.records.models import ENTITIES, SCHEMA_VERSION, CaptureMethod, Client
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.records.schema import required_fields
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.store.migrations import ENTITY_TABLES
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store

OFFICE_STAFF = "Morven Office"


@dataclass(frozen=True)
class OfficeTemplate:
    central: Path
    pub: Path


def _make_office(folder: Path) -> OfficeTemplate:
    folder.mkdir(parents=True, exist_ok=True)
    made = init_office(folder / "central.store", staff=OFFICE_STAFF, passphrase=PASSPHRASE, out_dir=folder)
    return OfficeTemplate(made.central, made.office_pub)


def _make_laptop(folder: Path, office: OfficeTemplate | None, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.create(
        folder / "laptop.store", adviser="Ailsa Demo", passphrase=PASSPHRASE, device_name=name
    )
    if office is not None:
        install_office_key(store, read_office_key_file(office.pub))
    store.close()
    return folder / "laptop.store"


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> OfficeTemplate:
    return _make_office(tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="session")
def other_office_template(tmp_path_factory) -> OfficeTemplate:
    return _make_office(tmp_path_factory.mktemp("other-office"))


@pytest.fixture(scope="session")
def laptop_template(tmp_path_factory, office_template) -> Path:
    return _make_laptop(tmp_path_factory.mktemp("laptop"), office_template, "Laptop one")


@pytest.fixture(scope="session")
def laptop2_template(tmp_path_factory, office_template) -> Path:
    return _make_laptop(tmp_path_factory.mktemp("laptop2"), office_template, "Laptop two")


@pytest.fixture(scope="session")
def bare_laptop_template(tmp_path_factory) -> Path:
    return _make_laptop(tmp_path_factory.mktemp("bare-laptop"), None, "No office key")


def _open(path: Path, *, office: bool = False):
    return open_central(path, PASSPHRASE) if office else Store.open(path, PASSPHRASE)


@pytest.fixture
def office_path(office_template, tmp_path) -> Path:
    return copy_store(office_template.central, tmp_path / "office", "central.store")


@pytest.fixture
def office(office_path):
    store = _open(office_path, office=True)
    yield store
    store.close()


@pytest.fixture
def laptop_path(laptop_template, tmp_path) -> Path:
    return copy_store(laptop_template, tmp_path / "laptop", "laptop.store")


@pytest.fixture
def laptop(laptop_path):
    store = _open(laptop_path)
    yield store
    store.close()


@pytest.fixture
def laptop2(laptop2_template, tmp_path):
    store = _open(copy_store(laptop2_template, tmp_path / "laptop2", "laptop.store"))
    yield store
    store.close()


@pytest.fixture
def enrolled(office, laptop):
    """The office with the laptop enrolled."""
    enrol_device(office, laptop.device_key().text())
    return office


@pytest.fixture
def outbox(tmp_path) -> Path:
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


def register(store, n: int = 1, *, seed: int = 1, consent: bool | None = True, event=None, **changes):
    """Register ``n`` fictional people at one event; consent None records no pace_support answer."""
    rng = random.Random(seed)
    if event is None:
        event = store.events.add(make_event(rng, date(2026, 11, 20)))
    clients = []
    for _ in range(n):
        client = make_client(rng, event, new_pace_id())
        if changes:  # validated, as a form would: typed values are normalised on the way in
            client = Client.model_validate(client.model_dump() | changes)
        choices = {} if consent is None else {"pace_support": consent}
        choices["contact_followup"] = True
        consents = build_consents(choices, how=CaptureMethod.with_adviser, by=store.actor)
        checklist = build_checklist({}, client=client, event=event)
        clients.append(store.register(client, consents, checklist))
    return event, clients


def table_counts(store) -> dict[str, int]:
    tables = (
        "events",
        "clients",
        "consents",
        "checklists",
        "interventions",
        "outcomes",
        "feedback",
    )
    return {t: store.db.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def nothing_imported(office) -> bool:
    return not any(table_counts(office).values())


def last_history(office):
    from pace_desktop.office.history import import_history

    return import_history(office, limit=1)[0]


# -- forging bundles -------------------------------------------------------------------------


def records_jsonl(records) -> tuple[bytes, int]:
    data = b"".join(r.model_dump_json().encode() + b"\n" for r in records)
    return data, len(records)


def laptop_parts(laptop, schema_version: int = SCHEMA_VERSION) -> dict[str, tuple[bytes, int]]:
    """Every record the laptop holds, as a laptop on ``schema_version`` writes it into a bundle: the
    stored JSON with only the fields that version's published schema has (schema 1: no redundancy
    pay status, no money advice)."""
    fields = required_fields(schema_version)
    parts = {}
    for entity, table in ENTITY_TABLES.items():
        keep = fields[ENTITIES[entity].__name__]
        rows = [json.loads(data) for (data,) in laptop.db.query(f"SELECT data FROM {table} ORDER BY seq")]
        if rows:
            lines = b"".join(
                json.dumps({k: v for k, v in row.items() if k in keep}, ensure_ascii=False).encode() + b"\n"
                for row in rows
            )
            parts[entity] = (lines, len(rows))
    return parts


def forge(
    laptop,
    office_recipient: str,
    parts: dict[str, tuple[bytes, int]],
    *,
    sequence: int = 1,
    recipients: list[str] | None = None,
    schema_version: int = SCHEMA_VERSION,
) -> bytes:
    """A bundle built and signed with this laptop's real key, sealed to ``office_recipient``; as a
    laptop on an older ``schema_version`` makes it, if given."""
    built = bundle.build(
        parts=parts,
        bundle_id=uuid4(),
        device_id=laptop.device_id,
        signing_key=laptop.signing_key(),
        sequence=sequence,
        recipients=recipients or [office_recipient],
        created_at=datetime.now(UTC),
        app_version="test",
        held_back=0,
        schema_version=schema_version,
    )
    return bundle.seal(built.plaintext, [office_recipient])


def raw_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def manifest_dict(schema_version: int = SCHEMA_VERSION, **changes) -> dict:
    base = {
        "format": "pace-bundle",
        "format_version": 1,
        "schema_version": schema_version,
        "bundle_id": str(uuid4()),
        "device_id": "LTABCDEF",
        "device_key_sha256": "0" * 64,
        "sequence": 1,
        "created_at": "2026-11-20T10:00:00+00:00",
        "app_version": "test",
        "office_recipients": ["age1" + "q" * 58],
        "held_back": 0,
        "parts": [],
    }
    base.update(changes)
    return base


def unzip(plaintext: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dumps(value) -> bytes:
    return json.dumps(value).encode()
