"""misaid.core must stay usable without Qt."""

import subprocess
import sys


def test_core_imports_without_pyside() -> None:
    code = (
        "import sys, misaid.core, misaid.core.verify, misaid.core.render, misaid.cli;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
