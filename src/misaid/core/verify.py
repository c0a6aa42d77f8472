"""`misaid check`: verification of the whole answer space, beyond schema validation.

The answer space is partitioned by the values the rules actually tell apart: two
answers to a question fall in one class when no condition anywhere can
distinguish them. Each cell of the product of classes stands for every concrete
answer set in it, so checking one representative per cell covers the whole
space. Cells are bits of a Python int, so a condition over the space is a few
big-integer AND/OR operations.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import conditions as c
from .answers import UNSURE, applies
from .engine import explain
from .errors import Problem
from .kinds import kind_of
from .model import APPROACH_IDS, FITS, Audience, Content, Rule
from .readability import MIN_WORDS, grade, reading_ease_es, words, words_es

MAX_GRADE = 8.0
MIN_EASE_ES = 60.0  # Fernández-Huerta 60-70 reads as "normal", about the same as grade 8 in English
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
KEY_POINTS_MIN = 3  # the result opens with three or four short sentences for these answers


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    cells: int = 0
    combinations: int = 0
    rules: int = 0
    cases: int = 0
    seconds: float = 0.0
    worst_grade: float = 0.0
    easiest_worst_es: float = 100.0  # the hardest Spanish patient text's reading ease

    @property
    def ok(self) -> bool:
        return not self.problems


class Space:
    """The partitioned answer space, with conditions as bitsets over its cells."""

    def __init__(self, content: Content) -> None:
        self.questions = content.questions
        every: list[c.Condition] = [r.when for r in content.rules]
        every += [q.ask_when for q in content.questions if q.ask_when is not None]
        atoms_by_q: dict[str, list[c.Atom]] = {q.id: [] for q in self.questions}
        for cond in every:
            for atom in c.atoms(cond):
                if atom not in atoms_by_q[atom.question]:
                    atoms_by_q[atom.question].append(atom)
        self.classes = [kind_of(q).classes(q, atoms_by_q[q.id]) for q in self.questions]
        sizes = [len(k) for k in self.classes]
        self.strides = [1] * len(sizes)
        for i in range(len(sizes) - 2, -1, -1):
            self.strides[i] = self.strides[i + 1] * sizes[i + 1]
        self.size = self.strides[0] * sizes[0] if sizes else 1
        self.full = (1 << self.size) - 1
        self.index = {q.id: i for i, q in enumerate(self.questions)}
        self._cache: dict[c.Condition, int] = {}
        self.valid = self.full
        for i, q in enumerate(self.questions):
            if q.ask_when is not None:
                not_asked = self._pattern(i, {k for k, klass in enumerate(self.classes[i]) if klass.empty})
                self.valid &= self.bits(q.ask_when) | not_asked

    def _pattern(self, dim: int, chosen: set[int]) -> int:
        stride = self.strides[dim]
        period = stride * len(self.classes[dim])
        block = 0
        for k in chosen:
            block |= ((1 << stride) - 1) << (k * stride)
        result, shift, chunk, width, times = 0, 0, block, period, self.size // period
        while times:  # repeat the block `times` times by doubling
            if times & 1:
                result |= chunk << shift
                shift += width
            chunk |= chunk << width
            width *= 2
            times >>= 1
        return result

    def bits(self, cond: c.Condition) -> int:
        cached = self._cache.get(cond)
        if cached is not None:
            return cached
        if isinstance(cond, c.All):
            value = self.full
            for item in cond.items:
                value &= self.bits(item)
        elif isinstance(cond, c.AnyOf):
            value = 0
            for item in cond.items:
                value |= self.bits(item)
        elif isinstance(cond, c.Not):
            value = self.full ^ self.bits(cond.item)
        else:
            dim = self.index[cond.question]
            qid = cond.question
            value = self._pattern(
                dim, {k for k, klass in enumerate(self.classes[dim]) if cond.holds({qid: klass.representative})}
            )
        self._cache[cond] = value
        return value

    def example(self, bits: int) -> dict[str, Any]:
        """The answers of the first cell in `bits`, for a readable report."""
        cell = (bits & -bits).bit_length() - 1
        answers: dict[str, Any] = {}
        for i, q in enumerate(self.questions):
            klass = self.classes[i][(cell // self.strides[i]) % len(self.classes[i])]
            answers[q.id] = klass.representative
        return answers

    def combinations(self) -> int:
        """How many concrete answer sets the valid cells stand for."""
        conditional = [i for i, q in enumerate(self.questions) if q.ask_when is not None]
        involved = set(conditional)
        for i in conditional:
            ask_when = self.questions[i].ask_when
            assert ask_when is not None
            involved.update(self.index[a.question] for a in c.atoms(ask_when))
        others = 1
        for i, klasses in enumerate(self.classes):
            if i not in involved:
                others *= sum(k.count for k in klasses)
        dims = sorted(involved)
        total = 0
        for combo in itertools.product(*(self.classes[i] for i in dims)):
            answers = {self.questions[i].id: k.representative for i, k in zip(dims, combo, strict=True)}
            weight = 1
            for i, klass in zip(dims, combo, strict=True):
                question = self.questions[i]
                if question.ask_when is not None and not applies(question, answers):
                    weight *= 1 if klass.empty else 0
                else:
                    weight *= klass.count
            total += weight
        return total * others


def _describe(answers: dict[str, Any]) -> str:
    shown = []
    for key, value in answers.items():
        if value in (None, UNSURE) or value == frozenset():
            continue
        shown.append(f"{key}={'+'.join(sorted(value)) if isinstance(value, frozenset) else value}")
    return ", ".join(shown) or "nothing answered"


def check(content: Content) -> Report:
    """Every verification problem of loaded content, plus the size of the space covered."""
    started = time.perf_counter()
    report = Report(rules=len(content.rules), cases=len(content.cases))
    rules_file = next((loc[0] for rid, loc in content.locations.items() if rid == content.rules[0].id), "rules.yaml")

    def at(item_id: str, message: str) -> None:
        path, line, col = content.locations.get(item_id, (rules_file, 1, 1))
        report.problems.append(Problem(path, line, col, message))

    space = Space(content)
    valid = space.valid
    fires = {rule.id: space.bits(rule.when) & valid for rule in content.rules}
    report.cells = valid.bit_count()
    report.combinations = space.combinations()

    for rule in content.rules:
        if not fires[rule.id]:
            at(rule.id, f"rule '{rule.id}' can never fire: no answers satisfy its conditions")

    anything = 0
    for bits in fires.values():
        anything |= bits
    if valid & ~anything:
        missing = valid & ~anything
        at(
            "",
            f"{missing.bit_count()} answer cells get no explanation at all, e.g. {_describe(space.example(missing))}",
        )

    for approach in APPROACH_IDS:
        by_tier: dict[str, dict[str, list[str]]] = {"indication": {}, "baseline": {}}
        for rule in content.rules:
            for s in rule.fit:
                if s.approach == approach and s.kind == "set":
                    by_tier[rule.tier].setdefault(s.fit, []).append(rule.id)
        covered = 0
        for per_tier in by_tier.values():
            for ids in per_tier.values():
                for rid in ids:
                    covered |= fires[rid]
        gap = valid & ~covered
        if gap:
            at(
                "",
                f"{approach}: no rule sets its fit for {gap.bit_count()} answer cells, "
                f"e.g. {_describe(space.example(gap))}",
            )
        indication_any = 0
        for ids in by_tier["indication"].values():
            for rid in ids:
                indication_any |= fires[rid]
        for tier, per_fit in by_tier.items():
            scope = valid if tier == "indication" else valid & ~indication_any
            for f1, f2 in itertools.combinations([f for f in FITS if f in per_fit], 2):
                for r1 in per_fit[f1]:
                    for r2 in per_fit[f2]:
                        both = fires[r1] & fires[r2] & scope
                        if both:
                            at(
                                r2,
                                f"{approach}: '{r1}' says {f1} but '{r2}' says {f2} ({tier} tier, unsettled by the "
                                f"combining policy) for {both.bit_count()} cells, "
                                f"e.g. {_describe(space.example(both))}",
                            )

    _check_balance(content, space, fires, at)

    used_options = {oid for rule in content.rules for oid in rule.options}
    for oid in content.options:
        if oid not in used_options:
            at(oid, f"MIS option '{oid}' is never brought up by any rule")
    cited = _cited_sources(content)
    for sid in content.sources:
        if sid not in cited:
            at(sid, f"source '{sid}' is never cited")

    for case in content.cases:
        got = explain(content, case.answers)
        diffs = []
        for approach in APPROACH_IDS:
            actual, wanted = got.approach(approach).fit, case.expected_fit[approach]
            if actual != wanted:
                diffs.append(f"{approach} is {actual}, expected {wanted}")
        options = {o.id for o in got.mis_options}
        if options != set(case.expected_options):
            extra, lacking = sorted(options - set(case.expected_options)), sorted(set(case.expected_options) - options)
            diffs.append(
                "options "
                + "; ".join(
                    p for p in (f"extra {extra}" if extra else "", f"missing {lacking}" if lacking else "") if p
                )
            )
        if bool(got.urgent) != case.expected_urgent:
            diffs.append(f"urgent is {bool(got.urgent)}, expected {case.expected_urgent}")
        if diffs:
            at(case.id, f"practice case '{case.id}' disagrees with the engine: " + "; ".join(diffs))

    _check_languages(content, report)

    report.problems.sort()
    report.seconds = time.perf_counter() - started
    return report


def _check_balance(content: Content, space: Space, fires: dict[str, int], at: Callable[[str, str], None]) -> None:
    """Care without surgery wherever nothing is urgent; benefits and risks wherever a route may be used."""
    valid = space.valid
    likely = ("typical", "possible")

    def union(keep: Callable[[Rule], bool]) -> int:
        bits = 0
        for rule in content.rules:
            if keep(rule):
                bits |= fires[rule.id]
        return bits

    calm = valid & ~union(lambda r: bool(r.urgent))
    bare = calm & ~union(lambda r: bool(r.nonsurgical))
    if bare:
        at("", f"care without surgery is missing for {bare.bit_count()} cells, e.g. {_describe(space.example(bare))}")
    few = calm & ~_key_points_at_least(content.rules, fires, KEY_POINTS_MIN)
    if few:
        at("", f"fewer than {KEY_POINTS_MIN} key points for {few.bit_count()} cells, "
               f"e.g. {_describe(space.example(few))}")
    for approach in APPROACH_IDS:

        def says(rule: Rule, kind: str, fits: tuple[str, ...], approach: str = approach) -> bool:
            return any(s.approach == approach and s.kind == kind and s.fit in fits for s in rule.fit)

        # the cells where this approach comes out typical or possible, by the combining policy
        indication = union(lambda r: r.tier == "indication" and says(r, "set", FITS))
        usable = union(lambda r: r.tier == "indication" and says(r, "set", likely)) | (
            union(lambda r: r.tier == "baseline" and says(r, "set", likely)) & ~indication
        )
        usable &= valid & ~union(lambda r: says(r, "cap", ("unlikely",)))
        for kind in ("benefits", "risks"):

            def tells(rule: Rule, kind: str = kind, approach: str = approach) -> bool:
                return any(p.approach == approach for p in getattr(rule, kind))

            told = union(tells)
            gap = usable & ~told
            if gap:
                at(
                    "",
                    f"{approach}: no {kind} are given for {gap.bit_count()} cells where it is typical or possible, "
                    f"e.g. {_describe(space.example(gap))}",
                )


def _check_languages(content: Content, report: Report) -> None:
    """Every text in every language of the content; patient words easy to read in each (English by grade,
    Spanish by Fernández-Huerta reading ease). Practice cases are for students and read as clinical text."""
    wanted = content.meta.languages
    for (path, line, col), text in content.texts:
        sides: tuple[tuple[Audience, Mapping[str, str]], ...] = (
            ("patient", text.patient), ("clinician", text.clinician))
        for audience, words_of in sides:
            for language in wanted:
                if not words_of.get(language):
                    report.problems.append(Problem(path, line, col, f"no {LANGUAGE_NAMES.get(language, language)} "
                                                   f"({language}) {audience} wording for: "
                                                   f"{text.get(audience)[:60]}..."))
        english = text.patient.get("en", "")
        if len(words(english)) >= MIN_WORDS:
            level = grade(english)
            report.worst_grade = max(report.worst_grade, level)
            if level > MAX_GRADE:
                report.problems.append(Problem(path, line, col, f"patient text reads at grade {level:.1f} "
                                               f"(limit {MAX_GRADE:g}): {english[:60]}..."))
        spanish = text.patient.get("es", "")
        if "es" in wanted and len(words_es(spanish)) >= MIN_WORDS and not path.endswith("cases.yaml"):
            ease = reading_ease_es(spanish)
            report.easiest_worst_es = min(report.easiest_worst_es, ease)
            if ease < MIN_EASE_ES:
                report.problems.append(Problem(path, line, col, f"Spanish patient text reads at {ease:.0f} on "
                                               f"Fernández-Huerta (at least {MIN_EASE_ES:g}): {spanish[:60]}..."))


def _key_points_at_least(rules: tuple[Rule, ...], fires: dict[str, int], wanted: int) -> int:
    """The cells where the rules that fire give at least `wanted` key points between them."""
    reach = [0] * (wanted + 1)  # reach[n]: cells with at least n key points so far
    for rule in rules:
        if rule.key_points:
            for n in range(wanted, 0, -1):
                below = max(0, n - len(rule.key_points))
                reach[n] |= fires[rule.id] if below == 0 else reach[below] & fires[rule.id]
    return reach[wanted]


def _cited_sources(content: Content) -> set[str]:
    meta = content.meta
    cited = set(meta.surgeon_prompt.sources)
    cited.update(s for q in meta.always_ask for s in q.sources)
    about = meta.nonsurgical
    cited.update(s for c in (about.involves, about.fit, about.recovery, *about.risks) for s in c.sources)
    cited.update(s for check in meta.sure_check for s in check.sources)
    for a in content.approaches.values():
        cited.update(a.sources)
        if a.recovery:
            cited.update(a.recovery.sources)
    for o in content.options.values():
        cited.update(o.sources)
    for rule in content.rules:
        cited.update(s for f in rule.fit for s in f.sources)
        for group in (rule.notes, rule.urgent, rule.ask, rule.benefits, rule.risks, rule.nonsurgical,
                      rule.key_points):
            cited.update(s for item in group for s in item.sources)
    for case in content.cases:
        cited.update(case.sources)
    return cited
