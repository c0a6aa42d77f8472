"""The result screen as a reusable widget: the explanation's outline, with three approaches side by side."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAccessible, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from misaid.ui import resources
from misaid.ui.accessibility import set_role, tab_chain
from misaid.ui.flow import FlowLayout, WrappingButton
from misaid.ui.i18n import content_version, language, tr
from misaid.ui.widgets import FlowBody, Picture, label
from misaid.ui.widgets import heading as heading_label

if TYPE_CHECKING:
    from misaid.core.engine import Explanation
    from misaid.core.model import Audience, Content
    from misaid.core.outline import Item, Outline, Route, Section


# A shape scale beside each fit, so fits differ by more than colour or border (the words come first for a reader)
FIT_MARKS = {"typical": "\u25cf\u25cf\u25cf", "possible": "\u25cf\u25cf\u25cb", "unlikely": "\u25cf\u25cb\u25cb",
             "unknown": "?"}
# the keys that scroll the result wherever the keyboard is in it
SCROLL_KEYS = (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
REVEAL_MARGIN = 16  # pixels kept above (or below) a section scrolled into view


def said(*parts: str) -> str:
    """Words for assistive technology, one part a line, empty parts left out."""
    return "\n".join(part for part in parts if part)


class ResultView(QScrollArea):
    """Shows one Explanation through its outline: the content's words under the outline's headings."""

    def __init__(self, content: Content, audience: Audience = "patient", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here, in Python: the first look at the one Qt makes (viewport(), to fit the columns)
        # has PySide load every widget class it has not loaded yet to learn which it is (8 ms, 2 MB).
        self._viewport = QWidget()
        self.setViewport(self._viewport)
        self.content = content
        self.audience: Audience = audience
        self.explanation: Explanation | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Your results"))
        # not a Tab stop of its own (its sections are, and scroll it with Home, End and the page keys);
        # a click on it still gives it the keys
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.why_button: QPushButton | None = None
        self.why_panel: QFrame | None = None
        self._folded: Outline | None = None  # what the details will show, until they are first unfolded
        self.approach_cards: dict[str, QFrame] = {}
        # the columns' parts, to lay them out again 4, 2 or 1 a row as the width allows (_fit_columns)
        self._column_parts: list[tuple[QFrame, list[tuple[int, QWidget]]]] = []
        self._column_grid: QGridLayout | None = None
        self._per_row = 0
        self._fit_labels: dict[str, QLabel] = {}
        self._titles: dict[str, QLabel] = {}
        self.ready_answers: list[tuple[str, QButtonGroup, QLabel]] = []
        # what Tab reaches in the result, in reading order: the sections (named, described) and the buttons
        self._stops: list[QWidget] = []
        # the patient's take-away: a short code holding the answers (never the person)
        self.show_case_code = audience == "patient"
        self.case_code: QLabel | None = None
        self.clear()

    def clear(self) -> None:
        """Drop everything shown (Start over: the next person must not see it)."""
        self.explanation = None
        self.approach_cards = {}
        self._column_parts, self._column_grid, self._per_row = [], None, 0
        self._fit_labels = {}
        self._titles = {}
        self.ready_answers = []
        self._stops = []
        self.case_code = None
        self._folded = None
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

        outline = build_outline(expl, self.audience, language=language(), translate=tr, content=self.content)
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 8, 16, 24)
        column.setSpacing(18)

        # the first screen: what to do now, the key points, the code and the surgeon (print is in the bar below)
        if outline["urgent"]:
            column.addWidget(self._urgent(outline["urgent"]))
        if outline["key_points"]:
            column.addWidget(self._key_points(outline["key_points"]))
        top = FlowLayout(spacing=18, fill_height=True)
        if self.show_case_code:
            top.addWidget(self._case_code(expl), stretch=1)
        top.addWidget(self._framed("surgeon", outline["prompt"], "heading")[0], stretch=1)
        column.addLayout(top)

        if outline.columns:
            # a section without a box: its heading is the Tab stop, described by what follows it
            choices = heading_label(outline.headings["choices"])
            column.addWidget(self._section(choices, "", outline.disclaimer))
            column.addWidget(label(outline.disclaimer, "small"))
            column.addLayout(self._columns(outline))
            self._fit_columns()
        for sid in ("notes", "priorities", "questions"):
            section = outline[sid]
            if section:
                title = heading_label(section.heading)
                column.addWidget(self._section(title, "", said(section.lead, *(i.text for i in section.items))))
                if section.lead:
                    column.addWidget(label(section.lead, "small"))
                self._bullets(column, section.items, sources=sid != "questions")
        if outline["sure"]:
            column.addWidget(self._ready_check(outline["sure"]))

        # details stay one press away, folded under the key points and the choices
        self.why_button = WrappingButton(tr("&More details: ways of operating, sources, why am I seeing this"))
        self.why_button.setObjectName("link")
        self.why_button.setCheckable(True)
        self.why_button.setAutoDefault(False)
        self.why_button.setAccessibleName(self.why_button.text().replace("&", ""))  # named as it reads
        column.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._stops.append(self.why_button)
        # the details are made on the first press: most people never unfold them, and their pictures,
        # cards and selectable sources were a third of the result's memory and of the time to show it
        self.why_panel = QFrame()
        self.why_panel.setObjectName("why")
        self.why_panel.setVisible(False)
        self._folded = outline
        self.why_button.toggled.connect(self._unfold)
        column.addWidget(self.why_panel)
        column.addWidget(label(content_version(self.content.meta), "small"))
        column.addStretch()
        self.setWidget(body)
        tab_chain(self._stops)

    # --- the keyboard: sections in reading order, each scrolled into view; Home, End and the page keys ------
    def _section(self, widget: QWidget, name: str | None, description: str) -> QWidget:
        """A Tab stop of the result: named (None: as it is), described by what it says, scrolled into view."""
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if name:
            widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(description)
        widget.installEventFilter(self)
        self._stops.append(widget)
        return widget

    def tab_stops(self) -> list[QWidget]:
        """What Tab reaches in the result, in reading order (hidden ones, under "More details", are skipped)."""
        return list(self._stops)

    def focus_start(self) -> None:
        """The keyboard (and a screen reader) to the first section: what to do now, or the key points."""
        self.verticalScrollBar().setValue(0)
        if self._stops:
            self._stops[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.reveal(watched)
        return False

    def reveal(self, widget: QWidget) -> None:
        """Scroll `widget` into view; one taller than the view shows its top (its heading), not its middle."""
        body = self.widget()
        if body is None or not body.isAncestorOf(widget):
            return
        top = widget.mapTo(body, QPoint(0, 0)).y()
        bar, room = self.verticalScrollBar(), self.viewport().height()
        if top < bar.value() or widget.height() + 2 * REVEAL_MARGIN > room:
            bar.setValue(top - REVEAL_MARGIN)
        elif top + widget.height() > bar.value() + room:
            bar.setValue(top + widget.height() + REVEAL_MARGIN - room)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        # QWidget's, not QScrollArea's: that one centres the new focus, the middle of a tall column
        return QWidget.focusNextPrevChild(self, next)

    def scroll_by_key(self, event: QKeyEvent) -> bool:
        """Home and End go to the top and the end of the result, the page keys a screen up or down."""
        if event.key() not in SCROLL_KEYS:
            return False
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
        event.accept()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.scroll_by_key(event):
            super().keyPressEvent(event)

    # --- one builder per section --------------------------------------------------------------
    def _bullets(self, box: QVBoxLayout, items: Iterable[Item], sources: bool = True) -> None:
        for item in items:
            point = label("\u2022 " + item.text)
            point.setAccessibleName(item.text)  # the bullet is for the eye
            box.addWidget(point)
            if sources and item.sources:
                box.addWidget(self._source(item))

    def _framed(self, name: str, section: Section, title_style: str) -> tuple[QFrame, QVBoxLayout]:
        """A framed box with its heading and each item followed by its source (urgent notes, the prompt)."""
        frame = QFrame()
        frame.setObjectName(name)
        self._section(frame, section.heading, said(*(item.text for item in section.items)))
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        box.addWidget(heading_label(section.heading, title_style))
        for item in section.items:
            box.addWidget(label(item.text))
            box.addWidget(self._source(item))
        return frame, box

    def _urgent(self, section: Section) -> QFrame:
        return self._framed("urgent", section, "urgentTitle")[0]

    def _key_points(self, section: Section) -> QFrame:
        """Three or four short sentences for these answers, each with its sources' numbers: the result at a glance.

        The numbers point into the numbered source list under "More details"; the short names are the
        accessible description, so a screen reader can still say where each point comes from.
        """
        frame = QFrame()
        frame.setObjectName("keyPoints")
        self._section(frame, section.heading, said(*(item.text for item in section.items)))
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 12, 20, 14)
        box.setSpacing(6)
        box.addWidget(heading_label(section.heading, "heading"))
        for item in section.items:
            numbers = f"  [{', '.join(map(str, item.numbers))}]" if item.numbers else ""
            point = label(f"\u2022 {item.text}{numbers}", "keyPoint")
            point.setAccessibleName(item.text)
            point.setAccessibleDescription(tr("Source: %1", item.cite))
            box.addWidget(point)
        return frame

    def _columns(self, outline: Outline) -> QGridLayout:
        """Care without surgery and the three routes as equal columns, their rows side by side.

        Each column is a card drawn behind its cells (a frame spanning every row), so the rows line up
        across the four choices and a patient can read one row across: how it is done, risks, recovery.
        """
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        routes = outline.columns
        rows = ("title", "fit", "picture", "how", "benefits", "risks", "recovery")
        heading = outline.headings
        picture_width = 300 if self.audience == "patient" else 220
        for route in routes:
            card = QFrame()
            card.setObjectName("card")
            # the card is drawn behind its cells, which are not inside it: its description says what they say
            self._section(card, f"{route.name}: {route.fit_label}", self._card_words(route, heading))
            parts: list[tuple[int, QWidget]] = []
            self._column_parts.append((card, parts))
            self.approach_cards[route.id] = card
            self._titles[route.id] = heading_label(route.name, "cardTitle")
            cells: dict[str, QWidget | None] = {
                "title": self._titles[route.id],
                "fit": self._fit(route, heading["fit"]),
                "picture": (Picture(resources.diagram_path(route.diagram), self._picture_name(route), picture_width)
                            if route.diagram else None),
                "how": self._row(heading["how"], [route.how] if route.how else []),
                "benefits": self._row(route.benefits.heading, route.benefits.items),
                "risks": self._row(route.risks.heading, route.risks.items),
                "recovery": self._row(heading["recovery"], [route.recovery] if route.recovery else []),
            }
            for row, name in enumerate(rows):
                cell = cells[name]
                if cell is None:
                    continue
                holder = QWidget()
                inner = QVBoxLayout(holder)
                last = row == len(rows) - 1
                inner.setContentsMargins(14, 12 if row == 0 else 6, 14, 14 if last else 6)
                inner.addWidget(cell)
                parts.append((row, holder))
        self._column_grid = grid
        self._lay_columns(len(routes))
        return grid

    def _lay_columns(self, per_row: int) -> None:
        """The columns `per_row` a row: 4 side by side, or 2 and 2, or one under another (large text, narrow)."""
        grid = self._column_grid
        if grid is None:
            return
        rows = max((row for _, parts in self._column_parts for row, _ in parts), default=0) + 1
        for col, (card, parts) in enumerate(self._column_parts):
            band, place = divmod(col, per_row)
            grid.addWidget(card, band * rows, place, rows, 1)
            for row, holder in parts:
                grid.addWidget(holder, band * rows + row, place, Qt.AlignmentFlag.AlignTop)
        for place in range(len(self._column_parts)):
            grid.setColumnStretch(place, 1 if place < per_row else 0)
        grid.setVerticalSpacing(0)
        self._per_row = per_row

    def _fit_columns(self) -> None:
        """As many columns a row as fit the view's width at the text size in use."""
        if not self._column_parts or self._column_grid is None:
            return
        narrowest = max(holder.minimumSizeHint().width() for _, parts in self._column_parts for _, holder in parts)
        room = self.viewport().width() - 40  # the body's margins and a little air
        spacing = self._column_grid.horizontalSpacing()
        count = len(self._column_parts)
        per_row = next(n for n in (count, 2, 1) if n == 1 or n * narrowest + (n - 1) * spacing <= room)
        if per_row != self._per_row:
            self._lay_columns(min(per_row, count))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another text size
            self._fit_columns()

    @staticmethod
    def _card_words(route: Route, headings: Mapping[str, str]) -> str:
        """A column's words, row by row, for a screen reader (the fit is in its name; sources stay on screen)."""
        parts = [(headings["fit"], list(route.reasons[:1])), (headings["how"], [route.how] if route.how else []),
                 (route.benefits.heading, list(route.benefits.items)), (route.risks.heading, list(route.risks.items)),
                 (headings["recovery"], [route.recovery] if route.recovery else [])]
        return said(*(said(title, *(item.text for item in items)) for title, items in parts if items))

    def _fit(self, route: Route, reasons_heading: str) -> QWidget:
        """The fit in words, with a shape scale beside it so fits differ by more than a colour or a border."""
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        marks = FIT_MARKS.get(route.fit, "")
        fit = label(f"{marks}  {route.fit_label}" if marks else route.fit_label, "fit")
        fit.setAccessibleName(route.fit_label)  # the marks repeat the words; a screen reader says the words once
        self._fit_labels[route.id] = fit
        row.addWidget(fit)
        # the first reason here; every reason, with its rule, under "More details"
        row.addWidget(self._row(reasons_heading, route.reasons[:1]))
        return box

    def _row(self, heading: str, items: Iterable[Item]) -> QWidget:
        """One row of a column: a heading over its statements, each with its source."""
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(4)
        inner.addWidget(heading_label(heading, "partTitle"))
        found = list(items)
        for item in found:
            inner.addWidget(label(item.text, "cell"))
            if item.numbers:  # numbers into the source list under "More details": four columns stay short
                numbers = ", ".join(map(str, item.numbers))
                words = tr("Sources: %1", numbers) if len(item.numbers) > 1 else tr("Source: %1", numbers)
                cite = label(words, "source")
                cite.setAccessibleName(tr("Source: %1", item.cite))
                inner.addWidget(cite)
        if not found:
            inner.addWidget(label(tr("Our sources say nothing on this here."), "cell"))
        return box

    def _picture_name(self, route: Route) -> str:
        """The picture's own description (its SVG <title> and <desc>), so a screen reader can say what it shows."""
        return resources.svg_description(resources.diagram_path(route.diagram)) or route.name

    def _ready_check(self, section: Section) -> QFrame:
        """Four yes/no questions; a "no" shows what to ask or read next. Nothing is kept."""
        frame = QFrame()
        frame.setObjectName("card")
        self._section(frame, section.heading, section.lead)
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        box.setSpacing(10)
        box.addWidget(heading_label(section.heading, "heading"))
        if section.lead:
            box.addWidget(label(section.lead, "small"))
        self.ready_answers = []
        for item in section.items:
            line = QHBoxLayout()
            line.addWidget(label(item.name), 1)
            pair = QButtonGroup(frame)
            advice = label(item.text, "small")
            advice.setVisible(False)
            for word, shows in ((tr("Yes"), False), (tr("No"), True)):
                button = QPushButton(word)
                button.setObjectName("choice")
                button.setCheckable(True)
                button.setAutoDefault(False)
                button.setAccessibleName(f"{word}: {item.name}")
                set_role(button, QAccessible.Role.RadioButton)  # one of two, as its group keeps it
                button.toggled.connect(lambda on, a=advice, s=shows: a.setVisible(s) if on else None)
                pair.addButton(button)
                line.addWidget(button)
                self._stops.append(button)
            self.ready_answers.append((item.name, pair, advice))
            box.addLayout(line)
            box.addWidget(advice)
        return frame

    def _options(self, section: Section) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(14)
        for index, option in enumerate(section.items):
            card = QFrame()
            card.setObjectName("card")
            self._section(card, option.name, option.text)
            inner = QHBoxLayout(card)
            inner.setContentsMargins(14, 12, 14, 12)
            inner.setSpacing(14)
            size = 72 if self.audience == "patient" else 48
            path = resources.icon_path(option.picture)
            icon = Picture(path, resources.svg_description(path) or option.name, size)
            icon.setFixedSize(size, size)
            inner.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            words = QVBoxLayout()
            words.addWidget(heading_label(option.name, "cardTitle"))
            words.addWidget(label(option.text))
            words.addWidget(self._source(option))
            inner.addLayout(words, 1)
            grid.addWidget(card, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _case_code(self, expl: Explanation) -> QFrame:
        """The case code, big and spaced, with what it is for in plain words."""
        frame = QFrame()
        frame.setObjectName("caseCodeBox")
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 12, 20, 12)
        box.setSpacing(6)
        from misaid.core.casecode import encode, pretty  # only a result needs it

        code = pretty(encode(dict(expl.answers)))
        box.addWidget(heading_label(tr("Your case code"), "cardTitle"))
        self.case_code = label(code, "caseCode")  # not selectable: a selection outlives the session (X PRIMARY)
        self.case_code.setWordWrap(False)  # a code broken over two lines is copied wrong
        self.case_code.setAccessibleName(tr("Your case code: %1", " ".join(code.replace("-", ""))))
        box.addWidget(self.case_code)
        use = tr("Show it to your surgeon. It holds your answers, not your name. "
                 "You can write it down or take a photo of it.")
        box.addWidget(label(use, "small"))
        self._section(frame, tr("Your case code"), said(self.case_code.accessibleName(), use))
        return frame

    def _source(self, item: Item) -> QLabel:
        text = tr("Source: %1", item.cite)
        widget = label(text, "source")
        widget.setAccessibleName(text)
        return widget

    def _unfold(self, on: bool) -> None:
        if on:
            self._make_details()
        if self.why_panel is not None:
            self.why_panel.setVisible(on)

    def _make_details(self) -> None:
        """Fill the folded panel, once; its Tab stops come right after "More details", as if made with the rest."""
        if self._folded is None or self.why_panel is None or self.why_button is None:
            return
        outline, self._folded = self._folded, None
        after = self.why_button.nextInFocusChain()  # what Tab reached after "More details" (Next, Back, ...)
        if after is self.why_panel:  # not entered yet: the wizard orders the rest when it shows the result
            after = after.nextInFocusChain()
        first = len(self._stops)
        self._details(self.why_panel, outline)
        made = self._stops[first:]
        if made:
            tab_chain([self.why_button, *made, after])

    def _details(self, frame: QFrame, outline: Outline) -> None:
        """What stays folded: ways of operating, why each statement, the answers, the trace and the sources."""
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 16, 20, 16)
        options = outline["options"]
        if options:
            box.addWidget(heading_label(options.heading, "cardTitle"))
            box.addWidget(Picture(resources.diagram_path("tube-vs-open"),
                                  resources.svg_description(resources.diagram_path("tube-vs-open")), 640))
            box.addLayout(self._options(options))
        answers = outline["answers"]
        box.addWidget(heading_label(answers.heading, "cardTitle"))
        for row in answers.items:
            box.addWidget(label(f"{row.name}  \u2192  {row.text}"))
        box.addWidget(heading_label(outline.headings["reasons"], "cardTitle"))
        for route in outline.columns:
            box.addWidget(label(f"{route.name}: {route.fit_label}", "small"))
            for reason in route.reasons:
                # what said it, as one phrase: the rule and whether it limits or suggests, then the sources
                said_by = ((tr("rule %1, limit; %2", reason.rule, reason.cite) if reason.limit
                            else tr("rule %1, suggestion; %2", reason.rule, reason.cite))
                           if reason.rule else reason.cite)
                box.addWidget(label(f"    \u2022 {reason.text}  [{said_by}]", "source"))
        trace = outline["trace"]
        box.addWidget(heading_label(trace.heading, "cardTitle"))
        for step in trace.items:
            box.addWidget(label(f"\u2022 {step.text}  [{tr('rule %1', step.rule)}]", "source"))  # words hold answers
        box.addWidget(label(outline.policy, "small"))
        box.addWidget(heading_label(outline["sources"].heading, "cardTitle"))
        for number, source in enumerate(outline["sources"].items, 1):
            box.addWidget(label(f"{number}. {source.text}", "source", selectable=True))

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def shown_titles(self) -> list[str]:
        """The four columns' names, left to right."""
        return [self._titles[rid].text() for rid in self.approach_cards]

    def shown_fits(self) -> dict[str, str]:
        """The fit each route's column shows, in words (the shape marks left aside)."""
        return {aid: fit.accessibleName() for aid, fit in self._fit_labels.items()}

    def texts(self) -> list[str]:
        """The words of every label, those folded under "More details" too."""
        self._make_details()
        widget = self.widget()
        return [w.text() for w in widget.findChildren(QLabel)] if widget is not None else []

