"""The take-home handout: one HTML document from the explanation, printed, saved as PDF or drawn to images."""

from __future__ import annotations

import datetime
import html
import io
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QDate, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from misaid.core.casecode import encode, pretty
from misaid.core.engine import Explanation
from misaid.core.model import Audience, Content
from misaid.core.outline import Item, Route, Section, build_outline
from misaid.ui import resources
from misaid.ui.i18n import tr

LAYOUT_DPI = 96  # the document is laid out in 1/96-inch units and scaled to each device
QR_URL = "misaid:casecode-qr"
QR_WIDTH = 112  # layout units: about 30 mm, so each of the 29 modules (with the quiet zone) is about 1 mm
MARGIN_MM = 14
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
    QLocale.Country.Venezuela, QLocale.Country.PuertoRico,
}


_layout_device: list[QImage] = []


def _layout_paint_device() -> QImage:
    """A 96-dpi device to lay text out on, so pages break the same way on every screen and printer."""
    if not _layout_device:
        image = QImage(4, 4, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
        image.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
        _layout_device.append(image)
    return _layout_device[0]



def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter where Letter paper is the norm, A4 everywhere else."""
    territory = (locale or QLocale()).territory()
    return QPageSize(QPageSize.PageSizeId.Letter if territory in _LETTER_TERRITORIES else QPageSize.PageSizeId.A4)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _list(items: Iterable[str]) -> str:
    return "".join(f"<li>{item}</li>" for item in items)


def case_code_qr(code: str) -> QImage:
    """The case code as a QR code, black on white, drawn in memory (never to a file)."""
    import segno

    buffer = io.BytesIO()
    # a full QR code (phones do not read Micro QR); the raw code uses QR's compact alphanumeric mode
    segno.make_qr(code, error="m").save(buffer, kind="png", scale=8, border=4, dark="black", light="white")
    return QImage.fromData(buffer.getvalue())


def handout_html(content: Content, expl: Explanation, audience: Audience, today: datetime.date) -> str:
    """The handout in Qt's rich-text subset, from the outline; black text on white, nothing said by colour alone."""
    outline = build_outline(expl, audience, translate=tr, content=content)
    src = lambda item: f' <span class="src">[{_e(item.cite)}]</span>' if item.sources else ""  # noqa: E731
    patient = audience == "patient"
    pick = lambda for_patient, for_clinician: _e(for_patient if patient else for_clinician)  # noqa: E731
    printed = tr("Printed %1", QLocale().toString(QDate(today.year, today.month, today.day),
                                                  QLocale.FormatType.LongFormat))
    version = tr("Content version %1", outline.version)
    parts = [f"<h1>{pick(tr('Surgery through small cuts: what the sources describe for you'), tr('MIS summary'))}</h1>",
             f'<p class="meta">{_e(printed)} &middot; {_e(version)}</p>',
             f'<p class="note"><b>{_e(outline.disclaimer)}</b></p>']
    code = pretty(encode(dict(expl.answers)))
    code_words = pick(tr("Show it to your surgeon. It holds your answers, not your name."),
                      tr("Holds the answers, not the name: misaid explain --code %1", code))
    parts.append(f'<table class="codebox" cellpadding="6" cellspacing="0"><tr>'
                 f'<td><img src="{QR_URL}" width="{QR_WIDTH}" height="{QR_WIDTH}"/></td>'
                 f'<td valign="middle"><b>{pick(tr("Your case code"), tr("Case code"))}</b><br/>'
                 f'<span class="casecode">{_e(code)}</span><br/>{code_words}</td></tr></table>')

    def points(items: Iterable[Item]) -> str:
        return _list(_e(i.text) + src(i) for i in items)

    def h2(section: Section) -> str:
        return f"<h2>{_e(section.heading)}</h2>"

    urgent = outline["urgent"]
    if urgent:
        flags = "".join(f"<br/>{_e(u.text)}{src(u)}" for u in urgent.items)
        parts.append(f'<table class="urgent" width="100%" cellpadding="6">'
                     f"<tr><td><b>{_e(urgent.heading)}</b>{flags}</td></tr></table>")
    answers = outline["answers"]
    rows = "".join(f"<tr><td>{_e(row.name)}</td><td><b>{_e(row.text)}</b></td></tr>" for row in answers.items)
    parts.append(f"{h2(answers)}<table cellpadding='2'>{rows}</table>")
    for section in outline.sections:
        if not section or section.id in ("urgent", "answers", "trace"):
            continue
        if section.id == "approaches":
            parts.append(h2(section) + _routes(section.routes, points))
        elif section.id == "options":
            options = _list(f"<b>{_e(o.name)}</b>: {_e(o.text)}{src(o)}" for o in section.items)
            parts.append(f"{h2(section)}<ul>{options}</ul>")
        elif section.id == "questions":
            parts.append(f"{h2(section)}<ul>{_list(_e(q.text) for q in section.items)}</ul>")
        elif section.id == "prompt":
            prompt = section.items[0]
            parts.append(f'<p class="prompt"><b>{_e(prompt.text)}</b>{src(prompt)}</p>')
        elif section.id == "sources":
            parts.append(f"{h2(section)}<ul class='sources'>{_list(_e(s.text) for s in section.items)}</ul>")
        else:
            lead = f"<p>{_e(section.lead)}</p>" if section.lead else ""
            parts.append(f"{h2(section)}{lead}<ul>{points(section.items)}</ul>")
    parts.append(f'<p class="note">{_e(outline.disclaimer)}</p>')
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _routes(routes: tuple[Route, ...], points: Callable[[Iterable[Item]], str]) -> str:
    """The three approaches side by side: diagram, fit, reasons, then benefits and risks under equal headings."""
    pictures, words = [], []
    for route in routes:
        pictures.append(f'<td width="33%" align="center"><img src="misaid:approach-{route.id}" width="200"/></td>')
        cell = (f"<b>{_e(route.name)}</b><br/><span class=\"fit\">&#9654; {_e(route.fit_label)}</span>"
                f"<ul>{points(route.reasons)}</ul>")
        for part in (route.benefits, route.risks):
            if part:
                cell += f'<p class="part"><b>{_e(part.heading)}</b></p><ul>{points(part.items)}</ul>'
        words.append(f'<td width="33%">{cell}</td>')
    return (f'<table width="100%" cellpadding="4"><tr>{"".join(pictures)}</tr>'
            f'<tr>{"".join(words)}</tr></table>')


_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: %(body)spt; color: #000000; }
h1 { font-size: %(h1)spt; margin-bottom: 2px; }
h2 { font-size: %(h2)spt; margin-top: 8px; margin-bottom: 2px; border-bottom: 1px solid #000000; }
.meta { font-size: %(small)spt; }
.src { font-size: %(small)spt; color: #333333; }
.fit { font-weight: bold; }
.note { font-size: %(body)spt; }
.sources { font-size: %(small)spt; }
table.urgent { border: 2px solid #000000; }
table.codebox { border: 2px solid #000000; border-collapse: collapse; margin-top: 4px; }
.casecode { font-family: 'DejaVu Sans Mono', 'Consolas', monospace; font-size: %(code)spt; font-weight: bold; }
ul { margin-top: 0px; margin-bottom: 0px; }
.part { margin-top: 4px; margin-bottom: 0px; }
"""


def handout_document(content: Content, expl: Explanation, audience: Audience = "patient",
                     today: datetime.date | None = None, page_size: QPageSize | None = None) -> QTextDocument:
    """The handout laid out in pages of the given paper size (default: by locale)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(_layout_paint_device())
    document.setDocumentMargin(0)
    # points on paper; patients get the larger print
    sizes = ({"body": 10, "h1": 15, "h2": 12, "small": 8, "code": 18} if audience == "patient"
             else {"body": 9, "h1": 13, "h2": 11, "small": 7.5, "code": 14})
    document.setDefaultStyleSheet(_CSS % sizes)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(sizes["body"])
    document.setDefaultFont(font)
    for result in expl.approaches:
        # diagrams as bitmaps at ~300 dpi for their printed width (200 px at 96 dpi): crisp on paper
        image = resources.render_svg(resources.diagram_path(result.approach.diagram), 640,
                                     label=result.approach.name.get(audience))
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"misaid:approach-{result.id}"), image)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_URL),
                         case_code_qr(encode(dict(expl.answers))))
    document.setHtml(handout_html(content, expl, audience, today or datetime.date.today()))
    body = _body_rect(page_size or page_size_for())
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document


def _body_rect(page_size: QPageSize) -> QRectF:
    """The printable body in layout units (1/96 inch), below the margins and above the footer line."""
    points = page_size.sizePoints()
    scale = LAYOUT_DPI / 72
    margin = MARGIN_MM / 25.4 * LAYOUT_DPI
    footer = 18
    return QRectF(margin, margin, points.width() * scale - 2 * margin, points.height() * scale - 2 * margin - footer)


def paint_pages(document: QTextDocument, device: QPagedPaintDevice | None, page_size: QPageSize,
                images: list[QImage] | None = None, dpi: int = 150) -> int:
    """Draw each page onto a printer/PDF writer (new page per page) or into `images`; returns the page count."""
    body = _body_rect(page_size)
    count = document.pageCount()
    painter = QPainter()
    for index in range(count):
        if device is not None:
            if index == 0:
                painter.begin(device)
            else:
                device.newPage()
            scale = device.logicalDpiX() / LAYOUT_DPI
            # the device paints inside its own margins; we set them to zero and place the body ourselves
        else:
            points = page_size.sizePoints()
            width, height = round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)
            image = QImage(width, height, QImage.Format.Format_RGB32)
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            image.fill(QColor("white"))
            painter.begin(image)
            scale = dpi / LAYOUT_DPI
            assert images is not None
            images.append(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.save()
        painter.scale(scale, scale)
        painter.translate(body.left(), body.top() - index * body.height())
        document.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        footer_font = QFont("DejaVu Sans")
        footer_font.setPointSizeF(7.5)
        painter.setFont(footer_font)
        painter.setPen(QColor("black"))
        footer = QRectF(body.left(), body.bottom() + 4, body.width(), 14)
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "misaid")
        painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         tr("Page %1 of %2", index + 1, count))
        painter.restore()
        if device is None:
            painter.end()
    if device is not None and painter.isActive():
        painter.end()
    return count


