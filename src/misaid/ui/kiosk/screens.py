"""The kiosk's parts: keys that would leave are ignored, quiet time is counted, the calm screens over the
window (countdown, staff PIN, sorry, out of order). KioskController (kiosk_controller.py) puts them together."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from misaid.core.kiosk import PinLock
from misaid.ui.accessibility import announce
from misaid.ui.i18n import tr
from misaid.ui.widgets import label

SORRY_SECONDS = 30  # the "Sorry" screen steps aside by itself for the next person

# Staff chord: three modifiers and a letter no patient presses by accident.
STAFF_CHORD = QKeySequence("Ctrl+Alt+Shift+X")

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}


def _is_leaving_key(event: QKeyEvent) -> bool:
    key, mods = event.key(), event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    return (
        key == Qt.Key.Key_Escape
        or (alt and key == Qt.Key.Key_F4)
        or (ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W))
        or key in (Qt.Key.Key_Close, Qt.Key.Key_Exit)
    )


def _is_staff_chord(event: QKeyEvent) -> bool:
    combo = event.keyCombination()
    return QKeySequence(combo) == STAFF_CHORD


class KioskGuard(QObject):
    """Application-wide filter: swallows the keys that close or quit, and spots the staff chord."""

    staff_requested = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            if _is_staff_chord(event):
                if event.type() == QEvent.Type.KeyPress:
                    self.staff_requested.emit()
                return True
            if _is_leaving_key(event):
                return True
        return False


class IdleWatcher(QObject):
    """Counts quiet time while a session is open and warns when it has been quiet too long."""

    warn = Signal()  # show the countdown

    def __init__(self, idle_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(idle_seconds * 1000))
        self._timer.timeout.connect(self.warn)
        self.active = False
        self.paused = False  # while the countdown is up, other touches do not count as "still here"

    def start(self) -> None:
        self.active = True
        self.paused = False
        self._timer.start()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()

    def poke(self) -> None:
        """Someone is here: restart the quiet time."""
        if self.active and not self.paused:
            self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS:
            self.poke()
        return False


def fit_card(card: QWidget, room: int, widest: int = 900) -> None:
    """Size a centred card of wrapped words to the room there is, so no line is cut off.

    A layout with an alignment gives its widget the size hint, which for wrapped labels is
    the height at some other width; fixing the width first and asking for the height fixes that.
    """
    width = max(320, min(widest, room - 80))
    card.setFixedWidth(width)
    layout = card.layout()
    if layout is not None:
        card.setFixedHeight(layout.totalHeightForWidth(width))


class Overlay(QFrame):
    """A calm, opaque screen over the whole of its parent with one card in the middle.

    Inside the kiosk window rather than a window of its own: a full-screen, always-on-top window could
    hide a second top-level window. It follows its parent's size while shown.
    """

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("audience", "patient")
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.box = QVBoxLayout(self.card)
        self.box.setContentsMargins(40, 36, 40, 36)
        self.box.setSpacing(24)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.fit()

    def fit(self) -> None:
        fit_card(self.card, self.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget) and self.isVisible():
            self.setGeometry(watched.rect())
            self.fit()
        return False


class Countdown(Overlay):
    """"Are you still there?" with a big button and a visible count of the seconds left."""

    still_here = Signal()
    finished_counting = Signal()

    def __init__(self, seconds: float, parent: QWidget) -> None:
        super().__init__("countdown", parent)
        self.box.setContentsMargins(40, 40, 40, 40)
        self.total = max(1, round(seconds))
        self.left = self.total
        self.message = QLabel()
        self.message.setObjectName("heading")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.message)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(96)
        self.button.clicked.connect(self._stay)
        self.box.addWidget(self.button)
        self._tick = QTimer(self)
        self._tick.setInterval(int(seconds * 1000 / self.total))
        self._tick.timeout.connect(self._count)
        self._show_left()

    def begin(self) -> None:
        # worded now, in the language of the session it interrupts
        self.button.setText(tr("I'm still here"))
        self.button.setAccessibleName(tr("I'm still here"))
        self.left = self.total
        self._show_left()
        # the question comes with the button a screen reader lands on (the count is not repeated every second)
        self.button.setAccessibleDescription(self.message.text())
        self.cover()
        self._tick.start()
        self.button.setFocus()

    def _show_left(self) -> None:
        self.message.setText(
            tr("Are you still there? To keep your answers private, this screen will start over in %n seconds.",
               n=self.left)
        )
        if self.isVisible():
            self.fit()

    def _count(self) -> None:
        self.left -= 1
        self._show_left()
        if self.left <= 0:
            self.stop()
            self.finished_counting.emit()

    def _stay(self) -> None:
        self.stop()
        self.still_here.emit()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()


class SorryScreen(Overlay):
    """After an unexpected error: say sorry, say the answers are gone, offer a fresh start."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("sorry", parent)
        self.title = label("", "welcomeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.title)
        self.words = label("")
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.words)
        self.button = QPushButton()
        self.button.setObjectName("start")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.hide)
        self.box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SORRY_SECONDS * 1000)
        self._timer.timeout.connect(self.hide)

    def cover(self) -> None:
        # worded when shown, in the language the person was using (an error keeps it)
        self.title.setText(tr("Sorry, let's start again"))
        self.words.setText(tr("Something went wrong on our side, not yours. Your answers have been cleared, "
                              "so nobody else will see them."))
        self.button.setText(tr("Start again"))
        self.button.setAccessibleName(tr("Start again"))
        self.button.setAccessibleDescription(f"{self.title.text()}\n{self.words.text()}")  # said with the button
        super().cover()
        self._timer.start()
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)


