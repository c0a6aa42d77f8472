"""The consultation panel renders the outline: red flags, care without surgery, then the routes with both sides."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from misaid.core import Content, explain, normalise
from misaid.core.outline import build_outline
from misaid.ui.panel import ClinicianPanel
from tests.core.test_outline import MINI, SHIPPED, statements


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
    for card, route in zip(panel.cards, outline["approaches"].routes, strict=True):
        for part, shown_part in ((route.benefits, card.benefits), (route.risks, card.risks)):
            assert shown_part.isHidden() == (not part.items)
            assert shown_part.entries.texts()[::2] == ["\u2022 " + i.text for i in part.items]
    nonsurgical = outline["nonsurgical"]
    if nonsurgical:
        # just after the red flags, before the first route
        assert texts.index(nonsurgical.heading) < texts.index(outline["approaches"].routes[0].name)
        if outline["urgent"]:
            assert texts.index("\u2022 " + outline["urgent"].items[-1].text) < texts.index(nonsurgical.heading)


@pytest.mark.parametrize("name", sorted(MINI))
def test_the_fixture_panel_shows_everything(qtbot: QtBot, mini: Content, name: str) -> None:
    panel, texts = shown(qtbot, mini, MINI[name])
    check(panel, texts, mini)
    assert all(not card.benefits.isHidden() and not card.risks.isHidden() for card in panel.cards)


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
