"""The content seal: MANIFEST.sha256 names every changed, missing or extra file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from misaid.core.seal import MANIFEST, content_files, seal_problems, sealed_version, write_seal


@pytest.fixture
def sealed(mini_copy: Path) -> Path:
    (mini_copy / "schema").mkdir()
    (mini_copy / "schema" / "meta.schema.json").write_text("{}")
    target, problems = write_seal(mini_copy, "2026.11")
    assert problems == [] and target == mini_copy / MANIFEST
    return mini_copy


def test_a_fresh_seal_matches(sealed: Path) -> None:
    assert seal_problems(sealed) == []
    assert sealed_version(sealed) == "2026.11"
    text = (sealed / MANIFEST).read_text()
    assert all(f"  {name}\n" in text for name in content_files(sealed)) and "  schema/meta.schema.json\n" in text


def test_a_changed_file_is_named(sealed: Path) -> None:
    rules = sealed / "rules.yaml"
    rules.write_text(rules.read_text() + "\n# one more line\n")
    assert [(p.path, p.message) for p in seal_problems(sealed)] == [
        (str(rules), "changed since the content was sealed")]


def test_missing_and_extra_files_are_named(sealed: Path) -> None:
    (sealed / "cases.yaml").unlink()
    shutil.copy(sealed / "meta.yaml", sealed / "extra.yaml")
    found = {Path(p.path).name: p.message for p in seal_problems(sealed)}
    assert found.keys() == {"cases.yaml", "extra.yaml"}
    assert found["cases.yaml"].startswith("missing") and found["extra.yaml"].startswith("extra")


def test_no_seal_is_a_problem(mini_copy: Path) -> None:
    [problem] = seal_problems(mini_copy)
    assert problem.path == str(mini_copy / MANIFEST) and "not sealed" in problem.message


def test_a_damaged_seal_is_located(sealed: Path) -> None:
    manifest = sealed / MANIFEST
    manifest.write_text(manifest.read_text() + "not a seal line " + "x" * 200 + "\n")
    [problem] = seal_problems(sealed)
    lines = manifest.read_text().splitlines()
    assert problem.line == len(lines) and "not a seal line" in problem.message and "x" * 50 not in problem.message


def test_a_sealed_file_swapped_for_a_link_out_is_refused(sealed: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(sealed / "meta.yaml", outside)
    (sealed / "meta.yaml").unlink()
    (sealed / "meta.yaml").symlink_to(outside)  # same bytes, but not the folder's own file
    [problem] = seal_problems(sealed)
    assert problem.path == str(sealed / "meta.yaml") and "outside the rules folder" in problem.message
