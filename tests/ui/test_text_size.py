"""Text size: A-/A+ and the keys, and every screen at 150% and 200% in a 1280x800 window and at QT_SCALE_FACTOR=2.

"Fits" is measured on the widgets as laid out: no label needs more room than it got (no clipped or cut words),
every control is inside the window (inside a scroll area: across its width, since those never scroll sideways),
and the wizard's Back and Next stay in view.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.ui import resources
from misaid.ui.patient.pages import QuestionPage
from misaid.ui.patient.wizard import RESULT
from misaid.ui.shell import Shell
from tests.ui.journey_helpers import ANSWER_SETS, answer, walk

ROOT = Path(__file__).resolve().parents[2]
SCALES = (1.5, 2.0)
SCREENS = ("chooser", "welcome", "question", "result", "consultation", "practice")
KIOSK = (1280, 800)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


@pytest.fixture(autouse=True)
def usual_display(qapp: QApplication) -> Iterator[None]:
    # the display settings belong to the application: the next test must find the usual size again
    resources.display().reset()
    yield
    resources.display().reset()


# --- what "fits" means --------------------------------------------------------------------------
def shown_words(text: str) -> str:
    """A label's text as drawn: a single & marks the Alt+letter and is not drawn; && draws one."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def scroll_ancestor(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def label_problem(label: QLabel) -> str | None:
    """Why the label's words do not fit the room it was given, or None."""
    text = label.text()
    if not text.strip() or label.textFormat() == Qt.TextFormat.RichText or not label.pixmap().isNull():
        return None
    if label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text):
        return None
    words = shown_words(text) if label.buddy() is not None or "&" in text else text
    metrics = label.fontMetrics()
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() * (label.indent() > 0)
    name = f"{label.objectName() or 'label'} {words[:50]!r}"
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"{name}: needs {needed} px of height, has {label.height()}"
        longest = max((metrics.horizontalAdvance(w) for w in re.split(r"\s+", words) if w), default=0)
        if longest > room + 1:
            return f"{name}: a word needs {longest} px of width, has {room}"
        return None
    needed = max(metrics.horizontalAdvance(line) for line in words.split("\n"))
    if needed > room + 1:
        return f"{name}: needs {needed} px of width, has {room}"
    return None


def button_problem(button: QAbstractButton) -> str | None:
    """A button whose own words (drawn by the style, not a label) got less width than they need, or None.

    A button whose words wrap (its height follows its width) shows them in a label, checked as labels are.
    """
    if not button.text() or button.hasHeightForWidth() or button.width() >= button.sizeHint().width():
        return None
    return (f"{type(button).__name__} {shown_words(button.text())[:50]!r}: needs {button.sizeHint().width()} px "
            f"of width, has {button.width()}")


def place_problem(control: QWidget) -> str | None:
    """A control outside the window; inside scroll areas, one cut at the sides (they never scroll sideways)."""
    window = control.window()
    rect = window_rect(control)
    name = f"{type(control).__name__} {control.objectName()!r} {control.accessibleName()[:40]!r}"
    scroll = scroll_ancestor(control)
    # up or down it may be scrolled out of sight; each scroll area it is in must be within the one around it
    while scroll is not None:
        viewport = window_rect(scroll.viewport())
        if rect.left() < viewport.left() - 1 or rect.right() > viewport.right() + 1:
            return f"{name} at {rect.getRect()} sticks out of its scroll area {viewport.getRect()}"
        rect = viewport
        scroll = scroll_ancestor(scroll)
    if not window.rect().contains(rect):
        return f"{name} at {rect.getRect()} is not inside the window {window.rect().getRect()}"
    return None


def layout_problems(window: QWidget) -> list[str]:
    """Everything shown in `window` that does not fit: cut words, controls outside the window."""
    problems = []
    for label in window.findChildren(QLabel):
        if label.isVisible():
            problems.append(label_problem(label))
    for control in window.findChildren(QWidget):
        # shown, even when pushed out of sight: that is what this looks for
        if isinstance(control, CONTROLS) and control.isVisible():
            problems.append(place_problem(control))
            if isinstance(control, QAbstractButton):
                problems.append(button_problem(control))
    return [p for p in problems if p is not None]


def nav_problems(wizard: QWizard) -> list[str]:
    """The wizard's Back and Next: shown, inside the window, not covered by the page."""
    problems = []
    window = wizard.window()
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
        button = wizard.button(which)
        name = button.text().replace("&", "")
        if not button.isVisible() or button.visibleRegion().isEmpty():
            problems.append(f"{name} is not visible")
        elif not window.rect().contains(window_rect(button)):
            problems.append(f"{name} at {window_rect(button).getRect()} is outside the window")
    return problems


# --- opening each screen ------------------------------------------------------------------------
def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QTest.qWait(10)


