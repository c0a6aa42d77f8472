"""The clinician's explanation panel: approaches side by side, full citations, the rule trace; updated in place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from misaid.core.engine import Explanation
from misaid.core.model import Content, Source

from .i18n import tr
from .result import full_stop
from .widgets import FlowBody, label

Item = tuple[str, str]  # (statement, citation line)



def full_cite(ids: Iterable[str], known: Mapping[str, Source]) -> str:
    """Each source in full (title, publisher, year); the seed documents by their title."""
    parts = []
    for sid in ids:
        source = known.get(sid)
        if source is None:
            parts.append(sid)
        elif source.kind == "seed":
            parts.append(full_stop(source.title))
        else:
            parts.append(source.reference)
    return " ".join(parts)


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

    def set(self, items: Sequence[Item] | Sequence[tuple[str, str, str]]) -> None:
        while len(self._pool) < len(items):
            entry = Entry(self._named)
            index = len(self._pool)
            self._grid.addWidget(entry, index // self._columns, index % self._columns, Qt.AlignmentFlag.AlignTop)
            self._pool.append(entry)
        for entry, item in zip(self._pool, items, strict=False):
            text, source, *name = item
            entry.set(self._bullet + text if not self._named else text, source, name[0] if name else "")
            _hide(entry, False)
        for entry in self._pool[len(items):]:
            _hide(entry, True)
        self._used = len(items)

    def texts(self) -> list[str]:
        return [t for entry in self._pool[: self._used] for t in entry.texts()]


class ApproachCard(QFrame):
    """One of the three approaches: name, fit and the reasons with their sources and rule ids."""

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
        box.addWidget(self.title)
        box.addWidget(self.fit)
        box.addWidget(self.reasons)
        box.addStretch()


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
        self.urgent.setAccessibleName(tr("Red flags"))
        box = QVBoxLayout(self.urgent)
        box.setContentsMargins(14, 10, 14, 10)
        box.addWidget(label(tr("Red flags"), "urgentTitle"))
        self.urgent_items = Entries()
        box.addWidget(self.urgent_items)
        column.addWidget(self.urgent)

        row = QHBoxLayout()
        row.setSpacing(10)
        self.cards = [ApproachCard() for _ in range(3)]
        for card in self.cards:
            row.addWidget(card, 1)
        column.addLayout(row)

        self.options_heading = label(tr("MIS options that apply"), "heading")
        column.addWidget(self.options_heading)
        self.options = Entries(named=True, columns=2)
        column.addWidget(self.options)

        lower = QHBoxLayout()
        lower.setSpacing(18)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(6)
        right.setSpacing(6)
        self.notes_heading = label(tr("Notes"), "heading")
        self.notes = Entries()
        left.addWidget(self.notes_heading)
        left.addWidget(self.notes)
        left.addWidget(label(tr("Questions for the surgeon"), "heading"))
        self.asks = Entries()
        left.addWidget(self.asks)
        self.prompt = Entries(bullet="")
        left.addWidget(self.prompt)
        left.addStretch()
        right.addWidget(label(tr("Rule trace: the rules that fired, and why"), "heading"))
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
        known = self.content.sources
        say = lambda text: text.get("clinician")  # noqa: E731

        self.urgent_items.set([(say(u.text), full_cite(u.sources, known)) for u in expl.urgent])
        _hide(self.urgent, not expl.urgent)

        for card, result in zip(self.cards, expl.approaches, strict=True):
            card.approach_id = result.id
            _set(card.title, say(result.approach.name))
            fit = say(expl.fit_labels[result.fit])
            _set(card.fit, fit)
            card.setAccessibleName(f"{say(result.approach.name)}: {fit}")
            card.reasons.set([
                (("" if reason.kind == "set" else tr("Limit: ")) + say(reason.text),
                 f"{full_cite(reason.sources, known)} [{reason.rule}]")
                for reason in result.reasons
            ])

        self.options.set([(say(o.summary), full_cite(o.sources, known), say(o.name)) for o in expl.mis_options])
        _hide(self.options_heading, not expl.mis_options)
        self.notes.set([(say(n.text), full_cite(n.sources, known)) for n in expl.notes])
        _hide(self.notes_heading, not expl.notes)
        self.asks.set([(say(q.text), "") for q in expl.questions_for_surgeon])
        self.prompt.set([(say(expl.surgeon_prompt.text), full_cite(expl.surgeon_prompt.sources, known))])
        self.trace.set([(f"{firing.rule}: {firing.why}", "") for firing in expl.fired])
        _set(self.footer, tr("Content version %1").replace("%1", expl.rules_version) + " \u00b7 "
             + say(expl.disclaimer))

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
        for card in self.cards:
            shown += [card.title.text(), card.fit.text(), *card.reasons.texts()]
        for entries in (self.options, self.notes, self.asks, self.prompt, self.trace):
            shown += entries.texts()
        return shown + [self.footer.text()]
