"""The rules engine: answers in, one explanation out, by the documented combining policy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .conditions import Condition
from .model import (
    APPROACH_IDS,
    Approach,
    Audience,
    Cited,
    Content,
    MisOption,
    NonSurgical,
    ReadyCheck,
    Rule,
    Source,
    Text,
    Urgent,
)
from .record import record

# Caution scale for caps; `unknown` sits outside it (see rules/FORMAT.md).
_RANK = {"unlikely": 0, "possible": 1, "typical": 2}
# Display order: most fitting first; `unknown` before `unlikely` so nothing unsettled hides at the end.
_ORDER = {"typical": 0, "possible": 1, "unknown": 2, "unlikely": 3}
_TIERS = ("indication", "baseline")  # highest first


@record
class Reason:
    text: Text
    sources: tuple[str, ...]
    rule: str
    kind: str  # "set" (a suggestion) or "cap" (a limitation)


@record
class Note:
    text: Text
    sources: tuple[str, ...]
    rule: str


@record
class ApproachResult:
    approach: Approach
    fit: str
    reasons: tuple[Reason, ...]
    settled: bool  # False when suggestions of the winning tier disagreed
    benefits: tuple[Note, ...] = ()
    risks: tuple[Note, ...] = ()
    diagram: str = ""  # drawn for the region answered

    @property
    def id(self) -> str:
        return self.approach.id


@record
class Firing:
    rule: str
    why: str  # the condition in vocabulary terms, for the trace
    when: Condition  # the condition itself, for views that word it in the person's own answers


@record
class Explanation:
    rules_version: str
    answers: Mapping[str, Any]
    public_answers: Mapping[str, Any]
    urgent: tuple[Urgent, ...]
    approaches: tuple[ApproachResult, ...]
    mis_options: tuple[MisOption, ...]
    notes: tuple[Note, ...]
    nonsurgical_name: Text
    nonsurgical: tuple[Note, ...]
    surgeon_prompt: Cited
    questions_for_surgeon: tuple[Cited, ...]
    fired: tuple[Firing, ...]
    sources: tuple[Source, ...]
    disclaimer: Text
    fit_labels: Mapping[str, Text]
    key_points: tuple[Note, ...] = ()  # most specific rules first
    nonsurgical_risks: tuple[Note, ...] = ()  # the situation's own first, then the general ones
    nonsurgical_about: NonSurgical | None = None  # how it is done, how often described, recovery
    sure_check: tuple[ReadyCheck, ...] = ()  # is the person ready to talk it through

    def approach(self, approach_id: str) -> ApproachResult:
        return next(a for a in self.approaches if a.id == approach_id)

    def to_dict(self, audience: Audience = "patient", language: str = "en") -> dict[str, Any]:
        """The JSON shape of DESIGN.md (plus fit labels, names and the trace's reasons)."""

        def say(text: Text) -> str:
            return text.get(audience, language)

        def points(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
            return [{"text": say(n.text), "sources": list(n.sources), "rule": n.rule} for n in notes]

        def cited(c: Cited | None) -> dict[str, Any] | None:
            return {"text": say(c.text), "sources": list(c.sources)} if c else None

        return {
            "rules_version": self.rules_version,
            "audience": audience,
            "answers": dict(self.public_answers),
            "urgent": [{"id": u.id, "text": say(u.text), "sources": list(u.sources)} for u in self.urgent],
            "approaches": [
                {
                    "id": a.id,
                    "name": say(a.approach.name),
                    "fit": a.fit,
                    "fit_label": say(self.fit_labels[a.fit]),
                    "settled": a.settled,
                    "reasons": [
                        {"text": say(r.text), "sources": list(r.sources), "rule": r.rule, "kind": r.kind}
                        for r in a.reasons
                    ],
                    "benefits": points(a.benefits),
                    "risks": points(a.risks),
                    "recovery": cited(a.approach.recovery),
                    "diagram": a.diagram or a.approach.diagram,
                }
                for a in self.approaches
            ],
            "mis_options": [
                {"id": o.id, "name": say(o.name), "text": say(o.summary), "sources": list(o.sources), "icon": o.icon}
                for o in self.mis_options
            ],
            "key_points": points(self.key_points),
            "nonsurgical": {
                "name": say(self.nonsurgical_name),
                "points": points(self.nonsurgical),
                "risks": points(self.nonsurgical_risks),
                **({part: cited(getattr(self.nonsurgical_about, part)) for part in ("involves", "fit", "recovery")}
                   if self.nonsurgical_about else {}),
            },
            "notes": points(self.notes),
            "surgeon_prompt": say(self.surgeon_prompt.text),
            "questions_for_surgeon": [say(q.text) for q in self.questions_for_surgeon],
            "fired_rules": [f.rule for f in self.fired],
            "trace": [{"rule": f.rule, "why": f.why} for f in self.fired],
            "sources": [
                {
                    k: v
                    for k, v in {
                        "id": s.id,
                        "kind": s.kind,
                        "authors": s.authors,
                        "title": s.title,
                        "journal": s.journal,
                        "year": s.year,
                        "details": s.details,
                        "doi": s.doi,
                        "pmid": s.pmid,
                        "url": s.url,
                        "reference": s.reference,
                    }.items()
                    if v
                }
                for s in self.sources
            ],
            "disclaimer": say(self.disclaimer),
        }


def cap(fit: str, limit: str) -> str:
    """Apply a limitation: at most `limit`; `unknown` becomes `unlikely` only under an `unlikely` cap."""
    if fit == "unknown":
        return "unlikely" if limit == "unlikely" else "unknown"
    return fit if _RANK[fit] <= _RANK[limit] else limit


def combine(fired: list[Rule], approach_id: str) -> tuple[str, list[Reason], bool]:
    """The fit of one approach from the rules that fired: tiers, then agreement, then caps."""
    reasons: list[Reason] = []
    fit, settled = "unknown", True
    for tier in _TIERS:
        suggestions = [
            (r, s) for r in fired if r.tier == tier for s in r.fit if s.approach == approach_id and s.kind == "set"
        ]
        if suggestions:
            values = {s.fit for _, s in suggestions}
            settled = len(values) == 1
            # disagreeing sources: say honestly that it depends, and `misaid check` flags it
            fit = values.pop() if settled else "unknown"
            reasons = [Reason(s.text, s.sources, r.id, "set") for r, s in suggestions]
            break
    for rule in fired:
        for statement in rule.fit:
            if statement.approach == approach_id and statement.kind == "cap":
                fit = cap(fit, statement.fit)
                reasons.append(Reason(statement.text, statement.sources, rule.id, "cap"))
    return fit, reasons, settled


def explain(content: Content, answers: Mapping[str, Any]) -> Explanation:
    """Explain normalised answers (see answers.normalise). Pure and deterministic."""
    from .answers import to_public

    fired = [rule for rule in content.rules if rule.when.holds(answers)]
    results = []
    for approach_id in APPROACH_IDS:
        fit, reasons, settled = combine(fired, approach_id)
        benefits = _unique(
            (Note(p.text, p.sources, r.id) for r in fired for p in r.benefits if p.approach == approach_id),
            key=lambda n: n.text.get(),
        )
        risks = _unique(
            (Note(p.text, p.sources, r.id) for r in fired for p in r.risks if p.approach == approach_id),
            key=lambda n: n.text.get(),
        )
        approach = content.approaches[approach_id]
        drawn = next((approach.diagrams[v] for v in answers.values() if isinstance(v, str) and v in approach.diagrams),
                     approach.diagram)
        results.append(ApproachResult(approach, fit, tuple(reasons), settled, tuple(benefits), tuple(risks), drawn))
    results.sort(key=lambda a: (_ORDER[a.fit], APPROACH_IDS.index(a.id)))
    fits = {a.id: a.fit for a in results}

    wanted = {oid for rule in fired for oid in rule.options}
    options = tuple(
        o
        for o in content.options.values()
        if o.id in wanted and (not o.approaches or any(fits[a] != "unlikely" for a in o.approaches))
    )
    urgent = tuple(_unique((u for r in fired for u in r.urgent), key=lambda u: u.id))
    notes = tuple(_unique((Note(n.text, n.sources, r.id) for r in fired for n in r.notes), key=lambda n: n.text.get()))
    nonsurgical = tuple(
        _unique((Note(n.text, n.sources, r.id) for r in fired for n in r.nonsurgical), key=lambda n: n.text.get())
    )
    asks = tuple(_unique([q for r in fired for q in r.ask] + list(content.meta.always_ask), key=lambda q: q.text.get()))
    # the most specific rules sum the situation up first; the region's general rules after them
    by_tier = sorted(fired, key=lambda r: _TIERS.index(r.tier))
    key_points = tuple(_unique((Note(k.text, k.sources, r.id) for r in by_tier for k in r.key_points),
                               key=lambda n: n.text.get()))
    about = content.meta.nonsurgical
    nonsurgical_risks = tuple(_unique(
        [Note(p.text, p.sources, r.id) for r in fired for p in r.risks if p.approach == "nonsurgical"]
        + [Note(c.text, c.sources, "") for c in about.risks],
        key=lambda n: n.text.get(),
    ))

    cited: set[str] = set(content.meta.surgeon_prompt.sources)
    if not urgent:  # an urgent result shows only what to do now
        about_parts: tuple[Any, ...] = (about.involves, about.fit, about.recovery, *content.meta.sure_check)
        for group in (key_points, nonsurgical_risks, about_parts):
            for item in group:
                cited.update(item.sources)
    for group in (urgent, notes, nonsurgical, asks, options):
        for item in group:
            cited.update(item.sources)
    for result in results:
        for group in (result.reasons, result.benefits, result.risks):
            for item in group:
                cited.update(item.sources)
        if result.approach.recovery:
            cited.update(result.approach.recovery.sources)
    return Explanation(
        rules_version=content.meta.rules_version,
        answers=dict(answers),
        public_answers=to_public(content, answers),
        urgent=urgent,
        approaches=tuple(results),
        mis_options=options,
        notes=notes,
        nonsurgical_name=content.meta.nonsurgical_name,
        nonsurgical=nonsurgical,
        surgeon_prompt=content.meta.surgeon_prompt,
        questions_for_surgeon=asks,
        fired=tuple(Firing(r.id, r.when.describe(), r.when) for r in fired),
        sources=tuple(s for sid, s in content.sources.items() if sid in cited),
        disclaimer=content.meta.disclaimer,
        fit_labels=content.meta.fit_labels,
        key_points=key_points,
        nonsurgical_risks=nonsurgical_risks,
        nonsurgical_about=about,
        sure_check=content.meta.sure_check,
    )


def _unique(items: Any, key: Any) -> list[Any]:
    seen: set[Any] = set()
    kept = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept
