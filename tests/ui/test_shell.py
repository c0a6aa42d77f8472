"""The main window: the mode chooser, its routes and the way back, --mode forcing, and the wiring from the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from misaid import cli
from misaid.core import Content
from misaid.ui.patient.wizard import RESULT, WELCOME
from misaid.ui.shell import ModePage, Shell
from tests.ui.journey_helpers import ANSWER_SETS, start_over, walk


def shown(qtbot: QtBot, shell: Shell) -> Shell:
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.present()
    qtbot.waitExposed(shell)
    shell.activateWindow()  # keyboard focus and shortcuts need the active window
    qtbot.waitUntil(shell.isActiveWindow)
    return shell


def test_the_chooser_comes_first_and_offers_three_modes(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content))
    assert shell.mode is None and shell.stack.currentWidget() is shell.chooser
    buttons = shell.chooser.buttons
    assert list(buttons) == ["patient", "clinician", "student"]
    assert [b.title.text() for b in buttons.values()] == [
        "I'm a patient", "Consultation (clinician)", "Practice cases (student)"]
    for button in buttons.values():
        assert button.isEnabled() and button.accessibleName() and button.height() >= 96  # big touch targets
    assert QApplication.focusWidget() is buttons["patient"]


def test_the_chooser_waits_for_the_content(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell())
    assert not any(b.isEnabled() for b in shell.chooser.buttons.values())
    shell.attach(content)
    assert all(b.isEnabled() for b in shell.chooser.buttons.values())


def test_patient_route_and_the_way_back_forgets_the_answers(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content))
    shell.chooser.buttons["patient"].click()
    assert shell.mode == "patient"
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible() and wizard.currentId() == WELCOME
    assert not wizard.isWindow(), "the wizard is a page of the shell, not a window of its own"
    walk(wizard, ANSWER_SETS["low-back-disc"])
    assert wizard.currentId() == RESULT
    page = shell.pages["patient"]
    assert page.back_button is not None and page.back_button.isVisible()
    page.back_button.click()
    assert shell.mode is None
    shell.chooser.buttons["patient"].click()
    fresh = shell.wizard
    assert fresh is not None and fresh is not wizard
    assert fresh.currentId() == WELCOME and not any(fresh.journey.is_answered(q.id) for q in content.questions)


def test_keys_one_two_three_choose(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content))
    QTest.keyClick(shell.chooser.buttons["patient"], Qt.Key.Key_1)
    assert shell.mode == "patient"


@pytest.mark.parametrize("mode, module, view", [
    ("clinician", "misaid.ui.consultation.view", "ConsultationView"),
    ("student", "misaid.ui.practice.view", "PracticeView"),
])
def test_clinician_and_student_routes(qtbot: QtBot, content: Content, mode: str, module: str, view: str) -> None:
    shell = shown(qtbot, Shell(content))
    shell.chooser.buttons[mode].click()
    assert shell.mode == mode
    page = shell.pages[mode]
    assert type(page.body).__name__ == view and page.body is not None and page.body.isVisible()
    assert page.back_button is not None
    page.back_button.click()
    assert shell.stack.currentWidget() is shell.chooser


@pytest.mark.parametrize("mode", ["patient", "clinician", "student"])
def test_a_forced_mode_skips_the_chooser_and_has_no_way_back(qtbot: QtBot, content: Content, mode: str) -> None:
    shell = shown(qtbot, Shell(content, mode=mode))
    assert shell.mode == mode
    page = shell.stack.currentWidget()
    assert isinstance(page, ModePage) and page.back_button is None
    shell.back_to_chooser()
    assert shell.mode == mode


def test_a_forced_mode_is_filled_once_the_content_arrives(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(mode="clinician"))
    assert shell.pages["clinician"].body is None
    shell.attach(content)
    assert type(shell.pages["clinician"].body).__name__ == "ConsultationView"


def test_start_over_outside_the_kiosk_also_builds_a_fresh_wizard(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content, mode="patient"))
    old = shell.wizard
    assert old is not None
    walk(old, ANSWER_SETS["neck-stenosis"])
    with qtbot.waitSignal(shell.session_reset, timeout=2000):
        start_over(old)  # Start over, confirmed
    assert shell.wizard is not old and shell.wizard is not None and shell.wizard.currentId() == WELCOME
    assert shell.mode == "patient"


def test_every_chooser_control_has_a_name(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content))
    for button in shell.chooser.findChildren(QAbstractButton):
        assert button.accessibleName(), button
    texts = [w.text() for w in shell.chooser.findChildren(QLabel)]
    assert "Who is using it today?" in texts


def test_an_unknown_mode_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError):
        Shell(mode="surgeon")


# --- wiring: cli -> app.run -> Shell --------------------------------------------------------
def test_cli_passes_mode_kiosk_and_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from misaid.ui import app

    seen: dict[str, Any] = {}
    monkeypatch.setattr(app, "run", lambda folder, **kw: seen.update(kw) or 0)
    config = tmp_path / "kiosk.yaml"
    assert cli.main(["--kiosk", "--kiosk-config", str(config)]) == 0
    assert seen == {"mode": None, "kiosk": True, "kiosk_config": str(config), "require_sealed": False,
                    "language": None}
    assert cli.main(["--lang", "es", "--mode", "patient"]) == 0
    assert seen["language"] == "es" and seen["mode"] == "patient"


def test_unusable_kiosk_settings_stop_before_any_window(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MISAID_KIOSK_CONFIG", raising=False)
    monkeypatch.delenv("MISAID_STAFF_PIN_HASH", raising=False)
    config = tmp_path / "kiosk.yaml"
    config.write_text("idle_seconds: 90\ncountdown_seconds: 5\n", encoding="utf-8")
    before = set(QApplication.topLevelWidgets())
    assert cli.main(["--kiosk", "--kiosk-config", str(config)]) == 2
    err = capsys.readouterr().err
    assert f"{config}:2:20: countdown_seconds must be between 20 and 300" in err and "Traceback" not in err
    assert set(QApplication.topLevelWidgets()) == before


def test_start_builds_the_shell_in_the_asked_mode(qtbot: QtBot, content: Content) -> None:
    from misaid.core.paths import rules_dir
    from misaid.ui import app

    shell = app.start(rules_dir())
    qtbot.addWidget(shell)
    assert shell.mode is None and shell.isVisible()
    qtbot.waitUntil(lambda: shell.content is not None)
    assert all(b.isEnabled() for b in shell.chooser.buttons.values())
    top: list[QWidget] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shell in top


def test_keys_alone_reach_the_result_and_the_title_says_so(qtbot: QtBot, content: Content) -> None:
    """What .ci/real_install.sh does with xdotool in a real X window: type the age, then Space and Enter."""
    shell = shown(qtbot, Shell(content, mode="patient"))
    title = shell.windowTitle()

    def key(which: Qt.Key | str) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        if isinstance(which, str):
            QTest.keyClicks(focused, which)
        else:
            QTest.keyClick(focused, which)

    key(Qt.Key.Key_Space)  # Start
    key("45")
    key(Qt.Key.Key_Return)
    for _ in range(12):
        if shell.windowTitle() != title:
            break
        key(Qt.Key.Key_Space)  # the first answer has the focus
        key(Qt.Key.Key_Return)  # Next
    assert shell.wizard is not None and shell.wizard.currentId() == RESULT
    assert shell.windowTitle() == "misaid: what the sources say"
    start_over(shell.wizard)  # Start over, confirmed
    assert shell.windowTitle() == title
