"""Brings the Spanish catalogue up to date with the code, under the one context the app asks for, and compiles it.

    .venv/bin/python tools/update_translations.py          # or: make translations

pyside6-lupdate reads every .py file of src/misaid. It files the words of `tr(...)` (our own function,
src/misaid/ui/i18n.py) under an EMPTY context, and those of `QT_TRANSLATE_NOOP("misaid", ...)` (the
core's headings) under "misaid"; the app looks every one up under "misaid", so a catalogue left as
lupdate writes it would be silently ignored. This script therefore puts every message under "misaid",
keeps the translations already made (matched by their English words), marks new ones unfinished, drops
the ones the code no longer says (and names them), and runs pyside6-lrelease to write the .qm the app
loads. Messages with %n get singular and plural forms. Translate in Qt Linguist
(`pyside6-linguist src/misaid/translations/misaid_es.ts`) or in a text editor, then run this again.

`--check` changes nothing: it exits 1 when the catalogue lacks a message of the code, keeps one the
code no longer says, or has an unfinished translation.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "misaid"
TRANSLATIONS = SOURCES / "translations"
CONTEXT = "misaid"
LANGUAGES = {"es": "es_ES"}  # catalogue code: the TS file's language


@dataclass
class Message:
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)
    translation: list[str] = field(default_factory=list)  # one text, or the plural forms
    finished: bool = False

    @property
    def numerus(self) -> bool:
        return "%n" in self.source


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease): beside this Python, else on PATH."""
    for folder in (Path(sys.executable).parent,):
        candidate = folder / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it comes with PySide6-Essentials)")
    return found


def code_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def extract() -> list[Message]:
    """Every message the code marks, whatever context lupdate filed it under, in the order of the code."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "absolute",
                        *map(str, code_files()), "-ts", str(fresh)], check=True, cwd=ROOT)
        found: dict[str, Message] = {}
        for context in ET.parse(fresh).getroot().iter("context"):
            for element in context.iter("message"):
                # lupdate takes a second word argument for a disambiguating comment; our `tr` has none (its
                # further arguments fill %1, %2...) and looks up by the words alone: the comment is dropped
                message = Message(element.findtext("source") or "")
                for where in element.iter("location"):
                    # paths as the catalogue in TRANSLATIONS sees them (lupdate wrote them from the scratch folder)
                    path = (Path(scratch) / where.get("filename", "")).resolve()
                    message.locations.append((Path("..", path.relative_to(SOURCES)).as_posix(),
                                              int(where.get("line", "0"))))
                known = found.setdefault(message.source, message)
                if known is not message:
                    known.locations += message.locations
    # lupdate does not look inside f-strings (f"<p>{tr('Yes')}</p>"): the code's own calls fill the gap
    for words, locations in marked().items():
        found.setdefault(words, Message(words)).locations += locations
    for message in found.values():
        message.locations = sorted(set(message.locations))
    return sorted(found.values(), key=lambda m: (m.locations[:1], m.source))


def marked() -> dict[str, list[tuple[str, int]]]:
    """Every `tr("...")` and `QT_TRANSLATE_NOOP("misaid", "...")` with literal words, wherever it stands."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            words = (node.args[0] if node.func.id == "tr" and node.args
                     else node.args[1] if node.func.id == "QT_TRANSLATE_NOOP" and len(node.args) == 2 else None)
            if isinstance(words, ast.Constant) and isinstance(words.value, str):
                where = (Path("..", path.relative_to(SOURCES)).as_posix(), node.lineno)
                found.setdefault(words.value, []).append(where)
    return found


def read(path: Path) -> list[Message]:
    """The messages of a catalogue (every context), with their translations."""
    if not path.exists():
        return []
    messages = []
    for element in ET.parse(path).getroot().iter("message"):
        translation = element.find("translation")
        forms: list[str] = []
        finished = False
        if translation is not None:
            plural = translation.findall("numerusform")
            forms = [f.text or "" for f in plural] if plural else [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished") and all(forms)
        messages.append(Message(element.findtext("source") or "", translation=forms, finished=finished))
    return messages


def merged(code: list[Message], old: list[Message], plural_forms: int) -> tuple[list[Message], list[Message]]:
    """The code's messages with the translations already made; and the old messages the code no longer has."""
    done = {m.source: m for m in old}
    for message in code:
        before = done.pop(message.source, None)
        if before is not None:
            message.translation, message.finished = before.translation, before.finished
        wanted = plural_forms if message.numerus else 1
        if len(message.translation) != wanted:
            # a message that gained or lost %n: its forms must be written again
            message.translation = (message.translation + [""] * wanted)[:wanted]
            message.finished = False
    return code, list(done.values())


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def write(path: Path, language: str, messages: list[Message]) -> None:
    """The catalogue as Qt Linguist writes one: one context, a message per English text."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for m in messages:
        lines.append('    <message numerus="yes">' if m.numerus else "    <message>")
        lines += [f'        <location filename="{_escape(f)}" line="{n}"/>' for f, n in m.locations]
        lines.append(f"        <source>{_escape(m.source)}</source>")
        state = "" if m.finished else ' type="unfinished"'
        if m.numerus:
            lines.append(f"        <translation{state}>")
            lines += [f"            <numerusform>{_escape(form)}</numerusform>" for form in m.translation]
            lines.append("        </translation>")
        else:
            lines.append(f"        <translation{state}>{_escape(m.translation[0])}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def compile_catalogue(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def catalogue(code: str) -> Path:
    return TRANSLATIONS / f"misaid_{code}.ts"


def problems(code: str) -> list[str]:
    """What keeps the catalogue from matching the code: missing, vanished or unfinished messages."""
    have = {m.source: m for m in read(catalogue(code))}
    said = {m.source for m in extract()}
    found = [f"missing: {s!r}" for s in sorted(said - have.keys())]
    found += [f"no longer in the code: {s!r}" for s in sorted(have.keys() - said)]
    found += [f"unfinished: {m.source!r}" for k, m in have.items() if k in said and not m.finished]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when the catalogue is behind")
    args = parser.parse_args(argv)
    status = 0
    for code, language in LANGUAGES.items():
        ts = catalogue(code)
        if args.check:
            for problem in problems(code):
                print(f"{ts.relative_to(ROOT)}: {problem}")
                status = 1
            continue
        messages, gone = merged(extract(), read(ts), plural_forms=2)
        write(ts, language, messages)
        compile_catalogue(ts, ts.with_suffix(".qm"))
        unfinished = sum(not m.finished for m in messages)
        print(f"{ts.relative_to(ROOT)}: {len(messages)} messages, {unfinished} to translate; "
              f"compiled {ts.with_suffix('.qm').name}")
        for message in gone:
            print(f"  dropped (no longer in the code): {message.source!r}")
    return status


if __name__ == "__main__":
    sys.exit(main())
