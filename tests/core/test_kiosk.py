"""Kiosk settings: PIN hashing and where the settings come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from misaid.core.errors import MisaidError
from misaid.core.kiosk import hash_pin, load_settings, pin_matches


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
    settings = load_settings(config, environ={"MISAID_IDLE_SECONDS": "5"})
    assert settings.can_exit and settings.idle_seconds == 5 and settings.printer == "Lobby"


@pytest.mark.parametrize(
    "text", ["idle_seconds: soon\n", "countdown_seconds: 5\n", "pin: 1234\n", "pin_hash: '1234'\n"]
)
def test_bad_settings_are_refused(tmp_path: Path, text: str) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(text)
    with pytest.raises(MisaidError):
        load_settings(config, environ={})
