"""Entry point of the frozen build: the same as the `guide-app` command."""

import sys

from guide_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
