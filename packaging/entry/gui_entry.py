"""The `casefile-gui` desktop app inside the bundle (packaging/casefile.spec)."""

import sys

from casefile.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
