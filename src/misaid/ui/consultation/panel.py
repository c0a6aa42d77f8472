"""The clinician's explanation panel: a few read-only documents built from the outline, updated on every change.

Documents instead of hundreds of labels: an answer change rewrites a few documents, each laid out once and
painted where it shows, where a tree of labels relaid every one of them. The documents are written paragraph
by paragraph with Qt's cursor, not as HTML: there is no markup to make, escape and parse again on every change,
and the content's words can never be read as markup. Each document (QTextBrowser) gives a screen reader its
part of the explanation as a text to read and navigate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QStyleOption, QTextBrowser, QWidget

from misaid.core.engine import Explanation
from misaid.core.model import Content
from misaid.core.outline import Item, Outline, Route, Section, build_outline
from misaid.ui.i18n import content_version, language, tr

BULLET = "\u2022 "


class Para(NamedTuple):
    """One paragraph: its kind (its look, in LOOKS), its words and, on a line below them, its short citation."""

    kind: str
    text: str
    cite: str = ""
    boxed: bool = False  # inside the red-flag box


Part = tuple[Para, ...]

# The look of each kind of paragraph: (size in pt or 0 for body text, bold, colour, background, space above,
# space below), the clinician sizes of assets/style.qss. Every text colour is >= 7:1 on its background.
LOOKS: Mapping[str, tuple[int, bool, str, str, int, int]] = {
    "": (0, False, "", "", 0, 1),
    "heading": (15, True, "", "", 10, 4),
    "cardTitle": (13, True, "", "", 0, 6),
    "name": (0, True, "", "", 0, 1),
    "fit": (0, True, "", "#eef3f8", 0, 6),
    "partTitle": (0, True, "", "", 8, 4),
    "cited": (0, False, "", "", 0, 8),
    "small": (10, False, "", "", 0, 4),
    "urgentTitle": (16, True, "#6b2600", "", 0, 4),
}
CITATION = (10, "#333333")  # the short citation under a statement: size (pt) and colour
URGENT_BOX = ("#8a3b00", "#fff3e0", 4, 10)  # the red-flag box: border colour, background, border and padding (px)
USUAL_PT = 12  # the clinician's body text at the usual size (assets/style.qss), which the sizes above go with


def _said(items: Iterable[Item], bullet: str = BULLET, boxed: bool = False) -> list[Para]:
    """Statements, each with its short citation and its number in the reference list."""
    return [Para("cited", bullet + i.text, _short(i), boxed) for i in items]


def _short(item: Item, rule: str = "") -> str:
    """"[3, 7] Nishizawa et al., ISRN Orthop 2012 [rule id]": the full references are one tab away."""
    numbers = f"[{', '.join(map(str, item.numbers))}] " if item.numbers else ""
    return f"{numbers}{item.cite}" + (f" [{rule}]" if rule else "")


def _part(section: Section, kind: str = "heading") -> list[Para]:
    """A heading over a list of statements (benefits, risks, care without surgery); nothing when empty."""
    if not section:
        return []
    lead = [Para("small", section.lead)] if section.lead else []
    return [Para(kind, section.heading), *lead, *_said(section.items)]


def _column(route: Route, headings: Mapping[str, str]) -> Part:
    """One choice with the same rows as the others: fit and why, procedure, benefits, risks, recovery."""
    limit = tr("Limit: ")
    rows = [Para("cardTitle", route.name), Para("fit", route.fit_label)]
    rows += [Para("cited", BULLET + (limit if r.limit else "") + r.text, _short(r, r.rule)) for r in route.reasons]
    if route.how:
        rows += [Para("partTitle", headings["how"]), Para("cited", route.how.text, _short(route.how))]
    # benefits and risks built alike: the same heading style and text size for both
    rows += _part(route.benefits, "partTitle") + _part(route.risks, "partTitle")
    if route.recovery:
        rows += [Para("partTitle", headings["recovery"]), Para("cited", route.recovery.text, _short(route.recovery))]
    return tuple(rows)


def panel_parts(outline: Outline, version_line: str) -> tuple[Part, list[Part], Part]:
    """The explanation, without the reference list and the trace, in three parts: what comes before the
    choices (red flags, key points, the heading), one card per choice, and what comes after them."""
    top: list[Para] = []
    urgent = outline["urgent"]
    if urgent:
        top += [Para("urgentTitle", urgent.heading, boxed=True), *_said(urgent.items, boxed=True)]
    top += _part(outline["key_points"])
    if outline.columns:
        top.append(Para("heading", outline.headings["choices"]))
    cards = [_column(route, outline.headings) for route in outline.columns]
    rest = _part(outline["notes"]) + _part(outline["priorities"])
    options = outline["options"]
    if options:
        rest.append(Para("heading", options.heading))
        for option in options.items:
            rest += [Para("name", option.name), Para("cited", option.text, _short(option))]
    rest.append(Para("heading", outline.headings["questions"]))
    rest += [Para("", BULLET + q.text) for q in outline["questions"].items]
    sure = outline["sure"]
    if sure:
        rest += [Para("heading", sure.heading), Para("small", sure.lead)]
        rest += [Para("", f"{BULLET}{i.name} \u2192 {i.text}") for i in sure.items]
    rest += _said(outline["prompt"].items, bullet="")
    rest.append(Para("small", version_line))
    return tuple(top), cards, tuple(rest)


def references_part(outline: Outline, version_line: str) -> Part:
    """The numbered references in full, the rule trace and the combining policy."""
    sources = outline["sources"]
    paras = [Para("heading", sources.heading)]
    paras += [Para("cited", f"{n}. {s.text}") for n, s in enumerate(sources.items, 1)]
    paras.append(Para("heading", outline.headings["trace"]))
    paras += [Para("", f"{BULLET}{step.rule}: {step.text}") for step in outline["trace"].items]
    if outline.policy:
        paras.append(Para("small", outline.policy))
    paras.append(Para("small", version_line))
    return tuple(paras)


@lru_cache(maxsize=64)
def _looks(ratio: float) -> dict[str, tuple[QTextBlockFormat, QTextCharFormat]]:
    """Each kind's paragraph and character formats, its sizes times `ratio` (the text size chosen with A-/A+)."""
    looks = {}
    for kind, (size, bold, colour, background, above, below) in LOOKS.items():
        block = QTextBlockFormat()
        block.setTopMargin(above)
        block.setBottomMargin(below)
        if background:
            block.setBackground(QBrush(QColor(background)))
        char = QTextCharFormat()
        if size:
            char.setFontPointSize(round(size * ratio))
        if bold:
            char.setFontWeight(QFont.Weight.Bold)
        if colour:
            char.setForeground(QBrush(QColor(colour)))
        looks[kind] = (block, char)
    cite = QTextCharFormat()
    cite.setFontPointSize(round(CITATION[0] * ratio))
    cite.setForeground(QBrush(QColor(CITATION[1])))
    looks["citation"] = (QTextBlockFormat(), cite)
    return looks


