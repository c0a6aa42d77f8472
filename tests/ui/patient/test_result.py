"""The patient result screen renders the outline: care without surgery first, benefits and risks alike."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from misaid.core import Content, explain, normalise
from misaid.core.outline import build_outline
from misaid.ui import resources
from misaid.ui.patient.result import ResultView
from tests.outline_answers import MINI, SHIPPED, statements


def shown(qtbot: QtBot, content: Content, raw: dict[str, Any]) -> ResultView:
    view = ResultView(content, "patient")
    view.setProperty("audience", "patient")
    resources.apply_style(view)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_explanation(explain(content, normalise(content, raw)))
    return view


def visible(root: QWidget) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel) if w.isVisibleTo(root)]


def check(view: ResultView, content: Content) -> None:
    expl = view.explanation
    assert expl is not None
    body = view.widget()
    assert body is not None
    texts = "\n".join(w.text() for w in visible(body))
    for statement in statements(expl, "patient"):
        assert statement in texts
    outline = build_outline(expl, "patient", content=content)
    for route in outline["approaches"].routes:
        card = view.approach_cards[route.id]
        in_card = [w.text() for w in card.findChildren(QLabel)]
        for part in (route.benefits, route.risks):
            assert all("\u2022 " + i.text in in_card for i in part.items)
            assert (part.heading in in_card) == bool(part.items)
        titles = [w for w in card.findChildren(QLabel, "partTitle")]
        # risks as visible as benefits: the same size and weight
        assert len({(w.font().pointSizeF(), w.font().weight()) for w in titles}) <= 1
    nonsurgical = outline["nonsurgical"]
    if nonsurgical:
        heading = next(w for w in visible(body) if w.text() == nonsurgical.heading)
        top = heading.mapTo(body, heading.rect().topLeft()).y()
        assert all(top < card.mapTo(body, card.rect().topLeft()).y() for card in view.approach_cards.values())


@pytest.mark.parametrize("name", sorted(MINI))
def test_the_fixture_results_show_everything(qtbot: QtBot, mini: Content, name: str) -> None:
    view = shown(qtbot, mini, MINI[name])
    check(view, mini)
    titles = [w for card in view.approach_cards.values() for w in card.findChildren(QLabel, "partTitle")]
    assert len(titles) == 6 and titles[0].font().bold()  # the fixture gives every route both


@pytest.mark.parametrize("region", sorted(SHIPPED))
def test_each_region_shows_everything(qtbot: QtBot, content: Content, region: str) -> None:
    check(shown(qtbot, content, SHIPPED[region]), content)


def test_the_surgeon_prompt_comes_from_the_content(qtbot: QtBot, mini: Content) -> None:
    view = shown(qtbot, mini, MINI["disc"])
    assert mini.meta.surgeon_prompt.text.get("patient") in view.texts()
