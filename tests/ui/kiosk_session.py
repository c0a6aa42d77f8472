"""One whole kiosk session, run as a separate process by test_kiosk_mode.py to watch what reaches the disk.

Answers every question, reaches the result, prints the handout to the configured printer (stood in for
by a PDF drawn into memory), lets the idle countdown wipe the session, then leaves by the staff chord
and PIN. Prints "kiosk session ok" at the end; exits non-zero on any failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for tests.ui.journey_helpers

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from misaid.core import load_content  # noqa: E402
from misaid.core.kiosk import hash_pin, load_settings  # noqa: E402
from misaid.core.paths import rules_dir  # noqa: E402
from misaid.ui import handout, output  # noqa: E402
from misaid.ui.app import application  # noqa: E402
from misaid.ui.shell import Shell  # noqa: E402
from tests.ui.journey_helpers import ANSWER_SETS, wait_for, walk  # noqa: E402

PIN = "2468"
CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def main() -> None:
    app = application()
    content = load_content(rules_dir())
    # the real settings path, from the environment as a kiosk would set it
    os.environ["MISAID_STAFF_PIN_HASH"] = hash_pin(PIN)
    os.environ["MISAID_PRINTER"] = "misaid-test-printer"
    settings = load_settings()
    # shorter than production allows (countdown >= 20 s), so the test does not wait
    settings = type(settings)(settings.pin_hash, 0.3, 0.3, settings.printer)
    printed: list[int] = []

    # no print system here: the named printer is stood in for, and "printing" draws the PDF into memory
    output.kiosk_printer = lambda name: QPrinter()  # type: ignore[assignment]

    def to_memory(printer: Any, content: Any, expl: Any, audience: Any = "patient", today: Any = None) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray())
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        handout.write_handout_pdf(buffer, content, expl, audience, today)
        printed.append(buffer.data().size())

    handout.print_handout = to_memory  # type: ignore[assignment]
    shell = Shell(content, kiosk=True, settings=settings)
    shell.resize(1280, 800)
    shell.present()
    app.processEvents()
    wizard = shell.wizard
    assert wizard is not None
    walk(wizard, ANSWER_SETS["low-back-disc"])
    wizard.result_page.print_button.click()
    assert printed and printed[0] > 10_000, printed
    images = handout.handout_images(content, wizard.journey.explanation(), "patient", 60)  # a preview, in memory
    assert images
    if not wait_for(shell.session_reset):
        sys.exit("timed out waiting for the idle wipe")
    assert shell.wizard is not wizard
    QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
    assert shell.kiosk.staff is not None
    shell.kiosk.staff.dialog.field.setText(PIN)
    shell.kiosk.staff.dialog.try_pin()
    assert not shell.isVisible()
    app.processEvents()
    print("kiosk session ok")


if __name__ == "__main__":
    main()
