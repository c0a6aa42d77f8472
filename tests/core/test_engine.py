"""The engine and its combining policy, on the small fixture content."""

from __future__ import annotations

from typing import Any

import pytest

from misaid.core import Content, explain, normalise
from misaid.core.engine import cap


def fits(content: Content, **raw: Any) -> dict[str, str]:
    result = explain(content, normalise(content, raw))
    return {a.id: a.fit for a in result.approaches}


def test_baseline_gives_an_honest_default(mini: Content) -> None:
    assert fits(mini, region="neck") == {"anterior": "unknown", "lateral": "unknown", "posterior": "unknown"}


def test_indication_outranks_baseline(mini: Content) -> None:
    assert fits(mini, region="low_back", condition="herniated_disc") == {
        "anterior": "unlikely",
        "lateral": "unlikely",
        "posterior": "typical",
    }


def test_a_limitation_caps_a_suggestion(mini: Content) -> None:
    got = fits(mini, region="low_back", level="l5_s1", condition="worn_disc", history=["obesity"])
    assert got == {"anterior": "possible", "lateral": "unlikely", "posterior": "possible"}


def test_unlikely_cap_settles_unknown_but_possible_cap_does_not(mini: Content) -> None:
    assert cap("unknown", "unlikely") == "unlikely"
    assert cap("unknown", "possible") == "unknown"
    assert cap("typical", "possible") == "possible"
    assert cap("unlikely", "possible") == "unlikely"
    got = fits(mini, age=85, region="neck")
    assert got["anterior"] == "unlikely" and got["posterior"] == "unknown"


def test_rule_order_in_the_file_does_not_matter(mini: Content) -> None:
    from misaid.core.record import replace

    answers = normalise(
        mini, {"age": 82, "region": "low_back", "level": "l5_s1", "condition": "worn_disc", "history": ["obesity"]}
    )
    forward = explain(mini, answers).to_dict()
    backward = explain(replace(mini, rules=tuple(reversed(mini.rules))), answers).to_dict()
    assert [(a["id"], a["fit"]) for a in forward["approaches"]] == [(a["id"], a["fit"]) for a in backward["approaches"]]


def test_disagreeing_suggestions_give_unknown_and_keep_both_reasons(mini: Content) -> None:
    from misaid.core.conditions import InValues
    from misaid.core.model import FitStatement, Rule, Text
    from misaid.core.record import replace

    contrary = Rule(
        "contrary",
        "indication",
        InValues("condition", frozenset({"herniated_disc"})),
        (FitStatement("posterior", "set", "unlikely", Text.plain("No."), ("src-b",)),),
    )
    content = replace(mini, rules=mini.rules + (contrary,))
    result = explain(content, normalise(content, {"region": "low_back", "condition": "herniated_disc"}))
    posterior = result.approach("posterior")
    assert posterior.fit == "unknown" and not posterior.settled
    assert {r.rule for r in posterior.reasons} == {"low-back-disc", "contrary"}


def test_all_three_approaches_are_listed_most_fitting_first(mini: Content) -> None:
    result = explain(mini, normalise(mini, {"region": "low_back", "condition": "herniated_disc"}))
    assert [a.id for a in result.approaches] == ["posterior", "anterior", "lateral"]


def test_options_follow_their_approach(mini: Content) -> None:
    worn = explain(mini, normalise(mini, {"region": "low_back", "condition": "worn_disc"}))
    assert [o.id for o in worn.mis_options] == ["opt_back", "opt_side", "opt_tool"]
    blocked = explain(mini, normalise(mini, {"region": "low_back", "level": "l5_s1", "condition": "worn_disc"}))
    assert "opt_side" not in [o.id for o in blocked.mis_options]  # lateral is unlikely at L5-S1


def test_red_flag_gives_urgent_and_sources(mini: Content) -> None:
    result = explain(mini, normalise(mini, {"symptoms": ["bladder_bowel", "leg_pain"]})).to_dict()
    assert [u["id"] for u in result["urgent"]] == ["cauda-equina"]
    assert "red-flag" in result["fired_rules"]
    assert result["questions_for_surgeon"] == ["Is this an emergency?", "What happens if I wait?"]
    assert [s["id"] for s in result["sources"]] == ["src-a", "src-b"]


def test_json_shape_matches_the_design(mini: Content) -> None:
    result = explain(mini, normalise(mini, {"age": 50, "region": "low_back"})).to_dict("clinician")
    for key in (
        "rules_version",
        "answers",
        "urgent",
        "approaches",
        "mis_options",
        "notes",
        "surgeon_prompt",
        "questions_for_surgeon",
        "fired_rules",
        "sources",
    ):
        assert key in result
    assert result["answers"] == {
        "age": 50,
        "region": "low_back",
        "level": "unsure",
        "symptoms": [],
        "condition": "unsure",
        "history": [],
    }
    assert result["approaches"][0].keys() >= {"id", "fit", "reasons"}
    assert result["approaches"][0]["reasons"][0].keys() >= {"text", "sources", "rule"}
    assert result["trace"][0] == {"rule": "baseline", "why": "region in [low_back, neck, unsure]"}


def test_audience_changes_wording_not_decisions(mini: Content) -> None:
    answers = normalise(mini, {"region": "low_back", "condition": "herniated_disc"})
    patient, clinician = explain(mini, answers).to_dict("patient"), explain(mini, answers).to_dict("clinician")
    assert patient["approaches"][0]["fit_label"] == "Often used"
    assert clinician["approaches"][0]["fit_label"] == "Typical"
    assert [a["fit"] for a in patient["approaches"]] == [a["fit"] for a in clinician["approaches"]]


def test_explain_is_pure(mini: Content) -> None:
    answers = normalise(mini, {"age": 81, "region": "low_back", "symptoms": ["bladder_bowel"]})
    assert explain(mini, answers) == explain(mini, answers)


@pytest.mark.parametrize("age, expected", [(79, "typical"), (80, "possible"), (None, "typical")])
def test_age_boundaries(mini: Content, age: int | None, expected: str) -> None:
    assert fits(mini, age=age, region="low_back", condition="herniated_disc")["posterior"] == expected
