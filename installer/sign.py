"""Authenticode-sign Windows files (.exe, .dll, .msi) on Linux with ``osslsigncode``.

    python installer/sign.py FILE...

The certificate is supplied at build time, never stored in the repository:

- ``PACE_SIGN_PKCS12``: the code-signing certificate and key, a PKCS#12 (.pfx) file;
- ``PACE_SIGN_PASSWORD_FILE`` (preferred) or ``PACE_SIGN_PASSWORD``: its password (passed to
  osslsigncode through a file readable by the owner only, never on the command line);
- ``PACE_SIGN_TIMESTAMP``: an RFC 3161 time-stamp server (default ``http://timestamp.digicert.com``;
  ``none`` to skip, e.g. offline), so signatures outlive the certificate.

With no ``PACE_SIGN_PKCS12`` nothing is signed and one line says so: a development build is fine
unsigned, a release is not (CI sets the variables from its secret store). An EV certificate kept on a
hardware token cannot be used this way: sign on Windows with signtool (docs/packaging.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CERT_ENV = "PACE_SIGN_PKCS12"
PASSWORD_ENV = "PACE_SIGN_PASSWORD"  # noqa: S105 - the name of a variable, not a password
PASSWORD_FILE_ENV = "PACE_SIGN_PASSWORD_FILE"  # noqa: S105
TIMESTAMP_ENV = "PACE_SIGN_TIMESTAMP"
DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"
SKIPPED = (f"Not signed: no code-signing certificate ({CERT_ENV} is not set). Fine for a test build; "
           "a release must be signed (docs/deployment.md).")


def certificate() -> Path | None:
    value = os.environ.get(CERT_ENV)
    return Path(value) if value else None


def sign_files(files: list[Path], *, description: str = "PACE Intake") -> bool:
    """Sign each file in place; False (after saying so) when no certificate is configured."""
    cert = certificate()
    if cert is None:
        print(SKIPPED, file=sys.stderr)
        return False
    if not cert.is_file():
        raise SystemExit(f"{CERT_ENV} names {cert}, which is not a file.")
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise SystemExit("osslsigncode was not found: install it (Debian: apt-get install osslsigncode).")
    with tempfile.TemporaryDirectory(prefix="pace-sign-") as work:
        password_file = os.environ.get(PASSWORD_FILE_ENV)
        if not password_file and os.environ.get(PASSWORD_ENV) is not None:
            password_file = str(Path(work) / "password")
            fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(os.environ[PASSWORD_ENV])
        stamp = os.environ.get(TIMESTAMP_ENV, DEFAULT_TIMESTAMP)
        for path in files:
            signed = Path(work) / (path.name + ".signed")
            cmd = [tool, "sign", "-pkcs12", str(cert), "-h", "sha256", "-n", description,
                   "-i", "https://www.skillsdevelopmentscotland.co.uk/"]
            if password_file:
                cmd += ["-readpass", password_file]
            if stamp and stamp.lower() != "none":
                cmd += ["-ts", stamp]
            cmd += ["-in", str(path), "-out", str(signed)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"Signing {path.name} failed: {(done.stderr or done.stdout).strip()[-500:]}")
            shutil.copymode(path, signed)
            shutil.move(signed, path)  # the temp folder may be on another file system
            print(f"Signed {path}", file=sys.stderr)
    return True


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    sign_files([Path(a) for a in argv])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
