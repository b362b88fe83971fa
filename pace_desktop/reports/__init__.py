"""The office's xlsx reports, Qt-free.

``report.write_report(store, kind, out)`` writes any kind listed in ``kinds.REPORTS``; ``cells`` holds
the safe-writing rules every report uses; ``suppression`` hides small numbers in tables that leave SDS.
"""
