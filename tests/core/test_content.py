"""The shipped content: verified clean, and each rule family says what the sources say."""

from __future__ import annotations

import itertools
import re
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
    assert len(content.cases) >= 50


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


@pytest.mark.parametrize("region, condition", list(itertools.product(REGIONS, CONDITIONS)))
def test_at_80_and_over_nothing_is_typical(content: Content, region: str, condition: str) -> None:
    got = result(content, age=85, region=region, condition=condition)
    assert "typical" not in {a.fit for a in got.approaches}
    assert {"lit-elderly-rodgers", "lit-elderly-vasilikos"} <= {s for n in got.notes for s in n.sources}


def test_adolescent_curve_is_fused_from_the_back(content: Content) -> None:
    got = result(content, age=15, region="mid_back", alignment="sideways_curve", condition="deformity")
    assert got.approach("posterior").fit == "typical"
    assert "lit-ais-mis" in {s for a in got.approaches for r in a.reasons for s in r.sources}


def test_not_sure_of_the_region_leaves_every_route_open(content: Content) -> None:
    got = result(content, region="unsure")
    assert {a.fit for a in got.approaches} == {"unknown"}
    assert got.questions_for_surgeon


def test_earlier_spine_surgery_brings_up_revision_facts(content: Content) -> None:
    got = result(content, region="low_back", level="l4_l5", condition="failed_surgery", history=["spine_surgery"])
    assert "mi_tlif" in [o.id for o in got.mis_options]
    assert "lit-mitlif-karikari" in {s for n in got.notes for s in n.sources} | {
        s for a in got.approaches for r in a.reasons for s in r.sources
    }


def test_weak_evidence_is_called_weak(content: Content) -> None:
    got = result(content, age=75, region="low_back", condition="fracture", history=["osteoporosis"])
    assert "kyphoplasty_vertebroplasty" in [o.id for o in got.mis_options]
    words = " ".join(n.text.get("patient") for n in got.notes).lower()
    assert any(w in words for w in ("mixed", "disagree", "not clear", "unclear"))


def test_every_statement_is_cited(content: Content) -> None:
    for case in content.cases:
        got = explain(content, case.answers)
        for group in (got.urgent, got.notes, got.nonsurgical, got.questions_for_surgeon, got.mis_options):
            assert all(item.sources for item in group)
        assert all(p.sources for a in got.approaches for p in a.benefits + a.risks)
        assert all(r.sources for a in got.approaches for r in a.reasons)


SHARED = Path(__file__).resolve().parents[3] / "shared"


def _phrases(text: str, n: int = 7) -> set[str]:
    import re

    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared (the source documents) beside the repo")
def test_content_is_paraphrased_not_copied() -> None:
    # seven words in a row taken over from a source, or from the fact sheet's own summaries, count as copying
    sources = " ".join(p.read_text() for p in (SHARED / "seeds").glob("*.txt"))
    sources += re.split(r"## \d+\. Sources", (SHARED / "CLINICAL-FACTS.md").read_text())[0]
    copied = _phrases(sources)
    for path in Path(rules_dir()).glob("*.yaml"):
        if path.name != "sources.yaml":  # titles of the sources are quoted on purpose
            assert not _phrases(path.read_text()) & copied, path.name


def test_degenerative_curve_rules_are_for_older_adults(content: Content) -> None:
    # v1 fired adult degenerative scoliosis rules for a 20-year-old, and called the side route typical
    curve = {"region": "low_back", "level": "several", "alignment": "sideways_curve", "condition": "deformity"}
    older, young = result(content, age=68, **curve), result(content, age=20, **curve)
    assert older.approach("lateral").fit == "possible"
    assert "lateral_interbody_fusion" in [o.id for o in older.mis_options]
    assert "typical" not in {a.fit for a in young.approaches}
    assert "lateral_interbody_fusion" not in [o.id for o in young.mis_options]
    assert "lit-ads-mcaviney" in {s for n in (*older.notes, *older.nonsurgical) for s in n.sources} | {
        s for a in older.approaches for r in a.reasons for s in r.sources
    }


def test_a_child_with_a_slip_is_not_given_adult_fusion_options(content: Content) -> None:
    got = result(content, age=12, region="low_back", level="l5_s1", alignment="slipped_vertebra",
                 condition="slipped_vertebra", symptoms=["back_pain"])
    assert "typical" not in {a.fit for a in got.approaches}
    assert not {"mi_tlif", "alif", "lateral_interbody_fusion"} & {o.id for o in got.mis_options}


