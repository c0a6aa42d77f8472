"""Safe, bounded YAML loading that keeps the line and column of every value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# re-exported: callers that parse YAML find everything about a Document here
from .document import MAX_BYTES as MAX_BYTES
from .document import Document as Document
from .document import Path_
from .document import YamlRefused as YamlRefused
from .errors import Problem, quote

MAX_DEPTH = 40
MAX_NODES = 100_000
MAX_INT_DIGITS = 100  # no age, year or count comes near; anything longer is a mistake or an attack
_MAX_INT_BITS = int(MAX_INT_DIGITS * 3.33)

# Standard tags that plain data may carry; anything else (!!python/object...) is refused.
_ALLOWED_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}

# libyaml's parser when present: the same safe constructor, several times faster
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader without timestamps, so dates stay the strings they look like."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (BOM allowed), no NUL bytes; raises YamlRefused."""
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        line = raw.count(b"\n", 0, at) + 1
        raise YamlRefused([Problem(name, line, 1, "this looks like a binary file, not YAML text")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        raise YamlRefused(
            [Problem(name, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
        ) from None
    return text.replace("\r\n", "\n")


def read_file(path: Path, name: str | None = None) -> str:
    """Read a text file within the size limit; raises YamlRefused."""
    label = name or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise YamlRefused([Problem(label, 1, 1, f"cannot read: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        raise YamlRefused([Problem(label, 1, 1, f"file is larger than {MAX_BYTES // 1024} kB; refusing to read it")])
    return decode(raw, label)


def parse(text: str, name: str) -> Document:
    """Parse one YAML document into plain data with marks; raises YamlRefused."""
    if len(text) > MAX_BYTES:
        raise YamlRefused([Problem(name, 1, 1, f"text is larger than {MAX_BYTES // 1024} kB; refusing to read it")])
    for number, row in enumerate(text.split("\n"), start=1):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent:
            col = indent.index("\t") + 1
            raise YamlRefused([Problem(name, number, col, "tab used for indentation; YAML needs spaces")])
    try:
        data, marks, key_marks, problems = _build(text, name)
    except YamlRefused:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlRefused([Problem(name, line, col, f"YAML syntax: {exc.problem or exc.context}")]) from None
    except yaml.reader.ReaderError as exc:  # a control character: where it is, on one line
        line, col = _line_col(text, min(max(exc.position, 0), len(text)))
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise YamlRefused([Problem(name, line, col, f"character 0x{char:02x} is not allowed in YAML text")]) from None
    except yaml.YAMLError as exc:
        raise YamlRefused([Problem(name, 1, 1, "YAML error: " + " ".join(str(exc).split()))]) from None
    if problems:
        raise YamlRefused(problems)
    return Document(name, data, marks, key_marks)


def load(path: Path, name: str | None = None) -> Document:
    """Read and parse a YAML (or JSON) file; raises YamlRefused."""
    label = name or str(path)
    return parse(read_file(path, label), label)


_NO_KEY = object()


def _build(
    text: str, name: str
) -> tuple[Any, dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]], list[Problem]]:
    """Plain data and marks straight from the flat event stream, in one pass.

    Working on events rather than a composed node tree keeps time and memory
    bounded whatever the file holds: aliases are refused before anything is
    expanded, nesting depth and value count are capped, and no recursion is used.
    """
    builder = _Builder(name)
    take = builder.take
    for event in yaml.parse(text, Loader=_Loader):
        take(event)
    return builder.root, builder.marks, builder.key_marks, builder.problems


class _Builder:
    """The data being built from the events so far: open collections, marks and problems (see _build)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.root: Any = None
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        # one frame per open collection: [container, its path, the pending mapping key or _NO_KEY]
        self.stack: list[list[Any]] = []
        self.documents = 0
        self.nodes = 0

    def take(self, event: yaml.Event) -> None:
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self._refuse(line, col, "only one YAML document per file")
        elif isinstance(event, yaml.AliasEvent):
            raise self._refuse(line, col, "YAML aliases (*name) are not allowed in misaid files")
        elif isinstance(event, yaml.CollectionEndEvent):
            container, _, _ = self.stack.pop()
            self._place(container, line, col, ended=True)
        elif isinstance(event, yaml.ScalarEvent):
            self._count(event, line, col)
            try:
                value = _scalar(event)
            except _Unusable as unusable:
                raise self._refuse(line, col, str(unusable)) from None
            self._place(value, line, col)
        elif isinstance(event, yaml.CollectionStartEvent):
            self._count(event, line, col)
            self._open(event, line, col)

    def _refuse(self, line: int, col: int, message: str) -> YamlRefused:
        return YamlRefused([Problem(self.name, line, col, message)])

    def _count(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, line: int, col: int) -> None:
        """One more value: refused past the cap, or when tagged as anything but plain data."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._refuse(line, col, f"more than {MAX_NODES} values; refusing to read it")
        tag = event.tag
        if tag and tag != "!" and tag not in _ALLOWED_TAGS:
            raise self._refuse(line, col, f"tag {quote(tag)} is not allowed; only plain data")

    def _open(self, event: yaml.CollectionStartEvent, line: int, col: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self._refuse(line, col, f"nested deeper than {MAX_DEPTH} levels")
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = _child_path(self.stack)
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is _NO_KEY:
            self.problems.append(Problem(self.name, line, col, "a mapping key must be text, not a list or mapping"))
            path = self.stack[-1][1] + ("<bad key>",)
        self.marks[path] = (line, col)
        self.stack.append([container, path, _NO_KEY])

    def _place(self, value: Any, line: int, col: int, ended: bool = False) -> None:
        """Put a finished value where it belongs; a collection just `ended` was marked where it opened."""
        if not self.stack:
            self.root = value
            if not ended:
                self.marks[()] = (line, col)
            return
        frame = self.stack[-1]
        parent = frame[0]
        if isinstance(parent, list):
            if not ended:
                self.marks[frame[1] + (len(parent),)] = (line, col)
            parent.append(value)
        elif frame[2] is _NO_KEY:
            self._key(frame, value, line, col, ended)
        else:
            key = frame[2]
            if not ended:
                self.marks[frame[1] + (key,)] = (line, col)
            if key not in ("<bad key>", "<duplicate>"):
                parent[key] = value
            frame[2] = _NO_KEY

    def _key(self, frame: list[Any], value: Any, line: int, col: int, ended: bool) -> None:
        """`value` is a mapping key: text, and not seen before in this mapping."""
        if ended:
            frame[2] = "<bad key>"
        elif not isinstance(value, str):
            self.problems.append(Problem(self.name, line, col, f"key {quote(value)} must be text"))
            frame[2] = "<bad key>"
        elif value in frame[0]:
            self.problems.append(Problem(self.name, line, col, f"duplicate key {quote(value)}"))
            frame[2] = "<duplicate>"
        else:
            frame[2] = value
            self.key_marks[frame[1] + (value,)] = (line, col)


def _child_path(stack: list[list[Any]]) -> Path_:
    """The path the next value will have inside the innermost open collection."""
    if not stack:
        return ()
    container, at, key = stack[-1]
    path: Path_ = at
    if isinstance(container, list):
        return path + (len(container),)
    return path + (key,) if key is not _NO_KEY else path


class _Unusable(Exception):
    """A scalar that is valid YAML but not plain data misaid can use; the message says why."""


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        text = event.value
        # most scalars are plain words or quoted text: skip the resolver's regexes for them
        if event.style in ("'", '"', "|", ">") or (text and text[0] not in _RESOLVABLE_FIRST):
            return text
        tag = _SCALARS.resolve(yaml.ScalarNode, text, event.implicit)
    if tag == "tag:yaml.org,2002:merge":
        # `<<:` would copy one mapping into another: hidden content, and no line to point at
        raise _Unusable("YAML merge keys (<<) are not allowed in misaid files; write the keys out")
    if tag == "tag:yaml.org,2002:str" or tag not in _ALLOWED_TAGS:
        return event.value  # e.g. a lone `=`, which the resolver tags but nothing constructs
    kind = tag.rsplit(":", 1)[-1]
    if kind in ("seq", "map"):
        raise _Unusable(f"{quote(event.value)} is a single value, not a {'list' if kind == 'seq' else 'mapping'}")
    node = yaml.ScalarNode(tag, event.value, None, None, event.style)  # marks are kept elsewhere
    try:
        value = _SCALARS.yaml_constructors[tag](_SCALARS, node)
    except (ValueError, KeyError):  # `!!int x`, `!!bool x`, or more than 4,300 digits (Python refuses those)
        if kind == "int" and len(event.value) > MAX_INT_DIGITS:
            raise _too_large(event.value) from None
        raise _Unusable(f"{quote(event.value)} is not a usable {kind}") from None
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        raise _too_large(event.value)  # hexadecimal escapes Python's digit limit; printing it later would not
    return value


def _too_large(text: str) -> _Unusable:
    return _Unusable(f"number {quote(text)} is too large (more than {MAX_INT_DIGITS} digits)")


_SCALARS = _Loader("")
# first characters for which an implicit resolver (int, float, bool, null) may apply
_RESOLVABLE_FIRST = {first for first in _Loader.yaml_implicit_resolvers if first is not None}
