"""The welcome page and the page base: importable without misaid.core, so the first screen paints at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from misaid.ui import resources
from misaid.ui.flow import FlowLayout
from misaid.ui.i18n import LANGUAGES, NAMES, language, tr
from misaid.ui.widgets import ChoiceButton, FlowBody, label

if TYPE_CHECKING:
    from misaid.core.model import Audience, Content

# Small on purpose: a page's content scrolls inside it, so with large text or on a small screen (a 1280x800
# kiosk at 200% is 640x400) the window fits the screen and the Back/Next bar under the page stays in view.
PAGE_MINIMUM = (320, 100)
CLINICIAN_MINIMUM = (320, 100)

# what each language button does, said in that button's own language (a screen reader reads it so)
SWITCH_TO = {"en": "Show misaid in English", "es": "Mostrar misaid en español"}


class LanguageChoice(QWidget):
    """One big button per language, each named in its own language; the language in use is marked.

    Emits `chosen` with another language's code; the window then builds its screens again in it.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.buttons: dict[str, ChoiceButton] = {}
        for code in LANGUAGES:
            button = ChoiceButton(NAMES[code])
            button.setAccessibleDescription(SWITCH_TO[code])
            button.setMinimumWidth(220)
            button.setMinimumHeight(56)  # a kiosk target: at least 48 px
            button.setChecked(code == language())
            button.clicked.connect(lambda _checked=False, c=code: self._clicked(c))
            self.buttons[code] = button
            row.addWidget(button)

    def _clicked(self, code: str) -> None:
        # the mark stays on the language in use until the screens are built again in the new one
        for each, button in self.buttons.items():
            button.setChecked(each == language())
        if code != language():
            self.chosen.emit(code)


class ContrastToggle(ChoiceButton):
    """"High contrast", clearly labelled, on the welcome screen: black on white with strong outlines for every screen.

    Shows and changes resources.display(), as the small toggle beside A-/A+ does; a mark shows it on or off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("High contrast"), "", "many", parent)
        self.setAccessibleDescription(tr("Black on white, with strong outlines"))
        self.setMinimumHeight(56)  # a kiosk target: at least 48 px
        self.setChecked(resources.display().high_contrast)
        self.clicked.connect(lambda on: resources.display().set_high_contrast(on))
        resources.display().changed.connect(self.show_state)

    def sizeHint(self) -> QSize:
        # as wide as its words: it sits in a row with the languages, not across the page
        hint = super().sizeHint()
        layout = self.layout()
        return QSize(layout.sizeHint().width() if layout is not None else hint.width(), hint.height())

    def show_state(self) -> None:
        self.setChecked(resources.display().high_contrast)


BODY = ("page_scroll", "page_body", "outer")  # made with a page's other widgets when it is built later


class BasePage(QWizardPage):
    """A page with a calm white background and a scrolling body, so nothing is clipped on small screens.

    `outer` is the layout of the body, inside `page_scroll`: whatever a page puts there scrolls when the
    text is large or the window small, and never pushes the wizard's buttons out of the window.

    A page may make its widgets later, in `build()`, its scrolling body with them: on its first visit, or when
    one of the attributes named in BUILT_LATER (or BODY) is first read (by the wizard, the kiosk or a test).
    Building every question's page and urgent screen up front was most of the wait between the first screen
    and a usable Start.
    """

    BUILT_LATER: ClassVar[tuple[str, ...]] = ()

    def __init__(self, audience: Audience) -> None:
        super().__init__()
        self._built = not self.BUILT_LATER
        self.setObjectName("page")
        self.audience = audience
        # The same minimum for every page keeps the window's minimum constant between pages: no jumps
        # (and no window-system size hints to send); bodies scroll instead of forcing the window larger.
        self.setMinimumSize(*(PAGE_MINIMUM if audience == "patient" else CLINICIAN_MINIMUM))
        if self._built:
            self._make_body()

    def _make_body(self) -> None:
        """The scrolling body; a page built later makes it with its widgets (unvisited pages then cost little)."""
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        # a body whose height follows its width: wrapped words take the rows they need at the real width
        self.page_body = FlowBody()
        self.page_body.setObjectName("page")
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop that does nothing visible confuses
        self.page_scroll.setWidget(self.page_body)
        frame.addWidget(self.page_scroll)
        self.outer = QVBoxLayout(self.page_body)
        self.outer.setContentsMargins(24, 0, 24, 4)
        # what takes the keyboard is scrolled into view, also when the page gives it (Start, the first answer)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focus)
        self.outer.setSpacing(8)

    def _show_focus(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None or not now.isVisible() or not self.page_body.isAncestorOf(now):
            return
        # inside a scroll area of its own (the result's sections), that area scrolls to it; this page shows the area
        target, parent = now, now.parentWidget()
        while parent is not None and parent is not self.page_body:
            if isinstance(parent, QAbstractScrollArea):
                target = parent
            parent = parent.parentWidget()
        self.page_scroll.ensureWidgetVisible(target, 8, 8)

    def build(self) -> None:
        """Make the widgets named in BUILT_LATER (called once, by ensure_built)."""

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self._make_body()
            self.build()

    def __getattr__(self, name: str) -> object:
        # reached only for an attribute that is not there (yet): one of the page's widgets, read before its first visit
        if name in (*type(self).BUILT_LATER, *BODY) and not self.__dict__.get("_built", True):
            self.ensure_built()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def cleanupPage(self) -> None:
        # Going Back keeps the answer on screen; the Journey clears answers that stop applying.
        pass


class WelcomePage(BasePage):
    """The first screen, shown before the content is even loaded: the app answers the touch at once."""

    def __init__(self, audience: Audience) -> None:
        super().__init__(audience)
        self.outer.addSpacing(16)
        self.outer.addStretch(2)
        title = label(tr("Surgery through small cuts: what might apply to you?") if audience == "patient"
                      else tr("MIS approach and options: what the sources describe"), "welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(title)
        intro = label(tr("A few short questions. There are no wrong answers, and you can go back at any time. "
                         "At the end you can print a page to show your surgeon."), "")
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = intro
        self.outer.addWidget(intro)
        self.start = QPushButton(tr("&Start"))
        self.start.setObjectName("start")
        self.start.setAccessibleName(tr("Start"))
        # Enter (or a switch that sends it) presses Start while it has the focus, as on any dialog button
        self.start.setAutoDefault(True)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.start)
        row.addStretch()
        self.outer.addSpacing(12)
        self.outer.addLayout(row)
        self.outer.addSpacing(12)
        self.note = label("", "small")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.note)
        self.outer.addStretch(3)
        # at the top, but made after Start: Tab goes from Start to the languages and the contrast (the focus
        # chain follows the order widgets join the page); on two rows when the window is narrow
        top = QWidget()
        row_of_choices = FlowLayout(top, spacing=12, align=Qt.AlignmentFlag.AlignRight)
        row_of_choices.setContentsMargins(0, 0, 0, 0)
        self.language_choice = LanguageChoice()
        row_of_choices.addWidget(self.language_choice)
        self.contrast_toggle = ContrastToggle()
        row_of_choices.addWidget(self.contrast_toggle)
        self.outer.insertWidget(1, top)

    def set_content(self, content: Content) -> None:
        self.note.setText(content.meta.disclaimer.get(self.audience, language()))

    def focus_first(self) -> None:
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)


