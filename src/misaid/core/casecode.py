"""Case codes: a short, typeable code for a set of answers (never the person), with a check character.

Layout: one version character, the answers as a mixed-radix number in base 30,
and one check character (Luhn mod 30: it catches every single mistyped
character and all but a handful of swaps of two neighbours, such as 2Z/Z2). Only characters that cannot be
confused are used: no 0/O, 1/I/L, U. Shown in groups of four ("ABCD-EFGH"),
read with or without dashes, spaces and in any letter case.

Each version's vocabulary is frozen here, not read from rules/: a code printed
today decodes the same after the content grows. New questions or values get a
new version with an extended table; old versions stay.
"""

from __future__ import annotations

from typing import Any

from .kinds import KINDS
from .record import record

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # 30 characters, none easily confused
BASE = len(ALPHABET)
MAX_LENGTH = 12


@record
class Field:
    question: str
    kind: str  # one | many | integer
    values: tuple[str, ...] = ()
    low: int = 0
    high: int = 0

    @property
    def radix(self) -> int:
        return KINDS[self.kind].radix(self)


V1 = (
    Field("age", "integer", low=0, high=120),
    Field("region", "one", ("unsure", "neck", "mid_back", "low_back")),
    Field("level", "one", ("unsure", "l1_l4", "l4_l5", "l5_s1", "several")),
    Field(
        "symptoms",
        "many",
        (
            "back_pain",
            "neck_pain",
            "leg_pain",
            "arm_pain",
            "numbness_weakness",
            "walking_trouble",
            "bladder_bowel",
            "fever_weight_loss",
        ),
    ),
    Field("alignment", "one", ("unsure", "normal", "sideways_curve", "forward_curve", "slipped_vertebra")),
    Field(
        "condition",
        "one",
        (
            "unsure",
            "herniated_disc",
            "stenosis",
            "worn_disc",
            "slipped_vertebra",
            "deformity",
            "fracture",
            "infection",
            "tumor",
            "failed_surgery",
        ),
    ),
    Field("history", "many", ("spine_surgery", "belly_surgery", "osteoporosis", "obesity")),
)
# v2 (DESIGN.md): new values appended after v1's, and the echo-only priorities
V2 = (
    V1[0],
    V1[1],
    V1[2],
    Field("symptoms", "many", V1[3].values + ("getting_weaker",)),
    V1[4],
    V1[5],
    Field("history", "many", V1[6].values + ("cancer", "recent_injury")),
    Field("priorities", "many", ("avoid_surgery", "quick_recovery", "lasting_result", "fewest_risks", "small_scar")),
)
VERSIONS = {"A": V1, "B": V2}  # version character -> frozen vocabulary
CURRENT = "B"


class CodeError(ValueError):
    """A code that cannot be read; the message says why in plain words."""


def _check_char(body: str) -> str:
    """Luhn mod N over the alphabet."""
    factor, total = 2, 0
    for char in reversed(body):
        addend = factor * ALPHABET.index(char)
        total += addend // BASE + addend % BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(BASE - total % BASE) % BASE]


def _digit(field: Field, answers: dict[str, Any]) -> int:
    return KINDS[field.kind].digit(field, answers.get(field.question))


def _value(field: Field, digit: int) -> Any:
    return KINDS[field.kind].undigit(field, digit)


def encode(answers: dict[str, Any], version: str = CURRENT) -> str:
    """The code for normalised or raw answers (values outside the frozen vocabulary count as unsure).

    `version` is for tests that make the codes older kiosks printed.
    """
    number = 0
    for field in VERSIONS[version]:
        number = number * field.radix + _digit(field, answers)
    body = ""
    while number:
        number, rest = divmod(number, BASE)
        body = ALPHABET[rest] + body
    body = version + body.rjust(_payload_length(VERSIONS[version]), ALPHABET[0])
    return body + _check_char(body)


def _payload_length(fields: tuple[Field, ...]) -> int:
    space, length = 1, 0
    for field in fields:
        space *= field.radix
    while BASE**length < space:
        length += 1
    return length


def pretty(code: str) -> str:
    """Groups of four for reading aloud and typing: 2ABC-DEFG-H."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def decode(text: str) -> dict[str, Any]:
    """Raw answers from a typed code; CodeError with a plain message otherwise."""
    code = "".join(text.split()).replace("-", "").upper()
    if not code:
        raise CodeError("The case code is empty.")
    if len(code) > MAX_LENGTH:
        raise CodeError(f"A case code has at most {MAX_LENGTH} characters; this one has {len(code)}.")
    confusable = {"0": "O or 0", "O": "O or 0", "1": "1, I or L", "I": "1, I or L", "L": "1, I or L", "U": "U"}
    for char in code:
        if char not in ALPHABET:
            hint = f" Codes never use {confusable[char]}." if char in confusable else ""
            raise CodeError(f"'{char}' cannot appear in a case code.{hint} Please check the code.")
    if len(code) < 3 or _check_char(code[:-1]) != code[-1]:
        raise CodeError("This case code has a typing mistake: its check character does not match.")
    fields = VERSIONS.get(code[0])
    if fields is None:
        raise CodeError("This code comes from a newer or unknown version of misaid.")
    if len(code) != 1 + _payload_length(fields) + 1:
        raise CodeError(f"This case code should have {_payload_length(fields) + 2} characters; it has {len(code)}.")
    number = 0
    for char in code[1:-1]:
        number = number * BASE + ALPHABET.index(char)
    space = 1
    for field in fields:
        space *= field.radix
    if number >= space:
        raise CodeError("This case code is not one misaid made.")
    answers: dict[str, Any] = {}
    for field in reversed(fields):
        number, digit = divmod(number, field.radix)
        answers[field.question] = _value(field, digit)
    return {f.question: answers[f.question] for f in fields if answers[f.question] not in (None, "unsure", [])}
