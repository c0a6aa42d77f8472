"""Conditions in the questions' own words: one implementation for the 'why' panel and the review sheet."""

from __future__ import annotations

from misaid.core import Content
from misaid.core.conditions import All, AnyOf, InValues, Known, Not, Range
from misaid.core.wording import condition_words


def test_choices_use_the_audience_wording(mini: Content) -> None:
    cond = InValues("region", frozenset({"low_back", "neck"}))
    assert condition_words(cond, mini, "patient") == "\u201cWhere is the problem?\u201d \u2192 Neck or Low back"
    assert condition_words(cond, mini, "clinician") == "\u201cRegion\u201d \u2192 Neck or Low back"


def test_groups_ranges_and_known(mini: Content) -> None:
    cond = All((
        InValues("region", frozenset({"low_back"})),
        AnyOf((Range("age", 80, None), Known("level", False))),
        Not(InValues("symptoms", frozenset({"bladder_bowel"}))),
    ))
    assert condition_words(cond, mini, "clinician") == (
        "\u201cRegion\u201d \u2192 Low back and (\u201cHow old are you?\u201d \u2192 80 or more or "
        "\u201cWhich level?\u201d not answered) and not \u201cWhat do you feel?\u201d \u2192 Bladder trouble"
    )
    assert condition_words(Range("age", None, 17), mini, "patient").endswith("17 or less")
    assert condition_words(Range("age", 18, 64), mini, "patient").endswith("18 to 64")


def test_joining_words_go_through_the_translator(mini: Content) -> None:
    cond = All((Range("age", 80, None), Known("level", True)))
    shouted = condition_words(cond, mini, "patient", tr=str.upper)
    assert " AND " in shouted and "80 OR MORE" in shouted and "\u201d ANSWERED" in shouted


def test_mark_wraps_each_answer_and_nothing_else(mini: Content) -> None:
    cond = InValues("region", frozenset({"low_back", "neck"}))
    marked = condition_words(cond, mini, "clinician", mark=lambda s: f"[{s}]")
    assert marked == "\u201cRegion\u201d \u2192 [Neck] or [Low back]"
