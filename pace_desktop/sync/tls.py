"""The relay's TLS certificate, and the pin laptops hold for it.

The office makes its own certificate (or brings one from its CA); laptops pin the SHA-256 of the
certificate itself, so a network that intercepts TLS — even with a certificate a public CA signed —
gets nothing: the laptop closes the connection before sending a byte.
"""

from __future__ import annotations

import hashlib
import ipaddress
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pace_desktop.store.atomic import write_atomic


def pin_of(der: bytes) -> str:
    """The pin: lower-case hex SHA-256 of the certificate's DER bytes."""
    return hashlib.sha256(der).hexdigest()


def make_certificate(certfile: Path, keyfile: Path, hostnames: list[str], *, days: int = 825) -> str:
    """Write a self-signed certificate for ``hostnames`` (names or IP addresses); returns its pin."""
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hostnames:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0][:64])])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .sign(key, hashes.SHA256())
    )
    write_atomic(
        keyfile,
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        mode=0o600,
    )
    write_atomic(certfile, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
    return pin_of(cert.public_bytes(serialization.Encoding.DER))


def pin_of_file(certfile: Path) -> str:
    cert = x509.load_pem_x509_certificate(Path(certfile).read_bytes())
    return pin_of(cert.public_bytes(serialization.Encoding.DER))
