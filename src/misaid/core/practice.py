"""Practice mode logic: case order without repeats, scoring against the engine, session totals."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .engine import Explanation, explain
from .model import APPROACH_IDS, Case, Content


@dataclass(frozen=True)
class Score:
    case_id: str
    chosen_fits: Mapping[str, str]
    engine_fits: Mapping[str, str]
    chosen_options: frozenset[str]
    engine_options: frozenset[str]
    explanation: Explanation

    @property
    def agreement(self) -> dict[str, bool]:
        return {a: self.chosen_fits.get(a) == self.engine_fits[a] for a in APPROACH_IDS}

    @property
    def fits_right(self) -> int:
        return sum(self.agreement.values())

    @property
    def precision(self) -> float:
        """Of the options picked, the share the sources bring up (1.0 when nothing was picked or expected)."""
        if not self.chosen_options:
            return 1.0 if not self.engine_options else 0.0
        return len(self.chosen_options & self.engine_options) / len(self.chosen_options)

    @property
    def recall(self) -> float:
        """Of the options the sources bring up, the share picked."""
        if not self.engine_options:
            return 1.0
        return len(self.chosen_options & self.engine_options) / len(self.engine_options)


def score(content: Content, case: Case, chosen_fits: Mapping[str, str], chosen_options: Iterable[str]) -> Score:
    """Score a student's choices against what the engine explains for the case's answers."""
    result = explain(content, case.answers)
    return Score(
        case.id,
        dict(chosen_fits),
        {a.id: a.fit for a in result.approaches},
        frozenset(chosen_options),
        frozenset(o.id for o in result.mis_options),
        result,
    )


def matches(case: Case, region: str | None = None, condition: str | None = None) -> bool:
    return (region is None or case.answers.get("region") == region) and (
        condition is None or case.answers.get("condition") == condition
    )


@dataclass
class Session:
    """One student's run through the bank: each case once, in a shuffled order, until none are left."""

    content: Content
    region: str | None = None
    condition: str | None = None
    seed: int | None = None
    scores: list[Score] = field(default_factory=list)
    _queue: list[Case] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._queue = [c for c in self.content.cases if matches(c, self.region, self.condition)]
        random.Random(self.seed).shuffle(self._queue)

    @property
    def total(self) -> int:
        return len(self._queue) + len(self.scores)

    def next_case(self) -> Case | None:
        """The next unseen case, or None when the (filtered) bank is exhausted."""
        done = {s.case_id for s in self.scores}
        return next((c for c in self._queue if c.id not in done), None)

    def record(self, result: Score) -> None:
        self.scores.append(result)
        self._queue = [c for c in self._queue if c.id != result.case_id]

    @property
    def fits_right(self) -> int:
        return sum(s.fits_right for s in self.scores)

    @property
    def mean_precision(self) -> float:
        return sum(s.precision for s in self.scores) / len(self.scores) if self.scores else 0.0

    @property
    def mean_recall(self) -> float:
        return sum(s.recall for s in self.scores) / len(self.scores) if self.scores else 0.0

    def to_csv(self) -> str:
        """The session's scores (no names, no answers beyond the case id) for export on request."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "case",
                *(f"{a}_chosen" for a in APPROACH_IDS),
                *(f"{a}_engine" for a in APPROACH_IDS),
                "approaches_right",
                "options_precision",
                "options_recall",
            ]
        )
        for s in self.scores:
            writer.writerow(
                [
                    s.case_id,
                    *(s.chosen_fits.get(a, "") for a in APPROACH_IDS),
                    *(s.engine_fits[a] for a in APPROACH_IDS),
                    s.fits_right,
                    f"{s.precision:.2f}",
                    f"{s.recall:.2f}",
                ]
            )
        return out.getvalue()
