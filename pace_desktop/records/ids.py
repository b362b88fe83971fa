"""Record ids that sort by the time they were made: UUID version 7 (RFC 9562, section 5.7).

A new record's id used to be a random ``uuid4``. Each saved registration (a client, fourteen consents,
a checklist) then put its ids in some sixteen random pages of the tables' id indexes, each page written
to the journal at commit. A version 7 id starts with the time in milliseconds, so the ids of one save
(and of saves in a row) sit side by side in the index and share its pages.

Both are UUIDs: stored ``uuid4`` ids stay valid, and the published JSON Schema states ``format: uuid``
(any version). Nothing reads the time back out of an id; ``created_at`` is the record's time.
The standard library has ``uuid.uuid7`` only from Python 3.14, hence this small function.
"""

from __future__ import annotations

import os
import time
from uuid import UUID

_VERSION_7 = 0x7 << 76  # the version nibble, bits 48-51 counted from the left of 128
_VARIANT_RFC = 0b10 << 62  # the variant bits, the two leftmost of the last 64


def uuid7(ms: int | None = None) -> UUID:
    """A new UUIDv7: 48 bits of Unix time in milliseconds, version 7, the RFC variant, 74 random bits.

    ``ms`` is for tests only (a fixed time); ids are made from ``time.time_ns()``.
    """
    if ms is None:
        ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10))  # 80 random bits; 74 are kept
    rand_a = (rand >> 62) & 0xFFF  # 12 bits after the version
    rand_b = rand & ((1 << 62) - 1)  # 62 bits after the variant
    value = ((ms & 0xFFFF_FFFF_FFFF) << 80) | _VERSION_7 | (rand_a << 64) | _VARIANT_RFC | rand_b
    return UUID(int=value)
