"""One ordered outline of an explanation, for one audience and language: what every view shows, in order.

Every heading is written once, here, in `HEADINGS` and `LINES`. The core cannot import Qt, so each is
wrapped in a local `QT_TRANSLATE_NOOP("misaid", ...)`: pyside6-lupdate finds the marker by name and
extracts the words under the context the UI's `tr` uses. `build_outline` takes the translating
function (the UI passes `tr`; the command line keeps the English) and applies it once, so a view
never writes or translates a heading itself. The content's own words (patient or clinician wording,
in the language asked for) come from rules/ as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .answers import applicable
from .engine import Explanation, Note
from .kinds import kind_of
from .model import Audience, Content, Source
from .record import record
from .wording import condition_words

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks words for pyside6-lupdate, which looks for this name; returns them unchanged."""
    return text


def _same(text: str) -> str:
    return text


# (patient, clinician)
HEADINGS: Mapping[str, tuple[str, str]] = {
    "title": (QT_TRANSLATE_NOOP("misaid", "What the sources describe for your answers"),
              QT_TRANSLATE_NOOP("misaid", "What the sources describe for these answers")),
    "urgent": (QT_TRANSLATE_NOOP("misaid", "Get urgent care now"), QT_TRANSLATE_NOOP("misaid", "Red flags")),
    "key_points": (QT_TRANSLATE_NOOP("misaid", "Key points for your answers"),
                   QT_TRANSLATE_NOOP("misaid", "Key points")),
    "choices": (QT_TRANSLATE_NOOP("misaid", "Your four choices, side by side"),
                QT_TRANSLATE_NOOP("misaid", "Options: non-operative and the three approaches")),
    "how": (QT_TRANSLATE_NOOP("misaid", "How it is done"), QT_TRANSLATE_NOOP("misaid", "Procedure")),
    "fit": (QT_TRANSLATE_NOOP("misaid", "How often it is described for problems like yours"),
            QT_TRANSLATE_NOOP("misaid", "Fit for these answers")),
    "recovery": (QT_TRANSLATE_NOOP("misaid", "Recovery"), QT_TRANSLATE_NOOP("misaid", "Recovery")),
    "sure": (QT_TRANSLATE_NOOP("misaid", "Are you ready to talk it through?"),
             QT_TRANSLATE_NOOP("misaid", "Readiness check (yes/no)")),
    "approaches": (QT_TRANSLATE_NOOP("misaid", "The three ways to reach the spine"),
                   QT_TRANSLATE_NOOP("misaid", "Approaches")),
    "benefits": (QT_TRANSLATE_NOOP("misaid", "What it may help"), QT_TRANSLATE_NOOP("misaid", "Benefits")),
    "risks": (QT_TRANSLATE_NOOP("misaid", "Possible risks"), QT_TRANSLATE_NOOP("misaid", "Risks")),
    "options": (QT_TRANSLATE_NOOP("misaid", "Ways of operating through small cuts that may apply"),
                QT_TRANSLATE_NOOP("misaid", "MIS options that apply")),
    "notes": (QT_TRANSLATE_NOOP("misaid", "Good to know"), QT_TRANSLATE_NOOP("misaid", "Notes")),
    "priorities": (QT_TRANSLATE_NOOP("misaid", "What matters to you"),
                   QT_TRANSLATE_NOOP("misaid", "What matters to the patient")),
    "questions": (QT_TRANSLATE_NOOP("misaid", "Questions to ask your surgeon"),
                  QT_TRANSLATE_NOOP("misaid", "Questions for the surgeon")),
    "prompt": (QT_TRANSLATE_NOOP("misaid", "Talk to your surgeon"), QT_TRANSLATE_NOOP("misaid", "Surgeon")),
    "sources": (QT_TRANSLATE_NOOP("misaid", "Sources"), QT_TRANSLATE_NOOP("misaid", "Sources")),
    "answers": (QT_TRANSLATE_NOOP("misaid", "Your answers"), QT_TRANSLATE_NOOP("misaid", "Answers")),
    "reasons": (QT_TRANSLATE_NOOP("misaid", "What led to each statement"),
                QT_TRANSLATE_NOOP("misaid", "What led to each statement")),
    "trace": (QT_TRANSLATE_NOOP("misaid", "The rules that applied, and why"),
              QT_TRANSLATE_NOOP("misaid", "Rule trace: the rules that fired, and why")),
}

