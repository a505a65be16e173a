"""Run the guide with `python -m guide_app`."""

import sys

from guide_app.cli import main

sys.exit(main())
