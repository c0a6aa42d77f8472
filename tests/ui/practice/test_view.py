"""Practice mode: scoring shown per approach and for options, no repeats, filters, summary, CSV on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.core.outline import build_outline
from misaid.ui.practice.view import PracticeView
from tests.outline_answers import statements


@pytest.fixture
def view(qtbot: QtBot, content: Content) -> PracticeView:
    shown = PracticeView(content, seed=7)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def answer(view: PracticeView, fits: dict[str, str], options: list[str]) -> None:
    for approach, fit in fits.items():
        view.fit_buttons[approach][fit].click()
    for option in options:
        view.option_boxes[option].click()


def test_the_vignette_is_shown(view: PracticeView) -> None:
    assert view.case is not None
    assert view.vignette.text() == view.case.vignette.get("clinician")
    assert view.answers.text()


def test_check_waits_for_a_call_on_every_approach(view: PracticeView) -> None:
    assert not view.check_button.isEnabled()
    view.fit_buttons["anterior"]["possible"].click()
    view.fit_buttons["lateral"]["possible"].click()
    assert not view.check_button.isEnabled()
    view.fit_buttons["posterior"]["possible"].click()
    assert view.check_button.isEnabled()


def test_the_expected_answer_scores_full_marks(view: PracticeView) -> None:
    case = view.case
    assert case is not None
    answer(view, dict(case.expected_fit), list(case.expected_options))
    view.check_button.click()
    assert all(view.marks[a].text().startswith("\u2713") for a in case.expected_fit)
    assert "3 of 3" in view.score_line.text() and "precision 100%, recall 100%" in view.score_line.text()
    assert view.teaching.text() == case.teaching.get("clinician")
    assert view.explanation.isVisible() and view.explanation.explanation is not None
    assert not view.check_button.isEnabled()  # one check per case


def test_a_wrong_answer_shows_what_was_missed(view: PracticeView, content: Content) -> None:
    case = view.case
    assert case is not None and case.expected_options
    wrong = {a: ("typical" if f != "typical" else "unlikely") for a, f in case.expected_fit.items()}
    extra = next(o for o in content.options if o not in case.expected_options)
    answer(view, wrong, [extra])
    view.check_button.click()
    assert all(view.marks[a].text().startswith("\u2717") for a in wrong)
    assert "0 of 3" in view.score_line.text() and "precision 0%, recall 0%" in view.score_line.text()
    assert "Missed:" in view.option_line.text()
    assert content.options[extra].name.get("clinician") in view.option_line.text()


def test_no_case_repeats_until_the_bank_is_done(view: PracticeView, content: Content) -> None:
    seen = []
    while view.pages.currentIndex() == 0:
        assert view.case is not None
        seen.append(view.case.id)
        answer(view, dict(view.case.expected_fit), [])
        view.check_button.click()
        view.next_button.click()
    assert sorted(seen) == sorted(c.id for c in content.cases)
    assert f"You worked through {len(seen)} cases" in view.summary.text()
    assert "every case" in view.summary.text()


def test_filters_narrow_the_cases(view: PracticeView, content: Content) -> None:
    view.region_filter.setCurrentIndex(view.region_filter.findData("neck"))
    assert view.case is not None and view.case.answers["region"] == "neck"
    neck = sum(1 for c in content.cases if c.answers["region"] == "neck")
    assert f"of {neck}" in view.running.text()


def test_running_score_and_summary(view: PracticeView) -> None:
    case = view.case
    assert case is not None
    answer(view, dict(case.expected_fit), list(case.expected_options))
    view.check_button.click()
    assert "1 of" in view.running.text() and "3/3 right" in view.running.text()
    view.finish_button.click()
    assert view.pages.currentIndex() == 1 and "3 of 3 (100%)" in view.summary.text()
    assert "You worked through 1 case." in view.summary.text()
    assert not view.finish_button.isEnabled()


def test_csv_export_only_on_request(view: PracticeView, tmp_path: Path) -> None:
    case = view.case
    assert case is not None
    answer(view, dict(case.expected_fit), [])
    view.check_button.click()
    view.finish_button.click()
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "scores.csv"
    asked: list[bool] = []
    view.ask_csv_path = lambda: asked.append(True) or str(target)
    view.export_button.click()
    assert asked == [True]
    lines = target.read_text().splitlines()
    assert lines[0].startswith("case,") and lines[1].startswith(f"{case.id},") and len(lines) == 2


def feedback_shows_the_explanation(view: PracticeView) -> None:
    case = view.case
    assert case is not None
    answer(view, dict(case.expected_fit), list(case.expected_options))
    view.check_button.click()
    assert view.last is not None and view.explanation.isVisible()
    expl = view.last.explanation
    shown = "\n".join(view.explanation.texts())
    for statement in statements(expl, "clinician"):
        assert statement in shown
    for route in build_outline(expl, "clinician")["approaches"].routes:
        for part in (route.benefits, route.risks):
            assert (part.heading in shown) >= bool(part.items)


@pytest.mark.parametrize("region", ["neck", "mid_back", "low_back"])
def test_feedback_shows_care_without_surgery_benefits_and_risks(view: PracticeView, region: str) -> None:
    view.region_filter.setCurrentIndex(view.region_filter.findData(region))
    feedback_shows_the_explanation(view)


def test_feedback_on_the_fixture_shows_both_sides(qtbot: QtBot, mini: Content) -> None:
    view = PracticeView(mini, seed=1)
    qtbot.addWidget(view)
    view.show()
    feedback_shows_the_explanation(view)
    shown = "\n".join(view.explanation.texts())
    assert "The back route can tear the nerve cover." in shown and "Most discs heal in weeks." in shown
