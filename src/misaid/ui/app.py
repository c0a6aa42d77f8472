"""One place that wires the application: load the content, show the wizard, or say calmly what is wrong."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from misaid.core.errors import ContentError
from misaid.core.loader import load_content
from misaid.core.model import Audience


def tr(text: str) -> str:
    return QCoreApplication.translate("misaid", text)


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


def audience_for(mode: str | None) -> Audience:
    return "clinician" if mode == "clinician" else "patient"


def run(rules_folder: str | Path, mode: str | None = None, kiosk: bool = False) -> int:
    """Start the GUI; returns the exit code. Content problems are shown, never a traceback."""
    app = application()
    app.setApplicationName("misaid")
    try:
        content = load_content(Path(rules_folder))
    except ContentError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("misaid cannot start"),
                          tr("The content in %1 has problems, so misaid cannot start. "
                             "Please ask the person who looks after it to run 'misaid check'.")
                          .replace("%1", str(rules_folder)))
        box.setDetailedText("\n".join(str(p) for p in error.problems))
        box.exec()
        return 2
    from .wizard import Wizard

    wizard = Wizard(content, audience_for(mode))
    wizard.resize(1280, 800)
    if kiosk:
        wizard.showFullScreen()
    else:
        wizard.show()
    return int(app.exec())
