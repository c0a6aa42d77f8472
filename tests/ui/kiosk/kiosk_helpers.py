"""Opening a real kiosk Shell for a test, as a waiting-room screen would show it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.core.kiosk import KioskSettings
from misaid.ui.shell import Shell


def open_kiosk(qtbot: QtBot, content: Content | None, settings: KioskSettings, calm_errors: bool = False) -> Shell:
    # calm errors only where tested: elsewhere an error must fail the test, not quietly reset the kiosk
    shell = Shell(content, kiosk=True, settings=settings, calm_errors=calm_errors)
    qtbot.addWidget(shell, before_close_func=lambda w: w.shut_down())
    shell.resize(1280, 800)
    shell.present()
    qtbot.waitExposed(shell)
    return shell
