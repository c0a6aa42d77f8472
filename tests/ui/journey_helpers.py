"""Helpers for the Qt tests that act like a person: answer sets, answering a page, walking the journey."""

from __future__ import annotations

from typing import Any

from misaid.ui.wizard import RESULT, URGENT, WELCOME, Wizard

ANSWER_SETS: dict[str, dict[str, Any]] = {
    "low-back-disc": {"age": 45, "region": "low_back", "level": "l4_l5", "symptoms": ["leg_pain", "numbness_weakness"],
                      "alignment": "normal", "condition": "herniated_disc", "history": []},
    "neck-stenosis": {"age": 62, "region": "neck", "symptoms": ["neck_pain", "arm_pain"], "alignment": "normal",
                      "condition": "stenosis", "history": ["osteoporosis"]},
    "red-flag": {"age": 78, "region": "low_back", "level": "unsure", "symptoms": ["back_pain", "bladder_bowel"],
                 "condition": "unsure"},
    "all-unsure": {},
    "curve-l5": {"age": 70, "region": "low_back", "level": "l5_s1", "symptoms": ["back_pain", "walking_trouble"],
                 "alignment": "sideways_curve", "condition": "deformity", "history": ["belly_surgery", "obesity"]},
}


def answer(page: Any, value: Any) -> None:
    """Answer a question page by clicking, as a person would; `value` in the answers-file vocabulary."""
    q = page.question
    if q.kind == "integer":
        if value is None:
            page.skip.click()
        else:
            for digit in str(value):
                page.pad[digit].click()
    elif q.kind == "one":
        page.buttons["unsure" if value is None else value].click()
    elif not value:
        page.buttons[""].click()  # None of these
    else:
        for item in value:
            page.buttons[item].click()


def walk(wizard: Wizard, raw: dict[str, Any]) -> list[str]:
    """Start, answer every page that is shown, continue past the urgent screen; returns the pages seen."""
    seen = []
    assert wizard.currentId() == WELCOME
    wizard.welcome.start.click()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    for _ in range(20):
        current = wizard.currentId()
        if current == RESULT:
            seen.append("result")
            return seen
        if current == URGENT:
            seen.append("urgent")
        else:
            page = wizard.currentPage()
            seen.append(page.question.id)
            assert not next_button.isEnabled(), "Next must wait for an answer"
            answer(page, raw.get(page.question.id))
            assert next_button.isEnabled()
        next_button.click()
    raise AssertionError(f"journey did not end: {seen}")
