"""Fallback version for frozen builds; installer/pace-desktop.spec rewrites it from pyproject.toml."""

VERSION = "0.1.0"
