"""Answers: checked against the vocabulary, normalised, and which questions apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import AnswersError, Problem, did_you_mean, quote
from .model import Content, Question

UNSURE = "unsure"
Normalised = dict[str, Any]  # one -> str, many -> frozenset[str], integer -> int | None


def empty_answer(question: Question) -> Any:
    """What an unanswered question means: 'unsure', nothing chosen, or no number."""
    return {"one": UNSURE, "many": frozenset(), "integer": None}[question.kind]


def applies(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether `question` is asked, given the (normalised) answers to earlier questions."""
    return question.ask_when is None or question.ask_when.holds(answers)


def applicable(questions: Iterable[Question], answers: Mapping[str, Any]) -> list[Question]:
    """The questions asked for these answers, in order; later ones may depend on earlier ones."""
    asked: list[Question] = []
    seen: dict[str, Any] = {}
    for question in questions:
        if applies(question, seen):
            asked.append(question)
            seen[question.id] = answers.get(question.id, empty_answer(question))
        else:
            seen[question.id] = empty_answer(question)
    return asked


def normalise_raw(questions: tuple[Question, ...], raw: Any) -> tuple[Normalised, list[tuple[tuple[Any, ...], str]]]:
    """Check raw answers (parsed YAML/JSON) and give the normalised form plus (path, message) problems.

    Answers to questions that do not apply (a level for the neck) are cleared, never kept.
    """
    problems: list[tuple[tuple[Any, ...], str]] = []  # (path, message); an unknown key's path ends in "<key>"
    if not isinstance(raw, Mapping):
        return {q.id: empty_answer(q) for q in questions}, [((), "answers must be a mapping of question: answer")]
    by_id = {q.id: q for q in questions}
    for key in raw:
        if key not in by_id:
            problems.append(((key, "<key>"), f"unknown question {quote(key)}{did_you_mean(key, by_id)}"))
    result: Normalised = {}
    for question in questions:
        value = raw.get(question.id)
        checked, message = _check(question, value)
        if message:
            problems.append(((question.id,), message))
        result[question.id] = checked
    for question in questions:
        if not applies(question, result):
            result[question.id] = empty_answer(question)
    return result, problems


def _check(question: Question, value: Any) -> tuple[Any, str]:
    empty = empty_answer(question)
    if value is None:
        return empty, ""
    if question.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return empty, f"'{question.id}' must be a whole number, not {_kind(value)}"
        lo, hi = question.minimum, question.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            return empty, f"'{question.id}' must be between {lo} and {hi}, not {quote(value)[1:-1]}"
        return value, ""
    if question.kind == "one":
        if not isinstance(value, str):
            return empty, f"'{question.id}' must be one of its values, not {_kind(value)}"
        if value not in question.values:
            return empty, f"'{value}' is not an answer to '{question.id}'{did_you_mean(value, question.values)}"
        return value, ""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return empty, f"'{question.id}' must be a list of values, not {_kind(value)}"
    for v in value:
        if v not in question.values:
            return empty, f"'{v}' is not an answer to '{question.id}'{did_you_mean(v, question.values)}"
    if len(set(value)) != len(value):
        return empty, f"'{question.id}' lists a value twice"
    if UNSURE in value and len(value) > 1:
        return empty, f"'{question.id}': '{UNSURE}' cannot be combined with other values"
    return frozenset(value), ""


def _kind(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a decimal number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__) + (
        f" ({value!r})" if _short(value) else ""
    )


def _short(value: Any) -> bool:
    if isinstance(value, int):
        return -(10**28) < value < 10**28  # an int of more than 4,300 digits cannot even be written out
    return isinstance(value, (str, float)) and len(repr(value)) < 30


def normalise(content: Content, raw: Any, name: str = "answers", marks: Any = None) -> Normalised:
    """Normalised answers, or AnswersError with every problem (located when marks are given)."""
    answers, problems = normalise_raw(content.questions, raw)
    if problems:
        found = []
        for at, message in problems:
            is_key = bool(at) and at[-1] == "<key>"
            line, col = marks.where(at[:-1] if is_key else at, key=is_key) if marks is not None else (1, 1)
            found.append(Problem(name, line, col, message))
        raise AnswersError(found)
    return answers


def to_public(content: Content, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON form: lists sorted, absent numbers as null."""
    public: dict[str, Any] = {}
    for question in content.questions:
        value = answers.get(question.id, empty_answer(question))
        public[question.id] = sorted(value) if isinstance(value, frozenset) else value
    return public
