"""Rows of the ``settings`` table read and written as they are, without the machine policy or the
defaults ``Store.setting`` applies: values the exchange keeps for itself (the countersigned audit
anchor, the export sequence, the office identity, the office's receipt key)."""

from __future__ import annotations

from collections.abc import Iterable

from pace_desktop.store.database import Database

_UPSERT = (
    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


def stored_value(db: Database, key: str) -> str | None:
    """The value stored under ``key``, or None."""
    value: str | None = db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return value


def put_value(db: Database, key: str, value: str) -> None:
    """Store one value (inside the caller's transaction), replacing any before."""
    db.execute(_UPSERT, (key, value))


def put_values(db: Database, items: Iterable[tuple[str, str]]) -> None:
    """Store several values with one statement (inside the caller's transaction)."""
    db.executemany(_UPSERT, list(items))


def delete_values(db: Database, first: str, second: str) -> None:
    """Remove two keys (inside the caller's transaction)."""
    db.execute("DELETE FROM settings WHERE key IN (?, ?)", (first, second))
