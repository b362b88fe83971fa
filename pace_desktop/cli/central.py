"""``--central``: the office's central store file, or its central database on PostgreSQL.

One opening function for every office command that accepts a central database
(docs/central-database.md): a path opens the file as before; ``postgresql://…`` opens the database,
with ``--keyring``, the central store file kept on this PC for the office's secret keys.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_central_arguments(p: argparse.ArgumentParser) -> None:
    """``--central FILE|postgresql://…`` and ``--keyring FILE``."""
    p.add_argument(
        "--central", required=True, help="the central store file, or postgresql://… for the central database"
    )
    p.add_argument(
        "--keyring",
        type=Path,
        metavar="FILE",
        help="with a postgresql:// central database: the central store file that keeps the office's keys",
    )


def open_central_store(
    central: str | Path, keyring: Path | None, open_file: Callable[[Path], Any] | None = None
):  # noqa: ANN201 - returns Store; imported lazily
    """The central store file, or the central database on PostgreSQL with the file as its keyring.

    ``open_file(path)`` opens the file where a command opens it its own way (``office report``
    opens any store, as it always has); by default, ``office.central.open_central``.
    """
    from pace_desktop.errors import UsageError
    from pace_desktop.office.central import open_central, open_central_on_server
    from pace_desktop.passphrase import read_passphrase
    from pace_desktop.store.pg.connect import is_database_url

    if not is_database_url(str(central)):
        if open_file is not None:
            return open_file(Path(central))
        return open_central(Path(central), read_passphrase())
    if keyring is None:
        raise UsageError(
            "With a central database, give --keyring: the central store file kept on this PC, which "
            "holds the office's secret keys."
        )
    return open_central_on_server(keyring, read_passphrase(), str(central))
