"""The table of question kinds: every kind the content may use is there, and each entry is consistent."""

from __future__ import annotations

import json
from typing import Any

import pytest

from misaid.core import Content, normalise
from misaid.core import conditions as c
from misaid.core.casecode import VERSIONS, Field
from misaid.core.kinds import KINDS, UNSURE, Klass, answer_words, kind_of
from misaid.core.model import Question
from misaid.core.outline import LINES
from misaid.core.paths import rules_dir


def test_every_kind_the_schema_allows_has_an_entry() -> None:
    schema = json.loads((rules_dir() / "schema" / "questions.schema.json").read_text("utf-8"))
    found: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.extend(node.get("properties", {}).get("kind", {}).get("enum", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert sorted(found) == sorted(KINDS)
    assert all(name == kind.name for name, kind in KINDS.items())


def test_an_unanswered_question_means_the_empty_answer_of_its_kind(content: Content) -> None:
    unanswered = normalise(content, {})
    assert {q.id: unanswered[q.id] for q in content.questions} == {q.id: kind_of(q).empty for q in content.questions}
    assert (KINDS["one"].empty, KINDS["many"].empty, KINDS["integer"].empty) == (UNSURE, frozenset(), None)


def test_toggling() -> None:
    many, one = KINDS["many"].toggle, KINDS["one"].toggle
    assert many(frozenset({"a"}), "b") == {"a", "b"}
    assert many(frozenset({"a", "b"}), "a") == {"b"}
    assert many(frozenset({"a", "b"}), UNSURE) == {UNSURE}
    assert many(frozenset({UNSURE}), "a") == {"a"}
    assert many(frozenset({UNSURE}), UNSURE) == frozenset()
    assert one("a", "b") == "b" and one("b", "b") == "b"
    assert KINDS["integer"].toggle(40, 41) == 41


def answer_space(question: Question) -> list[Any]:
    """Every normalised answer to a question: the kind's verification classes with every value told apart."""
    if kind_of(question).numeric:
        return [*range(question.minimum or 0, (question.maximum or 0) + 1), None]
    every_value: list[c.Atom] = [c.InValues(question.id, frozenset({value})) for value in question.values]
    return [k.representative for k in kind_of(question).classes(question, every_value)]


def test_the_public_form_reads_back_as_the_same_answer(content: Content) -> None:
    for question in content.questions:
        kind = kind_of(question)
        for value in answer_space(question):
            public = kind.public(value)
            assert json.loads(json.dumps(public)) == public
            assert kind.check(question, public) == (value, ""), (question.id, value)


def test_a_wrong_answer_is_refused_with_the_empty_answer(content: Content) -> None:
    for question in content.questions:
        kind = kind_of(question)
        checked, message = kind.check(question, {"not": "an answer"})
        assert checked == kind.empty and message.startswith(f"'{question.id}' must be")


def test_case_code_digits_cover_each_question_exactly_once() -> None:
    for fields in VERSIONS.values():
        for field in fields:
            kind = KINDS[field.kind]
            raws = [kind.undigit(field, d) for d in range(field.radix)]
            assert [kind.digit(field, raw) for raw in raws] == list(range(field.radix)), field.question
            assert len({json.dumps(raw, sort_keys=True) for raw in raws}) == field.radix


def test_a_case_code_counts_unknown_values_as_unsure() -> None:
    field = Field("region", "one", (UNSURE, "neck"))
    assert KINDS["one"].digit(field, "knee") == KINDS["one"].digit(field, UNSURE) == 0
    assert KINDS["many"].digit(Field("h", "many", ("a", "b")), ["unsure"]) == 4
    assert KINDS["integer"].digit(Field("age", "integer", low=10, high=20), None) == 11


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_verification_classes_stand_for_the_whole_answer_space(content: Content, kind: str) -> None:
    for question in (q for q in content.questions if q.kind == kind):
        classes: list[Klass] = kind_of(question).classes(question, [])
        if kind == "integer":
            size = (question.maximum or 0) - (question.minimum or 0) + 2
        elif kind == "one":
            size = len(question.values) + (UNSURE not in question.values)
        else:
            plain = [v for v in question.values if v != UNSURE]
            size = 2 ** len(plain) + (UNSURE in question.values)
        assert sum(k.count for k in classes) == size, question.id
        assert sum(k.empty for k in classes) == 1, "exactly one class holds the unanswered value"


def test_every_answer_is_said_in_the_content_words_or_by_its_blank_line(content: Content) -> None:
    by_id = {q.id: q for q in content.questions}
    assert answer_words(by_id["age"], 71, "patient") == "71"
    assert answer_words(by_id["age"], None, "patient") == ""
    region = by_id["region"]
    assert answer_words(region, "neck", "clinician") == region.choice("neck").label.get("clinician")
    history = by_id["history"]
    both = answer_words(history, frozenset({"obesity", "spine_surgery"}), "patient")
    labels = [history.choice(v).label.get("patient") for v in history.values if v in ("obesity", "spine_surgery")]
    assert both == "; ".join(labels), "in the content's order"
    assert answer_words(history, frozenset(), "patient") == ""
    assert {kind.blank for kind in KINDS.values()} <= set(LINES)
