"""Files the UI shows: stylesheet (at the chosen text size and theme), SVG diagrams and icons, with plain
placeholders when one is missing."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

_PACKAGE = Path(__file__).resolve().parent.parent  # src/misaid or site-packages/misaid


def assets_dir() -> Path:
    """assets/: inside the installed package, or at the root of a checkout.

    Found here rather than in misaid.core.paths: importing any misaid.core module runs its __init__,
    which loads the content loader; the welcome screen needs only the stylesheet and must not wait for that.
    """
    installed = _PACKAGE / "assets"
    return installed if installed.is_dir() else _PACKAGE.parent.parent / "assets"


def diagram_path(name: str) -> Path:
    return assets_dir() / "diagrams" / f"{name}.svg"


def svg_description(path: Path) -> str:
    """A picture's own words: its <title> and <desc>, for a screen reader; "" when it has none."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return ""
    import re
    from html import unescape

    parts = [unescape(m.group(1).strip()) for tag in ("title", "desc")
             for m in [re.search(rf"<{tag}>(.*?)</{tag}>", head, re.S)] if m]
    return ". ".join(p.rstrip(".") for p in parts if p) + ("." if parts else "")


def icon_path(name: str) -> Path:
    return assets_dir() / "icons" / f"{name}.svg"


# ---- the look: text size and theme ----------------------------------------------------------------
# The steps A-/A+ go through. Every screen is laid out and tested at each of them (tests/ui/test_text_size.py).
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
MAX_FACTOR = TEXT_SCALES[-1]  # with a large system font on top, sizes stop here: nothing beyond it is tested
THEMES = ("default", "contrast")
# the first line of every sheet this module makes: a widget under one that carries it is styled already
STYLE_MARK = "/* misaid style"
# The system font's usual size on each platform. A larger system font (an accessibility setting) makes
# every size in the stylesheet larger by the same ratio; a smaller one leaves the designed sizes alone.
USUAL_SYSTEM_PT = {"darwin": 13.0, "win32": 9.0}
USUAL_SYSTEM_PT_ELSEWHERE = 11.0  # GNOME's default; KDE's 10 pt and the offscreen 9 pt count as usual too

# Fonts (pt) grow with the text. Lengths in px keep their size (borders, padding, and the minimum sizes
# that make a target big enough to touch: the words inside make it bigger as they grow), except those of
# the parts drawn beside words (a check box's box, a list's arrow, a number's buttons: _BESIDE_WORDS), which grow
# with them.
_FONT_SIZE = re.compile(r"(font-size:\s*)(\d+(?:\.\d+)?)pt")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BESIDE_WORDS = ("indicator", "drop-down", "down-arrow", "up-arrow", "up-button", "down-button")
_BOX_SIZE = re.compile(r"((?:^|[;\s])(?:width|height|border-radius):\s*)(\d+)px")
# Words this large are large enough: they grow up to it, no further, so a heading still fits on a line
# and the next step stays on the first screen. Body text (12 to 20 pt) doubles in full.
LARGEST_PT = 44

# the focus ring, written once in the sheet as `border-color: @ring(outer, middle, inner);` (see assets/style.qss)
_COLOUR = r"\s*(#[0-9a-fA-F]{3,6})\s*"
_RING_MACRO = re.compile(rf"border-color:\s*@ring\({_COLOUR},{_COLOUR},{_COLOUR}\)\s*;")
# each side's gradient runs from the outside in, a third of the border's width per band
_RING_SIDES = {"top": "x1:0, y1:0, x2:0, y2:1", "bottom": "x1:0, y1:1, x2:0, y2:0",
               "left": "x1:0, y1:0, x2:1, y2:0", "right": "x1:1, y1:0, x2:0, y2:0"}


def _ring(match: re.Match[str]) -> str:
    outer, middle, inner = match.groups()
    stops = (f"stop:0 {outer}, stop:0.333 {outer}, stop:0.334 {middle}, stop:0.666 {middle}, "
             f"stop:0.667 {inner}, stop:1 {inner}")
    return " ".join(f"border-{side}-color: qlineargradient({line}, {stops});" for side, line in _RING_SIDES.items())


