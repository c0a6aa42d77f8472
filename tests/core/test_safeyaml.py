"""Hostile and odd files: each is refused with a located, clear message, quickly."""

from __future__ import annotations

from pathlib import Path

import pytest

from misaid.core import safeyaml
from misaid.core.safeyaml import YamlRefused


def refuse(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    with pytest.raises(YamlRefused) as caught:
        safeyaml.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:"), message
    return message


def test_python_object_tag_is_refused(tmp_path: Path) -> None:
    assert "tag" in refuse(tmp_path, b"a: !!python/object/apply:os.system ['echo hi']\n")


def test_custom_local_tag_is_refused(tmp_path: Path) -> None:
    assert "not allowed" in refuse(tmp_path, b"a: !secret x\n")


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [
        f"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]"
        for i in range(1, 12)
    ]
    message = refuse(tmp_path, "\n".join(lines).encode())
    assert ":2:" in message and "aliases" in message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    # deeper than misaid allows, shallower than libyaml's own limit: misaid's check must answer
    assert "nested deeper" in refuse(tmp_path, b"[" * 100 + b"]" * 100)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    assert "binary" in refuse(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_non_utf8_is_refused_with_position(tmp_path: Path) -> None:
    message = refuse(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert ":2:" in message and "UTF-8" in message


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    message = refuse(tmp_path, b"a: " + b"x" * (30 * 1024 * 1024))
    assert "larger than" in message


def test_tab_indentation_is_refused(tmp_path: Path) -> None:
    message = refuse(tmp_path, b"a:\n\t- 1\n")
    assert ":2:1:" in message and "tab" in message


def test_duplicate_keys_are_an_error(tmp_path: Path) -> None:
    message = refuse(tmp_path, b"id: a\nname: x\nid: b\n")
    assert ":3:1:" in message and "duplicate key 'id'" in message


def test_syntax_error_is_located(tmp_path: Path) -> None:
    assert ":2:" in refuse(tmp_path, b"a: [1, 2\nb: 3\n")


def test_many_values_are_refused(tmp_path: Path) -> None:
    assert "values" in refuse(tmp_path, b"[" + b"1," * 120_000 + b"1]")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  - c\r\n")
    doc = safeyaml.load(path)
    assert doc.data == {"a": 1, "b": ["c"]}
    assert doc.where(("b", 0)) == (3, 5)


def test_dates_stay_text() -> None:
    assert safeyaml.parse("d: 2026-11-21\n", "t").data == {"d": "2026-11-21"}


def test_marks_point_at_keys_and_items() -> None:
    doc = safeyaml.parse("a:\n  b:\n    - x\n    - y\n", "t")
    assert doc.where(("a", "b", 1)) == (4, 7)
    assert doc.where(("a", "b", 9, "deeper")) == (3, 5)  # nearest marked ancestor: the list
    assert doc.where(("a", "b"), key=True) == (2, 3)


def test_scalars_keep_their_yaml_types() -> None:
    data = safeyaml.parse('a:\nb: 12\nc: "12"\nd: true\ne: 1.5\nf: ~\ng: word\nh: null\ni: no\n', "t").data
    assert data == {"a": None, "b": 12, "c": "12", "d": True, "e": 1.5, "f": None, "g": "word", "h": None, "i": False}


def test_only_one_document_per_file() -> None:
    with pytest.raises(YamlRefused, match="one YAML document"):
        safeyaml.parse("a: 1\n---\nb: 2\n", "t")


def test_collection_as_key_is_refused() -> None:
    with pytest.raises(YamlRefused, match="key must be text"):
        safeyaml.parse("? [a, b]\n: 1\n", "t")


def test_merge_key_is_refused_with_its_place(tmp_path: Path) -> None:
    message = refuse(tmp_path, b"a: 1\nb:\n  <<: {c: 2}\n")
    assert ":3:3:" in message and "merge keys" in message


@pytest.mark.parametrize("number", [b"1" * 5000, b"0x" + b"f" * 5000, b"-" + b"9" * 4400, b"9" * 101])
def test_huge_integers_are_refused_with_their_place(tmp_path: Path, number: bytes) -> None:
    message = refuse(tmp_path, b"a: 1\nb: " + number + b"\n")
    assert ":2:4:" in message and "too large" in message and len(message) < len(str(tmp_path)) + 120


@pytest.mark.parametrize("text, words", [(b"a: !!int x\n", "not a usable int"), (b"a: !!bool x\n", "not a usable bool"),
                                         (b"a: !!seq x\n", "not a list")])
def test_explicit_tags_that_do_not_fit_are_refused(tmp_path: Path, text: bytes, words: str) -> None:
    assert words in refuse(tmp_path, text)


def test_a_lone_equals_sign_is_text() -> None:
    assert safeyaml.parse("a: =\n", "t").data == {"a": "="}


def test_messages_quote_only_a_short_escaped_fragment(tmp_path: Path) -> None:
    secret = "root:$6$" + "s3cr3t" * 30 + "\u202e"
    message = refuse(tmp_path, f"'{secret}': 1\n'{secret}': 2\n".encode())
    assert "duplicate key" in message and "s3cr3t" * 6 not in message and "\u202e" not in message


@pytest.mark.parametrize("value, shown", [
    ("plain", "'plain'"), ("it's", "'it\\'s'"), ("\x1b[2J", "'\\x1b[2J'"), ("\u202etxt", "'\\u202etxt'"),
    ("x" * 100, "'" + "x" * 35 + "...'"), (10**5000, "'a number of more than 4300 digits'"),
], ids=["plain", "quote", "escape", "bidi", "long", "huge"])
def test_quote_is_short_and_escaped(value: object, shown: str) -> None:
    from misaid.core.errors import quote

    assert quote(value) == shown and len(quote(value)) <= 40
