"""The office's domain: the central store and what office staff do with it.

``central.py`` (set-up, opening the central store, the office's age identity and office.pub),
``devices.py`` (enrolment and retirement of laptops), ``importer.py`` (verify, decrypt, check and apply
bundles), ``history.py`` (the import history and its receipts), ``duplicates.py`` (possible duplicates
for a person to decide). The bundle format, signatures, receipts and notices stay in ``exchange/``,
shared with the laptops.
"""
