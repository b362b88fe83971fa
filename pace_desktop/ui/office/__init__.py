"""The office mode (``pace-desktop --office``): the central store, bundle import, devices, reports."""
