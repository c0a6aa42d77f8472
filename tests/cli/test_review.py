"""`misaid review --out FILE.html`: the sheet for the clinical lead, with the CLI's exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_helpers import MINI, run


def test_review_writes_the_sheet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    code, said, err = run(capsys, "review", "--rules", MINI, "--out", str(out))
    assert code == 0 and err == ""
    assert said.startswith(f"wrote {out}: 7 rules, ")
    html = out.read_text(encoding="utf-8")
    assert "low-back-disc" in html and "Sign-off" in html


def test_review_with_global_rules_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    code, _, _ = run(capsys, "--rules", MINI, "review", "--out", str(out))
    assert code == 0 and out.is_file()


def test_review_of_bad_content_exits_2_with_locations(
    capsys: pytest.CaptureFixture[str], mini_copy: Path, tmp_path: Path
) -> None:
    (mini_copy / "rules.yaml").write_text("rules:\n  - id: x\n    when: [\n")
    out = tmp_path / "review.html"
    code, said, err = run(capsys, "review", "--rules", str(mini_copy), "--out", str(out))
    assert code == 2 and said == "" and not out.exists()
    assert f"{mini_copy / 'rules.yaml'}:" in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["missing/dir/review.html", "."])
def test_unwritable_out_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str) -> None:
    out = tmp_path / where
    code, said, err = run(capsys, "review", "--rules", MINI, "--out", str(out))
    assert code == 2 and said == ""
    assert err.count("\n") == 1 and err.startswith(f"misaid: cannot write {out}: ") and "Traceback" not in err


def test_review_needs_out(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "review", "--rules", MINI)
    assert stopped.value.code == 2
    assert "--out" in capsys.readouterr().err
