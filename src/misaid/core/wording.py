"""Conditions in the words of the questions and their answers, for people rather than engineers.

One implementation for the result screen's "Why am I seeing this?" panel and the review sheet:
`“Region” → Cervical and “Age (years)” → 80 or more`. The few joining words go through `tr`, so
the UI can translate them (each is marked with a local `QT_TRANSLATE_NOOP("misaid", ...)` for
pyside6-lupdate, as in outline.py); the rest comes from the content.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .conditions import All, AnyOf, Condition, InValues, Known, Not
from .model import Audience, Content


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


AND = QT_TRANSLATE_NOOP("misaid", " and ")
OR = QT_TRANSLATE_NOOP("misaid", " or ")
NOT = QT_TRANSLATE_NOOP("misaid", "not %1")
ANSWERED = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d answered")
NOT_ANSWERED = QT_TRANSLATE_NOOP("misaid", "\u201c%1\u201d not answered")
OR_MORE = QT_TRANSLATE_NOOP("misaid", "%1 or more")
OR_LESS = QT_TRANSLATE_NOOP("misaid", "%1 or less")
FROM_TO = QT_TRANSLATE_NOOP("misaid", "%1 to %2")


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
) -> str:
    """A rule's condition in the words of the questions and answers, not the vocabulary's ids.

    `mark` wraps each answer's label; the review sheet quotes them, since a label may itself say "or".
    """

    def group(item: Condition) -> str:
        text = condition_words(item, content, audience, tr, mark)
        return f"({text})" if isinstance(item, (All, AnyOf)) and len(item.items) > 1 else text

    if isinstance(cond, All):
        return tr(AND).join(group(item) for item in cond.items)
    if isinstance(cond, AnyOf):
        return tr(OR).join(group(item) for item in cond.items)
    if isinstance(cond, Not):
        return fill(tr(NOT), group(cond.item))
    question = content.question(cond.question)
    asked = question.text.get(audience)
    if isinstance(cond, InValues):
        chosen = [mark(c.label.get(audience)) for c in question.choices if c.value in cond.values]
        return f"\u201c{asked}\u201d \u2192 " + tr(OR).join(chosen)
    if isinstance(cond, Known):
        return fill(tr(ANSWERED) if cond.known else tr(NOT_ANSWERED), asked)
    low, high = cond.minimum, cond.maximum
    if high is None:
        words = fill(tr(OR_MORE), low)
    elif low is None:
        words = fill(tr(OR_LESS), high)
    else:
        words = fill(tr(FROM_TO), low, high)
    return f"\u201c{asked}\u201d \u2192 {words}"
