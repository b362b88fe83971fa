"""Moving records from laptops to the office: bundles, export, import, receipts and purge.

What the GUI and CLI call (all safe on a worker thread; progress callbacks take ``(done, total)``):

- ``officekey``: ``parse_office_key``, ``read_office_key_file``, ``install_office_key``.
- ``export``: ``export_bundle``, ``export_history``, ``pending_count``.
- ``receipt``: ``apply_receipt``; ``purge``: ``purge`` (also at unlock).
- ``central``: ``init_office``, ``open_central``, ``enrol_device``, ``backup_identity``,
  ``import_history``, ``duplicates``, ``devices``, ``saved_receipt``, ``write_office_pub``.
- ``importer``: ``import_bundles``, ``import_bundle``, ``collect_bundles``.

The format is specified in docs/bundle-format.md and implemented in ``bundle`` and ``receipt``.
"""
