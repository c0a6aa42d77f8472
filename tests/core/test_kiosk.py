"""Kiosk settings: PIN hashing, the PIN lockout, where the settings come from and the ranges they must lie in."""

from __future__ import annotations

from pathlib import Path

import pytest

from misaid.core.errors import MisaidError
from misaid.core.kiosk import PinLock, hash_pin, hash_problem, is_pin, load_settings, pin_matches


def test_pin_hash_verifies_only_the_right_pin() -> None:
    stored = hash_pin("4711")
    assert "4711" not in stored
    assert pin_matches("4711", stored)
    assert not pin_matches("4712", stored)
    assert not pin_matches("4711", "garbage")
    assert hash_pin("4711") != stored  # salted


def test_defaults_have_no_way_out() -> None:
    settings = load_settings(environ={})
    assert not settings.can_exit and settings.idle_seconds == 90 and settings.countdown_seconds >= 20


def test_file_then_environment(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"pin_hash: '{hash_pin('1')}'\nidle_seconds: 60\nprinter: Lobby\n")
    settings = load_settings(config, environ={"MISAID_IDLE_SECONDS": "15"})
    assert settings.can_exit and settings.idle_seconds == 15 and settings.printer == "Lobby"


@pytest.mark.parametrize(
    "text", ["idle_seconds: soon\n", "countdown_seconds: 5\n", "pin: 1234\n", "pin_hash: '1234'\n"]
)
def test_bad_settings_are_refused(tmp_path: Path, text: str) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(text)
    with pytest.raises(MisaidError):
        load_settings(config, environ={})


SALT = "00" * 16
DIGEST = "ab" * 32


@pytest.mark.parametrize("text, line, col, words", [
    ("countdown_seconds: 1e12\n", 1, 20, "countdown_seconds must be"),  # the wipe would never come
    ("countdown_seconds: 1.0e+12\n", 1, 20, "between 20 and 300"),
    ("countdown_seconds: .nan\n", 1, 20, "between 20 and 300"),
    ("idle_seconds: .inf\n", 1, 15, "between 10 and 3600"),
    ("idle_seconds: -.inf\n", 1, 15, "between 10 and 3600"),
    ("printer: x\nidle_seconds: 5\n", 2, 15, "between 10 and 3600"),
    ("idle_seconds: 100000\n", 1, 15, "between 10 and 3600"),
    ("idle_seconds: true\n", 1, 15, "a number"),
    ("idle_seconds: '90'\n", 1, 15, "a number"),
    ("printer: [a, b]\n", 1, 10, "printer's name"),
    ("printer: '" + "p" * 200 + "'\n", 1, 10, "at most 100"),
    ("printer: \"desk\\x1b[2J\"\n", 1, 10, "printable"),
    ("pin_hash: 'pbkdf2_sha256$'\n", 1, 11, "hash-pin"),  # would lock the staff in
    (f"pin_hash: 'pbkdf2_sha256$1${SALT}${DIGEST}'\n", 1, 11, "between 100,000 and 1,000,000"),
    (f"pin_hash: 'pbkdf2_sha256$2000000000${SALT}${DIGEST}'\n", 1, 11, "between 100,000 and 1,000,000"),
    (f"pin_hash: 'pbkdf2_sha256$200000$abcd${DIGEST}'\n", 1, 11, "at least 16 bytes"),
    (f"pin_hash: 'pbkdf2_sha256$200000${SALT}$abcd'\n", 1, 11, "64-digit"),
    ("pin_hash: 1234\n", 1, 11, "hash-pin"),
    ("\npin: 1234\n", 2, 1, "unknown kiosk setting 'pin'"),
    ("idle_seconds: 1" + "0" * 5000 + "\n", 1, 15, "too large"),
    ("<<: {idle_seconds: 5}\n", 1, 1, "merge keys"),
])
def test_each_setting_has_a_type_and_a_range(tmp_path: Path, text: str, line: int, col: int, words: str) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(MisaidError) as caught:
        load_settings(config, environ={})
    assert f"{config}:{line}:{col}: " in str(caught.value) and words in str(caught.value), str(caught.value)
    assert len(str(caught.value)) < 400  # a short, escaped fragment at most


@pytest.mark.parametrize("var, value", [
    ("MISAID_COUNTDOWN_SECONDS", "1e12"), ("MISAID_IDLE_SECONDS", "nan"), ("MISAID_IDLE_SECONDS", "inf"),
    ("MISAID_IDLE_SECONDS", "\u0661\u0662\u0660"),  # Arabic-Indic 120: float() takes it, a range check must not
    ("MISAID_IDLE_SECONDS", "5"), ("MISAID_STAFF_PIN_HASH", "pbkdf2_sha256$"),
])
def test_environment_values_are_checked_the_same_way(var: str, value: str) -> None:
    with pytest.raises(MisaidError) as caught:
        load_settings(environ={var: value})
    assert str(caught.value).startswith(f"${var}:1:1: ")


def test_all_problems_come_at_once(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("idle_seconds: 1\ncountdown_seconds: 1\nprinter: ''\n", encoding="utf-8")
    with pytest.raises(MisaidError) as caught:
        load_settings(config, environ={})
    assert [p.line for p in caught.value.problems] == [1, 2, 3]


def test_a_hash_from_hash_pin_is_accepted_and_checked_fully() -> None:
    assert hash_problem(hash_pin("2468")) is None
    assert load_settings(environ={"MISAID_STAFF_PIN_HASH": hash_pin("2468")}).can_exit


def test_pin_matches_never_runs_a_count_outside_the_range(monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", lambda *a: pytest.fail(f"hashed with {a[3]} iterations"))
    for rounds in (1, 99_999, 1_000_001, 2_000_000_000):
        assert not pin_matches("1234", f"pbkdf2_sha256${rounds}${SALT}${DIGEST}")


@pytest.mark.parametrize("pin, ok", [
    ("2468", True), ("0000000000", True), ("123", False), ("12a4", False), (" 1234", False),
    ("\u0661\u0662\u0663\u0664", False),  # Arabic-Indic digits: isdigit() says yes, no keypad types them
    ("\uff11\uff12\uff13\uff14", False),  # full-width digits
    ("\u00b2\u00b3\u00b9\u2074", False),  # superscripts
])
def test_a_pin_is_ascii_digits_only(pin: str, ok: bool) -> None:
    assert is_pin(pin) is ok


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_lock_follows_five_wrong_tries_and_doubles() -> None:
    clock = Clock()
    lock = PinLock(clock)
    stored = hash_pin("2468")
    for _ in range(5):
        assert not lock.locked
        assert not lock.attempt("0000", stored)
    assert lock.locked and lock.seconds_left() == 60
    assert not lock.attempt("2468", stored), "the right PIN is refused while locked"
    clock.now += 60
    assert not lock.locked
    for _ in range(5):
        lock.attempt("1111", stored)
    assert lock.seconds_left() == 120  # doubling
    clock.now += 120
    assert lock.attempt("2468", stored)


def test_the_lock_stops_doubling_at_a_day() -> None:
    clock = Clock()
    lock = PinLock(clock)
    lock.locks = 500  # far beyond any real attack; the arithmetic must not overflow
    for _ in range(5):
        lock.attempt("0000", "pbkdf2_sha256$")
    assert lock.seconds_left() == PinLock.LONGEST_LOCK_SECONDS
