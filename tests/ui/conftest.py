"""Fixtures for the Qt tests: a wizard over the shipped content, shown at the kiosk's size."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.ui.patient.wizard import Wizard


@pytest.fixture
def wizard(qtbot: QtBot, content: Content) -> Wizard:
    shown = Wizard(content, "patient")
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown
