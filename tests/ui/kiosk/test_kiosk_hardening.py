"""What an attacker at the kiosk and a long day try: PIN guessing, left-over selections, a broken or unsealed
content folder, a window closed or shrunk from outside."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.core.kiosk import KioskSettings, PinLock, hash_pin
from misaid.core.paths import rules_dir
from misaid.ui import app
from misaid.ui.kiosk.screens import forget_clipboard
from misaid.ui.shell import Shell
from tests.ui.journey_helpers import ANSWER_SETS, start_over, walk
from tests.ui.kiosk.kiosk_helpers import open_kiosk

PIN = "2468"
SETTINGS = KioskSettings(pin_hash=hash_pin(PIN), idle_seconds=60, countdown_seconds=20)
CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


class Clock:
    now = 5000.0

    def __call__(self) -> float:
        return self.now


def kiosk(qtbot: QtBot, content: Content | None) -> Shell:
    return open_kiosk(qtbot, content, SETTINGS)


def wrong_pins(qtbot: QtBot, shell: Shell, count: int) -> None:
    """Open the PIN screen with the chord and type `count` wrong PINs, as a person would."""
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None
    for _ in range(count):
        if not shell.kiosk.staff.dialog.field.isEnabled():
            return
        shell.kiosk.staff.dialog.field.setText("0000")
        shell.kiosk.staff.dialog.ok_button.click()


def pin_screen_locked(shell: Shell) -> bool:
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None
    dialog = shell.kiosk.staff.dialog
    return not dialog.field.isEnabled() and not dialog.ok_button.isEnabled() and "wait" in dialog.status.text()


# --- 1. the PIN lockout belongs to the kiosk ---------------------------------------------------------
def test_the_lockout_survives_cancel_the_chord_and_the_idle_wipe(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    clock = Clock()
    shell.kiosk.pin_lock = PinLock(clock)
    wrong_pins(qtbot, shell, 3)
    assert shell.kiosk.staff is not None
    shell.kiosk.staff.dialog.reject()  # Cancel
    qtbot.waitUntil(lambda: shell.kiosk.staff is None)
    wrong_pins(qtbot, shell, 2)  # the chord again: the count goes on, 3 + 2 = 5
    assert shell.kiosk.staff is not None and not shell.kiosk.staff.dialog.field.isEnabled()
    shell.kiosk.staff.dialog.reject()
    qtbot.waitUntil(lambda: shell.kiosk.staff is None)
    assert pin_screen_locked(shell)
    shell.reset_session()  # what the idle countdown does at zero
    assert shell.kiosk.staff is None and pin_screen_locked(shell)
    shell.kiosk.staff.dialog.field.setText(PIN)  # type: ignore[union-attr]
    shell.kiosk.staff.dialog.try_pin()  # type: ignore[union-attr]
    assert shell.isVisible(), "the right PIN does nothing while locked"
    clock.now += 60
    shell.kiosk.staff.dialog.refresh()  # type: ignore[union-attr]
    assert shell.kiosk.staff.dialog.field.isEnabled()  # type: ignore[union-attr]
    for _ in range(5):
        shell.kiosk.staff.dialog.field.setText("1111")  # type: ignore[union-attr]
        shell.kiosk.staff.dialog.try_pin()  # type: ignore[union-attr]
    clock.now += 119  # the second lock is twice as long
    shell.kiosk.staff.dialog.refresh()  # type: ignore[union-attr]
    assert not shell.kiosk.staff.dialog.field.isEnabled()  # type: ignore[union-attr]


# --- 2. nothing of the last person in the clipboard or the selection ------------------------------------
def test_every_wipe_empties_the_clipboard(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    wizard = shell.wizard
    assert wizard is not None
    walk(wizard, ANSWER_SETS["low-back-disc"])
    assert wizard.result_view.case_code is not None
    QGuiApplication.clipboard().setText(wizard.result_view.case_code.text())
    with qtbot.waitSignal(shell.session_reset, timeout=2000):
        start_over(wizard)  # Start over, confirmed
    assert QGuiApplication.clipboard().text() == ""
    if QGuiApplication.clipboard().supportsSelection():  # X11: the middle-click paste
        assert QGuiApplication.clipboard().text(QClipboard.Mode.Selection) == ""


class FakeClipboard:
    def __init__(self, selection: bool) -> None:
        self.selection = selection
        self.cleared: list[QClipboard.Mode] = []

    def supportsSelection(self) -> bool:  # noqa: N802 (Qt's name)
        return self.selection

    def clear(self, mode: QClipboard.Mode) -> None:
        self.cleared.append(mode)


@pytest.mark.parametrize("selection", [True, False])
def test_forgetting_clears_the_selection_where_there_is_one(selection: bool) -> None:
    board = FakeClipboard(selection)
    forget_clipboard(board)  # type: ignore[arg-type]
    expected = [QClipboard.Mode.Clipboard] + ([QClipboard.Mode.Selection] if selection else [])
    assert board.cleared == expected


def test_nothing_that_holds_answers_can_be_selected(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    wizard = shell.wizard
    assert wizard is not None
    walk(wizard, ANSWER_SETS["low-back-disc"])
    view = wizard.result_view
    assert view.case_code is not None
    code = view.case_code.text()
    why = getattr(view, "why_button", None)
    if isinstance(why, QPushButton):
        why.click()  # the rule trace, whose words repeat the answers
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    for widget in view.findChildren(QLabel):
        if widget.textInteractionFlags() & selectable:
            text = widget.text()
            assert code not in text and "[rule" not in text and "\u2192" not in text, text


def test_the_age_cannot_be_selected(qtbot: QtBot, content: Content) -> None:
    from misaid.ui.patient.pages import QuestionPage

    shell = kiosk(qtbot, content)
    wizard = shell.wizard
    assert wizard is not None
    page = wizard.page(wizard.page_id("age"))
    assert isinstance(page, QuestionPage)
    wizard.welcome.start.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is page)
    page.number.setText("67")
    QTest.mouseDClick(page.number, Qt.MouseButton.LeftButton)  # selects the word, and on X11 copies it to PRIMARY
    assert not page.number.hasSelectedText()
    assert page.number.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


# --- 5 and the seal: a kiosk that cannot use its content says so calmly ------------------------------------
def started(qtbot: QtBot, folder: Path, require_sealed: bool = False) -> Shell:
    failed: list[bool] = []
    shell = app.start(folder, kiosk=True, settings=SETTINGS, on_failure=lambda: failed.append(True),
                      calm_errors=False, require_sealed=require_sealed)
    qtbot.addWidget(shell, before_close_func=lambda w: w.shut_down())
    qtbot.waitUntil(lambda: shell.kiosk.out_of_order.isVisible() or shell.content is not None, timeout=10_000)
    assert not failed
    return shell


def assert_out_of_order(shell: Shell) -> None:
    assert shell.kiosk is not None
    notice = shell.kiosk.out_of_order
    assert shell.isVisible() and notice.isVisible()
    assert notice.geometry() == shell.central.rect()
    assert "Out of order" in notice.title.text() and "tell the staff" in notice.words.text()
    assert not notice.findChildren(QPushButton), "nothing to press"
    assert not shell.stack.isEnabled()


def test_unusable_content_shows_out_of_order_and_tells_stderr(qtbot: QtBot, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "meta.yaml").write_text("a: [\n")
    shell = started(qtbot, folder)
    assert_out_of_order(shell)
    err = capsys.readouterr().err
    assert f"{folder / 'meta.yaml'}:" in err and "out of order" in err
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not shell], "no message box"


def test_a_crash_while_loading_shows_out_of_order(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def unreadable(folder: Path, require_sealed: bool = False) -> Content:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(app, "load_checked", unreadable)
    shell = started(qtbot, tmp_path)
    assert_out_of_order(shell)
    assert "PermissionError" in capsys.readouterr().err


def test_a_kiosk_that_requires_a_seal_refuses_unsealed_content(qtbot: QtBot, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from misaid.core.seal import MANIFEST, write_seal

    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    write_seal(folder, "test")
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text() + "# edited after the review\n")
    shell = started(qtbot, folder, require_sealed=True)
    assert_out_of_order(shell)
    assert f"{rules}:1:1: changed since the content was sealed" in capsys.readouterr().err
    (folder / MANIFEST).unlink()
    write_seal(folder, "test")
    fine = started(qtbot, folder, require_sealed=True)
    assert fine.content is not None and not fine.kiosk.out_of_order.isVisible()


# --- 7. the window taken away ------------------------------------------------------------------------------
def test_a_close_from_outside_wipes_and_asks_to_exit(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    wizard = shell.wizard
    assert wizard is not None
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    with qtbot.waitSignals([shell.closed_from_outside, shell.session_reset], timeout=2000):
        assert shell.close() is False
    assert shell.wizard is not wizard


def test_the_staff_exit_does_not_count_as_from_outside(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    outside: list[bool] = []
    shell.closed_from_outside.connect(lambda: outside.append(True))
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None
    shell.kiosk.staff.dialog.field.setText(PIN)
    with qtbot.waitSignal(shell.staff_exit, timeout=2000):
        shell.kiosk.staff.dialog.ok_button.click()
    assert not shell.isVisible() and not outside


def test_lost_full_screen_is_taken_back(qtbot: QtBot, content: Content) -> None:
    shell = kiosk(qtbot, content)
    shell.showNormal()
    qtbot.waitUntil(lambda: bool(shell.windowState() & Qt.WindowState.WindowFullScreen) and shell.isVisible())
    shell.showMinimized()
    qtbot.waitUntil(lambda: shell.windowState() == Qt.WindowState.WindowFullScreen)
    shell.hide()  # as an unmap from outside
    qtbot.waitUntil(shell.isVisible)
    assert shell.windowState() & Qt.WindowState.WindowFullScreen


def test_a_closed_kiosk_process_exits_3(tmp_path: Path) -> None:
    """The real app: a close request from outside ends the process with status 3, for the supervisor."""
    script = tmp_path / "close_it.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from misaid import cli\n"
        "from misaid.ui.app import application\n"
        "app = application()\n"
        "def close_when_ready():\n"
        "    shells = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == 'Shell']\n"
        "    if shells and shells[0].content is not None:\n"
        "        shells[0].close()\n"
        "    else:\n"
        "        QTimer.singleShot(50, close_when_ready)\n"
        "QTimer.singleShot(0, close_when_ready)\n"
        "sys.exit(cli.main(['--kiosk']))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MISAID_")}
    env.update(QT_QPA_PLATFORM="offscreen", MISAID_RULES=str(rules_dir()))
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 3, done.stderr