def scale_sizes(sheet: str, factor: float) -> str:
    """`sheet` with its font sizes, and the sizes of the parts drawn beside words, multiplied by `factor`.

    A font that would grow past LARGEST_PT stops there (never below its own size). Values are rounded
    to whole points and pixels (Qt's style sheets take no fractions).
    """
    if factor == 1.0:
        return sheet

    def font(match: re.Match[str]) -> str:
        size = float(match.group(2))
        grown = size * factor
        return f"{match.group(1)}{round(grown if grown <= LARGEST_PT else max(size, LARGEST_PT))}pt"

    def box(rule: re.Match[str]) -> str:
        selector, body = rule.groups()
        named = _COMMENT.sub("", selector)  # a comment before the rule may name a part; only the selector counts
        if any(f"::{part}" in named for part in _BESIDE_WORDS):
            body = _BOX_SIZE.sub(lambda m: f"{m.group(1)}{round(int(m.group(2)) * factor)}px", body)
        return f"{selector}{{{body}}}"

    return _RULE.sub(box, _FONT_SIZE.sub(font, sheet))


def _read(name: str) -> str:
    try:
        return (assets_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=16)
def stylesheet(factor: float = 1.0, contrast: bool = False) -> str:
    """assets/style.qss (with assets/style-contrast.qss after it for high contrast), sizes times `factor`.

    Nothing when style.qss is missing: the app still works in the platform style.
    """
    base = _read("style.qss")
    if not base:
        return ""
    # the icons the sheet names (the tick of a check box) are found wherever the package is installed
    QDir.setSearchPaths("misaid", [str(assets_dir())])
    sheet = base + ("\n" + _read("style-contrast.qss") if contrast else "")
    sheet = scale_sizes(_RING_MACRO.sub(_ring, sheet), factor)
    theme = THEMES[1] if contrast else THEMES[0]
    return f"{STYLE_MARK}: text x{factor:g}, theme {theme} */\n{sheet}"


def system_font_ratio() -> float:
    """How much larger than usual the system's font is (1.0 when usual or smaller)."""
    usual = USUAL_SYSTEM_PT.get(sys.platform, USUAL_SYSTEM_PT_ELSEWHERE)
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return max(1.0, size / usual) if size > 0 else 1.0


