"""The kiosk as a whole: locked down, wiped when idle or on Start over, staff exit by PIN, calm errors,
case codes on screen and paper, and nothing about a patient on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from misaid.core import Content, Explanation, explain, normalise
from misaid.core.casecode import decode, encode, pretty
from misaid.core.kiosk import KioskSettings, hash_pin
from misaid.core.outline import build_outline
from misaid.ui import handout, output
from misaid.ui.patient.pages import QuestionPage
from misaid.ui.patient.wizard import RESULT, WELCOME, Wizard
from misaid.ui.shell import Shell
from misaid.ui.widgets import ChoiceButton
from tests.ui.journey_helpers import ANSWER_SETS, answer, start_over, walk
from tests.ui.kiosk.kiosk_helpers import open_kiosk

PIN = "2468"
# short times for tests; production settings demand a countdown of at least 20 s
SLOW = KioskSettings(pin_hash=hash_pin(PIN), idle_seconds=60, countdown_seconds=20)
FAST = KioskSettings(pin_hash=hash_pin(PIN), idle_seconds=0.2, countdown_seconds=0.3)
CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def kiosk(qtbot: QtBot, content: Content, settings: KioskSettings = SLOW, calm_errors: bool = False) -> Shell:
    return open_kiosk(qtbot, content, settings, calm_errors)


def patient(shell: Shell) -> Wizard:
    assert shell.wizard is not None
    return shell.wizard


def screen_texts(root: QWidget) -> list[str]:
    """Every word a person could read on screen, except the fixed answer choices of question pages."""
    texts = []
    for widget in root.findChildren(QLabel):
        if not any(isinstance(p, ChoiceButton) for p in _ancestors(widget)):
            texts.append(widget.text())
    texts += [w.text() for w in root.findChildren(QLineEdit)]
    return texts


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = []
    parent = widget.parentWidget()
    while parent is not None:
        chain.append(parent)
        parent = parent.parentWidget()
    return chain


def answer_rows(content: Content, expl: Explanation) -> list[str]:
    """The answer rows of "Why am I seeing this?" as the result screen shows them."""
    return [f"{row.name}  \u2192  {row.text}" for row in build_outline(expl, content=content)["answers"].items]


def assert_no_trace(qtbot: QtBot, shell: Shell, old: Wizard, content: Content, raw: dict[str, Any]) -> None:
    """The next person finds nothing of the last: fresh wizard, no answer checked or typed, no result, no code."""
    expl = explain(content, normalise(content, raw))
    code = pretty(encode(dict(expl.answers)))
    rows = answer_rows(content, expl)
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # the old wizard and every widget in it are gone
    wizard = patient(shell)
    assert wizard.currentId() == WELCOME and wizard.isVisible()
    assert not any(wizard.journey.is_answered(q.id) for q in content.questions)
    assert wizard.result_view.explanation is None and wizard.result_view.texts() == []
    for text in screen_texts(shell):
        assert code not in text and code.replace("-", "") not in text
        assert not any(row in text for row in rows), text
    # walk every page: nothing chosen or typed before this person chooses
    wizard.welcome.start.click()
    for _ in range(20):
        if wizard.currentId() == RESULT:
            break
        page = wizard.currentPage()
        if isinstance(page, QuestionPage):
            assert not any(b.isChecked() for b in page.buttons.values()), page.question.id
            if page.question.kind == "integer":
                assert page.number.text() == ""
            answer(page, None)
        wizard.next()
    assert wizard.currentId() == RESULT
    # this person said "not sure" everywhere: rows the last person answered the same way may show again
    fresh = explain(content, normalise(content, {}))
    left_over = set(rows) - set(answer_rows(content, fresh))
    shown = "\n".join(wizard.result_view.texts())
    assert code not in shown and not any(row in shown for row in left_over)
    assert wizard.result_view.case_code is not None and wizard.result_view.case_code.text() != code


# --- locked down -----------------------------------------------------------------------------------
def test_the_kiosk_window_is_full_screen_frameless_and_on_top(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    flags = shell.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert shell.windowState() & Qt.WindowState.WindowFullScreen
    assert shell.mode == "patient" and shell.pages["patient"].back_button is None  # no chooser in the kiosk


@pytest.mark.parametrize("key, mods", [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
])
def test_leaving_keys_do_nothing(qtbot: QtBot, content: Content, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    shell = kiosk(qtbot, content)
    wizard = patient(shell)
    wizard.welcome.start.click()
    page = wizard.currentId()
    for target in (shell, wizard, wizard.currentPage()):
        QTest.keyClick(target, key, mods)
    assert shell.isVisible() and wizard.currentId() == page and shell.wizard is wizard


def test_closing_the_window_is_ignored(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    assert shell.close() is False
    assert shell.isVisible()


def test_staff_leave_with_the_right_pin(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None and shell.kiosk.staff.isVisible()
    assert not shell.kiosk.staff.dialog.isWindow(), "the PIN is asked inside the kiosk window"
    shell.kiosk.staff.dialog.field.setText(PIN)
    with qtbot.waitSignal(shell.staff_exit, timeout=2000):
        shell.kiosk.staff.dialog.ok_button.click()
    assert not shell.isVisible()


def test_a_wrong_pin_keeps_the_kiosk(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None
    shell.kiosk.staff.dialog.field.setText("1111")
    shell.kiosk.staff.dialog.ok_button.click()
    assert shell.isVisible() and "not right" in shell.kiosk.staff.dialog.status.text()
    assert shell.kiosk.staff.dialog.field.text() == ""
    shell.kiosk.staff.dialog.reject()  # Cancel closes the PIN screen, nothing else
    qtbot.waitUntil(lambda: shell.kiosk.staff is None)
    assert shell.isVisible()


def test_without_a_pin_the_chord_does_nothing(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content, KioskSettings(pin_hash=None, idle_seconds=60, countdown_seconds=20))
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is None and shell.isVisible()
    assert shell.close() is False


# --- no dialogs, no files -----------------------------------------------------------------------------
def test_no_save_and_no_print_without_a_printer(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    wizard = patient(shell)
    walk(wizard, ANSWER_SETS["low-back-disc"])
    assert not wizard.result_page.pdf_button.isVisible()
    assert not wizard.result_page.print_button.isVisible()
    assert not wizard.output.can_save and not wizard.output.can_print  # nothing there could open a dialog
    assert wizard.save_pdf() is None and wizard.print_handout() is False


def test_print_goes_to_the_configured_printer_without_a_dialog(qtbot: QtBot, content: Content, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def named(name: str) -> QPrinter:  # the system's printer of that name, printing into a file here
        asked.append(name)
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "desk.pdf"))
        return printer

    monkeypatch.setattr(output, "kiosk_printer", named)
    settings = KioskSettings(pin_hash=None, idle_seconds=60, countdown_seconds=20, printer="Front desk")
    shell = kiosk(qtbot, content, settings)
    wizard = patient(shell)
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    assert wizard.result_page.print_button.isVisible() and not wizard.result_page.pdf_button.isVisible()
    assert not wizard.output.can_save  # the kiosk's output has no way to ask where to save, or which printer
    wizard.result_page.print_button.click()
    assert asked == ["Front desk"] and (tmp_path / "desk.pdf").read_bytes().startswith(b"%PDF")
    assert "printing" in wizard.result_page.print_note.text()


def test_an_unknown_printer_is_said_plainly(qtbot: QtBot, content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    settings = KioskSettings(pin_hash=None, idle_seconds=60, countdown_seconds=20, printer="no-such-printer-here")
    shell = kiosk(qtbot, content, settings)
    wizard = patient(shell)
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    wizard.result_page.print_button.click()
    assert "ask at the desk" in wizard.result_page.print_note.text()
    assert "no-such-printer-here" in capsys.readouterr().err


# --- idle and Start over wipe everything ------------------------------------------------------------------
def test_idle_countdown_then_everything_is_wiped(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content, FAST)
    old = patient(shell)
    raw = ANSWER_SETS["low-back-disc"]
    walk(old, raw)
    old.result_view.why_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(shell.kiosk.countdown.isVisible, timeout=3000)
    assert shell.kiosk.countdown.geometry() == shell.central.rect() and shell.kiosk.countdown.button.accessibleName()
    with qtbot.waitSignal(shell.session_reset, timeout=3000):
        pass
    assert not shell.kiosk.countdown.isVisible()
    assert_no_trace(qtbot, shell, old, content, raw)


def test_still_here_keeps_the_session(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content, KioskSettings(pin_hash=None, idle_seconds=0.2, countdown_seconds=20))
    wizard = patient(shell)
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    qtbot.waitUntil(shell.kiosk.countdown.isVisible, timeout=3000)
    shell.kiosk.countdown.button.click()
    assert not shell.kiosk.countdown.isVisible() and shell.wizard is wizard and wizard.currentId() == RESULT
    assert shell.kiosk is not None and shell.kiosk.idle.running


def test_no_countdown_on_the_welcome_screen(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content, FAST)
    assert shell.kiosk is not None and not shell.kiosk.idle.running
    patient(shell).welcome.start.click()
    assert shell.kiosk.idle.running


def test_start_over_wipes_everything(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    old = patient(shell)
    raw = ANSWER_SETS["curve-l5"]
    walk(old, raw)
    with qtbot.waitSignal(shell.session_reset, timeout=2000):
        start_over(old)  # Start over, confirmed
    assert_no_trace(qtbot, shell, old, content, raw)


# --- calm errors ----------------------------------------------------------------------------------------
def test_an_unexpected_error_says_sorry_and_resets(qtbot: QtBot, content: Content,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    shell = kiosk(qtbot, content, calm_errors=True)  # built inside the test: its handler is the one in force
    old = patient(shell)
    raw = ANSWER_SETS["red-flag"]
    walk(old, raw)
    answers = old.journey.public()
    secret = f"answers were {answers!r}"

    def broken_slot() -> None:
        raise RuntimeError(secret)

    capsys.readouterr()
    with qtbot.waitSignal(shell.session_reset, timeout=3000):
        QTimer.singleShot(0, broken_slot)
    err = capsys.readouterr().err
    assert "misaid: unexpected RuntimeError" in err and "session was reset" in err
    assert secret not in err and "bladder_bowel" not in err and "78" not in err
    assert shell.calm.sorry.isVisible() and "Sorry" in shell.calm.sorry.title.text()
    assert_no_trace(qtbot, shell, old, content, raw)
    shell.calm.sorry.button.click()
    assert not shell.calm.sorry.isVisible()


# --- case codes on screen and on paper ----------------------------------------------------------------
def test_the_result_shows_the_case_code(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    wizard = patient(shell)
    raw = ANSWER_SETS["low-back-disc"]
    walk(wizard, raw)
    code = pretty(encode(dict(wizard.journey.explanation().answers)))
    label = wizard.result_view.case_code
    assert label is not None and label.text() == code and label.isVisible()
    texts = "\n".join(wizard.result_view.texts())
    assert "Your case code" in texts and "not your name" in texts
    assert {k: v for k, v in decode(code).items()} == {k: v for k, v in raw.items() if v not in ([], None)}


def test_the_handout_carries_the_code_and_its_qr(qapp: QApplication, content: Content) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS["neck-stenosis"]))
    code = pretty(encode(dict(expl.answers)))
    document = handout.handout_document(content, expl, "patient")
    text = document.toPlainText()
    assert code in text and "Your case code" in text and "not your name" in text
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(handout.QR_URL))
    assert image is not None and not image.isNull()
    assert handout.QR_URL in document.toHtml()
    # black on white only: it must survive a black-and-white printer
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    assert colours <= {"#000000", "#ffffff"}


# --- nothing on disk -------------------------------------------------------------------------------------
def _snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            info = path.lstat()
            seen[str(path)] = (info.st_size if path.is_file() else 0, info.st_mtime_ns)
    return seen


def test_a_whole_kiosk_session_writes_nothing(tmp_path: Path) -> None:
    names = ["home", "config", "cache", "data", "state", "runtime", "tmp", "cwd"]
    dirs = {name: tmp_path / name for name in names}
    for path in dirs.values():
        path.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MISAID_"))}
    env.update(HOME=str(dirs["home"]), XDG_CONFIG_HOME=str(dirs["config"]), XDG_CACHE_HOME=str(dirs["cache"]),
               XDG_DATA_HOME=str(dirs["data"]), XDG_STATE_HOME=str(dirs["state"]),
               XDG_RUNTIME_DIR=str(dirs["runtime"]), TMPDIR=str(dirs["tmp"]), QT_QPA_PLATFORM="offscreen",
               PYTHONDONTWRITEBYTECODE="1")
    script = Path(__file__).parents[1] / "kiosk_session.py"

    def session() -> None:
        done = subprocess.run([sys.executable, str(script)], cwd=dirs["cwd"], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0 and "kiosk session ok" in done.stdout, done.stderr

    session()  # warm-up: font and similar caches may appear once, before any patient
    before = _snapshot(list(dirs.values()))
    session()
    after = _snapshot(list(dirs.values()))
    assert after == before
