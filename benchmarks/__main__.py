"""``python -m benchmarks``: quality + speed + peers, one combined markdown table (see run_all.py)."""

import sys

from benchmarks.run_all import main

sys.exit(main())
