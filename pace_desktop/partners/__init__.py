"""Partner data sharing in office mode: the partnership's own scenario (docs/partner-matching.md).

SDS sends a partner the agreed identifiers of consenting clients, each with a PACE ID
(``request``), or keyed hashes for aggregate-only matching (``identifiers``); the partner's return
is checked row by row and merged (``returns``, ``counts``); every partner gets a reciprocity report
(``reciprocity``). Partners' set-up lives in the central store (``registry``, ``mappings``).
Functions take a store, may be run on a worker thread, report progress through a plain
``progress(done, total)`` callback, and return result objects whose problems are plain words.
"""
