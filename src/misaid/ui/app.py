"""One place that wires the application: show the welcome screen, load the content, or say calmly what is wrong."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .i18n import tr

if TYPE_CHECKING:
    from misaid.core.errors import ContentError
    from misaid.core.kiosk import KioskSettings
    from misaid.core.model import Audience

    from .shell import Shell



def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


def audience_for(mode: str | None) -> Audience:
    return "clinician" if mode == "clinician" else "patient"


class _AfterFirstPaint(QObject):
    """Calls back once the widget has painted: the person sees the app before the content is read."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)  # not inside the paint event
        return False


def content_problem_box(folder: Path, error: ContentError, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, tr("misaid cannot start"),
                      tr("The content in %1 has problems, so misaid cannot start. "
                         "Please ask the person who looks after it to run 'misaid check'.")
                      .replace("%1", str(folder)), QMessageBox.StandardButton.Close, parent)
    box.setDetailedText("\n".join(str(p) for p in error.problems))
    return box


def start(rules_folder: str | Path, mode: str | None = None, kiosk: bool = False,
          on_failure: Callable[[], None] | None = None, settings: KioskSettings | None = None,
          calm_errors: bool | None = None) -> Shell:
    """Show the first screen now; load the content and build the modes right after it is painted."""
    from .shell import Shell

    folder = Path(rules_folder)
    shell = Shell(None, mode, kiosk, settings, calm_errors)
    shell.resize(1280, 800)

    def load() -> None:
        from misaid.core.errors import ContentError
        from misaid.core.loader import load_content

        try:
            content = load_content(folder)
        except ContentError as error:
            if kiosk:
                shell.hide()  # a full-screen window that stays on top could hide the message
            content_problem_box(folder, error, shell).exec()
            shell.shut_down()
            if on_failure is not None:
                on_failure()
            return
        shell.attach(content)

    shell.loader = _AfterFirstPaint(shell, load)  # type: ignore[attr-defined]
    shell.present()
    return shell


def run(rules_folder: str | Path, mode: str | None = None, kiosk: bool = False,
        kiosk_config: str | None = None) -> int:
    """Start the GUI; returns the exit code. Content problems are shown, never a traceback.

    Kiosk settings that cannot be used raise MisaidError (path:line:col problems) before any window opens.
    """
    settings = None
    if kiosk:
        from misaid.core.kiosk import load_settings

        settings = load_settings(kiosk_config)
    app = application()
    app.setApplicationName("misaid")
    failed: list[int] = []

    def failure() -> None:
        failed.append(2)
        app.exit(2)

    shell = start(rules_folder, mode, kiosk, failure, settings, calm_errors=True)  # noqa: F841 - kept alive
    code = int(app.exec())
    return failed[0] if failed else code
