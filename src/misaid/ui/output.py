"""Saving and printing the handout: one object for every view, told how to ask the person.

The views get a HandoutOutput (as Mu's logic gets its view): it does the work, and the questions to the
person (where to save, which printer) and what to tell them come in as callables. The desktop asks
with Qt's dialogs; the kiosk never saves and prints straight to its configured printer; tests pass fakes.
The handout module is imported only when a handout is made: it is not needed to start the app.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from misaid.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from misaid.core.engine import Explanation
    from misaid.core.model import Audience, Content

AskPath = Callable[[], str | None]  # where to save the PDF; None or "" when the person cancels
AskPrinter = Callable[[], "QPrinter | None"]  # a printer set up to print on; None when cancelled or not there
Tell = Callable[[bool], None]  # tell the person whether the handout is being printed


def _say_nothing(printing: bool) -> None:
    pass


class HandoutOutput:
    """Writes the handout where the person chooses and prints it where they choose.

    Without `ask_path` there is no saving at all (the kiosk: no file dialogs); without `ask_printer` no printing.
    """

    def __init__(self, ask_path: AskPath | None, ask_printer: AskPrinter | None, tell: Tell = _say_nothing) -> None:
        self.ask_path = ask_path
        self.ask_printer = ask_printer
        self.tell = tell

    @property
    def can_save(self) -> bool:
        return self.ask_path is not None

    @property
    def can_print(self) -> bool:
        return self.ask_printer is not None

    def save(self, content: Content, expl: Explanation, audience: Audience) -> Path | None:
        """The PDF written where the person chose, or None (cancelled, or no saving here)."""
        name = self.ask_path() if self.ask_path is not None else None
        if not name:
            return None
        from misaid.ui import handout

        path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        handout.write_handout_pdf(path, content, expl, audience)
        return path

    def print(self, content: Content, expl: Explanation, audience: Audience) -> bool:
        """Print on the printer the person chose (or the kiosk's own); False when there is none."""
        printer = self.ask_printer() if self.ask_printer is not None else None
        if printer is not None:
            from misaid.ui import handout

            handout.print_handout(printer, content, expl, audience)
        self.tell(printer is not None)
        return printer is not None


# --- the desktop: Qt's dialogs ------------------------------------------------------------------------
def desktop_output(parent: QWidget) -> HandoutOutput:
    """Save with a file dialog and print with the print dialog, both over `parent`."""
    return HandoutOutput(lambda: ask_save_path(parent), lambda: ask_printer(parent))


def ask_save_path(parent: QWidget) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, tr("Save as PDF"), tr("misaid-handout.pdf"), tr("PDF files (*.pdf)"))
    return name or None


def ask_printer(parent: QWidget) -> QPrinter | None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from misaid.ui.handout import page_size_for

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size_for())  # the paper the dialog offers first
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


# --- the kiosk: no file dialogs, printing only to the configured printer --------------------------------
def kiosk_output(printer: str | None, tell: Tell) -> HandoutOutput:
    """No saving; Print goes straight to `printer` with no dialog (a patient never meets printer settings)."""
    if not printer:
        return HandoutOutput(None, None, tell)
    return HandoutOutput(None, lambda: kiosk_printer(printer), tell)


def kiosk_printer(name: str) -> QPrinter | None:
    """The kiosk's configured printer, or None when the system does not know it (said to stderr, no answers)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from misaid.ui.handout import page_size_for

    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        print(f"misaid: the kiosk printer '{name}' is not available", file=sys.stderr)
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size_for())
    return printer
