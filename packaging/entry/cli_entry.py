"""The `casefile` command inside the bundle (packaging/casefile.spec)."""

import sys

from casefile.cli import main

if __name__ == "__main__":
    sys.exit(main())
