"""The explanation as plain text for a terminal (`misaid explain --format text`), rendered from the outline."""

from __future__ import annotations

import textwrap

from .engine import Explanation
from .model import Audience, Content
from .outline import QT_TRANSLATE_NOOP, Item, Translate, build_outline
from .wording import fill

WIDTH = 88


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    # no breaks on hyphens: source ids like lit-endoscopic stay whole
    start = first if first is not None else indent
    return textwrap.wrap(text, WIDTH, initial_indent=start, subsequent_indent=indent, break_on_hyphens=False) or [
        indent
    ]


def _line(item: Item, cite: bool = True) -> str:
    named = f"{item.name}: {item.text}" if item.name else item.text
    return named + (f" [{', '.join(item.sources)}]" if cite and item.sources else "")


def _bullets(items: tuple[Item, ...], indent: str = "    ", cite: bool = True) -> list[str]:
    return [line for i in items for line in _wrap(_line(i, cite), indent + "  ", indent + "- ")]


def _same(text: str) -> str:
    return text


def as_text(expl: Explanation, audience: Audience = "patient", language: str = "en",
            content: Content | None = None, translate: Translate = _same) -> str:
    """`translate` words the headings (the command line passes the UI's catalogue for Spanish)."""
    outline = build_outline(expl, audience, language, translate=translate, content=content)
    version = fill(translate(QT_TRANSLATE_NOOP("misaid", "Content version %1")), outline.version)
    out: list[str] = [f"misaid: {outline.title}", version, ""]
    urgent = outline["urgent"]
    if urgent:
        out.append(urgent.heading.upper())  # a terminal has no colour or bold: capitals mark the emergency
        out += [line for u in urgent.items for line in _wrap(f"{u.text} [{', '.join(u.sources)}]", "    ", "  ! ")]
        out.append("")
    out.append(outline["answers"].heading)
    out += [f"  {row.name}: {row.text}" for row in outline["answers"].items]
    for section in outline.sections:
        if not section or section.id in ("urgent", "prompt", "sources", "answers", "trace"):
            continue
        out += ["", section.heading] + ([f"  {section.lead}"] if section.lead else [])
        for route in section.routes:  # every choice with the same rows
            out.append(f"  {route.name}: {route.fit_label}")
            out += _bullets(route.reasons)
            rows = ((outline.headings["how"], (route.how,) if route.how else ()), (route.benefits.heading,
                    route.benefits.items), (route.risks.heading, route.risks.items),
                    (outline.headings["recovery"], (route.recovery,) if route.recovery else ()))
            for title, items in rows:
                if items:
                    out += [f"    {title}"] + _bullets(items, "      ")
        if not section.routes:  # care without surgery's points are its column's benefits
            out += _bullets(section.items, cite=section.id != "questions")
    out += [""] + _wrap(_line(outline["prompt"].items[0]), "  ", "")
    out += ["", outline["sources"].heading]
    out += [line for s in outline["sources"].items for line in _wrap(f"[{s.name}] {s.text}", "      ", "  ")]
    out += ["", outline["trace"].heading]
    out += [line for step in outline["trace"].items for line in _wrap(f"{step.rule}: {step.text}", "      ", "  ")]
    out += ["", outline.disclaimer]
    return "\n".join(out) + "\n"
