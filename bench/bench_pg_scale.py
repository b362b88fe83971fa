"""Budgets on the central database on PostgreSQL at 1,000,000 clients (issue 18).

A real cluster, started the way the tests start one (``tools/pg_cluster.py``: initdb and pg_ctl as
an unprivileged user, a private socket, fsync off), holds two copies of one office moved there by
``office migrate``: ``pace_small`` with a tenth of the clients and ``pace_big`` with all of them.
The clients are fictional (``demo.make_client``), written as the store writes them
(``Repository._row``) but loaded with ``COPY``; the cluster is kept in ``bench/.cache/pg-N/`` and
reused while ``demo.py``, the PostgreSQL schema steps and the app version stay the same.
Only clients and their events are seeded (no consents or checklists): the budgets are about clients.

- **Import**, into a copy of the big database (dropped after): a laptop's bundle of 10,003 records
  (``import_bundle`` on the server-backed store: decryption, signature, validation, the apply
  transaction, duplicates, the signed receipt) against a raw ``COPY`` of the same rows into the same
  tables (rolled back after), alternating; throughput is records a second. Budget: at least 0.3x.
- **Four importers at once**: four laptops' distinct bundles imported by four processes (each
  unlocked beforehand, then started together); together at least 1.5x one importer's throughput.
- **Search** by name, PACE ID, NI number and postcode as ``bench_search.py`` types them, through
  ``store.client_queries.search`` on the big database: p95 < 50 ms.
- **Records report streams**: the records report written from each database in a fresh process;
  peak resident memory with all the clients at most 1.10x that with a tenth.

``--quick`` seeds 50,000 clients (a smoke run: do not quote its figures); ``PACE_BENCH_PG_CLIENTS``
sets another number (for working on the bench itself).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    ADVISER,
    CACHE,
    PASSPHRASE,
    ROOT,
    Result,
    Stats,
    arguments,
    peak_rss_mib,
    report,
    timed,
)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CLIENTS = 1_000_000
QUICK_CLIENTS = 50_000
IMPORT_LIMIT = 0.3
CONCURRENT_LIMIT = 1.5
SEARCH_LIMIT_MS = 50.0
RSS_LIMIT = 1.10
IMPORTERS = 4
BUNDLE_CLIENTS = 1_667  # x (client + 4 consents + checklist) + 1 event = 10,003 records
TABLES = ("events", "clients", "consents", "checklists", "interventions", "outcomes", "feedback")
PER_EVENT = 5_000
os.environ["PACE_PG_ALLOW_INSECURE"] = "1"  # the cluster's private socket has no TLS


# -- the cached, seeded cluster --------------------------------------------------------------------
def _fingerprint() -> str:
    from pace_desktop import __version__

    sources = b"".join((ROOT / name).read_bytes() for name in
                       ("pace_desktop/demo.py", "pace_desktop/store/pg/schema.py", "tools/pg_cluster.py"))
    return hashlib.sha256(sources + f"|{__version__}".encode()).hexdigest()[:16]


@dataclass
class Seeded:
    cluster: Any
    keyring: Path  # the office's central store file, its keyring
    office_pub: Path
    clients: int
    seed_seconds: float
    seeded_now: bool

    def url(self, name: str) -> str:
        return self.cluster.url(name)


def seeded(clients: int) -> Seeded:
    """The cluster with ``pace_small`` (clients / 10) and ``pace_big`` (clients), seeded once."""
    from tools import pg_cluster

    folder = CACHE / f"pg-{clients}"
    meta_path = folder / "meta.json"
    keyring, office_pub = folder / "office" / "central.store", folder / "office" / "office.pub"
    fingerprint = _fingerprint()
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("fingerprint") == fingerprint:
            cluster = pg_cluster.start(folder / "cluster")
            return Seeded(cluster, keyring, office_pub, clients, meta["seed_seconds"], False)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "office").mkdir(parents=True)
    print(f"Seeding {clients:,} fictional clients into PostgreSQL (cached in {folder})…",
          file=sys.stderr, flush=True)
    cluster = pg_cluster.start(folder / "cluster")
    try:
        from pace_desktop.office.central import init_office, open_central
        from pace_desktop.store.pg.connect import connect
        from pace_desktop.store.pg.from_file import migrate_from_file

        init_office(keyring, staff="Bench Office", passphrase=PASSPHRASE, out_dir=folder / "office")
        cluster.create_database("pace_small")
        with connect(cluster.url("pace_small"), allow_insecure=True) as conn, \
                open_central(keyring, PASSPHRASE) as central:
            migrate_from_file(central, conn)
        small = clients // 10
        start = time.perf_counter()
        copy_clients(cluster.url("pace_small"), keyring, small, rng_seed=1)
        cluster.psql("CREATE DATABASE pace_big TEMPLATE pace_small")
        copy_clients(cluster.url("pace_big"), keyring, clients - small, rng_seed=2)
        for name in ("pace_small", "pace_big"):
            cluster.psql("VACUUM ANALYZE", db=name)
        seconds = time.perf_counter() - start
    except BaseException:
        cluster.stop()
        raise
    meta_path.write_text(json.dumps({"fingerprint": fingerprint, "clients": clients,
                                     "seed_seconds": seconds}))
    return Seeded(cluster, keyring, office_pub, clients, seconds, True)


def copy_clients(url: str, keyring: Path, count: int, *, rng_seed: int) -> None:
    """``count`` fictional clients (and their events, 5,000 a one) as the store writes their rows,
    loaded with one COPY a table."""
    from pace_desktop.demo import make_client, make_event
    from pace_desktop.office.central import open_central_on_server
    from pace_desktop.records.pace_id import new_pace_id
    from pace_desktop.store.pg.connect import connect

    rng = random.Random(rng_seed)  # noqa: S311 - fictional data
    with open_central_on_server(keyring, PASSPHRASE, url) as store, \
            connect(url, allow_insecure=True) as conn:
        events = [make_event(rng, date(2026, 11, 1) - timedelta(days=7 * i))
                  for i in range(max(1, -(-count // PER_EVENT)))]
        columns, _ = store.events._row(events[0])
        with conn.cursor() as cursor:
            with cursor.copy(f"COPY events ({', '.join(columns)}) FROM STDIN") as copy:
                for event in events:
                    copy.write_row(store.events._row(event)[1])
            columns, _ = store.clients._row(make_client(rng, events[0], new_pace_id()))
            with cursor.copy(f"COPY clients ({', '.join(columns)}) FROM STDIN") as copy:
                for i in range(count):
                    client = make_client(rng, events[i // PER_EVENT], new_pace_id())
                    copy.write_row(store.clients._row(client)[1])
        conn.commit()


# -- laptops and their bundles ---------------------------------------------------------------------
def make_bundles(seeded: Seeded, url: str, folder: Path, count: int) -> list[Path]:
    """``count`` new laptops, each enrolled at the office on ``url`` with 10,003 records exported."""
    from pace_desktop.demo import seed
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.office.central import open_central_on_server
    from pace_desktop.office.devices import enrol_device
    from pace_desktop.store.store import Store

    bundles = []
    with open_central_on_server(seeded.keyring, PASSPHRASE, url) as central:
        for i in range(count):
            laptop = Store.create(folder / f"laptop{i}.store", adviser=ADVISER, passphrase=PASSPHRASE,
                                  device_name=f"Bench laptop {i}")
            try:
                install_office_key(laptop, read_office_key_file(seeded.office_pub))
                seed(laptop, events=1, clients=BUNDLE_CLIENTS, rng_seed=int(time.time() * 1000) + i)
                enrol_device(central, laptop.device_key().text())
                (folder / f"out{i}").mkdir()
                path = export_bundle(laptop, folder / f"out{i}").path
                assert path is not None
                bundles.append(path)
            finally:
                laptop.close()
    return bundles


def laptop_rows(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Each table's rows as the laptop stores them, in the columns the central tables share."""
    from pace_desktop.store.store import Store

    skip = {"exported_version", "confirmed_version", "confirmed_at", "seq"}
    with Store.open(path, PASSPHRASE) as laptop:
        rows = {}
        for table in TABLES:
            cols = [r[1] for r in laptop.db.query(f"PRAGMA table_info({table})") if r[1] not in skip]
            rows[table] = (cols, laptop.db.query(f"SELECT {', '.join(cols)} FROM {table}"))  # noqa: S608
    return rows


