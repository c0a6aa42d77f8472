"""The patient's journey without Qt: which questions are asked, what is answered, progress and red flags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from misaid.core import answers as answers_mod
from misaid.core.engine import Explanation, explain
from misaid.core.model import Content, Question, Urgent


class Journey:
    """Answers collected so far; every decision about what follows is delegated to misaid.core.

    A question is *answered* once the person made a choice on its page, including
    "I'm not sure" or "None of these"; an unanswered question cannot be left with Next.
    """

    def __init__(self, content: Content) -> None:
        self.content = content
        self._given: dict[str, Any] = {}  # question id -> str | frozenset[str] | int | None (None: rather not say)
        # Answers change only through answer/clear/reset, which empty this; QWizard asks nextId()
        # several times per page change, and each answer would otherwise run the engine twice.
        self._memo: dict[Any, Any] = {}

    # --- collecting ---------------------------------------------------------------
    def reset(self) -> None:
        """Forget everything: the next person must never see these answers."""
        self._given.clear()
        self._memo.clear()

    def answer(self, qid: str, value: Any) -> None:
        """Record an answer; answers to questions that no longer apply are cleared at once."""
        question = self.content.question(qid)
        if question.kind == "many" and value is not None:
            value = frozenset(value)
        self._given[qid] = value
        self._memo.clear()
        asked = {q.id for q in self.asked()}
        for stale in [k for k in self._given if k not in asked]:
            del self._given[stale]

    def clear(self, qid: str) -> None:
        """The question is unanswered again (its last choice was taken back)."""
        self._given.pop(qid, None)
        self._memo.clear()
        asked = {q.id for q in self.asked()}
        for stale in [k for k in self._given if k not in asked]:
            del self._given[stale]

    def given(self, qid: str) -> Any:
        return self._given.get(qid)

    def is_answered(self, qid: str) -> bool:
        return qid in self._given

    # --- what the core says ---------------------------------------------------------
    def raw(self, upto: str | None = None) -> dict[str, Any]:
        """Answers in the vocabulary of `misaid explain` (absent = unsure / none), optionally up to a question."""
        raw: dict[str, Any] = {}
        for question in self.content.questions:
            if question.id in self._given:
                value = self._given[question.id]
                if value is not None and not (isinstance(value, frozenset) and not value):
                    raw[question.id] = sorted(value) if isinstance(value, frozenset) else value
            if question.id == upto:
                break
        return raw

    def normalised(self, upto: str | None = None) -> dict[str, Any]:
        return answers_mod.normalise(self.content, self.raw(upto))

    def asked(self) -> list[Question]:
        """The questions asked for the answers so far, in order (the core's `applicable`)."""
        if "asked" not in self._memo:
            known = answers_mod.normalise(self.content, self._known_raw())
            self._memo["asked"] = answers_mod.applicable(self.content.questions, known)
        return list(self._memo["asked"])

    def _known_raw(self) -> dict[str, Any]:
        # asked() must not depend on stale answers, so use what is given without the clean-up loop
        raw: dict[str, Any] = {}
        for qid, value in self._given.items():
            if value is None or (isinstance(value, frozenset) and not value):
                continue
            raw[qid] = sorted(value) if isinstance(value, frozenset) else value
        return raw

    def next_question(self, after: str | None) -> Question | None:
        """The question that follows `after` (None: the first), or None when all are asked."""
        asked = self.asked()
        if after is None:
            return asked[0] if asked else None
        ids = [q.id for q in asked]
        if after not in ids:
            # `after` no longer applies: continue from the next asked question in content order
            order = self.content.question_ids
            later = [q for q in asked if order.index(q.id) > order.index(after)]
            return later[0] if later else None
        index = ids.index(after)
        return asked[index + 1] if index + 1 < len(asked) else None

    def progress(self, qid: str) -> tuple[int, int]:
        """(position, total) of a question among those asked now: 'Question 3 of 7'."""
        ids = [q.id for q in self.asked()]
        return (ids.index(qid) + 1 if qid in ids else 0), len(ids)

    def urgent(self) -> tuple[Urgent, ...]:
        return explain(self.content, self.normalised()).urgent

    def urgent_raised_by(self, qid: str) -> tuple[Urgent, ...]:
        """Urgent notes that answering `qid` brings up (those not already raised by earlier answers)."""
        key = ("urgent", qid)
        if key not in self._memo:
            order = self.content.question_ids
            index = order.index(qid)
            before = explain(self.content, self.normalised(order[index - 1])).urgent if index else ()
            now = explain(self.content, self.normalised(qid)).urgent
            earlier = {u.id for u in before}
            self._memo[key] = tuple(u for u in now if u.id not in earlier)
        return self._memo[key]  # type: ignore[no-any-return]

    def explanation(self) -> Explanation:
        return explain(self.content, self.normalised())

    def answer_labels(self, audience: str, questions: Iterable[Question] | None = None) -> list[tuple[str, str]]:
        """(question, answer) in words, for the 'why' panel and the handout; the chrome words come from callers."""
        rows: list[tuple[str, str]] = []
        for question in questions if questions is not None else self.asked():
            rows.append((question.text.get(audience), describe_answer(question, self.given(question.id), audience)))  # type: ignore[arg-type]
        return rows


def describe_answer(question: Question, value: Any, audience: str) -> str:
    """An answer in content words; '' when there is nothing to name (the caller supplies its own words)."""
    if value is None:
        return ""
    if question.kind == "integer":
        return str(value)
    if question.kind == "one":
        return question.choice(value).label.get(audience)  # type: ignore[arg-type]
    return "; ".join(question.choice(v).label.get(audience) for v in question.values if v in value)  # type: ignore[arg-type]
