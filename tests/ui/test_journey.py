"""The Qt-free journey: which questions are asked, progress, clearing and red flags, all decided by the core."""

from __future__ import annotations

from misaid.core import Content, normalise
from misaid.ui.journey import Journey


def ids(journey: Journey) -> list[str]:
    return [q.id for q in journey.asked()]


def test_level_is_asked_only_for_the_low_back(content: Content) -> None:
    journey = Journey(content)
    assert "level" not in ids(journey)
    journey.answer("region", "low_back")
    assert ids(journey)[:3] == ["age", "region", "level"]
    journey.answer("region", "neck")
    assert "level" not in ids(journey)
    assert journey.next_question("region").id == "symptoms"


def test_progress_counts_only_the_questions_asked(content: Content) -> None:
    journey = Journey(content)
    journey.answer("region", "neck")
    assert journey.progress("symptoms") == (3, len(content.questions) - 1)
    journey.answer("region", "low_back")
    assert journey.progress("symptoms") == (4, len(content.questions))


def test_answers_that_stop_applying_are_cleared(content: Content) -> None:
    journey = Journey(content)
    journey.answer("region", "low_back")
    journey.answer("level", "l5_s1")
    journey.answer("region", "neck")
    assert not journey.is_answered("level")
    journey.answer("region", "low_back")
    assert not journey.is_answered("level"), "an old answer must not come back"
    assert journey.normalised()["level"] == "unsure"


def test_raw_answers_mean_what_the_core_means(content: Content) -> None:
    journey = Journey(content)
    journey.answer("age", None)  # rather not say
    journey.answer("region", "low_back")
    journey.answer("symptoms", frozenset())  # none of these
    journey.answer("history", {"obesity"})
    assert journey.raw() == {"region": "low_back", "history": ["obesity"]}
    assert journey.normalised() == normalise(content, {"region": "low_back", "history": ["obesity"]})
    assert journey.is_answered("age") and journey.is_answered("symptoms")


def test_red_flags_are_raised_by_the_answer_that_brings_them(content: Content) -> None:
    journey = Journey(content)
    journey.answer("region", "low_back")
    journey.answer("symptoms", {"bladder_bowel"})
    assert journey.urgent_raised_by("symptoms")
    assert not journey.urgent_raised_by("region")
    journey.answer("symptoms", {"back_pain"})
    assert not journey.urgent_raised_by("symptoms")


def test_reset_forgets_everything(content: Content) -> None:
    journey = Journey(content)
    journey.answer("age", 50)
    journey.reset()
    assert journey.raw() == {} and not journey.is_answered("age")
