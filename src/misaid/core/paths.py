"""Where the content (rules/) is, in a checkout or an installed wheel (the UI finds assets/ itself: ui/resources.py)."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # src/misaid or site-packages/misaid


def _find(name: str) -> Path:
    installed = _PACKAGE / name  # the wheel carries rules/ inside the package
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name  # a checkout: src/misaid -> repository root


def rules_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--rules DIR`, else MISAID_RULES, else the shipped content."""
    chosen = override or os.environ.get("MISAID_RULES")
    return Path(chosen) if chosen else _find("rules")


def shipped_rules_dir() -> Path:
    return _find("rules")