def test_fusion_for_back_pain_alone_is_contested(content: Content) -> None:
    # v1 called fusion from the front typical for back pain from a worn disc
    for level in ("l1_l4", "l4_l5", "l5_s1"):
        got = result(content, region="low_back", level=level, condition="worn_disc", symptoms=["back_pain"])
        assert "typical" not in {a.fit for a in got.approaches}
        cited = {s for a in got.approaches for r in a.reasons for s in r.sources}
        cited |= {s for n in got.notes for s in n.sources}
        assert {"lit-nice-ng59", "lit-fusion-eck"} <= cited
        words = " ".join(n.text.get("patient") for n in got.notes).lower()
        assert "disagree" in words
        assert got.nonsurgical


def test_no_disc_operation_for_back_pain_alone(content: Content) -> None:
    # v1 offered discectomy as typical when only back pain was ticked
    got = result(content, region="low_back", level="l4_l5", condition="herniated_disc", symptoms=["back_pain"])
    assert "typical" not in {a.fit for a in got.approaches}
    assert not {"tubular_discectomy", "endoscopic_discectomy"} & {o.id for o in got.mis_options}
    sciatica = result(content, region="low_back", level="l4_l5", condition="herniated_disc", symptoms=["leg_pain"])
    assert sciatica.approach("posterior").fit == "typical"


@pytest.mark.parametrize(
    "raw",
    [
        {"age": 34, "region": "low_back", "level": "l1_l4", "condition": "fracture", "symptoms": ["back_pain"]},
        {"age": 34, "region": "mid_back", "condition": "fracture", "symptoms": ["back_pain"]},
        {"age": 82, "region": "low_back", "level": "l1_l4", "condition": "fracture", "history": ["osteoporosis"]},
        {"age": 82, "region": "mid_back", "condition": "fracture", "history": ["osteoporosis"]},
    ],
)
def test_surgery_and_cement_for_fractures_are_at_most_possible(content: Content, raw: dict[str, Any]) -> None:
    got = result(content, **raw)
    assert "typical" not in {a.fit for a in got.approaches}
    if "osteoporosis" in raw.get("history", []):
        assert "kyphoplasty_vertebroplasty" in [o.id for o in got.mis_options]
        cited = {s for a in got.approaches for r in a.reasons for s in r.sources}
        assert {"lit-vp-buchbinder", "lit-vp-kallmes", "lit-vp-cochrane"} <= cited
    else:
        assert "lit-burst-wood2015" in {s for a in got.approaches for r in a.reasons for s in r.sources} | {
            s for n in got.nonsurgical for s in n.sources
        }


def test_the_back_route_treats_cord_compression_in_a_normally_curved_neck(content: Content) -> None:
    # v1 said the back route in the neck cannot reach central narrowing
    got = result(content, age=63, region="neck", condition="stenosis", alignment="normal", symptoms=["walking_trouble"])
    assert got.approach("posterior").fit in ("typical", "possible")
    assert "lit-csm-wfns" in {s for r in got.approach("posterior").reasons for s in r.sources}
    assert "posterior_cervical_foraminotomy" not in [o.id for o in got.mis_options]


def test_front_routes_to_the_mid_back_are_not_ruled_out(content: Content) -> None:
    # v1 ruled out transthoracic and thoracoscopic routes
    for condition in ("herniated_disc", "fracture", "tumor"):
        got = result(content, region="mid_back", condition=condition, symptoms=["back_pain"])
        assert got.approach("anterior").fit != "unlikely", condition


def test_a_slip_on_the_scan_counts_when_no_diagnosis_is_named(content: Content) -> None:
    named = fits(content, region="low_back", condition="slipped_vertebra")
    seen = fits(content, region="low_back", alignment="slipped_vertebra", condition="unsure")
    assert seen == named and named["posterior"] == "typical"


# --- content v2 (issue 7): red flags, balance, corrections, sources, priorities -------------------------

