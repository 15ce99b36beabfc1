"""`python3 -m load_by_extent`: the command line (bin/lbe launches it from anywhere)."""

import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as in bin/lbe.py: no BLAS threads for a run

from .core.cli import main  # noqa: E402 - after the environment numpy reads when imported

sys.exit(main())
