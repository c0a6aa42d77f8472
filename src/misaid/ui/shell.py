"""The main window: a mode chooser and the three modes; in the kiosk a KioskController guards it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from misaid.ui import resources
from misaid.ui.flow import FlowLayout
from misaid.ui.i18n import language, set_language, tr
from misaid.ui.patient.welcome import LanguageChoice
from misaid.ui.widgets import label

if TYPE_CHECKING:
    from collections.abc import Callable

    from misaid.core.kiosk import KioskSettings
    from misaid.core.model import Content
    from misaid.ui.kiosk.controller import CalmErrors, KioskController
    from misaid.ui.patient.wizard import Wizard

MODES = ("patient", "clinician", "student")
EXIT_CLOSED_FROM_OUTSIDE = 3  # the kiosk window was closed by something else: exit so a supervisor restarts it
# The window's own smallest size, when the screen has room for it; a smaller screen sets the limit instead.
# Every screen's content scrolls or wraps below its usual size, so nothing needs more (tests/ui/test_text_size.py).
SMALLEST = QSize(560, 380)
# keys for the text size, as in a web browser; "Ctrl++" is Ctrl+Shift+= on many keyboards, so both
BIGGER_KEYS = ("Ctrl+=", "Ctrl++")
SMALLER_KEYS = ("Ctrl+-",)
USUAL_SIZE_KEYS = ("Ctrl+0",)
MARKS = {False: "\u2610", True: "\u2611"}  # the contrast toggle's state, as a shape (not colour alone)
CONTRAST_SIGN = "\u25d0"  # a half-dark circle: the contrast toggle's words when a row has no room for them


def fit_to_screen(size: QSize, widget: QWidget | None = None) -> QSize:
    """`size`, made no larger than the available part of the widget's screen (or the primary one)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return size.boundedTo(screen.availableGeometry().size())


def percent_words(scale: float) -> str:
    """"150%" ("150 %" in Spanish). Filled here, not by tr(): its filling loads misaid.core, which the first
    screen must not wait for."""
    return tr("%1%").replace("%1", str(round(scale * 100)))


class DisplayControls(QWidget):
    """A-, the text size, A+ and High contrast: small, on every screen, for the whole window.

    Each screen has its own copy; all of them show and change the one resources.display().
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addStretch(1)  # given more room than it needs, it keeps to the right end
        self.smaller = QPushButton("A\u2212")
        self.size_label = QLabel()
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bigger = QPushButton("A+")
        self.contrast = QPushButton()
        self.contrast.setObjectName("contrast")
        self.contrast.setCheckable(True)
        for button in (self.smaller, self.bigger, self.contrast):
            button.setAutoDefault(False)
        self.smaller.clicked.connect(lambda: resources.display().smaller())
        self.bigger.clicked.connect(lambda: resources.display().bigger())
        self.contrast.clicked.connect(lambda on: resources.display().set_high_contrast(on))
        row.addWidget(self.smaller)
        row.addWidget(self.size_label)
        row.addWidget(self.bigger)
        row.addWidget(self.contrast)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.compact = False
        resources.display().changed.connect(self.show_state)
        self.retranslate()

    def set_compact(self, compact: bool) -> None:
        """The contrast toggle as a sign instead of words (its name and tooltip keep the words): for narrow rows."""
        if compact != self.compact:
            self.compact = compact
            self.show_state()

    def full_width(self) -> int:
        """How wide the controls are with the toggle's words."""
        words = f"{MARKS[True]} {tr('High contrast')}"
        extra = self.contrast.fontMetrics().horizontalAdvance(words) - self.contrast.fontMetrics().horizontalAdvance(
            self.contrast.text())
        return self.sizeHint().width() + max(0, extra)

    def retranslate(self) -> None:
        for button, words, keys in ((self.smaller, tr("Smaller text"), SMALLER_KEYS),
                                    (self.bigger, tr("Larger text"), BIGGER_KEYS)):
            button.setAccessibleName(words)
            shortcut = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{words} ({shortcut})")
        self.contrast.setAccessibleName(tr("High contrast"))
        self.contrast.setToolTip(tr("Black on white, with strong outlines"))
        self.show_state()

    def show_state(self) -> None:
        shown = resources.display()
        size = tr("Text size: %1").replace("%1", percent_words(shown.scale))
        self.size_label.setText(percent_words(shown.scale))
        self.size_label.setAccessibleName(size)
        for button in (self.smaller, self.bigger):
            button.setAccessibleDescription(size)
        self.contrast.setChecked(shown.high_contrast)
        words = CONTRAST_SIGN if self.compact else tr("High contrast")
        self.contrast.setText(f"{MARKS[shown.high_contrast]} {words}")


