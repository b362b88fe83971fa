"""People's rights over their data: subject access, correction, erasure, withdrawal, de-identified
export and retention (UK GDPR Arts. 7, 15-17; docs/privacy.md maps each to its tests).

Qt-free, like the rest of the core: every public function may run on a worker thread, returns a
result object and raises PaceError subclasses carrying one plain line with no personal data.

- ``people``: finding one person by PACE ID and every row that is about them.
- ``subject_access`` / ``access_files``: everything held about one person, as xlsx and JSON.
- ``correction``: correct a record (versioned, audited as ``correct``).
- ``erasure``: erase a person for good, leaving a tombstone that late bundles cannot get past.
- ``withdrawal``: withdraw a consent in one action, on a laptop or at the office.
- ``notices``: the office's signed notice file carrying its withdrawals and erasures to laptops.
- ``deidentified_extract``: the ``deidentified`` report kind, for research and evaluation, built
  from the rows ``deidentified_rows`` makes of one person's records.
- ``retention``: office rules for how long identifiable data is kept, shown before they act.
"""
