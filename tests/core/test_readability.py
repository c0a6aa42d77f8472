"""The reading-grade measure separates plain words from jargon."""

from misaid.core.readability import grade, syllables


def test_syllables_of_common_words() -> None:
    assert [syllables(w) for w in ["spine", "back", "surgery", "minimally", "the", "nerve"]] == [1, 1, 3, 4, 1, 1]


def test_plain_text_grades_low_and_jargon_high() -> None:
    assert grade("A small tube goes in through a short cut. It helps you heal fast.") < 4
    assert grade("Posterior tubular microdiscectomy decompresses symptomatic lumbosacral radiculopathy.") > 14
