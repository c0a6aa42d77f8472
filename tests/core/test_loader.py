"""Loading content: schema and cross-reference problems, all at once, located, with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from misaid.core import ContentError, load_content
from tests.mini_content import EditContent


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [str(p) for p in caught.value.problems]


def test_fixture_loads(mini_copy: Path) -> None:
    content = load_content(mini_copy)
    assert [q.id for q in content.questions] == ["age", "region", "level", "symptoms", "condition", "history"]
    assert content.meta.rules_version == "0.0.1 (reviewed 2026-01-02, draft)"


def test_problems_of_all_files_come_in_one_pass(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content(
        "rules.yaml",
        "sources: [src-b]}\n    options: [opt_back]",
        "sources: [src-c]}\n    options: [opt_bak]",
    )
    edit_content("options.yaml", "kind: tool", "kind: gadget")
    edit_content("questions.yaml", "{q: region, in: [low_back]}", "{q: regoin, in: [low_back]}")
    found = problems(mini_copy)
    joined = "\n".join(found)
    assert "options.yaml:4:" in joined and "gadget" in joined
    assert "questions.yaml:" in joined and "unknown question 'regoin' (did you mean 'region'?)" in joined
    # rules.yaml cannot be cross-checked against options.yaml while that file is broken, but its sources can
    assert "rules.yaml:" in joined and "unknown source 'src-c' (did you mean 'src-b'?)" in joined


def test_unknown_option_and_value_get_suggestions(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "options: [opt_back]", "options: [opt_bak]")
    edit_content("rules.yaml", "in: [herniated_disc]", "in: [herniated_disk]")
    joined = "\n".join(problems(mini_copy))
    assert "unknown MIS option 'opt_bak' (did you mean 'opt_back'?)" in joined
    assert "'herniated_disk' is not an answer to 'condition' (did you mean 'herniated_disc'?)" in joined


def test_problem_lines_point_at_the_culprit(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "options: [opt_back]", "options: [opt_bak]")
    found = problems(mini_copy)
    path, line, col, _ = found[0].split(":", 3)
    lines = (mini_copy / "rules.yaml").read_text().splitlines()
    assert path.endswith("rules.yaml")
    assert lines[int(line) - 1][int(col) - 1 :].startswith("opt_bak")


def test_duplicate_ids_are_reported(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "id: heavy-front", "id: very-old")
    assert any("duplicate id 'very-old'" in p for p in problems(mini_copy))


def test_unknown_keys_get_suggestions(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "    options: [opt_side, opt_back]", "    optoins: [opt_side, opt_back]")
    assert any("unknown key 'optoins' (did you mean 'options'?)" in p for p in problems(mini_copy))


def test_wrong_types_are_reported(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("questions.yaml", "min: 0", "min: zero")
    edit_content("sources.yaml", "year: 2020", 'year: "twenty"')
    joined = "\n".join(problems(mini_copy))
    assert "questions.yaml:4:10:" in joined and "'zero' is not of type 'integer'" in joined
    assert "sources.yaml:3:" in joined


def test_range_on_a_choice_question_is_an_error(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "when: {q: age, min: 80}", "when: {q: region, min: 80}")
    assert any("'region' is not a number" in p for p in problems(mini_copy))


def test_ask_when_may_only_look_back(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content(
        "questions.yaml",
        "ask_when: {q: region, in: [low_back]}",
        "ask_when: {q: condition, in: [worn_disc]}",
    )
    assert any("unknown question 'condition'" in p for p in problems(mini_copy))


def test_missing_file_and_missing_folder(mini_copy: Path, tmp_path: Path) -> None:
    (mini_copy / "cases.yaml").unlink()
    assert any("missing content file cases.yaml" in p for p in problems(mini_copy))
    assert any("rules folder not found" in p for p in problems(tmp_path / "nowhere"))


def test_hostile_content_file_is_refused_among_others(mini_copy: Path) -> None:
    (mini_copy / "sources.yaml").write_text("sources: !!python/object/new:os.system [echo]\n")
    (mini_copy / "meta.yaml").write_bytes(b"\x00\x01binary")
    joined = "\n".join(problems(mini_copy))
    assert "sources.yaml:1:" in joined and "not allowed" in joined
    assert "meta.yaml:1:" in joined and "binary" in joined


def test_case_answers_are_checked_against_the_vocabulary(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("cases.yaml", "age: 40", "age: 140")
    assert any("cases.yaml:" in p and "'age' must be between 0 and 120" in p for p in problems(mini_copy))


def test_every_approach_must_be_described(mini_copy: Path) -> None:
    text = (mini_copy / "approaches.yaml").read_text()
    (mini_copy / "approaches.yaml").write_text(text.split("  - id: posterior")[0])
    assert any("missing: posterior" in p for p in problems(mini_copy))


TEXT_SAMPLES = [
    {"en": "Hello"},
    {"en": "Hello", "es": "Hola"},
    {"patient": {"en": "a"}, "clinician": {"en": "b"}},
    {"en": ""},
    {"es": "Hola"},
    {"EN": "x"},
    {"en": 3},
    {"patient": {"en": "a"}},
    {"patient": {"en": "a"}, "clinician": {"en": "b"}, "extra": {"en": "c"}},
    {"patient": {"en": "a"}, "clinician": "b"},
    "just words",
    ["en", "x"],
    {"en": "x" * 2001},
]


@pytest.mark.parametrize("sample", TEXT_SAMPLES, ids=range(len(TEXT_SAMPLES)))
def test_fast_text_check_agrees_with_the_schema(sample: object) -> None:
    import json

    import jsonschema

    from misaid.core.loader import _validator_class
    from misaid.core.paths import shipped_rules_dir

    common = json.loads((shipped_rules_dir() / "schema" / "common.schema.json").read_text())
    by_schema = jsonschema.Draft202012Validator({**common, "$ref": "#/$defs/Text"}).is_valid(sample)
    by_keyword = _validator_class()({"misaidText": True}).is_valid(sample)
    assert by_schema == by_keyword


def test_literature_without_doi_or_pmid_is_refused(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("sources.yaml", ', doi: "10.1000/b.2020"', "")
    with pytest.raises(ContentError) as caught:
        load_content(mini_copy)
    found = str(caught.value)
    assert "sources.yaml:" in found and "literature source 'src-b' needs a doi or a pmid" in found


def test_a_rule_may_not_depend_on_what_matters_to_the_person(mini_copy: Path, edit_content: EditContent) -> None:
    with (mini_copy / "questions.yaml").open("a") as handle:
        handle.write(
            "  - id: priorities\n    kind: many\n    echo_only: true\n    text: {en: \"What matters?\"}\n"
            "    help: {en: \"Pick any.\"}\n    options:\n      - {value: small_scar, label: {en: \"Small scar\"}}\n"
        )
    edit_content("rules.yaml", "when: {q: history, in: [obesity]}", "when: {q: priorities, in: [small_scar]}")
    with pytest.raises(ContentError) as caught:
        load_content(mini_copy)
    assert "'priorities' is what matters to the person; rules and questions cannot depend on it" in str(caught.value)