def raw_copy(url: str, rows: dict[str, tuple[list[str], list[tuple[object, ...]]]]) -> float:
    """Seconds to COPY ``rows`` into the central tables (then rolled back: the database is unchanged)."""
    from pace_desktop.store.pg.connect import connect

    with connect(url, allow_insecure=True) as conn:
        def go() -> None:
            with conn.cursor() as cursor:
                for table, (cols, data) in rows.items():
                    if data:
                        with cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                            for row in data:
                                copy.write_row(row)
        seconds = timed(go)
        conn.rollback()
    return seconds


def import_one(
    keyring: str, url: str, bundle: str, receipts: str, barrier: Any = None
) -> tuple[float, float, int]:
    """Unlock, wait for the others (``barrier``), import ``bundle``: (start, end, records)."""
    from pace_desktop.office.central import open_central_on_server
    from pace_desktop.office.importer import import_bundle

    with open_central_on_server(keyring, PASSPHRASE, url) as central:
        if barrier is not None:
            barrier.wait()
        start = time.time()
        outcome = import_bundle(central, bundle, receipts_dir=receipts)
        end = time.time()
    if outcome.verdict != "accepted":
        raise RuntimeError(f"the bundle was not accepted: {outcome.reason}")
    return start, end, outcome.records


def _import_in_child(args: tuple[str, str, str, str], barrier: Any, out: Any) -> None:
    out.put(import_one(*args, barrier=barrier))