def write_handout_pdf(target: str | Path | QIODevice, content: Content, expl: Explanation,
                      audience: Audience = "patient", today: datetime.date | None = None,
                      page_size: QPageSize | None = None) -> QTextDocument:
    """Save the handout as PDF (a path or an open QIODevice); returns the document that was drawn."""
    size = page_size or page_size_for()
    writer = QPdfWriter(str(target) if isinstance(target, (str, Path)) else target)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(tr("misaid handout"))
    writer.setCreator("misaid")
    document = handout_document(content, expl, audience, today, size)
    paint_pages(document, writer, size)
    return document


def print_handout(printer: QPagedPaintDevice, content: Content, expl: Explanation, audience: Audience = "patient",
                  today: datetime.date | None = None) -> QTextDocument:
    """Print the same document on a QPrinter (already set up, e.g. by QPrintDialog)."""
    layout = printer.pageLayout()
    size = layout.pageSize()
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    document = handout_document(content, expl, audience, today, size)
    paint_pages(document, printer, size)
    return document


def handout_images(content: Content, expl: Explanation, audience: Audience = "patient", dpi: int = 110,
                   today: datetime.date | None = None, page_size: QPageSize | None = None) -> list[QImage]:
    """The handout's pages as images, exactly as they are drawn into the PDF (for `misaid tour`)."""
    size = page_size or page_size_for()
    document = handout_document(content, expl, audience, today, size)
    images: list[QImage] = []
    paint_pages(document, None, size, images, dpi)
    return images
