"""Files the UI shows: stylesheet, SVG diagrams and icons, with plain placeholders when one is missing."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap
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


def stylesheet() -> str:
    """assets/style.qss, or nothing: the app still works in the platform style."""
    path = assets_dir() / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def apply_style(widget: QWidget) -> None:
    """Put the stylesheet on one top-level widget, never on the whole application.

    Other windows (kiosk dialogs, later modes) keep their own look, and tests stay independent.
    A widget made inside one that has it already gets nothing: the same rules twice would double
    the work of styling every widget in it, for the same look.
    """
    sheet = stylesheet()
    if not sheet or widget.styleSheet() == sheet:
        return
    parent = widget.parentWidget()
    while parent is not None:
        if parent.styleSheet() == sheet:
            return
        parent = parent.parentWidget()
    widget.setStyleSheet(sheet)


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
