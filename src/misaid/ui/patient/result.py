"""The result screen as a reusable widget: the explanation's outline, with three approaches side by side."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from misaid.ui import resources
from misaid.ui.i18n import tr
from misaid.ui.widgets import FlowBody, Picture, label

if TYPE_CHECKING:
    from misaid.core.engine import Explanation
    from misaid.core.model import Audience, Content
    from misaid.core.outline import Item, Outline, Route, Section


class ResultView(QScrollArea):
    """Shows one Explanation through its outline: the content's words under the outline's headings."""

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
        # imported on the first result, not before Start is usable: the questions come first
        from misaid.core.outline import build_outline

        outline = build_outline(expl, self.audience, translate=tr, content=self.content)
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 8, 16, 24)
        column.setSpacing(18)

        if outline["urgent"]:
            column.addWidget(self._urgent(outline["urgent"]))
        if self.show_case_code:
            column.addWidget(self._case_code(expl))
        column.addWidget(label(outline.title, "heading"))
        column.addWidget(label(outline.disclaimer, "small"))
        for section in outline.sections:
            if not section or section.id in ("urgent", "questions", "answers", "trace", "sources"):
                continue  # urgent is on top; questions share the surgeon's box; the rest come after "Why"
            if section.id == "approaches":
                column.addLayout(self._routes(section.routes))
            elif section.id == "nonsurgical":
                column.addWidget(self._nonsurgical(section))
            elif section.id == "options":
                column.addWidget(label(section.heading, "heading"))
                column.addLayout(self._options(section))
            elif section.id == "prompt":
                column.addWidget(self._surgeon(section, outline["questions"]))
            else:
                column.addWidget(label(section.heading, "heading"))
                if section.lead:
                    column.addWidget(label(section.lead, "small"))
                self._bullets(column, section.items)

        self.why_button = QPushButton(tr("&Why am I seeing this?"))
        self.why_button.setObjectName("link")
        self.why_button.setCheckable(True)
        self.why_button.setAutoDefault(False)
        self.why_button.setAccessibleName(tr("Why am I seeing this?"))
        column.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.why_panel = self._why(outline)
        self.why_panel.setVisible(False)
        self.why_button.toggled.connect(self.why_panel.setVisible)
        column.addWidget(self.why_panel)

        column.addWidget(label(outline["sources"].heading, "heading"))
        for source in outline["sources"].items:
            column.addWidget(label(f"\u2022 {source.text}", "source", selectable=True))

        footer = label(tr("Content version %1", outline.version), "small")
        column.addWidget(footer)
        column.addWidget(label(outline.disclaimer, "small"))
        column.addStretch()
        self.setWidget(body)

    # --- one builder per section --------------------------------------------------------------
    def _bullets(self, box: QVBoxLayout, items: Iterable[Item]) -> None:
        for item in items:
            box.addWidget(label("\u2022 " + item.text))
            if item.sources:
                box.addWidget(self._source(item))

    def _framed(self, name: str, section: Section, title_style: str) -> tuple[QFrame, QVBoxLayout]:
        """A framed box with its heading and each item followed by its source (urgent notes, the prompt)."""
        frame = QFrame()
        frame.setObjectName(name)
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        box.addWidget(label(section.heading, title_style))
        for item in section.items:
            box.addWidget(label(item.text))
            box.addWidget(self._source(item))
        return frame, box

    def _urgent(self, section: Section) -> QFrame:
        return self._framed("urgent", section, "urgentTitle")[0]

    def _nonsurgical(self, section: Section) -> QFrame:
        """Care without surgery as an option of its own, in a card as wide as the three routes below it."""
        card = QFrame()
        card.setObjectName("card")
        card.setAccessibleName(section.heading)
        box = QVBoxLayout(card)
        box.setContentsMargins(14, 12, 14, 14)
        box.setSpacing(10)
        box.addWidget(label(section.heading, "cardTitle"))
        self._bullets(box, section.items)
        return card

    def _routes(self, routes: tuple[Route, ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(14)
        for route in routes:
            card = QFrame()
            card.setObjectName("card")
            card.setAccessibleName(route.name)
            box = QVBoxLayout(card)
            box.setContentsMargins(14, 12, 14, 14)
            box.setSpacing(10)
            box.addWidget(label(route.name, "cardTitle"))
            fit = label(route.fit_label, "fit")
            fit.setAccessibleName(route.fit_label)
            box.addWidget(fit)
            box.addWidget(Picture(resources.diagram_path(route.diagram),
                                  tr("Picture: %1", route.name), 420))
            self._bullets(box, route.reasons)
            for part in (route.benefits, route.risks):
                if part:  # benefits and risks alike: the same heading style, the same text size
                    box.addWidget(label(part.heading, "partTitle"))
                    self._bullets(box, part.items)
            box.addStretch()
            self.approach_cards[route.id] = card
            row.addWidget(card, 1)
        return row

    def _options(self, section: Section) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(14)
        for index, option in enumerate(section.items):
            card = QFrame()
            card.setObjectName("card")
            card.setAccessibleName(option.name)
            inner = QHBoxLayout(card)
            inner.setContentsMargins(14, 12, 14, 12)
            inner.setSpacing(14)
            size = 72 if self.audience == "patient" else 48
            icon = Picture(resources.icon_path(option.picture), tr("Picture: %1", option.name), size)
            icon.setFixedSize(size, size)
            inner.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            words = QVBoxLayout()
            words.addWidget(label(option.name, "cardTitle"))
            words.addWidget(label(option.text))
            words.addWidget(self._source(option))
            inner.addLayout(words, 1)
            grid.addWidget(card, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _surgeon(self, prompt: Section, questions: Section) -> QFrame:
        """The prompt to see the surgeon (its words from the content) with the questions to take along."""
        surgeon, box = self._framed("surgeon", prompt, "heading")
        box.addWidget(label(questions.heading, "cardTitle"))
        for ask in questions.items:
            box.addWidget(label("\u2022 " + ask.text))
        return surgeon

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
        from misaid.core.casecode import encode, pretty  # only a result needs it

        code = pretty(encode(dict(expl.answers)))
        self.case_code = label(code, "caseCode")  # not selectable: a selection outlives the session (X PRIMARY)
        self.case_code.setAccessibleName(tr("Your case code: %1", " ".join(code.replace("-", ""))))
        box.addWidget(self.case_code, 0, Qt.AlignmentFlag.AlignVCenter)
        frame.setAccessibleName(tr("Your case code"))
        return frame

    def _source(self, item: Item) -> QLabel:
        text = tr("Source: %1", item.cite)
        widget = label(text, "source")
        widget.setAccessibleName(text)
        return widget

    def _why(self, outline: Outline) -> QFrame:
        frame = QFrame()
        frame.setObjectName("why")
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        answers = outline["answers"]
        box.addWidget(label(answers.heading, "cardTitle"))
        for row in answers.items:
            box.addWidget(label(f"{row.name}  \u2192  {row.text}"))
        box.addWidget(label(outline.headings["reasons"], "cardTitle"))
        for route in outline["approaches"].routes:
            box.addWidget(label(f"{route.name}: {route.fit_label}", "small"))
            for reason in route.reasons:
                kind = tr("limit") if reason.limit else tr("suggestion")
                box.addWidget(label(f"    \u2022 {reason.text}  [{tr('rule')} {reason.rule}, {kind}; "
                                    f"{reason.cite}]", "source"))
        trace = outline["trace"]
        box.addWidget(label(trace.heading, "cardTitle"))
        for step in trace.items:
            box.addWidget(label(f"\u2022 {step.text}  [{tr('rule')} {step.rule}]", "source"))  # words hold answers
        box.addWidget(label(outline.policy, "small"))
        return frame

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def shown_fits(self) -> dict[str, str]:
        return {aid: card.findChildren(QLabel, "fit")[0].text() for aid, card in self.approach_cards.items()}

    def texts(self) -> list[str]:
        widget = self.widget()
        return [w.text() for w in widget.findChildren(QLabel)] if widget is not None else []

