"""Reading grade of patient text (Flesch-Kincaid), with a plain syllable counter.

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
