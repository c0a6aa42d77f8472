"""The reading-grade measure separates plain words from jargon."""

from misaid.core.readability import grade, syllables


def test_syllables_of_common_words() -> None:
    assert [syllables(w) for w in ["spine", "back", "surgery", "minimally", "the", "nerve"]] == [1, 1, 3, 4, 1, 1]


def test_plain_text_grades_low_and_jargon_high() -> None:
    assert grade("A small tube goes in through a short cut. It helps you heal fast.") < 4
    assert grade("Posterior tubular microdiscectomy decompresses symptomatic lumbosacral radiculopathy.") > 14


def test_spanish_reading_ease_rewards_short_plain_sentences() -> None:
    from misaid.core.readability import reading_ease_es, syllables_es

    assert [syllables_es(w) for w in ("columna", "cirugía", "leer", "cuello", "médula")] == [3, 4, 2, 2, 3]
    plain = "Un tubo fino aparta el músculo. El corte es pequeño. Casi no sangra."
    jargon = ("La artrodesis intersomática transforaminal mínimamente invasiva disminuye significativamente "
              "la morbilidad perioperatoria asociada.")
    assert reading_ease_es(plain) > 70 > 40 > reading_ease_es(jargon)
