"""Practice mode logic: case order without repeats, scoring against the engine, session totals.

A student makes four judgements per case: care without surgery (a real option to weigh, or not now
because urgent care comes first) and the fit of each of the three approaches. Each agrees with the
sources or not. Options are scored over procedures only (options of kind "operation"): generic tools
and techniques (kind "tool": tubes, dilators, imaging...) come up in almost every case, so they are
shown as also relevant but neither reward nor penalise.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .engine import Explanation, explain
from .model import APPROACH_IDS, Case, Content
from .record import record

CARE = "nonsurgical"  # the judgement on care without surgery, beside the approach ids
CARE_WEIGH = "weigh"  # a real option to weigh here
CARE_URGENT_FIRST = "urgent_first"  # not now: urgent care first
CARE_CHOICES = (CARE_WEIGH, CARE_URGENT_FIRST)
JUDGEMENTS = (CARE, *APPROACH_IDS)  # in the order the outline shows them
PROCEDURE_KIND = "operation"  # options of any other kind are generic tools or techniques


def expected_care(case: Case) -> str:
    """What the sources say about care without surgery: urgent care first when anything is urgent."""
    return CARE_URGENT_FIRST if case.expected_urgent else CARE_WEIGH


def procedures(content: Content) -> frozenset[str]:
    """The ids of the options that are procedures (operations), by their kind in the content."""
    return frozenset(o.id for o in content.options.values() if o.kind == PROCEDURE_KIND)


def unjudged(chosen: Mapping[str, str]) -> tuple[str, ...]:
    """The judgements (CARE and approach ids, in JUDGEMENTS order) not yet made."""
    return tuple(j for j in JUDGEMENTS if not chosen.get(j))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@record
class Score:
    case_id: str
    chosen: Mapping[str, str]  # judgement -> the student's answer (CARE -> a CARE_CHOICES value)
    expected: Mapping[str, str]  # judgement -> what the sources say
    chosen_options: frozenset[str]
    engine_options: frozenset[str]
    procedure_ids: frozenset[str]  # which option ids are procedures; the rest are tools
    explanation: Explanation

    @property
    def agreement(self) -> dict[str, bool]:
        return {j: self.chosen.get(j) == self.expected[j] for j in JUDGEMENTS}

    @property
    def judgements_right(self) -> int:
        return sum(self.agreement.values())

    @property
    def differing(self) -> tuple[str, ...]:
        """The judgements that differ from the sources, in JUDGEMENTS order."""
        return tuple(j for j, right in self.agreement.items() if not right)

    @property
    def chosen_procedures(self) -> frozenset[str]:
        return self.chosen_options & self.procedure_ids

    @property
    def engine_procedures(self) -> frozenset[str]:
        return self.engine_options & self.procedure_ids

    @property
    def procedures_right(self) -> frozenset[str]:
        return self.chosen_procedures & self.engine_procedures

    @property
    def missed_procedures(self) -> frozenset[str]:
        return self.engine_procedures - self.chosen_procedures

    @property
    def extra_procedures(self) -> frozenset[str]:
        """Procedures picked that the sources do not bring up here."""
        return self.chosen_procedures - self.engine_procedures

    @property
    def relevant_tools(self) -> frozenset[str]:
        """Generic tools the sources bring up: shown, never scored."""
        return self.engine_options - self.procedure_ids

    @property
    def precision(self) -> float:
        """Of the procedures picked, the share that apply (1.0 when none was picked and none applies)."""
        if not self.chosen_procedures:
            return 1.0 if not self.engine_procedures else 0.0
        return _share(len(self.procedures_right), len(self.chosen_procedures))

    @property
    def recall(self) -> float:
        """Of the procedures that apply, the share picked (1.0 when none applies)."""
        return _share(len(self.procedures_right), len(self.engine_procedures))


def score(content: Content, case: Case, chosen: Mapping[str, str], chosen_options: Iterable[str]) -> Score:
    """Score a student's judgements and options against the engine's explanation of the case's answers.

    `chosen` maps CARE to a CARE_CHOICES value and each approach id to a fit; a missing one disagrees.
    Care without surgery is scored against the case's expected_urgent (which `misaid check` keeps equal
    to the engine's urgent notes); the approaches against the engine's fits.
    """
    result = explain(content, case.answers)
    expected = {CARE: expected_care(case), **{a.id: a.fit for a in result.approaches}}
    return Score(
        case.id,
        {j: v for j, v in chosen.items() if j in JUDGEMENTS and v},
        expected,
        frozenset(chosen_options),
        frozenset(o.id for o in result.mis_options),
        procedures(content),
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
    def judgements_right(self) -> int:
        return sum(s.judgements_right for s in self.scores)

    @property
    def judgements_made(self) -> int:
        """How many judgements were scored: four per case checked."""
        return len(JUDGEMENTS) * len(self.scores)

    @property
    def mean_precision(self) -> float:
        return sum(s.precision for s in self.scores) / len(self.scores) if self.scores else 0.0

    @property
    def mean_recall(self) -> float:
        return sum(s.recall for s in self.scores) / len(self.scores) if self.scores else 0.0

    def to_csv(self) -> str:
        """The session's scores (no names, no answers beyond the case id) for export on request.

        Technical column names here only: procedures_precision and procedures_recall count procedures
        (options of kind "operation"); generic tools are not scored.
        """
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "case",
                *(f"{j}_chosen" for j in JUDGEMENTS),
                *(f"{j}_expected" for j in JUDGEMENTS),
                "judgements_right",
                "procedures_precision",
                "procedures_recall",
            ]
        )
        for s in self.scores:
            writer.writerow(
                [
                    s.case_id,
                    *(s.chosen.get(j, "") for j in JUDGEMENTS),
                    *(s.expected[j] for j in JUDGEMENTS),
                    s.judgements_right,
                    f"{s.precision:.2f}",
                    f"{s.recall:.2f}",
                ]
            )
        return out.getvalue()
