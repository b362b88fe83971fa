"""Data-sharing agreements in force today for test partners: nothing is sent to a partner without one."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.partners.agreements import set_agreement
from pace_desktop.reference import partners


def agreements_in_force(store, *codes: str) -> None:
    """An agreement started last month and due for review next year for each of ``codes`` (default:
    every listed partner)."""
    today = date.today()
    for code in codes or [p.code for p in partners()]:
        set_agreement(
            store,
            code,
            reference=f"DSA-TEST-{code}",
            legal_basis="UK GDPR Article 6(1)(a): consent",
            scope=f"Fictional people who agreed to sharing with {code}",
            start=(today - timedelta(days=30)).isoformat(),
            review=(today + timedelta(days=365)).isoformat(),
        )
