"""Entry script of the PyInstaller build: the same `main` as the `hervest` console script."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