def open_screen(qtbot: QtBot, content: Content, screen: str, scale: float, size: tuple[int, int] = KIOSK) -> Shell:
    resources.display().set_scale(scale)
    shell = Shell(content)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    go_to(shell, screen)
    return shell


def go_to(shell: Shell, screen: str) -> None:
    if screen == "chooser":
        shell.back_to_chooser()
        settle()
        return
    if screen in ("consultation", "practice"):
        shell.open_mode("clinician" if screen == "consultation" else "student")
        settle()
        return
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    if screen == "question":
        wizard.welcome.start.click()
        page = wizard.currentPage()
        assert isinstance(page, QuestionPage)
        if page.kind.numeric:  # a page of answers to choose from: the first one after the age
            answer(page, 45)
            wizard.next()
            page = wizard.currentPage()
            assert isinstance(page, QuestionPage)
        first = next(iter(page.buttons.values()))
        first.click()
        first.setFocus(Qt.FocusReason.TabFocusReason)
    elif screen == "result":
        walk(wizard, ANSWER_SETS["low-back-disc"])
        assert wizard.currentId() == RESULT
    settle()


# --- A-/A+ and the keys ---------------------------------------------------------------------------
def test_the_steps_go_from_100_to_200_percent(qapp: QApplication) -> None:
    shown = resources.display()
    assert resources.TEXT_SCALES == (1.0, 1.25, 1.5, 1.75, 2.0)
    seen = [shown.scale]
    for _ in range(6):
        shown.bigger()
        seen.append(shown.scale)
    assert seen == [1.0, 1.25, 1.5, 1.75, 2.0, 2.0, 2.0], "A+ stops at 200%"
    shown.smaller()
    assert shown.scale == 1.75
    shown.set_scale(1.0)
    shown.smaller()
    assert shown.scale == 1.0, "A- stops at 100%"


def test_the_stylesheet_grows_the_words_and_the_boxes_beside_them() -> None:
    usual, double = resources.stylesheet(1.0), resources.stylesheet(2.0)
    assert "[audience=\"patient\"] QWidget { font-size: 20pt; }" in usual
    assert "[audience=\"patient\"] QWidget { font-size: 40pt; }" in double
    assert "[audience=\"clinician\"] QWidget { font-size: 24pt; }" in double
    # large words grow only to LARGEST_PT
    assert "QLabel#welcomeTitle { font-size: 44pt;" in double
    # borders, padding and touch-target minimums keep their pixels; a check box's box grows
    assert "padding: 8px 20px;" in double and "min-height: 56px;" in double
    assert re.search(r"QRadioButton::indicator \{\s*width: 36px; height: 36px;", double)
    assert "@ring(" not in re.sub(r"/\*.*?\*/", "", double, flags=re.S), "every focus ring is expanded"


