"""Typed, frozen content objects: what the YAML files mean once loaded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .conditions import Condition
from .record import EMPTY, record

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")
FITS = ("typical", "possible", "unlikely", "unknown")
APPROACH_IDS = ("anterior", "lateral", "posterior")
DEFAULT_LANGUAGE = "en"


@record
class Text:
    """Words in each language, with separate patient and clinician wording where they differ."""

    patient: Mapping[str, str]
    clinician: Mapping[str, str]

    def get(self, audience: Audience = "patient", language: str = DEFAULT_LANGUAGE) -> str:
        words = self.patient if audience == "patient" else self.clinician
        return words.get(language) or words.get(DEFAULT_LANGUAGE) or next(iter(words.values()), "")

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Text:
        if "patient" in raw or "clinician" in raw:
            patient = dict(raw.get("patient") or raw.get("clinician") or {})
            return cls(patient, dict(raw.get("clinician") or patient))
        return cls(dict(raw), dict(raw))

    @classmethod
    def plain(cls, words: str) -> Text:
        return cls({DEFAULT_LANGUAGE: words}, {DEFAULT_LANGUAGE: words})


@record
class Cited:
    text: Text
    sources: tuple[str, ...]


@record
class Source:
    """One publication (or seed document), with what a reader needs to look it up."""

    id: str
    kind: str  # seed | literature | guideline | web
    title: str
    journal: str  # journal, publisher or site
    authors: str = ""
    year: int | None = None
    details: str = ""  # volume(issue):pages
    doi: str = ""
    pmid: str = ""
    url: str = ""

    @property
    def short(self) -> str:
        """A brief citation for tight places: "Mobbs et al., J Spine Surg 2015"; seeds by their title."""
        if self.kind == "seed":
            return self.title
        first = self.authors.split(",")[0].split(" et al")[0].strip()
        surname = first.rsplit(" ", 1)[0] if first[-1:].isupper() and " " in first else first
        who = f"{surname} et al." if "et al" in self.authors or "," in self.authors else surname
        year = f" {self.year}" if self.year else ""
        return f"{who}, {self.journal}{year}" if who else f"{self.journal}{year}"

    @property
    def link(self) -> str:
        """Where to look it up: the DOI, else PubMed, else the page."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url

    @property
    def reference(self) -> str:
        """The full reference as every view prints it: "Authors. Title. Journal year;details. doi:..." """
        title = self.title if self.title[-1:] in ".?!" else f"{self.title}."
        authors = f"{self.authors.rstrip('.')}. " if self.authors else ""
        year = f" {self.year}" if self.year else ""
        details = f";{self.details}" if self.details and self.details[:1].isdigit() else (
            f", {self.details}" if self.details else "")
        ids = "".join(f" {name}:{value}." for name, value in (("doi", self.doi), ("PMID", self.pmid)) if value)
        url = f" {self.url}" if self.url and not ids else ""
        return f"{authors}{title} {self.journal}{year}{details}.{ids}{url}"


@record
class Choice:
    value: str
    label: Text
    help: Text | None = None


@record
class Question:
    id: str
    kind: Literal["one", "many", "integer"]
    text: Text
    help: Text
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    ask_when: Condition | None = None
    echo_only: bool = False  # what matters to the person: shown and echoed, never read by a rule

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice:
        return next(c for c in self.choices if c.value == value)


@record
class Approach:
    id: str
    name: Text
    path: Text
    involves: Text
    diagram: str
    sources: tuple[str, ...]
    recovery: Cited | None = None
    diagrams: Mapping[str, str] = EMPTY  # region answer -> diagram

    def diagram_for(self, region: str | None) -> str:
        """The diagram drawn for this region (neck, mid back, low back), else the general one."""
        return self.diagrams.get(region or "", self.diagram)


@record
class MisOption:
    id: str
    kind: str
    name: Text
    summary: Text
    icon: str
    approaches: tuple[str, ...]
    sources: tuple[str, ...]


@record
class FitStatement:
    approach: str
    kind: Literal["set", "cap"]
    fit: str
    text: Text
    sources: tuple[str, ...]


@record
class ApproachPoint:
    """A benefit or a risk of one approach, in the situation a rule describes."""

    approach: str
    text: Text
    sources: tuple[str, ...]


@record
class Urgent:
    id: str
    text: Text
    sources: tuple[str, ...]


@record
class Rule:
    id: str
    tier: Literal["baseline", "indication"]
    when: Condition
    fit: tuple[FitStatement, ...] = ()
    options: tuple[str, ...] = ()
    notes: tuple[Cited, ...] = ()
    urgent: tuple[Urgent, ...] = ()
    ask: tuple[Cited, ...] = ()
    benefits: tuple[ApproachPoint, ...] = ()
    risks: tuple[ApproachPoint, ...] = ()
    nonsurgical: tuple[Cited, ...] = ()  # care without surgery: what it is, its course, when surgery is considered
    key_points: tuple[Cited, ...] = ()  # one short sentence each that sums the situation up


@record
class Case:
    id: str
    title: Text
    vignette: Text
    answers: Mapping[str, Any]
    expected_fit: Mapping[str, str]
    expected_options: tuple[str, ...]
    expected_urgent: bool
    teaching: Text
    sources: tuple[str, ...]


@record
class NonSurgical:
    """Care without surgery as a fourth option, with the rows the three routes have."""

    involves: Cited
    fit: Cited
    recovery: Cited
    risks: tuple[Cited, ...]


@record
class ReadyCheck:
    """One yes/no question on whether the person feels ready, and what to do on a "no"."""

    question: Text
    if_no: Text
    sources: tuple[str, ...]


@record
class Meta:
    content_version: str
    last_reviewed: str
    review_status: str
    reviewed_by: str
    combining_policy: Text
    surgeon_prompt: Cited
    disclaimer: Text
    fit_labels: Mapping[str, Text]
    always_ask: tuple[Cited, ...]
    nonsurgical_name: Text
    nonsurgical: NonSurgical
    sure_check: tuple[ReadyCheck, ...]
    languages: tuple[str, ...] = (DEFAULT_LANGUAGE,)  # every text must be written in each of these

    @property
    def rules_version(self) -> str:
        return f"{self.content_version} (reviewed {self.last_reviewed}, {self.review_status})"


@record
class Content:
    """Everything in one rules folder, validated and cross-checked."""

    folder: str
    meta: Meta
    sources: Mapping[str, Source]
    questions: tuple[Question, ...]
    approaches: Mapping[str, Approach]
    options: Mapping[str, MisOption]
    rules: tuple[Rule, ...]
    cases: tuple[Case, ...]
    # where each rule/case was written, for `path:line:col` reports
    locations: Mapping[str, tuple[str, int, int]] = EMPTY
    # every text with where it was written, for the language and reading checks
    texts: tuple[tuple[tuple[str, int, int], Text], ...] = ()

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)
