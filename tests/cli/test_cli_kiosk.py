"""The CLI's kiosk-facing parts: hash-pin, the content seal, and located refusals where there were tracebacks."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from misaid.core.seal import MANIFEST
from tests.cli.cli_helpers import run
from tests.mini_content import EditContent


@pytest.mark.parametrize("pin", ["\u0661\u0662\u0663\u0664", "\uff11\uff12\uff13\uff14", "12\u00b34", "123", "12 34"])
def test_hash_pin_takes_only_ascii_digits(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                          pin: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
    status, out, err = run(capsys, "hash-pin")
    assert status == 2 and out == "" and "digits 0-9" in err


def test_check_seal_then_require_sealed(capsys: pytest.CaptureFixture[str], mini_copy: Path) -> None:
    status, out, _ = run(capsys, "check", "--rules", str(mini_copy), "--seal")
    assert status == 0 and (mini_copy / MANIFEST).is_file() and "sealed content version" in out
    status, _, err = run(capsys, "check", "--rules", str(mini_copy), "--require-sealed")
    assert status == 0 and err == ""
    rules = mini_copy / "rules.yaml"
    rules.write_text(rules.read_text() + "# changed after review\n")
    status, out, err = run(capsys, "check", "--rules", str(mini_copy), "--require-sealed")
    assert status == 2 and out == "" and f"{rules}:1:1: changed since the content was sealed" in err


def test_require_sealed_from_the_environment(capsys: pytest.CaptureFixture[str], mini_copy: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISAID_REQUIRE_SEALED", "1")
    status, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert status == 2 and f"{mini_copy / MANIFEST}:1:1:" in err and "not sealed" in err


def test_content_with_problems_is_not_sealed(capsys: pytest.CaptureFixture[str], mini_copy: Path,
                                             edit_content: EditContent) -> None:
    edit_content("cases.yaml", "posterior: typical", "posterior: possible")
    status, _, err = run(capsys, "check", "--rules", str(mini_copy), "--seal")
    assert status == 1 and "not sealed" in err and not (mini_copy / MANIFEST).exists()


def test_an_unreadable_rules_folder_exits_2_located(capsys: pytest.CaptureFixture[str], mini_copy: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self == mini_copy:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    status, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert status == 2 and f"{mini_copy}:1:1: cannot read the rules folder: Permission denied" in err
    assert "internal error" not in err


@pytest.mark.parametrize("text, where, words", [
    ("region: neck\n<<: {condition: stenosis}\n", ":2:1:", "merge keys"),
    ("region: neck\nage: " + "1" * 5000 + "\n", ":2:6:", "too large"),
])
def test_unusable_yaml_in_answers_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str,
                                             where: str, words: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(text)
    status, _, err = run(capsys, "explain", "--answers", str(answers))
    assert status == 2 and f"{answers}{where}" in err and words in err and "internal error" not in err


@pytest.mark.parametrize("text, words", [("<<: {a: 1}\n", "merge keys"), ("a: " + "9" * 4400 + "\n", "too large")])
def test_unusable_yaml_in_content_is_located(capsys: pytest.CaptureFixture[str], mini_copy: Path, text: str,
                                             words: str) -> None:
    meta = mini_copy / "meta.yaml"
    meta.write_text(meta.read_text() + text)
    status, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert status == 2 and f"{meta}:" in err and words in err and "internal error" not in err


def test_a_symlink_to_a_secret_is_not_echoed(capsys: pytest.CaptureFixture[str], mini_copy: Path,
                                             tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("".join(f"user{i}:$6$c2VjcmV0c2VjcmV0:19000:0:99999:7:::\n" for i in range(20)))
    (mini_copy / "meta.yaml").unlink()
    (mini_copy / "meta.yaml").symlink_to(secret)
    status, _, err = run(capsys, "check", "--rules", str(mini_copy))
    assert status == 2 and "outside the rules folder" in err and "c2VjcmV0" not in err
