"""Consultation mode: live explanation, trace, keyboard, patient view, new consultation, case codes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from misaid.core import Content, explain, normalise
from misaid.core.casecode import encode, pretty
from misaid.ui.consultation.view import ConsultationView, mnemonic_letter


@pytest.fixture
def view(qtbot: QtBot, content: Content) -> ConsultationView:
    shown = ConsultationView(content)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def shown_fits(view: ConsultationView) -> dict[str, str]:
    return view.panel.shown_fits()


def expected_fits(content: Content, raw: dict[str, object]) -> dict[str, str]:
    result = explain(content, normalise(content, raw))
    return {a.id: result.fit_labels[a.fit].get("clinician") for a in result.approaches}


def test_every_click_updates_the_explanation(view: ConsultationView, content: Content) -> None:
    view.controls["region"].buttons["low_back"].click()
    view.controls["condition"].buttons["herniated_disc"].click()
    assert shown_fits(view) == expected_fits(content, {"region": "low_back", "condition": "herniated_disc"})
    assert view.panel.shown_order()[0] == "posterior"
    view.controls["level"].buttons["l5_s1"].click()
    view.controls["condition"].buttons["worn_disc"].click()
    raw = {"region": "low_back", "level": "l5_s1", "condition": "worn_disc"}
    assert shown_fits(view) == expected_fits(content, raw)
    assert shown_fits(view)["lateral"] == content.meta.fit_labels["unlikely"].get("clinician")


def test_the_trace_lists_the_rules_that_fired(view: ConsultationView, content: Content) -> None:
    view.set_answers(normalise(content, {"region": "neck", "condition": "herniated_disc", "symptoms": ["arm_pain"]}))
    fired = [f.rule for f in explain(content, view.journey.answers()).fired]
    view.tabs.setCurrentWidget(view.references)  # the second tab: full references and the rule trace
    texts = view.shown_texts()
    for rule in fired:
        assert any(f"{rule}: " in t for t in texts), rule


def test_citations_are_given_in_full(view: ConsultationView, content: Content) -> None:
    view.tabs.setCurrentWidget(view.references)
    view.set_answers(normalise(view.content, {"region": "low_back", "condition": "stenosis"}))
    joined = " ".join(view.shown_texts())  # the reference tab follows the answers while it is shown
    source = content.sources["lit-stenosis"]
    assert source.title in joined and source.journal in joined


def test_each_question_has_its_own_mnemonic(view: ConsultationView) -> None:
    letters = [mnemonic_letter(view.question_labels[q].text()) for q in view.controls]
    assert all(letters) and len(set(letters)) == len(letters)
    others = [mnemonic_letter(w.text()) for w in view.mnemonic_widgets()]
    assert len(set(others)) == len(others)


def test_mnemonic_and_arrow_keys_answer_without_a_mouse(view: ConsultationView) -> None:
    region = view.question_labels["region"]
    letter = mnemonic_letter(region.text())
    QTest.keyClick(view, letter, Qt.KeyboardModifier.AltModifier)
    focused = view.focusWidget()
    assert focused is view.controls["region"].buttons["unsure"]  # the current answer has the focus
    QTest.keyClick(focused, Qt.Key.Key_Up)
    assert view.journey.answers()["region"] != "unsure"


def test_level_applies_only_to_the_low_back(view: ConsultationView) -> None:
    view.controls["region"].buttons["low_back"].click()
    assert view.controls["level"].isEnabled()
    view.controls["level"].buttons["l5_s1"].click()
    assert view.journey.answers()["level"] == "l5_s1"
    view.controls["region"].buttons["neck"].click()
    assert not view.controls["level"].isEnabled()
    assert view.journey.answers()["level"] == "unsure"
    assert not view.controls["level"].buttons["l5_s1"].isChecked()


def test_show_patient_switches_wording(view: ConsultationView, content: Content) -> None:
    view.set_answers(normalise(view.content, {"region": "low_back", "condition": "herniated_disc"}))
    reason = explain(content, view.journey.answers()).approach("posterior").reasons[0].text
    assert any(reason.get("clinician") in t for t in view.shown_texts())
    view.patient_button.click()
    assert view.audience == "patient"
    assert any(reason.get("patient") in t for t in view.shown_texts())
    assert not view.form_scroll.isVisible()
    view.patient_button.click()
    assert view.audience == "clinician" and view.form_scroll.isVisible()


def test_ctrl_n_starts_a_new_consultation(view: ConsultationView, content: Content) -> None:
    view.set_answers(normalise(content, {"age": 70, "region": "neck", "symptoms": ["arm_pain"],
                                         "condition": "stenosis"}))
    view.code_box.setText("ABCD")
    QTest.keyClick(view.controls["region"].buttons["neck"], Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.journey.answers() == normalise(content, {})
    assert view.code_box.text() == ""
    assert not any(b.isChecked() for c in view.controls.values() for b in c.buttons.values() if b.isVisible()
                   and c.question.kind == "many")


def test_every_practice_case_code_restores_its_answers(view: ConsultationView, content: Content) -> None:
    for case in content.cases:
        view.new_consultation()
        QTest.keyClicks(view.code_box, pretty(encode(case.answers)))
        assert view.journey.answers() == case.answers, case.id
        assert not view.code_problem


@pytest.mark.parametrize("typed, words", [("AA9B-VD9Y", "typing mistake"), ("A0B1-CDEF", "never use"),
                                          ("ZZZZ-ZZZZ-ZZZZ-Z", "at most")])
def test_bad_codes_get_a_calm_message(view: ConsultationView, typed: str, words: str) -> None:
    view.set_answers(normalise(view.content, {"region": "neck"}))
    before = view.journey.answers()
    assert view.restore_code(typed) is False
    assert view.code_problem and words in view.code_status.text()
    assert view.code_status.isVisible()
    assert view.journey.answers() == before  # nothing lost


def test_the_current_code_is_shown_for_reading_out(view: ConsultationView) -> None:
    view.set_answers(normalise(view.content, {"age": 45, "region": "low_back", "condition": "herniated_disc"}))
    assert pretty(encode(view.journey.answers())) in view.current_code.text()


@pytest.mark.parametrize("region", ["neck", "low_back"])
def test_every_question_but_the_last_fits_on_one_screen_at_kiosk_size(view: ConsultationView, content: Content,
                                                                       region: str) -> None:
    # the history (cancer, injury, past surgery) is read at a glance, without scrolling, at 1280 x 800
    view.set_answers(normalise(content, {"age": 62, "region": region, "level": "l4_l5", "symptoms": ["leg_pain"],
                                         "condition": "herniated_disc", "history": ["cancer"]}))
    QTest.qWait(10)
    viewport = view.form_scroll.viewport()
    for question in content.questions[:-1]:
        control = view.controls[question.id]
        bottom = control.mapTo(viewport, control.rect().bottomLeft()).y()
        assert control.isVisible() and bottom <= viewport.height(), (question.id, bottom, viewport.height())
