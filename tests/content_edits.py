"""Breaking content on purpose: one edit of a copied rules folder (for the loader, verify, review and CLI tests)."""

from __future__ import annotations

from pathlib import Path


def edit(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in `folder/name`; the file must hold it, so a changed fixture fails loudly."""
    path = folder / name
    text = path.read_text()
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1))
