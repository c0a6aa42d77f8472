"""Shared fixtures: the shipped content, and a small fixture folder to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from misaid.core import Content, load_content
from misaid.core.paths import rules_dir
from tests.mini_content import MINI, EditContent


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(rules_dir())


@pytest.fixture(scope="session")
def mini() -> Content:
    return load_content(MINI)


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture content."""
    target = tmp_path / "rules"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def edit_content(mini_copy: Path) -> EditContent:
    """Breaks `mini_copy` on purpose (for the loader, verify, review and CLI tests)."""

    def edit(name: str, old: str, new: str) -> None:
        # the file must hold `old`, so a changed fixture fails loudly instead of testing nothing
        path = mini_copy / name
        text = path.read_text()
        assert old in text, f"fixture lacks {old!r}"
        path.write_text(text.replace(old, new, 1))

    return edit
