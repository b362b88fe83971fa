"""``python -m tools.screenshots --out docs/screenshots`` (``make screenshots``)."""

import sys

from tools.screenshots import main

sys.exit(main())
