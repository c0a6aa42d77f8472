"""Question kinds: everything that differs between a one-answer, a many-answer and a number question.

Answers, the journey, case codes, verification and the words for an answer look a question's kind up
in `KINDS` instead of branching on its name, so a new kind is one entry here (plus its schema in
rules/schema/ and, on screen, its control).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol

from . import conditions as c
from .errors import did_you_mean, quote
from .model import Audience, Question
from .record import record

UNSURE = "unsure"


class CodeField(Protocol):
    """What a case code knows of a question: its frozen values, or its number range (casecode.Field)."""

    @property
    def values(self) -> tuple[str, ...]: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


@record
class Klass:
    """Verification: answers to one question that no condition anywhere tells apart."""

    representative: Any
    count: int  # how many concrete answers this class stands for
    empty: bool  # holds the "not answered" value


@record
class Kind:
    name: str
    empty: Any  # what an unanswered question means: 'unsure', nothing chosen, or no number
    several: bool  # several values at once; then choosing nothing is an answer too ("None of these")
    numeric: bool  # answered with a whole number rather than by choosing among values
    blank: str  # the outline line (outline.LINES) that says an answer with no content words
    check: Callable[[Question, Any], tuple[Any, str]]  # a raw answer (YAML/JSON) -> (normalised, problem or "")
    toggle: Callable[[Any, Any], Any]  # (answer, value the person clicked) -> the answer after the click
    public: Callable[[Any], Any]  # the JSON form of a normalised answer
    radix: Callable[[CodeField], int]  # case code: how many digit values the question takes
    digit: Callable[[CodeField, Any], int]  # case code: an answer (normalised or raw) -> its digit
    undigit: Callable[[CodeField, int], Any]  # case code: a digit -> the raw answer
    classes: Callable[[Question, list[c.Atom]], list[Klass]]  # verification: the answer space, partitioned
    words: Callable[[Question, Any, Audience, str], str]  # the answer in content words; "" if it has none


def kind_of(question: Question) -> Kind:
    return KINDS[question.kind]


def answer_words(question: Question, value: Any, audience: Audience, language: str = "en") -> str:
    """An answer in the content's words; '' when there is nothing to name (see `Kind.blank`)."""
    return kind_of(question).words(question, value, audience, language)


# --- checking raw answers --------------------------------------------------------------------------
def _check_one(question: Question, value: Any) -> tuple[Any, str]:
    if value is None:
        return UNSURE, ""
    if not isinstance(value, str):
        return UNSURE, f"'{question.id}' must be one of its values, not {_described(value)}"
    if value not in question.values:
        return UNSURE, f"'{value}' is not an answer to '{question.id}'{did_you_mean(value, question.values)}"
    return value, ""


def _check_many(question: Question, value: Any) -> tuple[Any, str]:
    empty: frozenset[str] = frozenset()
    if value is None:
        return empty, ""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return empty, f"'{question.id}' must be a list of values, not {_described(value)}"
    for v in value:
        if v not in question.values:
            return empty, f"'{v}' is not an answer to '{question.id}'{did_you_mean(v, question.values)}"
    if len(set(value)) != len(value):
        return empty, f"'{question.id}' lists a value twice"
    if UNSURE in value and len(value) > 1:
        return empty, f"'{question.id}': '{UNSURE}' cannot be combined with other values"
    return frozenset(value), ""


def _check_integer(question: Question, value: Any) -> tuple[Any, str]:
    if value is None:
        return None, ""
    if isinstance(value, bool) or not isinstance(value, int):
        return None, f"'{question.id}' must be a whole number, not {_described(value)}"
    lo, hi = question.minimum, question.maximum
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, f"'{question.id}' must be between {lo} and {hi}, not {quote(value)[1:-1]}"
    return value, ""


def _described(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a decimal number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__) + (f" ({value!r})" if _short(value) else "")


def _short(value: Any) -> bool:
    if isinstance(value, int):
        return -(10**28) < value < 10**28  # an int of more than 4,300 digits cannot even be written out
    return isinstance(value, (str, float)) and len(repr(value)) < 30


# --- toggling ------------------------------------------------------------------------------------------
def _toggle_many(answer: frozenset[str], value: str) -> frozenset[str]:
    # "unsure" stands alone: choosing it clears the others, choosing another clears it
    if value in answer:
        return answer - {value}
    if value == UNSURE:
        return frozenset({UNSURE})
    return (answer - {UNSURE}) | {value}


