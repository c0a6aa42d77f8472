"""The clinician's explanation panel: approaches side by side, full citations, the rule trace; updated in place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from misaid.core.engine import Explanation
from misaid.core.model import Content
from misaid.core.outline import Item, Section, build_outline, heading

from .i18n import tr
from .widgets import FlowBody, label

Row = tuple[str, str]  # (statement, citation line)


def _set(widget: QLabel, text: str) -> None:
    # setText relayouts even when nothing changed; skipping equal texts keeps a live update cheap
    if widget.text() != text:
        widget.setText(text)


def _hide(widget: QWidget, hidden: bool) -> None:
    # showing or hiding costs even when nothing changes; a live update makes hundreds of these calls
    if widget.isHidden() != hidden:
        widget.setHidden(hidden)


class Entry(QWidget):
    """One statement (optionally with a bold name) and its citation: labels kept and reused."""

    def __init__(self, named: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        self.name = label("", "cardTitle") if named else None
        self.text = label("", selectable=True)
        self.source = label("", "source", selectable=True)
        for part in (self.name, self.text, self.source):
            if part is not None:
                box.addWidget(part)

    def set(self, text: str, source: str, name: str = "") -> None:
        if self.name is not None:
            _set(self.name, name)
        _set(self.text, text)
        _set(self.source, source)
        _hide(self.source, not source)
        self.setAccessibleName(name or text)

    def texts(self) -> list[str]:
        return [p.text() for p in (self.name, self.text, self.source) if p is not None and not p.isHidden()]


class Entries(QWidget):
    """A list of entries that grows when needed and hides what it does not use, never rebuilding."""

    def __init__(self, named: bool = False, columns: int = 1, bullet: str = "\u2022 ",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._named = named
        self._columns = columns
        self._bullet = bullet
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(8)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self._pool: list[Entry] = []
        self._used = 0

    def set(self, items: Sequence[Row] | Sequence[tuple[str, str, str]]) -> None:
        while len(self._pool) < len(items):
            entry = Entry(self._named)
            index = len(self._pool)
            self._grid.addWidget(entry, index // self._columns, index % self._columns, Qt.AlignmentFlag.AlignTop)
            self._pool.append(entry)
        # Qt lays out every visible ancestor again whenever a hidden child is shown (milliseconds in a
        # full panel): with this list hidden while it grows, that happens once for the list, not per entry
        growing = len(items) > self._used and not self.isHidden()
        if growing:
            self.setHidden(True)
        for entry, item in zip(self._pool, items, strict=False):
            text, source, *name = item
            entry.set(self._bullet + text if not self._named else text, source, name[0] if name else "")
            _hide(entry, False)
        for entry in self._pool[len(items):]:
            _hide(entry, True)
        self._used = len(items)
        if growing:
            self.setHidden(False)

    def texts(self) -> list[str]:
        return [t for entry in self._pool[: self._used] for t in entry.texts()]


def _said(items: Sequence[Item]) -> list[Row]:
    """Statements with their sources in full, as a clinician checks them."""
    return [(i.text, i.full) for i in items]


class Part(QWidget):
    """A heading over a list of statements (benefits, risks, care without surgery); hidden when empty."""

    def __init__(self, title: str = "", name: str = "partTitle", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.title = label(title, name)
        self.lead = label("", "small")
        self.entries = Entries()
        for part in (self.title, self.lead, self.entries):
            box.addWidget(part)

    def set(self, section: Section) -> None:
        _set(self.title, section.heading)
        _set(self.lead, section.lead)
        _hide(self.lead, not section.lead)
        self.entries.set(_said(section.items))
        _hide(self, not section)

    def texts(self) -> list[str]:
        lead = [self.lead.text()] if self.lead.text() else []
        return [] if self.isHidden() else [self.title.text(), *lead, *self.entries.texts()]


class ApproachCard(QFrame):
    """One of the three approaches: name, fit, the reasons with their sources and rule ids, benefits and risks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.approach_id = ""
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 12)
        box.setSpacing(6)
        self.title = label("", "cardTitle")
        self.fit = label("", "fit")
        self.reasons = Entries()
        # benefits and risks built alike: the same heading style and text size for both
        self.benefits = Part()
        self.risks = Part()
        for part in (self.title, self.fit, self.reasons, self.benefits, self.risks):
            box.addWidget(part)
        box.addStretch()

    def texts(self) -> list[str]:
        return [self.title.text(), self.fit.text(), *self.reasons.texts(), *self.benefits.texts(),
                *self.risks.texts()]


