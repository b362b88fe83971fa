"""What every benchmark shares: timing statistics, the cached 100,000-client store, results, the machine.

Benchmarks are not tests: nothing here fails a build. Each script measures its budget against a
baseline taken in the same run on the same machine, prints the ratio and MET or NOT MET, and (with
``--json FILE``) writes its result for ``run_all.py``, which prints the table and regenerates
``docs/performance.md``. The machine may be shared, so medians are what we quote.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
PASSPHRASE = "bench passphrase for fictional data"  # noqa: S105 - demo data, never a real store
ADVISER = "Bench Adviser"
BIG_CLIENTS = 100_000
BIG_EVENTS = 20  # 5,000 clients an event: the event-table budget opens one of them
SEED_BUDGET_SECONDS = 30.0  # issue 23: 100,000 demo clients in under 30 s (round one: 60 s)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# -- statistics ------------------------------------------------------------------------------------
def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): the value at or below which q% of samples fall."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Stats:
    n: int
    median: float
    p95: float
    minimum: float

    @classmethod
    def of(cls, samples: list[float]) -> Stats:
        return cls(len(samples), statistics.median(samples), percentile(samples, 95), min(samples))

    def ms(self) -> str:
        return f"median {self.median * 1000:.1f} ms, p95 {self.p95 * 1000:.1f} ms (n={self.n})"

    def s(self) -> str:
        return f"median {self.median:.3f} s (n={self.n})"


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mib()


# -- results ---------------------------------------------------------------------------------------
@dataclass
class Result:
    """One budget's line in the table. ``met`` is None for figures that are reported, not budgeted."""

    name: str
    budget: str
    baseline: str
    measured: str
    ratio: str
    met: bool | None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def under_budget(cls, name: str, *, value: float, limit: float, unit: str, budget: str, measured: str,
                     stat: str = "", notes: list[str] | None = None) -> Result:
        """A figure held to a fixed budget: ``value`` (its ``stat``: median, p95 or one run) < ``limit``."""
        return cls(name=name, budget=budget, baseline=f"budget {limit:.0f} {unit}", measured=measured,
                   ratio=f"{stat + ' ' if stat else ''}{value / limit:.2f}x of budget", met=value < limit,
                   notes=notes or [])

    @classmethod
    def against_baseline(cls, name: str, *, ratio: float, limit: float, at_least: bool = False,
                         budget: str, baseline: str, measured: str, limit_text: str | None = None,
                         notes: list[str] | None = None) -> Result:
        """A ratio to the baseline measured in the same run: at most ``limit``, or ``at_least`` it."""
        bound = f"{'>= ' if at_least else ''}{limit_text or limit}x"
        return cls(name=name, budget=budget, baseline=baseline, measured=measured,
                   ratio=f"{ratio:.2f}x (limit {bound})",
                   met=ratio >= limit if at_least else ratio <= limit, notes=notes or [])

    def verdict(self) -> str:
        return {True: "MET", False: "NOT MET", None: "reported"}[self.met]

    def line(self) -> str:
        return f"{self.name}: {self.measured} | baseline {self.baseline} | {self.ratio} -> {self.verdict()}"


def report(results: list[Result]) -> None:
    """Print each result; with ``--json FILE`` on the command line, also write them there."""
    for result in results:
        print(result.line(), flush=True)
        for note in result.notes:
            print(f"    {note}", flush=True)
    out = _json_target()
    if out is not None:
        out.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")


def _json_target() -> Path | None:
    if "--json" in sys.argv:
        return Path(sys.argv[sys.argv.index("--json") + 1])
    return None


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--json", type=Path, help="also write the result here (for run_all.py)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, not a figure)")
    return parser.parse_known_args()[0]


