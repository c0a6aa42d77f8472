"""Content files must be plain files inside the rules folder, and no message echoes more than a short fragment."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from misaid.core import load_content
from misaid.core.errors import ContentError, Problem

SECRET = "root:$6$saltsalt$" + "Zm9vYmFy" * 8 + ":19000:0:99999:7:::"


def problems(folder: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


def secret_file(tmp_path: Path) -> Path:
    """A file outside the rules folder, shaped like /etc/shadow (each line a YAML key)."""
    secret = tmp_path / "shadow"
    secret.write_text("".join(f"{SECRET.replace('root', name)}: x\n" for name in ("root", "daemon", "bin")))
    return secret


def test_a_link_out_of_the_folder_is_refused_unread(mini_copy: Path, tmp_path: Path) -> None:
    (mini_copy / "meta.yaml").unlink()
    (mini_copy / "meta.yaml").symlink_to(secret_file(tmp_path))
    found = [p for p in problems(mini_copy) if p.path.endswith("meta.yaml")]
    assert [(p.line, p.col) for p in found] == [(1, 1)]
    assert "outside the rules folder" in found[0].message
    assert "Zm9vYmFy" not in "\n".join(map(str, found))


def test_a_link_inside_the_folder_is_fine(mini_copy: Path) -> None:
    (mini_copy / "kept").mkdir()
    (mini_copy / "meta.yaml").rename(mini_copy / "kept" / "meta.yaml")
    (mini_copy / "meta.yaml").symlink_to(mini_copy / "kept" / "meta.yaml")
    assert not [p for p in _all(mini_copy) if p.path.endswith("meta.yaml")]


def _all(folder: Path) -> list[Problem]:
    try:
        load_content(folder)
    except ContentError as error:
        return error.problems
    return []


def test_a_pipe_is_refused_without_blocking(mini_copy: Path) -> None:
    (mini_copy / "rules.yaml").unlink()
    os.mkfifo(mini_copy / "rules.yaml")
    result: list[list[Problem]] = []
    worker = threading.Thread(target=lambda: result.append(_all(mini_copy)), daemon=True)
    worker.start()
    worker.join(timeout=30)  # a generous bound, not a timing assertion: reading a FIFO would block for ever
    assert result, "loading blocked on a FIFO"
    assert any(p.path.endswith("rules.yaml") and "not a plain file" in p.message for p in result[0])


def test_a_folder_in_place_of_a_file_is_refused(mini_copy: Path) -> None:
    (mini_copy / "cases.yaml").unlink()
    (mini_copy / "cases.yaml").mkdir()
    assert any(p.path.endswith("cases.yaml") and "not a plain file" in p.message for p in _all(mini_copy))


def test_a_device_is_refused(mini_copy: Path) -> None:
    (mini_copy / "cases.yaml").unlink()
    (mini_copy / "cases.yaml").symlink_to("/dev/zero")
    assert any(p.path.endswith("cases.yaml") and "outside the rules folder" in p.message for p in _all(mini_copy))


def test_an_unreadable_folder_is_a_located_problem(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the tests may run as root, for whom chmod 000 changes nothing: refuse the way the kernel would
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self.parent == mini_copy:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    found = problems(mini_copy)
    assert found and all("Permission denied" in p.message and (p.line, p.col) == (1, 1) for p in found)


def test_unknown_keys_are_quoted_short_and_escaped(mini_copy: Path) -> None:
    meta = mini_copy / "meta.yaml"
    meta.write_text(meta.read_text() + f"'{SECRET}\\u202e': 1\n".replace("\\u202e", "\u202e"))
    found = [str(p) for p in problems(mini_copy) if "unknown key" in p.message]
    assert found and "Zm9vYmFy" * 3 not in found[0] and "\u202e" not in found[0]


def test_a_schema_message_does_not_echo_a_long_value(mini_copy: Path) -> None:
    meta = mini_copy / "meta.yaml"
    lines = meta.read_text().splitlines()
    lines = [f"content_version: ['{SECRET}']" if line.startswith("content_version:") else line for line in lines]
    meta.write_text("\n".join(lines) + "\n")
    found = [str(p) for p in problems(mini_copy) if "content_version" in str(p)]
    assert found and all("Zm9vYmFy" * 2 not in text for text in found), found
