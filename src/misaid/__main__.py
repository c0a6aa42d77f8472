"""`python -m misaid`."""

import sys

from misaid.cli import main

sys.exit(main())
