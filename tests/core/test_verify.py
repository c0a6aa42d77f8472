"""`check` finds what validation cannot: gaps, unsettled disagreements, dead rules, stale cases."""

from __future__ import annotations

from pathlib import Path

from misaid.core import Content, load_content
from misaid.core.verify import Space, check
from tests.mini_content import EditContent

NEVER = "{all: [{q: region, in: [neck]}, {q: level, in: [l5_s1]}]}"


def messages(folder: Path) -> str:
    return "\n".join(str(p) for p in check(load_content(folder)).problems)


def test_fixture_content_is_clean_and_the_space_is_counted(mini: Content) -> None:
    report = check(mini)
    assert report.ok, report.problems
    # ages (122) x region/level (low_back x 3 levels, neck, unsure) x symptoms (5) x condition (3) x history (3)
    assert report.combinations == 122 * 5 * 5 * 3 * 3
    assert 0 < report.cells < report.combinations


def test_space_partitions_by_what_rules_distinguish(mini: Content) -> None:
    space = Space(mini)
    ages = [(k.representative, k.count) for k in space.classes[0]]
    assert ages == [(0, 80), (80, 41), (None, 1)]


def test_gap_is_found_when_a_baseline_is_missing(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "in: [neck, low_back, unsure]", "in: [low_back, unsure]")
    found = messages(mini_copy)
    assert "anterior: no rule sets its fit" in found and "region=neck" in found


def test_unsettled_disagreement_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content(
        "rules.yaml",
        '{approach: posterior, set: possible, text: {en: "Back works."}',
        '{approach: posterior, set: unlikely, text: {en: "Back works."}',
    )
    with (mini_copy / "rules.yaml").open("a") as handle:
        handle.write(
            "  - id: worn-back\n    when: {q: condition, in: [worn_disc]}\n    fit:\n"
            '      - {approach: posterior, set: typical, text: {en: "Yes."}, sources: [src-b]}\n'
        )
    found = messages(mini_copy)
    assert "posterior: 'worn-back' says typical but 'low-back-worn' says unlikely (indication tier, unsettled" in found


def test_rule_that_can_never_fire_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "when: {q: level, in: [l5_s1]}", f"when: {NEVER}")
    found = messages(mini_copy)
    assert "rule 'l5-s1-no-lateral' can never fire" in found
    assert "rules.yaml:" in found


def test_unused_option_and_source_are_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("rules.yaml", "options: [opt_tool]", 'notes: [{text: {en: "Hi."}, sources: [src-a]}]')
    with (mini_copy / "sources.yaml").open("a") as handle:
        handle.write('  - {id: src-z, kind: seed, title: "Z", journal: "Z"}\n')
    found = messages(mini_copy)
    assert "MIS option 'opt_tool' is never brought up" in found
    assert "source 'src-z' is never cited" in found


def test_practice_case_disagreeing_with_engine_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("cases.yaml", "posterior: typical", "posterior: possible")
    edit_content("cases.yaml", "options: [opt_back, opt_tool]", "options: [opt_back, opt_side]")
    found = messages(mini_copy)
    assert "practice case 'case-disc' disagrees with the engine: posterior is typical, expected possible" in found
    assert "extra ['opt_tool']" in found and "missing ['opt_side']" in found


def test_hard_patient_text_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content(
        "rules.yaml",
        'text: {en: "Try care without surgery first."}',
        'text: {en: "Conservative multidisciplinary management incorporating physiotherapeutic rehabilitation '
        'and pharmacological analgesia is recommended preoperatively."}',
    )
    found = messages(mini_copy)
    assert "patient text reads at grade" in found and "(limit 8)" in found


def test_missing_care_without_surgery_is_found(mini_copy: Path) -> None:
    text = (mini_copy / "rules.yaml").read_text()
    lines = [line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("nonsurgical:")]
    (mini_copy / "rules.yaml").write_text("".join(lines))
    assert "care without surgery is missing for" in messages(mini_copy)


def test_a_route_that_may_be_used_without_its_risks_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    for risk in ("The side route can numb the thigh.", "Some risk."):
        edit_content("rules.yaml", f'      - {{approach: lateral, text: {{en: "{risk}"}}, sources: [src-b]}}\n', "")
    found = messages(mini_copy)
    assert "lateral: no risks are given for" in found and "where it is typical or possible" in found
    assert "lateral: no benefits" not in found


def test_a_text_missing_a_language_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    edit_content("meta.yaml", 'review_status: draft', 'review_status: draft\nlanguages: [en, es]')
    found = messages(mini_copy)
    assert "no Spanish (es) patient wording for: Talk it over with your surgeon." in found
    edit_content("meta.yaml", 'text: {en: "Talk it over with your surgeon."}',
                 'text: {en: "Talk it over with your surgeon.", es: "Háblelo con su cirujano."}')
    assert "Talk it over with your surgeon." not in messages(mini_copy)


def test_hard_spanish_patient_text_is_found(mini_copy: Path, edit_content: EditContent) -> None:
    hard = ("La descompresión microquirúrgica interlaminar bilateral mediante abordaje unilateral proporciona "
            "resultados funcionales comparables minimizando la desestabilización iatrogénica segmentaria.")
    edit_content("meta.yaml", "review_status: draft", "review_status: draft\nlanguages: [en, es]")
    edit_content("meta.yaml", 'text: {en: "Talk it over with your surgeon."}',
                 f'text: {{en: "Talk it over with your surgeon.", es: "{hard}"}}')
    assert "Spanish patient text reads at" in messages(mini_copy)
    easy = "Hable con su cirujano. Pregunte lo que quiera saber. Puede traer a alguien de su familia."
    edit_content("meta.yaml", hard, easy)
    assert "Spanish patient text reads at" not in messages(mini_copy)