class ClinicianPanel(QScrollArea):
    """Renders an Explanation in clinician wording; `show_explanation` changes texts, never widgets that stay."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.explanation: Explanation | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(tr("Explanation"))
        body = FlowBody()
        body.setObjectName("resultContent")
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 12)
        column.setSpacing(10)

        self.urgent = QFrame()
        self.urgent.setObjectName("urgent")
        urgent = heading("urgent", "clinician", tr)
        self.urgent.setAccessibleName(urgent)
        box = QVBoxLayout(self.urgent)
        box.setContentsMargins(14, 10, 14, 10)
        box.addWidget(label(urgent, "urgentTitle"))
        self.urgent_items = Entries()
        box.addWidget(self.urgent_items)
        column.addWidget(self.urgent)

        # care without surgery right after the red flags, before the three surgical routes
        self.nonsurgical = Part(name="heading")
        column.addWidget(self.nonsurgical)

        row = QHBoxLayout()
        row.setSpacing(10)
        self.cards = [ApproachCard() for _ in range(3)]
        for card in self.cards:
            row.addWidget(card, 1)
        column.addLayout(row)

        self.options_heading = label(heading("options", "clinician", tr), "heading")
        column.addWidget(self.options_heading)
        self.options = Entries(named=True, columns=2)
        column.addWidget(self.options)

        lower = QHBoxLayout()
        lower.setSpacing(18)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(6)
        right.setSpacing(6)
        self.notes = Part(heading("notes", "clinician", tr), "heading")
        left.addWidget(self.notes)
        self.priorities = Part(heading("priorities", "clinician", tr), "heading")
        left.addWidget(self.priorities)
        left.addWidget(label(heading("questions", "clinician", tr), "heading"))
        self.asks = Entries()
        left.addWidget(self.asks)
        self.prompt = Entries(bullet="")
        left.addWidget(self.prompt)
        left.addStretch()
        right.addWidget(label(heading("trace", "clinician", tr), "heading"))
        self.trace = Entries()
        right.addWidget(self.trace)
        self.policy = label(content.meta.combining_policy.get("clinician"), "small")
        right.addWidget(self.policy)
        right.addStretch()
        lower.addLayout(left, 1)
        lower.addLayout(right, 1)
        column.addLayout(lower)

        self.footer = label("", "small", selectable=True)
        column.addWidget(self.footer)
        column.addStretch()
        self.setWidget(body)

    def show_explanation(self, expl: Explanation) -> None:
        # one repaint and one layout pass for the whole change, not one per label
        body = self.widget()
        assert body is not None  # set in __init__
        body.setUpdatesEnabled(False)
        try:
            self._fill(expl)
        finally:
            body.setUpdatesEnabled(True)

    def _fill(self, expl: Explanation) -> None:
        self.explanation = expl
        outline = build_outline(expl, "clinician", translate=tr, content=self.content)
        self.urgent_items.set(_said(outline["urgent"].items))
        _hide(self.urgent, not outline["urgent"])
        self.nonsurgical.set(outline["nonsurgical"])
        for card, route in zip(self.cards, outline["approaches"].routes, strict=True):
            card.approach_id = route.id
            _set(card.title, route.name)
            _set(card.fit, route.fit_label)
            card.setAccessibleName(f"{route.name}: {route.fit_label}")
            card.reasons.set([((tr("Limit: ") if r.limit else "") + r.text, f"{r.full} [{r.rule}]")
                              for r in route.reasons])
            card.benefits.set(route.benefits)
            card.risks.set(route.risks)
        options = outline["options"]
        self.options.set([(o.text, o.full, o.name) for o in options.items])
        _hide(self.options_heading, not options)
        self.notes.set(outline["notes"])
        self.priorities.set(outline["priorities"])
        self.asks.set([(q.text, "") for q in outline["questions"].items])
        self.prompt.set(_said(outline["prompt"].items))
        self.trace.set([(f"{step.rule}: {step.text}", "") for step in outline["trace"].items])
        _set(self.footer, tr("Content version %1").replace("%1", outline.version) + " \u00b7 " + outline.disclaimer)

    # --- what a test (or a reviewer) reads off the screen ----------------------------------------
    def shown_fits(self) -> dict[str, str]:
        return {card.approach_id: card.fit.text() for card in self.cards}

    def shown_order(self) -> list[str]:
        return [card.approach_id for card in self.cards]

    def texts(self) -> list[str]:
        """Every text currently shown, in reading order."""
        shown: list[str] = []
        if not self.urgent.isHidden():
            shown += self.urgent_items.texts()
        shown += self.nonsurgical.texts()
        for card in self.cards:
            shown += card.texts()
        shown += self.options.texts() + self.notes.texts() + self.priorities.texts()
        for entries in (self.asks, self.prompt, self.trace):
            shown += entries.texts()
        return shown + [self.footer.text()]
