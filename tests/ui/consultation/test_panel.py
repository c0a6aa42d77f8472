"""The consultation panel renders the outline: red flags, care without surgery, then the routes with both sides."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from misaid.core import Content, explain, normalise, record
from misaid.core.model import Text
from misaid.core.outline import build_outline
from misaid.ui.consultation.panel import BULLET, ClinicianPanel
from tests.outline_answers import MINI, SHIPPED, statements


def shown(qtbot: QtBot, content: Content, raw: dict[str, Any]) -> tuple[ClinicianPanel, list[str]]:
    panel = ClinicianPanel(content)
    qtbot.addWidget(panel)
    panel.resize(760, 700)
    panel.show()
    panel.show_explanation(explain(content, normalise(content, raw)))
    return panel, panel.texts()


def check(panel: ClinicianPanel, texts: list[str], content: Content) -> None:
    expl = panel.explanation
    assert expl is not None
    joined = "\n".join(texts)
    for statement in statements(expl, "clinician"):
        assert statement in joined
    outline = build_outline(expl, "clinician", content=content)
    routes = outline["approaches"].routes
    assert panel.shown_order() == [route.id for route in routes]
    columns = outline.columns
    # care without surgery is the first of four columns, unless a red flag puts urgent care first
    assert ("nonsurgical" in [c.id for c in columns]) == (not expl.urgent)
    for card, route in zip(panel.card_texts(), columns, strict=True):
        assert card[:2] == [route.name, route.fit_label]
        for reason in route.reasons:
            # every reason with its reference numbers, short citation and the rule that gave it
            assert any(line.endswith(f"{reason.cite} [{reason.rule}]" if reason.rule else reason.cite)
                       for line in card), reason.text
        for part in (route.benefits, route.risks):
            assert (part.heading in card) == bool(part.items)
            said = [line for line in card if line in [BULLET + i.text for i in part.items]]
            assert said == [BULLET + i.text for i in part.items]
    # the numbered references in full, and the trace, in the same document (the consultation's second tab)
    for number, source in enumerate(outline["sources"].items, 1):
        assert f"{number}. {source.text}" in texts
    for step in expl.fired:
        assert any(f"{step.rule}: " in line for line in texts)


@pytest.mark.parametrize("name", sorted(MINI))
def test_the_fixture_panel_shows_everything(qtbot: QtBot, mini: Content, name: str) -> None:
    panel, texts = shown(qtbot, mini, MINI[name])
    check(panel, texts, mini)
    outline = build_outline(panel.explanation, "clinician", content=mini)  # type: ignore[arg-type]
    for card, route in zip(panel.card_texts(), outline.columns, strict=True):
        assert route.benefits.heading in card and route.risks.heading in card


@pytest.mark.parametrize("region", sorted(SHIPPED))
def test_each_region_shows_everything(qtbot: QtBot, content: Content, region: str) -> None:
    panel, texts = shown(qtbot, content, SHIPPED[region])
    check(panel, texts, content)


def test_a_live_update_hides_what_no_longer_applies(qtbot: QtBot, mini: Content) -> None:
    panel, _ = shown(qtbot, mini, MINI["disc"])
    assert "The back route frees the nerve." in "\n".join(panel.texts())
    panel.show_explanation(explain(mini, normalise(mini, {"region": "neck"})))
    texts = "\n".join(panel.texts())
    assert "The back route frees the nerve." not in texts and "Most discs heal in weeks." not in texts
    assert "Less pain." in texts


def test_content_words_are_shown_as_typed_never_as_markup(qtbot: QtBot, content: Content) -> None:
    panel, _ = shown(qtbot, content, SHIPPED["low_back"])
    expl = panel.explanation
    assert expl is not None
    # the disclaimer is content: markup in it must reach the screen as the characters typed
    marked = Text.parse({"patient": {"en": "<b>bold</b> & co"}, "clinician": {"en": "<b>bold</b> & co"}})
    panel.show_explanation(record.replace(expl, disclaimer=marked))
    assert any("<b>bold</b> & co" in line for line in panel.texts())


def test_a_live_update_keeps_the_place_being_read(qtbot: QtBot, content: Content) -> None:
    panel, _ = shown(qtbot, content, SHIPPED["low_back"])
    bar = panel.verticalScrollBar()
    assert bar.maximum() > 200
    bar.setValue(200)
    panel.show_explanation(explain(content, normalise(content, {**SHIPPED["low_back"], "condition": "stenosis"})))
    assert bar.value() == 200


def test_without_its_own_scroll_bar_it_is_as_tall_as_its_text(qtbot: QtBot, content: Content) -> None:
    panel = ClinicianPanel(content)
    qtbot.addWidget(panel)
    panel.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    panel.resize(760, 300)
    panel.show()
    panel.show_explanation(explain(content, normalise(content, SHIPPED["low_back"])))
    parts = panel.blocks()
    assert panel.height() >= max(part.geometry().bottom() for part in parts) > 600
    for part in parts:
        # every part shows its whole text: nothing of it is cut off or scrolled inside it
        assert part.height() >= part.document().size().height()


def test_the_choices_are_side_by_side_cards_of_one_height(qtbot: QtBot, content: Content) -> None:
    panel, _ = shown(qtbot, content, SHIPPED["low_back"])
    cards = [card for card in panel.cards if card.isVisibleTo(panel)]
    assert len(cards) == 4
    assert len({card.y() for card in cards}) == 1 and len({card.height() for card in cards}) == 1
    assert [card.x() for card in cards] == sorted(card.x() for card in cards)
    assert all(card.height() >= card.document().size().height() for card in cards)
    assert cards[0].geometry().bottom() < panel.rest.y()  # what follows the choices comes after them


def test_what_is_below_the_screen_catches_up_by_itself(qtbot: QtBot, content: Content) -> None:
    panel, _ = shown(qtbot, content, SHIPPED["low_back"])
    old = panel.rest.toPlainText()
    changed = explain(content, normalise(content, {**SHIPPED["low_back"], "condition": "herniated_disc"}))
    panel.show_explanation(changed)
    # the part below the cards is filled in right after the screen is painted, without anyone asking for it
    qtbot.waitUntil(lambda: panel.rest.toPlainText() != old)
    build = build_outline(changed, "clinician", content=content)
    for question in build["questions"].items:
        assert BULLET + question.text in panel.rest.toPlainText()
    assert panel.canvas.height() >= panel.rest.geometry().bottom()


def test_the_scrolling_keys_work_from_any_part(qtbot: QtBot, content: Content) -> None:
    panel, _ = shown(qtbot, content, SHIPPED["low_back"])
    card = panel.cards[1]
    card.setFocus()
    bar = panel.verticalScrollBar()
    qtbot.keyClick(card, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()
    qtbot.keyClick(card, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(card, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_a_screen_reader_finds_each_part_by_name(qtbot: QtBot, content: Content) -> None:
    panel, texts = shown(qtbot, content, SHIPPED["neck"])
    assert panel.accessibleName() == "Explanation"
    reader = QAccessible.queryAccessibleInterface(panel)
    assert reader is not None and reader.text(QAccessible.Text.Name) == "Explanation"
    parts = panel.blocks()
    said = []
    for part in parts:
        face = QAccessible.queryAccessibleInterface(part)
        assert face is not None and face.text(QAccessible.Text.Name)
        text = face.textInterface()
        assert text is not None
        said.append(text.text(0, text.characterCount()))
    assert texts[0] in said[0] and texts[-1] in said[-1]
    assert said[0].startswith("Key points") and texts[-1].startswith("Content version ")
    outline = build_outline(panel.explanation, "clinician", content=content)  # type: ignore[arg-type]
    names = [QAccessible.queryAccessibleInterface(card).text(QAccessible.Text.Name)  # type: ignore[union-attr]
             for card in panel.cards if card.paras]
    assert names == [f"{route.name}: {route.fit_label}" for route in outline.columns]


def test_red_flags_come_first_in_a_bordered_box(qtbot: QtBot, content: Content) -> None:
    from PySide6.QtGui import QTextFrame

    panel, texts = shown(qtbot, content, {**SHIPPED["low_back"], "symptoms": ["leg_pain", "bladder_bowel"]})
    expl = panel.explanation
    assert expl is not None and expl.urgent
    document = panel.top.document()
    boxes = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextFrame)]
    assert len(boxes) == 1 and boxes[0].frameFormat().border() > 0
    inside = boxes[0].firstCursorPosition()
    inside.setPosition(boxes[0].lastPosition(), inside.MoveMode.KeepAnchor)
    boxed = inside.selection().toPlainText()
    assert boxed.startswith("Red flags")
    for note in expl.urgent:
        assert note.text.get("clinician") in boxed
    # care without surgery is not a card while urgent care comes first
    assert texts[0] == "Red flags"
    assert len(panel.card_texts()) == 3
