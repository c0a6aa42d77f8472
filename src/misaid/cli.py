"""Command line: the GUI by default, and the headless `explain` and `check` subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from misaid import __version__
from misaid.core import answers as answers_mod
from misaid.core.answers import Normalised
from misaid.core.errors import MisaidError, Problem
from misaid.core.model import Audience, Content
from misaid.core.paths import rules_dir
from misaid.core.safeyaml import MAX_BYTES, Document, YamlRefused, decode, load, parse

if TYPE_CHECKING:
    from misaid.core.engine import Explanation

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="misaid", description="Explains which minimally invasive spine surgery options the sources describe."
    )
    parser.add_argument("--version", action="version", version=f"misaid {__version__}")
    parser.add_argument("--rules", metavar="DIR", help="content folder (default: $MISAID_RULES or the shipped rules)")
    parser.add_argument("--mode", choices=["patient", "clinician", "student"], help="open straight in this mode")
    parser.add_argument("--kiosk", action="store_true", help="locked-down, full-screen patient mode")
    parser.add_argument("--kiosk-config", metavar="FILE", help="kiosk settings (default: $MISAID_KIOSK_CONFIG)")
    parser.add_argument("--require-sealed", action="store_true",
                        help="refuse content that differs from its MANIFEST.sha256 (also $MISAID_REQUIRE_SEALED=1)")
    parser.add_argument("--lang", metavar="LANG",
                        help="language of the screens: en or es (default: the kiosk's setting, else en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    explain = sub.add_parser("explain", help="explain a set of answers (YAML or JSON)")
    given = explain.add_mutually_exclusive_group(required=True)
    given.add_argument("--answers", metavar="FILE", help="answers file, or - for standard input")
    given.add_argument("--code", metavar="CODE", help="a case code from a result screen or handout")
    explain.add_argument("--format", choices=["text", "json"], default="text")
    explain.add_argument("--audience", choices=["patient", "clinician"], default="patient")
    explain.add_argument("--lang", dest="sub_lang", metavar="LANG", help="language of the explanation: en or es")
    explain.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)

    sub.add_parser("hash-pin", help="read a staff PIN from standard input and print the line for kiosk settings")

    check = sub.add_parser("check", help="load, validate and verify the content")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--seal", action="store_true",
                       help="when all is well, write MANIFEST.sha256 (content version and SHA-256 of every file)")
    check.add_argument("--require-sealed", dest="sub_require_sealed", action="store_true",
                       help="first check that the files match their MANIFEST.sha256")
    check.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)

    tour = sub.add_parser("tour", help="render every screen of the journey for some answers to PNG files")
    shown = tour.add_mutually_exclusive_group(required=True)
    shown.add_argument("--answers", metavar="FILE", help="answers file, or - for standard input")
    shown.add_argument("--code", metavar="CODE", help="a case code from a result screen or handout")
    tour.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    tour.add_argument("--size", default="1280x800", metavar="WxH", help="window size (default 1280x800)")
    tour.add_argument("--audience", choices=["patient", "clinician"], default="patient")
    tour.add_argument("--lang", dest="sub_lang", metavar="LANG", help="language of the screens: en or es")
    tour.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)

    review = sub.add_parser("review", help="write every statement of the content, per rule, as an HTML sheet")
    review.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    review.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)
    return parser


def _tour(args: argparse.Namespace, folder: Path) -> int:
    import os
    import re

    from misaid.core.loader import load_content

    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", args.size)
    if not match:
        print(f"--size: expected WIDTHxHEIGHT such as 1280x800, not '{args.size}'", file=sys.stderr)
        return EXIT_UNUSABLE
    content = load_content(folder)
    given = _given_answers(args, content)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
    from misaid.ui.app import application
    from misaid.ui.i18n import language, set_language
    from misaid.ui.tour import tour

    application()  # the language's catalogue is installed on it
    before = language()
    set_language(_language(args) or "en")
    try:
        for path in tour(content, given, Path(args.out), (int(match[1]), int(match[2])), args.audience):
            print(path)
    finally:
        set_language(before)  # a caller in the same process (a test) keeps its own
    return EXIT_OK


def _language(args: argparse.Namespace) -> str | None:
    """--lang, after the subcommand or before it; None when not given."""
    code: str | None = getattr(args, "sub_lang", None) or args.lang
    return code


def _language_problem(args: argparse.Namespace) -> str | None:
    from misaid.core.kiosk import LANGUAGES

    code = _language(args)
    if code is None or code in LANGUAGES:
        return None
    return f"misaid: unknown language '{code}' for --lang; misaid speaks {' and '.join(LANGUAGES)}"


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _read_answers(source: str) -> Document:
    if source == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise YamlRefused([Problem("<stdin>", 1, 1, "answers are larger than the size limit")])
        return parse(decode(raw, "<stdin>"), "<stdin>")
    return load(Path(source), source)


def _given_answers(args: argparse.Namespace, content: Content) -> Normalised:
    """The answers of --answers FILE|- or --code CODE, checked against the vocabulary."""
    if args.code is not None:
        from misaid.core.casecode import CodeError, decode

        try:
            raw = decode(args.code)
        except CodeError as error:
            raise MisaidError([Problem("<code>", 1, 1, str(error))]) from None
        return answers_mod.normalise(content, raw, "<code>")
    doc = _read_answers(args.answers)
    return answers_mod.normalise(content, doc.data if doc.data is not None else {}, doc.path, doc)


def _explain(args: argparse.Namespace, folder: Path) -> int:
    from misaid.core.engine import explain
    from misaid.core.loader import load_content
    from misaid.core.render import as_text

    content = load_content(folder)
    given = _given_answers(args, content)
    result = explain(content, given)
    language = _language(args) or "en"
    if args.format == "json":
        print(json.dumps(result.to_dict(args.audience, language), indent=2, ensure_ascii=False))
    elif language == "en":
        sys.stdout.write(as_text(result, args.audience, language, content=content))  # no Qt: starts fast
    else:
        sys.stdout.write(_translated_text(result, args.audience, language, content))
    return EXIT_OK


def _translated_text(result: Explanation, audience: Audience, language: str, content: Content) -> str:
    """The text of `explain` in another language: the content's own words, and the headings from the UI's
    compiled catalogue, read by Qt's QTranslator without an application or a window."""
    from misaid.core.render import as_text
    from misaid.ui.i18n import translator_for

    return as_text(result, audience, language, content=content, translate=translator_for(language))


