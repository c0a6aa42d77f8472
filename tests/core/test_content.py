"""The shipped content: verified clean, and each rule family says what the sources say."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from misaid.core import Content, explain, load_content, normalise
from misaid.core.loader import KINDS
from misaid.core.paths import rules_dir
from misaid.core.verify import check

REGIONS = ("neck", "mid_back", "low_back")
CONDITIONS = (
    "herniated_disc",
    "stenosis",
    "worn_disc",
    "slipped_vertebra",
    "deformity",
    "fracture",
    "infection",
    "tumor",
    "failed_surgery",
)


def result(content: Content, **raw: Any) -> Any:
    return explain(content, normalise(content, raw))


def fits(content: Content, **raw: Any) -> dict[str, str]:
    return {a.id: a.fit for a in result(content, **raw).approaches}


def test_shipped_content_verifies_clean(content: Content) -> None:
    report = check(content)
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.combinations > 100_000_000  # the whole space, not a sample
    assert len(content.cases) >= 30


def test_every_file_names_its_schema_for_editors() -> None:
    for kind in KINDS:
        first = (Path(rules_dir()) / f"{kind}.yaml").read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{kind}.schema.json"


def test_version_and_review_are_carried_into_every_explanation(content: Content) -> None:
    version = result(content).rules_version
    assert content.meta.content_version in version and content.meta.last_reviewed in version
    assert content.meta.review_status in version


@pytest.mark.parametrize("case_id", [c.id for c in load_content(rules_dir()).cases])
def test_practice_case_agrees_with_engine(content: Content, case_id: str) -> None:
    case = next(c for c in content.cases if c.id == case_id)
    got = explain(content, case.answers)
    assert {a.id: a.fit for a in got.approaches} == dict(case.expected_fit)
    assert {o.id for o in got.mis_options} == set(case.expected_options)
    assert bool(got.urgent) == case.expected_urgent


@pytest.mark.parametrize("region, condition", list(itertools.product(REGIONS, CONDITIONS)))
def test_every_region_and_condition_has_its_own_indication(content: Content, region: str, condition: str) -> None:
    got = result(content, region=region, condition=condition)
    fired = {f.rule for f in got.fired}
    indications = {r.id for r in content.rules if r.tier == "indication" and any(s.kind == "set" for s in r.fit)}
    assert fired & indications, f"no indication rule for {region} x {condition}"
    for approach in got.approaches:
        assert approach.reasons, f"{approach.id} has no reason"
        assert all(r.sources for r in approach.reasons)


@pytest.mark.parametrize(
    "symptom, urgent_id", [("bladder_bowel", "cauda-equina"), ("fever_weight_loss", "infection-or-tumour")]
)
def test_red_flags_are_urgent_whatever_else_is_answered(content: Content, symptom: str, urgent_id: str) -> None:
    for region in (*REGIONS, "unsure"):
        got = result(content, region=region, symptoms=[symptom])
        assert urgent_id in [u.id for u in got.urgent]
        assert "lit-redflags" in {s for u in got.urgent for s in u.sources}


def test_no_urgent_note_without_a_red_flag(content: Content) -> None:
    assert not result(content, region="low_back", condition="stenosis", symptoms=["leg_pain", "walking_trouble"]).urgent


@pytest.mark.parametrize("condition", CONDITIONS)
def test_no_lateral_path_in_the_neck(content: Content, condition: str) -> None:
    assert fits(content, region="neck", condition=condition)["lateral"] == "unlikely"


@pytest.mark.parametrize("condition", ["worn_disc", "slipped_vertebra", "stenosis", "deformity", "failed_surgery"])
def test_lateral_path_does_not_reach_l5_s1(content: Content, condition: str) -> None:
    assert fits(content, region="low_back", level="l5_s1", condition=condition)["lateral"] == "unlikely"
    assert "lateral_interbody_fusion" not in [
        o.id for o in result(content, region="low_back", level="l5_s1", condition=condition).mis_options
    ]


def test_worn_disc_low_in_the_back_is_typically_reached_from_the_front(content: Content) -> None:
    assert fits(content, region="low_back", level="l5_s1", condition="worn_disc")["anterior"] == "typical"


@pytest.mark.parametrize("history", ["belly_surgery", "obesity"])
def test_front_path_is_limited_by_belly_surgery_and_obesity(content: Content, history: str) -> None:
    got = result(content, region="low_back", level="l5_s1", condition="worn_disc", history=[history])
    anterior = got.approach("anterior")
    assert anterior.fit == "possible"
    assert any(r.kind == "cap" for r in anterior.reasons)


def test_osteoporosis_limits_the_side_path(content: Content) -> None:
    plain = fits(content, region="low_back", level="l1_l4", condition="worn_disc")
    brittle = fits(content, region="low_back", level="l1_l4", condition="worn_disc", history=["osteoporosis"])
    assert plain["lateral"] == "typical" and brittle["lateral"] == "possible"


@pytest.mark.parametrize("region, condition", list(itertools.product(REGIONS, CONDITIONS)))
def test_at_80_and_over_nothing_is_typical(content: Content, region: str, condition: str) -> None:
    got = result(content, age=85, region=region, condition=condition)
    assert "typical" not in {a.fit for a in got.approaches}
    assert any("lit-elderly" in n.sources for n in got.notes)


def test_adolescent_curve_is_fused_from_the_back(content: Content) -> None:
    got = result(content, age=15, region="mid_back", alignment="sideways_curve", condition="deformity")
    assert got.approach("posterior").fit == "typical"
    assert "lit-young" in {s for a in got.approaches for r in a.reasons for s in r.sources}


def test_not_sure_of_the_region_leaves_every_route_open(content: Content) -> None:
    got = result(content, region="unsure")
    assert {a.fit for a in got.approaches} == {"unknown"}
    assert got.questions_for_surgeon


def test_earlier_spine_surgery_brings_up_revision_facts(content: Content) -> None:
    got = result(content, region="low_back", level="l4_l5", condition="failed_surgery", history=["spine_surgery"])
    assert "mi_tlif" in [o.id for o in got.mis_options]
    assert "lit-mitlif" in {s for n in got.notes for s in n.sources} | {
        s for a in got.approaches for r in a.reasons for s in r.sources
    }


def test_weak_evidence_is_called_weak(content: Content) -> None:
    got = result(content, age=75, region="low_back", condition="fracture", history=["osteoporosis"])
    assert "kyphoplasty_vertebroplasty" in [o.id for o in got.mis_options]
    words = " ".join(n.text.get("patient") for n in got.notes).lower()
    assert any(w in words for w in ("mixed", "disagree", "not clear", "unclear"))


def test_infection_starts_with_antibiotics(content: Content) -> None:
    got = result(content, region="low_back", condition="infection")
    assert "lit-infection" in {s for n in got.notes for s in n.sources} | {
        s for a in got.approaches for r in a.reasons for s in r.sources
    }


def test_every_statement_is_cited(content: Content) -> None:
    for case in content.cases:
        got = explain(content, case.answers)
        for group in (got.urgent, got.notes, got.questions_for_surgeon, got.mis_options):
            assert all(item.sources for item in group)
        assert all(r.sources for a in got.approaches for r in a.reasons)


SHARED = Path(__file__).resolve().parents[3] / "shared"


def _phrases(text: str, n: int = 7) -> set[str]:
    import re

    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared (the source documents) beside the repo")
def test_content_is_paraphrased_not_copied() -> None:
    import re

    # seven words in a row taken over from a source, or from the fact sheet's own summaries, count as copying
    sources = " ".join(p.read_text() for p in (SHARED / "seeds").glob("*.txt"))
    sources += re.split(r"## \d+\. Sources", (SHARED / "CLINICAL-FACTS.md").read_text())[0]
    copied = _phrases(sources)
    for path in Path(rules_dir()).glob("*.yaml"):
        if path.name != "sources.yaml":  # titles of the sources are quoted on purpose
            assert not _phrases(path.read_text()) & copied, path.name


def test_adult_lower_back_curve_is_typically_reached_from_the_side(content: Content) -> None:
    got = fits(content, age=68, region="low_back", level="several", alignment="sideways_curve", condition="deformity")
    assert got["lateral"] == "typical"
    assert fits(content, age=68, region="low_back", level="l5_s1", alignment="sideways_curve",
                condition="deformity")["lateral"] == "unlikely"


def test_a_slip_on_the_scan_counts_when_no_diagnosis_is_named(content: Content) -> None:
    named = fits(content, region="low_back", condition="slipped_vertebra")
    seen = fits(content, region="low_back", alignment="slipped_vertebra", condition="unsure")
    assert seen == named and named["posterior"] == "typical"
