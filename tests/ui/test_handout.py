"""The take-home handout: a real PDF holding what the person needs to show the surgeon, on two pages for a patient."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtWidgets import QApplication

from misaid.core import Content, explain, normalise, record
from misaid.core.engine import Explanation, Note
from misaid.core.model import AUDIENCES, Text
from misaid.core.outline import Outline, build_outline
from misaid.ui.handout import (
    PAGE_ONE,
    handout_document,
    handout_html,
    handout_images,
    opening,
    page_size_for,
    write_handout_pdf,
)
from misaid.ui.i18n import tr
from tests.outline_answers import MINI, SHIPPED, statements
from tests.ui.journey_helpers import ANSWER_SETS

DAY = datetime.date(2026, 11, 21)
MAX_PAGES = 2  # a patient's handout, whatever the answers
BODY_PT = 12.0  # the smallest print a patient reads, but for the source list
SOURCES_PT = 9.0
PAPER = {"A4": QPageSize(QPageSize.PageSizeId.A4), "Letter": QPageSize(QPageSize.PageSizeId.Letter)}
EVERY_PRIORITY = ["avoid_surgery", "quick_recovery", "lasting_result", "fewest_risks", "small_scar"]
# one answer set per region (every priority chosen: the most there is to print), and an urgent one
REGIONS: dict[str, dict[str, Any]] = {
    **{region: {**raw, "priorities": EVERY_PRIORITY} for region, raw in SHIPPED.items()},
    "unsure": {"age": 50, "region": "unsure", "symptoms": ["back_pain"], "priorities": ["avoid_surgery"]},
    "urgent": ANSWER_SETS["red-flag"],
    "curve": {**ANSWER_SETS["curve-l5"], "priorities": EVERY_PRIORITY},  # the longest risk lists of the content
}
# four key points of the length the content team writes, until rules.yaml has them
KEY_POINTS = tuple(Note(Text.plain(words), ("lit-nice-ng59",), "test") for words in (
    "Most nerve pain from a disc gets better within months, with or without surgery.",
    "Care without surgery is a real choice for most people with problems like yours.",
    "Each way of operating has its own risks, and they differ from route to route.",
    "Ask your surgeon how many of these operations they have done.",
))


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def flat(text: str) -> str:
    return " ".join(text.split())


def first(text: str) -> str:
    """The least of a statement any handout prints: its first sentence."""
    return flat(opening(text, 0))


def with_key_points(expl: Explanation) -> Explanation:
    # the content's own key points when it has them, else four of a realistic length
    return expl if expl.key_points else record.replace(expl, key_points=KEY_POINTS)


def font_sizes(document: QTextDocument, sources_heading: str) -> tuple[float, float]:
    """(smallest size before the source list, smallest size in it), in points as printed."""
    body, sources = 99.0, 99.0
    in_sources = False
    block = document.begin()
    while block.isValid():
        in_sources = in_sources or block.text() == sources_heading
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.text().strip():
                size = fragment.charFormat().font().pointSizeF()
                if in_sources:
                    sources = min(sources, size)
                else:
                    body = min(body, size)
            fragments += 1
        block = block.next()
    return body, sources


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("name", REGIONS)
def test_a_patient_handout_is_two_pages_with_everything_that_matters(
        qapp: QApplication, content: Content, tmp_path: Path, name: str, paper: str) -> None:
    expl = with_key_points(explain(content, normalise(content, REGIONS[name])))
    target = tmp_path / "handout.pdf"
    document = write_handout_pdf(target, content, expl, "patient", DAY, PAPER[paper])
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert 1 <= pdf_pages(data) <= MAX_PAGES and pdf_pages(data) == document.pageCount()
    outline = build_outline(expl, "patient", translate=tr, content=content)
    text = flat(document.toPlainText())
    if expl.urgent:
        assert not outline["key_points"] and not outline["sure"]
        for urgent in outline["urgent"].items:
            assert flat(urgent.text) in text
    else:
        names = [route.name for route in outline.columns]
        assert names[0] == "Care without surgery"
        assert sorted(names[1:]) == ["From the back", "From the front", "From the side"]
        # the three most specific key points always; a fourth only when Letter paper leaves room for it
        points = outline["key_points"].items
        for point in points[:3]:
            assert flat(point.text) in text
        assert all(flat(point.text) in text for point in points[3:]) or "Shortened to fit" in text
        for check in outline["sure"].items:
            assert flat(check.name) in text and flat(check.text) in text
    assert outline["priorities"] or name == "urgent"
    for priority in outline["priorities"].items:
        assert priority.text in text
    for route in outline.columns:
        assert route.name in text and route.fit_label in text
        # a benefit and a risk of every choice, care without surgery too
        for side in (route.benefits, route.risks):
            if side:
                assert first(side.items[0].text) in text, (route.id, side.id)
        for row in (route.how, route.recovery):
            if row is not None:
                assert first(row.text) in text
    for ask in outline["questions"].items:
        assert flat(ask.text) in text
    assert flat(outline["prompt"].items[0].text) in text
    body, sources = font_sizes(document, outline["sources"].heading)
    assert body >= BODY_PT and sources >= SOURCES_PT
    assert document.defaultFont().pointSizeF() >= BODY_PT


@pytest.mark.parametrize("name", ["neck", "low_back", "curve"])
def test_benefits_and_risks_are_cut_alike_and_the_cut_is_said(qapp: QApplication, content: Content,
                                                              name: str) -> None:
    expl = with_key_points(explain(content, normalise(content, REGIONS[name])))
    text = flat(handout_document(content, expl, "patient", DAY, PAPER["Letter"]).toPlainText())
    outline = build_outline(expl, "patient", translate=tr, content=content)
    sides = [len(side.items) for route in outline.columns for side in (route.benefits, route.risks)]
    left_out = Counter(int(n) for n in re.findall(r"\+ (\d+) more", text))
    # one cap for every benefit list and every risk list: what is left out is each list's length beyond it
    assert any(left_out == Counter(n - cap for n in sides if n > cap) for cap in range(1, max(sides) + 1))
    if left_out:
        assert "Shortened to fit" in text


@pytest.mark.parametrize("name", ["low-back-disc", "red-flag", "curve-l5"])
def test_the_pdf_holds_what_the_surgeon_should_see(qapp: QApplication, content: Content, tmp_path: Path,
                                                   name: str) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS[name]))
    target = tmp_path / "handout.pdf"
    document = write_handout_pdf(target, content, expl, "patient", DAY)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert 1 <= pdf_pages(data) <= MAX_PAGES and pdf_pages(data) == document.pageCount()
    text = document.toPlainText()
    for result in expl.approaches:
        assert result.approach.name.get("patient") in text
        assert expl.fit_labels[result.fit].get("patient") in text
    for ask in expl.questions_for_surgeon:
        assert ask.text.get("patient") in text
    for urgent in expl.urgent:
        assert urgent.text.get("patient") in text
    outline = build_outline(expl, "patient", translate=tr, content=content)
    numbers = {n for item in _cited(outline) for n in item.numbers}
    for number, source in enumerate(expl.sources, 1):
        # a patient's list holds the sources this handout cites, by their short names and their numbers
        assert f"{number}. {source.short}" in text or number not in numbers
    assert expl.rules_version in text and expl.disclaimer.get("patient") in text
    assert QLocale().toString(DAY, QLocale.FormatType.LongFormat) in text
    # the case code's QR code is drawn into the PDF as an image (the diagrams only when they fit)
    assert len(re.findall(rb"/Subtype\s*/Image", data)) >= 1


def _cited(outline: Outline) -> list[Any]:
    """What a patient handout cites whatever the cut: the urgent notes, key points, checks, prompt and each
    column's first benefit and risk."""
    items = [*outline["urgent"].items, *outline["key_points"].items[:3], *outline["sure"].items,
             *outline["prompt"].items]
    for route in outline.columns:
        items += [side.items[0] for side in (route.benefits, route.risks) if side]
    return items


