"""Tooling for the people who make PACE Intake, kept out of the shipped package (``pace_desktop``).

``screenshots/``: renders every main screen from a throwaway demo store for the README and docs
(``make screenshots``). The benchmarks live in ``bench/``.
"""
