"""Budget: office import runs at at least a quarter of raw SQLCipher ``executemany`` throughput.

Baseline: the same rows (every column the store writes for each record) inserted with one
``executemany`` per table into an empty SQLCipher store of the same schema, in one committed
transaction: the least that storing them can cost. Measured: ``import_bundle`` of the laptop's
bundle of 10,003 records into an empty central store (a fresh copy each run, the laptop already
enrolled): size checks, decryption, signature, manifest hashes, validation of every record
against the models, the apply transaction, the duplicate check and the signed receipt.
Throughput is records a second; the two alternate.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PASSPHRASE, Result, Stats, arguments, copy_store, report, timed  # noqa: E402
from _exchange import TABLES, make_exchange  # noqa: E402

LIMIT = 0.5  # issue 23 (round one: 0.25x)
REPEATS = 7


def stored_rows(store: object) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Each table's columns as the repositories write them, and its rows, from the laptop store."""
    skip = {"exported_version", "confirmed_version", "confirmed_at"}
    rows = {}
    for table in TABLES:
        cols = [r[1] for r in store.db.query(f"PRAGMA table_info({table})")  # type: ignore[attr-defined]
                if r[1] not in skip]
        data = store.db.query(f"SELECT {', '.join(cols)} FROM {table}")  # type: ignore[attr-defined] # noqa: S608
        rows[table] = (cols, data)
    return rows


def bare_executemany(path: Path, rows: dict[str, tuple[list[str], list[tuple[object, ...]]]]) -> float:
    """Seconds to insert ``rows`` into a new, empty store file of the current schema."""
    from pace_desktop.store.database import Database
    from pace_desktop.store.keyslots import new_data_key
    from pace_desktop.store.migrations import migrate

    key = new_data_key()
    db = Database(path, key, create=True)
    migrate(db, key)

    def insert() -> None:
        with db.transaction() as conn:
            for table, (cols, data) in rows.items():
                if data:
                    marks = ", ".join("?" for _ in cols)
                    conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})",  # noqa: S608
                                     data)

    try:
        return timed(insert)
    finally:
        db.close()


def main() -> None:
    opts = arguments(__doc__ or "")
    repeats = 2 if opts.quick else REPEATS
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.office.central import open_central
    from pace_desktop.office.importer import import_bundle

    with tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
        folder = Path(tmp)
        ex = make_exchange(folder)
        outbox = folder / "outbox"
        outbox.mkdir()
        bundle = export_bundle(ex.laptop, outbox).path
        assert bundle is not None
        rows = stored_rows(ex.laptop)
        records = sum(len(data) for _, data in rows.values())
        ex.laptop.close()
        bare, real = [], []
        outcome = None
        for i in range(repeats + 1):
            run = folder / f"run{i}"
            b = bare_executemany(run / "bare.store", rows) if run.mkdir() is None else 0.0
            central_path = copy_store(ex.central, run / "central")
            with open_central(central_path, PASSPHRASE) as central:
                def go(central: object = central, run: Path = run) -> None:
                    nonlocal outcome
                    outcome = import_bundle(central, bundle, receipts_dir=run)

                r = timed(go)
            if i:  # the first of each is a warm-up
                bare.append(b)
                real.append(r)
            shutil.rmtree(run)
    if outcome is None or outcome.verdict != "accepted":
        raise RuntimeError(f"the bundle was not accepted: {outcome.reason if outcome else ''}")
    b, r = Stats.of(bare), Stats.of(real)
    bare_rate, real_rate = records / b.median, outcome.records / r.median
    ratio = real_rate / bare_rate
    report([Result.against_baseline(
        "Office import", ratio=ratio, limit=LIMIT, at_least=True,
        budget=f">= {LIMIT}x raw SQLCipher executemany throughput",
        baseline=f"executemany: {bare_rate:,.0f} records/s ({b.s()})",
        measured=f"import_bundle: {real_rate:,.0f} records/s ({r.s()})",
        notes=[f"{outcome.records:,} records a run ({outcome.reason})"],
    )])


if __name__ == "__main__":
    main()