def _urgent_box() -> QTextFrameFormat:
    border, background, width, padding = URGENT_BOX
    box = QTextFrameFormat()
    box.setBorder(width)
    box.setBorderBrush(QBrush(QColor(border)))
    box.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    box.setBackground(QBrush(QColor(background)))
    box.setPadding(padding)
    box.setBottomMargin(4)
    return box


class _Block(QTextBrowser):
    """One part of the panel: a read-only document as tall as its text, which the panel places and scrolls.

    It keeps its layout while its paragraphs are unchanged, so an answer change lays out only the parts it changed.
    """

    def __init__(self, canvas: QWidget, panel: ClinicianPanel) -> None:
        super().__init__(canvas)
        self.panel = panel
        self.paras: Part = ()
        self.ratio = 1.0  # the text size chosen with A-/A+, against the usual size
        self.setObjectName("panelPart")  # its look and focus ring: assets/style.qss
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        for policy in (self.setVerticalScrollBarPolicy, self.setHorizontalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the panel scrolls, never a part of it
        self.document().setDocumentMargin(8)
        self._unshaped()

    def put(self, paras: Part) -> None:
        if paras != self.paras:  # an unchanged part keeps its layout
            self.paras = paras
            self._write()

    def _write(self) -> None:
        """The paragraphs into the document, in one edit: Qt lays it out once, at the end."""
        document = self.document()
        looks = _looks(self.ratio)
        citation = looks["citation"][1]
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        first = True
        in_box = False
        for para in self.paras:
            if para.boxed and not in_box:
                in_box = True
                cursor.insertFrame(_urgent_box())
                first = True  # the box comes with an empty paragraph of its own
            elif in_box and not para.boxed:
                in_box = False
                cursor.movePosition(QTextCursor.MoveOperation.End)  # out of the box, into the paragraph after it
                first = True
            block, char = looks.get(para.kind, looks[""])
            if first:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
                first = False
            else:
                cursor.insertBlock(block, char)
            cursor.insertText(para.text, char)
            if para.cite:
                cursor.insertText("\u2028", char)  # a line break within the paragraph
                cursor.insertText(para.cite, citation)
        cursor.endEditBlock()

    def height_for(self, width: int) -> int:
        """The height the whole text takes at `width` (laid out now, at the width Qt will lay it out at)."""
        frame = 2 * self.frameWidth()
        if self.document().textWidth() != width - frame:  # Qt lays the whole text out again even at the same width
            self.document().setTextWidth(width - frame)
        return int(self.document().size().height()) + frame

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # an override, not an event filter: a filter in Python would be called for every paint too
        if not self.panel.scroll_key(event):
            super().keyPressEvent(event)

    def _unshaped(self) -> None:
        # Latin script needs no shaping (only kerning, which no reader notices here): it is a third of the
        # layout's time, spent again on every change
        font = self.document().defaultFont()
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.document().setDefaultFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size chosen with A-/A+ (the stylesheet's)
            self._unshaped()  # Qt gave the document the widget's font
            size = self.font().pointSizeF()
            ratio = size / USUAL_PT if size > 0 else 1.0
            if ratio != self.ratio:
                self.ratio = ratio
                if self.paras:
                    self._write()
                self.panel.place_later()


class _Canvas(QWidget):
    """What the parts sit on. It paints its whole area itself, so the six widgets it covers (the scroll area,
    the tabs, the splitter, the window...) no longer fill their backgrounds under it on every change."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resultContent")  # its colour: assets/style.qss
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # taller or shorter, it repaints only what it uncovers, not every part on screen again
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        painter.setClipRegion(event.region())
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)  # the sheet's colour
        painter.end()


class ClinicianPanel(QScrollArea):
    """Renders an Explanation in clinician wording, kept where it was scrolled to.

    A stack of small documents rather than one: what comes before the choices, a card per choice side by side,
    and what comes after them. Each is laid out on its own at its own width, and only when its words change;
    a table of four columns in one document cost Qt about three layouts of every cell on each change.
    A screen reader reads each part as a text of its own, named by what it holds.

    With its scroll bar turned off (practice feedback, where the page scrolls), it is as tall as its text.
    """

    GAP = 6  # between the cards, and around them

    def __init__(self, content: Content, parent: QWidget | None = None, part: str = "all") -> None:
        """`part`: "explanation", "references" (the full references and the rule trace) or "all" of both."""
        super().__init__(parent)
        self.content = content
        self.part = part
        self.explanation: Explanation | None = None
        self._route_ids: list[str] = []
        self._place_pending = False
        self._rest_page: Part | None = None  # the part after the cards, until it is filled in (_settle)
        # what is below the screen is finished right after the screen is painted. A timer, not
        # QTimer.singleShot(0): Qt 6 posts a zero single shot as an event, handled before the paint
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle)
        self.setObjectName("resultContent")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)  # the panel places its parts itself (_place): no layout pass
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its parts are the Tab stops, each with its focus ring
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a scroll bar that comes and goes would change the width, and lay every part out twice
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.canvas = _Canvas()
        self.setWidget(self.canvas)
        self.top = _Block(self.canvas, self)
        self.cards: list[_Block] = []
        for _ in range(4):
            card = _Block(self.canvas, self)
            card.setObjectName("panelCard")  # white, in a grey border: assets/style.qss
            card.document().setDocumentMargin(4)  # inside the border's white band: as narrow as a table cell
            self.cards.append(card)
        self.rest = _Block(self.canvas, self)
        self.setAccessibleName(tr("Explanation"))

    def show_explanation(self, expl: Explanation) -> None:
        self.explanation = expl
        outline = build_outline(expl, "clinician", language=language(), translate=tr, content=self.content)
        self._route_ids = [route.id for route in outline.columns]
        version = content_version(self.content.meta) + " \u00b7 " + outline.disclaimer
        top, cards, rest = panel_parts(outline, version) if self.part != "references" else ((), [], ())
        if self.part != "explanation":
            rest += references_part(outline, version)
        self.top.put(top)
        for card, page, route in zip(self.cards, cards + [()] * len(self.cards), list(outline.columns) + [None] * 4,
                                     strict=False):
            card.put(page)
            card.setAccessibleName(f"{route.name}: {route.fit_label}" if route is not None else "")
        headings = [h for h in (outline["urgent"].heading if outline["urgent"] else "",
                                outline["key_points"].heading if outline["key_points"] else "") if h]
        self.top.setAccessibleName(", ".join(headings) or tr("Explanation"))
        # named by what it holds, as the key points and the cards are
        after = [outline[sid].heading for sid in ("notes", "priorities", "options", "questions", "sure")
                 if outline[sid]]
        if self.part != "explanation":
            after += [outline["sources"].heading, outline.headings["trace"]]
        self.rest.setAccessibleName(", ".join(after) or tr("Explanation"))
        self._rest_page = rest
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            self._settle()  # as tall as its text: all of it is measured now
            return
        # What shows is laid out and painted first; the part below the cards waits, and is filled in right
        # after the paint, in the same turn of the event loop, long before anyone can scroll there.
        self._place()
        if self.rest.y() < self.verticalScrollBar().value() + self.viewport().height():
            self._settle()
        else:
            self._settle_timer.start()

    def _settle(self) -> None:
        """Everything up to date: the part below the cards filled in, every part measured and placed."""
        self._settle_timer.stop()
        if self._rest_page is not None:
            page, self._rest_page = self._rest_page, None
            self.rest.put(page)
        self._place()

    # --- placing the parts ------------------------------------------------------------------------
    def place_later(self) -> None:
        """Place the parts once the current event is done (several parts may change their text size at once)."""
        if not self._place_pending:
            self._place_pending = True
            QTimer.singleShot(0, self._place)

    def _place(self) -> None:
        """The parts one under the other, the cards side by side; the scroll position is kept as it was."""
        self._place_pending = False
        width = self.viewport().width()
        y = 0
        if self.top.paras:
            height = self.top.height_for(width)
            self.top.setGeometry(0, 0, width, height)
            y = height
        self.top.setVisible(bool(self.top.paras))
        shown = [card for card in self.cards if card.paras]
        if shown:
            gap = self.GAP
            each = (width - gap * (len(shown) + 1)) // len(shown)
            heights = [card.height_for(each) for card in shown]
            for index, card in enumerate(shown):
                # equal heights, so the cards end on one line as the table's cells did
                card.setGeometry(gap + index * (each + gap), y, each, max(heights))
            y += max(heights) + gap
        for card in self.cards:
            card.setVisible(bool(card.paras))
        if self.rest.paras:
            height = self.rest.height_for(width)
            self.rest.setGeometry(0, y, width, height)
            y += height
        self.rest.setVisible(bool(self.rest.paras))
        self.canvas.resize(width, y)  # QScrollArea keeps the scroll value (clamped) and sets the range
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._place()

    def _fit_height(self) -> None:
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            self.setFixedHeight(self.canvas.height() + 2 * self.frameWidth())

    def scroll_key(self, event: QKeyEvent) -> bool:
        """The keys that scrolled the one document before scroll the panel from whichever part has the focus."""
        bar = self.verticalScrollBar()
        actions = {Qt.Key.Key_PageDown: bar.SliderAction.SliderPageStepAdd,
                   Qt.Key.Key_PageUp: bar.SliderAction.SliderPageStepSub,
                   Qt.Key.Key_Down: bar.SliderAction.SliderSingleStepAdd,
                   Qt.Key.Key_Up: bar.SliderAction.SliderSingleStepSub,
                   Qt.Key.Key_Home: bar.SliderAction.SliderToMinimum,
                   Qt.Key.Key_End: bar.SliderAction.SliderToMaximum}
        action = actions.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        bar.triggerAction(action)
        return True

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def blocks(self) -> list[QTextBrowser]:
        """The parts shown, in reading order."""
        self._settle()
        return [block for block in (self.top, *self.cards, self.rest) if block.paras]

    def texts(self) -> list[str]:
        """Every line currently shown, in reading order (the cards one after another)."""
        return [line for block in self.blocks() for line in _lines(block.document().toPlainText())]

    def card_texts(self) -> list[list[str]]:
        """The lines of each choice's card, left to right."""
        self._settle()
        return [_lines(card.document().toPlainText()) for card in self.cards if card.paras]

    def shown_fits(self) -> dict[str, str]:
        # each card reads: name, fit, reasons...
        return {rid: card[1] for rid, card in zip(self._route_ids, self.card_texts(), strict=True)
                if rid != "nonsurgical"}

    def shown_order(self) -> list[str]:
        """The routes left to right, after care without surgery."""
        return [rid for rid in self._route_ids if rid != "nonsurgical"]


def _lines(text: str) -> list[str]:
    lines = text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ").split("\n")
    return [line for line in lines if line.strip()]
