"""The headless CLI: formats, exit codes 0/1/2, messages on stderr, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.cli_helpers import MINI, run
from tests.mini_content import EditContent


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_explain_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write(tmp_path, "region: low_back\ncondition: herniated_disc\n")
    code, out, err = run(capsys, "explain", "--rules", MINI, "--answers", answers, "--format", "json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert [(a["id"], a["fit"]) for a in result["approaches"]][0] == ("posterior", "typical")


def test_explain_reads_json_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"region": "neck", "symptoms": ["bladder_bowel"]}'))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "--rules", MINI, "explain", "--answers", "-", "--format", "json")
    assert code == 0 and json.loads(out)["urgent"][0]["id"] == "cauda-equina"


def test_explain_text_reads_well(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write(tmp_path, "region: low_back\ncondition: herniated_disc\nsymptoms: [bladder_bowel]\n")
    code, out, _ = run(capsys, "explain", "--rules", MINI, "--answers", answers, "--audience", "clinician")
    assert code == 0
    assert out.index("RED FLAGS") < out.index("Approaches") < out.index("Sources")
    assert "posterior: Typical" in out and "[src-b]" in out and "This informs, it does not decide." in out


def test_bad_answers_exit_2_with_location(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write(tmp_path, "region: low_back\nage: 130\nconditon: stenosis\n")
    code, out, err = run(capsys, "explain", "--rules", MINI, "--answers", answers)
    assert code == 2 and out == ""
    assert f"{answers}:2:6: 'age' must be between 0 and 120, not 130" in err
    assert f"{answers}:3:1: unknown question 'conditon' (did you mean 'condition'?)" in err


def test_hostile_answers_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    answers = write(tmp_path, "region: !!python/object/apply:os.system [echo]\n")
    code, _, err = run(capsys, "explain", "--rules", MINI, "--answers", answers)
    assert code == 2 and "not allowed" in err


def test_missing_answers_file_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "explain", "--rules", MINI, "--answers", str(tmp_path / "none.yaml"))
    assert code == 2 and "cannot read" in err


def test_check_ok_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--rules", MINI)
    assert code == 0 and "ok:" in out and err == ""


def test_check_problems_exit_1(capsys: pytest.CaptureFixture[str], mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("cases.yaml", "posterior: typical", "posterior: possible")
    code, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert code == 1 and "cases.yaml:" in err and "disagrees with the engine" in err


def test_check_unusable_exit_2(capsys: pytest.CaptureFixture[str], mini_copy: Path) -> None:
    (mini_copy / "rules.yaml").write_text("rules:\n  - id: x\n    when: [\n")
    code, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert code == 2 and "rules.yaml:" in err


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--rules", MINI, "--format", "json")
    summary = json.loads(out)
    assert code == 0 and summary["ok"] and summary["combinations"] == 27450


def test_rules_from_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISAID_RULES", MINI)
    code, out, _ = run(capsys, "check")
    assert code == 0 and "7 rules" in out


def test_usage_error_exit_2_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "rules"
    broken.mkdir()
    (broken / "meta.yaml").write_bytes(b"\xff\xfe\x00garbage")
    for args in (["explain"], ["check", "--rules", str(broken)], ["explain", "--answers", "x", "--format", "xml"]):
        done = subprocess.run([sys.executable, "-m", "misaid", *args], capture_output=True, text=True, check=False)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr and done.stderr.strip()


def test_explain_accepts_a_case_code(capsys: pytest.CaptureFixture[str]) -> None:
    from misaid.core.casecode import encode, pretty

    code = pretty(encode({"region": "neck", "condition": "herniated_disc", "symptoms": ["arm_pain"]}))
    status, out, _ = run(capsys, "explain", "--code", code, "--format", "json")
    assert status == 0
    assert json.loads(out)["answers"]["region"] == "neck"


def test_mistyped_case_code_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "explain", "--code", "A9BD-8H2X")
    assert status == 2 and out == "" and "typing mistake" in err


def test_hash_pin_prints_a_settings_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from misaid.core.kiosk import pin_matches

    monkeypatch.setattr(sys, "stdin", io.StringIO("246810\n"))
    status, out, _ = run(capsys, "hash-pin")
    assert status == 0 and out.startswith("pin_hash: '")
    assert pin_matches("246810", out.split("'")[1])
