"""The wizard: pages generated from the content's questions; the Journey and the core decide the flow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget, QWizard

from misaid.ui import resources
from misaid.ui.accessibility import tab_chain
from misaid.ui.i18n import tr
from misaid.ui.output import HandoutOutput, desktop_output, kiosk_output
from misaid.ui.patient.welcome import CLINICIAN_MINIMUM, PAGE_MINIMUM, WelcomePage

if TYPE_CHECKING:
    from misaid.core.journey import Journey
    from misaid.core.model import Audience, Content
    from misaid.ui.patient.pages import QuestionPage, ResultPage, UrgentPage
    from misaid.ui.patient.result import ResultView

WELCOME, RESULT, FIRST_QUESTION = 1, 3, 100
# One urgent screen per question: a second red flag later in the journey needs a screen of its own,
# since QWizard never shows a page twice in one pass.
FIRST_URGENT = 1000


def is_urgent(page_id: int) -> bool:
    return page_id >= FIRST_URGENT


class Wizard(QWizard):
    """Welcome, one page per question, the urgent screen when a red flag is answered, and the result.

    Holds no medical logic: `nextId()` asks the Journey (which asks misaid.core) and changes nothing.
    Without content it is a welcome screen only; `attach(content)` adds the rest (see app.start).
    """

    # the buttons under every page, in the order Tab reaches them after the page's own controls
    NAVIGATION = (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                  QWizard.WizardButton.CustomButton1)

    # "Start over" was pressed. Connected to start_over() here; the Shell replaces that with a full wipe.
    start_over_requested = Signal()
    # a language was chosen on the welcome screen; the Shell builds the wizard again in it
    language_chosen = Signal(str)
    # Start was pressed before the content arrived (it is read just after the first paint): read it now
    content_wanted = Signal()

    def __init__(self, content: Content | None = None, audience: Audience = "patient",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            # a page of that window, not a dialog of its own; said first, as new flags re-parent the wizard
            # and so style everything in it again (QDialog's constructor makes any flags a dialog's)
            self.setWindowFlags(Qt.WindowType.Widget)
        self.content: Content | None = None
        self.audience: Audience = audience
        self.setObjectName("wizard")
        self.setProperty("audience", audience)
        self.setWindowTitle(tr("misaid: surgery through small cuts") if audience == "patient" else tr("misaid"))
        if parent is None:  # a window of its own; in the Shell's page, the Shell's icon is the one shown
            self.setWindowIcon(resources.icon("app"))
        # ClassicStyle looks and behaves the same on every platform; the kiosk should not change with the OS
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonLayout([
            QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
        ])
        chrome = ((QWizard.WizardButton.NextButton, tr("&Next")), (QWizard.WizardButton.BackButton, tr("&Back")),
                  (QWizard.WizardButton.CustomButton1, tr("Start &over")))
        for which, text in chrome:
            self.say_on_button(which, text)
        # after the page in reading order too: assistive technology lists a widget's children in the order
        # of its stack, where Qt made the buttons before the pages (Tab order: see _order_tabs)
        for which in self.NAVIGATION:
            self.button(which).raise_()
        # named before the stylesheet goes on (below), so no re-polish is needed
        self.button(QWizard.WizardButton.NextButton).setObjectName("primary")
        self.customButtonClicked.connect(self._custom)
        self.start_over_requested.connect(self.start_over)
        self.kiosk = False
        # the handout is saved and printed through this; the kiosk swaps in its own (no saving, its printer)
        self.output: HandoutOutput = desktop_output(self)

        self.welcome = WelcomePage(audience)
        self.welcome.start.clicked.connect(self._start)
        self.welcome.language_choice.chosen.connect(self.language_chosen)
        self.setPage(WELCOME, self.welcome)
        self.question_pages: dict[str, QuestionPage] = {}
        self.setStartId(WELCOME)
        self.currentIdChanged.connect(self._entered)
        # A fixed minimum of our own: QWizard then stops re-deriving it page by page (it starts from a
        # wrong value when a stylesheet is in use), so the window never jumps; page bodies scroll instead.
        page_w, page_h = PAGE_MINIMUM if audience == "patient" else CLINICIAN_MINIMUM
        self.setMinimumSize(page_w + 40, page_h + 140)
        resources.apply_style(self)
        if content is not None:
            self.attach(content)

    def attach(self, content: Content) -> None:
        """Add a page per question, the urgent screen and the result; then Start is enabled."""
        from misaid.core.journey import Journey
        from misaid.ui.patient.pages import QuestionPage, ResultPage, UrgentPage
        from misaid.ui.patient.result import ResultView

        audience = self.audience
        self.content = content
        self.journey: Journey = Journey(content)
        for index, question in enumerate(content.questions):
            page = QuestionPage(question, self.journey, audience)
            self.question_pages[question.id] = page
            self.setPage(FIRST_QUESTION + index, page)
        self.urgent_pages: dict[int, UrgentPage] = {}
        for index in range(len(content.questions)):
            self.urgent_pages[FIRST_URGENT + index] = UrgentPage(self.journey, audience)
            self.setPage(FIRST_URGENT + index, self.urgent_pages[FIRST_URGENT + index])
        self.result_view: ResultView = ResultView(content, audience)
        self.result_page: ResultPage = ResultPage(self.result_view, audience)
        self.setPage(RESULT, self.result_page)
        self.result_page.pdf_button.clicked.connect(self.save_pdf)
        self.result_page.print_button.clicked.connect(self.print_handout)
        self.result_page.confirm_yes.clicked.connect(self.start_over_requested.emit)
        self._lock_result_page()
        self.welcome.set_content(content)
        if self.isVisible():
            self.welcome.focus_first()

    def _start(self) -> None:
        if self.content is None:
            self.content_wanted.emit()  # attached by the time this returns, unless it cannot be used
        if self.content is not None:
            self.next()

    @property
    def urgent_page(self) -> UrgentPage:
        """The urgent screen shown now, or the last one shown."""
        seen = [i for i in (self.currentId(), *reversed(self.visitedIds())) if is_urgent(i)]
        return self.urgent_pages[seen[0] if seen else FIRST_URGENT]

    # --- flow ---------------------------------------------------------------------------
    def page_id(self, qid: str) -> int:
        assert self.content is not None
        return FIRST_QUESTION + self.content.question_ids.index(qid)

    def question_at(self, page_id: int) -> str | None:
        ids = self.content.question_ids if self.content is not None else ()
        index = page_id - FIRST_QUESTION
        return ids[index] if 0 <= index < len(ids) else None

    def nextId(self) -> int:
        """Pure: where Next leads from the current page, given the answers so far."""
        current = self.currentId()
        if current == RESULT or self.content is None:
            return -1
        if is_urgent(current):
            following = self.journey.next_question(self.question_at(current - FIRST_URGENT + FIRST_QUESTION))
        elif current == WELCOME:
            following = self.journey.next_question(None)
        else:
            qid = self.question_at(current)
            if qid is None:
                return -1
            if self.journey.urgent_raised_by(qid):
                return current - FIRST_QUESTION + FIRST_URGENT
            following = self.journey.next_question(qid)
        return self.page_id(following.id) if following is not None else RESULT

    def _entered(self, page_id: int) -> None:
        on_welcome = page_id == WELCOME
        # the big Start button is the way in, and the result is the end: no idle "Next" there
        self.button(QWizard.WizardButton.NextButton).setVisible(page_id not in (WELCOME, RESULT))
        self.button(QWizard.WizardButton.CustomButton1).setVisible(not on_welcome)
        self.say_on_button(QWizard.WizardButton.NextButton, tr("&Continue") if is_urgent(page_id) else tr("&Next"))
        if page_id == RESULT:
            self.result_view.show_explanation(self.journey.explanation())
            self.result_view.verticalScrollBar().setValue(0)
            self.result_page.confirm.setVisible(False)
        page = self.currentPage()
        self._order_tabs(page)
        if hasattr(page, "focus_first"):
            # focus after the page is shown: a hidden widget cannot take the keyboard
            page.focus_first()

    def say_on_button(self, which: QWizard.WizardButton, text: str) -> None:
        """A button's words, and the same words (without the & of its Alt key) as its accessible name."""
        self.setButtonText(which, text)
        self.button(which).setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))

    def _order_tabs(self, page: QWidget | None) -> None:
        """Tab in reading order: the page's own controls first, then Next, Back and Start over.

        From Start over Tab wraps to the page's first control: the pages not shown and their widgets are
        skipped, so nothing traps the keyboard and nothing hidden takes it.
        """
        stops = getattr(page, "tab_stops", None)
        if callable(stops):
            tab_chain([*stops(), *(self.button(which) for which in self.NAVIGATION)])

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            if self.currentId() == RESULT:
                self.result_page.ask_start_over()  # the result is what the person came for: ask first
            else:
                self.start_over_requested.emit()

    def start_over(self) -> None:
        """Forget every answer and go back to the welcome page."""
        if self.content is not None:
            self.journey.reset()
            self.result_view.clear()
        self.restart()

    # --- kiosk: no file dialogs, printing only to the configured printer --------------------------
    def lock_down(self, printer: str | None) -> None:
        """Kiosk: no "Save as PDF" (no file dialogs); Print goes straight to `printer`, or is hidden without one."""
        self.kiosk = True
        self.output = kiosk_output(printer, lambda printing: self.result_page.printed(printing))
        if not printer:  # do not promise a printout the kiosk cannot give
            self.welcome.intro.setText(tr("A few short questions. There are no wrong answers, and you can go back "
                                          "at any time. At the end you get a short code to show your surgeon."))
        self._lock_result_page()

    def _lock_result_page(self) -> None:
        if not self.kiosk or self.content is None:
            return
        self.result_page.pdf_button.setVisible(self.output.can_save)
        self.result_page.print_button.setVisible(self.output.can_print)

    # --- the handout: only ever written where the person chooses ---------------------------------
    def save_pdf(self) -> Path | None:
        assert self.content is not None
        return self.output.save(self.content, self.journey.explanation(), self.audience)

    def print_handout(self) -> bool:
        assert self.content is not None
        return self.output.print(self.content, self.journey.explanation(), self.audience)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        if not self.updatesEnabled():
            # QWizard hides its contents for a moment while it updates its buttons (after every answer, every
            # typed digit); Qt would then move the focus to the next control outside the wizard (the window's
            # text size buttons), away from the answer being given. Nothing is tabbing now: it stays.
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would close the dialog; at a kiosk that loses the person's place for nothing
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
