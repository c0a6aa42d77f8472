"""Run every benchmark in bench/ in turn (each prints its own table)."""

import contextlib
import runpy
import sys
from pathlib import Path

for script in sorted(Path(__file__).parent.glob("*_bench.py")):
    print(f"== {script.name}", flush=True)
    sys.argv = [str(script)]
    with contextlib.suppress(SystemExit):
        runpy.run_path(str(script), run_name="__main__")
    print(flush=True)
