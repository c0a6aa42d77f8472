"""The take-home handout: one HTML document from the outline, printed, saved as PDF or drawn to images.

A patient's handout is two pages with nothing under 12 pt but the source list: page 1 holds the key points
and the four choices side by side, page 2 what matters to the person, the readiness check, the questions for
the surgeon and the sources. When the words do not fit, `handout_document` gives up the least needed first
(PAGE_ONE, PAGE_TWO); benefits and risks are always cut alike, so neither side ever weighs more on paper.
A clinician's handout keeps every word and may run longer.
"""

from __future__ import annotations

import datetime
import html
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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
from misaid.core.outline import Item, Outline, Route, Section, build_outline, heading
from misaid.ui import resources
from misaid.ui.i18n import content_version, language, tr

LAYOUT_DPI = 96  # the document is laid out in 1/96-inch units and scaled to each device
QR_URL = "misaid:casecode-qr"
QR_WIDTH = 92  # layout units: about 24 mm, so each of the 29 modules (with the quiet zone) is about 0.8 mm
MARGIN_MM = 10
FOOTER_PT = 9.0
# points on paper. Patients get 12 pt or more everywhere but the source list, which is read least.
SIZES: Mapping[Audience, Mapping[str, float]] = {
    "patient": {"body": 12, "h1": 17, "h2": 14, "name": 12, "small": 9, "code": 15},
    "clinician": {"body": 10, "h1": 14, "h2": 12, "name": 11, "small": 9, "code": 13},
}
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
    QLocale.Country.Venezuela, QLocale.Country.PuertoRico,
}


OPENING_CHARS = 40  # a first sentence shorter than this ("No operation.") says too little on its own


@dataclass(frozen=True)
class Fit:
    """How much of the full text a printed page holds; every field can only take words away."""

    diagrams: bool = True  # page 1: the route diagrams above the columns
    reasons: int | None = None  # page 1: why, per column (None: every reason)
    sentences: int | None = None  # page 1: each benefit and risk cut to whole sentences of at least this many chars
    brief: int | None = None  # page 1: how it is done, why and recovery cut the same way
    narrow: bool = False  # page 1: the columns in a narrower typeface of the same size
    points: int | None = None  # page 1: benefits per column, and as many risks (None: all)
    key_points: int | None = None  # page 1: the first this many key points (None: all, up to four)
    lines: bool = True  # page 2: a line to write on under each question
    source_columns: int = 2  # page 2: the patient's source list side by side in this many columns


# What page 1 gives up, in order, until it fits: pictures, then repeated reasons, then the detail of each
# point; the number of points goes last, and then for benefits and risks alike.
PAGE_ONE = (
    Fit(),
    Fit(diagrams=False),
    Fit(diagrams=False, reasons=1),
    Fit(diagrams=False, reasons=1, sentences=OPENING_CHARS),
    Fit(diagrams=False, reasons=1, sentences=OPENING_CHARS, brief=OPENING_CHARS),
    # a narrower face at the same size before fewer words: condensed reads a little slower, a cut says less
    Fit(diagrams=False, reasons=1, sentences=OPENING_CHARS, brief=OPENING_CHARS, narrow=True),
    # the fit label stays in each column's head; the why behind it goes before any benefit or risk does
    Fit(diagrams=False, reasons=0, sentences=OPENING_CHARS, brief=OPENING_CHARS, narrow=True),
    *(Fit(diagrams=False, reasons=0, sentences=OPENING_CHARS, brief=OPENING_CHARS, narrow=True, points=n)
      for n in (3, 2, 1)),
    # the last resorts: the first sentence alone, however short; then three key points, the most specific
    Fit(diagrams=False, reasons=0, sentences=0, brief=0, narrow=True, points=1),
    Fit(diagrams=False, reasons=0, sentences=0, brief=0, narrow=True, points=1, key_points=3),
)
PAGE_TWO = (Fit(), Fit(lines=False), Fit(lines=False, source_columns=3))

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def opening(text: str, at_least: int = OPENING_CHARS) -> str:
    """The first sentences of `text` up to `at_least` characters: whole sentences, never a cut word."""
    sentences = _SENTENCE_END.split(text.strip())
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) >= at_least:
            break
        kept += " " + sentence
    return kept


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


