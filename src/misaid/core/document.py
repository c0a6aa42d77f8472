"""A parsed content file: its plain data and where each value was written.

Kept apart from safeyaml so that a start served from the validated snapshot (snapshot.py)
never imports PyYAML; only reading a YAML file does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import Problem
from .record import record

MAX_BYTES = 2 * 1024 * 1024  # content files are a few hundred kB at most

Path_ = tuple[Any, ...]


@record
class Document:
    """Plain data plus the (line, col) of each value, keyed by its path of keys/indexes."""

    path: str
    data: Any
    marks: Mapping[Path_, tuple[int, int]]  # where each value starts
    key_marks: Mapping[Path_, tuple[int, int]]  # where each mapping key is (EMPTY from a snapshot)

    def where(self, at: Path_, key: bool = False) -> tuple[int, int]:
        """The mark of `at` (its key with key=True), or of its nearest marked ancestor."""
        at = tuple(at)
        if key and at in self.key_marks:
            return self.key_marks[at]
        while at not in self.marks and at:
            at = at[:-1]
        return self.marks.get(at, (1, 1))

    def problem(self, at: Path_, message: str, key: bool = False) -> Problem:
        line, col = self.where(at, key)
        return Problem(self.path, line, col, message)


class YamlRefused(Exception):
    """Raised with the problems that make a file unusable."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))
