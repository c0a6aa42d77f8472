"""A long day at the kiosk must not wear the interpreter down.

Some PySide6 calls (QStyle.polish/unpolish from Python; every void method in 6.12.0 under
Python 3.11) drop a reference to None each time; after some thousands of answers the app
aborts with "deallocating None". This test repeats answering and watches None's count.
"""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.ui.consultation import ConsultationView
from misaid.ui.widgets import ChoiceButton


def test_answering_many_times_leaks_no_reference_to_none(qtbot: QtBot, content: Content) -> None:
    button = ChoiceButton("Pain in my back", "help", "many")
    qtbot.addWidget(button)
    view = ConsultationView(content)
    qtbot.addWidget(view)
    view.show()
    before = sys.getrefcount(None)
    for _ in range(500):
        button.click()
    for value in ["neck", "low_back", "mid_back", "unsure"] * 50:
        view.controls["region"].buttons[value].click()
    assert sys.getrefcount(None) - before > -50
