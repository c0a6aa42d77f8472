"""The small widgets every screen is built from: answers big enough to touch, words that wrap, pictures that scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from misaid.ui import resources
from misaid.ui.widgets import ChoiceButton, FlowBody, Picture, label

LONG = "Pain, numbness or weakness that runs from my lower back down one leg, sometimes as far as the foot"


class Window:
    """Shows widgets in a top window with the app's stylesheet, as a page holds them; keeps each window alive."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.tops: list[QWidget] = []

    def __call__(self, *widgets: QWidget, audience: str = "patient", width: int = 800) -> QWidget:
        top = QWidget()
        top.setProperty("audience", audience)
        resources.apply_style(top)
        box = QVBoxLayout(top)
        for widget in widgets:
            box.addWidget(widget)
        box.addStretch()
        self.qtbot.addWidget(top)
        self.tops.append(top)
        top.resize(width, 700)
        top.show()
        self.qtbot.waitExposed(top)
        return top


@pytest.fixture
def window(qtbot: QtBot) -> Window:
    return Window(qtbot)


def mark(button: ChoiceButton) -> str:
    found = button.findChild(QLabel, "mark")
    assert found is not None
    return found.text()


def test_a_label_wraps_and_shows_markup_as_plain_words(qtbot: QtBot) -> None:
    shown = label("<b>Low back</b> & neck", "heading")
    qtbot.addWidget(shown)
    assert shown.text() == "<b>Low back</b> & neck" and shown.textFormat() == Qt.TextFormat.PlainText
    assert shown.wordWrap() and shown.objectName() == "heading"
    assert not shown.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    selectable = label("A case code", selectable=True)
    qtbot.addWidget(selectable)
    assert selectable.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_chosen_answer_is_shown_by_its_shape_not_by_colour_alone(qtbot: QtBot, window: Window) -> None:
    one, many = ChoiceButton("Neck", "", "one"), ChoiceButton("Leg pain", "", "many")
    window(one, many)
    assert (mark(one), mark(many)) == ("\u25cb", "\u2610")
    one.click()
    many.click()
    assert one.isChecked() and many.isChecked()
    assert (mark(one), mark(many)) == ("\u25c9", "\u2611")
    many.click()
    assert not many.isChecked() and mark(many) == "\u2610"


def test_an_answer_is_named_and_described_for_screen_readers(qtbot: QtBot, window: Window) -> None:
    helped = ChoiceButton("Stenosis", "The canal around the nerves is narrow.")
    plain = ChoiceButton("Neck")
    window(helped, plain)
    assert helped.accessibleName() == "Stenosis" and helped.words() == "Stenosis"
    assert helped.accessibleDescription() == "The canal around the nerves is narrow."
    assert plain.accessibleName() == "Neck" and plain.accessibleDescription() == ""
    words = [w.text() for w in helped.findChildren(QLabel) if w.objectName() != "mark"]
    assert words == ["Stenosis", "The canal around the nerves is narrow."]  # the help is on the button too


def test_long_answers_wrap_and_grow_instead_of_being_cut(qtbot: QtBot, window: Window) -> None:
    button = ChoiceButton(LONG, "Also called sciatica.", "many")
    window(button, width=360)
    assert button.hasHeightForWidth()
    assert button.heightForWidth(300) > button.heightForWidth(1200)
    qtbot.waitUntil(lambda: button.height() >= button.heightForWidth(button.width()))
    words = next(w for w in button.findChildren(QLabel) if w.text() == LONG)
    assert words.wordWrap() and button.geometry().contains(words.geometry().translated(button.pos()))


def test_patient_answers_are_big_enough_to_touch(qtbot: QtBot, window: Window) -> None:
    buttons = [ChoiceButton("Neck"), ChoiceButton("Back", "Between the shoulders and the hips"),
               ChoiceButton(LONG, "", "many")]
    window(*buttons, width=400)

    def all_big() -> None:
        small = [(b.words(), b.height(), b.width()) for b in buttons if b.height() < 48 or b.width() < 48]
        assert not small, small

    qtbot.waitUntil(all_big)


def test_a_tap_on_the_words_chooses_the_answer(qtbot: QtBot, window: Window) -> None:
    button = ChoiceButton("Low back", "Below the ribs")
    top = window(button)
    for part in button.findChildren(QLabel):
        where = part.mapTo(top, part.rect().center())
        assert top.childAt(where) is button, f"{part.text()!r} takes the tap itself"
    words = next(w for w in button.findChildren(QLabel) if w.text() == "Low back")
    QTest.mouseClick(top.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     words.mapTo(top, words.rect().center()))
    qtbot.waitUntil(button.isChecked)


def test_arrow_keys_walk_the_answers_and_space_chooses(qtbot: QtBot, window: Window) -> None:
    first, second, third = ChoiceButton("Neck"), ChoiceButton("Middle of the back"), ChoiceButton("Low back")
    top = window(first, second, third)
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    QTest.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is second
    QTest.keyClick(second, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is third
    QTest.keyClick(third, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is second
    QTest.keyClick(second, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is first
    QTest.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked() and not second.isChecked() and not third.isChecked()


def test_scrolled_cards_leave_no_empty_screen_below_them(qtbot: QtBot, window: Window) -> None:
    body = FlowBody()
    column = QVBoxLayout(body)
    for _ in range(8):
        column.addWidget(label(LONG))
    column.addStretch()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    window(scroll, width=1200)
    qtbot.waitUntil(lambda: scroll.viewport().width() > 1000)
    # at their narrowest the words would need more than the screen; at the real width they fit
    assert column.minimumSize().height() > scroll.viewport().height()
    assert scroll.verticalScrollBar().maximum() == 0, "nothing below the cards to scroll to"


def test_a_picture_keeps_its_shape_and_is_named(qtbot: QtBot, window: Window) -> None:
    path = resources.diagram_path("approach-overview")
    size = resources.svg_size(path)
    assert size is not None
    picture = Picture(path, "Picture: the three routes", max_width=500)
    window(picture)
    assert picture.accessibleName() == "Picture: the three routes"
    assert picture.hasHeightForWidth()
    assert picture.heightForWidth(400) == round(400 * size.height() / size.width())
    assert picture.heightForWidth(2000) == picture.heightForWidth(500), "never wider than its largest"
    image = picture.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 2, "the diagram is drawn"


def test_a_missing_picture_leaves_a_calm_frame(qtbot: QtBot, window: Window, tmp_path: Path) -> None:
    picture = Picture(tmp_path / "gone.svg", "Picture: a tube")
    window(picture)
    assert picture.accessibleName() == "Picture: a tube"
    assert picture.heightForWidth(400) == round(400 * 0.76)
    image = picture.grab().toImage()
    inside = image.pixelColor(image.width() // 6, image.height() // 6)
    assert inside == QColor("#f2f2f2"), "a grey placeholder, not an empty hole or a crash"
