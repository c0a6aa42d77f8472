"""Reading ease of patient text: English by Flesch-Kincaid grade, Spanish by Fernández-Huerta, hand-counted.

Hand-written on purpose: textstat now needs an NLTK download at run time, and
misaid runs offline.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|:\s*\n|\n{2,}")
_VOWELS = re.compile(r"[aeiouy]+")
# Texts shorter than this are labels; grade formulas say nothing useful about three words.
MIN_WORDS = 10


def syllables(word: str) -> int:
    word = word.lower().strip("'")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", lambda m: m.group(0)[0], word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWELS.findall(word)))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text."""
    found = words(text)
    if not found:
        return 0.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]))
    total_syllables = sum(syllables(w) for w in found)
    return 0.39 * len(found) / sentences + 11.8 * total_syllables / len(found) - 15.59


# --- Spanish: Fernández-Huerta reading ease (0-100, higher is easier; 60-70 reads as "normal") ----------
_WORD_ES = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_VOWEL_GROUPS_ES = re.compile(r"[aeiouáéíóúü]+")
_STRONG_ES = set("aeoáéóíú")  # an accented i or u breaks a diphthong as a strong vowel does


def syllables_es(word: str) -> int:
    """Spanish syllables: vowel groups, with two strong vowels side by side counted apart (hiatus)."""
    count = 0
    for group in _VOWEL_GROUPS_ES.findall(word.lower()):
        count += 1 + sum(1 for a, b in zip(group, group[1:], strict=False) if a in _STRONG_ES and b in _STRONG_ES)
    return max(1, count)


def words_es(text: str) -> list[str]:
    return _WORD_ES.findall(text)


def reading_ease_es(text: str) -> float:
    """Fernández-Huerta, as corrected: 206.84 - 60 x syllables per word - 1.02 x words per sentence."""
    found = words_es(text)
    if not found:
        return 100.0
    sentences = max(1, len([s for s in _SENTENCE_END.split(text.strip()) if _WORD_ES.search(s)]))
    return 206.84 - 60 * sum(syllables_es(w) for w in found) / len(found) - 1.02 * len(found) / sentences
