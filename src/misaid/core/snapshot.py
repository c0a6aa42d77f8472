"""A snapshot of a rules folder as read and validated, so a start need not parse YAML or JSON Schema again.

`misaid check` writes it once the content has loaded and verified. It is plain JSON (never pickle,
never code) in the user's cache folder, one file per rules folder, and holds each document's data
and value positions exactly as the safe YAML reader produced them, with the BLAKE2b digest of every file
that decided them: the content files, the shipped schemas and the code that reads and validates.
A load uses it only when every one of those digests matches the files as they are now; otherwise
(absent, stale, damaged, written by other code) the loader reads and validates the files in full.
The model is still built on every load; its cross-reference checks are skipped on a snapshot load, as the
snapshot is written only after those very files passed them under this very loader code (loader.py is digested).

Who can write the cache can also write the user's own files, as with Python's __pycache__; a
kiosk's seal (`--require-sealed`) is still checked against the real files before anything loads.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import blake2b
else:
    # The interpreter's own BLAKE2 (hashlib's, without OpenSSL): `import hashlib` would first load OpenSSL,
    # about 3 MB of memory and 2 ms on every start; and BLAKE2b digests these files in a third of SHA-256's time.
    try:
        from _blake2 import blake2b
    except ImportError:  # a build without it
        from hashlib import blake2b

from .document import MAX_BYTES, Document
from .record import EMPTY

FORMAT = 2  # 2: BLAKE2b digests
KEEP = 8  # snapshots kept in the cache folder, the most recent first: rules folders in use are few
_HERE = Path(__file__).resolve().parent
_CODE = ("document.py", "safeyaml.py", "loader.py")  # what decides whether files are accepted before the model is built


def cache_dir() -> Path:
    """$MISAID_CACHE, else $XDG_CACHE_HOME/misaid, else ~/.cache/misaid."""
    chosen = os.environ.get("MISAID_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "misaid"


def snapshot_path(folder: Path) -> Path:
    """Where the snapshot of `folder` lives: one file per rules folder, named by its full path."""
    key = blake2b(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_dir() / f"snapshot-{key}.json"


def _digest(path: Path) -> str | None:
    """The BLAKE2b digest of a plain file of at most MAX_BYTES; None for anything else (the full load explains why)."""
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    return blake2b(data).hexdigest() if len(data) <= MAX_BYTES else None


def fingerprint(folder: Path, kinds: tuple[str, ...], schema_dir: Path) -> dict[str, str] | None:
    """The digest of every file that decides what loading `folder` gives; None when one cannot be read."""
    files = {f"content/{kind}.yaml": folder / f"{kind}.yaml" for kind in kinds}
    files |= {f"schema/{p.name}": p for p in sorted(schema_dir.glob("*.json"))}
    files |= {f"code/{name}": _HERE / name for name in _CODE}
    digests = {name: _digest(path) for name, path in files.items()}
    if any(d is None for d in digests.values()):
        return None
    return {name: d for name, d in digests.items() if d is not None}


def can_write() -> bool:
    """Whether the cache folder exists (made if need be) and takes new files: checked before any work."""
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK | os.X_OK)


def write(folder: Path, docs: dict[str, Document], digests: dict[str, str]) -> Path | None:
    """Save validated documents of `folder` with the digests they were read under; None if it cannot."""
    payload = {
        "format": FORMAT,
        "folder": str(folder.resolve()),
        "digests": digests,
        "documents": {
            kind: {"data": doc.data, "marks": [[list(at), line, col] for at, (line, col) in doc.marks.items()]}
            for kind, doc in docs.items()
        },
    }
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    if json.loads(text)["documents"] != payload["documents"]:
        return None  # something JSON cannot hold exactly: the full load it is, every time
    target = snapshot_path(folder)
    try:
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)  # a start reading it sees the old file or the new one, never half of one
        _prune(target.parent)
    except OSError:
        return None
    return target


def _prune(directory: Path) -> None:
    found = sorted(directory.glob("snapshot-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[KEEP:]:
        old.unlink(missing_ok=True)


def read(folder: Path, digests: dict[str, str]) -> dict[str, Document] | None:
    """The documents saved for `folder` under exactly these digests; None when absent, stale or damaged."""
    try:
        payload = json.loads(snapshot_path(folder).read_text(encoding="utf-8"))
        if (payload["format"] != FORMAT or payload["folder"] != str(folder.resolve())
                or payload["digests"] != digests):
            return None
        return {kind: _document(folder, kind, saved) for kind, saved in payload["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _document(folder: Path, kind: str, saved: dict[str, Any]) -> Document:
    marks = {tuple(at): (int(line), int(col)) for at, line, col in saved["marks"]}
    return Document(str(folder / f"{kind}.yaml"), saved["data"], marks, EMPTY)
