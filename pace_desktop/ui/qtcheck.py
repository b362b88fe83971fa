"""Exit 0 when Qt can start here (used by the Makefile to decide whether system libraries are missing)."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

app = QApplication.instance() or QApplication(sys.argv[:1])
QWidget().show()
sys.exit(0)
