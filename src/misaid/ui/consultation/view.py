"""Consultation mode: every question on one screen, the explanation updating live, case codes, handout."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from misaid.core.answers import Normalised, normalise
from misaid.core.casecode import CodeError, decode, encode, pretty
from misaid.core.engine import Explanation
from misaid.core.errors import AnswersError
from misaid.core.journey import Journey
from misaid.core.kinds import kind_of
from misaid.core.model import Audience, Content, Question
from misaid.core.outline import heading as outline_heading
from misaid.ui import resources
from misaid.ui.accessibility import set_role
from misaid.ui.consultation.panel import ClinicianPanel
from misaid.ui.flow import FlowLayout
from misaid.ui.i18n import language, tr
from misaid.ui.output import HandoutOutput, desktop_output
from misaid.ui.patient.result import ResultView
from misaid.ui.widgets import ChoiceButton, FlowBody, label

CODE_LENGTH = len(encode({}))  # characters in a complete code of the current version



def mnemonics(texts: Sequence[str], taken: Iterable[str] = ()) -> list[str]:
    """Each text with an `&` before a letter no other text uses: a word's first letter if free, else any
    (unaccented letters before accented ones).

    Letters already `taken` (other keys on the same screen) are avoided. A text with no free letter gets none.
    """
    used = {t.lower() for t in taken}
    marked = []
    for text in texts:
        starts = [i for i, c in enumerate(text) if c.isalpha() and (i == 0 or not text[i - 1].isalpha())]
        others = [i for i, c in enumerate(text) if c.isalpha() and i not in starts]
        # letters a keyboard has keys for first: Alt+ó or Alt+ñ is awkward or impossible on many layouts
        order = sorted(starts + others, key=lambda i: not text[i].isascii())
        pick = next((i for i in order if text[i].lower() not in used), None)
        if pick is None:
            marked.append(text.replace("&", "&&"))
            continue
        used.add(text[pick].lower())
        marked.append(text[:pick].replace("&", "&&") + "&" + text[pick:].replace("&", "&&"))
    return marked


def mnemonic_letter(text: str) -> str:
    """The letter after a single `&` (Alt+letter), or ''."""
    index = text.replace("&&", "\0\0").find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""


class CodeLabel(QLabel):
    """"Code for these answers: …", whose width only grows.

    A new code on every answer change would otherwise lay the whole bar out again (Qt skips that for a
    widget of fixed size); it grows, once, when a code needs more room, and follows the text size (A-/A+).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("small")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._size = QSize()  # the fixed size given so far (not width(): a label not yet shown has Qt's default)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit(shrink=False)

    def _fit(self, shrink: bool) -> None:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 2
        height = self.fontMetrics().height() + margins.top() + margins.bottom()
        size = QSize(width if shrink else max(width, self._size.width()), height)
        if size != self._size:
            self._size = size
            self.setFixedSize(size)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit(shrink=True)


