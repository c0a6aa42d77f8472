"""Kiosk settings (PIN hash, idle times, printer, language) from a config file or the environment; the PIN lockout.

Only a salted PBKDF2 hash of the staff PIN is ever stored; the PIN itself is not.
With no PIN configured there is no way out from inside the app: the operating
system's kiosk setup owns the machine.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from .errors import MisaidError, Problem, quote
from .record import record
from .safeyaml import Document, YamlRefused, load

ITERATIONS = 200_000
# a hash's own count is only trusted within this range: $1$ would make guessing cheap, $2000000000$ would
# freeze the screen for hours at every try
MIN_ITERATIONS, MAX_ITERATIONS = 100_000, 1_000_000
DEFAULT_IDLE_SECONDS = 90
DEFAULT_COUNTDOWN_SECONDS = 30
MIN_COUNTDOWN_SECONDS = 20  # WCAG 2.2.1: enough time to say "I'm still here"
IDLE_RANGE = (10.0, 3600.0)
COUNTDOWN_RANGE = (float(MIN_COUNTDOWN_SECONDS), 300.0)
MAX_PRINTER_NAME = 100
# the languages the UI has words for (misaid/translations; misaid.ui.i18n.LANGUAGES says the same, tested)
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
PIN_DIGITS = re.compile(r"[0-9]{4,32}")  # what a keypad types; str.isdigit() also takes other scripts' digits

_HASH = re.compile(r"pbkdf2_sha256\$([0-9]{1,12})\$((?:[0-9a-f]{2}){16,64})\$([0-9a-f]{64})")
_NUMBER = re.compile(r"[0-9]{1,6}(\.[0-9]{1,3})?")  # an environment value: plain decimal seconds


def is_pin(text: str) -> bool:
    """At least 4 ASCII digits (and not absurdly many)."""
    return PIN_DIGITS.fullmatch(text) is not None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A storable hash line for a PIN: pbkdf2_sha256$iterations$salt$digest."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def hash_problem(stored: str) -> str | None:
    """What is wrong with a stored hash line, or None if it can be used."""
    match = _HASH.fullmatch(stored)
    if match is None:
        return ("must be a line made by `misaid hash-pin`: pbkdf2_sha256$ITERATIONS$SALT$DIGEST "
                "with a hex salt of at least 16 bytes and a 64-digit hex digest")
    if not MIN_ITERATIONS <= int(match[1]) <= MAX_ITERATIONS:
        return f"iteration count must be between {MIN_ITERATIONS:,} and {MAX_ITERATIONS:,}, not {int(match[1]):,}"
    return None


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one hashed in `stored`; False for any hash outside the accepted format."""
    match = _HASH.fullmatch(stored)
    if match is None or not MIN_ITERATIONS <= int(match[1]) <= MAX_ITERATIONS:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(match[2]), int(match[1]))
    return hmac.compare_digest(candidate.hex(), match[3])


