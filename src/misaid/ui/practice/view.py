"""Practice mode: a vignette, four judgements, the procedures, the score, what differs; the explanation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from misaid.core.answers import applicable
from misaid.core.kinds import answer_words
from misaid.core.model import FITS, Case, Content
from misaid.core.outline import full_references
from misaid.core.practice import (
    CARE,
    CARE_CHOICES,
    CARE_URGENT_FIRST,
    CARE_WEIGH,
    JUDGEMENTS,
    Score,
    Session,
    procedures,
    score,
    unjudged,
)
from misaid.ui.consultation.panel import ClinicianPanel
from misaid.ui.flow import FlowLayout, WholeWordsLabel, readable_width
from misaid.ui.i18n import language, tr
from misaid.ui.widgets import FlowBody, label
from misaid.ui.widgets import heading as heading_label

BULLET = "\u2022 "
OPTION_COLUMNS = 3


def percent(value: float) -> str:
    return tr("%1%", f"{value * 100:.0f}")  # "50 %" in Spanish


def care_words(choice: str) -> str:
    """The two answers on care without surgery, in a student's words."""
    return {CARE_WEIGH: tr("A real option to weigh here"), CARE_URGENT_FIRST: tr("Not now: urgent care first")}[choice]


def procedure_words(result: Score) -> str:
    """Precision and recall over the procedures, in the words a student uses."""
    picked, applies, right = len(result.chosen_procedures), len(result.engine_procedures), len(result.procedures_right)
    if not applies:
        return (tr("No procedure applies here, and you picked none.") if not picked else
                tr("No procedure applies here, so none of your picks apply."))
    found = (tr("You found the 1 procedure that applies.") if applies == 1 and right else
             tr("You did not find the 1 procedure that applies.") if applies == 1 else
             tr("You found %1 of the %2 procedures that apply.", right, applies))
    if not picked:
        return tr("You picked no procedure.") + " " + found
    return tr("Of the procedures you picked, %1 of %2 apply.", right, picked) + " " + found


