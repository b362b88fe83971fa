"""kill -9 in the middle of an import: the central store keeps nothing; a re-import is exact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from pace_desktop.demo import seed
from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.tables import repositories
from pace_desktop.office.central import open_central
from pace_desktop.office.history import import_history
from pace_desktop.office.importer import import_bundle
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import nothing_imported

# The child imports for real, but pauses inside the transaction once events and clients are written,
# so the parent kills it at a known point: mid-import, rows written but not committed.
CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from pace_desktop.store import repository
    from pace_desktop.office.central import open_central
    from pace_desktop.office.importer import import_bundles

    central, bundle, marker, passphrase = sys.argv[1:]
    original = repository.Repository.insert_many

    def paused(self, records, ids=None):
        done = original(self, records, ids)
        if self.entity == "client":
            Path(marker).write_text("mid-import")
            time.sleep(120)
        return done

    repository.Repository.insert_many = paused
    import_bundles(open_central(central, passphrase), [bundle])
""")


def test_kill_9_mid_import_leaves_nothing_and_a_reimport_is_exact(
    enrolled, office_path, laptop, outbox, tmp_path
):
    seed(laptop, events=2, clients=100)
    path = export_bundle(laptop, outbox).path
    enrolled.close()
    marker = tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(office_path), str(path), str(marker), PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child never reached the middle of the import"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    with open_central(office_path, PASSPHRASE) as office:
        assert office.db.integrity_ok()
        assert nothing_imported(office)
        assert import_history(office) == []
        result = import_bundle(office, path)
        on_laptop = sum(
            laptop.db.scalar(f"SELECT count(*) FROM {repo.table}")  # noqa: S608 - our table names
            for repo in repositories(laptop).values()
        )
        assert on_laptop == 604  # 2 employers, 2 events, 100 clients and their consents and checklists
        assert result.verdict == "accepted" and result.outcomes == {"added": on_laptop}
        for entity, repo in repositories(laptop).items():
            theirs = dict(office.db.query(f"SELECT id, data FROM {repo.table}"))
            ours = dict(laptop.db.query(f"SELECT id, data FROM {repo.table}"))
            assert theirs == ours, entity
        assert office.verify_audit().ok
