"""Helpers for the Qt tests that act like a person: answer sets, answering a page, walking the journey."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

from misaid.core.kinds import kind_of
from misaid.core.model import Content
from misaid.ui.patient.wizard import RESULT, WELCOME, Wizard, is_urgent

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
    kind = kind_of(page.question)
    if kind.numeric:
        if value is None:
            page.skip.click()
        else:
            for digit in str(value):
                page.pad[digit].click()
    elif not kind.several:
        page.buttons["unsure" if value is None else value].click()
    elif not value:
        page.buttons[""].click()  # None of these
    else:
        for item in value:
            page.buttons[item].click()


def random_answers(content: Content, rng: random.Random) -> dict[str, Any]:
    """Answers a person could give, drawn from the content's questions (red flags included, skips too)."""
    raw: dict[str, Any] = {}
    for q in content.questions:
        if rng.random() < 0.15:
            continue  # skipped: unsure, none of these, rather not say
        if q.kind == "integer":
            raw[q.id] = rng.randint(q.minimum or 0, q.maximum if q.maximum is not None else 120)
        elif q.kind == "one":
            raw[q.id] = rng.choice(q.values)
        elif rng.random() < 0.1 and "unsure" in q.values:
            raw[q.id] = ["unsure"]
        else:
            plain = [v for v in q.values if v != "unsure"]
            raw[q.id] = rng.sample(plain, rng.randint(0, min(3, len(plain))))
    return raw


def walk(wizard: Wizard, raw: dict[str, Any], pages: int | None = None) -> list[str]:
    """Start, answer every page that is shown, continue past the urgent screen; returns the pages seen.

    With `pages`, stop after answering that many question pages (a session left half done).
    """
    seen: list[str] = []
    assert wizard.currentId() == WELCOME
    wizard.welcome.start.click()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    for _ in range(20):
        current = wizard.currentId()
        if pages is not None and sum(s not in ("urgent", "result") for s in seen) >= pages:
            return seen
        if current == RESULT:
            seen.append("result")
            return seen
        if is_urgent(current):
            seen.append("urgent")
        else:
            page = wizard.currentPage()
            seen.append(page.question.id)
            assert not next_button.isEnabled(), "Next must wait for an answer"
            answer(page, raw.get(page.question.id))
            assert next_button.isEnabled()
        next_button.click()
    raise AssertionError(f"journey did not end: {seen}")


def wait_for(signal: SignalInstance, seconds: float = 10) -> bool:
    """Run the event loop until `signal` fires; False if `seconds` pass first (for code without qtbot)."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_: Any) -> None:
        fired.append(True)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(done)
    timer.start(int(seconds * 1000))
    loop.exec()
    timer.stop()
    signal.disconnect(done)
    return bool(fired)


def start_over(wizard: Wizard) -> None:
    """Press Start over as a person would, confirming it when the result asks first."""
    on_result = wizard.currentId() == RESULT
    wizard.button(wizard.WizardButton.CustomButton1).click()
    if on_result:
        wizard.result_page.confirm_yes.click()
