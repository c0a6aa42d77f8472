"""One error root for everything the core refuses, with file positions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A single problem, printed as `path:line:col: message` (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class MisaidError(Exception):
    """Input or content that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems) if problems else []
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(MisaidError):
    """The rules folder cannot be loaded."""


class AnswersError(MisaidError):
    """A set of answers does not fit the vocabulary."""


def did_you_mean(word: str, known: object) -> str:
    """A ' (did you mean 'x'?)' suffix for near misses, or ''."""
    import difflib

    names = [str(k) for k in known]  # type: ignore[attr-defined]
    close = difflib.get_close_matches(str(word), names, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
