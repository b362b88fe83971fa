"""10,000 demo records laptop → office → receipt; and the stock age tool opens a bundle."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import time
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from pace_desktop.demo import seed
from pace_desktop.errors import UsageError
from pace_desktop.exchange import bundle
from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.purge import purge
from pace_desktop.exchange.receipt import apply_receipt
from pace_desktop.exchange.tables import repositories
from pace_desktop.office.central import backup_identity
from pace_desktop.office.importer import import_bundles


def test_ten_thousand_records_round_trip_field_by_field(enrolled, laptop, outbox):
    started = time.monotonic()
    seed(laptop, events=10, clients=1667)  # 10 events + 1,667 × (client, 4 consents, checklist)
    employers = laptop.employers.count()  # the demo's employers, each reused by its events
    assert 1 <= employers < 10
    total = 10_012 + employers
    result = export_bundle(laptop, outbox)
    assert result.records == total and not result.held_back_clients
    (imported,) = import_bundles(enrolled, [result.path])
    assert imported.verdict == "accepted" and imported.outcomes == {"added": total}
    office_repos = repositories(enrolled)
    for entity, repo in repositories(laptop).items():
        ours = {r.id: r for r in repo.all()}
        theirs = {r.id: r for r in office_repos[entity].all()}
        assert ours.keys() == theirs.keys(), entity
        fields = list(repo.model.model_fields)
        for record_id, record in ours.items():
            other = theirs[record_id]
            for name in fields:
                assert getattr(other, name) == getattr(record, name), (entity, name)
    applied = apply_receipt(laptop, imported.receipt_path)
    assert applied.confirmed == total
    gone = purge(laptop, now=datetime.now(UTC) + timedelta(days=31))
    assert gone.counts["client"] == 1667 and laptop.clients.count() == 0
    assert enrolled.clients.count() == 1667
    assert time.monotonic() - started < 60


def test_backup_identity_is_owner_only_and_never_overwrites(enrolled, tmp_path):
    path = backup_identity(enrolled, tmp_path / "office-identity.txt")
    text = path.read_text()
    assert "AGE-SECRET-KEY-1" in text and "offline" in text
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(UsageError, match="already exists"):
        backup_identity(enrolled, path)


@pytest.mark.skipif(
    shutil.which("age") is None,
    reason="the stock age tool is not installed (Debian package 'age'; CI installs it)",
)
def test_the_stock_age_tool_opens_a_bundle_with_the_backed_up_identity(enrolled, laptop, outbox, tmp_path):
    from tests.exchange.conftest import register

    _, clients = register(laptop, 2)
    path = export_bundle(laptop, outbox).path
    identity = backup_identity(enrolled, tmp_path / "identity.txt")
    out = subprocess.run(["age", "-d", "-i", str(identity), str(path)], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    # What age printed is the documented container: a ZIP whose parts match the signed manifest.
    archive = zipfile.ZipFile(io.BytesIO(out.stdout))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["device_id"] == laptop.device_id and manifest["sequence"] == 1
    for part in manifest["parts"]:
        assert hashlib.sha256(archive.read(part["name"])).hexdigest() == part["sha256"]
    container = bundle.open_container(out.stdout)
    bundle.verify_signature(container, laptop.device_key().public)
    names = [json.loads(line)["last_name"] for line in archive.read("records/client.jsonl").splitlines()]
    assert sorted(names) == sorted(c.last_name for c in clients)
