"""`python3 -m load_by_extent`: the command line (bin/lbe launches it from anywhere)."""

import sys

from .core.cli import main

sys.exit(main())
