"""Case codes: short, unambiguous, checked, versioned; they carry answers, never the person."""

from __future__ import annotations

import pytest

from misaid.core import Content, normalise
from misaid.core.answers import to_public
from misaid.core.casecode import ALPHABET, CURRENT, MAX_LENGTH, VERSIONS, CodeError, decode, encode, pretty


def test_every_practice_case_round_trips(content: Content) -> None:
    for case in content.cases:
        code = encode(case.answers)
        assert len(code) <= MAX_LENGTH and set(code) <= set(ALPHABET)
        assert normalise(content, decode(pretty(code))) == case.answers, case.id


def test_codes_are_read_leniently(content: Content) -> None:
    code = encode(content.cases[0].answers)
    assert decode(f"  {pretty(code).lower()} ") == decode(code)
    assert decode(" ".join(code)) == decode(code)


def test_every_single_typo_is_caught(content: Content) -> None:
    code = encode(content.cases[3].answers)
    for i, original in enumerate(code):
        for char in ALPHABET.replace(original, ""):
            with pytest.raises(CodeError):
                decode(code[:i] + char + code[i + 1 :])


def test_swapped_neighbours_are_caught(content: Content) -> None:
    code = encode(content.cases[5].answers)
    for i in range(len(code) - 1):
        if code[i] != code[i + 1] and {code[i], code[i + 1]} != {ALPHABET[0], ALPHABET[-1]}:
            with pytest.raises(CodeError, match="typing mistake"):
                decode(code[:i] + code[i + 1] + code[i] + code[i + 2 :])


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty"),
        ("A0B", "never use O or 0"),
        ("AIB", "never use 1, I or L"),
        ("A#B", "'#' cannot appear"),
        ("ABCDEFGHJKMNP", "at most 12"),
        ("ABC", "typing mistake"),
    ],
)
def test_malformed_codes_get_plain_messages(text: str, words: str) -> None:
    with pytest.raises(CodeError, match=words):
        decode(text)


@pytest.mark.parametrize(
    "body, words",
    [
        ("A" + ALPHABET[-1] * 6, "not one misaid made"),  # a number larger than any answer set
        ("Z234567", "newer or unknown version"),
        ("A2345", "should have 8 characters"),
    ],
)
def test_well_checked_but_unusable_codes_are_refused(body: str, words: str) -> None:
    from misaid.core.casecode import _check_char

    with pytest.raises(CodeError, match=words):
        decode(body + _check_char(body))


def test_the_frozen_vocabulary_covers_the_content(content: Content) -> None:
    # if this fails, the content grew: add a new code version (never change an old one)
    latest = {f.question: f for f in VERSIONS[CURRENT]}
    for question in content.questions:
        field = latest[question.id]
        assert field.kind == question.kind
        if question.kind != "integer":
            assert set(question.values) - {"unsure"} <= set(field.values) - {"unsure"}


def test_a_code_holds_answers_only(content: Content) -> None:
    answers = normalise(content, {"age": 50, "region": "neck", "symptoms": ["arm_pain"]})
    assert {k: v for k, v in to_public(content, normalise(content, decode(encode(answers)))).items()} == to_public(
        content, answers
    )


def test_codes_printed_by_version_1_still_decode(content: Content) -> None:
    # a kiosk printout from before vocabulary v2 must still open in consultation
    answers = {"age": 67, "region": "low_back", "level": "l4_l5", "symptoms": ["leg_pain", "bladder_bowel"],
               "alignment": "slipped_vertebra", "condition": "stenosis", "history": ["obesity"]}
    old = encode(answers, version="A")
    assert old.startswith("A") and encode(answers).startswith(CURRENT) and CURRENT != "A"
    assert normalise(content, decode(old)) == normalise(content, answers)


def test_vocabulary_v2_round_trips(content: Content) -> None:
    answers = normalise(content, {"age": 70, "region": "mid_back", "symptoms": ["getting_weaker", "back_pain"],
                                  "condition": "tumor", "history": ["cancer", "recent_injury"],
                                  "priorities": ["avoid_surgery", "small_scar"]})
    assert normalise(content, decode(encode(answers))) == answers
