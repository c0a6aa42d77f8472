"""Practice scoring against the engine, and a session without repeats."""

from __future__ import annotations

from misaid.core import Content
from misaid.core.practice import Session, score


def test_expected_answers_score_full_marks(content: Content) -> None:
    for case in content.cases:
        result = score(content, case, case.expected_fit, case.expected_options)
        assert result.fits_right == 3 and result.precision == 1.0 and result.recall == 1.0, case.id


def test_partial_answers_score_partially(content: Content) -> None:
    case = next(c for c in content.cases if len(c.expected_options) >= 2)
    wrong = {a: ("unlikely" if f != "unlikely" else "typical") for a, f in case.expected_fit.items()}
    wrong["posterior"] = case.expected_fit["posterior"]
    half = list(case.expected_options)[:1] + ["not_an_option"]
    result = score(content, case, wrong, half)
    assert result.fits_right == 1 and result.agreement["posterior"]
    assert result.precision == 0.5
    assert result.recall == 1 / len(case.expected_options)


def test_session_serves_each_case_once_until_exhausted(content: Content) -> None:
    session = Session(content, seed=3)
    seen = []
    while (case := session.next_case()) is not None:
        seen.append(case.id)
        session.record(score(content, case, case.expected_fit, case.expected_options))
    assert sorted(seen) == sorted(c.id for c in content.cases)
    assert session.fits_right == 3 * len(content.cases) and session.mean_recall == 1.0


def test_filters_narrow_the_bank(content: Content) -> None:
    session = Session(content, region="neck")
    assert session.total == sum(1 for c in content.cases if c.answers["region"] == "neck") > 0
    case = session.next_case()
    assert case is not None and case.answers["region"] == "neck"
    assert Session(content, region="neck", condition="fracture").total <= session.total


def test_csv_export_holds_the_scores(content: Content) -> None:
    session = Session(content, seed=1)
    case = session.next_case()
    assert case is not None
    session.record(score(content, case, {"anterior": "typical"}, []))
    lines = session.to_csv().splitlines()
    assert lines[0].startswith("case,anterior_chosen") and lines[1].startswith(f"{case.id},typical")
    assert len(lines) == 2