# -- the budgets -----------------------------------------------------------------------------------
def bench_import(seeded: Seeded, folder: Path, repeats: int) -> tuple[list[Result], float]:
    """Into a copy of the big database (dropped after), so the cached one stays as seeded."""
    seeded.cluster.psql("DROP DATABASE IF EXISTS pace_import")
    seeded.cluster.psql("CREATE DATABASE pace_import TEMPLATE pace_big")
    try:
        return _bench_import(seeded, seeded.url("pace_import"), folder, repeats)
    finally:
        seeded.cluster.psql("DROP DATABASE IF EXISTS pace_import WITH (FORCE)")


def _bench_import(seeded: Seeded, url: str, folder: Path, repeats: int) -> tuple[list[Result], float]:
    bundles = make_bundles(seeded, url, folder, repeats + IMPORTERS)
    copies, imports, records = [], [], 0
    for i, bundle in enumerate(bundles[:repeats]):
        rows = laptop_rows(folder / f"laptop{i}.store")
        copies.append(raw_copy(url, rows) / sum(len(d) for _, d in rows.values()))
        start, end, records = import_one(str(seeded.keyring), url, str(bundle), str(folder))
        imports.append((end - start) / records)
    copy_rate, import_rate = 1 / Stats.of(copies).median, 1 / Stats.of(imports).median
    ratio = import_rate / copy_rate

    spawn = multiprocessing.get_context("spawn")
    barrier, out = spawn.Barrier(IMPORTERS), spawn.Queue()
    children = [spawn.Process(target=_import_in_child,
                              args=((str(seeded.keyring), url, str(b), str(folder)), barrier, out))
                for b in bundles[repeats:]]
    for child in children:
        child.start()
    done = [out.get(timeout=1800) for _ in children]
    for child in children:
        child.join()
    together = sum(r for _, _, r in done) / (max(e for _, e, _ in done) - min(s for s, _, _ in done))
    return [
        Result.against_baseline(
            f"Central import at {seeded.clients:,} (PostgreSQL)", ratio=ratio, limit=IMPORT_LIMIT,
            at_least=True, budget=f">= {IMPORT_LIMIT}x raw COPY throughput",
            baseline=f"COPY: {copy_rate:,.0f} records/s (n={len(copies)})",
            measured=f"import_bundle: {import_rate:,.0f} records/s (n={len(imports)})",
            notes=[f"{records:,} records a bundle, into the database of {seeded.clients:,} clients"],
        ),
        Result.against_baseline(
            f"{IMPORTERS} importers at once (PostgreSQL)", ratio=together / import_rate,
            limit=CONCURRENT_LIMIT, at_least=True, budget=f">= {CONCURRENT_LIMIT}x one importer",
            baseline=f"one importer: {import_rate:,.0f} records/s",
            measured=f"{IMPORTERS} together: {together:,.0f} records/s",
            notes=[f"{IMPORTERS} processes, distinct laptops' bundles, on {os.cpu_count()} CPUs shared "
                   "with the server"],
        ),
    ], import_rate


