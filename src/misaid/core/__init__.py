"""The Qt-free core: content loading, answers, engine, verification."""

from .answers import normalise
from .engine import Explanation, explain
from .errors import AnswersError, ContentError, MisaidError, Problem
from .loader import load_content
from .model import Content

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
