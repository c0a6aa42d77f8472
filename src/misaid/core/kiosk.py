"""Kiosk settings: staff PIN hash, idle times and printer, from a config file or the environment.

Only a salted PBKDF2 hash of the staff PIN is ever stored; the PIN itself is not.
With no PIN configured there is no way out from inside the app: the operating
system's kiosk setup owns the machine.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import MisaidError, Problem
from .safeyaml import load

ITERATIONS = 200_000
DEFAULT_IDLE_SECONDS = 90
DEFAULT_COUNTDOWN_SECONDS = 30
MIN_COUNTDOWN_SECONDS = 20  # WCAG 2.2.1: enough time to say "I'm still here"


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A storable hash line for a PIN: pbkdf2_sha256$iterations$salt$digest."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, rounds, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


@dataclass(frozen=True)
class KioskSettings:
    pin_hash: str | None = None
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS
    printer: str | None = None

    @property
    def can_exit(self) -> bool:
        return bool(self.pin_hash)


def load_settings(config: str | Path | None = None, environ: Mapping[str, str] | None = None) -> KioskSettings:
    """Settings from the YAML file (`--kiosk-config` or MISAID_KIOSK_CONFIG), then environment overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    source = config or env.get("MISAID_KIOSK_CONFIG")
    name = str(source) if source else "environment"
    if source:
        doc = load(Path(source))
        if not isinstance(doc.data, dict):
            raise MisaidError([Problem(name, 1, 1, "kiosk settings must be a mapping")])
        values.update(doc.data)
    for key, var in (
        ("pin_hash", "MISAID_STAFF_PIN_HASH"),
        ("idle_seconds", "MISAID_IDLE_SECONDS"),
        ("countdown_seconds", "MISAID_COUNTDOWN_SECONDS"),
        ("printer", "MISAID_PRINTER"),
    ):
        if env.get(var):
            values[key] = env[var]
    unknown = set(values) - {"pin_hash", "idle_seconds", "countdown_seconds", "printer"}
    if unknown:
        raise MisaidError([Problem(name, 1, 1, f"unknown kiosk setting(s): {', '.join(sorted(unknown))}")])
    try:
        idle = float(values.get("idle_seconds", DEFAULT_IDLE_SECONDS))  # type: ignore[arg-type]
        countdown = float(values.get("countdown_seconds", DEFAULT_COUNTDOWN_SECONDS))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise MisaidError([Problem(name, 1, 1, "idle_seconds and countdown_seconds must be numbers")]) from None
    if idle <= 0 or countdown < MIN_COUNTDOWN_SECONDS:
        raise MisaidError(
            [
                Problem(
                    name, 1, 1, f"idle_seconds must be positive and countdown_seconds at least {MIN_COUNTDOWN_SECONDS}"
                )
            ]
        )
    pin_hash = values.get("pin_hash")
    if pin_hash is not None and (not isinstance(pin_hash, str) or not pin_hash.startswith("pbkdf2_sha256$")):
        raise MisaidError([Problem(name, 1, 1, "pin_hash must be a line made by `misaid hash-pin`")])
    printer = values.get("printer")
    return KioskSettings(pin_hash or None, idle, countdown, str(printer) if printer else None)