def bench_search(seeded: Seeded, rounds: int) -> Result:
    from bench_search import queries, time_searches

    from pace_desktop.office.central import open_central_on_server

    rng = random.Random(3)  # noqa: S311
    with open_central_on_server(seeded.keyring, PASSPHRASE, seeded.url("pace_big")) as store:
        asked = queries(_PgSample(store), rng)
        per_kind, hits = time_searches(store.client_queries.search, asked, rounds, rng)
    s = Stats.of([x for xs in per_kind.values() for x in xs])
    notes = [f"{kind}: {Stats.of(xs).ms()}; {hits[kind]}/{len(asked[kind])} queries found someone"
             for kind, xs in per_kind.items()]
    return Result.under_budget(
        f"Search clients at {seeded.clients:,} (PostgreSQL)", value=s.p95 * 1000, limit=SEARCH_LIMIT_MS,
        unit="ms", stat="p95", budget=f"p95 < {SEARCH_LIMIT_MS:.0f} ms", measured=s.ms(), notes=notes,
    )


class _PgSample:
    """What ``bench_search.queries`` asks of a store, in PostgreSQL's words."""

    def __init__(self, store: Any) -> None:
        self.db = self
        self._store = store

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._store.db.query(
            "SELECT pace_id, ni, data->>'postcode' FROM clients WHERE seq % 997 = 0 LIMIT 40")
        return rows


def report_rss(seeded: Seeded, name: str, folder: Path) -> tuple[float, int]:
    """Peak RSS (MiB) of a fresh process writing the records report from database ``name``, and
    the rows it wrote."""
    out = folder / f"records-{name}.xlsx"
    proc = subprocess.run([sys.executable, __file__, "--records-report", str(seeded.keyring),
                           seeded.url(name), str(out)], capture_output=True, text=True, check=True)
    out.unlink(missing_ok=True)
    peak, rows = proc.stdout.strip().splitlines()[-1].split()
    return float(peak), int(rows)


def _write_records_report(keyring: str, url: str, out: str) -> None:
    from pace_desktop.office.central import open_central_on_server
    from pace_desktop.reports.report import write_report

    with open_central_on_server(keyring, PASSPHRASE, url) as store:
        written = write_report(store, "records", out)
    print(peak_rss_mib(), sum(written.figures.values()))


def bench_report(seeded: Seeded, folder: Path) -> Result:
    (small, small_rows), (big, big_rows) = (report_rss(seeded, name, folder)
                                            for name in ("pace_small", "pace_big"))
    return Result.against_baseline(
        f"Records report at {seeded.clients:,} (PostgreSQL)", ratio=big / small, limit=RSS_LIMIT,
        budget=f"peak RSS <= {RSS_LIMIT}x that at {seeded.clients // 10:,}",
        baseline=f"{seeded.clients // 10:,} clients: {small:.0f} MiB peak",
        measured=f"{seeded.clients:,} clients: {big:.0f} MiB peak",
        notes=[f"write_report(records) in a fresh process: {small_rows:,} and {big_rows:,} rows written"],
    )


def main() -> None:
    if "--records-report" in sys.argv:
        at = sys.argv.index("--records-report")
        _write_records_report(*sys.argv[at + 1:at + 4])
        return
    opts = arguments(__doc__ or "")
    clients = int(os.environ.get("PACE_BENCH_PG_CLIENTS", 0)) or (QUICK_CLIENTS if opts.quick else CLIENTS)
    seeded_ = seeded(clients)
    try:
        with tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
            folder = Path(tmp)
            results = [bench_search(seeded_, 1 if opts.quick else 5)]
            results.append(bench_report(seeded_, folder))
            found, _ = bench_import(seeded_, folder, 1 if opts.quick else 3)
            results[:0] = found
    finally:
        seeded_.cluster.stop(keep=True)
    seeding = ("seeded now" if seeded_.seeded_now else "seeded earlier, cached")
    results[0].notes.append(f"{seeded_.clients:,} clients loaded with COPY in {seeded_.seed_seconds:.0f} s "
                            f"({seeding}; clients and events only)")
    report(results)


if __name__ == "__main__":
    main()
