"""Child processes for the fault tests: they save, import or write until killed or failed.

Children start from a fork server that has already imported the app, so each costs a few
milliseconds instead of the second a fresh interpreter needs; each still unlocks its store with the
real passphrase, as the app does. A child tells the parent where it is through a shared integer
(``phase``): opening, ready, inside a transaction, between transactions, done. The parent reads it
just before ``kill -9``, so the figures can say how many kills landed mid-transaction.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import resource
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pace_desktop.demo import make_client, make_event
from pace_desktop.errors import PaceError
from pace_desktop.office.central import open_central
from pace_desktop.office.importer import import_bundle
from pace_desktop.records.models import CaptureMethod
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents
from pace_desktop.store.database import Database
from pace_desktop.store.store import Store

OPENING, READY, IN_TX, OUT_TX, DONE = range(5)
PHASE_NAMES = {
    OPENING: "opening",
    READY: "ready",
    IN_TX: "in_transaction",
    OUT_TX: "after_commit",
    DONE: "done",
}

_context: Any = None


def context() -> Any:
    """The fork-server context (made once); its server preloads this module and so the app."""
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload([__name__])
    return _context


def start(target: Callable[..., None], *args: Any) -> tuple[Any, Any]:
    """Start ``target(phase, *args)`` in a child; returns the process and its shared phase."""
    ctx = context()
    phase = ctx.RawValue("i", OPENING)
    proc = ctx.Process(target=target, args=(phase, *args), daemon=True)
    proc.start()
    return proc, phase


def wait_for(proc: Any, phase: Any, at_least: int, timeout: float = 60.0, errors: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while phase.value < at_least:
        if not proc.is_alive():
            detail = errors.read_text() if errors is not None and errors.exists() else ""
            raise AssertionError(f"the child stopped before it was {PHASE_NAMES[at_least]}: {detail[-2000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"the child never became {PHASE_NAMES[at_least]}")
        time.sleep(0.002)


def kill(proc: Any, phase: Any, errors: Path | None = None) -> int:
    """``kill -9`` the child; returns the phase it was in. The child must still have been running."""
    seen = int(phase.value)
    if not proc.is_alive():
        proc.join(5)
        detail = errors.read_text() if errors is not None and errors.exists() else ""
        raise AssertionError(
            f"the child ended on its own (exit {proc.exitcode}) before the kill: {detail[-2000:]}"
        )
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    assert proc.exitcode == -signal.SIGKILL, proc.exitcode
    return seen


@contextlib.contextmanager
def _reporting(errors: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        Path(errors).write_text(traceback.format_exc())
        raise


def trace_transactions(phase: Any) -> None:
    """Mark the phase on entering and after committing each outermost transaction (child only)."""
    original = Database.transaction

    @contextlib.contextmanager
    def traced(self: Database) -> Iterator[Any]:
        outer = not self.in_transaction
        with original(self) as conn:
            if outer:
                phase.value = IN_TX
            yield conn
        if outer:
            phase.value = OUT_TX

    Database.transaction = traced  # type: ignore[method-assign]


# -- saving registrations ----------------------------------------------------------------------------


def saver(phase: Any, store_path: str, passphrase: str, seed: int, log: str, errors: str) -> None:
    """Register fictional people one after another; each id is logged only once its commit returned."""
    with _reporting(errors):
        store = Store.open(Path(store_path), passphrase)
        rng = random.Random(seed)
        event = store.events.add(make_event(rng, date(2026, 11, 20)))
        trace_transactions(phase)
        phase.value = READY
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        while True:
            client = make_client(rng, event, new_pace_id())
            consents = build_consents(
                {"pace_support": True, "contact_followup": rng.random() < 0.5},
                how=CaptureMethod.with_adviser,
                by=store.actor,
            )
            saved = store.register(client, consents, build_checklist({}, client=client, event=event))
            # One write() of one short line: a kill lands before it or after it, never inside it.
            os.write(fd, f"{saved.id}\n".encode("ascii"))


# -- importing a bundle ------------------------------------------------------------------------------


def importer(phase: Any, central: str, passphrase: str, bundle: str, receipts: str, errors: str) -> None:
    """Import one bundle into the central store, then wait to be killed."""
    with _reporting(errors):
        store = open_central(central, passphrase)
        trace_transactions(phase)
        phase.value = READY
        import_bundle(store, bundle, receipts_dir=receipts)
        phase.value = DONE
        time.sleep(120)


# -- writing with a file-size limit: a real I/O error from the operating system ----------------------


def limited_saver(
    phase: Any, store_path: str, passphrase: str, seed: int, headroom: int, conn: Connection
) -> None:
    """Save registrations until a write fails because no file may grow past a limit (EFBIG).

    The limit is set only in this child, after the store is open: SQLite's writes then fail as a
    failing disk's would. The child sends back what it saved and the error it got.
    """
    saved: list[str] = []
    try:
        store = Store.open(Path(store_path), passphrase)
        rng = random.Random(seed)
        event = store.events.get(store.db.scalar("SELECT id FROM events LIMIT 1"))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        largest = max(p.stat().st_size for p in Path(store_path).parent.iterdir() if p.is_file())
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest + headroom, resource.RLIM_INFINITY))
        phase.value = READY
        for _ in range(10_000):
            client = make_client(rng, event, new_pace_id())
            consents = build_consents({"pace_support": True}, how=CaptureMethod.with_adviser, by=store.actor)
            store.register(client, consents, build_checklist({}, client=client, event=event))
            saved.append(str(client.id))
        conn.send(("no_error", "", saved))
    except PaceError as exc:
        conn.send((type(exc).__name__, str(exc), saved))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        conn.send(("unexpected", f"{type(exc).__name__}: {traceback.format_exc()[-1500:]}", saved))
    finally:
        phase.value = DONE


# -- removing an adviser (re-keying the store) -------------------------------------------------------

STEP_BASE = 10  # phase STEP_BASE + i: the re-key reached Store.REKEY_STEPS[i]


def remover(
    phase: Any, store_path: str, passphrase: str, leaver: str, stop_at: str | None, errors: str
) -> None:
    """Remove ``leaver``, re-keying the store; at step ``stop_at`` (if any) wait there to be killed."""
    with _reporting(errors):
        store = Store.open(Path(store_path), passphrase)
        phase.value = READY

        def progress(step: str) -> None:
            phase.value = STEP_BASE + Store.REKEY_STEPS.index(step)
            if step == stop_at:
                time.sleep(120)

        store.remove_adviser(leaver, progress=progress)
        phase.value = DONE
        time.sleep(120)
