"""The journey: the one place answers change; what is asked, progress, toggling, clearing and red flags."""

from __future__ import annotations

from pathlib import Path

from misaid.core import Content, explain, load_content, normalise
from misaid.core.answers import to_public
from misaid.core.journey import Journey
from tests.mini_content import EditContent


def ids(journey: Journey) -> list[str]:
    return [q.id for q in journey.asked()]


def test_level_is_asked_only_for_the_low_back(content: Content) -> None:
    journey = Journey(content)
    assert "level" not in ids(journey)
    journey.set("region", "low_back")
    assert ids(journey)[:3] == ["age", "region", "level"]
    journey.set("region", "neck")
    assert "level" not in ids(journey)
    following = journey.next_question("region")
    assert following is not None and following.id == "symptoms"


def test_next_question_goes_on_from_a_question_that_stopped_applying(content: Content) -> None:
    journey = Journey(content)
    first = journey.next_question(None)
    assert first is not None and first.id == "age"
    journey.set("region", "neck")
    following = journey.next_question("level")  # the page the person was on
    assert following is not None and following.id == "symptoms"
    assert journey.next_question(content.questions[-1].id) is None


def test_progress_counts_only_the_questions_asked(content: Content) -> None:
    journey = Journey(content)
    journey.set("region", "neck")
    assert journey.progress("symptoms") == (3, len(content.questions) - 1)
    journey.set("region", "low_back")
    assert journey.progress("symptoms") == (4, len(content.questions))
    assert journey.progress("level") == (3, len(content.questions))
    journey.set("region", "neck")
    assert journey.progress("level") == (0, len(content.questions) - 1)


def test_answers_that_stop_applying_are_cleared_and_never_come_back(content: Content) -> None:
    journey = Journey(content)
    journey.set("region", "low_back")
    journey.set("level", "l5_s1")
    journey.set("region", "neck")
    assert not journey.is_answered("level")
    journey.set("region", "low_back")
    assert not journey.is_answered("level"), "an old answer must not come back"
    assert journey.value("level") == "unsure" and journey.answers()["level"] == "unsure"


def test_a_toggled_many_answer_keeps_unsure_alone(content: Content) -> None:
    journey = Journey(content)
    journey.toggle("symptoms", "back_pain")
    journey.toggle("symptoms", "leg_pain")
    assert journey.value("symptoms") == {"back_pain", "leg_pain"}
    journey.toggle("symptoms", "unsure")
    assert journey.value("symptoms") == {"unsure"}, "choosing unsure clears the others"
    journey.toggle("symptoms", "leg_pain")
    assert journey.value("symptoms") == {"leg_pain"}, "choosing another clears unsure"
    journey.toggle("symptoms", "leg_pain")
    assert not journey.is_answered("symptoms"), "taking back the last choice leaves the question unanswered"


def test_none_of_these_is_the_empty_answer_and_gives_way_to_a_choice(content: Content) -> None:
    journey = Journey(content)
    journey.set("symptoms", frozenset())
    assert journey.is_answered("symptoms") and journey.value("symptoms") == frozenset()
    journey.toggle("symptoms", "back_pain")
    assert journey.value("symptoms") == {"back_pain"}
    journey.set("history", ["obesity", "cancer"])  # any iterable of values
    assert journey.value("history") == frozenset({"obesity", "cancer"})


def test_a_chosen_one_answer_stays_chosen_when_clicked_again(content: Content) -> None:
    journey = Journey(content)
    journey.toggle("region", "neck")
    journey.toggle("region", "neck")
    assert journey.value("region") == "neck"
    journey.toggle("region", "low_back")
    assert journey.value("region") == "low_back"


def test_not_sure_means_what_the_vocabulary_means(content: Content) -> None:
    journey = Journey(content)
    journey.unsure("age")  # rather not say
    journey.unsure("region")
    journey.unsure("symptoms")
    assert all(journey.is_answered(q) and journey.is_unsure(q) for q in ("age", "region", "symptoms"))
    assert (journey.value("age"), journey.value("region"), journey.value("symptoms")) == (None, "unsure", {"unsure"})
    journey.toggle("symptoms", "back_pain")
    assert not journey.is_unsure("symptoms")
    journey.clear("age")
    assert not journey.is_answered("age") and not journey.is_unsure("age")


def test_not_sure_without_an_unsure_value_is_told_apart_from_none_of_these(mini_copy: Path,
                                                                           edit_content: EditContent) -> None:
    edit_content("questions.yaml", '{value: obesity, label: {en: "Heavy weight"}}\n      - {value: unsure, ',
                 '{value: obesity, label: {en: "Heavy weight"}}\n      - {value: smoker, ')
    journey = Journey(load_content(mini_copy))
    journey.unsure("history")
    assert journey.value("history") == frozenset() and journey.is_unsure("history")
    journey.set("history", frozenset())  # None of these: the same answer, said differently
    assert journey.is_answered("history") and not journey.is_unsure("history")


def test_the_answers_mean_what_the_core_means(content: Content) -> None:
    journey = Journey(content)
    journey.unsure("age")
    journey.set("region", "low_back")
    journey.set("symptoms", frozenset())
    journey.toggle("history", "obesity")
    raw = {"region": "low_back", "history": ["obesity"]}
    assert journey.answers() == normalise(content, raw)
    assert journey.public() == to_public(content, normalise(content, raw))
    assert journey.public()["history"] == ["obesity"] and journey.public()["age"] is None


def test_the_explanation_is_kept_until_an_answer_changes(content: Content) -> None:
    journey = Journey(content)
    first = journey.explanation()
    assert journey.explanation() is first
    journey.set("region", "low_back")
    second = journey.explanation()
    assert second is not first and second.answers["region"] == "low_back"
    assert second.fired == explain(content, journey.answers()).fired
    journey.toggle("symptoms", "leg_pain")
    assert journey.explanation() is not second
    third = journey.explanation()
    journey.clear("symptoms")
    assert journey.explanation() is not third and journey.explanation().answers["symptoms"] == frozenset()
    fourth = journey.explanation()
    journey.reset()
    assert journey.explanation() is not fourth and journey.explanation().answers == normalise(content, {})


def test_red_flags_are_raised_by_the_answer_that_brings_them(content: Content) -> None:
    journey = Journey(content)
    journey.set("region", "low_back")
    journey.toggle("symptoms", "bladder_bowel")
    assert journey.urgent_raised_by("symptoms")
    assert not journey.urgent_raised_by("region")
    assert journey.urgent() == journey.explanation().urgent
    journey.set("symptoms", {"back_pain"})
    assert not journey.urgent_raised_by("symptoms")


def test_a_restored_answer_set_replaces_everything(content: Content) -> None:
    journey = Journey(content)
    journey.set("age", 30)
    restored = normalise(content, {"region": "neck", "condition": "stenosis"})
    journey.restore(restored)
    assert journey.answers() == restored
    assert journey.is_answered("region") and not journey.is_answered("level")  # level is not asked for the neck


def test_reset_forgets_everything(content: Content) -> None:
    journey = Journey(content)
    journey.set("age", 50)
    journey.unsure("region")
    journey.reset()
    assert journey.answers() == normalise(content, {})
    assert not journey.is_answered("age") and not journey.is_unsure("region")