# Whole sentences and answer words the outline needs besides headings; (patient, clinician).
LINES: Mapping[str, tuple[str, str]] = {
    "priorities_note": (
        QT_TRANSLATE_NOOP("misaid", "You chose these. They do not change what the sources say."),
        QT_TRANSLATE_NOOP("misaid", "Stated by the patient. They never change a fit or an urgent note."),
    ),
    "not_given": (QT_TRANSLATE_NOOP("misaid", "Not given"), QT_TRANSLATE_NOOP("misaid", "Not given")),
    "not_sure": (QT_TRANSLATE_NOOP("misaid", "I'm not sure"), QT_TRANSLATE_NOOP("misaid", "I'm not sure")),
    "none": (QT_TRANSLATE_NOOP("misaid", "None of these"), QT_TRANSLATE_NOOP("misaid", "None of these")),
    "nonsurgical_fit": (QT_TRANSLATE_NOOP("misaid", "A real choice to weigh"),
                        QT_TRANSLATE_NOOP("misaid", "Option")),
    "sure_lead": (QT_TRANSLATE_NOOP("misaid", "Answer yes or no for yourself. Nothing is saved."),
                  QT_TRANSLATE_NOOP("misaid", "Four yes/no questions for the patient; a \"no\" says what to do next.")),
}

# How many key points open a result: enough to take in at a glance.
KEY_POINTS_SHOWN = 4

# The order every view follows. Care without surgery comes before the three surgical routes so that
# it is read as an option in its own right (balanced presentation), not as an afterthought.
ORDER = ("urgent", "key_points", "nonsurgical", "approaches", "notes", "priorities", "questions", "sure", "prompt",
         "options", "sources", "answers", "trace")


def heading(key: str, audience: Audience, translate: Translate = _same) -> str:
    """One heading (or line) of `HEADINGS`/`LINES` for an audience, translated by the caller's function."""
    patient, clinician = HEADINGS[key] if key in HEADINGS else LINES[key]
    return translate(patient if audience == "patient" else clinician)


@record
class Item:
    """One statement with what a view needs to cite it."""

    text: str
    sources: tuple[str, ...] = ()
    numbers: tuple[int, ...] = ()  # each source's place in Outline.references, from 1
    cite: str = ""  # short names: seed documents by title, papers as "Mobbs et al., J Spine Surg 2015"
    full: str = ""  # each source in full, for clinicians
    name: str = ""  # a name shown before the text: an MIS option, a question, a source id
    rule: str = ""  # the rule that said it
    limit: bool = False  # a reason that caps a fit rather than suggesting one
    picture: str = ""  # an icon id (MIS options)


@record
class Section:
    """A heading over items (or, for the approaches, over routes); false when it has nothing to show."""

    id: str
    heading: str
    items: tuple[Item, ...] = ()
    lead: str = ""  # a line under the heading
    routes: tuple[Route, ...] = ()  # the approaches section only

    def __bool__(self) -> bool:
        return bool(self.items or self.routes)


@record
class Route:
    """One choice (care without surgery, or an approach), with the same rows as every other:
    how it is done, how often the sources describe it here and why, what it may help, its risks, recovery.
    """

    id: str  # "nonsurgical" or an approach id
    name: str
    fit: str  # typical | possible | unlikely | unknown, or "nonsurgical"
    fit_label: str
    diagram: str
    reasons: tuple[Item, ...]
    benefits: Section
    risks: Section
    how: Item | None = None
    recovery: Item | None = None


