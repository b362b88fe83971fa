"""Connections to the central PostgreSQL database: TLS with a verified server unless told otherwise.

``sslmode=verify-full`` is the default: the server must present a certificate that this PC trusts
for the host name it was given. A URL that asks for less (``sslmode=disable``, ``require``…) is taken
only with ``allow_insecure=True`` — the tests' private socket, or a server on the same machine that an
administrator has chosen on purpose — so a mistyped URL cannot send people's records in clear text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pace_desktop.errors import StoreError, UsageError

SECURE_MODES = {"verify-full"}


def is_database_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))


def insecure_allowed() -> bool:
    """``PACE_PG_ALLOW_INSECURE=1``: an administrator (or the tests) chose a local socket without TLS."""
    return os.environ.get("PACE_PG_ALLOW_INSECURE") == "1"


def where(url: str) -> str:
    """The database a URL names, for people to read: ``dbname on host`` (never the user or password)."""
    parts = urlsplit(url)
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host") or "the local socket"
    name = parts.path.lstrip("/") or "the default database"
    return f"{name} on {host}"


def sslmode(url: str) -> str:
    return dict(parse_qsl(urlsplit(url).query)).get("sslmode", "verify-full")


APPLICATION_NAME = "PACE Intake office"


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise UsageError(
            "This build of PACE Intake has no PostgreSQL driver: run this from a pip "
            "installation on the office server (docs/central-database.md)."
        ) from None
    return psycopg


def _settings(url: str, allow_insecure: bool, autocommit: bool) -> dict[str, Any]:
    """The connection settings beside the URL, after refusing a URL that is not a database or that
    asks for less than verify-full without ``allow_insecure``."""
    if not is_database_url(url):
        raise UsageError("The central database must be given as postgresql://user@host/dbname.")
    mode = sslmode(url)
    if mode not in SECURE_MODES and not allow_insecure:
        raise UsageError(
            f"The database address asks for sslmode={mode}: the central database is reached only over "
            "TLS with a verified certificate (sslmode=verify-full)."
        )
    extra: dict[str, Any] = {"autocommit": autocommit, "connect_timeout": 10}
    if "sslmode=" not in url:
        extra["sslmode"] = "verify-full"
    if "application_name=" not in url:  # the server's pg_stat_activity names us, never a person
        extra["application_name"] = APPLICATION_NAME
    return extra


def connect(url: str, *, allow_insecure: bool = False, autocommit: bool = False) -> Any:
    """A psycopg connection, or one plain line saying why there is none (never the password)."""
    psycopg = _driver()
    extra = _settings(url, allow_insecure, autocommit)
    try:
        return psycopg.connect(url, **extra)
    except psycopg.OperationalError as exc:
        raise _unreachable(url, exc) from None


def open_pool(
    url: str, *, allow_insecure: bool = False, size: int, configure: Callable[[Any], None] | None = None
) -> Any:
    """A bounded pool of autocommit connections to ``url`` (psycopg_pool), at most ``size`` open at
    once: one office PC's threads share them instead of connecting per operation. The same TLS
    defaults and refusals as ``connect``; the caller makes one ``connect`` first, so a wrong address
    or password is named plainly before the pool starts. ``close()`` it when done."""
    _driver()
    from psycopg_pool import ConnectionPool, PoolTimeout

    extra = _settings(url, allow_insecure, True)
    pool = ConnectionPool(
        url,
        kwargs=extra,
        min_size=1,
        max_size=size,
        configure=configure,
        open=False,
        timeout=30,
        name="pace-central",
    )
    pool.open()
    try:
        pool.wait(timeout=15)
    except PoolTimeout:
        pool.close()
        raise StoreError(
            f"Could not reach the central database at {urlsplit(url).hostname or 'the local socket'}: "
            "check the address and that the server is running."
        ) from None
    return pool


def _unreachable(url: str, exc: Exception) -> StoreError:
    text = str(exc).lower()
    host = urlsplit(url).hostname or "the local socket"
    if "certificate" in text or "ssl" in text or "root.crt" in text:
        return StoreError(
            f"The database server at {host} did not offer TLS with a certificate this PC trusts: "
            "install the server's CA certificate (PGSSLROOTCERT) or ask the administrator."
        )
    if "password" in text or "authentication" in text:
        return StoreError(f"The database server at {host} refused the user name or password.")
    return StoreError(
        f"Could not reach the central database at {host}: check the address and that the server is running."
    )
