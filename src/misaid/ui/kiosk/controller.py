"""What the kiosk does to a window, and calm errors: the window itself only knows its modes and pages.

KioskController locks a window down for patients: leaving keys swallowed, the idle countdown and wipe,
the staff exit by PIN (with a lockout that outlives the PIN screen), the full screen taken back when lost,
a close from outside turned into a wipe, and "out of order". CalmErrors turns an unexpected error into
a wipe and a calm "Sorry" screen (the desktop app uses it too).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from misaid.core.kiosk import KioskSettings, PinLock
from misaid.ui.kiosk.screens import (
    Countdown,
    IdleWatcher,
    KioskGuard,
    OutOfOrder,
    SorryScreen,
    StaffExit,
    install_calm_error_handler,
)

RESTORE_MS = 200  # how soon a lost full-screen state is taken back (not at once: the window system may be mid-change)


class KioskController(QObject):
    """Locks `window` down and guards its session; its calm screens cover `cover` (the window's central widget);
    `reset` wipes the session (a fresh first screen, nothing left).

    The controller calls `reset` when the countdown runs out, before the staff leave and when the window is
    closed from outside; the window calls `session_ended()` when it resets for its own reasons (Start over),
    and `watch()` when the person moves between the first screen and the questions.
    """

    staff_exit = Signal()  # the right PIN was given; the window closes next
    closed_from_outside = Signal()  # a close the staff exit did not ask for; the app exits non-zero

    def __init__(self, window: QWidget, cover: QWidget, settings: KioskSettings, reset: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._cover = cover
        self.settings = settings
        self._reset = reset
        self._leaving = False
        self._presented = False
        # wrong staff PINs count for the whole process, whatever happens to the PIN screen
        self.pin_lock = PinLock()
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        self.countdown = Countdown(settings.countdown_seconds, cover)
        self.out_of_order = OutOfOrder(cover)
        self.staff: StaffExit | None = None
        self.guard = KioskGuard(self)
        self.idle = IdleWatcher(settings.idle_seconds, self)
        self.guard.staff_requested.connect(self._staff_requested)
        self.idle.warn.connect(self._idle_warn)
        self.countdown.still_here.connect(self.idle.start)
        self.countdown.finished_counting.connect(reset)
        app = QCoreApplication.instance()
        if app is not None:
            # application-wide: keys and touches reach whichever child has focus
            app.installEventFilter(self.guard)
            app.installEventFilter(self.idle)
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.setInterval(RESTORE_MS)
        self._restore.timeout.connect(self._take_screen_back)
        window.installEventFilter(self)  # its close, hide, resize and state changes

    def present(self) -> None:
        """Full screen; from now on the kiosk takes the screen back if it loses it."""
        self._presented = True
        self._window.showFullScreen()

    # --- the session ---------------------------------------------------------------------------
    def watch(self, in_session: bool) -> None:
        """Count quiet time while a person is answering; not on the first screen, where there is nothing to wipe."""
        if not in_session:
            self.idle.stop()
        elif not self.idle.active:
            self.idle.start()

    def session_ended(self) -> None:
        """The session was wiped: no countdown, no quiet time counted, no PIN screen left open."""
        self.countdown.stop()
        self.idle.stop()
        if self.staff is not None:
            self.staff.hide()
            self.staff.deleteLater()
            self.staff = None

    def _idle_warn(self) -> None:
        self.idle.paused = True  # only "I'm still here" keeps the session now
        self.countdown.begin()

    def show_out_of_order(self) -> None:
        """The content cannot be used: patients see a calm notice over everything."""
        self.countdown.stop()
        self.idle.stop()
        self.out_of_order.cover()

    # --- staff exit ---------------------------------------------------------------------------
    def _staff_requested(self) -> None:
        if not self.settings.can_exit or self.staff is not None:
            return  # with no PIN configured there is no way out from inside the app
        assert self.settings.pin_hash is not None
        self.staff = StaffExit(self.settings.pin_hash, self.pin_lock, self._cover)
        self.staff.dialog.accepted.connect(self._leave)
        self.staff.dialog.rejected.connect(self._staff_closed)
        self.staff.cover()

    def _staff_closed(self) -> None:
        if self.staff is not None:
            self.staff.deleteLater()
            self.staff = None

    def _leave(self) -> None:
        self.let_go()
        self._reset()
        self.staff_exit.emit()
        self._window.close()

    def let_go(self) -> None:
        """From now on the window may close and lose the screen (staff exit, or nothing to protect)."""
        self._leaving = True

    # --- keeping the screen ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is not self._window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close and not self._leaving:
            # the window manager, xdotool, a stray close(): nothing inside the app asks for this, so the
            # machine is being tampered with or is shutting down; wipe, and let the app exit non-zero so
            # a supervisor (systemd Restart=always) starts a fresh kiosk instead of leaving no window
            event.ignore()
            self._reset()
            self.closed_from_outside.emit()
            return True
        if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Resize) and self._screen_lost():
            self._restore.start()
        return False

    def _screen_lost(self) -> bool:
        """Hidden, minimised, no longer full screen or not covering the screen, without the staff exit."""
        if self._leaving or not self._presented:
            return False
        window = self._window
        state = window.windowState()
        screen = window.screen()
        return (not window.isVisible() or bool(state & Qt.WindowState.WindowMinimized)
                or not state & Qt.WindowState.WindowFullScreen
                or (screen is not None and not window.geometry().contains(screen.geometry())))

    def _take_screen_back(self) -> None:
        if self._screen_lost():
            window = self._window
            screen = window.screen()
            if screen is not None:
                window.setGeometry(screen.geometry())
            window.setWindowState(Qt.WindowState.WindowFullScreen)
            window.showFullScreen()  # on top again too: the window stays on top once shown
            window.activateWindow()


class CalmErrors(QObject):
    """Unexpected errors: one line to stderr (where, never what), `on_error` wipes, then "Sorry" covers `cover`."""

    def __init__(self, cover: QWidget, on_error: Callable[[], None]) -> None:
        super().__init__(cover)
        self.sorry = SorryScreen(cover)
        self._on_error = on_error
        previous = sys.excepthook
        install_calm_error_handler(self._error)
        mine = sys.excepthook

        def restore(*_: object) -> None:
            # only if still ours: a test runner may have put its own hook back meanwhile
            if sys.excepthook is mine:
                sys.excepthook = previous

        self.restore = restore
        cover.destroyed.connect(restore)

    def _error(self) -> None:
        self._on_error()
        self.sorry.cover()
