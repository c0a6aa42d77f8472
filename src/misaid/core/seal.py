"""The content seal: MANIFEST.sha256 in a rules folder, with the content version and every content file's SHA-256.

A hospital reviews its content once, runs `misaid check --seal`, and copies the folder to many
kiosks; a kiosk started with `--require-sealed` refuses a folder whose files differ from the seal.
The file is in `sha256sum` format (comment lines start with #), so `sha256sum -c MANIFEST.sha256`
inside the folder checks it too.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import Problem, quote
from .safeyaml import MAX_BYTES

MANIFEST = "MANIFEST.sha256"
_LINE = re.compile(r"([0-9a-f]{64})  ((?:schema/)?[A-Za-z0-9_.-]{1,80})")
_VERSION = re.compile(r"# content_version: (\S{1,80})")


def content_files(folder: Path) -> list[str]:
    """The sealed files, relative to `folder`: every *.yaml and schema/*.json, sorted."""
    names = [p.name for p in folder.glob("*.yaml")]
    names += [f"schema/{p.name}" for p in (folder / "schema").glob("*.json")]
    return sorted(names)


def digest(folder: Path, name: str) -> str:
    """SHA-256 of a content file; refuses anything but a plain file inside the folder (raises ValueError)."""
    from .loader import content_file_problem  # the same rule as loading: no links out, pipes or devices

    path = folder / name
    problem = content_file_problem(folder, path)
    if problem is not None:
        raise ValueError(problem.message)
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 1024} kB")
    return hashlib.sha256(data).hexdigest()


def write_seal(folder: Path, content_version: str) -> tuple[Path, list[Problem]]:
    """Write MANIFEST.sha256 for `folder`; returns its path, or the problems that prevent it."""
    lines = ["# misaid content seal: made by `misaid check --seal`; check with `sha256sum -c MANIFEST.sha256`",
             f"# content_version: {content_version}"]
    problems: list[Problem] = []
    for name in content_files(folder):
        try:
            lines.append(f"{digest(folder, name)}  {name}")
        except (OSError, ValueError) as exc:
            problems.append(Problem(str(folder / name), 1, 1, f"cannot seal: {getattr(exc, 'strerror', None) or exc}"))
    target = folder / MANIFEST
    if not problems:
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target, problems


def sealed_version(folder: Path) -> str | None:
    """The content version written in the seal, if there is a readable one."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        match = _VERSION.fullmatch(line)
        if match:
            return match[1]
    return None


def seal_problems(folder: Path) -> list[Problem]:
    """Every way the folder differs from its seal: no seal, a changed, missing or extra file. [] if it matches."""
    manifest = folder / MANIFEST
    name = str(manifest)
    try:
        with manifest.open("rb") as handle:
            raw = handle.read(64 * 1024 + 1)
    except FileNotFoundError:
        return [Problem(name, 1, 1, "the content is not sealed; run `misaid check --seal` after reviewing it")]
    except OSError as exc:
        return [Problem(name, 1, 1, f"cannot read the seal: {exc.strerror or type(exc).__name__}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(name, 1, 1, "the seal is not text; make it again with `misaid check --seal`")]
    sealed: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            problems.append(Problem(name, number, 1, f"not a seal line: {quote(line)}"))
            continue
        sealed[match[2]] = (match[1], number)
    if problems:
        return problems
    present = set(content_files(folder))
    for file, (expected, number) in sorted(sealed.items()):
        if file not in present:
            problems.append(Problem(str(folder / file), 1, 1, f"missing: this file is in the seal ({MANIFEST} line "
                                                              f"{number}) but not in the folder"))
            continue
        try:
            actual = digest(folder, file)
        except (OSError, ValueError) as exc:
            problems.append(Problem(str(folder / file), 1, 1, f"cannot check against the seal: "
                                                              f"{getattr(exc, 'strerror', None) or exc}"))
            continue
        if actual != expected:
            problems.append(Problem(str(folder / file), 1, 1, "changed since the content was sealed"))
    for file in sorted(present - set(sealed)):
        problems.append(Problem(str(folder / file), 1, 1, "extra: this file is not in the seal"))
    return problems
