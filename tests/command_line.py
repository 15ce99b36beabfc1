"""Running the command line (bin/lbe) from tests."""

from __future__ import annotations

import os

# The launcher's and the command line's own variables: a test sets them itself or goes without.
LBE_VARIABLES = ("LBE_PYTHON", "LBE_PYTHONS", "LBE_API_KEY", "LBE_LEDGER")


def clean_environment(**changes: str) -> dict[str, str]:
    """This process's environment without the LBE_ variables above, with `changes` made."""
    env = {name: value for name, value in os.environ.items() if name not in LBE_VARIABLES}
    env.update(changes)
    return env
