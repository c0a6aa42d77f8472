"""Practice mode: a vignette, the student's call on each approach and the options, a score, the explanation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
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
from misaid.core.model import APPROACH_IDS, FITS, Case, Content
from misaid.core.outline import full_references
from misaid.core.practice import Score, Session, score
from misaid.ui.consultation.panel import ClinicianPanel
from misaid.ui.i18n import tr
from misaid.ui.widgets import FlowBody, label


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


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

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        bar = QHBoxLayout()
        self.region_filter = self._filter("region", tr("&Region:"), bar)
        self.condition_filter = self._filter("condition", tr("C&ondition:"), bar)
        bar.addStretch(1)
        self.running = label("", "progress")  # on a line of its own below, so it never wraps or clips
        self.running.setAccessibleName(tr("Running score"))
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

    # --- building ---------------------------------------------------------------------
    def _filter(self, qid: str, caption: str, bar: QHBoxLayout) -> QComboBox:
        question = self.content.question(qid)
        box = QComboBox()
        box.addItem(tr("All"), None)
        for choice in question.choices:
            if choice.value != "unsure":
                box.addItem(choice.label.get("clinician"), choice.value)
        box.setAccessibleName(question.text.get("clinician"))
        box.currentIndexChanged.connect(self.start_session)
        caption_label = QLabel(caption)
        caption_label.setBuddy(box)
        bar.addWidget(caption_label)
        bar.addWidget(box)
        return box

    def _case_page(self) -> QWidget:
        """The case and the student's call side by side, the options, the buttons, then the feedback."""
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setSpacing(10)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self._vignette_card(), 1)
        top.addWidget(self._call_card(), 2)
        column.addLayout(top)
        column.addWidget(label(tr("Which MIS options do the sources bring up here?"), "cardTitle"))
        column.addLayout(self._option_grid())
        column.addLayout(self._button_bar())
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
        scroll.setWidget(body)
        return scroll

    def _vignette_card(self) -> QFrame:
        """The case: its title, the vignette and the answers behind it."""
        card = QFrame()
        card.setObjectName("card")
        box = QVBoxLayout(card)
        self.title = label("", "heading")
        self.vignette = label("", selectable=True)
        self.answers = label("", "small", selectable=True)
        for part in (self.title, self.vignette, self.answers):
            box.addWidget(part)
        box.addStretch()
        return card

    def _call_card(self) -> QFrame:
        """One row per approach: a fit to choose, and after Check the engine's fit beside it."""
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.addWidget(label(tr("Your call: how does each approach fit?"), "cardTitle"), 0, 0, 1, len(FITS) + 1)
        self.fit_groups: dict[str, QButtonGroup] = {}
        self.fit_buttons: dict[str, dict[str, QRadioButton]] = {}
        self.marks: dict[str, QLabel] = {}
        for row, approach_id in enumerate(APPROACH_IDS, start=1):
            name = self.content.approaches[approach_id].name.get("clinician")
            grid.addWidget(QLabel(name), row, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.fit_groups[approach_id] = group
            self.fit_buttons[approach_id] = {}
            for column_index, fit in enumerate(FITS, start=1):
                words = self.content.meta.fit_labels[fit].get("clinician")
                button = QRadioButton(words)
                button.setMinimumHeight(28)  # clinician targets: at least 24 px (WCAG 2.5.8)
                button.setAccessibleName(f"{name}: {words}")
                group.addButton(button)
                self.fit_buttons[approach_id][fit] = button
                grid.addWidget(button, row, column_index)
            group.buttonToggled.connect(self._choices_changed)
            mark = label("", "small")
            self.marks[approach_id] = mark
            grid.addWidget(mark, row, len(FITS) + 1)
        grid.setRowStretch(len(APPROACH_IDS) + 1, 1)  # keep the rows under their heading
        return card

    def _option_grid(self) -> QGridLayout:
        grid = QGridLayout()
        self.option_boxes: dict[str, QCheckBox] = {}
        for index, option in enumerate(self.content.options.values()):
            box = QCheckBox(option.name.get("clinician"))
            box.setMinimumHeight(28)
            box.setAccessibleName(option.name.get("clinician"))
            self.option_boxes[option.id] = box
            grid.addWidget(box, index // 4, index % 4)
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
        """After Check: the score, the options missed or extra, and the case's teaching note."""
        self.feedback = QFrame()
        self.feedback.setObjectName("surgeon")
        box = QVBoxLayout(self.feedback)
        self.score_line = label("", "cardTitle")
        self.option_line = label("", selectable=True)
        self.teaching = label("", selectable=True)
        self.teaching_source = label("", "source", selectable=True)
        for part in (self.score_line, self.option_line, label(tr("Teaching note"), "cardTitle"), self.teaching,
                     self.teaching_source):
            box.addWidget(part)
        return self.feedback

    def _summary_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(label(tr("Session summary"), "heading"))
        self.summary = label("", selectable=True)
        column.addWidget(self.summary)
        row = QHBoxLayout()
        again = QPushButton(tr("Start &again"))
        again.setAccessibleName(tr("Start a new practice session"))
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
        self.title.setText(case.title.get("clinician"))
        self.vignette.setText(case.vignette.get("clinician"))
        rows = [f"{q.text.get('clinician')}: {answer_words(q, case.answers.get(q.id), 'clinician') or '-'}"
                for q in applicable(self.content.questions, case.answers)]
        self.answers.setText("\n".join(rows))
        for approach_id, group in self.fit_groups.items():
            group.setExclusive(False)  # an exclusive group cannot be emptied
            for button in self.fit_buttons[approach_id].values():
                button.setChecked(False)
            group.setExclusive(True)
            self.marks[approach_id].setText("")
        for box in self.option_boxes.values():
            box.setChecked(False)
        self.feedback.hide()
        self.explanation.hide()
        self._set_enabled(True)
        self._show_running()
        self._choices_changed()

    def chosen_fits(self) -> dict[str, str]:
        return {a: fit for a, buttons in self.fit_buttons.items() for fit, b in buttons.items() if b.isChecked()}

    def chosen_options(self) -> set[str]:
        return {oid for oid, box in self.option_boxes.items() if box.isChecked()}

    def _choices_changed(self, *_: object) -> None:
        # a fit for every approach is needed; picking no option is a valid answer
        self.check_button.setEnabled(self.last is None and len(self.chosen_fits()) == len(APPROACH_IDS))

    def _set_enabled(self, on: bool) -> None:
        for buttons in self.fit_buttons.values():
            for button in buttons.values():
                button.setEnabled(on)
        for box in self.option_boxes.values():
            box.setEnabled(on)

    def check(self) -> None:
        if self.case is None or self.last is not None:
            return
        result = score(self.content, self.case, self.chosen_fits(), self.chosen_options())
        self.last = result
        self.session.record(result)
        labels = self.content.meta.fit_labels
        for approach_id, right in result.agreement.items():
            engine = labels[result.engine_fits[approach_id]].get("clinician")
            self.marks[approach_id].setText(("\u2713 " if right else "\u2717 ") + engine)
        self.score_line.setText(
            tr("%1 of 3 approaches agree. Options: precision %2, recall %3.",
               result.fits_right, percent(result.precision), percent(result.recall))
        )
        name = lambda oid: self.content.options[oid].name.get("clinician")  # noqa: E731
        missed = sorted(name(o) for o in result.engine_options - result.chosen_options)
        extra = sorted(name(o) for o in result.chosen_options - result.engine_options if o in self.content.options)
        lines = [tr("Missed: %1", "; ".join(missed)) if missed else tr("No option missed."),
                 tr("Not brought up by the sources: %1", "; ".join(extra)) if extra else ""]
        self.option_line.setText("\n".join(line for line in lines if line))
        self.teaching.setText(self.case.teaching.get("clinician"))
        self.teaching_source.setText(full_references(self.case.sources, self.content.sources))
        self.explanation.show_explanation(result.explanation)
        self.feedback.show()
        self.explanation.show()
        self._set_enabled(False)
        self._choices_changed()
        self._show_running()

    def _show_running(self) -> None:
        done = len(self.session.scores)
        if not done:
            self.running.setText(tr("Case %1 of %2", 1, self.session.total))
            return
        self.running.setText(
            tr("%1 of %2 done · approaches %3/%4 right · options precision %5, recall %6",
               done, self.session.total, self.session.fits_right, 3 * done,
               percent(self.session.mean_precision), percent(self.session.mean_recall))
        )

    def finish(self) -> None:
        """The end-of-session summary (also when the bank is exhausted)."""
        done = len(self.session.scores)
        if done:
            text = tr("You worked through 1 case.") if done == 1 else tr("You worked through %1 cases.", done)
            text += " " + tr("Approaches right: %1 of %2 (%3). MIS options: mean precision %4, mean recall %5.",
                             self.session.fits_right, 3 * done, percent(self.session.fits_right / (3 * done)),
                             percent(self.session.mean_precision), percent(self.session.mean_recall))
        else:
            text = tr("No case was checked in this session.")
        if self.session.next_case() is None:
            text += " " + tr("You have seen every case for these filters.")
        self.summary.setText(text)
        self.export_button.setEnabled(bool(done))
        self.finish_button.setEnabled(False)  # already finished; "Start again" begins a new session
        self.pages.setCurrentIndex(1)

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
