"""Practice scoring: four judgements (care without surgery and the three approaches), procedures only, sessions."""

from __future__ import annotations

import csv
import io

import pytest

from misaid.core import Content
from misaid.core.engine import explain
from misaid.core.model import Case
from misaid.core.practice import (
    CARE,
    CARE_URGENT_FIRST,
    CARE_WEIGH,
    JUDGEMENTS,
    Session,
    expected_care,
    procedures,
    score,
    unjudged,
)


def right_answers(case: Case) -> dict[str, str]:
    return {CARE: expected_care(case), **case.expected_fit}


def tools_of(content: Content) -> set[str]:
    return {o.id for o in content.options.values() if o.kind != "operation"}


def test_expected_answers_score_full_marks(content: Content) -> None:
    for case in content.cases:
        result = score(content, case, right_answers(case), case.expected_options)
        assert result.judgements_right == 4 and result.differing == (), case.id
        assert result.precision == 1.0 and result.recall == 1.0, case.id


@pytest.mark.parametrize("urgent", [False, True])
def test_care_without_surgery_is_judged_from_the_urgency(content: Content, urgent: bool) -> None:
    case = next(c for c in content.cases if c.expected_urgent is urgent)
    assert bool(explain(content, case.answers).urgent) is urgent  # what the student sees after Check
    assert expected_care(case) == (CARE_URGENT_FIRST if urgent else CARE_WEIGH)
    other = CARE_WEIGH if urgent else CARE_URGENT_FIRST
    result = score(content, case, {**case.expected_fit, CARE: other}, case.expected_options)
    assert result.judgements_right == 3 and result.differing == (CARE,)
    assert result.agreement == {CARE: False, "anterior": True, "lateral": True, "posterior": True}


def test_a_missing_judgement_disagrees_and_is_listed_as_unjudged(content: Content) -> None:
    case = content.cases[0]
    assert unjudged({}) == JUDGEMENTS == (CARE, "anterior", "lateral", "posterior")
    assert unjudged({"anterior": "typical", CARE: CARE_WEIGH}) == ("lateral", "posterior")
    result = score(content, case, dict(case.expected_fit), case.expected_options)
    assert result.judgements_right == 3 and result.differing == (CARE,) and CARE not in result.chosen


def test_procedures_are_the_options_of_kind_operation(content: Content, mini: Content) -> None:
    assert procedures(mini) == {"opt_back", "opt_side"}
    kinds = {o.kind for o in content.options.values()}
    assert kinds == {"tool", "operation"}
    assert procedures(content) == {o.id for o in content.options.values() if o.kind == "operation"}
    assert {"tubular_retractor", "dilators_portals", "image_guidance"} <= tools_of(content)
    assert {"tubular_discectomy", "mi_tlif"} <= procedures(content)


def test_partial_answers_score_partially(content: Content) -> None:
    case = next(c for c in content.cases if len(procedures(content) & set(c.expected_options)) >= 2)
    wanted = [o for o in case.expected_options if o in procedures(content)]
    wrong = {a: ("unlikely" if f != "unlikely" else "typical") for a, f in case.expected_fit.items()}
    wrong["posterior"] = case.expected_fit["posterior"]
    extra = next(o for o in sorted(procedures(content)) if o not in case.expected_options)
    result = score(content, case, {**wrong, CARE: expected_care(case)}, [wanted[0], extra])
    assert result.judgements_right == 2 and result.agreement[CARE] and result.agreement["posterior"]
    assert result.differing == ("anterior", "lateral")
    assert result.precision == 0.5
    assert result.recall == 1 / len(wanted)
    assert result.missed_procedures == frozenset(wanted[1:]) and result.extra_procedures == {extra}


def test_generic_tools_neither_reward_nor_penalise(content: Content) -> None:
    case = next(c for c in content.cases if procedures(content) & set(c.expected_options)
                and tools_of(content) & set(c.expected_options))
    wanted = [o for o in case.expected_options if o in procedures(content)]
    base = score(content, case, right_answers(case), wanted[:1])
    for tools in (tools_of(content), tools_of(content) & set(case.expected_options),
                  tools_of(content) - set(case.expected_options)):
        with_tools = score(content, case, right_answers(case), [*wanted[:1], *tools])
        assert (with_tools.judgements_right, with_tools.precision, with_tools.recall) == (
            base.judgements_right, base.precision, base.recall)
        assert with_tools.extra_procedures == base.extra_procedures == frozenset()
        assert with_tools.missed_procedures == base.missed_procedures
    assert base.relevant_tools == tools_of(content) & set(case.expected_options)


def test_a_case_with_only_tools_scores_full_marks_without_picking_any(content: Content) -> None:
    case = next(c for c in content.cases if c.expected_options and set(c.expected_options) <= tools_of(content))
    result = score(content, case, right_answers(case), [])
    assert result.precision == 1.0 and result.recall == 1.0 and result.relevant_tools == set(case.expected_options)
    picked = score(content, case, right_answers(case), [next(iter(sorted(procedures(content))))])
    assert picked.precision == 0.0 and picked.recall == 1.0 and len(picked.extra_procedures) == 1


def test_picking_nothing_when_procedures_apply_finds_none(content: Content) -> None:
    case = next(c for c in content.cases if procedures(content) & set(c.expected_options))
    result = score(content, case, right_answers(case), [])
    assert result.precision == 0.0 and result.recall == 0.0
    assert result.missed_procedures == procedures(content) & set(case.expected_options)


def test_session_serves_each_case_once_until_exhausted(content: Content) -> None:
    session = Session(content, seed=3)
    seen = []
    while (case := session.next_case()) is not None:
        seen.append(case.id)
        session.record(score(content, case, right_answers(case), case.expected_options))
    assert sorted(seen) == sorted(c.id for c in content.cases)
    assert session.judgements_right == session.judgements_made == 4 * len(content.cases)
    assert session.mean_precision == session.mean_recall == 1.0


def test_filters_narrow_the_bank(content: Content) -> None:
    session = Session(content, region="neck")
    assert session.total == sum(1 for c in content.cases if c.answers["region"] == "neck") > 0
    case = session.next_case()
    assert case is not None and case.answers["region"] == "neck"
    assert Session(content, region="neck", condition="fracture").total <= session.total


def test_csv_export_holds_the_four_judgements(content: Content) -> None:
    session = Session(content, seed=1)
    case = session.next_case()
    assert case is not None
    session.record(score(content, case, {"anterior": "typical", CARE: CARE_WEIGH}, []))
    rows = list(csv.DictReader(io.StringIO(session.to_csv())))
    assert len(rows) == 1
    row = rows[0]
    assert list(row)[:9] == ["case", "nonsurgical_chosen", "anterior_chosen", "lateral_chosen", "posterior_chosen",
                             "nonsurgical_expected", "anterior_expected", "lateral_expected", "posterior_expected"]
    assert row["case"] == case.id and row["nonsurgical_chosen"] == "weigh" and row["lateral_chosen"] == ""
    assert row["nonsurgical_expected"] == expected_care(case)
    assert {"judgements_right", "procedures_precision", "procedures_recall"} <= set(row)
