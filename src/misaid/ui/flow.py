"""What wraps instead of growing wider: a flow layout (rows of widgets) and a button whose words wrap.

With large text or in a narrow window, a row of controls that cannot shrink would make the window wider
than the screen, or be cut off; these go onto more rows instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Items in reading order, each at its size hint, wrapped onto a new row when the next one does not fit.

    The height follows the width (heightForWidth), so a window never has to be wider than its widest item.
    - `align`: where each row sits, Qt.AlignmentFlag.AlignLeft (default) or AlignRight.
    - `uniform`: every item as wide as the widest, so the rows line up in columns (a grid that reflows).
    - `fill_height`: every item of a row as high as the row (cards side by side), else centred on it.
    An item given a stretch (`addWidget(widget, stretch=1)`) takes the room left on its row, up to its
    maximum width. Tab order is not changed: it follows the order widgets are made.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, uniform: bool = False,
                 fill_height: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._align = align
        self._uniform = uniform
        self._fill_height = fill_height
        # heights by width and the one-row size, kept until Qt invalidates the layout (an item added, a
        # size hint, font or style changed), as Qt's own layouts do: a window asks for them many times
        self._heights: dict[int, int] = {}
        self._hint: QSize | None = None
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)
        self.invalidate()

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._stretch.append(stretch)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        taken = self._items.pop(index)
        self.invalidate()
        return taken

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return self._heights[width]

    def invalidate(self) -> None:
        self._heights.clear()
        self._hint = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        if self._hint is None:
            self._hint = self._one_row()
        return QSize(self._hint)

    def _one_row(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        widths = [self._width(item, shown) for item, _ in shown]
        width = sum(widths) + self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item, _ in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: every other one can go on a row of its own."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item, _ in shown), default=0)
        height = max((item.minimumSize().height() for item, _ in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    # --- placing ----------------------------------------------------------------------------------
    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [(item, stretch) for item, stretch in zip(self._items, self._stretch, strict=True)
                if not item.isEmpty()]

    def _width(self, item: QLayoutItem, shown: list[tuple[QLayoutItem, int]], stretch: int = 0) -> int:
        """The width an item asks for on a row: its size hint (the widest one's when uniform), never below its
        minimum; one that stretches asks only for its minimum, as it takes the room left anyway."""
        if self._uniform:
            return max(max(0, other.sizeHint().width()) for other, _ in shown)
        if stretch > 0:
            return max(item.minimumSize().width(), 0)
        return max(item.sizeHint().width(), item.minimumSize().width(), 0)

    def _rows(self, width: int, shown: list[tuple[QLayoutItem, int]]) -> list[list[tuple[QLayoutItem, int, int]]]:
        rows: list[list[tuple[QLayoutItem, int, int]]] = [[]]
        used = 0
        for item, stretch in shown:
            wanted = min(self._width(item, shown, stretch), width)
            if rows[-1] and used + self.spacing() + wanted > width:
                rows.append([])
                used = 0
            used += (self.spacing() if rows[-1] else 0) + wanted
            rows[-1].append((item, stretch, wanted))
        return rows if rows[0] else []

    def _grown(self, row: list[tuple[QLayoutItem, int, int]], width: int) -> tuple[list[int], int]:
        """Each item's width once the room left on the row is shared by stretch (up to each one's maximum)."""
        widths = [wanted for _, _, wanted in row]
        room = width - sum(widths) - self.spacing() * (len(row) - 1)
        growing = [i for i, (item, stretch, _) in enumerate(row) if stretch > 0]
        while room > 0 and growing:
            total = sum(row[i][1] for i in growing)
            given = 0
            for i in list(growing):
                share = room * row[i][1] // total
                cap = row[i][0].maximumSize().width() - widths[i]
                step = max(0, min(share, cap))
                widths[i] += step
                given += step
                if step >= cap:
                    growing.remove(i)
            room -= given
            if given == 0:
                break
        return widths, max(0, room)

    def _item_height(self, item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            # not its minimum height: for wrapped words that is their height at the narrowest, far too tall
            return item.heightForWidth(width)
        return max(item.sizeHint().height(), item.minimumSize().height())

    def _place(self, rect: QRect, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        width = max(1, inner.width())
        y = inner.y()
        rows = self._rows(width, self._shown())
        for row in rows:
            widths, room = self._grown(row, width)
            heights = [self._item_height(item, w) for w, (item, _, _) in zip(widths, row, strict=True)]
            line = max(heights)
            x = inner.x() + (room if self._align & Qt.AlignmentFlag.AlignRight else 0)
            if move:
                for (item, _, _), w, h in zip(row, widths, heights, strict=True):
                    top = y if self._fill_height else y + (line - h) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(w, line if self._fill_height else h)))
                    x += w + self.spacing()
            y += line + self.spacing()
        used = y - inner.y() - (self.spacing() if rows else 0)
        return used + margins.top() + margins.bottom()


class WrappingButton(QPushButton):
    """A push button whose words wrap onto more lines instead of making it (and its page) wider.

    The words are a word-wrapped label inside; the `&` of the text still gives the Alt+letter, and the
    accessible name is the words. Style its words with `QPushButton#name QLabel` in the stylesheet.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the button
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.words)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setWords(text)

    def setWords(self, text: str) -> None:
        """The words, with `&` before the Alt+letter as on any button."""
        shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        self.words.setText(shown)
        self.setShortcut(QKeySequence.mnemonic(text))
        self.setAccessibleName(shown)

    def text(self) -> str:
        return self.words.text()

    def _layout(self) -> QLayout:
        layout = self.layout()
        assert layout is not None
        return layout

    def sizeHint(self) -> QSize:
        hint = self._layout().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(min(160, self._layout().sizeHint().width()), self._layout().minimumSize().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._layout().totalHeightForWidth(width), self.minimumHeight())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()


class WholeWordsLabel(QLabel):
    """Plain, word-wrapped words that are never given less width than their longest word.

    A wrapped QLabel may be squeezed narrower than one of its words, which is then cut off; this one
    asks its layout for at least that word's width, in its font of the moment (so at any text size).
    """

    def __init__(self, text: str = "", name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if name:
            self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        longest = max((self.fontMetrics().horizontalAdvance(word) for word in self.text().split()), default=0)
        return QSize(max(hint.width(), longest + margins.left() + margins.right() + 2 * self.margin() + 1),
                     hint.height())


class _ReadableWidth(QObject):
    """Keeps its widget at least `chars` average characters wide, in the widget's font of the moment."""

    def __init__(self, widget: QWidget, chars: int) -> None:
        super().__init__(widget)
        self._chars = chars
        widget.installEventFilter(self)
        self._fit(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Polish) and isinstance(watched, QWidget):
            self._fit(watched)
        return False

    def _fit(self, widget: QWidget) -> None:
        widget.setMinimumWidth(widget.fontMetrics().averageCharWidth() * self._chars)


def readable_width(widget: QWidget, chars: int = 30) -> QWidget:
    """Never narrower than `chars` characters of its own text, at any text size: a column of words stays
    readable, and a FlowLayout puts it on a row of its own (above its neighbour) rather than squeeze it."""
    _ReadableWidth(widget, chars)
    return widget