class PinLock:
    """Wrong staff PINs, counted for the whole process: 5 tries, then a lock of 60 s, doubling each time.

    Kept by the kiosk, not by the PIN screen, so Cancel, the staff chord again and the idle wipe
    do not give an attacker fresh tries. `clock` is injectable so tests need not wait.
    """

    TRIES = 5
    FIRST_LOCK_SECONDS = 60.0
    LONGEST_LOCK_SECONDS = 24 * 3600.0  # doubling stops at a day; a restart by IT is the way out after that

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.tries = 0  # wrong tries since the last lock ended
        self.locks = 0
        self.locked_until = -math.inf

    def seconds_left(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    @property
    def locked(self) -> bool:
        return self.seconds_left() > 0

    def attempt(self, pin: str, stored: str) -> bool:
        """Try a PIN; while locked nothing is compared (not even hashed) and the answer is False."""
        if self.locked:
            return False
        if pin_matches(pin, stored):
            self.tries = 0
            return True
        self.tries += 1
        if self.tries >= self.TRIES:
            self.tries = 0
            lock = min(self.FIRST_LOCK_SECONDS * 2 ** min(self.locks, 32), self.LONGEST_LOCK_SECONDS)
            self.locks += 1
            self.locked_until = self.clock() + lock
        return False


@record
class KioskSettings:
    pin_hash: str | None = None
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS
    printer: str | None = None
    language: str = DEFAULT_LANGUAGE  # what the welcome screen speaks first, and again after every idle wipe

    @property
    def can_exit(self) -> bool:
        return bool(self.pin_hash)


_ENVIRONMENT = {
    "pin_hash": "MISAID_STAFF_PIN_HASH",
    "idle_seconds": "MISAID_IDLE_SECONDS",
    "countdown_seconds": "MISAID_COUNTDOWN_SECONDS",
    "printer": "MISAID_PRINTER",
    "language": "MISAID_LANGUAGE",
}
_RANGES = {"idle_seconds": IDLE_RANGE, "countdown_seconds": COUNTDOWN_RANGE}


def load_settings(config: str | Path | None = None, environ: Mapping[str, str] | None = None) -> KioskSettings:
    """Settings from the YAML file (`--kiosk-config` or MISAID_KIOSK_CONFIG), then environment overrides.

    Every value is checked for type and range; all problems come at once as `file:line:col` (or
    `$VARIABLE:1:1`) messages in a MisaidError.
    """
    env = os.environ if environ is None else environ
    problems: list[Problem] = []
    # each value with the function that reports a problem where it came from
    values: dict[str, tuple[object, Callable[[str], Problem]]] = {}
    source = config or env.get("MISAID_KIOSK_CONFIG")
    if source:
        try:
            doc = load(Path(source))
        except YamlRefused as refused:
            raise MisaidError(refused.problems) from None
        if not isinstance(doc.data, dict):
            if doc.data is not None:  # an empty file means "all defaults"
                raise MisaidError([doc.problem((), "kiosk settings must be a mapping of setting: value")])
        else:
            for key, value in doc.data.items():
                if key not in _ENVIRONMENT:
                    known = ", ".join(_ENVIRONMENT)
                    message = f"unknown kiosk setting {quote(key)}; known: {known}"
                    problems.append(doc.problem((key,), message, key=True))
                    continue
                values[key] = (value, _at(doc, key))
    for key, var in _ENVIRONMENT.items():
        if env.get(var):
            raw = env[var]
            where = _env_at(var)
            values[key] = (_env_number(raw) if key in _RANGES else raw, where)
    settings: dict[str, object] = {}
    for key, (value, where) in values.items():
        checked, problem = _check(key, value)
        if problem is not None:
            problems.append(where(f"{key} {problem}"))
        else:
            settings[key] = checked
    if problems:
        raise MisaidError(problems)
    return KioskSettings(**settings)  # type: ignore[arg-type]


def _at(doc: Document, key: str) -> Callable[[str], Problem]:
    return lambda message: doc.problem((key,), message)


def _env_at(var: str) -> Callable[[str], Problem]:
    return lambda message: Problem(f"${var}", 1, 1, message)


def _env_number(raw: str) -> object:
    """Seconds from the environment: plain ASCII decimals only (no nan, inf, 1e12 or other scripts' digits)."""
    return float(raw) if _NUMBER.fullmatch(raw) else raw


def _check(key: str, value: object) -> tuple[object, str | None]:
    """The value to keep, or why it cannot be used."""
    if key in _RANGES:
        low, high = _RANGES[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None, f"must be a number of seconds, not {quote(value)}"
        if not math.isfinite(value) or not low <= value <= high:
            return None, f"must be between {low:g} and {high:g} seconds, not {quote(value)}"
        return float(value), None
    if key == "pin_hash":
        if value is None:
            return None, None
        if not isinstance(value, str):
            return None, f"must be the quoted text printed by `misaid hash-pin`, not {quote(value)}"
        problem = hash_problem(value)
        return (value, None) if problem is None else (None, problem)
    if key == "language":
        if value not in LANGUAGES:
            return None, f"must be one of {', '.join(LANGUAGES)}, not {quote(value)}"
        return value, None
    # printer: the system's short name for it
    if value is None:
        return None, None
    if not isinstance(value, str) or not value.strip():
        return None, f"must be the printer's name as text, not {quote(value)}"
    if len(value) > MAX_PRINTER_NAME or not value.isprintable():
        return None, f"must be a printer's name of at most {MAX_PRINTER_NAME} printable characters"
    return value, None
