"""A long day at the kiosk must not wear the interpreter down.

Some PySide6 calls (QStyle.polish/unpolish from Python; every void method in 6.12.0 under
Python 3.11) drop a reference to None each time; after some thousands of answers the app
aborts with "deallocating None". From Python 3.12 None is immortal and its count says nothing,
so this test also counts live objects: answering again and again must not leave any behind.
"""

from __future__ import annotations

import gc
import sys

from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.ui.consultation.view import ConsultationView
from misaid.ui.widgets import ChoiceButton


def test_answering_many_times_leaves_nothing_behind(qtbot: QtBot, content: Content) -> None:
    button = ChoiceButton("Pain in my back", "help", "many")
    qtbot.addWidget(button)
    view = ConsultationView(content)
    qtbot.addWidget(view)
    view.show()

    def answer(times: int) -> None:
        for _ in range(times):
            button.click()
        for value in ["neck", "low_back", "mid_back", "unsure"] * (times // 10):
            view.controls["region"].buttons[value].click()

    answer(20)  # first use fills caches (fonts, layouts, the explanation's memo)
    gc.collect()
    objects, nones = len(gc.get_objects()), sys.getrefcount(None)
    answer(500)
    gc.collect()
    assert len(gc.get_objects()) - objects < 50, "live objects grow with every answer"
    if sys.version_info < (3, 12):  # a lost reference to None crashes 3.11 once the count reaches zero
        assert sys.getrefcount(None) - nones > -50
