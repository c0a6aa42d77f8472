"""Properties over any input: answers, case codes, kiosk settings and damaged content files are either used
or refused with the project's own located errors, never another exception.

Hypothesis runs derandomized (the same examples every run) and without an example database, so CI is
reproducible and the checkout stays clean.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from misaid.core import Content, normalise
from misaid.core.answers import to_public
from misaid.core.casecode import ALPHABET, CodeError, decode, encode, pretty
from misaid.core.errors import AnswersError, ContentError, MisaidError, Problem
from misaid.core.kiosk import KioskSettings, load_settings
from misaid.core.loader import load_content
from misaid.core.paths import rules_dir
from misaid.core.safeyaml import YamlRefused, parse
from tests.hostile_inputs import LOCATED, SNIPPETS, YAML_SCALARS
from tests.mini_content import MINI

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# values of every JSON type, plus what YAML adds: huge numbers, nan and infinities (a number of more than
# 4,300 digits is built, not listed: Python cannot even write it out, so neither can Hypothesis's repr)
edges = st.builds(lambda: 10**5000) | st.sampled_from([-(10**400), float("nan"), float("inf"), "", "unsure"])
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | edges
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def assert_located(problems: list[Problem]) -> None:
    assert problems, "a refusal must say what is wrong"
    for problem in problems:
        assert LOCATED.match(str(problem)), str(problem)


# --- answers ---------------------------------------------------------------------------------------------
def answer_dicts(content: Content) -> st.SearchStrategy[Any]:
    ids = [q.id for q in content.questions]
    values = [v for q in content.questions for v in q.values]
    plausible = st.sampled_from(values) | st.lists(st.sampled_from(values) | edges, max_size=4) | edges | json_values
    keys = st.sampled_from(ids) | st.text(max_size=10) | edges | st.integers()
    return st.dictionaries(keys, plausible, max_size=8) | json_values


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content(rules_dir())


def test_any_answers_are_used_or_refused_with_located_problems(shipped: Content) -> None:
    @FAST
    @given(answer_dicts(shipped))
    def check(raw: Any) -> None:
        try:
            answers = normalise(shipped, raw)
        except AnswersError as error:
            assert_located(error.problems)
        else:
            assert set(answers) == {q.id for q in shipped.questions}

    check()


def test_answers_files_point_at_the_line_of_each_problem(shipped: Content) -> None:
    @FAST
    @given(answer_dicts(shipped))
    def check(raw: Any) -> None:
        import json

        try:
            text = json.dumps(raw, indent=1)  # an answers file as the CLI reads it (JSON is YAML)
        except ValueError:
            return  # no JSON for a number this long; YAML refusing one is tested with the settings
        try:
            doc = parse(text, "answers.json")
            normalise(shipped, doc.data if doc.data is not None else {}, doc.path, doc)
        except (AnswersError, YamlRefused) as error:
            assert_located(error.problems)
            lines = text.count("\n") + 1
            assert all(p.path == "answers.json" and p.line <= lines for p in error.problems)

    check()


# --- case codes ------------------------------------------------------------------------------------------
def valid_answers(content: Content) -> st.SearchStrategy[dict[str, Any]]:
    """Raw answers within the vocabulary, for any question (normalise then clears what does not apply)."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for q in content.questions:
        if q.kind == "integer":
            fields[q.id] = st.none() | st.integers(q.minimum or 0, q.maximum if q.maximum is not None else 120)
        elif q.kind == "one":
            fields[q.id] = st.sampled_from(q.values)
        else:
            plain = [v for v in q.values if v != "unsure"]
            fields[q.id] = st.lists(st.sampled_from(plain), unique=True) | st.just(["unsure"])
    return st.fixed_dictionaries({}, optional=fields)


def test_every_valid_answer_set_survives_its_case_code(shipped: Content) -> None:
    @FAST
    @given(valid_answers(shipped))
    def check(raw: dict[str, Any]) -> None:
        answers = normalise(shipped, raw)
        code = encode(answers)
        assert normalise(shipped, decode(pretty(code))) == answers, to_public(shipped, answers)
        assert normalise(shipped, decode(code.lower())) == answers

    check()


@FAST
@given(st.text(max_size=20) | st.text(alphabet=ALPHABET + "-0OIL1 ", min_size=1, max_size=16))
def test_any_typed_code_decodes_or_says_why_not(text: str) -> None:
    try:
        decode(text)
    except CodeError as error:
        assert str(error)


# --- kiosk settings ---------------------------------------------------------------------------------------
SETTING_KEYS = ["pin_hash", "idle_seconds", "countdown_seconds", "printer"]


@st.composite
def settings_files(draw: st.DrawFn) -> str:
    """Settings as a person (or an attacker) might write them, line by line."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(SETTING_KEYS + ["<<", "idle", "x"]) | st.text(max_size=6))
        value = draw(st.sampled_from(YAML_SCALARS) | st.integers().map(str) | st.floats().map(repr)
                     | st.text(max_size=12))
        lines.append(f"{key}: {value}")
    if draw(st.booleans()):
        lines.insert(0, draw(st.sampled_from(["base: &a {idle_seconds: 30}", "<<: *a", "- 1", "%YAML 1.1\n---"])))
    return "\n".join(lines) + "\n"


def test_any_settings_file_is_used_or_refused_with_file_line_col(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"

    @FAST
    @given(settings_files() | st.text(max_size=80))
    @example("idle_seconds: 90\x08\n")  # a control character once gave a two-line message
    def check(text: str) -> None:
        config.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            result = load_settings(config, environ={})
        except MisaidError as error:
            assert_located(error.problems)
            assert all(p.path == str(config) for p in error.problems)
        else:
            assert isinstance(result, KioskSettings)

    check()


@FAST
@given(st.dictionaries(st.sampled_from(["MISAID_STAFF_PIN_HASH", "MISAID_IDLE_SECONDS", "MISAID_COUNTDOWN_SECONDS",
                                        "MISAID_PRINTER"]),
                       st.sampled_from(YAML_SCALARS + ["90", "30", " 45 ", "٩٠"]) | st.text(min_size=1, max_size=30)))
def test_any_settings_from_the_environment_are_used_or_refused_by_name(environ: dict[str, str]) -> None:
    try:
        load_settings(None, environ=environ)
    except MisaidError as error:
        assert_located(error.problems)
        assert all(p.path.lstrip("$") in environ for p in error.problems)


# --- damaged content files --------------------------------------------------------------------------------
@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str, Any]:
    name = draw(st.sampled_from(sorted(p.name for p in MINI.glob("*.yaml"))))
    how = draw(st.sampled_from(["flip", "truncate", "insert"]))
    if how == "flip":
        detail: Any = draw(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                                    min_size=1, max_size=8))
    elif how == "truncate":
        detail = draw(st.floats(0, 1))
    else:
        detail = (draw(st.floats(0, 1)), draw(st.sampled_from(SNIPPETS)), draw(st.integers(0, 8)))
    return name, how, detail


def mutate(data: bytes, how: str, detail: Any) -> bytes:
    if how == "flip":
        buffer = bytearray(data)
        for where, value in detail:
            buffer[int(where * len(buffer))] = value
        return bytes(buffer)
    if how == "truncate":
        return data[: int(detail * len(data))]
    where, snippet, indent = detail
    lines = data.split(b"\n")
    at = int(where * len(lines))
    block = b"\n".join(b" " * indent + line for line in snippet.encode().split(b"\n"))
    return b"\n".join(lines[:at] + [block] + lines[at:])


@pytest.mark.parametrize("source", [MINI, rules_dir()], ids=["mini", "rules"])
def test_damaged_content_is_refused_with_located_problems(source: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "rules"
        shutil.copytree(source, folder)
        originals = {p.name: p.read_bytes() for p in folder.glob("*.yaml")}

        @settings(max_examples=100 if source == MINI else 40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow])
        @given(mutations())
        def check(mutation: tuple[str, str, Any]) -> None:
            name, how, detail = mutation
            target = folder / name
            if name not in originals:
                return
            target.write_bytes(mutate(originals[name], how, detail))
            try:
                load_content(folder)
            except ContentError as error:
                assert_located(error.problems)
            finally:
                target.write_bytes(originals[name])

        check()
