"""Practice mode: four judgements, procedures scored in plain words, what differs, no repeats, summary, CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.core.model import Case
from misaid.core.outline import build_outline
from misaid.core.practice import CARE, CARE_URGENT_FIRST, CARE_WEIGH, Session, expected_care, procedures
from misaid.ui.practice.view import PracticeView
from tests.outline_answers import statements


def shown(qtbot: QtBot, content: Content, seed: int = 7) -> PracticeView:
    view = PracticeView(content, seed=seed)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot: QtBot, content: Content) -> PracticeView:
    return shown(qtbot, content)


def first_case_where(content: Content, wanted: Callable[[Case], object]) -> int:
    """A seed whose session starts with a case that passes `wanted`."""
    for seed in range(500):
        case = Session(content, seed=seed).next_case()
        if case is not None and wanted(case):
            return seed
    raise AssertionError("no such case in the bank")


def answer(view: PracticeView, judgements: dict[str, str], options: list[str]) -> None:
    for judgement, choice in judgements.items():
        view.fit_buttons[judgement][choice].click()
    for option in options:
        view.option_boxes[option].click()


def right_answers(case: Case) -> dict[str, str]:
    return {CARE: expected_care(case), **case.expected_fit}


def procedures_of(content: Content, case: Case) -> list[str]:
    return [o for o in case.expected_options if o in procedures(content)]


def name(content: Content, option: str) -> str:
    return content.options[option].name.get("clinician")


def test_the_vignette_and_four_judgement_rows_are_shown(view: PracticeView) -> None:
    assert view.case is not None
    assert view.vignette.text() == view.case.vignette.get("clinician")
    assert view.answers.text()
    assert list(view.fit_buttons) == [CARE, "anterior", "lateral", "posterior"]
    care = view.fit_buttons[CARE]
    assert [b.text() for b in care.values()] == ["A real option to weigh here", "Not now: urgent care first"]
    assert all(b.isVisible() and b.height() >= 24 for buttons in view.fit_buttons.values() for b in buttons.values())


def test_check_says_which_judgements_are_still_open(view: PracticeView) -> None:
    assert view.check_button.isEnabled() and not view.status.isVisible()
    view.check_button.click()
    assert view.last is None and not view.feedback.isVisible()
    assert view.status.isVisible() and view.status.text() == (
        "Still to judge: Non-operative management, Anterior, Lateral, Posterior. "
        "Choose one answer on each of these rows, then press Check.")
    assert view.status.accessibleName() == view.status.text()
    assert view.check_button.isEnabled()  # calm: the button stays usable
    answer(view, {CARE: CARE_WEIGH, "lateral": "possible"}, [])
    assert view.status.text().startswith("Still to judge: Anterior, Posterior.")
    answer(view, {"anterior": "possible", "posterior": "possible"}, [])
    assert not view.status.isVisible()
    view.check_button.click()
    assert view.last is not None and view.feedback.isVisible()


def test_the_expected_answer_scores_full_marks(view: PracticeView, content: Content) -> None:
    case = view.case
    assert case is not None
    answer(view, right_answers(case), list(case.expected_options))
    view.check_button.click()
    assert all(mark.text().startswith("\u2713 Agrees with the sources") for mark in view.marks.values())
    assert view.score_line.text() == "4 of 4 judgements agree with the sources."
    assert "precision" not in view.option_line.text() and "recall" not in view.option_line.text()
    assert view.differences.text() == "Nothing: all four judgements and the procedures agree with the sources."
    assert view.teaching.text() == case.teaching.get("clinician")
    assert view.explanation.isVisible() and view.explanation.explanation is not None
    assert not view.check_button.isEnabled()  # one check per case


@pytest.mark.parametrize("urgent", [False, True])
def test_a_wrong_answer_says_what_differs(qtbot: QtBot, content: Content, urgent: bool) -> None:
    seed = first_case_where(content, lambda c: c.expected_urgent is urgent and procedures_of(content, c))
    view = shown(qtbot, content, seed)
    case = view.case
    assert case is not None and case.expected_urgent is urgent
    wanted = procedures_of(content, case)
    extra = next(o for o in procedures(content) if o not in case.expected_options)
    wrong_care = CARE_WEIGH if urgent else CARE_URGENT_FIRST
    lateral = "typical" if case.expected_fit["lateral"] != "typical" else "unlikely"
    answer(view, {**right_answers(case), CARE: wrong_care, "lateral": lateral}, [*wanted[1:], extra])
    view.check_button.click()

    said, sources = "A real option to weigh here", "Not now: urgent care first"
    if not urgent:
        said, sources = sources, said
    fits = content.meta.fit_labels
    assert view.score_line.text() == "2 of 4 judgements agree with the sources."
    assert view.marks[CARE].text() == f"\u2717 The sources say: {sources}"
    assert view.marks["anterior"].text().startswith("\u2713")
    lines = view.differences.text().splitlines()
    assert lines[0] == (f"\u2022 Non-operative management: you said \u201c{said}\u201d; "
                        f"the sources say \u201c{sources}\u201d.")
    assert lines[1] == (f"\u2022 Lateral: you said \u201c{fits[lateral].get('clinician')}\u201d; the sources say "
                        f"\u201c{fits[case.expected_fit['lateral']].get('clinician')}\u201d.")
    assert lines[2] == f"\u2022 Procedures that apply and you missed: {name(content, wanted[0])}."
    assert lines[3] == f"\u2022 Procedures you picked that don't apply here: {name(content, extra)}."
    picked, right = len(wanted), len(wanted) - 1
    found = (f"You found {right} of the {len(wanted)} procedures that apply." if len(wanted) > 1 else
             "You did not find the 1 procedure that applies.")
    assert view.option_line.text() == f"Of the procedures you picked, {right} of {picked} apply. {found}"
    # announced to screen readers
    assert view.differences.accessibleName().endswith(view.differences.text())
    assert view.score_line.text() in view.differences.accessibleDescription()


def test_generic_tools_do_not_change_the_score(qtbot: QtBot, content: Content) -> None:
    tools = [o for o in content.options if o not in procedures(content)]
    seed = first_case_where(content, lambda c: procedures_of(content, c) and set(tools) & set(c.expected_options))
    texts = []
    for picked_tools in ([], tools):
        view = shown(qtbot, content, seed)
        case = view.case
        assert case is not None
        answer(view, right_answers(case), [*procedures_of(content, case)[:1], *picked_tools])
        view.check_button.click()
        texts.append((view.score_line.text(), view.option_line.text(), view.differences.text(), view.running.text()))
        relevant = [name(content, o) for o in content.options if o in tools and o in case.expected_options]
        assert view.tools_line.text() == "Also relevant tools (not scored): " + "; ".join(relevant)
    assert texts[0] == texts[1]
    assert "don't apply" not in texts[1][2]


def test_no_case_repeats_until_the_bank_is_done(view: PracticeView, content: Content) -> None:
    seen = []
    while view.pages.currentIndex() == 0:
        assert view.case is not None
        seen.append(view.case.id)
        answer(view, right_answers(view.case), [])
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


def test_running_score_and_summary_in_plain_words(view: PracticeView) -> None:
    case = view.case
    assert case is not None
    answer(view, right_answers(case), list(case.expected_options))
    view.check_button.click()
    running = view.running.text()
    assert running.startswith("1 of") and "4 of 4 judgements agree" in running
    assert "of the procedures you picked, 100% apply" in running
    assert "you found 100% of the procedures that apply" in running
    view.finish_button.click()
    summary = view.summary.text()
    assert view.pages.currentIndex() == 1 and "Judgements that agree with the sources: 4 of 4 (100%)." in summary
    assert "You worked through 1 case." in summary and "Generic tools were not scored." in summary
    assert "precision" not in summary and "recall" not in summary
    assert not view.finish_button.isEnabled()


def test_csv_export_only_on_request(view: PracticeView, tmp_path: Path) -> None:
    case = view.case
    assert case is not None
    answer(view, right_answers(case), [])
    view.check_button.click()
    view.finish_button.click()
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "scores.csv"
    asked: list[bool] = []
    view.ask_csv_path = lambda: asked.append(True) or str(target)
    view.export_button.click()
    assert asked == [True]
    lines = target.read_text().splitlines()
    assert lines[0].startswith("case,nonsurgical_chosen,") and "procedures_precision" in lines[0]
    assert lines[1].startswith(f"{case.id},{expected_care(case)},") and len(lines) == 2


def feedback_shows_the_explanation(view: PracticeView) -> None:
    case = view.case
    assert case is not None
    answer(view, right_answers(case), list(case.expected_options))
    view.check_button.click()
    assert view.last is not None and view.explanation.isVisible()
    expl = view.last.explanation
    text = "\n".join(view.explanation.texts())
    for statement in statements(expl, "clinician"):
        assert statement in text
    for route in build_outline(expl, "clinician")["approaches"].routes:
        for part in (route.benefits, route.risks):
            assert (part.heading in text) >= bool(part.items)


@pytest.mark.parametrize("region", ["neck", "mid_back", "low_back"])
def test_feedback_shows_care_without_surgery_benefits_and_risks(view: PracticeView, region: str) -> None:
    view.region_filter.setCurrentIndex(view.region_filter.findData(region))
    feedback_shows_the_explanation(view)


def test_feedback_on_the_fixture_shows_both_sides(qtbot: QtBot, mini: Content) -> None:
    view = PracticeView(mini, seed=1)
    qtbot.addWidget(view)
    view.show()
    feedback_shows_the_explanation(view)
    text = "\n".join(view.explanation.texts())
    assert "The back route can tear the nerve cover." in text and "Most discs heal in weeks." in text
    # the fixture's generic tool is shown, not scored
    assert view.tools_line.text() == "Also relevant tools (not scored): Tool"
    assert view.option_line.text() == ("Of the procedures you picked, 1 of 1 apply. "
                                       "You found the 1 procedure that applies.")