def system_high_contrast() -> bool:
    """The system asks for high contrast (Qt 6.10+ exposes it; older Qt never says so)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    preference = getattr(Qt, "ContrastPreference", None)
    if accessibility is None or preference is None:
        return False
    return bool(accessibility().contrastPreference() == preference.HighContrast)


class Display(QObject):
    """The text size and theme the person chose (or the system's), for every window the app styles.

    One per application. `changed` fires after every change; each styled window then takes the new sheet.
    Until the person chooses, high contrast follows the system's setting, also when it changes
    (QStyleHints.accessibility().contrastPreference(), Qt 6.10+). The system's colour scheme
    (QStyleHints.colorScheme(): light or dark) is not read as a wish for high contrast: misaid keeps its
    light look, and as the sheets set every colour they use, a dark system palette does not leak into it.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scale = TEXT_SCALES[0]
        self._contrast: bool | None = None  # None: as the system says
        accessibility = getattr(QGuiApplication.styleHints(), "accessibility", None)
        if accessibility is not None and hasattr(accessibility(), "contrastPreferenceChanged"):
            accessibility().contrastPreferenceChanged.connect(self._system_changed)

    @property
    def scale(self) -> float:
        """The step chosen with A-/A+ (1.0 to 2.0)."""
        return self._scale

    @property
    def factor(self) -> float:
        """What the stylesheet's sizes are multiplied by: the step, times a larger system font, at most 2."""
        return min(MAX_FACTOR, round(self._scale * system_font_ratio(), 2))

    @property
    def high_contrast(self) -> bool:
        return self._contrast if self._contrast is not None else system_high_contrast()

    def set_scale(self, scale: float) -> None:
        """Go to the step nearest `scale`."""
        step = min(TEXT_SCALES, key=lambda s: abs(s - scale))
        if step != self._scale:
            self._scale = step
            self.changed.emit()

    def bigger(self) -> None:
        self.set_scale(TEXT_SCALES[min(TEXT_SCALES.index(self._scale) + 1, len(TEXT_SCALES) - 1)])

    def smaller(self) -> None:
        self.set_scale(TEXT_SCALES[max(TEXT_SCALES.index(self._scale) - 1, 0)])

    def can_grow(self) -> bool:
        return self._scale < TEXT_SCALES[-1]

    def can_shrink(self) -> bool:
        return self._scale > TEXT_SCALES[0]

    def set_high_contrast(self, on: bool | None) -> None:
        """On, off, or None: as the system says."""
        before = self.high_contrast
        self._contrast = on
        if self.high_contrast != before:
            self.changed.emit()

    def reset(self) -> None:
        """The usual size and the system's theme (a kiosk's next person starts from them)."""
        before = (self._scale, self.high_contrast)
        self._scale, self._contrast = TEXT_SCALES[0], None
        if (self._scale, self.high_contrast) != before:
            self.changed.emit()

    def sheet(self) -> str:
        return stylesheet(self.factor, self.high_contrast)

    def _system_changed(self, *_: object) -> None:
        if self._contrast is None:
            self.changed.emit()


_display: list[Display] = []


def display() -> Display:
    """The application's Display (made with the first call; needs the application object)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the display settings need the application object first")
    if not _display or _display[0].parent() is not app:
        _display[:] = [Display(app)]
    return _display[0]


class _Restyle(QObject):
    """Gives its window the new sheet whenever the Display changes; goes with the window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("misaidRestyle")
        self._window = window
        display().changed.connect(self.restyle)

    def restyle(self) -> None:
        sheet = display().sheet()
        if sheet and self._window.styleSheet() != sheet:
            self._window.setStyleSheet(sheet)


def styled_by_ancestor(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.styleSheet().startswith(STYLE_MARK):
            return True
        parent = parent.parentWidget()
    return False


def apply_style(widget: QWidget) -> None:
    """Put the stylesheet, at the chosen text size and theme, on one top-level widget, never on the application.

    Other windows (kiosk dialogs, later modes) keep their own look, and tests stay independent.
    A widget made inside one that has it already gets nothing: the same rules twice would double
    the work of styling every widget in it, for the same look. The widget follows later changes of
    text size and theme (Display.changed) by itself.
    """
    sheet = display().sheet()
    if not sheet or styled_by_ancestor(widget):
        return
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
    if widget.findChild(_Restyle, "misaidRestyle", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        _Restyle(widget)


def _renderer(path: str) -> QSvgRenderer | None:
    # not cached: a parsed diagram is kept only as long as it is drawn (pictures keep their own pixmaps)
    if not Path(path).is_file():
        return None
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first picture, not before the first screen

    renderer = QSvgRenderer(path)
    return renderer if renderer.isValid() else None


@lru_cache(maxsize=128)
def _svg_size(path: str) -> QSize | None:
    renderer = _renderer(path)
    return renderer.defaultSize() if renderer is not None else None


def svg_size(path: Path) -> QSize | None:
    """The picture's own size, or None when the file is missing or broken."""
    size = _svg_size(str(path))
    return QSize(size) if size is not None else None


def render_svg(path: Path, width: int, height: int | None = None, label: str = "") -> QImage:
    """The SVG drawn at `width` pixels (height from its aspect ratio), or a labelled placeholder box."""
    renderer = _renderer(str(path))
    if renderer is not None:
        size = renderer.defaultSize()
        if height is None:
            height = max(1, round(width * size.height() / max(1, size.width())))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # keep the aspect ratio: a stretched body would mislead
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return image
    return placeholder(width, height if height is not None else round(width * 0.76), label)


def placeholder(width: int, height: int, label: str = "") -> QImage:
    """A calm grey frame standing in for a picture that is not there (yet)."""
    image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f2f2f2"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#6b6b6b"), max(1, width // 150)))
    painter.drawRect(QRectF(1, 1, width - 2, height - 2))
    if label:
        font = QFont()
        font.setPixelSize(max(8, min(height // 6, width // max(8, len(label)) * 2)))
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)
    painter.end()
    return image


def pixmap(path: Path, width: int, height: int | None = None, label: str = "", ratio: float = 1.0) -> QPixmap:
    """A crisp pixmap for the screen (drawn at the device pixel ratio)."""
    image = render_svg(path, round(width * ratio), round(height * ratio) if height is not None else None, label)
    result = QPixmap.fromImage(image)
    result.setDevicePixelRatio(ratio)
    return result


def icon(name: str) -> QIcon:
    """An icon from assets/icons, or an empty icon (the button keeps its words) when it is missing."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()