def test_a_larger_system_font_makes_every_size_larger(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    monkeypatch.setattr(resources, "system_font_ratio", lambda: 1.3)
    shown = resources.display()
    assert shown.factor == 1.3
    shown.set_scale(1.5)
    assert shown.factor == 1.95
    shown.set_scale(2.0)
    assert shown.factor == 2.0, "never beyond what is tested"


def test_a_plus_a_minus_and_the_keys_change_every_screen(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "question", 1.0)
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow)
    page = shell.pages["patient"]
    wizard = shell.wizard
    assert wizard is not None
    words = wizard.currentPage().text  # type: ignore[attr-defined]
    usual = words.font().pointSizeF()
    page.display_controls.bigger.click()
    assert resources.display().scale == 1.25 and page.display_controls.size_label.text() == "125%"
    assert words.font().pointSizeF() == pytest.approx(usual * 1.25, abs=0.6)
    QTest.keyClick(shell, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert resources.display().scale == 1.5
    QTest.keyClick(shell, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert resources.display().scale == 1.25
    page.display_controls.smaller.click()
    assert resources.display().scale == 1.0 and words.font().pointSizeF() == usual
    QTest.keyClick(shell, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(shell, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert resources.display().scale == 1.0
    # named for a screen reader, with the size they set
    controls = page.display_controls
    assert controls.bigger.accessibleName() == "Larger text" and controls.smaller.accessibleName() == "Smaller text"
    assert controls.bigger.accessibleDescription() == "Text size: 100%"


def test_every_mode_has_the_text_size_and_contrast_controls(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "welcome", 1.0)
    for mode in ("patient", "clinician", "student"):
        shell.open_mode(mode)
        controls = shell.pages[mode].display_controls
        assert controls.isVisible() and controls.bigger.isVisible() and controls.contrast.isVisible()
        assert shell.rect().contains(window_rect(controls))
        shell.back_to_chooser()
    assert shell.chooser is not None and shell.chooser.display_controls.isVisible()


def test_the_kiosk_gives_the_next_person_the_usual_size(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "welcome", 2.0)
    resources.display().set_high_contrast(True)
    shell.end_session()
    assert resources.display().scale == 1.0 and not resources.display().high_contrast


def test_the_window_never_asks_for_more_than_the_screen(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "welcome", 2.0)
    free = shell.screen().availableGeometry().size()
    assert shell.minimumSize().width() <= free.width() and shell.minimumSize().height() <= free.height()


def test_a_narrow_window_keeps_the_way_back_and_the_controls_on_one_row(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "question", 1.0, size=(640, 400))
    page = shell.pages["patient"]
    controls = page.display_controls
    assert page.back_button is not None
    assert controls.compact and controls.contrast.text() == "\u2610 \u25d0", "a sign instead of the words"
    assert controls.contrast.accessibleName() == "High contrast" and "strong outlines" in controls.contrast.toolTip()
    assert abs(window_rect(controls).center().y() - window_rect(page.back_button).center().y()) < 10
    shell.resize(*KIOSK)
    settle()
    assert not controls.compact and controls.contrast.text() == "\u2610 High contrast"


def test_what_takes_the_keyboard_is_scrolled_into_view(qtbot: QtBot, content: Content) -> None:
    shell = open_screen(qtbot, content, "welcome", 2.0, size=(640, 400))
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow)
    wizard = shell.wizard
    assert wizard is not None
    wizard.welcome.focus_first()  # as when the welcome screen opens
    settle()
    start = wizard.welcome.start
    assert start.hasFocus() and window_rect(start).bottom() < shell.height(), "Start is on screen"
    assert not start.visibleRegion().isEmpty()


# --- every screen at 150% and 200% ------------------------------------------------------------------
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_fits_at_large_text(qtbot: QtBot, content: Content, screen: str, scale: float) -> None:
    shell = open_screen(qtbot, content, screen, scale)
    assert shell.size().width() == KIOSK[0] and shell.size().height() == KIOSK[1], "the window kept the kiosk's size"
    problems = layout_problems(shell)
    if screen == "question":
        assert shell.wizard is not None
        problems += nav_problems(shell.wizard)
    assert not problems, f"{screen} at {scale:.0%}:\n" + "\n".join(problems)


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_fits_when_the_text_size_changes_on_it(qtbot: QtBot, content: Content, screen: str) -> None:
    # chosen with A+ on the screen itself, after it was laid out at 100%
    shell = open_screen(qtbot, content, screen, 1.0)
    resources.display().set_scale(2.0)
    settle()
    problems = layout_problems(shell)
    if screen == "question":
        assert shell.wizard is not None
        problems += nav_problems(shell.wizard)
    assert not problems, f"{screen}, changed to 200%:\n" + "\n".join(problems)


# --- QT_SCALE_FACTOR=2 on a 1280x800 screen: 640x400 to lay out ---------------------------------------
SCALED_SCREEN_CHECK = """
import sys
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWizard
from misaid.ui.app import application, start
from misaid.core.paths import rules_dir
from tests.ui.test_text_size import go_to, layout_problems, nav_problems, settle

app = application()
screen = app.primaryScreen()
assert screen.devicePixelRatio() == 2, screen.devicePixelRatio()
free = screen.availableGeometry()
assert (free.width(), free.height()) == (640, 400), free
shell = start(rules_dir(), mode=None)
for _ in range(200):
    settle()
    if shell.content is not None:
        break
assert shell.content is not None, "the content did not load"
problems = []
size = shell.frameGeometry()
if not free.contains(size):
    problems.append(f"the window {size.getRect()} is larger than the screen {free.getRect()}")
minimum = shell.minimumSize()
if minimum.width() > free.width() or minimum.height() > free.height():
    problems.append(f"the window's minimum {minimum.toTuple()} is larger than the screen")
for screen_name in sys.argv[1:]:
    go_to(shell, screen_name)
    problems += [f"{screen_name}: {p}" for p in layout_problems(shell)]
    if screen_name == "question":
        problems += [f"{screen_name}: {p}" for p in nav_problems(shell.wizard)]
        next_button = shell.wizard.button(QWizard.WizardButton.NextButton)
        corner = next_button.mapToGlobal(next_button.rect().bottomRight())
        if not free.contains(corner):
            problems.append(f"Next ends at {corner.toTuple()}, off the screen {free.getRect()}")
    shell.back_to_chooser()
print("\\n".join(problems))
sys.exit(1 if problems else 0)
"""


def test_every_screen_fits_at_qt_scale_factor_2_on_a_1280x800_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": KIOSK[0],
                                               "height": KIOSK[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    done = subprocess.run([sys.executable, "-c", SCALED_SCREEN_CHECK, *SCREENS], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"at QT_SCALE_FACTOR=2:\n{done.stdout}\n{done.stderr[-3000:]}"