URGENT_CASES = [
    ({"region": "low_back", "symptoms": ["bladder_bowel"]}, "cauda-equina"),
    ({"region": "unsure", "symptoms": ["bladder_bowel"]}, "cauda-equina"),
    ({"region": "neck", "symptoms": ["bladder_bowel"]}, "cord-compression"),
    ({"region": "mid_back", "symptoms": ["bladder_bowel"]}, "cord-compression"),
    ({"region": "low_back", "symptoms": ["getting_weaker"]}, "getting-weaker"),
    ({"region": "neck", "symptoms": ["getting_weaker"]}, "getting-weaker"),
    ({"region": "mid_back", "symptoms": ["fever_weight_loss"]}, "infection-or-tumour"),
    ({"region": "unsure", "symptoms": ["fever_weight_loss"]}, "infection-or-tumour"),
    ({"region": "mid_back", "condition": "tumor", "symptoms": ["numbness_weakness"]}, "cancer-cord-compression"),
    ({"region": "low_back", "history": ["cancer"], "symptoms": ["leg_pain", "numbness_weakness"]},
     "cancer-cord-compression"),
    ({"region": "neck", "history": ["cancer"], "symptoms": ["walking_trouble"]}, "cancer-cord-compression"),
    ({"region": "low_back", "condition": "infection", "symptoms": ["numbness_weakness"]}, "infection-with-weakness"),
]


@pytest.mark.parametrize("raw, urgent_id", URGENT_CASES)
def test_red_flags_v2_are_urgent_and_say_what_to_do_now(content: Content, raw: dict[str, Any], urgent_id: str) -> None:
    got = result(content, **raw)
    urgent = {u.id: u for u in got.urgent}
    assert urgent_id in urgent
    patient = urgent[urgent_id].text.get("patient").lower()
    assert "staff at the desk" in patient and "emergency department today" in patient
    assert urgent[urgent_id].text.get("clinician") != urgent[urgent_id].text.get("patient")


def test_tumour_with_new_weakness_is_urgent_but_without_it_is_not(content: Content) -> None:
    # v1 content let a tumour with new leg weakness through as a planned problem
    weak = result(content, age=66, region="mid_back", condition="tumor", symptoms=["back_pain", "numbness_weakness"])
    calm = result(content, age=66, region="mid_back", condition="tumor", symptoms=["back_pain"])
    assert weak.urgent and not calm.urgent


def test_bladder_option_names_being_unable_to_pee_and_saddle_numbness(content: Content) -> None:
    label = content.question("symptoms").choice("bladder_bowel").label.get("patient").lower()
    assert "can't pee" in label and "between my legs" in label


def test_the_disc_is_not_called_slipped_or_bulging(content: Content) -> None:
    label = content.question("condition").choice("herniated_disc").label.get("patient").lower()
    assert "slipped" not in label and "bulging" not in label


def test_care_without_surgery_and_both_sides_of_every_route_are_given(content: Content) -> None:
    for region, condition in itertools.product((*REGIONS, "unsure"), (*CONDITIONS, "unsure")):
        got = result(content, region=region, condition=condition, symptoms=["back_pain"])
        assert not got.urgent and got.nonsurgical, (region, condition)
        assert all(n.sources for n in got.nonsurgical)
        for approach in got.approaches:
            if approach.fit in ("typical", "possible"):
                assert approach.benefits and approach.risks, (region, condition, approach.id)
                assert all(p.sources for p in approach.benefits + approach.risks)


def test_json_carries_the_v2_fields_across_the_space(content: Content) -> None:
    # the verification proves coverage over every cell; this walks a wide slice of it through the JSON itself
    cited = set(content.sources)
    for region, condition, symptom, history in itertools.product(
        (*REGIONS, "unsure"),
        (*CONDITIONS, "unsure"),
        ("back_pain", "leg_pain", "numbness_weakness", "getting_weaker", "bladder_bowel", "fever_weight_loss"),
        ("obesity", "cancer", "recent_injury", "osteoporosis"),
    ):
        raw = {"age": 70, "region": region, "condition": condition, "symptoms": [symptom], "history": [history],
               "priorities": ["fewest_risks"]}
        data = explain(content, normalise(content, raw)).to_dict("patient")
        assert data["answers"]["priorities"] == ["fewest_risks"]
        about = data["nonsurgical"]
        assert set(about) == {"name", "points", "risks", "involves", "fit", "recovery"} and about["name"]
        assert data["urgent"] or (about["points"] and about["risks"] and about["involves"]["text"]), raw
        # a calm result opens with at least three key points for these very answers
        assert data["urgent"] or len(data["key_points"]) >= 3, raw
        for approach in data["approaches"]:
            assert "benefits" in approach and "risks" in approach and approach["recovery"]["text"]
            if approach["fit"] in ("typical", "possible"):
                assert approach["benefits"] and approach["risks"], (raw, approach["id"])
        for source in data["sources"]:
            assert source["id"] in cited and source["kind"] in ("seed", "literature", "guideline", "web")
            assert source["title"] and source["journal"]
            if source["kind"] == "literature":
                assert source.get("doi") or source.get("pmid"), source["id"]


