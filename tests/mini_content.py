"""The small fixture content every layer's tests share: where it is, and the shape of the edit_content fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

MINI = Path(__file__).parent / "data" / "mini"

# edit_content(file name, old text, new text): one edit of the writable copy of the fixture content
EditContent = Callable[[str, str, str], None]
