"""The outline: one ordered list of sections every view renders, each heading written once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import misaid
from misaid.core import Content, explain, load_content, normalise
from misaid.core.model import AUDIENCES, Audience
from misaid.core.outline import HEADINGS, LINES, ORDER, Outline, build_outline
from misaid.core.render import as_text
from tests.outline_answers import MINI, SHIPPED, statements

PRIORITIES = """\
  - id: priorities
    kind: many
    echo_only: true
    text: {patient: {en: "What matters most to you?"}, clinician: {en: "Patient priorities"}}
    help: {en: "It does not change what the sources say."}
    options:
      - {value: quick_recovery, label: {patient: {en: "Getting back to life fast"}, clinician: {en: "Quick recovery"}}}
      - {value: small_scar, label: {patient: {en: "A small scar"}, clinician: {en: "Cosmesis"}}}
      - {value: unsure, label: {en: "I'm not sure"}}
"""


def outline_of(content: Content, raw: dict[str, Any], audience: Audience = "patient") -> Outline:
    return build_outline(explain(content, normalise(content, raw)), audience, content=content)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_sections_come_in_order_under_their_headings(mini: Content, audience: Audience) -> None:
    outline = outline_of(mini, MINI["neck"], audience)
    assert tuple(s.id for s in outline.sections) == ORDER
    which = 0 if audience == "patient" else 1
    for section in outline.sections:
        named = mini.meta.nonsurgical_name.get(audience)
        assert section.heading == (named if section.id == "nonsurgical" else HEADINGS[section.id][which])
    assert outline["urgent"] and outline.title == HEADINGS["title"][which]
    for route in outline["approaches"].routes:
        assert route.benefits.heading == HEADINGS["benefits"][which]
        assert route.risks.heading == HEADINGS["risks"][which]
    assert ORDER.index("nonsurgical") < ORDER.index("approaches")  # care without surgery is read first


def test_headings_and_lines_have_distinct_keys() -> None:
    assert not set(HEADINGS) & set(LINES)  # heading() looks a key up in both


def test_the_translation_is_applied_to_headings_only(mini: Content) -> None:
    expl = explain(mini, normalise(mini, MINI["disc"]))
    plain = build_outline(expl, content=mini)
    loud = build_outline(expl, translate=str.upper, content=mini)
    assert loud["questions"].heading == plain["questions"].heading.upper() != plain["questions"].heading
    assert loud["approaches"].routes[0].risks.heading == plain["approaches"].routes[0].risks.heading.upper()
    # content words never pass through the UI's translation
    assert loud["nonsurgical"].heading == plain["nonsurgical"].heading
    assert [i.text for i in loud["notes"].items] == [i.text for i in plain["notes"].items]


def test_each_heading_is_written_once_in_the_source() -> None:
    source = Path(misaid.__file__).parent
    for pair in HEADINGS.values():
        for words in set(pair):
            literal = re.compile(r"""["']""" + re.escape(words) + r"""["']""")
            where = [p.name for p in source.rglob("*.py") if literal.search(p.read_text(encoding="utf-8"))]
            assert where == ["outline.py"], (words, where)


@pytest.mark.parametrize("name", sorted(MINI))
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_outline_carries_every_statement(mini: Content, name: str, audience: Audience) -> None:
    expl = explain(mini, normalise(mini, MINI[name]))
    outline = build_outline(expl, audience, content=mini)
    said = [outline[s].heading for s in ORDER] + [i.text for s in outline.sections for i in s.items]
    for route in outline.columns:
        said += [route.name, route.fit_label] + [i.text for i in route.reasons]
        said += [i.text for part in (route.benefits, route.risks) for i in part.items]
        said += [i.text for i in (route.how, route.recovery) if i is not None]
    said += [i.name for i in outline["options"].items] + [i.name for i in outline["sure"].items]
    for statement in statements(expl, audience):
        assert statement in said
    # the fixture gives each route its own benefits and risks; care without surgery unless a red flag
    assert all(r.benefits.items and r.risks.items for r in outline["approaches"].routes)
    assert bool(outline["nonsurgical"].items) == (not expl.urgent)
    assert bool(outline["key_points"].items) == bool(outline["sure"].items) == (not expl.urgent)


