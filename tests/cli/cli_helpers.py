"""Running the CLI in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from misaid.cli import main
from tests.mini_content import MINI as MINI_FOLDER

MINI = str(MINI_FOLDER)  # as typed after --rules


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`misaid ARGS`: the exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
