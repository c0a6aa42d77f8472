"""The result screen as a reusable widget: urgent notes, three approaches side by side, options, sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from misaid.core.answers import applicable
from misaid.core.casecode import encode, pretty
from misaid.core.conditions import All, AnyOf, Condition, InValues, Known, Not
from misaid.core.engine import Explanation
from misaid.core.model import Audience, Content, Source

from . import resources
from .i18n import tr
from .widgets import FlowBody, Picture, label


def cite(sources: Iterable[str], known: Mapping[str, Source]) -> str:
    """Seed documents by title, the literature by short citation."""
    names = []
    for sid in sources:
        source = known.get(sid)
        if source is None:
            names.append(sid)
        else:
            names.append(source.title if source.kind == "seed" else source.short)
    return "; ".join(names)


def full_stop(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def answer_rows(content: Content, expl: Explanation, audience: Audience) -> list[tuple[str, str]]:
    """(question, answer) in the content's words for the questions that were asked."""
    rows = []
    for question in applicable(content.questions, expl.answers):
        value = expl.answers.get(question.id)
        if question.kind == "integer":
            words = str(value) if value is not None else tr("Not given")
        elif question.kind == "one":
            words = question.choice(value).label.get(audience) if value in question.values else tr("I'm not sure")
        elif not value:
            words = tr("None of these")
        else:
            words = "; ".join(question.choice(v).label.get(audience) for v in question.values if v in value)
        rows.append((question.text.get(audience), words))
    return rows


def condition_words(cond: Condition, content: Content, audience: Audience) -> str:
    """A rule's condition in the words of the questions and answers, not the vocabulary's ids."""

    def group(item: Condition) -> str:
        text = condition_words(item, content, audience)
        return f"({text})" if isinstance(item, (All, AnyOf)) and len(item.items) > 1 else text

    if isinstance(cond, All):
        return tr(" and ").join(group(item) for item in cond.items)
    if isinstance(cond, AnyOf):
        return tr(" or ").join(group(item) for item in cond.items)
    if isinstance(cond, Not):
        return tr("not %1").replace("%1", group(cond.item))
    question = content.question(cond.question)
    asked = question.text.get(audience)
    if isinstance(cond, InValues):
        chosen = [c.label.get(audience) for c in question.choices if c.value in cond.values]
        return f"\u201c{asked}\u201d \u2192 " + tr(" or ").join(chosen)
    if isinstance(cond, Known):
        return (tr("\u201c%1\u201d answered") if cond.known else tr("\u201c%1\u201d not answered")).replace("%1", asked)
    low, high = cond.minimum, cond.maximum
    if high is None:
        words = tr("%1 or more").replace("%1", str(low))
    elif low is None:
        words = tr("%1 or less").replace("%1", str(high))
    else:
        words = tr("%1 to %2").replace("%1", str(low)).replace("%2", str(high))
    return f"\u201c{asked}\u201d \u2192 {words}"


