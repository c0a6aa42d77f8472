"""The explanation as plain text for a terminal (`misaid explain --format text`)."""

from __future__ import annotations

import textwrap

from .engine import Explanation
from .model import Audience, Text

WIDTH = 88


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    # no breaks on hyphens: source ids like lit-endoscopic stay whole
    start = first if first is not None else indent
    return textwrap.wrap(text, WIDTH, initial_indent=start, subsequent_indent=indent, break_on_hyphens=False) or [
        indent
    ]


def _cite(sources: tuple[str, ...] | list[str]) -> str:
    return f" [{', '.join(sources)}]" if sources else ""


def as_text(expl: Explanation, audience: Audience = "patient", language: str = "en") -> str:
    def say(text: Text) -> str:
        return text.get(audience, language)

    out: list[str] = [
        "misaid: what the sources describe for these answers",
        f"Content version {expl.rules_version}",
        "",
    ]
    if expl.urgent:
        out.append("URGENT")
        for u in expl.urgent:
            out += _wrap(say(u.text) + _cite(u.sources), "    ", "  ! ")
        out.append("")
    out.append("Your answers" if audience == "patient" else "Answers")
    for key, value in expl.public_answers.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        out.append(f"  {key}: {shown if shown not in (None, '') else '-'}")
    out += ["", "Approaches"]
    for a in expl.approaches:
        out.append(f"  {say(a.approach.name)}: {say(expl.fit_labels[a.fit])}")
        for r in a.reasons:
            out += _wrap(say(r.text) + _cite(r.sources), "      ", "    - ")
    if expl.mis_options:
        out += ["", "Minimally invasive options"]
        for o in expl.mis_options:
            out += _wrap(f"{say(o.name)}: {say(o.summary)}{_cite(o.sources)}", "      ", "    - ")
    if expl.notes:
        out += ["", "Notes"]
        for n in expl.notes:
            out += _wrap(say(n.text) + _cite(n.sources), "      ", "    - ")
    out += ["", "Questions to ask your surgeon" if audience == "patient" else "Questions for the surgeon"]
    for q in expl.questions_for_surgeon:
        out += _wrap(say(q.text), "      ", "    - ")
    out += [""] + _wrap(say(expl.surgeon_prompt.text) + _cite(expl.surgeon_prompt.sources), "  ", "")
    out += ["", "Sources"]
    for s in expl.sources:
        url = f" {s.url}" if s.url else ""
        out += _wrap(f"[{s.id}] {s.reference}{url}", "      ", "  ")
    out += ["", "Why: the rules that applied"]
    for f in expl.fired:
        out += _wrap(f"{f.rule}: {f.why}", "      ", "  ")
    out += ["", say(expl.disclaimer)]
    return "\n".join(out) + "\n"
