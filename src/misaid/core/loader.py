"""Load a rules folder: safe YAML, JSON Schema, cross-references; every problem in one pass."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import conditions, snapshot
from .answers import normalise_raw
from .document import Document, YamlRefused
from .errors import ContentError, Problem, did_you_mean, quote
from .model import (
    APPROACH_IDS,
    Approach,
    ApproachPoint,
    Case,
    Choice,
    Cited,
    Content,
    FitStatement,
    Meta,
    MisOption,
    NonSurgical,
    Question,
    ReadyCheck,
    Rule,
    Source,
    Text,
    Urgent,
)
from .paths import shipped_rules_dir
from .record import EMPTY, record

if TYPE_CHECKING:
    from jsonschema import ValidationError

KINDS = ("meta", "sources", "questions", "approaches", "options", "rules", "cases")


_LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")


def _words_errors(words: Any, at: tuple[str, ...]) -> Iterator[ValidationError]:
    import jsonschema  # already loaded by _validators(); imported here to keep module import cheap

    if not isinstance(words, dict):
        yield jsonschema.ValidationError(f"{quote(words)} is not a map of language to text", path=at)
        return
    if "en" not in words:
        yield jsonschema.ValidationError("English ('en') text is missing", path=at)
    for language, text in words.items():
        if not _LANGUAGE.match(language):
            yield jsonschema.ValidationError(
                f"{quote(language)} is not a language code like en or es", path=at + (language,)
            )
        elif not isinstance(text, str) or not text or len(text) > 2000:
            yield jsonschema.ValidationError(
                f"{quote(text)} is not a text of 1 to 2000 characters", path=at + (language,)
            )


def _text_keyword(validator: Any, enabled: bool, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """The schema's Text definition, checked in plain Python.

    Texts are most of the content's nodes, and this direct check is several times
    faster than the generic validator walking the same rule (tests/core/test_loader.py
    proves both agree).
    """
    import jsonschema

    if isinstance(instance, dict) and ("patient" in instance or "clinician" in instance):
        for key in sorted(set(instance) - {"patient", "clinician"}):
            yield jsonschema.ValidationError(f"unknown key {quote(key)} beside patient/clinician wording", path=(key,))
        for audience in ("patient", "clinician"):
            if audience not in instance:
                yield jsonschema.ValidationError(f"'{audience}' wording is missing")
            else:
                yield from _words_errors(instance[audience], (audience,))
    else:
        yield from _words_errors(instance, ())


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    # jsonschema costs ~80 ms and ~9 MB to import: loaded when content is validated, so the
    # GUI can paint its first screen before it (and `import misaid.core` stays light)
    import jsonschema

    return jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft202012Validator, {"misaidText": _text_keyword}
    )


def _schema_dir() -> Path:
    # the schema is this code's contract, so always the shipped one, even for `--rules DIR`
    return shipped_rules_dir() / "schema"


@lru_cache(maxsize=1)
def _validators() -> dict[str, Any]:
    schema_dir = _schema_dir()
    defs = json.loads((schema_dir / "common.schema.json").read_text("utf-8"))["$defs"]
    defs = {**defs, "Text": {"misaidText": True}}
    validators = {}
    for kind in KINDS:
        schema = _inline(json.loads((schema_dir / f"{kind}.schema.json").read_text("utf-8")), defs)
        schema["$defs"] = {"Condition": _inline(defs["Condition"], defs)}
        validators[kind] = _validator_class()(schema)
    return validators


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replace references to shared definitions by the definitions themselves.

    The files keep `$ref`s for editors; inlined, validation skips thousands of
    reference look-ups and content loads several times faster. Only the
    recursive Condition stays a (local) reference.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return {"$ref": "#/$defs/Condition"} if name == "Condition" else _inline(defs[name], defs)
    return {key: _inline(value, defs) for key, value in node.items() if key not in ("$schema", "$id")}


def load_content(folder: str | Path, remember: bool = False) -> Content:
    """Load and validate every file of a rules folder; raises ContentError with all problems.

    A snapshot saved for exactly these files (see snapshot.py) spares parsing the YAML and validating
    it against the schemas; everything after that runs either way. With `remember`, a full read
    saves one for the next start (the app does; `misaid check` saves one with `save_snapshot`).
    """
    folder = Path(folder)
    unusable = folder_problem(folder)
    if unusable is not None:
        raise ContentError([unusable])
    digests = _fingerprint(folder)
    saved = snapshot.read(folder, digests) if digests is not None else None
    if saved is not None and set(saved) == set(KINDS):
        problems: list[Problem] = []
        try:
            # the snapshot was saved only after these very files passed every check (same digests,
            # same loader code): building again without re-checking gives the same model
            content = _Builder(folder, saved, problems, check=False).build()
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            content = None  # a snapshot edited by hand into something the schemas never let through
        if content is not None and not problems:
            return content
    content, docs = _load_files(folder)
    if remember and digests is not None:
        _remember(folder, docs, digests)
    return content


def save_snapshot(folder: str | Path) -> Path | None:
    """Read and validate `folder` in full, then save what was read for the next start; raises ContentError.

    Returns where it was saved, or None when it could not be (a read-only cache, say): starts then
    simply read the files in full.
    """
    folder = Path(folder)
    digests = _fingerprint(folder)
    _content, docs = _load_files(folder)
    return _remember(folder, docs, digests) if digests is not None else None


def _fingerprint(folder: Path) -> dict[str, str] | None:
    # files the full load would refuse (links out of the folder, pipes) never go through a snapshot
    if any(content_file_problem(folder, folder / f"{kind}.yaml") is not None for kind in KINDS):
        return None
    return snapshot.fingerprint(folder, KINDS, _schema_dir())


def _remember(folder: Path, docs: dict[str, Document], before: dict[str, str]) -> Path | None:
    """Save documents read in full under the digests taken before reading them."""
    # the same digests after reading, or the files were changing: save nothing rather than a mix
    if not snapshot.can_write() or _fingerprint(folder) != before:
        return None
    # keep only the positions building looks up (about one in ten): the snapshot then reads in a few ms
    noted = {kind: _Noting(doc.path, doc.data, doc.marks, doc.key_marks, {}) for kind, doc in docs.items()}
    _Builder(folder, dict(noted), []).build()
    return snapshot.write(folder, {kind: Document(doc.path, doc.data, doc.noted, EMPTY) for kind, doc in noted.items()},
                          before)


@record
class _Noting(Document):
    """A document that notes each position looked up in it, as found."""

    noted: dict[tuple[Any, ...], tuple[int, int]]  # filled in while the model is built

    def where(self, at: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        found = super().where(at, key)
        if not key:
            self.noted[tuple(at)] = found
        return found


def _load_files(folder: Path) -> tuple[Content, dict[str, Document]]:
    from .safeyaml import load  # PyYAML only when files are read in full, never for a snapshot start

    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    unusable = folder_problem(folder)
    if unusable is not None:
        raise ContentError([unusable])
    for kind in KINDS:
        path = folder / f"{kind}.yaml"
        not_plain = content_file_problem(folder, path)
        if not_plain is not None:
            problems.append(not_plain)
            continue
        try:
            doc = load(path)
        except YamlRefused as refused:
            problems.extend(refused.problems)
            continue
        schema_problems = _schema_problems(kind, doc)
        problems.extend(schema_problems)
        if not schema_problems:
            docs[kind] = doc
    builder = _Builder(folder, docs, problems)
    content = builder.build()
    if problems or content is None:
        raise ContentError(problems)
    return content, docs


def folder_problem(folder: Path) -> Problem | None:
    """Why `folder` cannot be used as a rules folder, or None."""
    try:
        if folder.is_dir():
            return None
    except OSError as exc:  # e.g. a parent folder the kiosk user may not enter
        return Problem(str(folder), 1, 1, f"cannot read the rules folder: {exc.strerror or type(exc).__name__}")
    return Problem(str(folder), 1, 1, "rules folder not found")


def content_file_problem(folder: Path, path: Path) -> Problem | None:
    """Why `path` cannot be read as a content file of `folder`, or None.

    A rules folder is reviewed and then copied around: each file must be a plain file inside
    it, never a link out of it (to /etc/shadow, say), a pipe that blocks start-up, or a device.
    """
    try:
        info = path.stat()  # follows links: what would be read
        inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except FileNotFoundError:
        return Problem(str(path), 1, 1, f"missing content file {path.name}")
    except (OSError, RuntimeError) as exc:  # no permission, a loop of links
        return Problem(str(path), 1, 1, f"cannot read: {getattr(exc, 'strerror', None) or type(exc).__name__}")
    if not inside:
        return Problem(str(path), 1, 1, "is a link to a file outside the rules folder; copy the file in instead")
    if not stat.S_ISREG(info.st_mode):
        return Problem(str(path), 1, 1, "is not a plain file (a folder, a pipe or a device?)")
    return None


def _schema_problems(kind: str, doc: Document) -> list[Problem]:
    from jsonschema.exceptions import best_match

    validator = _validators()[kind]
    if validator.is_valid(doc.data):  # the common case, and faster than collecting errors
        return []
    found = []
    for error in validator.iter_errors(doc.data):
        best = best_match([error])
        at = tuple(best.absolute_path)
        if best.validator == "additionalProperties" and isinstance(best.instance, dict):
            allowed = list(best.schema.get("properties", {}))
            for key in sorted(set(best.instance) - set(allowed)):
                message = f"unknown key {quote(key)}{did_you_mean(key, allowed)}"
                found.append(doc.problem(at + (key,), message, key=True))
            continue
        if best.validator == "required":
            # point at the object, naming what it lacks
            found.append(doc.problem(at, best.message.replace("is a required property", "is missing")))
            continue
        where = ".".join(str(p) if isinstance(p, int) else _name(p) for p in at) or kind
        found.append(doc.problem(at, f"{where}: {_short(_without_content(best.message, best.instance))}"))
    return found


def _name(key: str) -> str:
    return key if len(key) <= 40 and key.isprintable() and "'" not in key else quote(key)


def _without_content(message: str, instance: Any) -> str:
    """jsonschema's message with the file's value cut to a short, escaped fragment.

    jsonschema quotes the whole value; a file that is not what it claims must not be echoed.
    """
    whole = repr(instance)
    if whole in message:
        return message.replace(whole, quote(instance))
    return message if len(message) <= 80 else "does not fit the schema"


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


class _Builder:
    """Turns schema-valid documents into model objects, checking every cross-reference.

    With `check` False it only builds: for documents from a snapshot, which is saved only after the
    same files (and this code) passed every check, so the checks could find nothing new.
    """

    def __init__(self, folder: Path, docs: dict[str, Document], problems: list[Problem], check: bool = True) -> None:
        self.folder = folder
        self.check = check
        self.docs = docs
        self.problems = problems
        self.texts: list[tuple[tuple[str, int, int], Text]] = []
        self.locations: dict[str, tuple[str, int, int]] = {}
        self.source_ids: set[str] = set()
        self.questions: dict[str, Question] = {}

    # -- helpers -------------------------------------------------------------
    def _report(self, kind: str, at: tuple[Any, ...], message: str) -> None:
        is_key = bool(at) and at[-1] == "<key>"  # point at the key itself, not its value
        self.problems.append(self.docs[kind].problem(at[:-1] if is_key else at, message, key=is_key))

    def _text(self, kind: str, at: tuple[Any, ...], raw: Any) -> Text:
        text = Text.parse(raw)
        line, col = self.docs[kind].where(at)
        self.texts.append(((self.docs[kind].path, line, col), text))
        return text

    def _sources(self, kind: str, at: tuple[Any, ...], ids: list[str]) -> tuple[str, ...]:
        if self.check and "sources" in self.docs:
            for i, sid in enumerate(ids):
                if sid not in self.source_ids:
                    self._report(kind, at + (i,), f"unknown source '{sid}'{did_you_mean(sid, self.source_ids)}")
        return tuple(ids)

    def _cited(self, kind: str, at: tuple[Any, ...], raw: dict[str, Any]) -> Cited:
        return Cited(
            self._text(kind, at + ("text",), raw["text"]), self._sources(kind, at + ("sources",), raw["sources"])
        )

    def _unique(self, kind: str, items: list[dict[str, Any]], key: str, at: tuple[Any, ...]) -> None:
        if not self.check:
            return
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item[key] in seen:
                self._report(kind, at + (i, key), f"duplicate id '{item[key]}'")
            seen.add(item[key])

    # -- build ---------------------------------------------------------------
    def build(self) -> Content | None:
        sources = self._build_list("sources", self._source)
        if sources is not None:
            self.source_ids = set(sources)
        questions = self._build_list("questions", self._question)
        approaches = self._build_list("approaches", self._approach)
        options = self._build_list("options", self._option)
        meta = self._meta() if "meta" in self.docs else None
        rules = self._build_list("rules", self._rule)
        cases = self._build_list("cases", self._case) if questions is not None else None
        if approaches is not None and set(approaches) != set(APPROACH_IDS):
            missing = ", ".join(sorted(set(APPROACH_IDS) - set(approaches)))
            self._report("approaches", ("approaches",), f"every approach must be described; missing: {missing}")
        if None in (sources, questions, approaches, options, meta, rules, cases) or self.problems:
            return None
        assert sources is not None and questions is not None and approaches is not None  # for mypy
        assert options is not None and meta is not None and rules is not None and cases is not None
        return Content(
            folder=str(self.folder),
            meta=meta,
            sources=sources,
            questions=tuple(questions.values()),
            approaches={a: approaches[a] for a in APPROACH_IDS},
            options=options,
            rules=tuple(rules.values()),
            cases=tuple(cases.values()),
            locations=self.locations,
            texts=tuple(self.texts),
        )

    def _build_list(self, kind: str, make: Callable[[tuple[Any, ...], dict[str, Any]], Any]) -> dict[str, Any] | None:
        if kind not in self.docs:
            return None
        items = self.docs[kind].data[kind]
        self._unique(kind, items, "id", (kind,))
        built: dict[str, Any] = {}
        for i, raw in enumerate(items):
            at = (kind, i)
            line, col = self.docs[kind].where(at)
            self.locations.setdefault(raw["id"], (self.docs[kind].path, line, col))
            obj = make(at, raw)
            built.setdefault(raw["id"], obj)
        return built

    def _source(self, at: tuple[Any, ...], raw: dict[str, Any]) -> Source:
        # a reader must be able to find every source: journal articles by DOI or PMID, pages by address
        if self.check and raw["kind"] == "literature" and not (raw.get("doi") or raw.get("pmid")):
            self._report("sources", at + ("id",), f"literature source '{raw['id']}' needs a doi or a pmid")
        if self.check and raw["kind"] in ("guideline", "web") and not raw.get("url"):
            self._report("sources", at + ("id",), f"{raw['kind']} source '{raw['id']}' needs a url")
        return Source(
            raw["id"],
            raw["kind"],
            raw["title"],
            raw["journal"],
            raw.get("authors", ""),
            raw.get("year"),
            raw.get("details", ""),
            raw.get("doi", ""),
            raw.get("pmid", ""),
            raw.get("url", ""),
        )

    def _question(self, at: tuple[Any, ...], raw: dict[str, Any]) -> Question:
        k = "questions"
        self._unique(k, raw.get("options", []), "value", at + ("options",))
        choices = tuple(
            Choice(
                c["value"],
                self._text(k, at + ("options", j, "label"), c["label"]),
                self._text(k, at + ("options", j, "help"), c["help"]) if "help" in c else None,
            )
            for j, c in enumerate(raw.get("options", []))
        )
        when = None
        if "ask_when" in raw:
            # only earlier questions may decide whether this one is asked: the flow stays well-defined
            if self.check:
                self._check_condition(k, at + ("ask_when",), raw["ask_when"], known=dict(self.questions))
            when = conditions.parse(raw["ask_when"])
        q = Question(
            raw["id"],
            raw["kind"],
            self._text(k, at + ("text",), raw["text"]),
            self._text(k, at + ("help",), raw["help"]),
            choices,
            raw.get("min"),
            raw.get("max"),
            when,
            bool(raw.get("echo_only", False)),
        )
        if (self.check and q.kind == "integer" and q.minimum is not None and q.maximum is not None
                and q.minimum > q.maximum):
            self._report(k, at + ("min",), "min is larger than max")
        self.questions.setdefault(q.id, q)
        return q

    def _approach(self, at: tuple[Any, ...], raw: dict[str, Any]) -> Approach:
        k = "approaches"
        return Approach(
            raw["id"],
            self._text(k, at + ("name",), raw["name"]),
            self._text(k, at + ("path",), raw["path"]),
            self._text(k, at + ("involves",), raw["involves"]),
            raw["diagram"],
            self._sources(k, at + ("sources",), raw["sources"]),
            self._cited(k, at + ("recovery",), raw["recovery"]),
            dict(raw.get("diagrams", {})),
        )

    def _option(self, at: tuple[Any, ...], raw: dict[str, Any]) -> MisOption:
        k = "options"
        return MisOption(
            raw["id"],
            raw["kind"],
            self._text(k, at + ("name",), raw["name"]),
            self._text(k, at + ("summary",), raw["summary"]),
            raw["icon"],
            tuple(raw.get("approaches", [])),
            self._sources(k, at + ("sources",), raw["sources"]),
        )

    def _meta(self) -> Meta:
        k, raw = "meta", self.docs["meta"].data
        return Meta(
            raw["content_version"],
            raw["last_reviewed"],
            raw["review_status"],
            raw["reviewed_by"],
            Text.parse(raw["combining_policy"]),
            self._cited(k, ("surgeon_prompt",), raw["surgeon_prompt"]),
            self._text(k, ("disclaimer",), raw["disclaimer"]),
            {f: self._text(k, ("fit_labels", f), t) for f, t in raw["fit_labels"].items()},
            tuple(self._cited(k, ("always_ask", i), c) for i, c in enumerate(raw["always_ask"])),
            self._text(k, ("nonsurgical_name",), raw["nonsurgical_name"]),
            NonSurgical(
                self._cited(k, ("nonsurgical", "involves"), raw["nonsurgical"]["involves"]),
                self._cited(k, ("nonsurgical", "fit"), raw["nonsurgical"]["fit"]),
                self._cited(k, ("nonsurgical", "recovery"), raw["nonsurgical"]["recovery"]),
                tuple(self._cited(k, ("nonsurgical", "risks", i), c)
                      for i, c in enumerate(raw["nonsurgical"]["risks"])),
            ),
            tuple(
                ReadyCheck(
                    self._text(k, ("sure_check", i, "question"), c["question"]),
                    self._text(k, ("sure_check", i, "if_no"), c["if_no"]),
                    self._sources(k, ("sure_check", i, "sources"), c["sources"]),
                )
                for i, c in enumerate(raw["sure_check"])
            ),
            tuple(raw.get("languages", ["en"])),
        )

    def _rule(self, at: tuple[Any, ...], raw: dict[str, Any]) -> Rule:
        k = "rules"
        if self.check and self.questions:
            self._check_condition(k, at + ("when",), raw["when"], known=self.questions)
        option_ids = (
            set(self.docs["options"].data["options"][i]["id"] for i in range(len(self.docs["options"].data["options"])))
            if self.check and "options" in self.docs
            else None
        )
        for i, oid in enumerate(raw.get("options", [])):
            if option_ids is not None and oid not in option_ids:
                self._report(k, at + ("options", i), f"unknown MIS option '{oid}'{did_you_mean(oid, option_ids)}")
        fits = []
        seen: set[tuple[str, str]] = set()
        for i, f in enumerate(raw.get("fit", [])):
            kind: Literal["set", "cap"] = "set" if "set" in f else "cap"
            if self.check and (f["approach"], kind) in seen:
                self._report(k, at + ("fit", i), f"two '{kind}' statements for {f['approach']} in one rule")
            seen.add((f["approach"], kind))
            fits.append(
                FitStatement(
                    f["approach"],
                    kind,
                    f[kind],
                    self._text(k, at + ("fit", i, "text"), f["text"]),
                    self._sources(k, at + ("fit", i, "sources"), f["sources"]),
                )
            )
        return Rule(
            raw["id"],
            raw.get("tier", "indication"),
            conditions.parse(raw["when"]),
            tuple(fits),
            tuple(raw.get("options", [])),
            tuple(self._cited(k, at + ("notes", i), c) for i, c in enumerate(raw.get("notes", []))),
            tuple(
                Urgent(
                    u["id"],
                    self._text(k, at + ("urgent", i, "text"), u["text"]),
                    self._sources(k, at + ("urgent", i, "sources"), u["sources"]),
                )
                for i, u in enumerate(raw.get("urgent", []))
            ),
            tuple(self._cited(k, at + ("ask", i), c) for i, c in enumerate(raw.get("ask", []))),
            self._points(at + ("benefits",), raw.get("benefits", [])),
            self._points(at + ("risks",), raw.get("risks", [])),
            tuple(self._cited(k, at + ("nonsurgical", i), c) for i, c in enumerate(raw.get("nonsurgical", []))),
            tuple(self._cited(k, at + ("key_points", i), c) for i, c in enumerate(raw.get("key_points", []))),
        )

    def _points(self, at: tuple[Any, ...], items: list[dict[str, Any]]) -> tuple[ApproachPoint, ...]:
        return tuple(
            ApproachPoint(
                item["approach"],
                self._text("rules", at + (i, "text"), item["text"]),
                self._sources("rules", at + (i, "sources"), item["sources"]),
            )
            for i, item in enumerate(items)
        )

    def _case(self, at: tuple[Any, ...], raw: dict[str, Any]) -> Case:
        k = "cases"
        answers: dict[str, Any] = {}
        if self.questions:
            questions = tuple(self.questions.values())
            answers, answer_problems = normalise_raw(questions, raw["answers"])
            for qpath, message in answer_problems:
                self._report(k, at + ("answers",) + qpath, message)
        option_ids = set()
        if self.check and "options" in self.docs:
            option_ids = {o["id"] for o in self.docs["options"].data["options"]}
        for i, oid in enumerate(raw["expected"]["options"]):
            if option_ids and oid not in option_ids:
                self._report(
                    k, at + ("expected", "options", i), f"unknown MIS option '{oid}'{did_you_mean(oid, option_ids)}"
                )
        return Case(
            raw["id"],
            self._text(k, at + ("title",), raw["title"]),
            Text.parse(raw["vignette"]),
            answers,
            dict(raw["expected"]["fit"]),
            tuple(raw["expected"]["options"]),
            raw["expected"]["urgent"],
            Text.parse(raw["teaching"]),
            self._sources(k, at + ("sources",), raw["sources"]),
        )

    def _check_condition(self, kind: str, at: tuple[Any, ...], raw: dict[str, Any], known: dict[str, Question]) -> None:
        for key in ("all", "any"):
            if key in raw:
                for i, item in enumerate(raw[key]):
                    self._check_condition(kind, at + (key, i), item, known)
                return
        if "not" in raw:
            self._check_condition(kind, at + ("not",), raw["not"], known)
            return
        qid = raw["q"]
        question = known.get(qid)
        if question is None:
            self._report(kind, at + ("q",), f"unknown question '{qid}'{did_you_mean(qid, known)}")
            return
        if question.echo_only:
            # what matters to the person is shown beside the sources; it must never change what they say
            message = f"'{qid}' is what matters to the person; rules and questions cannot depend on it"
            self._report(kind, at + ("q",), message)
            return
        if "in" in raw:
            if question.kind == "integer":
                self._report(kind, at + ("in",), f"'{qid}' is a number; use min/max, not a list of values")
                return
            for i, value in enumerate(raw["in"]):
                if value not in question.values:
                    self._report(
                        kind,
                        at + ("in", i),
                        f"'{value}' is not an answer to '{qid}'{did_you_mean(value, question.values)}",
                    )
        elif "min" in raw or "max" in raw:
            if question.kind != "integer":
                self._report(kind, at, f"'{qid}' is not a number; use 'in' with its values")
            elif "min" in raw and "max" in raw and raw["min"] > raw["max"]:
                self._report(kind, at + ("min",), "min is larger than max; this can never hold")
