"""Stores made by earlier releases, frozen in tests/store/frozen/, open and upgrade with today's code.

Unlike test_migrations.py, which builds an "old" schema with today's migration code, these files were
written by the old releases themselves: a step that only works on stores today's code makes cannot
pass here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pace_desktop.office.central import open_central
from pace_desktop.store.clients import ClientQueries
from pace_desktop.store.migrations import SCHEMA_MAX
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE

FROZEN = Path(__file__).parent / "frozen"
RELEASES = sorted(p.name for p in FROZEN.glob("v*") if p.is_dir())


def thaw(release: str, name: str, tmp_path: Path) -> tuple[Path, dict]:
    source = FROZEN / release
    for suffix in ("", ".keys"):
        shutil.copy2(source / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path / name, json.loads((source / "manifest.json").read_text())


def test_every_schema_since_the_first_release_is_frozen():
    versions = sorted(int(r[1:]) for r in RELEASES)
    assert versions[0] == 3 and versions[-1] >= 8


@pytest.mark.parametrize("release", RELEASES)
def test_a_laptop_store_from_an_earlier_release_upgrades_keeping_everything(release, tmp_path):
    path, made = thaw(release, "laptop.store", tmp_path)
    with Store.open(path, PASSPHRASE) as store:
        assert store.db.user_version == SCHEMA_MAX
        counts = {t: store.db.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in made["laptop"]["counts"]}  # noqa: S608
        assert counts == made["laptop"]["counts"]
        names = sorted(r[0] for r in store.db.query("SELECT json_extract(data, '$.last_name') FROM clients"))
        assert names == made["laptop"]["last_names"]
        assert store.verify_audit().ok
        # Search works on the upgraded store, including names with letters folded by later releases.
        queries = ClientQueries(store)
        for surname in set(names):
            assert any(c.last_name == surname for c in queries.search(surname))
    backups = list(tmp_path.glob("laptop.store.v*.bak"))
    assert len(backups) == (0 if made["schema_version"] == SCHEMA_MAX else 1)


@pytest.mark.parametrize("release", RELEASES)
def test_a_central_store_from_an_earlier_release_upgrades_and_still_opens_as_the_office(release, tmp_path):
    path, made = thaw(release, "central.store", tmp_path)
    with open_central(path, PASSPHRASE) as central:
        assert central.db.user_version == SCHEMA_MAX
        assert central.kind == "office"
        assert central.verify_audit().ok


@pytest.mark.parametrize("release", RELEASES)
def test_an_earlier_releases_laptop_exports_whole_records_the_office_takes(release, tmp_path):
    """Records saved before a field was added (v3, v5: the checklist's council_area) are made whole
    by step 9, so the strict importer takes what such a laptop exports."""
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.office.central import init_office
    from pace_desktop.office.devices import enrol_device
    from pace_desktop.office.importer import import_bundle

    path, made = thaw(release, "laptop.store", tmp_path)
    office = init_office(
        tmp_path / "office.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=tmp_path
    )
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    with Store.open(path, PASSPHRASE) as laptop, open_central(office.central, PASSPHRASE) as central:
        install_office_key(laptop, read_office_key_file(office.office_pub))
        enrol_device(central, laptop.device_key().text())
        exported = export_bundle(laptop, outbox, resend_unconfirmed=True)
        result = import_bundle(central, exported.path)
        assert result.verdict == "accepted", result.reason
        assert central.clients.count() == made["laptop"]["counts"]["clients"]
