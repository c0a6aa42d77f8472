"""--lang on the command line: Spanish explanations and tours, a plain refusal of other languages, English unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from misaid.core import Content
from misaid.core.kiosk import load_settings
from tests.cli.cli_helpers import run

DISC = "age: 45\nregion: low_back\nlevel: l4_l5\nsymptoms: [leg_pain]\nalignment: normal\ncondition: herniated_disc\n"
RED_FLAG = "age: 70\nregion: low_back\nsymptoms: [bladder_bowel]\n"


def answers(tmp_path: Path, text: str = DISC) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_explain_json_in_spanish_names_and_fits(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                content: Content) -> None:
    code, out, err = run(capsys, "explain", "--answers", answers(tmp_path), "--format", "json", "--lang", "es")
    assert code == 0 and err == ""
    result = json.loads(out)
    spanish_fits = {label.get("patient", "es") for label in content.meta.fit_labels.values()}
    assert {a["name"] for a in result["approaches"]} == {"Por delante", "Por el costado", "Por detrás"}
    assert {a["fit_label"] for a in result["approaches"]} <= spanish_fits
    assert result["nonsurgical"]["name"] == "Tratamiento sin cirugía"
    assert "decida junto con su cirujano" in result["surgeon_prompt"].lower()
    # the same ids and fits as in English: the language changes the words, never the result
    code, english, _ = run(capsys, "explain", "--answers", answers(tmp_path), "--format", "json")
    assert [(a["id"], a["fit"]) for a in json.loads(english)["approaches"]] == [
        (a["id"], a["fit"]) for a in result["approaches"]]


def test_lang_may_come_before_the_subcommand(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--lang", "es", "explain", "--answers", answers(tmp_path), "--format", "json")
    assert code == 0 and json.loads(out)["nonsurgical"]["name"] == "Tratamiento sin cirugía"


def test_explain_text_in_spanish_has_the_content_in_spanish(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path, content: Content) -> None:
    code, out, err = run(capsys, "explain", "--answers", answers(tmp_path), "--lang", "es")
    assert code == 0 and err == ""
    assert "Por detrás: Se usa a menudo en problemas como el suyo" in out
    assert content.meta.disclaimer.get("patient", "es") in out


def test_explain_text_in_spanish_has_spanish_headings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "explain", "--answers", answers(tmp_path, RED_FLAG), "--lang", "es")
    assert code == 0
    # outline.HEADINGS, translated through the compiled catalogue (the same words the screens show)
    assert out.startswith("misaid: Lo que describen las fuentes para sus respuestas\nVersión del contenido ")
    assert "BUSQUE ATENCIÓN URGENTE AHORA" in out and "\nSus respuestas\n" in out and "\nFuentes\n" in out
    for english in ("Your answers", "Sources\n", "Get urgent care now", "Content version"):
        assert english not in out


def test_an_unknown_language_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    given = answers(tmp_path)
    for args in (["explain", "--answers", given, "--lang", "fr"], ["--lang", "de"],
                 ["tour", "--answers", given, "--out", str(tmp_path / "out"), "--lang", "ES"]):
        code, out, err = run(capsys, *args)
        assert code == 2 and out == "", args
        assert len(err.splitlines()) == 1 and "unknown language" in err and "en and es" in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_explain_in_english_starts_without_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from misaid.cli import main;"
        f"status = main(['explain', '--answers', {answers(tmp_path)!r}, '--lang', 'en']);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad, file=sys.stderr); sys.exit(status or (1 if bad else 0))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Your answers" in done.stdout


def test_explain_in_spanish_works_in_a_fresh_process_without_a_display(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "misaid", "explain", "--answers", answers(tmp_path), "--lang", "es"],
                          capture_output=True, text=True, check=False, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "Tratamiento sin cirugía" in done.stdout


def test_tour_in_spanish_leaves_the_process_in_english(qapp: object, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from misaid.ui.i18n import language

    out = tmp_path / "shots"
    code, printed, err = run(capsys, "tour", "--answers", answers(tmp_path, RED_FLAG), "--out", str(out),
                             "--size", "1024x700", "--lang", "es")
    assert code == 0 and err == "" and printed.splitlines()[0].endswith("01-welcome.png")
    assert language() == "en"


def test_the_kiosk_language_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("language: es\n", encoding="utf-8")
    assert load_settings(config, environ={}).language == "es"
    assert load_settings(None, environ={"MISAID_LANGUAGE": "es"}).language == "es"
    assert load_settings(None, environ={}).language == "en"
    config.write_text("idle_seconds: 90\nlanguage: french\n", encoding="utf-8")
    code, _, err = run(capsys, "--kiosk", "--kiosk-config", str(config))
    assert code == 2 and f"{config}:2:11: language must be one of en, es, not 'french'" in err
