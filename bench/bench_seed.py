"""Budget (issue 23): ``pace-desktop demo-data`` seeds 100,000 fictional clients in under 30 s.

The figure is the seeding of the cached 100,000-client store, by the real command, timed when the
cache was built (in this run, or on the date shown: the cache is rebuilt whenever demo.py, the
schema steps or the app version change). ``--fresh`` seeds a new store in a temporary folder instead.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    ADVISER,
    BIG_CLIENTS,
    BIG_EVENTS,
    SEED_BUDGET_SECONDS,
    Result,
    arguments,
    big_store,
    cli,
    report,
)


def main() -> None:
    opts = arguments(__doc__ or "")
    if "--fresh" in sys.argv:
        with tempfile.TemporaryDirectory(prefix="pace-bench-") as tmp:
            path = Path(tmp) / "seed.store"
            cli("init", "--store", str(path), "--adviser", ADVISER)
            start = time.perf_counter()
            cli("demo-data", "--store", str(path), "--events", str(BIG_EVENTS), "--clients", str(BIG_CLIENTS))
            seconds, when = time.perf_counter() - start, "seeded now (--fresh)"
    else:
        cached = big_store()
        seconds = cached.seed_seconds
        when = "seeded in this run" if cached.seeded_now else f"cached, seeded {cached.seeded_at}"
    del opts
    report([Result.under_budget(
        "Seed 100,000 demo clients", value=seconds, limit=SEED_BUDGET_SECONDS, unit="s",
        budget=f"< {SEED_BUDGET_SECONDS:.0f} s", measured=f"{seconds:.1f} s",
        notes=[f"pace-desktop demo-data --events {BIG_EVENTS} --clients {BIG_CLIENTS:,}; {when}; "
               "one run, not a median"],
    )])


if __name__ == "__main__":
    main()
