"""One place that wires the application: show the welcome screen, load the content, or say calmly what is wrong."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from misaid.ui.i18n import set_language, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from misaid.core.errors import ContentError
    from misaid.core.kiosk import KioskSettings
    from misaid.core.model import Content
    from misaid.ui.shell import Shell


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


class _AfterFirstPaint(QObject):
    """Calls back once the widget has painted: the person sees the app before the content is read.

    `run_now()` calls back at once when that has not happened yet (Start pressed in the first instant).
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.run_now)  # not inside the paint event
        return False

    def run_now(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def content_problem_box(folder: Path, error: ContentError, parent: QWidget | None = None) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # only when something is wrong: its first use costs 2 ms

    box = QMessageBox(QMessageBox.Icon.Warning, tr("misaid cannot start"),
                      tr("The content in %1 has problems, so misaid cannot start. "
                         "Please ask the person who looks after it to run 'misaid check'.", folder),
                      QMessageBox.StandardButton.Close, parent)
    box.setDetailedText("\n".join(str(p) for p in error.problems))
    return box


def load_checked(folder: Path, require_sealed: bool = False) -> Content:
    """The content of `folder`, first compared with its seal when asked; raises ContentError.

    The seal is checked against the real files; the content then comes from the snapshot of those
    very files when there is one, and a full read saves one, so the next start skips YAML and schemas.
    """
    from misaid.core.errors import ContentError
    from misaid.core.loader import folder_problem, load_content

    if require_sealed:
        from misaid.core.seal import seal_problems

        unusable = folder_problem(folder)
        problems = [unusable] if unusable is not None else seal_problems(folder)
        if problems:
            raise ContentError(problems)
    return load_content(folder, remember=True)


def start(rules_folder: str | Path, mode: str | None = None, kiosk: bool = False,
          on_failure: Callable[[], None] | None = None, settings: KioskSettings | None = None,
          calm_errors: bool | None = None, require_sealed: bool = False,
          tell_problem: Callable[[QMessageBox], object] | None = None) -> Shell:
    """Show the first screen now; load the content and build the modes right after it is painted.

    Start works from the first frame: the content is read in the next turn of the event loop, before any
    press is handled, and a press that comes sooner reads it first (`Shell.read_content_now`).
    `tell_problem` shows the content-problem box (tests pass their own instead of a modal dialog).
    """
    from misaid.ui.shell import Shell, fit_to_screen

    folder = Path(rules_folder)
    shell = Shell(None, mode, kiosk, settings, calm_errors)
    # the kiosk's size, or the whole free screen when smaller (a scaled screen: 1280x800 at 200% is 640x400)
    shell.resize(fit_to_screen(QSize(1280, 800), shell))

    def load() -> None:
        from misaid.core.errors import ContentError

        try:
            content = load_checked(folder, require_sealed)
        except ContentError as error:
            if kiosk:
                # patients see a calm notice; the staff and the service log get the cause
                for problem in error.problems:
                    print(problem, file=sys.stderr)
                print("misaid: the kiosk cannot use its content; showing 'out of order'", file=sys.stderr)
                shell.show_out_of_order()
                return
            box = content_problem_box(folder, error, shell)
            if tell_problem is None:
                box.exec()
            else:
                tell_problem(box)
            shell.shut_down()
            if on_failure is not None:
                on_failure()
            return
        except Exception as error:  # a bug while loading: the kiosk must still not offer a dead Start button
            if not kiosk:
                raise
            print(f"misaid: cannot load the content ({type(error).__name__}); showing 'out of order'",
                  file=sys.stderr)
            shell.show_out_of_order()
            return
        shell.attach(content)
        # PySide6 reads the source of each module imported after it that it was not told of (see misaid.ui),
        # for its __feature__ switch, and linecache keeps every line: memory no one reads (a traceback reads its own)
        linecache.clearcache()

    shell.read_content_now = _AfterFirstPaint(shell, load).run_now
    shell.present()
    shell.keep_on_screen()  # its frame is known once shown
    return shell


def run(rules_folder: str | Path, mode: str | None = None, kiosk: bool = False,
        kiosk_config: str | None = None, require_sealed: bool = False, language: str | None = None) -> int:
    """Start the GUI; returns the exit code. Content problems are shown, never a traceback.

    Kiosk settings that cannot be used raise MisaidError (path:line:col problems) before any window opens.
    `language` (--lang) is the first screen's language; without it the kiosk's setting, else English.
    """
    settings = None
    if kiosk:
        from misaid.core.kiosk import load_settings

        settings = load_settings(kiosk_config)
    app = application()
    app.setApplicationName("misaid")
    set_language(language or (settings.language if settings is not None else "en"))
    failed: list[int] = []

    def failure() -> None:
        failed.append(2)
        app.exit(2)

    from misaid.ui.shell import EXIT_CLOSED_FROM_OUTSIDE

    shell = start(rules_folder, mode, kiosk, failure, settings, calm_errors=True, require_sealed=require_sealed)
    shell.closed_from_outside.connect(lambda: app.exit(EXIT_CLOSED_FROM_OUTSIDE))
    code = int(app.exec())
    return failed[0] if failed else code
