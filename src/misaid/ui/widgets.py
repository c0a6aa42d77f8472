"""Small reusable widgets: big answer buttons that wrap their words, pictures that scale, wrapped labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from misaid.ui import resources
from misaid.ui.accessibility import set_role

# Shapes, not colours alone, show what is chosen (black-and-white and colour-blind safe).
MARKS = {("one", False): "\u25cb", ("one", True): "\u25c9", ("many", False): "\u2610", ("many", True): "\u2611"}


def label(text: str, name: str = "", selectable: bool = False) -> QLabel:
    """A word-wrapped plain-text label (content never gets interpreted as markup)."""
    widget = QLabel(text)
    _plain_words(widget, name)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def heading(text: str, name: str = "heading") -> QLabel:
    """A label that is a heading for assistive technology (a screen reader can jump from one to the next)."""
    widget = QLabel()  # its words after its role: a label with words tells a screen reader about itself at once
    set_role(widget, QAccessible.Role.Heading)
    _plain_words(widget, name)
    widget.setText(text)
    return widget


def _plain_words(widget: QLabel, name: str) -> None:
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if name:
        widget.setObjectName(name)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


# White words on a chosen (dark) answer: 8.9:1.
CHOSEN_WORDS = QColor("#ffffff")


class _AnswerWords(QLabel):
    """Plain words on an answer button, drawn in CHOSEN_WORDS while the answer is chosen.

    Drawn rather than restyled: Qt does not restyle children on a parent's :checked, a stylesheet set
    on the label re-polishes it and re-lays out the whole form of answers on every click (dozens of
    them in the consultation), and re-polishing from Python (QStyle.polish/unpolish) drops a
    reference to None on every call in PySide6, which crashes a long kiosk session.
    """

    def __init__(self, text: str, name: str = "") -> None:
        super().__init__(text)
        _plain_words(self, name)
        self.chosen = False

    def show_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.chosen:
            super().paintEvent(event)
            return
        # what QLabel draws for plain text, in the chosen colour
        painter = QPainter(self)
        painter.setPen(CHOSEN_WORDS)
        flags = self.alignment().value | (Qt.TextFlag.TextWordWrap.value if self.wordWrap() else 0)
        painter.drawText(self.contentsRect(), flags, self.text())
        painter.end()


class _Mark(_AnswerWords):
    """The shape that shows an answer chosen or not, fixed to the size of the wider of its two shapes.

    A label of fixed size that changes its text is repainted alone; one that may change size makes
    Qt lay out every answer around it again.
    """

    def __init__(self, shapes: tuple[str, str]) -> None:
        super().__init__(shapes[0], "mark")
        self.setWordWrap(False)
        self._shapes = shapes
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # e.g. the stylesheet's size for the audience
            self._fit()

    def _fit(self) -> None:
        sizes = [self.fontMetrics().size(0, shape) for shape in self._shapes]
        margins = self.contentsMargins()
        self.setFixedSize(max(s.width() for s in sizes) + margins.left() + margins.right(),
                          max(s.height() for s in sizes) + margins.top() + margins.bottom())


class ChoiceButton(QPushButton):
    """A big, checkable answer with a mark, wrapped words and an optional second line of help.

    For assistive technology it is a radio button (one answer) or a check box (several), named by its
    words and described by its help, with no children: the mark and the labels are how it looks
    (misaid.ui.accessibility). `set_context` adds a line said before the help, e.g. the question.
    """

    def __init__(self, text: str, help_text: str = "", kind: str = "one", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = "many" if kind == "many" else "one"
        set_role(self, QAccessible.Role.RadioButton if self._kind == "one" else QAccessible.Role.CheckBox)
        self.setObjectName("choice")
        self.setCheckable(True)
        # Enter always means "Next"; Space chooses the focused answer
        self.setAutoDefault(False)
        self._mark = _Mark((MARKS[(self._kind, False)], MARKS[(self._kind, True)]))
        self._text = _AnswerWords(text)
        self._help = _AnswerWords(help_text, "small") if help_text else None
        for part in (self._mark, self._text, self._help):
            if part is not None:
                # clicks and taps on the words must reach the button
                part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self._text)
        if self._help is not None:
            words.addWidget(self._help)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 4, 14, 4)
        row.setSpacing(14)
        row.addWidget(self._mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        self.setAccessibleName(text)
        self._help_text = help_text
        if help_text:
            self.setAccessibleDescription(help_text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.toggled.connect(self._show_state)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # arrow keys walk the answers, as they would in a list
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.focusNextChild()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def words(self) -> str:
        return self._text.text()

    def set_context(self, note: str) -> None:
        """Describe the answer as `note` followed by its help ("" for the help alone); Qt tells a listening
        screen reader that the description changed."""
        description = "\n".join(part for part in (note, self._help_text) if part)
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)

    def _show_state(self, checked: bool) -> None:
        self._mark.setText(MARKS[(self._kind, checked)])
        for part in (self._mark, self._text, self._help):
            if part is not None:
                part.show_chosen(checked)

    def _layout(self) -> QLayout:
        layout = self.layout()
        assert layout is not None
        return layout

    def sizeHint(self) -> QSize:
        hint = self._layout().sizeHint()
        return QSize(max(hint.width(), 200), max(hint.height(), super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, max(self._layout().minimumSize().height(), super().minimumSizeHint().height()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._layout().totalHeightForWidth(width), super().minimumSizeHint().height(), self.minimumHeight())


class FlowBody(QWidget):
    """Scroll content whose height follows its width.

    A layout of wrapped labels reports the height it would need at its narrowest, far taller than at
    the real width; QScrollArea would honour that and leave a screen of empty space under the cards.
    """

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return QSize(layout.minimumSize().width() if layout is not None else 0, 0)


class Picture(QWidget):
    """An SVG picture that fills its width and keeps its aspect ratio; a plain frame if the file is missing."""

    def __init__(self, path: Path, name: str, max_width: int = 10_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._name = name
        size = resources.svg_size(path)
        self._aspect = size.height() / max(1, size.width()) if size is not None else 0.76
        self._max_width = max_width
        self._cache: QPixmap | None = None
        # an image for assistive technology, named with what it shows (callers pass the SVG's own description)
        set_role(self, QAccessible.Role.Graphic, name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(min(width, self._max_width) * self._aspect)

    def sizeHint(self) -> QSize:
        width = min(self._max_width, 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, round(120 * self._aspect))

    def paintEvent(self, event: QPaintEvent) -> None:
        width = min(self.width(), self._max_width)
        height = min(self.height(), round(width * self._aspect))
        width = round(height / self._aspect) if self._aspect else width
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.width() != round(width * ratio):
            # render once per size: painting an SVG on every repaint would slow scrolling
            self._cache = resources.pixmap(self._path, width, height, self._name, ratio)
        painter = QPainter(self)
        left = (self.width() - width) / 2
        painter.drawPixmap(QRectF(left, 0, width, height), self._cache, QRectF(self._cache.rect()))
        painter.end()
