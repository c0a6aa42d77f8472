"""Whatever the answers file or case code, the CLI exits 0, 1 or 2 with located problems, never a traceback
and never "internal error"."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from misaid.cli import main
from tests.hostile_inputs import LOCATED, SNIPPETS, YAML_SCALARS
from tests.mini_content import MINI

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
KEYS = ["age", "region", "level", "symptoms", "condition", "history", "priorities", "regin", "<<", "? x"]
VALUES = ["low_back", "neck", "[leg_pain, bladder_bowel]", "[unsure, back_pain]", "45", "-1", "130", "[]", "{}"]


@st.composite
def answers_files(draw: st.DrawFn) -> str:
    lines = [f"{draw(st.sampled_from(KEYS))}: {draw(st.sampled_from(VALUES + YAML_SCALARS) | st.text(max_size=8))}"
             for _ in range(draw(st.integers(0, 5)))]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(SNIPPETS)).rstrip("\n"))
    return "\n".join(lines) + "\n"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def assert_calm(code: int, err: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in err and "internal error" not in err, err
    for line in err.splitlines():
        assert LOCATED.match(line), line


def test_any_answers_file_gets_an_answer_or_located_problems(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"

    @FUZZ
    @given(answers_files() | st.text(max_size=60))
    @example("region: neck\x08\n")  # a control character once gave a two-line message
    def check(text: str) -> None:
        answers.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err = cli("explain", "--rules", str(MINI), "--answers", str(answers), "--format", "json")
        assert_calm(code, err)
        assert (code == 0) == (err == "") and (code != 0 or out.startswith("{"))

    check()


@FUZZ
@given(st.text(max_size=16))
def test_any_case_code_gets_an_answer_or_one_plain_line(code_text: str) -> None:
    code, _, err = cli("explain", "--rules", str(MINI), f"--code={code_text}")
    assert_calm(code, err)


def test_the_installed_entry_point_says_no_more(tmp_path: Path) -> None:
    """The same in a real process: what a shell script or an IT department sees."""
    answers = tmp_path / "answers.yaml"
    for text in ("age: " + "9" * 5000, "<<: *a", "region: !!python/object:os.system {}", "symptoms: {a: [[[", "\x00"):
        answers.write_text(text)
        done = subprocess.run([sys.executable, "-m", "misaid", "explain", "--answers", str(answers)],
                              capture_output=True, text=True, timeout=60)
        assert_calm(done.returncode, done.stderr)
        assert done.returncode == 2 and re.search(r"answers\.yaml:\d+:\d+: ", done.stderr), done.stderr
