"""Command line: the GUI by default, and the headless `explain` and `check` subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from misaid import __version__
from misaid.core import answers as answers_mod
from misaid.core.answers import Normalised
from misaid.core.errors import MisaidError, Problem
from misaid.core.model import Content
from misaid.core.paths import rules_dir
from misaid.core.safeyaml import MAX_BYTES, Document, YamlRefused, decode, load, parse

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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    explain = sub.add_parser("explain", help="explain a set of answers (YAML or JSON)")
    given = explain.add_mutually_exclusive_group(required=True)
    given.add_argument("--answers", metavar="FILE", help="answers file, or - for standard input")
    given.add_argument("--code", metavar="CODE", help="a case code from a result screen or handout")
    explain.add_argument("--format", choices=["text", "json"], default="text")
    explain.add_argument("--audience", choices=["patient", "clinician"], default="patient")
    explain.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)

    sub.add_parser("hash-pin", help="read a staff PIN from standard input and print the line for kiosk settings")

    check = sub.add_parser("check", help="load, validate and verify the content")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)

    tour = sub.add_parser("tour", help="render every screen of the journey for some answers to PNG files")
    shown = tour.add_mutually_exclusive_group(required=True)
    shown.add_argument("--answers", metavar="FILE", help="answers file, or - for standard input")
    shown.add_argument("--code", metavar="CODE", help="a case code from a result screen or handout")
    tour.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    tour.add_argument("--size", default="1280x800", metavar="WxH", help="window size (default 1280x800)")
    tour.add_argument("--audience", choices=["patient", "clinician"], default="patient")
    tour.add_argument("--rules", dest="sub_rules", metavar="DIR", help=argparse.SUPPRESS)
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
    from misaid.ui.tour import tour

    for path in tour(content, given, Path(args.out), (int(match[1]), int(match[2])), args.audience):
        print(path)
    return EXIT_OK


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
    if args.format == "json":
        print(json.dumps(result.to_dict(args.audience), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(as_text(result, args.audience))
    return EXIT_OK


def _check(args: argparse.Namespace, folder: Path) -> int:
    from misaid.core.loader import load_content
    from misaid.core.verify import check

    report = check(load_content(folder))
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
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _hash_pin() -> int:
    import getpass

    from misaid.core.kiosk import hash_pin

    pin = getpass.getpass("Staff PIN: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if len(pin) < 4 or not pin.isdigit():
        print("misaid: a staff PIN is at least 4 digits", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"pin_hash: '{hash_pin(pin)}'")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
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
        from misaid.ui.app import run  # Qt loads only for the GUI

        return int(run(folder, mode=args.mode, kiosk=args.kiosk, kiosk_config=args.kiosk_config))
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