def _chosen(_answer: Any, value: Any) -> Any:
    return value  # one answer (or one number) replaces the last; a chosen answer stays chosen


# --- case codes ---------------------------------------------------------------------------------------
def _no_number(field: CodeField) -> int:
    return field.high - field.low + 1  # the digit after every number: "not given"


def _undigit_many(field: CodeField, digit: int) -> list[str]:
    if digit == 1 << len(field.values):
        return [UNSURE]
    return [v for i, v in enumerate(field.values) if digit >> i & 1]


def _digit_many(field: CodeField, value: Any) -> int:
    chosen = set(value or ())
    if UNSURE in chosen:
        return 1 << len(field.values)  # after every subset of the plain values: the exclusive "unsure"
    return sum(1 << i for i, v in enumerate(field.values) if v in chosen)


# --- verification classes ----------------------------------------------------------------------------------
def _grouped(question: Question, atoms: list[c.Atom], values: list[Any]) -> list[Klass]:
    """Values with the same truth for every atom fall in one class."""
    by_signature: dict[tuple[bool, ...], list[Any]] = {}
    for value in values:
        signature = tuple(a.holds({question.id: value}) for a in atoms)
        by_signature.setdefault(signature, []).append(value)
    empty = kind_of(question).empty
    return [
        Klass(members[0], len(members), any(m == empty or m == frozenset({UNSURE}) for m in members))
        for members in by_signature.values()
    ]


def _classes_one(question: Question, atoms: list[c.Atom]) -> list[Klass]:
    return _grouped(question, atoms, list(question.values) + ([] if UNSURE in question.values else [UNSURE]))


def _classes_many(question: Question, atoms: list[c.Atom]) -> list[Klass]:
    plain = [v for v in question.values if v != UNSURE]
    subsets: list[Any] = [frozenset(s) for n in range(len(plain) + 1) for s in itertools.combinations(plain, n)]
    if UNSURE in question.values:
        subsets.append(frozenset({UNSURE}))
    return _grouped(question, atoms, subsets)


def _classes_integer(question: Question, atoms: list[c.Atom]) -> list[Klass]:
    # every number between two bounds that some range condition uses behaves alike
    lo, hi = question.minimum or 0, question.maximum or 0
    cuts = {lo, hi + 1}
    for atom in atoms:
        if isinstance(atom, c.Range):
            cuts.update(b for b in (atom.minimum, None if atom.maximum is None else atom.maximum + 1) if b is not None)
    bounds = sorted(b for b in cuts if lo <= b <= hi + 1)
    ranges = [Klass(start, end - start, False) for start, end in zip(bounds, bounds[1:], strict=False)]
    return ranges + [Klass(None, 1, True)]


# --- words -------------------------------------------------------------------------------------------
def _words_one(question: Question, value: Any, audience: Audience, language: str) -> str:
    return question.choice(value).label.get(audience, language) if value in question.values else ""


def _words_many(question: Question, value: Any, audience: Audience, language: str) -> str:
    chosen = value or ()
    return "; ".join(question.choice(v).label.get(audience, language) for v in question.values if v in chosen)


def _words_integer(question: Question, value: Any, audience: Audience, language: str) -> str:
    return "" if value is None else str(value)


KINDS: dict[str, Kind] = {
    "one": Kind(
        "one", UNSURE, several=False, numeric=False, blank="not_sure",
        check=_check_one, toggle=_chosen, public=lambda value: value,
        radix=lambda field: len(field.values),
        digit=lambda field, value: field.values.index(value if value in field.values else UNSURE),
        undigit=lambda field, digit: field.values[digit],
        classes=_classes_one, words=_words_one,
    ),
    "many": Kind(
        "many", frozenset(), several=True, numeric=False, blank="none",
        check=_check_many, toggle=_toggle_many, public=sorted,
        radix=lambda field: (1 << len(field.values)) + 1,  # any subset of the plain values, plus "unsure"
        digit=_digit_many, undigit=_undigit_many,
        classes=_classes_many, words=_words_many,
    ),
    "integer": Kind(
        "integer", None, several=False, numeric=True, blank="not_given",
        check=_check_integer, toggle=_chosen, public=lambda value: value,
        radix=lambda field: _no_number(field) + 1,  # every number, plus "not given"
        digit=lambda field, value: _no_number(field) if value is None else int(value) - field.low,
        undigit=lambda field, digit: None if digit == _no_number(field) else field.low + digit,
        classes=_classes_integer, words=_words_integer,
    ),
}
