"""`python -m casefile.cli …`: the same as the `casefile` command."""

import sys

from casefile.cli import main

if __name__ == "__main__":
    sys.exit(main())
