"""Typed, frozen content objects: what the YAML files mean once loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")
FITS = ("typical", "possible", "unlikely", "unknown")
APPROACH_IDS = ("anterior", "lateral", "posterior")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Cited:
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str
    short: str
    year: int | None = None
    url: str | None = None

    @property
    def reference(self) -> str:
        """The full reference as every view prints it: "Title. Publisher, year." """
        title = self.title if self.title[-1:] in ".?!" else f"{self.title}."
        year = f", {self.year}" if self.year else ""
        return f"{title} {self.publisher}{year}."


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text
    help: Text | None = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: Literal["one", "many", "integer"]
    text: Text
    help: Text
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    ask_when: Condition | None = None

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice:
        return next(c for c in self.choices if c.value == value)


@dataclass(frozen=True)
class Approach:
    id: str
    name: Text
    path: Text
    involves: Text
    benefits: tuple[Cited, ...]
    risks: tuple[Cited, ...]
    diagram: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MisOption:
    id: str
    kind: str
    name: Text
    summary: Text
    icon: str
    approaches: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FitStatement:
    approach: str
    kind: Literal["set", "cap"]
    fit: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Urgent:
    id: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    tier: Literal["baseline", "indication"]
    when: Condition
    fit: tuple[FitStatement, ...] = ()
    options: tuple[str, ...] = ()
    notes: tuple[Cited, ...] = ()
    urgent: tuple[Urgent, ...] = ()
    ask: tuple[Cited, ...] = ()


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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

    @property
    def rules_version(self) -> str:
        return f"{self.content_version} (reviewed {self.last_reviewed}, {self.review_status})"


@dataclass(frozen=True)
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
    locations: Mapping[str, tuple[str, int, int]] = field(default_factory=dict)
    # every patient-facing text with where it was written, for the reading-grade check
    patient_texts: tuple[tuple[tuple[str, int, int], str], ...] = ()

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


# Conditions are defined in conditions.py; imported late to keep this module the leaf.
from .conditions import Condition  # noqa: E402