class QuestionControl(QWidget):
    """The compact control for one content question: toggle buttons, or a spin box for a number.

    A click or a number changes the answer in the Journey; `show_answer` shows what the Journey holds.
    Keyboard: one Tab stop per question (the chosen answer, else the first); arrow keys move within it
    (and choose, for one-answer questions); Space toggles.
    """

    changed = Signal(str)  # question id

    def __init__(self, question: Question, journey: Journey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.kind = kind_of(question)
        self.journey = journey
        self.columns = 0
        self.buttons: dict[str, ChoiceButton] = {}
        self.spin: QSpinBox | None = None
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        name = question.text.get("clinician", language())
        if self.kind.numeric:
            lo = question.minimum if question.minimum is not None else 0
            hi = question.maximum if question.maximum is not None else 150
            self.spin = QSpinBox()
            self.spin.setRange(lo - 1, hi)  # one below the range stands for "not given"
            self.spin.setSpecialValueText(tr("Not given"))
            self.spin.setValue(lo - 1)
            self.spin.setMinimumHeight(28)
            self.spin.setMinimumWidth(130)
            self.spin.setAccessibleName(name)
            self.spin.setAccessibleDescription(question.help.get("clinician", language()))
            self.spin.valueChanged.connect(self._typed)
            grid.addWidget(self.spin, 0, 0, Qt.AlignmentFlag.AlignLeft)
            return
        # the answers are a group named by the question (a radio group for one answer)
        set_role(self, QAccessible.Role.Grouping, name)
        for choice in question.choices:
            words = choice.label.get("clinician", language())
            button = ChoiceButton(words, "", question.kind)
            button.setAccessibleName(f"{name}: {words}")
            if choice.help is not None:
                button.setToolTip(choice.help.get("clinician", language()))
            button.setMinimumHeight(22)
            # equal columns whatever the words: the column count, not the longest answer, sets the width
            button.setMinimumWidth(60)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            compact = button.layout()
            assert compact is not None
            compact.setContentsMargins(6, 1, 6, 1)
            compact.setSpacing(6)
            button.clicked.connect(lambda _checked, v=choice.value: self._clicked(v))
            button.installEventFilter(self)
            self.buttons[choice.value] = button
        self._regrid(2)
        self.show_answer()

    def _regrid(self, columns: int) -> None:
        """Lay the answers out in `columns` columns, filled row by row (the arrow keys follow the same grid)."""
        if columns == self.columns:
            return
        for index, button in enumerate(self.buttons.values()):
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(max(columns, self.columns)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.buttons:
            # as many columns as the longest answer allows on one line; at least two (long ones wrap)
            # as many columns as most answers allow on one line (the few long ones wrap), at least two:
            # the form, history included, then stays on one screen beside the explanation at 1280 x 800
            widths = sorted(b.fontMetrics().horizontalAdvance(b.words()) for b in self.buttons.values())
            typical = widths[(len(widths) * 2) // 3] + 36
            # two at least, unless one word would not fit in half the width (large text, a narrow window)
            longest_word = max(b.fontMetrics().horizontalAdvance(w) for b in self.buttons.values()
                               for w in b.words().split()) + 36
            least = 2 if 2 * longest_word <= event.size().width() else 1
            fit = max(least, event.size().width() // max(1, typical))
            self._regrid(min(len(self.buttons), fit, 3))

    # --- the answer ------------------------------------------------------------------------------
    def show_answer(self) -> None:
        """Show the Journey's answer without announcing a change (the caller updates once for all questions)."""
        value = self.journey.value(self.question.id)
        if self.spin is not None:
            shown = self.spin.minimum() if value is None else int(value)
            if self.spin.value() != shown:  # setting the same number repaints the box all the same
                self.spin.blockSignals(True)
                self.spin.setValue(shown)
                self.spin.blockSignals(False)
            return
        for v, button in self.buttons.items():
            # `clicked`, which announces a change, is not emitted
            button.setChecked(v in value if self.kind.several else v == value)
        self._fix_tab_stop()

    def focus_target(self) -> QWidget:
        """Where the keyboard lands for this question (the mnemonic's buddy)."""
        if self.spin is not None:
            return self.spin
        checked = [b for b in self.buttons.values() if b.isChecked()]
        buttons = list(self.buttons.values())
        return checked[0] if checked and not self.kind.several else buttons[0]

    # --- behaviour -----------------------------------------------------------------------------
    def _clicked(self, value: str) -> None:
        # a chosen answer to a one-answer question stays chosen when clicked again; "unsure" stands alone
        self.journey.toggle(self.question.id, value)
        self.show_answer()
        self.changed.emit(self.question.id)

    def _typed(self, number: int) -> None:
        assert self.spin is not None
        self.journey.set(self.question.id, None if number < self.spin.minimum() + 1 else number)
        self.changed.emit(self.question.id)

    def _fix_tab_stop(self) -> None:
        stop = self.focus_target()
        for button in self.buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, ChoiceButton):
            assert isinstance(event, QKeyEvent)
            steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -self.columns,
                     Qt.Key.Key_Down: self.columns}
            step = steps.get(Qt.Key(event.key()))
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self._move(watched, step)
                return True
        return False

    def _move(self, current: ChoiceButton, step: int) -> None:
        values = list(self.buttons)
        index = values.index(next(v for v, b in self.buttons.items() if b is current))
        target = min(max(index + step, 0), len(values) - 1)
        if target == index:
            return
        if not self.kind.several:
            # as in a radio group: moving chooses
            self._clicked(values[target])
        self.buttons[values[target]].setFocus(Qt.FocusReason.TabFocusReason)


class ConsultationView(QWidget):
    """One screen for the surgeon: answers on the left, the explanation on the right, updated on every change."""

    def __init__(self, content: Content, output: HandoutOutput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        # saving and printing the handout; by default with the desktop's dialogs
        self.output = output if output is not None else desktop_output(self)
        self.setObjectName("consultation")
        self.setProperty("audience", "clinician")
        self._placed = False
        self.code_problem = False
        self.journey = Journey(content)  # the answers: changed by the controls, shown from here
        self._shown: dict[str, object] = {}  # each question's answer as its control last showed it

        chrome = [tr("Show patient"), tr("Print\u2026"), tr("Save as PDF\u2026"), tr("New consultation"),
                  tr("Case code")]
        names = [q.text.get("clinician", language()) for q in content.questions]
        # questions first (they are used most), around the letters fixed in every language's words: the two
        # tabs, and the patient view's "More details"
        fixed = (tr("E&xplanation"), tr("Sources and rule &trace"),
                 tr("&More details: ways of operating, sources, why am I seeing this"))
        marked = mnemonics(names + chrome, taken="".join(mnemonic_letter(text) for text in fixed))
        question_marks, chrome_marks = marked[: len(names)], marked[len(names):]
        # built in reading order, which is also the keyboard's Tab order
        top = self._build_top_bar(chrome_marks)
        self._build_form(question_marks)
        self._build_explanation()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(top)
        outer.addWidget(self.splitter, 1)
        self._connect_tools()

        resources.apply_style(self)
        self.explanation: Explanation
        self._update()

    # --- building: one method per part of the screen ----------------------------------------------
    def _build_top_bar(self, chrome_marks: list[str]) -> QWidget:
        """Top: the case code box, the code for the answers on screen, and the tools."""
        top = QWidget()
        top.setObjectName("page")
        # wraps onto more rows with large text or in a narrow window, instead of cutting words off
        bar = FlowLayout(spacing=8)
        code_label = QLabel(chrome_marks[4])
        code_label.setObjectName("cardTitle")
        self.code_box = QLineEdit()
        self.code_box.setObjectName("code")
        self.code_box.setPlaceholderText(tr("from the patient's result or handout"))
        self.code_box.setAccessibleName(tr("Case code"))
        self.code_box.setAccessibleDescription(tr("Type a case code to restore its answers"))
        self.code_box.setMinimumHeight(28)
        self.code_box.setMinimumWidth(200)
        self.code_box.setMaximumWidth(320)
        self.code_box.setClearButtonEnabled(True)
        for clear in self.code_box.findChildren(QToolButton):  # Qt's clear button has no name of its own
            clear.setAccessibleName(tr("Clear the case code"))
        code_label.setBuddy(self.code_box)
        bar.addWidget(code_label)
        bar.addWidget(self.code_box, stretch=1)
        self.current_code = CodeLabel()  # its accessible name is its words, code included (_update)
        bar.addWidget(self.current_code)
        bar.addWidget(QWidget(), stretch=1)  # the room left on the row: the tools stay at the right
        self.patient_button = QPushButton(chrome_marks[0])
        self.patient_button.setCheckable(True)
        self.print_button = QPushButton(chrome_marks[1])
        self.pdf_button = QPushButton(chrome_marks[2])
        self.new_button = QPushButton(chrome_marks[3])
        self.new_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText))
        for button, icon in ((self.patient_button, ""), (self.print_button, "print"), (self.pdf_button, "pdf"),
                             (self.new_button, "")):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip("\u2026"))
            if icon:
                button.setIcon(resources.icon(icon))
            bar.addWidget(button)
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(10, 6, 10, 4)
        top_box.setSpacing(2)
        top_box.addLayout(bar)
        self.code_status = label("", "small")  # named by what it says (_say_code)
        self.code_status.setHidden(True)
        top_box.addWidget(self.code_status)
        self.code_box.textEdited.connect(self._code_typed)
        self.code_box.returnPressed.connect(lambda: self.restore_code(self.code_box.text()))
        return top

    def _build_form(self, question_marks: list[str]) -> None:
        """Left: every question, compact, in a scroll area (`form_scroll`)."""
        form = FlowBody()
        form.setObjectName("page")
        # smaller answer buttons than the wizard's: about 30 of them share one screen with the explanation
        form.setProperty("compact", True)  # its sizes and focus ring: assets/style.qss
        column = QVBoxLayout(form)
        column.setContentsMargins(10, 4, 12, 10)
        column.setSpacing(2)
        self.controls: dict[str, QuestionControl] = {}
        self.question_labels: dict[str, QLabel] = {}
        for question, marked_name in zip(self.content.questions, question_marks, strict=True):
            heading = QLabel(marked_name)
            heading.setObjectName("cardTitle")
            heading.setToolTip(question.help.get("clinician", language()))
            control = QuestionControl(question, self.journey)
            heading.setBuddy(control.focus_target())
            control.changed.connect(self._changed)
            column.addSpacing(2)
            if control.kind.numeric:
                row = QHBoxLayout()
                row.addWidget(heading)
                row.addWidget(control, 1)
                column.addLayout(row)
            else:
                column.addWidget(heading)
                column.addWidget(control)
            self.controls[question.id] = control
            self.question_labels[question.id] = heading
        column.addStretch()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_scroll.setAccessibleName(outline_heading("answers", "clinician", tr))
        self.form_scroll.setWidget(form)
        self.form_scroll.setMinimumWidth(360)

    def _build_explanation(self) -> None:
        """Right: the explanation in clinician wording; the patient's wording is built when first shown."""
        self.stack = QStackedWidget()
        self.panel = ClinicianPanel(self.content, part="explanation")
        # the full references and the rule trace one tab away: an answer change lays out only what is shown
        self.references = ClinicianPanel(self.content, part="references")
        self.references.setAccessibleName(tr("Sources and rule trace"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.panel, tr("E&xplanation"))
        self.tabs.addTab(self.references, tr("Sources and rule &trace"))
        self.tabs.currentChanged.connect(lambda _index: self._show_references())
        self.stack.addWidget(self.tabs)
        self.patient_view: ResultView | None = None

    def _connect_tools(self) -> None:
        self.patient_button.toggled.connect(self.show_patient)
        self.print_button.clicked.connect(self.print_handout)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.new_button.clicked.connect(self.new_consultation)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        # only while this mode is on screen: the shell may hold other modes with their own Ctrl+N
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_consultation)
        self.new_shortcut = shortcut

    # --- answers ------------------------------------------------------------------------------
    def set_answers(self, answers: Normalised) -> None:
        """Replace every answer at once (a restored case code) and explain them."""
        self.journey.restore(answers)
        self._update()

    def new_consultation(self) -> None:
        """Forget every answer, the explanation shown and the code typed: the next patient starts blank."""
        self.journey.reset()
        self.code_box.clear()
        self._say_code("")
        self.patient_button.setChecked(False)
        self._update()
        self.panel.verticalScrollBar().setValue(0)
        self.form_scroll.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.controls[self.content.questions[0].id].focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, _qid: str = "") -> None:
        self._say_code("")  # a restored code no longer describes what is on screen once it changes
        self._update()

    def _update(self) -> None:
        asked = {q.id for q in self.journey.asked()}  # the journey cleared answers that no longer apply
        for qid, control in self.controls.items():
            if control.isEnabled() != (qid in asked):
                control.setEnabled(qid in asked)
                self.question_labels[qid].setEnabled(qid in asked)
            value = self.journey.value(qid)
            if self._shown.get(qid, self) != value:  # only what changed: about 30 buttons share the form
                self._shown[qid] = value
                control.show_answer()
            target = control.focus_target()
            if self.question_labels[qid].buddy() is not target:
                # only on a change: setBuddy makes Qt lay out the whole form again
                self.question_labels[qid].setBuddy(target)
        answers = self.journey.answers()
        self.explanation = self.journey.explanation()
        self.panel.show_explanation(self.explanation)
        self._show_references()
        if self.patient_view is not None and self.stack.currentWidget() is self.patient_view:
            self.patient_view.show_explanation(self.explanation)
        code = tr("Code for these answers: %1", pretty(encode(answers)))
        self.current_code.setText(code)
        self.current_code.setAccessibleName(code)

    def _show_references(self) -> None:
        """The reference list and trace follow the answers whenever they are the tab on screen."""
        if self.tabs.currentWidget() is self.references:
            self.references.show_explanation(self.explanation)

    # --- case codes -----------------------------------------------------------------------------
    def restore_code(self, text: str) -> bool:
        """Restore the answers behind a typed case code; a bad code is explained next to the box."""
        try:
            raw = decode(text)
            self.set_answers(normalise(self.content, raw))
        except CodeError as error:
            self._say_code(str(error), problem=True)
            return False
        except AnswersError as error:
            # a code from a vocabulary this content folder does not have
            self._say_code(tr("This code does not fit the content in use: %1",
                              "; ".join(p.message for p in error.problems)), problem=True)
            return False
        self._say_code(tr("\u2713 Answers restored from %1.", pretty(encode(raw))))
        return True

    def _code_typed(self, text: str) -> None:
        typed = "".join(text.split()).replace("-", "")
        if len(typed) >= CODE_LENGTH:
            self.restore_code(text)
        elif typed:
            # no error while the code is still being typed
            self._say_code(tr("%1 of %2 characters", len(typed), CODE_LENGTH))
        else:
            self._say_code("")

    def _say_code(self, message: str, problem: bool = False) -> None:
        self.code_status.setText(message)
        self.code_status.setAccessibleName(message)
        self.code_status.setHidden(not message)
        self.code_problem = problem
        self.code_box.setAccessibleDescription(message or tr("Type a case code to restore its answers"))

    # --- turning the screen to the patient ------------------------------------------------------
    def show_patient(self, on: bool) -> None:
        """Patient wording and large diagrams across the whole width, or back to the consultation."""
        if self.patient_button.isChecked() != on:
            self.patient_button.setChecked(on)  # comes back here through `toggled`
            return
        if on:
            if self.patient_view is None:
                self.patient_view = ResultView(self.content, "patient")
                self.patient_view.setProperty("audience", "patient")
                self.stack.addWidget(self.patient_view)
            self.patient_view.show_explanation(self.explanation)
            self.stack.setCurrentWidget(self.patient_view)
        else:
            self.stack.setCurrentWidget(self.tabs)
        self.form_scroll.setHidden(on)

    @property
    def audience(self) -> Audience:
        return "patient" if self.patient_button.isChecked() else "clinician"

    # --- the handout: only written where the surgeon chooses --------------------------------------
    def save_pdf(self) -> Path | None:
        return self.output.save(self.content, self.explanation, self.audience)

    def print_handout(self) -> bool:
        return self.output.print(self.content, self.explanation, self.audience)

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def shown_texts(self) -> list[str]:
        view = self.stack.currentWidget()
        if view is self.tabs:
            view = self.tabs.currentWidget()
        if isinstance(view, ClinicianPanel):
            return view.texts()
        assert isinstance(view, ResultView)
        return view.texts()

    def mnemonic_widgets(self) -> list[QWidget]:
        """Every label and button on screen that has an Alt+letter."""
        found: list[QWidget] = []
        for widget in self.findChildren(QLabel) + self.findChildren(QAbstractButton):
            if widget.isVisibleTo(self) and mnemonic_letter(widget.text()):
                found.append(widget)
        return found

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            width = max(self.width(), 800)
            # the answers need about 46% at 1280 px (every question but the last on one screen); wider screens
            # give the explanation the rest
            left = min(max(440, width * 46 // 100), 760)
            self.splitter.setSizes([left, width - left])
            self.controls[self.content.questions[0].id].focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
