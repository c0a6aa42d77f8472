"""The main window: a mode chooser and the three modes; in the kiosk a KioskController guards it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from misaid.ui import resources
from misaid.ui.i18n import language, set_language, tr
from misaid.ui.patient.welcome import LanguageChoice
from misaid.ui.widgets import label

if TYPE_CHECKING:
    from misaid.core.kiosk import KioskSettings
    from misaid.core.model import Content
    from misaid.ui.kiosk.controller import CalmErrors, KioskController
    from misaid.ui.patient.wizard import Wizard

MODES = ("patient", "clinician", "student")
EXIT_CLOSED_FROM_OUTSIDE = 3  # the kiosk window was closed by something else: exit so a supervisor restarts it


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
            hint.setHeight(max(hint.height(), layout.minimumSize().height()))
        return hint


class ModeChooser(QWidget):
    """First screen without --mode: who is using misaid today? Keys 1, 2 and 3 choose too."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setProperty("audience", "patient")  # big words: anyone may be standing at it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
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
        outer.insertWidget(0, self.language_choice, 0, Qt.AlignmentFlag.AlignRight)

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
        if with_back:
            bar = QHBoxLayout()
            bar.setContentsMargins(12, 8, 12, 0)
            self.back_button = QPushButton()
            self.back_button.setObjectName("link")
            self.back_button.setAutoDefault(False)
            self.back_button.clicked.connect(self.back)
            self.retranslate()
            bar.addWidget(self.back_button)
            bar.addStretch()
            self.layout_.addLayout(bar)
        self.body: QWidget | None = None

    def retranslate(self) -> None:
        """Its own words again, in the language now in use (the body is built again by the window)."""
        if self.back_button is not None:
            self.back_button.setText(tr("\u2190 Back to the start screen"))
            self.back_button.setAccessibleName(tr("Back to the start screen"))

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
        self.forced: str | None = "patient" if kiosk else mode
        # the language set at start (--lang, the kiosk's settings); the next person finds it again
        self.default_language = language()
        self.setObjectName("shell")
        self.setWindowTitle(tr("misaid: surgery through small cuts"))
        self.setWindowIcon(resources.icon("app"))
        self.setMinimumSize(760, 600)
        resources.apply_style(self)

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

        wizard = Wizard(self.content, "patient", parent=page)  # in its page: styled by the window's stylesheet
        wizard.setWindowFlags(Qt.WindowType.Widget)  # a page of this window, not a dialog of its own
        if self.kiosk is not None:
            wizard.lock_down(self.kiosk.settings.printer)
        # Start over means a whole new wizard: nothing of the last person survives in any widget
        wizard.start_over_requested.disconnect(wizard.start_over)
        wizard.start_over_requested.connect(self.reset_session)
        wizard.currentIdChanged.connect(self._patient_moved)
        wizard.language_chosen.connect(self.change_language)
        return wizard

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
        """The person has gone (quiet too long, staff exit, closed from outside): wipe, in the default language."""
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
        # the keyboard starts on the first thing to choose
        if self.chooser is not None and self.stack.currentWidget() is self.chooser:
            self.chooser.focus_first()
        elif self.mode == "patient" and self.wizard is not None:
            self.wizard.welcome.focus_first()
