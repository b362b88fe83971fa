"""The tabs of the client record (``ClientRecordDialog`` in ``dialogs/client_record.py`` holds them)."""
