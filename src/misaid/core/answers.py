"""Answers: checked against the vocabulary, normalised, and which questions apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import AnswersError, Problem, did_you_mean, quote
from .kinds import UNSURE, kind_of
from .model import Content, Question

__all__ = ["UNSURE", "Normalised", "applicable", "applies", "empty_answer", "normalise", "normalise_raw", "to_public"]

Normalised = dict[str, Any]  # one -> str, many -> frozenset[str], integer -> int | None (see kinds.py)


def empty_answer(question: Question) -> Any:
    """What an unanswered question means: 'unsure', nothing chosen, or no number."""
    return kind_of(question).empty


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
        checked, message = kind_of(question).check(question, value)
        if message:
            problems.append(((question.id,), message))
        result[question.id] = checked
    for question in questions:
        if not applies(question, result):
            result[question.id] = empty_answer(question)
    return result, problems


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
    return {q.id: kind_of(q).public(answers.get(q.id, empty_answer(q))) for q in content.questions}