def require_sealed(args: argparse.Namespace) -> bool:
    """--require-sealed, or MISAID_REQUIRE_SEALED=1 as a kiosk's service file may set it."""
    import os

    return bool(args.require_sealed or getattr(args, "sub_require_sealed", False)
                or os.environ.get("MISAID_REQUIRE_SEALED", "") not in ("", "0"))


def _check(args: argparse.Namespace, folder: Path) -> int:
    from misaid.core.loader import folder_problem, load_content, save_snapshot
    from misaid.core.seal import seal_problems, write_seal
    from misaid.core.verify import check

    if require_sealed(args):
        unusable = folder_problem(folder)
        problems = [unusable] if unusable is not None else seal_problems(folder)
        if problems:
            raise MisaidError(problems)
    content = load_content(folder)
    report = check(content)
    if args.format == "json":
        summary: dict[str, Any] = {
            "ok": report.ok,
            "problems": [str(p) for p in report.problems],
            "rules": report.rules,
            "cases": report.cases,
            "cells": report.cells,
            "combinations": report.combinations,
            "seconds": round(report.seconds, 4),
            "worst_patient_grade": round(report.worst_grade, 1),
        }
        print(json.dumps(summary, indent=2))
    else:
        print(
            f"checked {folder}: {report.rules} rules, {report.cases} practice cases; "
            f"answer space {report.cells} cells standing for {report.combinations:,} answer combinations; "
            f"worst patient reading grade {report.worst_grade:.1f}; {report.seconds * 1000:.0f} ms"
        )
        print(
            "ok: no gaps, no unsettled disagreements, every rule can fire, every case agrees"
            if report.ok
            else f"{len(report.problems)} problem(s) found"
        )
    _print_problems(report.problems)
    if report.ok:
        # content that checks out starts the app without parsing YAML or the schemas again (core/snapshot.py)
        save_snapshot(folder)
    if args.seal:
        if not report.ok:
            print("misaid: not sealed: the content has problems", file=sys.stderr)
            return EXIT_PROBLEMS
        target, problems = write_seal(folder, content.meta.content_version)
        if problems:
            raise MisaidError(problems)
        print(f"sealed content version {content.meta.content_version} in {target}")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _review(args: argparse.Namespace, folder: Path) -> int:
    from misaid.core.loader import load_content
    from misaid.core.review import write_review

    content = load_content(folder)
    try:
        sheet = write_review(content, Path(args.out))
    except OSError as error:
        print(f"misaid: cannot write {args.out}: {error.strerror or type(error).__name__}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"wrote {args.out}: {len(content.rules)} rules, {sheet.statement_count} statements")
    return EXIT_OK


def _hash_pin() -> int:
    import getpass

    from misaid.core.kiosk import hash_pin, is_pin

    pin = getpass.getpass("Staff PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not is_pin(pin):  # only what the kiosk's keypad can type: 0-9, not other scripts' digits
        print("misaid: a staff PIN is 4 to 32 of the digits 0-9", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"pin_hash: '{hash_pin(pin)}'")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    unknown = _language_problem(args)
    if unknown is not None:
        print(unknown, file=sys.stderr)
        return EXIT_UNUSABLE
    folder = rules_dir(getattr(args, "sub_rules", None) or args.rules)
    try:
        if args.command == "explain":
            return _explain(args, folder)
        if args.command == "check":
            return _check(args, folder)
        if args.command == "hash-pin":
            return _hash_pin()
        if args.command == "tour":
            return _tour(args, folder)
        if args.command == "review":
            return _review(args, folder)
        from misaid.ui.app import run  # Qt loads only for the GUI

        return int(run(folder, mode=args.mode, kiosk=args.kiosk, kiosk_config=args.kiosk_config,
                       require_sealed=require_sealed(args), language=args.lang))
    except MisaidError as error:
        _print_problems(error.problems)
        return EXIT_UNUSABLE
    except YamlRefused as refused:
        _print_problems(refused.problems)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # never a traceback; the message names no answer
        print(f"misaid: internal error ({type(error).__name__}); please report it", file=sys.stderr)
        return EXIT_UNUSABLE
