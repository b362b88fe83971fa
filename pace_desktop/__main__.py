"""``python -m pace_desktop`` and the frozen app's entry point.

Crash reports come first: the hooks are installed before anything else of the app is imported, so an
import error, a broken Qt plugin or an exception in start-up leaves a report and one plain line
(``diagnostics``), in a native message box on a windowed Windows build.
"""

import sys

from pace_desktop import diagnostics

diagnostics.install_excepthooks()

from pace_desktop.cli import main  # noqa: E402 - after the hooks, so that its import errors are reported

sys.exit(main())
