"""The Qt-free core: content loading, answers, engine, verification.

The names below are imported on first use (PEP 562), so that `import misaid.core.errors`
or `misaid.core.loader` on the way to the first screen loads only what that module needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answers import normalise
    from .engine import Explanation, explain
    from .errors import AnswersError, ContentError, MisaidError, Problem
    from .loader import load_content
    from .model import Content

# public name -> the submodule that defines it
_HOME = {
    "AnswersError": "errors",
    "Content": "model",
    "ContentError": "errors",
    "Explanation": "engine",
    "MisaidError": "errors",
    "Problem": "errors",
    "explain": "engine",
    "load_content": "loader",
    "normalise": "answers",
}

__all__ = [
    "AnswersError",
    "Content",
    "ContentError",
    "Explanation",
    "MisaidError",
    "Problem",
    "explain",
    "load_content",
    "normalise",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