def case_code_qr(code: str) -> QImage:
    """The case code as a QR code, black on white, drawn in memory (never to a file)."""
    import segno

    buffer = io.BytesIO()
    # a full QR code (phones do not read Micro QR); the raw code uses QR's compact alphanumeric mode
    segno.make_qr(code, error="m").save(buffer, kind="png", scale=8, border=4, dark="black", light="white")
    return QImage.fromData(buffer.getvalue())


def _diagram_url(route: Route) -> str:
    return f"misaid:diagram-{route.id}"


def _has_diagram(route: Route) -> bool:
    # on paper a grey placeholder only takes room from the words: a diagram not drawn yet is left out
    return bool(route.diagram) and resources.diagram_path(route.diagram).is_file()


def handout_html(content: Content, expl: Explanation, audience: Audience, today: datetime.date,
                 fit: Fit = Fit()) -> str:
    """The handout in Qt's rich-text subset, from the outline; black text on white, nothing said by colour alone."""
    outline = build_outline(expl, audience, language(), translate=tr, content=content)
    return _Writer(outline, expl, today, content_version(content.meta)).html(fit, fit)


class _Writer:
    """Writes one outline's pages, noting which sources they cite so the patient's list holds just those."""

    def __init__(self, outline: Outline, expl: Explanation, today: datetime.date, version: str) -> None:
        self.outline = outline
        self.version = version  # "Content version 2.0.0 (reviewed ..., draft)" in the UI's language
        self.expl = expl
        self.today = today
        self.patient = outline.audience == "patient"
        self.cited: set[int] = set()

    def html(self, one: Fit, two: Fit, pages: tuple[int, ...] = (1, 2)) -> str:
        """Page 1 cut to `one`, page 2 to `two`; `pages` leaves one out, to measure the other alone."""
        self.cited = set()
        first = self.page_one(one)  # written even when left out: page 2 lists the sources page 1 cites
        parts = [first] if 1 in pages else []
        if 2 in pages:
            parts.append(self.page_two(two, new_page=1 in pages and self.patient))
        return "<html><body>" + "\n".join(parts) + "</body></html>"

    def ref(self, item: Item) -> str:
        """The item's sources as numbers into the source list: short enough for a narrow column."""
        self.cited.update(item.numbers)
        return f' <span class="ref">[{", ".join(map(str, sorted(item.numbers)))}]</span>' if item.numbers else ""

    def said(self, item: Item, short: int | None = None) -> str:
        """The item with its source numbers; with `short`, only its opening sentences (see `opening`)."""
        return _e(item.text if short is None else opening(item.text, short)) + self.ref(item)

    def bullets(self, items: Iterable[Item], short: int | None = None) -> str:
        return "<ul>" + "".join(f"<li>{self.said(i, short)}</li>" for i in items) + "</ul>"

    def page_one(self, fit: Fit) -> str:
        """Title, date, case code and QR, any urgent note, the key points and the choices side by side."""
        outline = self.outline
        pick = lambda for_patient, for_clinician: _e(for_patient if self.patient else for_clinician)
        day = self.today
        printed = tr("Printed %1", QLocale().toString(QDate(day.year, day.month, day.day),
                                                      QLocale.FormatType.LongFormat))
        version = self.version
        code = pretty(encode(dict(self.expl.answers)))
        # one sentence with the code in its place, so a translation may put it anywhere
        code_line = pick(tr("Your case code: %1", code), tr("Case code: %1", code)).replace(
            _e(code), f'<span class="casecode">{_e(code)}</span>', 1)
        code_words = pick(tr("Show it to your surgeon. It holds your answers, not your name."),
                          tr("Holds the answers, not the name: misaid explain --code %1", code))
        # the title across the top, the code beside the date under it: the height goes to the choices.
        # One table, no table in a cell: Qt puts an empty line after a nested table.
        qr = f'<img src="{QR_URL}" width="{QR_WIDTH}" height="{QR_WIDTH}"/>'
        parts = [f'<p class="h1">{_e(outline.title)}</p>'
                 f'<table class="head" width="100%" cellspacing="0" cellpadding="3"><tr>'
                 f'<td valign="top" class="meta"><p>{_e(printed)}. {_e(version)}.</p>'
                 f'<p><b>{_e(outline.disclaimer)}</b></p></td>'
                 f'<td class="code" width="300" valign="middle"><b>{code_line}</b><br/>{code_words}</td>'
                 f'<td class="code" width="{QR_WIDTH}">{qr}</td></tr></table>']
        urgent = outline["urgent"]
        if urgent:
            flags = "".join(f"<p>{self.said(u)}</p>" for u in urgent.items)
            parts.append(f'<table class="urgent" width="100%" cellpadding="6" cellspacing="0">'
                         f'<tr><td><p class="urgenthead">{_e(urgent.heading)}</p>{flags}</td></tr></table>')
        points = outline["key_points"]
        if points:
            parts.append(f'<p class="h2">{_e(points.heading)}</p>{self.bullets(points.items[:fit.key_points])}')
        if outline.columns:
            # with care without surgery there are four choices; an urgent result shows only the three routes
            key = "choices" if outline["nonsurgical"] else "approaches"
            table, cut = self.columns(fit)
            parts.append(f'<p class="h2">{_e(outline.headings[key])}</p>{table}')
            if cut:  # said plainly: a shortened list must not read as the whole story
                shortened = tr("Shortened to fit. Your surgeon can see it all with your case code.")
                parts.append(f"<p>{_e(shortened)}</p>")
        return "\n".join(parts)

    def columns(self, fit: Fit) -> tuple[str, bool]:
        """The choices as one table, a column each, every row aligned across; and whether any words were cut."""
        routes = self.outline.columns
        span = len(routes)
        width = f"{100 // span}%"
        cut = fit.reasons == 0 and any(r.reasons for r in routes)

        def row(cells: Iterable[str], css: str = "") -> str:
            css = f' class="{css}"' if css else ""
            return "<tr>" + "".join(f'<td width="{width}" valign="top"{css}>{c}</td>' for c in cells) + "</tr>"

        def label(key: str) -> str:
            return f'<tr><td colspan="{span}" class="label">{_e(self.outline.headings[key])}</td></tr>'

        def one(item: Item | None, short: int | None) -> str:
            nonlocal cut
            if item is None:
                return ""
            cut = cut or (short is not None and opening(item.text, short) != item.text.strip())
            return f"<p>{self.said(item, short)}</p>"

        def why(route: Route) -> str:
            nonlocal cut
            shown = route.reasons[:fit.reasons]  # reasons=None: all of them
            cut = cut or len(shown) < len(route.reasons)
            return "".join(one(r, fit.brief) for r in shown)

        def side(part: Section) -> str:
            # benefits and risks both come through here: the same cut for each, and a count of what was left out
            nonlocal cut
            if not part:  # said, not left blank: an empty risk cell could read as "no risks"
                none = (tr("Not described in our sources for your answers.") if self.patient
                        else tr("None described in the sources for these answers."))
                return f"<p>{_e(none)}</p>"
            shown = part.items[:fit.points]
            more = len(part.items) - len(shown)
            cut = cut or more > 0 or (
                fit.sentences is not None and any(opening(i.text, fit.sentences) != i.text.strip() for i in shown))
            rest = f'<p class="more">{_e(tr("+ %n more", n=more))}</p>' if more else ""
            return self.bullets(shown, fit.sentences) + rest

        heads = (f'<p class="name">{_e(r.name)}</p><p class="fit">&#9654; {_e(r.fit_label)}</p>' for r in routes)
        rows = [row(heads, "names")]
        if fit.diagrams and any(_has_diagram(r) for r in routes):
            size = 150 if span > 3 else 200
            rows.append(row(f'<img src="{_diagram_url(r)}" width="{size}"/>' if _has_diagram(r) else ""
                            for r in routes))
        if fit.reasons != 0:
            rows += [label("fit"), row(why(r) for r in routes)]
        rows += [label("how"), row(one(r.how, fit.brief) for r in routes),
                 label("benefits"), row(side(r.benefits) for r in routes),
                 label("risks"), row(side(r.risks) for r in routes),
                 label("recovery"), row(one(r.recovery, fit.brief) for r in routes)]
        css = "choices narrow" if fit.narrow else "choices"
        table = f'<table class="{css}" width="100%" cellpadding="2" cellspacing="0">{"".join(rows)}</table>'
        return table, cut

    def page_two(self, fit: Fit, new_page: bool) -> str:
        """What matters to the person, the readiness check, the questions, the prompt and the sources."""
        outline = self.outline
        blocks: list[tuple[str, str]] = []  # (heading, what follows it)
        if not self.patient:
            answers = outline["answers"]
            rows = "".join(f"<tr><td>{_e(r.name)}</td><td><b>{_e(r.text)}</b></td></tr>" for r in answers.items)
            blocks.append((answers.heading, f'<table cellpadding="2" cellspacing="0">{rows}</table>'))
        priorities = outline["priorities"]
        sure = outline["sure"]
        if priorities:
            lead = f"<p>{_e(priorities.lead)}</p>" if priorities.lead else ""
            blocks.append((priorities.heading, lead + self.bullets(priorities.items)))
        elif sure:  # the readiness check sends the person here: say none were chosen, and leave room to write
            room = _ruled(2) if fit.lines and self.patient else ""
            blocks.append((priorities.heading, f"<p>{_e(heading('not_given', outline.audience, tr))}</p>{room}"))
        if sure:
            blocks.append((sure.heading, self.sure(sure)))
        questions = outline["questions"]
        if questions:
            blocks.append((questions.heading, self.questions(questions, fit.lines)))
        prompt = outline["prompt"]
        if prompt:
            blocks.append((prompt.heading, "".join(f"<p><b>{self.said(p)}</b></p>" for p in prompt.items)))
        if not self.patient:
            for key in ("notes", "options"):
                section = outline[key]
                if section:
                    named = (f"<li>{f'<b>{_e(i.name)}</b>: ' if i.name else ''}{self.said(i)}</li>"
                             for i in section.items)
                    blocks.append((section.heading, "<ul>" + "".join(named) + "</ul>"))
        sources = outline["sources"]
        if sources:
            blocks.append((sources.heading, self.sources(sources, fit.source_columns)))
        # the break sits on page 2's first heading, so page 1 never ends in an empty block
        breaks = [' style="page-break-before: always"' if new_page and i == 0 else "" for i in range(len(blocks))]
        return "\n".join(f'<p class="h2"{brk}>{_e(heading)}</p>{body}'
                         for brk, (heading, body) in zip(breaks, blocks, strict=True))

    def sure(self, sure: Section) -> str:
        """Four questions, each with boxes to tick by hand and what to do after a no."""
        boxes = f"&#9744;&nbsp;{_e(tr('Yes'))}&nbsp;&nbsp;&nbsp;&nbsp;&#9744;&nbsp;{_e(tr('No'))}"
        rows = "".join(
            f'<tr><td class="ask"><b>{_e(i.name)}</b></td>'
            f'<td class="ask" align="right" valign="top" width="120">{boxes}</td></tr>'
            f'<tr><td colspan="2" class="ifno">{_e(tr("If no: %1", i.text))}{self.ref(i)}</td></tr>'
            for i in sure.items)
        lead = f"<p>{_e(sure.lead)}</p>" if sure.lead else ""
        return f'{lead}<table width="100%" cellpadding="2" cellspacing="0">{rows}</table>'

    def questions(self, questions: Section, lines: bool) -> str:
        """Numbered questions, each with a ruled line under it for the answer when there is room."""
        rows = []
        for number, item in enumerate(questions.items, 1):
            rows.append(f'<tr><td width="24" valign="top">{number}.</td><td>{_e(item.text)}</td></tr>')
            if lines:
                rows.append(_RULED)
        return f'<table width="100%" cellpadding="1" cellspacing="0">{"".join(rows)}</table>'

    def sources(self, sources: Section, columns: int) -> str:
        """Numbered as cited. A patient gets the sources this handout cites, by short name, in `columns`
        columns; a clinician every reference in full."""
        if not self.patient:
            return "".join(f'<p class="source">{n}. {_e(i.text)}</p>' for n, i in enumerate(sources.items, 1))
        entries = [f'<p class="source">{n}. {_e(i.cite)}</p>'
                   for n, i in enumerate(sources.items, 1) if n in self.cited]
        per = max(1, -(-len(entries) // columns))  # filled down, then across, as a list is read
        cells = "".join(f'<td width="{100 // columns}%" valign="top" class="sources">{"".join(entries[i:i + per])}</td>'
                        for i in range(0, len(entries), per))
        return f'<table width="100%" cellpadding="0" cellspacing="0"><tr>{cells}</tr></table>'


_RULED = '<tr><td width="24"></td><td class="line">&nbsp;</td></tr>'  # a line to write on, under the text column


def _ruled(count: int) -> str:
    return f'<table width="100%" cellpadding="1" cellspacing="0">{_RULED * count}</table>'


_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: %(body)spt; color: #000000; }
p { margin-top: 0px; margin-bottom: 2px; }
.h1 { font-size: %(h1)spt; font-weight: bold; margin-bottom: 4px; }
.h2 { font-size: %(h2)spt; font-weight: bold; margin-top: 6px; margin-bottom: 2px; }
ul { margin-top: 0px; margin-bottom: 0px; -qt-list-indent: 1; }
li { margin-bottom: 1px; }
.ref { color: #333333; }
table.urgent { border: 3px solid #000000; border-collapse: collapse; margin-top: 6px; }
.urgenthead { font-size: %(h2)spt; font-weight: bold; }
table.head { border-collapse: collapse; }
td.meta { padding-left: 0px; padding-right: 8px; }
td.code { border: 2px solid #000000; }
.casecode { font-family: 'DejaVu Sans Mono', 'Consolas', monospace; font-size: %(code)spt; font-weight: bold; }
table.choices { border-collapse: collapse; }
table.choices td { border: 1px solid #000000; }
table.narrow td { font-family: 'DejaVu Sans Condensed', 'Arial Narrow', 'Segoe UI', Arial, sans-serif; }
td.names { background-color: #e8e8e8; }
.name { font-size: %(name)spt; font-weight: bold; margin-bottom: 0px; }
.fit { font-weight: bold; }
td.label { font-weight: bold; background-color: #e8e8e8; padding-top: 1px; padding-bottom: 1px; }
.more { font-style: italic; }
td.ask { border-top: 1px solid #000000; padding-top: 3px; }
td.ifno { padding-bottom: 3px; }
td.line { border-bottom: 1px solid #000000; height: 24px; }
.source { font-size: %(small)spt; margin-bottom: 1px; }
td.sources { padding-right: 12px; }
"""


def _new_document(html_text: str, audience: Audience, pictures: Mapping[str, QImage], body: QRectF) -> QTextDocument:
    """One document laid out on the 96-dpi device, in pages of the body's size."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(_layout_paint_device())
    document.setDocumentMargin(0)
    document.setIndentWidth(16)  # list bullets close to the text: the columns are narrow
    sizes = SIZES[audience]
    document.setDefaultStyleSheet(_CSS % sizes)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(sizes["body"])
    document.setDefaultFont(font)
    for url, image in pictures.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setPageSize(QSizeF(body.width(), body.height()))
    document.setHtml(html_text)
    return document


def handout_document(content: Content, expl: Explanation, audience: Audience = "patient",
                     today: datetime.date | None = None, page_size: QPageSize | None = None) -> QTextDocument:
    """The handout laid out in pages of the given paper size (default: by locale); a patient's on two pages."""
    body = _body_rect(page_size or page_size_for())
    day = today or datetime.date.today()
    outline = build_outline(expl, audience, language(), translate=tr, content=content)
    pictures = {QR_URL: case_code_qr(encode(dict(expl.answers)))}
    for route in outline.columns:
        if _has_diagram(route):
            # bitmaps at ~300 dpi for their printed width (up to 200 px at 96 dpi): crisp on paper
            pictures[_diagram_url(route)] = resources.render_svg(resources.diagram_path(route.diagram), 640,
                                                                 label=route.name)
    writer = _Writer(outline, expl, day, content_version(content.meta))
    if audience != "patient":
        # every word, no lines to write on: a clinician's copy is read, not filled in
        return _new_document(writer.html(Fit(), Fit(lines=False)), audience, pictures, body)

    def pages(one: Fit, two: Fit, which: tuple[int, ...] = (1, 2)) -> QTextDocument:
        return _new_document(writer.html(one, two, which), audience, pictures, body)

    # page 1 measured alone; then page 2 after it, as printed (a table that runs onto a new page can take a
    # line more there than alone). Each the first way that fits, else the tightest.
    one = next((f for f in PAGE_ONE if pages(f, Fit(), (1,)).pageCount() <= 1), PAGE_ONE[-1])
    document = pages(one, PAGE_TWO[0])
    for two in PAGE_TWO[1:]:
        if document.pageCount() <= 2:
            break
        document = pages(one, two)
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
        footer_font.setPointSizeF(FOOTER_PT)
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
