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
    assert expl is not None and view.why_button is not None
    body = view.widget()
    assert body is not None
    view.why_button.click()  # the details a patient unfolds: ways of operating, every reason, sources
    texts = "\n".join(w.text() for w in visible(body))
    for statement in statements(expl, "patient"):
        assert statement in texts
    outline = build_outline(expl, "patient", content=content)
    columns = outline.columns
    assert ("nonsurgical" in [c.id for c in columns]) == (not expl.urgent)
    for route in columns:
        card = view.approach_cards[route.id]
        in_card = [w.text() for w in body.findChildren(QLabel) if _inside(w, card)]
        for part in (route.benefits, route.risks):
            assert part.heading in in_card  # a row for both, even where the sources say nothing
            assert all(i.text in in_card for i in part.items)
        titles = [w for w in body.findChildren(QLabel, "partTitle") if _inside(w, card)]
        # risks as visible as benefits: the same size and weight
        assert len({(w.font().pointSizeF(), w.font().weight()) for w in titles}) <= 1
    # care without surgery is the first of four equal columns, left of the three routes and as wide
    cards = [view.approach_cards[c.id] for c in columns]
    lefts = [c.mapTo(body, c.rect().topLeft()).x() for c in cards]
    assert lefts == sorted(lefts)
    assert len({c.width() for c in cards}) <= 2  # equal columns (a pixel of rounding aside)


def _inside(widget: QWidget, card: QWidget) -> bool:
    """True when a cell's label sits within a column's card (the card is drawn behind its cells)."""
    top_left = widget.mapTo(card.window(), widget.rect().center())
    area = card.geometry().translated(card.parentWidget().mapTo(card.window(), card.pos()) - card.pos())
    return area.contains(top_left) and widget.isVisibleTo(card.window())


@pytest.mark.parametrize("name", sorted(MINI))
def test_the_fixture_results_show_everything(qtbot: QtBot, mini: Content, name: str) -> None:
    view = shown(qtbot, mini, MINI[name])
    check(view, mini)
    urgent = bool(view.explanation and view.explanation.urgent)
    assert len(view.approach_cards) == (3 if urgent else 4)  # care without surgery beside the three routes


@pytest.mark.parametrize("region", sorted(SHIPPED))
def test_each_region_shows_everything(qtbot: QtBot, content: Content, region: str) -> None:
    check(shown(qtbot, content, SHIPPED[region]), content)


def test_the_surgeon_prompt_comes_from_the_content(qtbot: QtBot, mini: Content) -> None:
    view = shown(qtbot, mini, MINI["disc"])
    assert mini.meta.surgeon_prompt.text.get("patient") in view.texts()