def test_every_literature_source_can_be_looked_up(content: Content) -> None:
    looked_up = [s for s in content.sources.values() if s.kind == "literature"]
    assert len(looked_up) >= 60
    assert all((s.doi or s.pmid) and s.link.startswith("https://") for s in looked_up)
    assert all(s.url for s in content.sources.values() if s.kind in ("guideline", "web"))


def test_priorities_never_change_a_fit_or_an_urgent_note(content: Content) -> None:
    from misaid.core import conditions as c

    echo = [q.id for q in content.questions if q.echo_only]
    assert echo == ["priorities"]
    # structurally: no rule and no question condition reads them (the loader refuses it, test_loader proves that) ...
    every = [r.when for r in content.rules] + [q.ask_when for q in content.questions if q.ask_when is not None]
    assert not {a.question for cond in every for a in c.atoms(cond)} & set(echo)
    # ... and so, for any answers, every choice of priorities gives the same fits and urgent notes
    values = [v for v in content.question("priorities").values if v != "unsure"]
    for case in content.cases:
        base = explain(content, case.answers)
        for n in (1, 2, len(values)):
            for chosen in itertools.combinations(values, n):
                got = explain(content, {**case.answers, "priorities": frozenset(chosen)})
                assert [(a.id, a.fit) for a in got.approaches] == [(a.id, a.fit) for a in base.approaches]
                assert got.urgent == base.urgent


ACRONYM = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]+)*\b")
# known to everyone, or MIS (CMI) explained in the note every located result carries
PLAIN = {"I", "UK", "US", "MRI", "MIS", "CMI", "EE", "UU"}  # CMI: MIS in Spanish; EE. UU.: US


def test_acronyms_in_patient_text_are_explained_where_they_stand(content: Content) -> None:
    # an acronym stands in brackets beside its plain words, or after "called", in every language
    texts = [(where, words.patient.get(language, "")) for where, words in content.texts
             for language in content.meta.languages]
    for (path, line, _col), text in texts:
        bracketed = " ".join(re.findall(r"\(([^)]*)\)", text))
        for acronym in set(ACRONYM.findall(text)) - PLAIN:
            assert acronym in bracketed or re.search(rf"(called|llamad[ao]) {acronym}", text), (
                f"{path}:{line}: {acronym} in {text[:60]}")


def test_mis_versus_open_is_stated_with_its_limits(content: Content) -> None:
    got = result(content, region="low_back", condition="stenosis")
    words = " ".join(n.text.get("patient") for n in got.notes).lower()
    assert "x-ray" in words and "about the same" in words and "first" in words
    cited = {s for n in got.notes for s in n.sources}
    assert {"lit-misopen-goldstein", "lit-learning-sclafani"} <= cited


def test_infection_is_found_first_then_treated_six_to_twelve_weeks(content: Content) -> None:
    # v1 said "antibiotics for six weeks or more, surgery if that fails"
    got = result(content, region="low_back", condition="infection")
    clinician = " ".join(n.text.get("clinician") for n in got.notes).lower()
    patient = " ".join(n.text.get("patient") for n in got.notes).lower()
    assert "biopsy" in clinician and "6-12 weeks" in clinician and "abscess" in clinician
    assert "if that does not work" not in patient and "biopsy" in patient
    assert {"lit-infection-idsa", "lit-infection-bernard", "lit-infection-duarte"} <= {
        s for n in got.notes for s in n.sources
    }


def test_at_80_and_over_both_sides_of_the_evidence_are_given(content: Content) -> None:
    got = result(content, age=85, region="low_back", condition="stenosis")
    assert "typical" not in {a.fit for a in got.approaches}
    cited = {s for n in got.notes for s in n.sources}
    assert {"lit-elderly-rodgers", "lit-elderly-vasilikos"} <= cited
