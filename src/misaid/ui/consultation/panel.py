"""The clinician's explanation panel: a few read-only documents built from the outline, updated on every change.

Documents instead of hundreds of labels: an answer change is a few HTML strings, laid out once each and
painted where they show, where a tree of labels relaid every one of them. Each document (QTextBrowser)
gives a screen reader its part of the explanation as a text to read and navigate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QStyleOption, QTextBrowser, QWidget

from misaid.core.engine import Explanation
from misaid.core.model import Content
from misaid.core.outline import Item, Outline, Route, Section, build_outline
from misaid.ui.i18n import content_version, language, tr

BULLET = "\u2022 "

# The look of the labels this panel used to be made of (assets/style.qss, clinician sizes), in the
# subset of CSS that Qt's rich text understands. Every text colour is >= 7:1 on its background.
STYLE = """
p { margin-top: 0px; margin-bottom: 1px; }
.heading { font-size: 15pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }
.cardTitle { font-size: 13pt; font-weight: bold; margin-bottom: 6px; }
.name { font-weight: bold; }
.fit { font-weight: bold; background-color: #eef3f8; margin-bottom: 6px; }
.partTitle { font-weight: bold; margin-top: 8px; margin-bottom: 4px; }
.source { font-size: 10pt; color: #333333; }
.cited { margin-bottom: 8px; }
.small { font-size: 10pt; margin-bottom: 4px; }
.urgentTitle { font-size: 16pt; font-weight: bold; color: #6b2600; margin-bottom: 4px; }
"""


def _esc(text: str) -> str:
    # content is words, never markup: everything it says is shown as typed
    return html.escape(text, quote=False)


def _p(text: str, kind: str = "") -> str:
    return f'<p class="{kind}">{_esc(text)}</p>' if kind else f"<p>{_esc(text)}</p>"


def _cited(text: str, source: str) -> str:
    """A statement with its source on the line below, in one paragraph (each paragraph costs its own layout)."""
    if not source:
        return _p(text)
    return f'<p class="cited">{_esc(text)}<br/><span class="source">{_esc(source)}</span></p>'


def _said(items: Iterable[Item], bullet: str = BULLET) -> str:
    """Statements, each with its short citation and its number in the reference list."""
    return "".join(_cited(bullet + i.text, _short(i)) for i in items)


def _short(item: Item, rule: str = "") -> str:
    """"[3, 7] Nishizawa et al., ISRN Orthop 2012 [rule id]": the full references are one tab away."""
    numbers = f"[{', '.join(map(str, item.numbers))}] " if item.numbers else ""
    return f"{numbers}{item.cite}" + (f" [{rule}]" if rule else "")


def _part(section: Section, kind: str = "heading") -> str:
    """A heading over a list of statements (benefits, risks, care without surgery); nothing when empty."""
    if not section:
        return ""
    lead = _p(section.lead, "small") if section.lead else ""
    return _p(section.heading, kind) + lead + _said(section.items)


def _column(route: Route, headings: Mapping[str, str]) -> str:
    """One choice with the same rows as the others: fit and why, procedure, benefits, risks, recovery."""
    limit = tr("Limit: ")
    reasons = "".join(_cited(BULLET + (limit if r.limit else "") + r.text, _short(r, r.rule)) for r in route.reasons)
    rows = [_p(route.name, "cardTitle"), _p(route.fit_label, "fit"), reasons]
    if route.how:
        rows.append(_p(headings["how"], "partTitle") + _cited(route.how.text, _short(route.how)))
    # benefits and risks built alike: the same heading style and text size for both
    rows += [_part(route.benefits, "partTitle"), _part(route.risks, "partTitle")]
    if route.recovery:
        rows.append(_p(headings["recovery"], "partTitle") + _cited(route.recovery.text, _short(route.recovery)))
    return "".join(rows)


def panel_parts(outline: Outline, version_line: str) -> tuple[str, list[str], str]:
    """The explanation, without the reference list and the trace, as HTML in three parts: what comes before
    the choices (red flags, key points, the heading), one card per choice, and what comes after them."""
    top: list[str] = []
    urgent = outline["urgent"]
    if urgent:
        box = _p(urgent.heading, "urgentTitle") + _said(urgent.items)
        top.append('<table width="100%" border="4" style="border-color: #8a3b00; border-style: solid;" '
                   f'cellspacing="0" cellpadding="10" bgcolor="#fff3e0"><tr><td>{box}</td></tr></table>')
    top.append(_part(outline["key_points"]))
    if outline.columns:
        top.append(_p(outline.headings["choices"], "heading"))
    cards = [_column(route, outline.headings) for route in outline.columns]
    rest = [_part(outline["notes"]) + _part(outline["priorities"])]
    options = outline["options"]
    if options:
        rest.append(_p(options.heading, "heading"))
        rest.append("".join(_p(o.name, "name") + _cited(o.text, _short(o)) for o in options.items))
    rest.append(_p(outline.headings["questions"], "heading"))
    rest.append("".join(_p(BULLET + q.text) for q in outline["questions"].items))
    sure = outline["sure"]
    if sure:
        rest.append(_p(sure.heading, "heading") + _p(sure.lead, "small"))
        rest.append("".join(_p(f"{BULLET}{i.name} \u2192 {i.text}") for i in sure.items))
    rest.append(_said(outline["prompt"].items, bullet=""))
    rest.append(_p(version_line, "small"))
    return "".join(top), cards, "".join(rest)


def references_html(outline: Outline, version_line: str) -> str:
    """The numbered references in full, the rule trace and the combining policy."""
    sources = outline["sources"]
    parts = [_p(sources.heading, "heading")]
    parts += [_p(f"{n}. {s.text}", "cited") for n, s in enumerate(sources.items, 1)]
    parts.append(_p(outline.headings["trace"], "heading"))
    parts.append("".join(_p(f"{BULLET}{step.rule}: {step.text}") for step in outline["trace"].items))
    if outline.policy:
        parts.append(_p(outline.policy, "small"))
    parts.append(_p(version_line, "small"))
    return "".join(parts)


USUAL_PT = 12  # the clinician's body text at the usual size (assets/style.qss), which STYLE's sizes go with


def scaled_style(ratio: float) -> str:
    """STYLE with every size in pt times `ratio`: headings and sources keep their place beside body text that
    A-/A+ made larger."""
    return re.sub(r"(\d+)pt", lambda m: f"{round(int(m.group(1)) * ratio)}pt", STYLE)


class _Block(QTextBrowser):
    """One part of the panel: a read-only document as tall as its text, which the panel places and scrolls.

    It keeps its layout while its HTML is unchanged, so an answer change lays out only the parts it changed.
    """

    def __init__(self, canvas: QWidget, panel: ClinicianPanel) -> None:
        super().__init__(canvas)
        self.panel = panel
        self.html = ""
        self.setObjectName("panelPart")  # its look and focus ring: assets/style.qss
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        for policy in (self.setVerticalScrollBarPolicy, self.setHorizontalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the panel scrolls, never a part of it
        self.document().setDefaultStyleSheet(STYLE)  # scaled_style() once the window's text size is known
        self.document().setDocumentMargin(8)
        self._unshaped()

    def put(self, page: str) -> None:
        if page != self.html:  # an unchanged part keeps its layout
            self.html = page
            self.setHtml(page)

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
            style = scaled_style(size / USUAL_PT if size > 0 else 1.0)
            if style != self.document().defaultStyleSheet():
                self.document().setDefaultStyleSheet(style)
                if self.html:
                    self.setHtml(self.html)
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
        self._rest_page: str | None = None  # the part after the cards, until it is filled in (_settle)
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
        top, cards, rest = panel_parts(outline, version) if self.part != "references" else ("", [], "")
        if self.part != "explanation":
            rest += references_html(outline, version)
        self.top.put(top)
        for card, page, route in zip(self.cards, cards + [""] * len(self.cards), list(outline.columns) + [None] * 4,
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
        if self.top.html:
            height = self.top.height_for(width)
            self.top.setGeometry(0, 0, width, height)
            y = height
        self.top.setVisible(bool(self.top.html))
        shown = [card for card in self.cards if card.html]
        if shown:
            gap = self.GAP
            each = (width - gap * (len(shown) + 1)) // len(shown)
            heights = [card.height_for(each) for card in shown]
            for index, card in enumerate(shown):
                # equal heights, so the cards end on one line as the table's cells did
                card.setGeometry(gap + index * (each + gap), y, each, max(heights))
            y += max(heights) + gap
        for card in self.cards:
            card.setVisible(bool(card.html))
        if self.rest.html:
            height = self.rest.height_for(width)
            self.rest.setGeometry(0, y, width, height)
            y += height
        self.rest.setVisible(bool(self.rest.html))
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
        return [block for block in (self.top, *self.cards, self.rest) if block.html]

    def texts(self) -> list[str]:
        """Every line currently shown, in reading order (the cards one after another)."""
        return [line for block in self.blocks() for line in _lines(block.document().toPlainText())]

    def card_texts(self) -> list[list[str]]:
        """The lines of each choice's card, left to right."""
        self._settle()
        return [_lines(card.document().toPlainText()) for card in self.cards if card.html]

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
