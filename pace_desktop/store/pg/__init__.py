"""The central store on PostgreSQL: schema steps, roles, connections, and moving an office to it.

The laptop keeps SQLCipher; an office may keep its central store in PostgreSQL instead of one file
(``docs/central-database.md``). ``schema`` holds the numbered steps and the roles, ``connect`` the
TLS-first connection, ``from_file`` the one-run move of a central store file into an empty database.
"""