def test_a_clinician_handout_keeps_every_word(qapp: QApplication, content: Content) -> None:
    expl = explain(content, normalise(content, ANSWER_SETS["curve-l5"]))
    document = handout_document(content, expl, "clinician", DAY)
    text = flat(document.toPlainText())
    for statement in statements(expl, "clinician"):
        assert flat(statement) in text
    for source in expl.sources:
        assert flat(source.reference) in text
    assert "Age (years)" in text  # the answers, row by row
    assert "+ 1 more" not in text and "Shortened" not in text
    assert 2 <= document.pageCount() <= 6, "longer than a patient's, still a handout"


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
    assert len(images) == handout_document(content, expl, "patient", DAY).pageCount() <= MAX_PAGES
    assert all(not image.isNull() and image.height() > image.width() for image in images)


def test_a_shortened_point_is_whole_sentences() -> None:
    assert opening("No operation. Care can mean staying active. Or not.") == (
        "No operation. Care can mean staying active.")
    assert opening("Pain may last longer than after an operation. In one study, more.") == (
        "Pain may last longer than after an operation.")
    assert opening("About 1.2 cm wide, it holds the muscles aside. Then more.", 0) == (
        "About 1.2 cm wide, it holds the muscles aside.")


@pytest.mark.parametrize(("folder", "raw"), [("mini", MINI["disc"]), ("mini", MINI["worn"]), ("mini", MINI["neck"])]
                         + [("shipped", raw) for raw in SHIPPED.values()])
def test_the_handout_shows_both_sides_of_every_route(qapp: QApplication, content: Content, mini: Content,
                                                     folder: str, raw: dict[str, Any]) -> None:
    used = mini if folder == "mini" else content
    expl = explain(used, normalise(used, raw))
    for audience in AUDIENCES:
        text = flat(handout_document(used, expl, audience, DAY).toPlainText())
        outline = build_outline(expl, audience, translate=tr, content=used)
        if audience == "clinician":  # every word
            for statement in statements(expl, audience):
                assert flat(statement) in text
        for route in outline.columns:
            for side in (route.benefits, route.risks):
                if side:
                    assert first(side.items[0].text) in text
        # care without surgery first, then the three routes
        names = [text.index(route.name) for route in outline.columns]
        assert names == sorted(names)
        if any(route.benefits or route.risks for route in outline.columns):
            assert outline.headings["benefits"] in text and outline.headings["risks"] in text
    # benefits and risks under one heading each, across every column: the same weight on paper
    html = handout_html(used, expl, "patient", DAY, PAGE_ONE[-1])
    outline = build_outline(expl, "patient", translate=tr, content=used)
    if outline.columns:
        assert html.count(outline.headings["benefits"]) == html.count(outline.headings["risks"]) == 1