class OutOfOrder(Overlay):
    """The kiosk cannot use its content: a calm notice for patients, with no button; the cause goes to stderr."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("outOfOrder", parent)
        self.title = label("", "welcomeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.title)
        self.words = label("")
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.words)

    def cover(self) -> None:
        # worded when shown, in the kiosk's language then
        self.title.setText(tr("Out of order"))
        self.words.setText(tr("Sorry, this screen is not working right now. Please tell the staff."))
        super().cover()
        announce(self.words, f"{self.title.text()}. {self.words.text()}")  # nothing here takes the focus


class PinDialog(QDialog):
    """Staff PIN entry; only a hash is compared, and wrong tries count in `lock`, which outlives this dialog."""

    def __init__(self, pin_hash: str, lock: PinLock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Staff exit"))
        self.setModal(True)
        self._hash = pin_hash
        self.lock = lock if lock is not None else PinLock()
        layout = QVBoxLayout(self)
        self.prompt = QLabel(tr("Staff only: enter the PIN to leave kiosk mode."))
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(tr("Staff PIN"))
        self.field.setAccessibleDescription(self.prompt.text())
        self.field.setMinimumHeight(48)
        layout.addWidget(self.field)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self._says_locked = False  # the status line shows the lockout (not a wrong PIN)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_pin)
        buttons.rejected.connect(super().reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self.refresh)
        self.refresh()

    def try_pin(self) -> None:
        entered = self.field.text()
        self.field.clear()
        if self.lock.attempt(entered, self._hash):
            self.accept()
            return
        if not self.lock.locked:
            self.status.setText(tr("That PIN is not right."))
            announce(self.status, self.status.text())
        self.refresh()

    def refresh(self) -> None:
        """Show whether PINs may be tried now; while locked, wait for the lock to end."""
        left = self.lock.seconds_left()
        self.ok_button.setEnabled(left <= 0)
        self.field.setEnabled(left <= 0)
        if left > 0:
            minutes = max(1, round(left / 60))
            self.status.setText(tr("Too many wrong tries. Please wait %n minute(s).", n=minutes))
            self._says_locked = True
            self._unlock_timer.start(int(min(left, 60.0) * 1000) + 50)  # count down the minutes shown
        elif self._says_locked:
            self._says_locked = False
            self.status.setText("")
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)


class StaffExit(Overlay):
    """The staff PIN, inside the kiosk window: a second window could hide behind a full-screen one."""

    def __init__(self, pin_hash: str, lock: PinLock, parent: QWidget) -> None:
        super().__init__("staff", parent)
        self.setProperty("audience", "clinician")
        self.dialog = PinDialog(pin_hash, lock)
        self.dialog.setWindowFlags(Qt.WindowType.Widget)  # a plain child: no window of its own
        self.dialog.setParent(self.card)
        self.box.addWidget(self.dialog)
        self.dialog.rejected.connect(self.hide)

    def cover(self) -> None:
        super().cover()
        self.dialog.show()
        self.dialog.field.setFocus(Qt.FocusReason.OtherFocusReason)


def forget_clipboard(clipboard: QClipboard | None = None) -> None:
    """Empty the clipboard and the X selection (middle-click paste): the next person must not paste these words."""
    board = clipboard if clipboard is not None else QGuiApplication.clipboard()
    board.clear(QClipboard.Mode.Clipboard)
    if board.supportsSelection():  # asking an offscreen or Windows clipboard for it only logs a warning
        board.clear(QClipboard.Mode.Selection)


def install_calm_error_handler(on_error: Callable[[], None]) -> None:
    """Unexpected errors: report where to stderr (never the message, which could hold answers), then reset."""

    def handler(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        frames = traceback.extract_tb(tb)
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))
        print(f"misaid: unexpected {kind.__name__} at {where}; the session was reset", file=sys.stderr)
        on_error()

    sys.excepthook = handler
