"""The patient's journey: the one place an answer changes, which questions are asked, progress and red flags.

Every view (the wizard's pages, the consultation form) changes answers only here and reads them back
from here. Answers are held normalised (answers.Normalised); nothing is converted back and forth.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .answers import Normalised, applicable, empty_answer, to_public
from .kinds import UNSURE, kind_of
from .model import Content, Question, Urgent

if TYPE_CHECKING:
    from .engine import Explanation


def _explain(content: Content, answers: Mapping[str, Any]) -> Explanation:
    # the engine is imported with the first explanation, not with the journey: the patient's
    # Start button waits for the journey only
    from .engine import explain

    return explain(content, answers)


class Journey:
    """Answers collected so far; every decision about what follows is delegated to the rest of the core.

    A question is *answered* once the person made a choice for it, including "I'm not sure" or
    "None of these"; the wizard keeps Next disabled until then. An unanswered question means its
    empty answer (kinds.Kind.empty). Answers to questions that stop applying are cleared at once,
    and never come back.
    """

    def __init__(self, content: Content) -> None:
        self.content = content
        self._given: Normalised = {}  # answered questions only
        # "I'm not sure" said to a many-question whose vocabulary has no 'unsure' value: it then means
        # nothing chosen, like "None of these", but the page must show which of the two was said
        self._unsure: set[str] = set()
        # emptied whenever an answer changes: QWizard asks nextId() several times per page change,
        # and each call would otherwise run the engine twice
        self._memo: dict[Any, Any] = {}

    # --- changing answers ---------------------------------------------------------------------
    def reset(self) -> None:
        """Forget everything: the next person must never see these answers."""
        self._given.clear()
        self._unsure.clear()
        self._memo.clear()

    def set(self, qid: str, value: Any) -> None:
        """Record a normalised answer (a many-question's answer may be any iterable of values)."""
        question = self.content.question(qid)
        self._store(qid, frozenset(value) if kind_of(question).several else value)

    def toggle(self, qid: str, value: str) -> None:
        """The person clicked `value`: a one-question chooses it; a many-question adds or removes it,
        'unsure' standing alone. A many-question left with nothing chosen is unanswered again."""
        question = self.content.question(qid)
        kind = kind_of(question)
        after = kind.toggle(self._given.get(qid, kind.empty), value)
        if kind.several and not after:
            self.clear(qid)
        else:
            self._store(qid, after)

    def unsure(self, qid: str) -> None:
        """The person is not sure (or would rather not say): 'unsure' where the question offers it."""
        question = self.content.question(qid)
        kind = kind_of(question)
        said = kind.toggle(kind.empty, UNSURE) if UNSURE in question.values else kind.empty
        self._store(qid, said)
        if qid in self._given:  # still asked
            self._unsure.add(qid)

    def clear(self, qid: str) -> None:
        """The question is unanswered again (its last choice was taken back)."""
        self._given.pop(qid, None)
        self._changed()

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Replace every answer with a whole normalised set (a case code's); each question counts as answered."""
        self.reset()
        self._given.update({q.id: answers.get(q.id, empty_answer(q)) for q in self.content.questions})
        self._changed()

    def _store(self, qid: str, value: Any) -> None:
        self._given[qid] = value
        self._unsure.discard(qid)  # `unsure` marks its question again right after
        self._changed()

    def _changed(self) -> None:
        self._memo.clear()
        asked = {q.id for q in self.asked()}
        for stale in [qid for qid in self._given if qid not in asked]:
            del self._given[stale]
        self._unsure.intersection_update(self._given)

    # --- reading answers -------------------------------------------------------------------------
    def is_answered(self, qid: str) -> bool:
        return qid in self._given

    def is_unsure(self, qid: str) -> bool:
        """Whether the last answer was "I'm not sure" said through `unsure`."""
        return qid in self._unsure

    def value(self, qid: str) -> Any:
        """The normalised answer; the question's empty answer while unanswered."""
        return self._given.get(qid, empty_answer(self.content.question(qid)))

    def answers(self) -> Normalised:
        """Every question's normalised answer (those not answered or not asked: their empty answer)."""
        return {q.id: self._given.get(q.id, empty_answer(q)) for q in self.content.questions}

    def public(self) -> dict[str, Any]:
        """The JSON form of the answers (lists sorted, absent numbers as null), as in `misaid explain`."""
        return to_public(self.content, self._given)

    # --- the flow ------------------------------------------------------------------------------
    def asked(self) -> list[Question]:
        """The questions asked for the answers so far, in order (the core's `applicable`)."""
        if "asked" not in self._memo:
            self._memo["asked"] = applicable(self.content.questions, self._given)
        return list(self._memo["asked"])

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

    # --- what the core says ----------------------------------------------------------------------
    def explanation(self) -> Explanation:
        """The engine's explanation of the answers so far, kept until an answer changes."""
        if "explanation" not in self._memo:
            self._memo["explanation"] = _explain(self.content, self.answers())
        return self._memo["explanation"]  # type: ignore[no-any-return]

    def urgent(self) -> tuple[Urgent, ...]:
        return self.explanation().urgent

    def urgent_raised_by(self, qid: str) -> tuple[Urgent, ...]:
        """Urgent notes that answering `qid` brings up (those not already raised by earlier answers)."""
        key = ("urgent", qid)
        if key not in self._memo:
            order = self.content.question_ids
            index = order.index(qid)
            before = _explain(self.content, self._answers_upto(order[index - 1])).urgent if index else ()
            now = _explain(self.content, self._answers_upto(qid)).urgent
            earlier = {u.id for u in before}
            self._memo[key] = tuple(u for u in now if u.id not in earlier)
        return self._memo[key]  # type: ignore[no-any-return]

    def _answers_upto(self, qid: str) -> Normalised:
        # later questions as if unanswered; an earlier question never depends on a later one (the loader checks)
        answers = self.answers()
        order = self.content.question_ids
        for later in self.content.questions[order.index(qid) + 1 :]:
            answers[later.id] = empty_answer(later)
        return answers
