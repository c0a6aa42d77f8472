"""Conditions over answers: all / any / not, value lists, age ranges, known-ness."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .record import record

Answers = Mapping[str, Any]  # normalised: one -> str, many -> frozenset, integer -> int | None


@record
class All:
    items: tuple[Condition, ...]

    def holds(self, answers: Answers) -> bool:
        return all(item.holds(answers) for item in self.items)

    def describe(self) -> str:
        return " and ".join(_group(i) for i in self.items)


@record
class AnyOf:
    items: tuple[Condition, ...]

    def holds(self, answers: Answers) -> bool:
        return any(item.holds(answers) for item in self.items)

    def describe(self) -> str:
        return " or ".join(_group(i) for i in self.items)


@record
class Not:
    item: Condition

    def holds(self, answers: Answers) -> bool:
        return not self.item.holds(answers)

    def describe(self) -> str:
        return f"not {_group(self.item)}"


@record
class InValues:
    """A single answer is one of `values`, or a multi answer includes any of them."""

    question: str
    values: frozenset[str]

    def holds(self, answers: Answers) -> bool:
        given = answers.get(self.question)
        if isinstance(given, frozenset):
            return not given.isdisjoint(self.values)
        return given in self.values

    def describe(self) -> str:
        shown = ", ".join(sorted(self.values))
        return f"{self.question} is {shown}" if len(self.values) == 1 else f"{self.question} in [{shown}]"


@record
class Range:
    question: str
    minimum: int | None
    maximum: int | None

    def holds(self, answers: Answers) -> bool:
        given = answers.get(self.question)
        if not isinstance(given, int):
            return False
        return (self.minimum is None or given >= self.minimum) and (self.maximum is None or given <= self.maximum)

    def describe(self) -> str:
        if self.maximum is None:
            return f"{self.question} >= {self.minimum}"
        if self.minimum is None:
            return f"{self.question} <= {self.maximum}"
        return f"{self.question} {self.minimum}-{self.maximum}"


@record
class Known:
    """The answer was given (not absent, not 'unsure', not an empty list)."""

    question: str
    known: bool

    def holds(self, answers: Answers) -> bool:
        given = answers.get(self.question)
        is_known = given not in (None, "unsure") and given != frozenset() and given != frozenset({"unsure"})
        return is_known == self.known

    def describe(self) -> str:
        return f"{self.question} is {'known' if self.known else 'not known'}"


Condition = All | AnyOf | Not | InValues | Range | Known
Atom = InValues | Range | Known


def _group(cond: Condition) -> str:
    text = cond.describe()
    return f"({text})" if isinstance(cond, (All, AnyOf)) and len(cond.items) > 1 else text


def parse(raw: Any) -> Condition:
    """Build a condition from schema-valid data (the loader validates shape and ids first)."""
    if "all" in raw:
        return All(tuple(parse(item) for item in raw["all"]))
    if "any" in raw:
        return AnyOf(tuple(parse(item) for item in raw["any"]))
    if "not" in raw:
        return Not(parse(raw["not"]))
    if "in" in raw:
        return InValues(raw["q"], frozenset(raw["in"]))
    if "known" in raw:
        return Known(raw["q"], bool(raw["known"]))
    return Range(raw["q"], raw.get("min"), raw.get("max"))


def atoms(cond: Condition) -> list[Atom]:
    """Every leaf test inside a condition."""
    if isinstance(cond, (All, AnyOf)):
        return [a for item in cond.items for a in atoms(item)]
    if isinstance(cond, Not):
        return atoms(cond.item)
    return [cond]
