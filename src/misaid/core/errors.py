"""One error root for everything the core refuses, with file positions."""

from __future__ import annotations

from .record import record


@record
class Problem:
    """A single problem, printed as `path:line:col: message` (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def __lt__(self, other: Problem) -> bool:
        """Problems sort by file, then line, column and message."""
        return (self.path, self.line, self.col, self.message) < (other.path, other.line, other.col, other.message)


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

    try:
        text = str(word)
    except ValueError:  # a number of more than 4,300 digits cannot even be written out; it is no typo
        return ""
    names = [str(k) for k in known]  # type: ignore[attr-defined]
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def quote(value: object, limit: int = 40) -> str:
    """A piece of a file as a message may show it: quoted, escaped, at most `limit` characters in all.

    Messages reach screens and logs; a file that is not what it claims (a symlink to
    /etc/shadow, a binary) must not be echoed line by line, nor steer the terminal.
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not isinstance(value, bool):
        text = _int_text(value)
    else:
        text = repr(value)
    pieces = [_escaped(ch) for ch in text[:limit]]
    if len(text) <= limit and sum(map(len, pieces)) <= limit - 2:
        return "'" + "".join(pieces) + "'"
    kept: list[str] = []
    used = 0
    for piece in pieces:
        if used + len(piece) > limit - 5:  # room for the quotes and "..."
            break
        kept.append(piece)
        used += len(piece)
    return "'" + "".join(kept) + "...'"


def _escaped(ch: str) -> str:
    if ch in "'\\":
        return "\\" + ch
    return ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")


def _int_text(value: int) -> str:
    try:
        return str(value)
    except ValueError:  # more digits than Python turns into text
        return "a number of more than 4300 digits"
