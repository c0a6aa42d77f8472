"""The clinician's explanation panel: one read-only document built from the outline, replaced on every change.

One document instead of hundreds of labels: an answer change is one HTML string, one layout and one
paint of what is on screen (a few milliseconds), where a tree of labels relaid every one of them.
A QTextBrowser also gives a screen reader the whole explanation as one text to read and navigate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QTextTable
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

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


def _side_by_side(cards: list[str]) -> str:
    """The four choices in equal columns (a table is the only way rich text lays out columns)."""
    if not cards:
        return ""
    cells = "".join(f'<td width="{100 // len(cards)}%" valign="top" bgcolor="#ffffff">{card}</td>' for card in cards)
    return ('<table width="100%" border="2" style="border-color: #8a8a8a; border-style: solid;" '
            f'cellspacing="3" cellpadding="5"><tr>{cells}</tr></table>')


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


def panel_html(outline: Outline, version_line: str) -> str:
    """The explanation as one HTML body, in the outline's order, without the reference list and the trace."""
    parts: list[str] = []
    urgent = outline["urgent"]
    if urgent:
        box = _p(urgent.heading, "urgentTitle") + _said(urgent.items)
        parts.append('<table width="100%" border="4" style="border-color: #8a3b00; border-style: solid;" '
                     f'cellspacing="0" cellpadding="10" bgcolor="#fff3e0"><tr><td>{box}</td></tr></table>')
    parts.append(_part(outline["key_points"]))
    if outline.columns:
        parts.append(_p(outline.headings["choices"], "heading"))
        parts.append(_side_by_side([_column(route, outline.headings) for route in outline.columns]))
    # the rest one under the other: a table is laid out whole, several times over, on every change;
    # flowing text costs a fraction of that
    parts.append(_part(outline["notes"]) + _part(outline["priorities"]))
    options = outline["options"]
    if options:
        parts.append(_p(options.heading, "heading"))
        parts.append("".join(_p(o.name, "name") + _cited(o.text, _short(o)) for o in options.items))
    parts.append(_p(outline.headings["questions"], "heading"))
    parts.append("".join(_p(BULLET + q.text) for q in outline["questions"].items))
    sure = outline["sure"]
    if sure:
        parts.append(_p(sure.heading, "heading") + _p(sure.lead, "small"))
        parts.append("".join(_p(f"{BULLET}{i.name} \u2192 {i.text}") for i in sure.items))
    parts.append(_said(outline["prompt"].items, bullet=""))
    parts.append(_p(version_line, "small"))
    return "".join(parts)


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


class ClinicianPanel(QTextBrowser):
    """Renders an Explanation in clinician wording as one read-only document, kept where it was scrolled to.

    With its scroll bar turned off (practice feedback, where the page scrolls), it is as tall as its text.
    """

    def __init__(self, content: Content, parent: QWidget | None = None, part: str = "all") -> None:
        """`part`: "explanation", "references" (the full references and the rule trace) or "all" of both."""
        super().__init__(parent)
        self.content = content
        self.part = part
        self.explanation: Explanation | None = None
        self._route_ids: list[str] = []
        self._html = ""
        self.setObjectName("resultContent")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a scroll bar that comes and goes makes Qt lay the whole text out twice on every change
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setDefaultStyleSheet(STYLE)  # scaled_style() once the window's text size is known
        self.document().setDocumentMargin(8)
        self.setAccessibleName(tr("Explanation"))

    def show_explanation(self, expl: Explanation) -> None:
        self.explanation = expl
        outline = build_outline(expl, "clinician", language=language(), translate=tr, content=self.content)
        self._route_ids = [route.id for route in outline.columns]
        version = content_version(self.content.meta) + " \u00b7 " + outline.disclaimer
        page = "".join(render(outline, version) for name, render in (("explanation", panel_html),
                                                                       ("references", references_html))
                       if self.part in (name, "all"))
        if page == self._html:
            return  # an answer that changes nothing the panel says costs no layout
        self._html = page
        scrolled = self.verticalScrollBar().value()
        self.setHtml(page)
        self.verticalScrollBar().setValue(scrolled)  # a live update must not jump back to the top
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size chosen with A-/A+ (the stylesheet's)
            size = self.font().pointSizeF()
            style = scaled_style(size / USUAL_PT if size > 0 else 1.0)
            if style != self.document().defaultStyleSheet():
                self.document().setDefaultStyleSheet(style)
                if self._html:
                    scrolled = self.verticalScrollBar().value()
                    self.setHtml(self._html)
                    self.verticalScrollBar().setValue(scrolled)
                    self._fit_height()

    def _fit_height(self) -> None:
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            self.document().setTextWidth(self.viewport().width())
            self.setFixedHeight(int(self.document().size().height()) + 2 * self.frameWidth())

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def texts(self) -> list[str]:
        """Every line currently shown, in reading order (the cards one after another)."""
        return _lines(self.document().toPlainText())

    def card_texts(self) -> list[list[str]]:
        """The lines of each approach's card, left to right."""
        table = self._cards_table()
        if table is None:
            return []
        cards = []
        for column in range(table.columns()):
            cell = table.cellAt(0, column)
            cursor = cell.firstCursorPosition()
            cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
            cards.append(_lines(cursor.selection().toPlainText()))
        return cards

    def shown_fits(self) -> dict[str, str]:
        # each card reads: name, fit, reasons...
        return {rid: card[1] for rid, card in zip(self._route_ids, self.card_texts(), strict=True)
                if rid != "nonsurgical"}

    def shown_order(self) -> list[str]:
        """The routes left to right, after care without surgery."""
        return [rid for rid in self._route_ids if rid != "nonsurgical"]

    def _cards_table(self) -> QTextTable | None:
        # the only table with a column per route and a border (the urgent box has one column)
        for frame in self.document().rootFrame().childFrames():
            if (isinstance(frame, QTextTable) and frame.columns() == len(self._route_ids) > 1
                    and frame.format().border() > 0):
                return frame
        return None


def _lines(text: str) -> list[str]:
    lines = text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ").split("\n")
    return [line for line in lines if line.strip()]
