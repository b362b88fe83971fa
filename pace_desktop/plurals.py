"""Counts in words: "1 client", "2 clients", "1,472 records". One rule for every screen and message."""

from __future__ import annotations

IRREGULAR = {"person": "people", "needs review": "need review", "was": "were"}


def noun(n: int, singular: str, plural: str | None = None) -> str:
    """``singular`` for exactly one, else its plural (``plural``, a known irregular one, or +s)."""
    if n == 1:
        return singular
    return plural or IRREGULAR.get(singular) or f"{singular}s"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with thousands separators and the right form of the noun: '1 client', '1,472 records'."""
    return f"{n:,} {noun(n, singular, plural)}"
