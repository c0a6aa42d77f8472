"""Run every benchmark in bench/ in turn."""

import runpy
import sys
from pathlib import Path

for script in sorted(Path(__file__).parent.glob("*_bench.py")):
    print(f"== {script.name}")
    sys.argv = [str(script)]
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit:
        pass
    print()
