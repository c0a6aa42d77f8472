"""Answers against the vocabulary: clear errors, suggestions, clearing what does not apply."""

from __future__ import annotations

from typing import Any

import pytest

from misaid.core import AnswersError, Content, normalise
from misaid.core.answers import applicable


def error(content: Content, raw: Any) -> str:
    with pytest.raises(AnswersError) as caught:
        normalise(content, raw)
    return str(caught.value)


def test_unknown_question_gets_a_suggestion(mini: Content) -> None:
    assert "unknown question 'regin' (did you mean 'region'?)" in error(mini, {"regin": "neck"})


def test_unknown_value_gets_a_suggestion(mini: Content) -> None:
    assert "'low-back' is not an answer to 'region' (did you mean 'low_back'?)" in error(mini, {"region": "low-back"})


@pytest.mark.parametrize(
    "raw, words",
    [
        ({"age": "forty"}, "'age' must be a whole number, not text"),
        ({"age": True}, "'age' must be a whole number, not true/false"),
        ({"age": 42.5}, "'age' must be a whole number"),
        ({"age": 121}, "'age' must be between 0 and 120, not 121"),
        ({"age": -1}, "'age' must be between 0 and 120, not -1"),
        ({"region": ["neck"]}, "'region' must be one of its values, not a list"),
        ({"symptoms": "leg_pain"}, "'symptoms' must be a list of values, not text"),
        ({"symptoms": ["leg_pain", "leg_pain"]}, "lists a value twice"),
        ({"symptoms": ["unsure", "leg_pain"]}, "'unsure' cannot be combined"),
        (["neck"], "answers must be a mapping"),
    ],
)
def test_wrong_types_and_ranges(mini: Content, raw: Any, words: str) -> None:
    assert words in error(mini, raw)


def test_all_problems_are_reported_together(mini: Content) -> None:
    message = error(mini, {"age": 300, "region": "knee", "colour": "red"})
    assert message.count("\n") == 2


def test_absent_means_unsure_or_none(mini: Content) -> None:
    answers = normalise(mini, {})
    assert answers["region"] == "unsure" and answers["symptoms"] == frozenset() and answers["age"] is None


def test_answers_to_questions_that_do_not_apply_are_cleared(mini: Content) -> None:
    assert normalise(mini, {"region": "neck", "level": "l5_s1"})["level"] == "unsure"
    assert normalise(mini, {"region": "low_back", "level": "l5_s1"})["level"] == "l5_s1"


def test_the_core_decides_which_questions_are_asked(mini: Content) -> None:
    asked = lambda region: [q.id for q in applicable(mini.questions, {"region": region})]  # noqa: E731
    assert "level" in asked("low_back")
    assert "level" not in asked("neck")
    assert "level" not in asked("unsure")
