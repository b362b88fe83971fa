"""Moving records from laptops to the office: the bundle format, export, receipts and purge.

What the GUI and CLI call (all safe on a worker thread; progress callbacks take ``(done, total)``):

- ``officekey``: ``read_office_key_file``, ``install_office_key`` (the format: ``pace_desktop.office_pub``).
- ``export``: ``export_bundle``, ``export_history``, ``pending_count``.
- ``receipt``: ``apply_receipt``; ``purge``: ``purge`` (also at unlock).

The office's side (the central store, enrolled laptops, import, its history and duplicates) is the
``pace_desktop.office`` package, which builds on this one.

The format is specified in docs/bundle-format.md and implemented in ``bundle`` and ``receipt``.
"""
