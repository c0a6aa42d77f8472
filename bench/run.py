"""Run every benchmark in bench/, each in a fresh process.

Fresh processes keep one bench from skewing another: on Linux a child's peak-memory reading
starts from its parent's size at fork, so an in-process run would inflate ui_bench's figures.
"""

import subprocess
import sys
from pathlib import Path

for script in sorted(Path(__file__).parent.glob("*_bench.py")):
    print(f"== {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], check=False)
    print(flush=True)
