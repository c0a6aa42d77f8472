"""The wizard's pages: one per content question, the urgent screen and the result (welcome: welcome.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from misaid.core.journey import Journey
from misaid.core.kinds import UNSURE, kind_of
from misaid.core.model import Audience, Question
from misaid.ui import accessibility
from misaid.ui.i18n import language, tr
from misaid.ui.patient.welcome import BasePage
from misaid.ui.widgets import ChoiceButton, FlowBody, label
from misaid.ui.widgets import heading as heading_label

if TYPE_CHECKING:
    from misaid.ui.patient.result import ResultView

NONE_OF_THESE = ""  # the key of the "None of these" button: nothing chosen, and answered


class QuestionPage(BasePage):
    """One content question. Answers change only through the Journey, and are shown from it; no decisions here."""

    answered = Signal(str)  # question id, after every change of answer

    BUILT_LATER = ("progress", "text", "help_button", "help", "body", "buttons", "number", "skip", "pad")
    progress: QLabel
    text: QLabel
    help_button: QPushButton
    help: QLabel
    body: QWidget  # the answers: a group named by the question, for assistive technology
    buttons: dict[Any, ChoiceButton]
    number: QLineEdit  # a number question's field, its "not sure" button and its keypad
    skip: ChoiceButton
    pad: dict[str, QPushButton]

    def __init__(self, question: Question, journey: Journey, audience: Audience) -> None:
        super().__init__(audience)
        self.question = question
        self.kind = kind_of(question)
        self.journey = journey

    def build(self) -> None:
        question, audience = self.question, self.audience
        self.progress = label("", "progress")
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        self.outer.addLayout(top)
        self.text = label(question.text.get(audience, language()), "questionText")
        self.text.setAccessibleName(question.text.get(audience, language()))
        self.outer.addWidget(self.text)

        help_text = question.help.get(audience, language())
        self.help_button = QPushButton(tr("&What does this mean?"))
        self.help_button.setObjectName("link")
        self.help_button.setCheckable(True)
        self.help_button.setAutoDefault(False)
        self.help_button.setAccessibleName(tr("What does this mean?"))
        self.help = label(help_text, "helpText")
        self.help.setAccessibleName(help_text)
        self.help.setVisible(False)
        self.help_button.toggled.connect(self.help.setVisible)
        top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignRight)
        # only once it is in the page: shown on its own, it would open as a window and take the focus
        self.help_button.setVisible(bool(help_text))
        self.outer.addWidget(self.help)

        body = FlowBody()
        body.setObjectName("page")
        # the answers are a group named by the question: a screen reader says it on entering the group
        accessibility.set_role(body, QAccessible.Role.Grouping, question.text.get(audience, language()))
        self.body = body
        self.buttons = {}
        if self.kind.numeric:
            self._build_number(body)
        else:
            self._build_choices(body)
        # the page scrolls as a whole (BasePage.page_scroll): the question and its answers together
        self.outer.addWidget(body, 1)

    # --- choices --------------------------------------------------------------------
    def _build_choices(self, body: QWidget) -> None:
        q, audience, spoken = self.question, self.audience, language()
        entries: list[tuple[Any, str, str]] = [
            (c.value, c.label.get(audience, spoken), c.help.get(audience, spoken) if c.help else "")
            for c in q.choices if c.value != UNSURE
        ]
        if self.kind.several:
            entries.append((NONE_OF_THESE, tr("None of these"), ""))
        if UNSURE in q.values:
            unsure = q.choice(UNSURE)
            entries.append((UNSURE, unsure.label.get(audience, spoken),
                            unsure.help.get(audience, spoken) if unsure.help else ""))
        else:
            entries.append((None, tr("I'm not sure"), ""))  # the vocabulary has no 'unsure': Journey.unsure
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(12)
        columns = 2 if len(entries) > 5 else 1
        per_column = (len(entries) + columns - 1) // columns
        stacks = [QVBoxLayout() for _ in range(columns)]
        # No QButtonGroup: Qt lets Tab reach only one button of a group, and a patient tabbing through
        # must meet every answer. Which answers exclude each other is handled in _chose.
        for index, (value, words, help_text) in enumerate(entries):
            button = ChoiceButton(words, help_text, q.kind)
            button.clicked.connect(lambda checked, v=value: self._chose(v, checked))
            self.buttons[value] = button
            # fill column by column, each at its natural height, so the reading order matches the Tab order
            stacks[index // per_column].addWidget(button)
        for stack in stacks:
            stack.setSpacing(8)
            stack.addStretch()
            row.addLayout(stack, 1)

    def _chose(self, value: Any, checked: bool) -> None:
        qid = self.question.id
        if value == NONE_OF_THESE:
            if checked:
                self.journey.set(qid, frozenset())
            else:
                self.journey.clear(qid)
        elif value is None:
            if checked or not self.kind.several:
                self.journey.unsure(qid)
            else:
                self.journey.clear(qid)
        else:
            self.journey.toggle(qid, value)
        self.sync()
        self.answered.emit(qid)
        self.completeChanged.emit()

    # --- a number -------------------------------------------------------------------
    def _build_number(self, body: QWidget) -> None:
        q = self.question
        lo, hi = q.minimum if q.minimum is not None else 0, q.maximum if q.maximum is not None else 999
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(16)
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.number.setValidator(QIntValidator(lo, hi, self.number))
        self.number.setMaxLength(len(str(hi)))
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setPlaceholderText(tr("years") if self.audience == "patient" else "")
        self.number.setAccessibleName(self.question.text.get(self.audience, language()))
        self.number.setFixedWidth(260 if self.audience == "patient" else 140)
        self.number.textEdited.connect(self._typed)
        # nothing to select or copy: an X selection of the age would outlive the session (middle-click paste)
        self.number.selectionChanged.connect(self.number.deselect)
        self.number.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        left.addWidget(self.number)
        words = (q.choice(UNSURE).label.get(self.audience, language()) if UNSURE in q.values
                 else tr("I'd rather not say, or I'm not sure") if self.audience == "patient" else tr("Not known"))
        self.skip = ChoiceButton(words, "", "one")
        # one answer on its own that can be taken back: a check box, though it looks like the other answers
        accessibility.set_role(self.skip, QAccessible.Role.CheckBox)
        self.skip.clicked.connect(self._skip)
        self.buttons[None] = self.skip
        left.addWidget(self.skip)
        left.addStretch()

        pad = QGridLayout()
        pad.setSpacing(10)
        self.pad = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "\u232b"]  # a phone's layout
        for index, key in enumerate(keys):
            if not key:
                continue
            button = QPushButton(key)
            button.setObjectName("pad")
            button.setAutoDefault(False)
            # the number field keeps the keyboard; the pad is for touch
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(tr("Delete") if key == "\u232b" else key)
            button.clicked.connect(lambda _=False, k=key: self._pad(k))
            pad.addWidget(button, index // 3, index % 3)
            self.pad[key] = button
        right = QVBoxLayout()
        right.addLayout(pad)
        right.addStretch()
        row.addLayout(left, 1)
        row.addLayout(right)
        row.addStretch(1)

    def _valid_number(self, text: str) -> int | None:
        q = self.question
        if not text.isdigit():
            return None
        value = int(text)
        if (q.minimum is not None and value < q.minimum) or (q.maximum is not None and value > q.maximum):
            return None
        return value

    def _typed(self, text: str) -> None:
        value = self._valid_number(text)
        if value is None:
            self.journey.clear(self.question.id)
        else:
            self.journey.set(self.question.id, value)
        self.sync(keep_text=True)
        self.answered.emit(self.question.id)
        self.completeChanged.emit()

    def _pad(self, key: str) -> None:
        text = self.number.text()
        text = text[:-1] if key == "\u232b" else (text + key if len(text) < self.number.maxLength() else text)
        text = text.lstrip("0") or ("0" if text else "")
        self.number.setText(text)
        self._typed(text)

    def _skip(self, checked: bool) -> None:
        if checked:
            self.number.clear()
            self.journey.unsure(self.question.id)
        else:
            self.journey.clear(self.question.id)
        self.sync()
        self.answered.emit(self.question.id)
        self.completeChanged.emit()

    # --- showing the Journey's state --------------------------------------------------------
    def sync(self, keep_text: bool = False) -> None:
        """Show what the Journey holds (after Back, Start over, or a change elsewhere)."""
        qid = self.question.id
        answered = self.journey.is_answered(qid)
        value = self.journey.value(qid)
        if self.kind.numeric:
            if not keep_text:
                self.number.setText("" if value is None else str(value))
            self.skip.setChecked(answered and value is None)
            return
        unsure = self.journey.is_unsure(qid)
        for key, button in self.buttons.items():
            if key is None:
                on = unsure
            elif key == NONE_OF_THESE:
                on = answered and not value and not unsure
            else:
                on = answered and (key in value if self.kind.several else value == key)
            button.setChecked(on)

    def initializePage(self) -> None:
        self.ensure_built()
        position, total = self.journey.progress(self.question.id)
        self.progress.setText(tr("Question %1 of %2", position, total))
        # what a screen reader says on arriving, with the answer that takes the focus (see focus_first)
        self.arrival = tr("Question %1 of %2: %3", position, total, self.question.text.get(self.audience, language()))
        self.help_button.setChecked(False)
        self.sync()

    def focus_first(self) -> None:
        """Keyboard focus on the chosen answer, else the first one, so Space answers straight away.

        That answer is described first by where the person is and the question ("Question 2 of 7: Where
        ...?"), so a screen reader says both on arriving, not only the answer's words; the others keep
        their own help. The description changes before the focus does: the focus event then carries it.
        """
        target: QWidget
        if self.kind.numeric:
            target = self.number
            placeholder = self.number.placeholderText()
            self.number.setAccessibleDescription("\n".join(p for p in (self.arrival, placeholder) if p))
            self.skip.set_context("")
        else:
            target = next((b for b in self.buttons.values() if b.isChecked()), next(iter(self.buttons.values())))
            for button in self.buttons.values():
                button.set_context(self.arrival if button is target else "")
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def tab_stops(self) -> list[QWidget]:
        """What Tab reaches on the page, in reading order (the wizard's buttons come after)."""
        answers: list[QWidget] = [self.number, self.skip] if self.kind.numeric else list(self.buttons.values())
        return [self.help_button, *answers]

    def isComplete(self) -> bool:
        return self.journey.is_answered(self.question.id)


class UrgentPage(BasePage):
    """Red flags, in plain words, before anything else; the person may then go on."""

    BUILT_LATER = ("frame", "box", "heading", "after")
    frame: QFrame
    box: QVBoxLayout
    heading: QLabel
    after: QLabel

    def __init__(self, journey: Journey, audience: Audience) -> None:
        super().__init__(audience)
        self.journey = journey
        self.texts: list[QLabel] = []

    def build(self) -> None:
        from misaid.core.outline import heading  # with the first red flag, not before Start works

        self.frame = QFrame()
        self.frame.setObjectName("urgent")
        title = heading("urgent", self.audience, tr)
        # an alert, named by its heading and described by the notes; it takes the focus on arriving
        accessibility.set_role(self.frame, QAccessible.Role.AlertMessage, title)
        self.frame.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.box = QVBoxLayout(self.frame)
        self.box.setContentsMargins(24, 20, 24, 20)
        self.box.setSpacing(14)
        self.heading = heading_label(title, "urgentTitle")
        self.outer.addWidget(self.frame)
        self.after = label(tr("When you have read this, you can go on to learn more. "
                              "This does not replace urgent care."))
        self.outer.addWidget(self.after)
        self.outer.addStretch()

    def initializePage(self) -> None:
        self.ensure_built()
        for old in self.texts:
            self.box.removeWidget(old)
            old.deleteLater()
        if self.box.indexOf(self.heading) < 0:
            self.box.addWidget(self.heading)
        self.texts = []
        for urgent in self.journey.urgent():
            text = label(urgent.text.get(self.audience, language()), "")
            text.setAccessibleName(urgent.text.get(self.audience, language()))
            self.box.addWidget(text)
            self.texts.append(text)
        # said with the alert's name when it takes the focus: the notes, then how to go on
        self.frame.setAccessibleDescription("\n".join([*self.shown_texts(), self.after.text()]))

    def focus_first(self) -> None:
        """The warning first: it takes the focus, and a screen reader is sent an alert (Continue is one Tab on)."""
        self.frame.setFocus(Qt.FocusReason.OtherFocusReason)
        accessibility.notify(self.frame, QAccessible.Event.Alert)

    def tab_stops(self) -> list[QWidget]:
        return [self.frame]

    def shown_texts(self) -> list[str]:
        return [t.text() for t in self.texts]


class ResultPage(BasePage):
    """The result: a reusable ResultView plus print and save buttons."""

    def __init__(self, view: ResultView, audience: Audience) -> None:
        super().__init__(audience)
        self.outer.setContentsMargins(8, 4, 8, 4)
        row = QHBoxLayout()
        row.addStretch()
        self.print_button = QPushButton(tr("&Print"))
        self.pdf_button = QPushButton(tr("Save as P&DF"))
        for button, name in ((self.print_button, "print"), (self.pdf_button, "pdf")):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
            from misaid.ui import resources

            button.setIcon(resources.icon(name))
            row.addWidget(button)
        # after printing: where the page is, said plainly (the kiosk prints without a dialog)
        self.print_note = label("", "printNote")
        self.print_note.setVisible(False)
        row.insertWidget(0, self.print_note, 1)
        self.view = view
        self.outer.addLayout(row)
        self.outer.addWidget(self._confirm_bar())
        self.outer.addWidget(view, 1)
        for button in (self.print_button, self.pdf_button, self.confirm_yes, self.confirm_no):
            button.installEventFilter(self)

    def _confirm_bar(self) -> QFrame:
        """Start over asks first, on the page itself (no dialog a kiosk reset could leave behind)."""
        self.confirm = QFrame()
        self.confirm.setObjectName("urgent")
        bar = QHBoxLayout(self.confirm)
        bar.setContentsMargins(16, 10, 16, 10)
        question = label(tr("Start over? Your answers and this result will be cleared from the screen."))
        bar.addWidget(question, 1)
        self.confirm_yes = QPushButton(tr("&Yes, start over"))
        self.confirm_no = QPushButton(tr("&Keep my result"))
        for button in (self.confirm_yes, self.confirm_no):
            button.setAutoDefault(True)
            button.setAccessibleName(button.text().replace("&", ""))
            bar.addWidget(button)
        self.confirm.setAccessibleName(question.text())
        self.confirm_no.clicked.connect(self.keep_result)
        self.confirm.setVisible(False)
        return self.confirm

    def ask_start_over(self) -> None:
        self.confirm.setVisible(True)
        self.confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)  # the safe choice takes a stray Enter

    def keep_result(self) -> None:
        self.confirm.setVisible(False)
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        """Into the result: its first box (what to do now, or the key points), whose heading a reader says.

        Never Start over, where one stray Enter would wipe the result the person came for.
        """
        self.view.focus_start()

    def tab_stops(self) -> list[QWidget]:
        """Reading order: Print and Save (above the result), the Start over question when shown, the result."""
        return [self.print_button, self.pdf_button, self.confirm_yes, self.confirm_no, *self.view.tab_stops()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Home, End and the page keys scroll the result from the buttons above it too (Print, say); caught
        # here, before a scrolling page around them takes the page keys for itself
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.view.scroll_by_key(event)
        return False

    def printed(self, ok: bool = True) -> None:
        text = (tr("Your page is printing. Please take it from the printer.") if ok
                else tr("Sorry, the printer is not working. Please ask at the desk, or write down your case code."))
        self.print_note.setText(text)
        self.print_note.setAccessibleName(text)
        self.print_note.setVisible(True)
        accessibility.announce(self.print_note, text)