@record
class Outline:
    """Everything a view shows of one explanation, worded for one audience and language."""

    audience: Audience
    language: str
    title: str
    disclaimer: str
    version: str
    policy: str  # the combining policy, for the "why" panel
    sections: tuple[Section, ...]  # in ORDER, every one present (possibly empty)
    references: tuple[Source, ...]
    headings: Mapping[str, str]  # every heading of HEADINGS, translated, for views with sub-headings

    def __getitem__(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def columns(self) -> tuple[Route, ...]:
        """The choices side by side: care without surgery (left out when a red flag puts urgent care first),
        then the three routes by fit."""
        return self["nonsurgical"].routes + self["approaches"].routes


def _full_stop(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def short_names(ids: Iterable[str], known: Mapping[str, Source]) -> str:
    """Seed documents by title, the literature by short citation."""
    return "; ".join(_named(sid, known)[0] for sid in ids)


def full_references(ids: Iterable[str], known: Mapping[str, Source]) -> str:
    """Each source in full; the seed documents by their title."""
    return " ".join(_named(sid, known)[1] for sid in ids)


def _named(sid: str, known: Mapping[str, Source]) -> tuple[str, str]:
    """(short name, full reference) of one source; its id when it is unknown."""
    source = known.get(sid)
    if source is None:
        return sid, sid
    return _names(source)


@lru_cache(maxsize=16)
def _headings(audience: Audience, language: str, translate: Translate) -> Mapping[str, str]:
    # translated once per audience and language (the language is in the key: it can change while running)
    return MappingProxyType({key: heading(key, audience, translate) for key in HEADINGS})


@lru_cache(maxsize=1024)
def _names(source: Source) -> tuple[str, str]:
    # worded once per source: the same few are cited on every item of every live update
    return source.short, _full_stop(source.title) if source.kind == "seed" else source.reference


def build_outline(expl: Explanation, audience: Audience = "patient", language: str = "en",
                  translate: Translate = _same, content: Content | None = None) -> Outline:
    """The explanation as ordered sections of items, in the audience's words.

    Without `content` (the command line until it passes it) the answers and the trace stay in the
    vocabulary's terms and the priorities are left out: only the questions can word them.
    """

    def say(text: Any) -> str:
        return str(text.get(audience, language))

    numbers = {s.id: n for n, s in enumerate(expl.sources, 1)}
    known = content.sources if content is not None else {s.id: s for s in expl.sources}

    # the same few lists of sources recur on every item: number and word each list once
    citations: dict[tuple[str, ...], tuple[tuple[int, ...], str, str]] = {}

    def item(text: str, sources: Iterable[str] = (), **extra: Any) -> Item:
        ids = tuple(sources)
        if ids not in citations:
            names = [_named(sid, known) for sid in ids]
            citations[ids] = (tuple(numbers[s] for s in ids if s in numbers), "; ".join(n[0] for n in names),
                          " ".join(n[1] for n in names))
        return Item(text, ids, *citations[ids], **extra)

    def notes(found: Iterable[Note]) -> tuple[Item, ...]:
        return tuple(item(say(n.text), n.sources, rule=n.rule) for n in found)

    headings = _headings(audience, language, translate)

    def section(sid: str, items: Iterable[Item] = (), **extra: Any) -> Section:
        return Section(sid, extra.pop("title", None) or headings.get(sid, ""), tuple(items), **extra)

    def cited(c: Any) -> Item | None:
        return item(say(c.text), c.sources) if c is not None else None

    routes = tuple(
        Route(
            a.id, say(a.approach.name), a.fit, say(expl.fit_labels[a.fit]), a.diagram or a.approach.diagram,
            tuple(item(say(r.text), r.sources, rule=r.rule, limit=r.kind == "cap") for r in a.reasons),
            section("benefits", notes(a.benefits)),
            section("risks", notes(a.risks)),
            how=item(say(a.approach.involves), a.approach.sources),
            recovery=cited(a.approach.recovery),
        )
        for a in expl.approaches
    )
    about = expl.nonsurgical_about
    calm = not expl.urgent and about is not None  # an urgent result shows only what to do now
    staying = (
        Route(
            "nonsurgical", say(expl.nonsurgical_name), "nonsurgical", heading("nonsurgical_fit", audience, translate),
            "", (item(say(about.fit.text), about.fit.sources),),
            section("benefits", notes(expl.nonsurgical)),
            section("risks", notes(expl.nonsurgical_risks)),
            how=cited(about.involves),
            recovery=cited(about.recovery),
        ),
    ) if calm and about is not None else ()
    questions = content.questions if content is not None else ()
    chosen = [
        item(say(q.choice(v).label))
        for q in questions if q.echo_only
        for v in q.values if v != "unsure" and v in (expl.answers.get(q.id) or ())
    ]
    if content is not None:
        rows = _answer_rows(content, expl.answers, audience, language, translate)
    else:
        shown = {k: ", ".join(v) if isinstance(v, list) else v for k, v in expl.public_answers.items()}
        rows = [(k, str(v) if v not in (None, "") else "-") for k, v in shown.items()]
    # patients read the trace in the words of their own questions; clinicians check it against the rules
    trace = tuple(
        item(condition_words(f.when, content, audience, translate, language=language)
             if audience == "patient" and content is not None else f.why, rule=f.rule)
        for f in expl.fired
    )
    built = (
        section("urgent", (item(say(u.text), u.sources, name=u.id) for u in expl.urgent)),
        section("key_points", notes(expl.key_points[:KEY_POINTS_SHOWN]) if calm else ()),
        # with a red flag, care without surgery is not the choice to weigh: urgent care comes first
        section("nonsurgical", notes(expl.nonsurgical) if calm else (), title=say(expl.nonsurgical_name),
                routes=staying),
        section("approaches", routes=routes),
        section("options", (item(say(o.summary), o.sources, name=say(o.name), picture=o.icon)
                            for o in expl.mis_options)),
        section("notes", notes(expl.notes)),
        section("priorities", chosen, lead=heading("priorities_note", audience, translate) if chosen else ""),
        section("questions", (item(say(q.text), q.sources) for q in expl.questions_for_surgeon)),
        section("sure", (item(say(c.if_no), c.sources, name=say(c.question)) for c in expl.sure_check) if calm else (),
                lead=heading("sure_lead", audience, translate) if calm else ""),
        section("prompt", [item(say(expl.surgeon_prompt.text), expl.surgeon_prompt.sources)]),
        section("sources", (item(_reference(s), [s.id], name=s.id) for s in expl.sources)),
        section("answers", (Item(words, name=question) for question, words in rows)),
        section("trace", trace),
    )
    sections = tuple(sorted(built, key=lambda s: ORDER.index(s.id)))
    policy = say(content.meta.combining_policy) if content is not None else ""
    return Outline(audience, language, headings["title"], say(expl.disclaimer), expl.rules_version, policy,
                   sections, expl.sources, headings)


@lru_cache(maxsize=1024)
def _reference(source: Source) -> str:
    # the reference already ends in the URL when there is no DOI or PMID; never print it twice
    url = source.url if source.url and source.url not in source.reference else ""
    return f"{source.reference} {url}".rstrip()


def _answer_rows(content: Content, answers: Mapping[str, Any], audience: Audience, language: str,
                 translate: Translate) -> list[tuple[str, str]]:
    """(question, answer) in the content's words for the questions that were asked."""
    rows = []
    for question in applicable(content.questions, answers):
        kind = kind_of(question)
        words = kind.words(question, answers.get(question.id), audience, language) or heading(
            kind.blank, audience, translate
        )
        rows.append((question.text.get(audience, language), words))
    return rows
