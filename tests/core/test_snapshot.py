"""The content snapshot: used only for exactly the files it was made from, else the full load, never a mix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from misaid.core import loader, snapshot
from misaid.core.errors import ContentError
from misaid.core.loader import load_content, save_snapshot
from misaid.core.seal import write_seal
from tests.mini_content import MINI


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MISAID_CACHE", str(folder))
    return folder


def full_load(folder: Path) -> object:
    return loader._load_files(folder)[0]


def no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path) -> None:
        raise AssertionError("read the YAML files although a snapshot matched them")

    monkeypatch.setattr(loader, "_load_files", refuse)


def test_a_saved_snapshot_gives_the_same_content_without_reading_the_yaml(
        mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = full_load(mini_copy)
    saved = save_snapshot(mini_copy)
    assert saved is not None and saved.is_file()
    text = saved.read_text("utf-8")
    assert json.loads(text)["format"] == snapshot.FORMAT  # plain JSON: nothing in it can run
    no_full_load(monkeypatch)
    content = load_content(mini_copy)
    assert content == expected  # every model object, position and patient text alike


def test_the_shipped_content_loads_alike_both_ways(content: object) -> None:
    from misaid.core.paths import rules_dir

    assert save_snapshot(rules_dir()) is not None
    assert load_content(rules_dir()) == full_load(rules_dir()) == content


def test_a_changed_file_makes_the_snapshot_stale(mini_copy: Path) -> None:
    save_snapshot(mini_copy)
    meta = mini_copy / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("This informs, it does not decide.", "Changed."), "utf-8")
    assert load_content(mini_copy).meta.disclaimer.get("patient") == "Changed."


def test_a_broken_file_is_reported_whatever_the_snapshot_says(mini_copy: Path) -> None:
    save_snapshot(mini_copy)
    (mini_copy / "rules.yaml").write_text("rules: [", "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(mini_copy)
    assert "rules.yaml" in str(raised.value)


def test_a_link_out_of_the_folder_is_refused_even_with_the_same_bytes(mini_copy: Path, tmp_path: Path) -> None:
    save_snapshot(mini_copy)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes((mini_copy / "meta.yaml").read_bytes())
    (mini_copy / "meta.yaml").unlink()
    (mini_copy / "meta.yaml").symlink_to(outside)
    with pytest.raises(ContentError, match="outside the rules folder"):
        load_content(mini_copy)


@pytest.mark.parametrize("damage", ["", "{", "[]", '{"format": 1}', "\udcff", "null"])
def test_a_damaged_snapshot_falls_back_to_the_full_load(mini_copy: Path, damage: str) -> None:
    saved = save_snapshot(mini_copy)
    assert saved is not None
    saved.write_bytes(damage.encode("utf-8", "surrogateescape"))
    assert load_content(mini_copy) == full_load(mini_copy)


def test_a_snapshot_edited_into_a_shape_the_schemas_refuse_is_not_used(mini_copy: Path) -> None:
    saved = save_snapshot(mini_copy)
    assert saved is not None
    payload = json.loads(saved.read_text("utf-8"))
    payload["documents"]["rules"]["data"] = {"rules": [{"no id": True}]}
    saved.write_text(json.dumps(payload), "utf-8")
    assert load_content(mini_copy) == full_load(mini_copy)


def test_data_changed_in_a_snapshot_of_other_files_is_never_used(mini_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for path in mini_copy.iterdir():
        if path.is_file():
            (other / path.name).write_bytes(path.read_bytes())
    meta = other / "meta.yaml"
    meta.write_text(meta.read_text("utf-8") + "\n# a comment changes the digest, not the content\n", "utf-8")
    saved = save_snapshot(other)
    assert saved is not None
    # the other folder's snapshot, with a text changed, put where this folder's would be
    payload = json.loads(saved.read_text("utf-8"))
    payload["folder"] = str(mini_copy.resolve())
    payload["documents"]["meta"]["data"]["disclaimer"] = "forged"
    snapshot.snapshot_path(mini_copy).write_text(json.dumps(payload), "utf-8")
    assert load_content(mini_copy) == full_load(mini_copy)


def test_other_code_or_schemas_make_the_snapshot_stale(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digests = loader._fingerprint(mini_copy)
    assert digests is not None
    assert {"code/safeyaml.py", "code/loader.py"} <= set(digests)
    assert any(name.startswith("schema/") for name in digests)
    save_snapshot(mini_copy)
    changed = {**digests, "code/loader.py": "0" * 64}
    assert snapshot.read(mini_copy, changed) is None
    assert snapshot.read(mini_copy, digests) is not None


def test_content_with_problems_leaves_no_snapshot(mini_copy: Path, cache: Path) -> None:
    (mini_copy / "cases.yaml").write_text("cases: []\nunknown: 1\n", "utf-8")
    with pytest.raises(ContentError):
        save_snapshot(mini_copy)
    with pytest.raises(ContentError):
        load_content(mini_copy, remember=True)
    assert not snapshot.snapshot_path(mini_copy).exists()


def test_only_a_remembering_load_saves_one(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_content(mini_copy)
    assert not snapshot.snapshot_path(mini_copy).exists()
    load_content(mini_copy, remember=True)
    assert snapshot.snapshot_path(mini_copy).exists()
    no_full_load(monkeypatch)
    load_content(mini_copy)


def test_an_unwritable_cache_only_costs_the_full_load(mini_copy: Path, cache: Path) -> None:
    cache.write_text("a file where the folder should be", "utf-8")
    assert save_snapshot(mini_copy) is None
    assert load_content(mini_copy, remember=True) == full_load(mini_copy)


def test_the_cache_keeps_a_few_snapshots(tmp_path: Path, cache: Path) -> None:
    for index in range(snapshot.KEEP + 3):
        folder = tmp_path / f"rules{index}"
        folder.mkdir()
        for path in Path(MINI).iterdir():
            if path.is_file():
                (folder / path.name).write_bytes(path.read_bytes())
        assert save_snapshot(folder) is not None
    assert len(list(cache.glob("snapshot-*.json"))) == snapshot.KEEP


def test_misaid_check_saves_one(mini_copy: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    from misaid.cli import main

    assert main(["check", "--rules", str(mini_copy)]) == 0
    capsys.readouterr()
    no_full_load(monkeypatch)
    load_content(mini_copy)


def test_the_kiosk_seal_still_checks_the_real_files(mini_copy: Path) -> None:
    from misaid.ui.app import load_checked

    write_seal(mini_copy, "1")
    save_snapshot(mini_copy)
    meta = mini_copy / "meta.yaml"
    meta.write_text(meta.read_text("utf-8") + "\n# changed after sealing\n", "utf-8")
    with pytest.raises(ContentError, match="meta.yaml"):
        load_checked(mini_copy, require_sealed=True)
