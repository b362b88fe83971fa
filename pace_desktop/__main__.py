import sys

from pace_desktop.cli import main

sys.exit(main())
