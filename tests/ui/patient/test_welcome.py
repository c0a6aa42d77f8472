"""The welcome screen: the big Start button is the way in, by touch, Space or Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from misaid.ui.patient.wizard import WELCOME, Wizard


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_on_the_focused_start_button_begins(wizard: Wizard, key: Qt.Key) -> None:
    assert wizard.currentId() == WELCOME and wizard.welcome.start.hasFocus()
    QTest.keyClick(wizard.welcome.start, key)
    page = wizard.currentPage()
    assert wizard.currentId() != WELCOME and page.question.id == wizard.content.questions[0].id
