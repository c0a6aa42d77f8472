"""The take-home handout: a real PDF holding what the person needs to show the surgeon."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QApplication

from misaid.core import Content, explain, normalise
from misaid.core.model import AUDIENCES
from misaid.core.outline import build_outline
from misaid.ui.handout import handout_document, handout_html, handout_images, page_size_for, write_handout_pdf
from misaid.ui.i18n import tr
from tests.outline_answers import MINI, SHIPPED, statements
from tests.ui.journey_helpers import ANSWER_SETS

DAY = datetime.date(2026, 11, 21)


MAX_PAGES = 5


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


@pytest.mark.parametrize("name", ["low-back-disc", "red-flag", "curve-l5"])
def test_the_pdf_holds_what_the_surgeon_should_see(qapp: QApplication, content: Content, tmp_path: Path,
                                                   name: str) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS[name]))
    target = tmp_path / "handout.pdf"
    document = write_handout_pdf(target, content, expl, "patient", DAY)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    # content v2 added risks and care without surgery beside every route; the two-page layout is issue 9's
    assert 1 <= pdf_pages(data) <= MAX_PAGES and pdf_pages(data) == document.pageCount()
    text = document.toPlainText()
    for result in expl.approaches:
        assert result.approach.name.get("patient") in text
        assert expl.fit_labels[result.fit].get("patient") in text
        for reason in result.reasons:
            assert reason.text.get("patient") in text
    for option in expl.mis_options:
        assert option.name.get("patient") in text
    for ask in expl.questions_for_surgeon:
        assert ask.text.get("patient") in text
    for urgent in expl.urgent:
        assert urgent.text.get("patient") in text
    for source in expl.sources:
        assert source.title in text
    assert "How old are you?" in text
    assert expl.rules_version in text and expl.disclaimer.get("patient") in text
    assert QLocale().toString(DAY, QLocale.FormatType.LongFormat) in text
    # the three diagrams are drawn into the PDF as images
    assert len(re.findall(rb"/Subtype\s*/Image", data)) >= 3


def test_the_pdf_can_go_to_any_device(qapp: QApplication, content: Content) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS["neck-stenosis"]))
    buffer = QBuffer()
    buffer.setData(QByteArray())
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_handout_pdf(buffer, content, expl, "clinician", DAY)
    buffer.close()
    assert bytes(buffer.data()).startswith(b"%PDF")


def test_paper_follows_the_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert page_size_for(us).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(germany).id() == QPageSize.PageSizeId.A4


def test_the_page_images_match_the_pdf(qapp: QApplication, content: Content) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS["red-flag"]))
    images = handout_images(content, expl, "patient", 60, DAY)
    assert 1 <= len(images) <= MAX_PAGES
    assert all(not image.isNull() and image.height() > image.width() for image in images)


@pytest.mark.parametrize(("folder", "raw"), [("mini", MINI["disc"]), ("mini", MINI["worn"]), ("mini", MINI["neck"])]
                         + [("shipped", raw) for raw in SHIPPED.values()])
def test_the_handout_shows_both_sides_of_every_route(qapp: QApplication, content: Content, mini: Content,
                                                     folder: str, raw: dict[str, Any]) -> None:
    used = mini if folder == "mini" else content
    expl = explain(used, normalise(used, raw))
    for audience in AUDIENCES:
        text = " ".join(handout_document(used, expl, audience, DAY).toPlainText().split())
        for statement in statements(expl, audience):
            assert " ".join(statement.split()) in text
        outline = build_outline(expl, audience, translate=tr, content=used)
        routes = outline["approaches"].routes
        if outline["nonsurgical"]:  # care without surgery before the three routes
            assert text.index(outline["nonsurgical"].heading) < text.index(outline["approaches"].heading)
        for part in [p for route in routes for p in (route.benefits, route.risks) if p]:
            assert part.heading in text
    if folder == "mini":
        html = handout_html(used, expl, "patient", DAY)
        assert html.count("Possible benefits") == html.count("Possible risks") == 3
