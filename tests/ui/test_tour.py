"""`misaid tour`: every screen of the journey, in order, as PNG files; bad answers are refused with a location."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from misaid import cli


def test_tour_writes_every_screen_in_order(qapp: QApplication, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 80\nregion: low_back\nsymptoms: [fever_weight_loss]\n", encoding="utf-8")
    out = tmp_path / "shots"
    assert cli.main(["tour", "--answers", str(answers), "--out", str(out), "--size", "1024x700"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names[:7] == ["01-welcome.png", "02-question-age.png", "03-question-region.png", "04-question-level.png",
                         "05-question-symptoms.png", "06-urgent.png", "07-question-alignment.png"]
    assert "11-result-screen.png" in names and "12-result.png" in names and "13-handout-1.png" in names
    welcome = QImage(str(out / "01-welcome.png"))
    assert (welcome.width(), welcome.height()) == (1024, 700)
    assert QImage(str(out / "12-result.png")).height() > 700, "the whole result, not just what fits on screen"
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith("01-welcome.png") and printed[-1].endswith("handout.pdf")
    # the very PDF a patient would print, beside the pictures of its pages
    pdf = (out / "handout.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= pages <= 2 and pages == sum(name.endswith(".png") and "-handout-" in name for name in names)


def test_tour_refuses_bad_answers_with_a_location(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"region": "lower_back"}), encoding="utf-8")
    assert cli.main(["tour", "--answers", str(answers), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert f"{answers}:1:" in err and "lower_back" in err and "did you mean" in err
    assert not (tmp_path / "x").exists()


def test_tour_refuses_a_bad_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("region: neck\n", encoding="utf-8")
    assert cli.main(["tour", "--answers", str(answers), "--out", str(tmp_path / "x"), "--size", "big"]) == 2
    assert "--size" in capsys.readouterr().err