class PracticeView(QWidget):
    """Case vignettes from rules/cases.yaml, scored against the engine, without repeats until the bank is done."""

    def __init__(self, content: Content, parent: QWidget | None = None, seed: int | None = None,
                 ask_csv_path: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.seed = seed
        # where to write the scores; Qt's file dialog unless a caller (a test) gives its own
        self.ask_csv_path = ask_csv_path or self._ask_csv_path
        self.setProperty("audience", "clinician")
        self.setAccessibleName(tr("Practice cases"))
        self.case: Case | None = None
        self.last: Score | None = None
        self.procedure_ids = procedures(content)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        bar = FlowLayout(spacing=8)  # wraps with large text or in a narrow window
        self.region_filter = self._filter("region", tr("&Region:"), bar)
        self.condition_filter = self._filter("condition", tr("C&ondition:"), bar)
        bar.addWidget(QWidget(), stretch=1)  # the room left on the row: Finish stays at the right
        # on a line of its own below, so it never wraps or clips; named by its words, the score (_show_running)
        self.running = label("", "progress")
        self.finish_button = QPushButton(tr("&Finish"))
        self.finish_button.setAccessibleName(tr("Finish and see the summary"))
        self.finish_button.clicked.connect(self.finish)
        bar.addWidget(self.finish_button)
        outer.addLayout(bar)
        outer.addWidget(self.running)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._case_page())
        self.pages.addWidget(self._summary_page())
        self.start_session()

    # --- words ------------------------------------------------------------------------
    def judgement_name(self, judgement: str) -> str:
        """Care without surgery by the name the explanation gives it, else the approach's name."""
        if judgement == CARE:
            return self.content.meta.nonsurgical_name.get("clinician", language())
        return self.content.approaches[judgement].name.get("clinician", language())

    def answer_name(self, judgement: str, answer: str) -> str:
        if judgement == CARE:
            return care_words(answer)
        return self.content.meta.fit_labels[answer].get("clinician", language())

    def option_names(self, ids: frozenset[str]) -> str:
        names = [self.content.options[o].name.get("clinician", language()) for o in self.content.options if o in ids]
        return "; ".join(names)

    # --- building ---------------------------------------------------------------------
    def _filter(self, qid: str, caption: str, bar: FlowLayout) -> QComboBox:
        question = self.content.question(qid)
        box = QComboBox()
        box.addItem(tr("All"), None)
        for choice in question.choices:
            if choice.value != "unsure":
                box.addItem(choice.label.get("clinician", language()), choice.value)
        box.setAccessibleName(question.text.get("clinician", language()))
        box.currentIndexChanged.connect(self.start_session)
        caption_label = QLabel(caption)
        caption_label.setBuddy(box)
        bar.addWidget(caption_label)
        bar.addWidget(box)
        return box

    def _case_page(self) -> QWidget:
        """The case and the student's judgements side by side, the options, the buttons, then the feedback."""
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setSpacing(10)
        # side by side while both fit: the judgements as wide as their rows on one line, the case the rest;
        # the case above them with large text or in a narrow window (never narrower than 30 characters)
        top = FlowLayout(spacing=16, fill_height=True)
        top.addWidget(readable_width(self._vignette_card(), 30), stretch=1)
        top.addWidget(self._call_card())
        column.addLayout(top)
        self.option_boxes: dict[str, QCheckBox] = {}
        column.addWidget(heading_label(tr("Which MIS procedures do the sources bring up here?"), "cardTitle"))
        column.addLayout(self._option_grid(lambda oid: oid in self.procedure_ids))
        column.addWidget(label(tr("Tools and techniques (shown after Check, not scored)"), "small"))
        column.addLayout(self._option_grid(lambda oid: oid not in self.procedure_ids))
        column.addLayout(self._button_bar())
        self.status = label("", selectable=True)  # why Check did not score yet
        self.status.hide()
        column.addWidget(self.status)
        column.addWidget(self._feedback_card())
        self.explanation = ClinicianPanel(self.content)
        # the panel scrolls with the page here instead of in a box of its own
        self.explanation.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.explanation)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        return scroll

    def _vignette_card(self) -> QFrame:
        """The case: its title, the vignette and the answers behind it."""
        card = QFrame()
        card.setObjectName("card")
        box = QVBoxLayout(card)
        self.title = heading_label("", "heading")
        self.vignette = label("", selectable=True)
        self.answers = label("", "small", selectable=True)
        for part in (self.title, self.vignette, self.answers):
            box.addWidget(part)
        box.addStretch()
        return card

    def _call_card(self) -> QFrame:
        """A row per judgement: care without surgery, then each approach; after Check, the sources' answer beside it."""
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.addWidget(heading_label(tr("Your call: care without surgery, and how each approach fits"), "cardTitle"),
                       0, 0, 1, 2)
        grid.setVerticalSpacing(4)
        self.fit_groups: dict[str, QButtonGroup] = {}
        self.fit_buttons: dict[str, dict[str, QRadioButton]] = {}
        self.marks: dict[str, QLabel] = {}
        for index, judgement in enumerate(JUDGEMENTS):
            row = 1 + 2 * index  # the answers, and under them (after Check) what the sources say
            name = self.judgement_name(judgement)
            # wrapped: a longer name (Spanish, a clinician's wording) takes a second line, not the answers' room
            grid.addWidget(WholeWordsLabel(name), row, 0)
            choices = QWidget()
            flow = FlowLayout(choices, spacing=12)  # the answers wrap with large text or in a narrow window
            grid.addWidget(choices, row, 1)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.fit_groups[judgement] = group
            self.fit_buttons[judgement] = {}
            answers = CARE_CHOICES if judgement == CARE else FITS
            for answer in answers:
                words = self.answer_name(judgement, answer)
                button = QRadioButton(words)
                button.setMinimumHeight(28)  # clinician targets: at least 24 px (WCAG 2.5.8)
                button.setAccessibleName(f"{name}: {words}")
                group.addButton(button)
                self.fit_buttons[judgement][answer] = button
                flow.addWidget(button)
            group.buttonToggled.connect(self._choices_changed)
            mark = label("", "small")
            mark.hide()
            self.marks[judgement] = mark
            grid.addWidget(mark, row + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2 * len(JUDGEMENTS) + 1, 1)  # keep the rows under their heading
        return card

    def _option_grid(self, shown: Callable[[str], bool]) -> FlowLayout:
        # equal columns, as many as fit: three at the usual size, fewer with large text or a narrow window
        grid = FlowLayout(spacing=12, uniform=True)
        options = [o for o in self.content.options.values() if shown(o.id)]
        for option in options:
            box = QCheckBox(option.name.get("clinician", language()))
            box.setMinimumHeight(28)
            box.setAccessibleName(option.name.get("clinician", language()))
            self.option_boxes[option.id] = box
            grid.addWidget(box)
        return grid

    def _button_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.check_button = QPushButton(tr("&Check"))
        self.check_button.setObjectName("primary")
        self.check_button.setAccessibleName(tr("Check my answer"))
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton(tr("&Next case"))
        self.next_button.setAccessibleName(tr("Next case"))
        self.next_button.clicked.connect(self.next_case)
        bar.addWidget(self.check_button)
        bar.addWidget(self.next_button)
        bar.addStretch()
        return bar

    def _feedback_card(self) -> QFrame:
        """After Check: the score, what differs from the sources, the tools, and the case's teaching note."""
        self.feedback = QFrame()
        self.feedback.setObjectName("surgeon")
        box = QVBoxLayout(self.feedback)
        self.score_line = heading_label("", "cardTitle")
        self.option_line = label("", selectable=True)
        self.differences = label("", selectable=True)
        self.tools_line = label("", "small", selectable=True)
        self.teaching = label("", selectable=True)
        self.teaching_source = label("", "source", selectable=True)
        for part in (self.score_line, self.option_line, heading_label(tr("What differs from the sources"), "cardTitle"),
                     self.differences, self.tools_line, heading_label(tr("Teaching note"), "cardTitle"), self.teaching,
                     self.teaching_source):
            box.addWidget(part)
        return self.feedback

    def _summary_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(heading_label(tr("Session summary"), "heading"))
        self.summary = label("", selectable=True)
        column.addWidget(self.summary)
        row = QHBoxLayout()
        again = QPushButton(tr("Start &again"))
        again.setAccessibleName(tr("Start again"))  # named as it reads; what it does, in its description
        again.setAccessibleDescription(tr("Start a new practice session"))
        again.clicked.connect(self.start_session)
        self.export_button = QPushButton(tr("&Export scores as CSV…"))
        self.export_button.setAccessibleName(tr("Export scores as CSV"))
        self.export_button.clicked.connect(self.export_csv)
        row.addWidget(again)
        row.addWidget(self.export_button)
        row.addStretch()
        column.addLayout(row)
        column.addStretch()
        return page

    # --- the session ------------------------------------------------------------------
    def start_session(self) -> None:
        self.session = Session(self.content, self.region_filter.currentData(), self.condition_filter.currentData(),
                               self.seed)
        self.next_case()

    def next_case(self) -> None:
        self.case = self.session.next_case()
        self.last = None
        if self.case is None:
            self.finish()
            return
        self.pages.setCurrentIndex(0)
        self.finish_button.setEnabled(True)
        case = self.case
        self.title.setText(case.title.get("clinician", language()))
        self.vignette.setText(case.vignette.get("clinician", language()))
        spoken = language()
        rows = [f"{q.text.get('clinician', spoken)}: "
                f"{answer_words(q, case.answers.get(q.id), 'clinician', spoken) or '-'}"
                for q in applicable(self.content.questions, case.answers)]
        self.answers.setText("\n".join(rows))
        for judgement, group in self.fit_groups.items():
            group.setExclusive(False)  # an exclusive group cannot be emptied
            for button in self.fit_buttons[judgement].values():
                button.setChecked(False)
            group.setExclusive(True)
            self.marks[judgement].setText("")
            self.marks[judgement].hide()
        for box in self.option_boxes.values():
            box.setChecked(False)
        self._say_status("")
        self.feedback.hide()
        self.explanation.hide()
        self._set_enabled(True)
        self._show_running()
        self._choices_changed()

    def chosen_judgements(self) -> dict[str, str]:
        """Care without surgery (CARE) and each approach: the answer chosen, for those judged so far."""
        return {j: answer for j, buttons in self.fit_buttons.items() for answer, b in buttons.items() if b.isChecked()}

    def chosen_options(self) -> set[str]:
        return {oid for oid, box in self.option_boxes.items() if box.isChecked()}

    def _choices_changed(self, *_: object) -> None:
        # Check stays usable until the case is checked: pressed too early, it says what is still to judge
        self.check_button.setEnabled(self.case is not None and self.last is None)
        if self.status.text():  # a "still to judge" message follows the student's progress
            self._say_still_to_judge(announce=False)

    def _set_enabled(self, on: bool) -> None:
        for buttons in self.fit_buttons.values():
            for button in buttons.values():
                button.setEnabled(on)
        for box in self.option_boxes.values():
            box.setEnabled(on)

    @staticmethod
    def _announce(widget: QWidget, text: str, read_out: bool = True) -> None:
        """The text as the widget's accessible name and description, and (read_out) said by a screen reader."""
        widget.setAccessibleName(text)
        widget.setAccessibleDescription(text)
        if read_out and text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))

    def _say_status(self, text: str, announce: bool = True) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._announce(self.status, text, announce)

    def _say_still_to_judge(self, announce: bool = True) -> bool:
        """A calm note on the judgements not made yet; False when all four are made."""
        missing = unjudged(self.chosen_judgements())
        self._say_status(tr("Still to judge: %1. Choose one answer on each of these rows, then press Check.",
                            ", ".join(self.judgement_name(j) for j in missing)) if missing else "", announce)
        return bool(missing)

    def check(self) -> None:
        if self.case is None or self.last is not None:
            return
        if self._say_still_to_judge():
            return
        result = score(self.content, self.case, self.chosen_judgements(), self.chosen_options())
        self.last = result
        self.session.record(result)
        for judgement, right in result.agreement.items():
            words = self.answer_name(judgement, result.expected[judgement])
            self.marks[judgement].setText(tr("\u2713 Agrees with the sources: %1", words) if right else
                                          tr("\u2717 The sources say: %1", words))
            self.marks[judgement].show()
            self.marks[judgement].setAccessibleName(
                tr("%1: agrees with the sources", self.judgement_name(judgement)) if right else
                tr("%1: the sources say %2", self.judgement_name(judgement), words))
        self.score_line.setText(tr("%1 of %2 judgements agree with the sources.", result.judgements_right,
                                   len(JUDGEMENTS)))
        self.option_line.setText(procedure_words(result))
        differences = self.difference_words(result)
        self.differences.setText(differences)
        tools = self.option_names(result.relevant_tools)
        self.tools_line.setText(tr("Also relevant tools (not scored): %1", tools) if tools else "")
        self.tools_line.setVisible(bool(tools))
        self.teaching.setText(self.case.teaching.get("clinician", language()))
        self.teaching_source.setText(full_references(self.case.sources, self.content.sources))
        self.explanation.show_explanation(result.explanation)
        self.feedback.show()
        self.explanation.show()
        self._set_enabled(False)
        self._choices_changed()
        self._show_running()
        # announced: the score, the procedures in words, and what differs
        self._announce(self.differences, "\n".join((self.score_line.text(), self.option_line.text(), differences)))

    def difference_words(self, result: Score) -> str:
        """What still differs from the sources, one sentence a line; a calm line when nothing does."""
        lines = []
        for judgement in result.differing:
            chosen = result.chosen.get(judgement)
            sources = self.answer_name(judgement, result.expected[judgement])
            lines.append(
                tr("%1: you said \u201c%2\u201d; the sources say \u201c%3\u201d.", self.judgement_name(judgement),
                   self.answer_name(judgement, chosen), sources) if chosen else
                tr("%1: not judged; the sources say \u201c%2\u201d.", self.judgement_name(judgement), sources))
        if result.missed_procedures:
            lines.append(tr("Procedures that apply and you missed: %1.", self.option_names(result.missed_procedures)))
        if result.extra_procedures:
            lines.append(tr("Procedures you picked that don't apply here: %1.",
                            self.option_names(result.extra_procedures)))
        if not lines:
            return tr("Nothing: all four judgements and the procedures agree with the sources.")
        return "\n".join(BULLET + line for line in lines)

    def _show_running(self) -> None:
        done = len(self.session.scores)
        if not done:
            words = tr("Case %1 of %2", 1, self.session.total)
        else:
            words = tr("%1 of %2 cases done · %3 of %4 judgements agree · of the procedures you picked, %5 apply · "
                       "you found %6 of the procedures that apply",
                       done, self.session.total, self.session.judgements_right, self.session.judgements_made,
                       percent(self.session.mean_precision), percent(self.session.mean_recall))
        self.running.setText(words)
        self.running.setAccessibleName(words)  # a name of its own would hide the score from a screen reader

    def finish(self) -> None:
        """The end-of-session summary (also when the bank is exhausted)."""
        done = len(self.session.scores)
        if done:
            text = tr("You worked through 1 case.") if done == 1 else tr("You worked through %1 cases.", done)
            made = self.session.judgements_made
            text += " " + tr("Judgements that agree with the sources: %1 of %2 (%3).", self.session.judgements_right,
                             made, percent(self.session.judgements_right / made))
            text += " " + tr("Procedures: on average %1 of those you picked apply, and you found %2 of those that "
                             "apply. Generic tools were not scored.",
                             percent(self.session.mean_precision), percent(self.session.mean_recall))
        else:
            text = tr("No case was checked in this session.")
        if self.session.next_case() is None:
            text += " " + tr("You have seen every case for these filters.")
        self.export_button.setEnabled(bool(done))
        self.finish_button.setEnabled(False)  # already finished; "Start again" begins a new session
        self.pages.setCurrentIndex(1)
        self.summary.setText(text)
        self._announce(self.summary, text)  # named by the numbers, and said: the page changed under the focus

    def _ask_csv_path(self) -> str | None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Export scores"), "misaid-practice-scores.csv",
                                              tr("CSV files (*.csv)"))
        return name or None

    def export_csv(self) -> Path | None:
        """Scores to a CSV file, only when asked; no names and no answers beyond the case ids."""
        name = self.ask_csv_path()
        if not name:
            return None
        path = Path(name)
        path.write_text(self.session.to_csv(), encoding="utf-8")
        return path
