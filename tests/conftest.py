"""Shared fixtures: the shipped content, and a small fixture folder to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from misaid.core import Content, load_content
from misaid.core.paths import rules_dir

MINI = Path(__file__).parent / "data" / "mini"


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