def _forget_clipboard() -> None:
    from misaid.ui.kiosk.screens import forget_clipboard  # the kiosk's parts load only when needed

    forget_clipboard()


class ModeButton(QPushButton):
    """A big button with a number, a title and one line saying who it is for."""

    def __init__(self, number: int, title: str, line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mode")
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        badge = QLabel(str(number))
        badge.setObjectName("modeNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = label(title, "modeTitle")
        self.line = label(line, "modeLine")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch()
        words.addWidget(self.title)
        words.addWidget(self.line)
        words.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(20)
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        for part in (badge, self.title, self.line):
            # taps on the words must reach the button
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(title)
        self.setAccessibleDescription(line)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        layout = self.layout()
        if layout is not None:
            hint.setHeight(max(hint.height(), layout.sizeHint().height()))
            hint.setWidth(max(hint.width(), layout.sizeHint().width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None:
            # as narrow as its wrapped words allow: large text or a small screen must not widen the chooser
            hint.setWidth(layout.minimumSize().width())
            hint.setHeight(max(hint.height(), layout.minimumSize().height()))
        return hint

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        own = super().minimumSizeHint().height()
        return max(layout.totalHeightForWidth(width), own) if layout is not None else own


class ModeChooser(QWidget):
    """First screen without --mode: who is using misaid today? Keys 1, 2 and 3 choose too."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setProperty("audience", "patient")  # big words: anyone may be standing at it
        frame = QVBoxLayout(self)
        frame.setContentsMargins(12, 8, 12, 0)
        frame.setSpacing(0)
        self.bar = FlowLayout(align=Qt.AlignmentFlag.AlignRight)
        frame.addLayout(self.bar)
        # the rest scrolls: with large text or on a small screen it may not fit, and must not push anything away
        body = QWidget()
        body.setObjectName("page")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frame.addWidget(self.scroll_area, 1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(36, 8, 36, 24)
        outer.setSpacing(16)
        outer.addStretch(2)
        title = label(tr("Welcome to misaid"), "welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        ask = label(tr("Who is using it today?"), "heading")
        ask.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(ask)
        outer.addSpacing(8)
        entries = (
            ("patient", tr("I'm a patient"),
             tr("A few short questions, then what the sources say about surgery through small cuts")),
            ("clinician", tr("Consultation (clinician)"),
             tr("Every question on one screen, with reasons, sources and pictures to show")),
            ("student", tr("Practice cases (student)"),
             tr("Read a case, choose the approach and options, and see how you did")),
        )
        self.buttons: dict[str, ModeButton] = {}
        column = QVBoxLayout()
        column.setSpacing(16)
        for number, (mode, title_text, line) in enumerate(entries, 1):
            button = ModeButton(number, title_text, line)
            button.clicked.connect(lambda _=False, m=mode: self.chosen.emit(m))
            button.setEnabled(False)  # until the content is there
            self.buttons[mode] = button
            column.addWidget(button)
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.click)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 8)
        row.addStretch(1)
        outer.addLayout(row)
        self.note = label(tr("Getting ready\u2026"), "small")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.note)
        outer.addStretch(3)
        # at the top, but after the modes for Tab (the focus chain follows the order widgets join)
        self.language_choice = LanguageChoice()
        self.bar.addWidget(self.language_choice)
        self.display_controls = DisplayControls()
        self.bar.addWidget(self.display_controls)
        self.scroll_area.setWidget(body)

    def set_ready(self, content: Content) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.note.setText(content.meta.disclaimer.get("patient", language()))
        if self.isVisible():
            self.focus_first()

    def focus_first(self) -> None:
        self.buttons["patient"].setFocus(Qt.FocusReason.OtherFocusReason)


class ModePage(QWidget):
    """One mode in the stack: an optional bar with the way back to the chooser, and the mode's own view."""

    back = Signal()

    def __init__(self, mode: str, with_back: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setProperty("audience", "patient" if mode == "patient" else "clinician")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.back_button: QPushButton | None = None
        # one row: the way back on the left, the text size and contrast on the right; two rows when narrow
        bar_widget = QWidget()
        bar_widget.setObjectName("modeBar")
        self.bar = FlowLayout(bar_widget)
        self.bar.setContentsMargins(12, 6, 12, 0)
        if with_back:
            self.back_button = QPushButton()
            self.back_button.setObjectName("link")
            self.back_button.setAutoDefault(False)
            self.back_button.clicked.connect(self.back)
            self.bar.addWidget(self.back_button)
        # the rest of the row, its buttons at the right end
        self.display_controls = DisplayControls()
        self.bar.addWidget(self.display_controls, stretch=1)
        self.retranslate()
        self.layout_.addWidget(bar_widget)
        self.body: QWidget | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar(event.size().width())

    def _fit_bar(self, width: int) -> None:
        """The contrast toggle as a sign when its words would push the controls onto a row of their own."""
        if self.back_button is None:
            return
        margins = self.bar.contentsMargins()
        room = width - margins.left() - margins.right() - self.bar.spacing()
        self.display_controls.set_compact(self.back_button.sizeHint().width() + self.display_controls.full_width()
                                          > room)

    def retranslate(self) -> None:
        """Its own words again, in the language now in use (the body is built again by the window)."""
        if self.back_button is not None:
            self.back_button.setText(tr("\u2190 Back to the start screen"))
            self.back_button.setAccessibleName(tr("Back to the start screen"))
        self.display_controls.retranslate()
        self._fit_bar(self.width())

    def set_body(self, widget: QWidget) -> QWidget | None:
        """Put `widget` in place; returns the widget it replaced (the caller deletes it)."""
        old = self.body
        if old is not None:
            self.layout_.removeWidget(old)
            old.hide()
        self.body = widget
        self.layout_.addWidget(widget, 1)
        if self.isVisible():
            widget.show()
        return old


class Shell(QMainWindow):
    """Mode chooser and modes in one window; in kiosk mode also locked down, wiped when idle, calm on errors.

    `settings` carries the kiosk's PIN hash, idle and countdown times and printer; tests pass short times.
    `kiosk` is the KioskController in kiosk mode, else None; `calm` turns unexpected errors into a wipe.
    """

    session_reset = Signal()  # after every wipe (idle, Start over, error)
    staff_exit = Signal()  # the right PIN was given; the window closes next
    closed_from_outside = Signal()  # a close the staff exit did not ask for; the app exits non-zero

    def __init__(self, content: Content | None = None, mode: str | None = None, kiosk: bool = False,
                 settings: KioskSettings | None = None, calm_errors: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        self.content: Content | None = None
        # reads the content at once when it has not arrived yet (app.start sets it): Start works from the first frame
        self.read_content_now: Callable[[], None] | None = None
        self.forced: str | None = "patient" if kiosk else mode
        # the language set at start (--lang, the kiosk's settings); the next person finds it again
        self.default_language = language()
        self.setObjectName("shell")
        self.setWindowTitle(tr("misaid: surgery through small cuts"))
        self.setWindowIcon(resources.icon("app"))
        self.fit_minimum()
        resources.apply_style(self)
        self._display_keys()

        central = self.central = QWidget()
        central.setObjectName("shellCentral")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        # only when a mode is not forced: a kiosk or `--mode` start never shows it
        self.chooser: ModeChooser | None = None
        if self.forced is None:
            self.chooser = self._new_chooser()
            self.stack.addWidget(self.chooser)
        self.pages: dict[str, ModePage] = {}
        self.wizard: Wizard | None = None

        # the kiosk's parts are imported only when used: every other start shows its first screen sooner
        self.kiosk: KioskController | None = None
        if kiosk:
            from misaid.core.kiosk import KioskSettings
            from misaid.ui.kiosk.controller import KioskController

            self.kiosk = KioskController(self, central, settings or KioskSettings(), self.end_session)
            self.kiosk.staff_exit.connect(self.staff_exit)
            self.kiosk.closed_from_outside.connect(self.closed_from_outside)
        wants_calm = calm_errors if calm_errors is not None else kiosk
        self.calm: CalmErrors | None = None
        if wants_calm:
            from misaid.ui.kiosk.controller import CalmErrors

            self.calm = CalmErrors(central, self._after_error)

        if self.forced is not None:
            self.open_mode(self.forced)
        if content is not None:
            self.attach(content)

    # --- text size and contrast ----------------------------------------------------------------
    def _display_keys(self) -> None:
        shown = resources.display()
        for keys, act in ((BIGGER_KEYS, shown.bigger), (SMALLER_KEYS, shown.smaller),
                          (USUAL_SIZE_KEYS, lambda: shown.set_scale(resources.TEXT_SCALES[0]))):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(act)

    def set_text_scale(self, scale: float) -> None:
        """Text at `scale` (1.0 to 2.0, in the steps of A-/A+) in every window of the app."""
        resources.display().set_scale(scale)

    def set_high_contrast(self, on: bool | None) -> None:
        """The high-contrast theme on or off, or None: as the system says."""
        resources.display().set_high_contrast(on)

    def fit_minimum(self) -> None:
        """The smallest size the window allows: SMALLEST, or the screen's free area when that is smaller."""
        self.setMinimumSize(fit_to_screen(SMALLEST, self))

    # --- content ----------------------------------------------------------------------
    def attach(self, content: Content) -> None:
        """The content is loaded: enable the chooser and fill whatever mode is open."""
        self.content = content
        if self.chooser is not None:
            self.chooser.set_ready(content)
        if self.wizard is not None and self.wizard.content is None:
            self.wizard.attach(content)
        for mode, page in self.pages.items():
            if mode != "patient" and page.body is None:
                self._fill(page)

    # --- modes ------------------------------------------------------------------------
    @property
    def mode(self) -> str | None:
        """The mode on screen, or None on the chooser."""
        page = self.stack.currentWidget()
        return page.mode if isinstance(page, ModePage) else None

    def open_mode(self, mode: str) -> None:
        page = self.pages.get(mode)
        if page is None:
            page = ModePage(mode, with_back=self.forced is None)
            page.back.connect(self.back_to_chooser)
            self.pages[mode] = page
            self.stack.addWidget(page)
            self._fill(page)
        self.stack.setCurrentWidget(page)
        self.setWindowTitle(self._title())
        if mode == "patient" and self.wizard is not None:
            self.wizard.show()
            self.wizard.welcome.focus_first()

    def _fill(self, page: ModePage) -> None:
        if page.mode == "patient":
            self.wizard = self._new_wizard(page)
            page.set_body(self.wizard)
            return
        if self.content is None:
            return  # filled by attach()
        view = self._mode_view(page, self.content)
        page.set_body(view)

    def _mode_view(self, page: ModePage, content: Content) -> QWidget:
        # imported here: each mode loads only when it is opened; made inside its page, so it styles
        # itself with the window's stylesheet rather than a second copy of it
        if page.mode == "clinician":
            from misaid.ui.consultation.view import ConsultationView

            return ConsultationView(content, parent=page)
        from misaid.ui.practice.view import PracticeView

        return PracticeView(content, parent=page)

    def back_to_chooser(self) -> None:
        if self.chooser is None:
            return
        if self.mode == "patient":
            self._wipe_patient()  # the next person at this screen must not find these answers
            _forget_clipboard()
        self.stack.setCurrentWidget(self.chooser)
        self.setWindowTitle(self._title())
        self.chooser.focus_first()

    # --- the patient's session ----------------------------------------------------------
    def _new_wizard(self, page: ModePage) -> Wizard:
        from misaid.ui.patient.wizard import Wizard

        # in its page (so a page of this window, not a dialog): styled by the window's stylesheet
        wizard = Wizard(self.content, "patient", parent=page)
        if self.kiosk is not None:
            wizard.lock_down(self.kiosk.settings.printer)
        # Start over means a whole new wizard: nothing of the last person survives in any widget
        wizard.start_over_requested.disconnect(wizard.start_over)
        wizard.start_over_requested.connect(self.reset_session)
        wizard.currentIdChanged.connect(self._patient_moved)
        wizard.language_chosen.connect(self.change_language)
        wizard.content_wanted.connect(self._content_wanted)
        return wizard

    def _content_wanted(self) -> None:
        if self.content is None and self.read_content_now is not None:
            self.read_content_now()

    def _title(self) -> str:
        """The window's title: where the person is (taskbars and screen readers show it)."""
        mode = self.mode
        if mode == "clinician":
            return tr("misaid: consultation")
        if mode == "student":
            return tr("misaid: practice cases")
        if mode == "patient" and self.wizard is not None:
            from misaid.ui.patient.wizard import RESULT

            if self.wizard.currentId() == RESULT:
                return tr("misaid: what the sources say")
        return tr("misaid: surgery through small cuts")

    def _patient_moved(self, page_id: int) -> None:
        from misaid.ui.patient.wizard import WELCOME

        if self.mode == "patient":
            self.setWindowTitle(self._title())
        if self.kiosk is not None:
            self.kiosk.watch(in_session=page_id != WELCOME and page_id >= 0)

    def _wipe_patient(self) -> None:
        old = self.wizard
        if old is None:
            return
        if old.content is not None:
            old.journey.reset()
            old.result_view.clear()
        old.currentIdChanged.disconnect(self._patient_moved)
        old.language_chosen.disconnect(self.change_language)
        page = self.pages["patient"]
        self.wizard = self._new_wizard(page)
        page.set_body(self.wizard)
        old.deleteLater()

    def reset_session(self) -> None:
        """Forget the session: a fresh wizard, no countdown, no PIN entry; the first screen again."""
        if self.kiosk is not None:
            self.kiosk.session_ended()
        if "patient" in self.pages:
            self._wipe_patient()
        _forget_clipboard()  # a copied or selected age or case code must not be pasted by the next person
        if self.forced is not None:
            self.open_mode(self.forced)
        elif self.mode == "patient":
            self.open_mode("patient")
        self.session_reset.emit()

    def end_session(self) -> None:
        """The person has gone (quiet too long, staff exit, closed from outside): wipe, in the default language,
        at the usual text size and the system's contrast (the next person starts from them)."""
        resources.display().reset()
        if language() != self.default_language:
            set_language(self.default_language)
            self._speak_again()
        self.reset_session()

    # --- language -------------------------------------------------------------------------
    def change_language(self, code: str) -> None:
        """Speak `code` (chosen on the welcome screen): every screen is built again in it.

        Only the welcome screen offers the choice, so no answer is lost; the person's keyboard place is kept
        on the language buttons.
        """
        if code == language():
            return
        set_language(code)
        self._speak_again()
        if "patient" in self.pages:
            self._wipe_patient()
        if self.mode == "patient" and self.wizard is not None:
            self.wizard.show()
            choice = self.wizard.welcome.language_choice.buttons[code]
            choice.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.chooser is not None and self.stack.currentWidget() is self.chooser:
            self.chooser.language_choice.buttons[code].setFocus(Qt.FocusReason.OtherFocusReason)
        self.setWindowTitle(self._title())

    def _speak_again(self) -> None:
        """After a change of language: a new chooser; the other modes are built again when next opened."""
        if self.chooser is not None:
            old = self.chooser
            self.chooser = self._new_chooser()
            self.stack.insertWidget(self.stack.indexOf(old), self.chooser)
            if self.stack.currentWidget() is old:
                self.stack.setCurrentWidget(self.chooser)
            self.stack.removeWidget(old)
            old.deleteLater()
        for mode, page in list(self.pages.items()):
            if mode == "patient":
                page.retranslate()  # its wizard is built again by the caller
                continue
            # nothing of another mode is on screen while the welcome screen or the idle wipe is
            del self.pages[mode]
            self.stack.removeWidget(page)
            page.deleteLater()
        self.setWindowTitle(self._title())

    def _new_chooser(self) -> ModeChooser:
        chooser = ModeChooser()
        chooser.chosen.connect(self.open_mode)
        chooser.language_choice.chosen.connect(self.change_language)
        if self.content is not None:
            chooser.set_ready(self.content)
        return chooser

    def _after_error(self) -> None:
        self.reset_session()
        if self.chooser is not None:
            self.stack.setCurrentWidget(self.chooser)

    def show_out_of_order(self) -> None:
        """The kiosk cannot use its content: a calm notice over everything, and nothing a patient can press."""
        assert self.kiosk is not None, "only the kiosk goes out of order; elsewhere the problem is shown"
        self.stack.setEnabled(False)  # not even the keyboard reaches the Start button underneath
        self.kiosk.show_out_of_order()

    # --- showing and closing ----------------------------------------------------------------
    def present(self) -> None:
        if self.kiosk is not None:
            self.kiosk.present()
        else:
            self.show()

    def keep_on_screen(self) -> None:
        """Once shown: a window whose frame is larger than the screen's free area is made to fit, frame and all."""
        if self.windowState() & (Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized):
            return
        free = self.screen().availableGeometry()
        frame = self.frameGeometry()
        if free.contains(frame):
            return
        extra = frame.size() - self.size()
        self.resize(self.size().boundedTo(free.size() - extra))
        frame = self.frameGeometry()
        self.move(self.pos() + QPoint(min(0, free.right() - frame.right()) + max(0, free.left() - frame.left()),
                                      min(0, free.bottom() - frame.bottom()) + max(0, free.top() - frame.top())))

    def shut_down(self) -> None:
        """Close even in kiosk mode (the content could not be loaded; nothing to protect)."""
        if self.kiosk is not None:
            self.kiosk.let_go()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # a kiosk's close from outside never gets here: its controller turns it into a wipe
        if self.calm is not None:
            self.calm.restore()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_minimum()  # the screen it opened on is known now
        # the keyboard starts on the first thing to choose
        if self.chooser is not None and self.stack.currentWidget() is self.chooser:
            self.chooser.focus_first()
        elif self.mode == "patient" and self.wizard is not None:
            self.wizard.welcome.focus_first()