def test_routes_keep_the_engine_order_fit_and_diagram(mini: Content) -> None:
    expl = explain(mini, normalise(mini, MINI["worn"]))
    routes = build_outline(expl, content=mini)["approaches"].routes
    assert [(r.id, r.fit, r.diagram) for r in routes] == [(a.id, a.fit, a.approach.diagram) for a in expl.approaches]
    assert [r.text for r in routes[0].benefits.items] == [b.text.get() for b in expl.approaches[0].benefits]


def test_citations_number_the_references_and_name_them(mini: Content) -> None:
    outline = outline_of(mini, MINI["disc"], "clinician")
    refs = [s.id for s in outline.references]
    for item in [i for s in outline.sections for i in s.items if i.sources]:
        assert [refs[n - 1] for n in item.numbers] == list(item.sources)
        assert all(mini.sources[s].short in item.cite for s in item.sources)
    sources = outline["sources"].items
    assert [s.name for s in sources] == refs and sources[1].text.startswith(mini.sources[refs[1]].reference[:20])


def test_answer_rows_are_in_the_questions_words(mini: Content) -> None:
    rows = {row.name: row.text for row in outline_of(mini, MINI["disc"])["answers"].items}
    assert rows["How old are you?"] == "Not given"
    assert rows["Where is the problem?"] == "Low back" and rows["Which level?"] == "L4-L5"
    assert rows["What do you feel?"] == "None of these"


def test_priorities_are_shown_by_their_labels_and_change_nothing_else(mini_copy: Path) -> None:
    with (mini_copy / "questions.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PRIORITIES)
    content = load_content(mini_copy)
    chosen = outline_of(content, {**MINI["disc"], "priorities": ["small_scar", "quick_recovery"]})
    section = chosen["priorities"]
    assert [i.text for i in section.items] == ["Getting back to life fast", "A small scar"]
    assert "do not change what the sources say" in section.lead
    without = outline_of(content, MINI["disc"])
    assert not without["priorities"] and not without["priorities"].lead
    assert not outline_of(content, {**MINI["disc"], "priorities": ["unsure"]})["priorities"]
    for sid in ORDER:
        if sid not in ("priorities", "answers"):
            assert chosen[sid] == without[sid], sid
    clinician = outline_of(content, {**MINI["disc"], "priorities": ["small_scar"]}, "clinician")
    assert [i.text for i in clinician["priorities"].items] == ["Cosmesis"]


@pytest.mark.parametrize("name", sorted(MINI))
def test_the_text_output_shows_every_statement(mini: Content, name: str) -> None:
    expl = explain(mini, normalise(mini, MINI[name]))
    for audience in AUDIENCES:
        text = " ".join(as_text(expl, audience, content=mini).split())  # unwrapped
        for statement in statements(expl, audience):
            assert statement in text
        # care without surgery before the routes (unless a red flag), benefits before risks in every route
        outline = build_outline(expl, audience)
        if not expl.urgent:
            assert text.index(outline["nonsurgical"].heading) < text.index(outline["approaches"].heading)
        first = outline["approaches"].routes[0]
        assert text.index(first.benefits.heading) < text.index(first.risks.heading)


@pytest.mark.parametrize("region", sorted(SHIPPED))
def test_shipped_content_each_region_renders_every_statement(content: Content, region: str) -> None:
    expl = explain(content, normalise(content, SHIPPED[region]))
    for audience in AUDIENCES:
        text = " ".join(as_text(expl, audience, content=content).split())
        for statement in statements(expl, audience):
            assert " ".join(statement.split()) in text
        outline = build_outline(expl, audience, content=content)
        for item in outline["priorities"].items:
            assert item.text in text


def test_without_content_the_text_output_still_works(mini: Content) -> None:
    expl = explain(mini, normalise(mini, MINI["disc"]))
    text = as_text(expl, "clinician")
    assert "region: low_back" in text and "Physiotherapy and analgesia." in text
