"""The welcome page and the page base: importable without misaid.core, so the first screen paints at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget, QWizardPage

from misaid.ui.i18n import LANGUAGES, NAMES, language, tr
from misaid.ui.widgets import ChoiceButton, label

if TYPE_CHECKING:
    from misaid.core.model import Audience, Content

PAGE_MINIMUM = (720, 460)
CLINICIAN_MINIMUM = (600, 380)

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


class BasePage(QWizardPage):
    """A page with a calm white background and a scrolling body, so nothing is clipped on small screens.

    A page may make its widgets later, in `build()`: on its first visit, or when one of the attributes
    named in BUILT_LATER is first read (by the wizard, the kiosk or a test). Building every question's
    page and urgent screen up front was most of the wait between the first screen and a usable Start.
    """

    BUILT_LATER: ClassVar[tuple[str, ...]] = ()

    def __init__(self, audience: Audience) -> None:
        super().__init__()
        self._built = not self.BUILT_LATER
        self.setObjectName("page")
        self.audience = audience
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 0, 24, 4)
        self.outer.setSpacing(8)
        # The same minimum for every page keeps the window's minimum constant between pages: no jumps
        # (and no window-system size hints to send); bodies scroll instead of forcing the window larger.
        self.setMinimumSize(*(PAGE_MINIMUM if audience == "patient" else CLINICIAN_MINIMUM))

    def build(self) -> None:
        """Make the widgets named in BUILT_LATER (called once, by ensure_built)."""

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self.build()

    def __getattr__(self, name: str) -> object:
        # reached only for an attribute that is not there (yet): one of the page's widgets, read before its first visit
        if name in type(self).BUILT_LATER and not self.__dict__.get("_built", True):
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
        self.start.setEnabled(False)  # until the questions are there
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
        # at the top, but made after Start: Tab goes from Start to the languages (the focus chain follows
        # the order widgets join the page)
        self.language_choice = LanguageChoice()
        self.outer.insertWidget(1, self.language_choice, 0, Qt.AlignmentFlag.AlignRight)

    def set_content(self, content: Content) -> None:
        self.note.setText(content.meta.disclaimer.get(self.audience, language()))
        self.start.setEnabled(True)

    def focus_first(self) -> None:
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)