class ResultView(QScrollArea):
    """Shows one Explanation; every word comes from the content except the headings (tr)."""

    def __init__(self, content: Content, audience: Audience = "patient", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.audience: Audience = audience
        self.explanation: Explanation | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Your results"))
        self.why_button: QPushButton | None = None
        self.why_panel: QFrame | None = None
        self.approach_cards: dict[str, QFrame] = {}
        # the patient's take-away: a short code holding the answers (never the person)
        self.show_case_code = audience == "patient"
        self.case_code: QLabel | None = None
        self.clear()

    def say(self, text: Any) -> str:
        return str(text.get(self.audience))

    def clear(self) -> None:
        """Drop everything shown (Start over: the next person must not see it)."""
        self.explanation = None
        self.approach_cards = {}
        self.case_code = None
        blank = QWidget()
        blank.setObjectName("resultContent")
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(blank)

    # --- building -------------------------------------------------------------------------
    def show_explanation(self, expl: Explanation) -> None:
        self.clear()
        self.explanation = expl
        patient = self.audience == "patient"
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 8, 16, 24)
        column.setSpacing(18)

        if expl.urgent:
            frame = QFrame()
            frame.setObjectName("urgent")
            box = QVBoxLayout(frame)
            box.setContentsMargins(20, 16, 20, 16)
            box.addWidget(label(tr("Get urgent care now") if patient else tr("Red flags"), "urgentTitle"))
            for urgent in expl.urgent:
                box.addWidget(label(self.say(urgent.text)))
                box.addWidget(self._source(urgent.sources))
            column.addWidget(frame)

        if self.show_case_code:
            column.addWidget(self._case_code(expl))

        column.addWidget(label(tr("What the sources describe for your answers") if patient
                               else tr("What the sources describe for these answers"), "heading"))
        column.addWidget(label(self.say(expl.disclaimer), "small"))

        row = QHBoxLayout()
        row.setSpacing(14)
        for result in expl.approaches:
            card = QFrame()
            card.setObjectName("card")
            card.setAccessibleName(self.say(result.approach.name))
            box = QVBoxLayout(card)
            box.setContentsMargins(14, 12, 14, 14)
            box.setSpacing(10)
            box.addWidget(label(self.say(result.approach.name), "cardTitle"))
            fit = label(self.say(expl.fit_labels[result.fit]), "fit")
            fit.setAccessibleName(self.say(expl.fit_labels[result.fit]))
            box.addWidget(fit)
            picture = Picture(resources.diagram_path(result.approach.diagram),
                              tr("Picture: %1").replace("%1", self.say(result.approach.name)), 420)
            box.addWidget(picture)
            for reason in result.reasons:
                box.addWidget(label("\u2022 " + self.say(reason.text)))
                box.addWidget(self._source(reason.sources))
            box.addStretch()
            self.approach_cards[result.id] = card
            row.addWidget(card, 1)
        column.addLayout(row)

        if expl.mis_options:
            column.addWidget(label(tr("Ways of operating through small cuts that may apply") if patient
                                   else tr("MIS options that apply"), "heading"))
            grid = QGridLayout()
            grid.setSpacing(14)
            for index, option in enumerate(expl.mis_options):
                card = QFrame()
                card.setObjectName("card")
                card.setAccessibleName(self.say(option.name))
                inner = QHBoxLayout(card)
                inner.setContentsMargins(14, 12, 14, 12)
                inner.setSpacing(14)
                size = 72 if patient else 48
                name = tr("Picture: %1").replace("%1", self.say(option.name))
                icon = Picture(resources.icon_path(option.icon), name, size)
                icon.setFixedSize(size, size)
                inner.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
                words = QVBoxLayout()
                words.addWidget(label(self.say(option.name), "cardTitle"))
                words.addWidget(label(self.say(option.summary)))
                words.addWidget(self._source(option.sources))
                inner.addLayout(words, 1)
                grid.addWidget(card, index // 2, index % 2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            column.addLayout(grid)

        if expl.notes:
            column.addWidget(label(tr("Good to know"), "heading"))
            for note in expl.notes:
                column.addWidget(label("\u2022 " + self.say(note.text)))
                column.addWidget(self._source(note.sources))

        surgeon = QFrame()
        surgeon.setObjectName("surgeon")
        box = QVBoxLayout(surgeon)
        box.setContentsMargins(20, 16, 20, 16)
        box.addWidget(label(tr("Talk to your surgeon") if patient else tr("Surgeon"), "heading"))
        box.addWidget(label(self.say(expl.surgeon_prompt.text)))
        box.addWidget(self._source(expl.surgeon_prompt.sources))
        asks = tr("Questions to ask your surgeon") if patient else tr("Questions for the surgeon")
        box.addWidget(label(asks, "cardTitle"))
        self.questions = []
        for ask in expl.questions_for_surgeon:
            item = label("\u2022 " + self.say(ask.text))
            self.questions.append(item)
            box.addWidget(item)
        column.addWidget(surgeon)

        self.why_button = QPushButton(tr("&Why am I seeing this?"))
        self.why_button.setObjectName("link")
        self.why_button.setCheckable(True)
        self.why_button.setAutoDefault(False)
        self.why_button.setAccessibleName(tr("Why am I seeing this?"))
        column.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.why_panel = self._why(expl)
        self.why_panel.setVisible(False)
        self.why_button.toggled.connect(self.why_panel.setVisible)
        column.addWidget(self.why_panel)

        column.addWidget(label(tr("Sources"), "heading"))
        for source in expl.sources:
            entry = f"\u2022 {source.reference}"
            column.addWidget(label(entry, "source", selectable=True))

        footer = label(tr("Content version %1").replace("%1", expl.rules_version), "small")
        column.addWidget(footer)
        column.addWidget(label(self.say(expl.disclaimer), "small"))
        column.addStretch()
        self.setWidget(body)

    def _case_code(self, expl: Explanation) -> QFrame:
        """The case code, big and spaced, with what it is for in plain words."""
        frame = QFrame()
        frame.setObjectName("caseCodeBox")
        box = QHBoxLayout(frame)
        box.setContentsMargins(20, 14, 20, 14)
        box.setSpacing(24)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(label(tr("Your case code"), "cardTitle"))
        words.addWidget(label(tr("Show it to your surgeon. It holds your answers, not your name. "
                                 "You can write it down or take a photo of it.")))
        box.addLayout(words, 1)
        code = pretty(encode(dict(expl.answers)))
        self.case_code = label(code, "caseCode", selectable=True)
        self.case_code.setAccessibleName(tr("Your case code: %1").replace("%1", " ".join(code.replace("-", ""))))
        box.addWidget(self.case_code, 0, Qt.AlignmentFlag.AlignVCenter)
        frame.setAccessibleName(tr("Your case code"))
        return frame

    def _source(self, ids: Iterable[str]) -> QLabel:
        text = tr("Source: %1").replace("%1", cite(ids, self.content.sources))
        widget = label(text, "source")
        widget.setAccessibleName(text)
        return widget

    def _why(self, expl: Explanation) -> QFrame:
        frame = QFrame()
        frame.setObjectName("why")
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        box.addWidget(label(tr("Your answers") if self.audience == "patient" else tr("Answers"), "cardTitle"))
        for question, words in answer_rows(self.content, expl, self.audience):
            box.addWidget(label(f"{question}  \u2192  {words}"))
        box.addWidget(label(tr("What led to each statement"), "cardTitle"))
        for result in expl.approaches:
            box.addWidget(label(f"{self.say(result.approach.name)}: {self.say(expl.fit_labels[result.fit])}", "small"))
            for reason in result.reasons:
                kind = tr("limit") if reason.kind == "cap" else tr("suggestion")
                box.addWidget(label(f"    \u2022 {self.say(reason.text)}  [{tr('rule')} {reason.rule}, {kind}; "
                                    f"{cite(reason.sources, self.content.sources)}]", "source"))
        box.addWidget(label(tr("The rules that applied, and why"), "cardTitle"))
        for firing in expl.fired:
            words = condition_words(firing.when, self.content, self.audience)
            box.addWidget(label(f"\u2022 {words}  [{tr('rule')} {firing.rule}]", "source", selectable=True))
        box.addWidget(label(self.say(self.content.meta.combining_policy), "small"))
        return frame

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def shown_fits(self) -> dict[str, str]:
        return {aid: card.findChildren(QLabel, "fit")[0].text() for aid, card in self.approach_cards.items()}

    def texts(self) -> list[str]:
        widget = self.widget()
        return [w.text() for w in widget.findChildren(QLabel)] if widget is not None else []

