"""Conditions in the words of the questions and their answers, for people rather than engineers.

One implementation for the result screen's "Why am I seeing this?" panel and the review sheet:
`“Region” → Cervical and “Age (years)” → 80 or more`. Each part is one whole phrase with numbered
places (`“%1” → %2 or more`, `%1 and %2`), so a translation can order and inflect it as its language
needs; each is marked with a local `QT_TRANSLATE_NOOP("misaid", ...)` for pyside6-lupdate, as in
outline.py, and goes through `tr`. The rest (questions, answers) comes from the content.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .conditions import All, AnyOf, Condition, InValues, Known, Not
from .model import Audience, Content


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


# two conditions that must both hold / of which one must hold; longer lists fold pair by pair
AND = QT_TRANSLATE_NOOP("misaid", "%1 and %2")
OR = QT_TRANSLATE_NOOP("misaid", "%1 or %2")
NOT = QT_TRANSLATE_NOOP("misaid", "not %1")
# %1 is a question, as asked; %2 (and %3) the answers or numbers that make the condition hold
CHOSEN = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d \u2192 %2")
ANSWERED = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d answered")
NOT_ANSWERED = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d not answered")
OR_MORE = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d \u2192 %2 or more")
OR_LESS = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d \u2192 %2 or less")
FROM_TO = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d \u2192 %2 to %3")


_PLACE = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """%1, %2, ... in `text` filled with `args` in one pass: a value holding "%2" is not filled again."""
    return _PLACE.sub(lambda m: str(args[int(m[1]) - 1]) if int(m[1]) <= len(args) else m[0], text)


def _same(text: str) -> str:
    return text


def condition_words(
    cond: Condition,
    content: Content,
    audience: Audience,
    tr: Callable[[str], str] = _same,
    mark: Callable[[str], str] = _same,
    language: str = "en",
) -> str:
    """A rule's condition in the words of the questions and answers, not the vocabulary's ids.

    `mark` wraps each answer's label; the review sheet quotes them, since a label may itself say "or".
    `language` picks the content's words; `tr` translates the phrases that join them.
    """

    def group(item: Condition) -> str:
        text = condition_words(item, content, audience, tr, mark, language)
        return f"({text})" if isinstance(item, (All, AnyOf)) and len(item.items) > 1 else text

    def joined(phrase: str, parts: list[str]) -> str:
        pattern = tr(phrase)
        text = parts[0]
        for part in parts[1:]:
            text = fill(pattern, text, part)
        return text

    if isinstance(cond, All):
        return joined(AND, [group(item) for item in cond.items])
    if isinstance(cond, AnyOf):
        return joined(OR, [group(item) for item in cond.items])
    if isinstance(cond, Not):
        return fill(tr(NOT), group(cond.item))
    question = content.question(cond.question)
    asked = question.text.get(audience, language)
    if isinstance(cond, InValues):
        chosen = [mark(c.label.get(audience, language)) for c in question.choices if c.value in cond.values]
        return fill(tr(CHOSEN), asked, joined(OR, chosen))
    if isinstance(cond, Known):
        return fill(tr(ANSWERED) if cond.known else tr(NOT_ANSWERED), asked)
    low, high = cond.minimum, cond.maximum
    if high is None:
        return fill(tr(OR_MORE), asked, low)
    if low is None:
        return fill(tr(OR_LESS), asked, high)
    return fill(tr(FROM_TO), asked, low, high)