# -- stores ----------------------------------------------------------------------------------------
def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``pace-desktop`` the way a person would, passphrase from the environment."""
    env = dict(os.environ, PACE_PASSPHRASE=PASSPHRASE)
    return subprocess.run([sys.executable, "-m", "pace_desktop", *args], env=env, check=check,
                          capture_output=True, text=True)


def _fingerprint() -> str:
    """What the cached store depends on: the demo generator, the schema steps, the app version."""
    from pace_desktop import __version__

    sources = b"".join((ROOT / "pace_desktop" / name).read_bytes()
                       for name in ("demo.py", "store/migrations.py"))
    return hashlib.sha256(sources + f"|{__version__}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Cached:
    path: Path
    clients: int
    events: int
    seed_seconds: float
    seeded_at: str
    seeded_now: bool


def big_store(clients: int = BIG_CLIENTS, events: int = BIG_EVENTS) -> Cached:
    """The store of ``clients`` fictional people under bench/.cache, seeded by demo-data once.

    Rebuilt when demo.py, the schema steps or the app version change, or when the file is missing.
    Benchmarks that write copy it first, so every run starts from the same store.
    """
    folder = CACHE / f"store-{clients}"
    path = folder / "bench.store"
    meta_path = folder / "meta.json"
    fingerprint = _fingerprint()
    if meta_path.exists() and path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("fingerprint") == fingerprint and meta.get("events") == events:
            return Cached(path, clients, events, meta["seed_seconds"], meta["seeded_at"], False)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"Seeding {clients:,} fictional clients with pace-desktop demo-data (cached in {folder})…",
          file=sys.stderr, flush=True)
    cli("init", "--store", str(path), "--adviser", ADVISER, "--device-name", "Bench laptop")
    start = time.perf_counter()
    cli("demo-data", "--store", str(path), "--events", str(events), "--clients", str(clients))
    seconds = time.perf_counter() - start
    seeded_at = time.strftime("%Y-%m-%d %H:%M")
    meta_path.write_text(json.dumps({"fingerprint": fingerprint, "clients": clients, "events": events,
                                     "seed_seconds": seconds, "seeded_at": seeded_at}))
    return Cached(path, clients, events, seconds, seeded_at, True)


def store_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + ".keys")]


def copy_store(path: Path, folder: Path) -> Path:
    """A copy of a closed store (database and key slots) in ``folder``, for benchmarks that write."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in store_files(path):
        shutil.copyfile(source, folder / source.name)
    return folder / path.name


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    from pace_desktop.store.store import Store

    store = Store.open(path, PASSPHRASE)
    try:
        yield store
    finally:
        store.close()


# -- a PySide6 defect the UI benchmarks must survive ------------------------------------------------
def shield_none() -> bool:
    """Keep ``None`` alive under PySide6 6.12.0 on CPython 3.11; True if the shield was needed.

    That PySide6 hands an invalid QVariant to Python as ``None`` without taking a reference
    (``QObject().property("missing")`` drops one each call), so a long session counts ``None``
    down to zero and the interpreter aborts ("none_dealloc"): opening a 5,000-client event a
    dozen times was enough. 6.11.3 does not, and CPython 3.12 made ``None`` immortal. The defect
    is looked for, not assumed: only when it is there do the UI benchmarks add a large count so
    that they can measure at all (and they report the drift they saw).
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.property("pace-bench-missing")
    if sys.getrefcount(None) >= before:
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True


def none_refs() -> int:
    return sys.getrefcount(None)


# -- the machine -----------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    """What the figures were measured on: quote them only beside this."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    from importlib.metadata import version

    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 0
    return {
        "nproc": str(cpus),
        "cpu": cpu,
        "memory": _memory(),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "sqlcipher": f"{cipher} (SQLite {sqlite})",
        "pyside6": version("PySide6-Essentials") if _has("PySide6-Essentials") else version("PySide6"),
        "openpyxl": version("openpyxl"),
        "pydantic": version("pydantic"),
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", "(default)"),
    }


def _has(dist: str) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(dist)
    except PackageNotFoundError:
        return False
    return True


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"
