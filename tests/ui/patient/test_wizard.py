"""The wizard as a person uses it: pages from the content, Next only when answered, red flags, Back, Start over."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from misaid import cli
from misaid.core import Content, explain, normalise, record
from misaid.core.model import Question, Text
from misaid.ui.patient.wizard import RESULT, WELCOME, Wizard, is_urgent
from tests.ui.journey_helpers import ANSWER_SETS, answer, start_over, walk


def explain_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: dict[str, Any]) -> dict[str, Any]:
    """What `misaid explain --format json` says for these answers."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["explain", "--answers", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(ANSWER_SETS))
def test_the_result_on_screen_agrees_with_misaid_explain(
    wizard: Wizard, content: Content, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    raw = ANSWER_SETS[name]
    seen = walk(wizard, raw)
    expected = explain_json(tmp_path, capsys, raw)
    view = wizard.result_view
    assert wizard.currentId() == RESULT and view.isVisible()
    # care without surgery (unless a red flag), then the three approaches in the same order, with their fits
    calm = [expected["nonsurgical"]["name"]] if not expected["urgent"] else []
    assert view.shown_titles() == calm + [a["name"] for a in expected["approaches"]]
    shown_fits = view.shown_fits()
    shown_fits.pop("nonsurgical", None)
    assert shown_fits == {a["id"]: a["fit_label"] for a in expected["approaches"]}
    assert view.why_button is not None
    view.why_button.click()  # every reason, the ways of operating and the sources are one press away
    texts = "\n".join(view.texts())
    for approach in expected["approaches"]:
        for reason in approach["reasons"]:
            assert reason["text"] in texts
    for option in expected["mis_options"]:
        assert option["name"] in texts and option["text"] in texts
    for question in expected["questions_for_surgeon"]:
        assert question in texts
    assert expected["surgeon_prompt"] in texts and expected["disclaimer"] in texts
    assert content.meta.content_version in texts and content.meta.last_reviewed in texts
    # urgent notes come first on the result screen, and had their own screen during the journey
    assert ("urgent" in seen) == bool(expected["urgent"])
    for urgent in expected["urgent"]:
        assert urgent["text"] in texts
        assert texts.index(urgent["text"]) < texts.index(expected["approaches"][0]["name"])
    # answers to questions not asked never reach the result
    assert wizard.journey.explanation().public_answers == expected["answers"]


def test_the_neck_skips_the_level_and_counts_right(wizard: Wizard) -> None:
    seen = walk(wizard, ANSWER_SETS["neck-stenosis"])
    assert "level" not in seen
    assert wizard.question_pages["symptoms"].progress.text() == "Question 3 of 7"


def test_progress_changes_when_a_page_is_added(wizard: Wizard) -> None:
    wizard.welcome.start.click()
    assert wizard.currentPage().progress.text() == "Question 1 of 7"
    answer(wizard.currentPage(), 50)
    wizard.next()
    answer(wizard.currentPage(), "low_back")
    wizard.next()
    assert wizard.currentPage().question.id == "level"
    assert wizard.currentPage().progress.text() == "Question 3 of 8"


def test_next_waits_for_an_answer_and_not_sure_stands_alone(wizard: Wizard) -> None:
    wizard.welcome.start.click()
    nxt = wizard.button(wizard.WizardButton.NextButton)
    assert not nxt.isEnabled()
    wizard.currentPage().skip.click()  # "I'd rather not say"
    assert nxt.isEnabled()
    wizard.next()
    answer(wizard.currentPage(), "neck")
    wizard.next()
    page = wizard.question_pages["symptoms"]
    assert wizard.currentPage() is page and not nxt.isEnabled()
    page.buttons["neck_pain"].click()
    page.buttons["arm_pain"].click()
    page.buttons["unsure"].click()
    assert page.buttons["unsure"].isChecked()
    assert not page.buttons["neck_pain"].isChecked() and not page.buttons["arm_pain"].isChecked()
    page.buttons[""].click()  # None of these
    assert page.buttons[""].isChecked() and not page.buttons["unsure"].isChecked() and nxt.isEnabled()
    page.buttons["neck_pain"].click()
    assert not page.buttons[""].isChecked() and nxt.isEnabled()
    page.buttons["neck_pain"].click()  # unticking the only choice: unanswered again
    assert not nxt.isEnabled()


def test_a_red_flag_interrupts_at_once(wizard: Wizard, content: Content) -> None:
    wizard.welcome.start.click()
    answer(wizard.currentPage(), 66)
    wizard.next()
    answer(wizard.currentPage(), "mid_back")
    wizard.next()
    answer(wizard.currentPage(), ["fever_weight_loss"])
    wizard.button(wizard.WizardButton.NextButton).click()
    assert is_urgent(wizard.currentId())
    expected = explain(content, normalise(content, {"region": "mid_back", "symptoms": ["fever_weight_loss"]})).urgent
    assert expected and wizard.urgent_page.shown_texts() == [u.text.get("patient") for u in expected]
    assert wizard.button(wizard.WizardButton.NextButton).text().replace("&", "") == "Continue"
    wizard.button(wizard.WizardButton.NextButton).click()
    assert wizard.currentPage().question.id == "alignment"
    wizard.back()
    assert is_urgent(wizard.currentId())
    wizard.back()
    assert wizard.currentPage().question.id == "symptoms"


def test_going_back_and_changing_an_answer_clears_what_no_longer_applies(wizard: Wizard, content: Content) -> None:
    wizard.welcome.start.click()
    answer(wizard.currentPage(), 50)
    wizard.next()
    answer(wizard.currentPage(), "low_back")
    wizard.next()
    answer(wizard.currentPage(), "l5_s1")
    wizard.next()
    assert wizard.currentPage().question.id == "symptoms"
    wizard.back()
    wizard.back()
    region = wizard.currentPage()
    assert region.question.id == "region" and region.buttons["low_back"].isChecked()  # answers stay on Back
    region.buttons["neck"].click()
    assert not wizard.journey.is_answered("level")
    wizard.next()
    assert wizard.currentPage().question.id == "symptoms"
    for qid in ("symptoms", "alignment", "condition", "history", "priorities"):
        answer(wizard.currentPage(), None if qid != "symptoms" else ["neck_pain"])
        wizard.next()
    assert wizard.currentId() == RESULT
    assert wizard.result_view.explanation is not None
    assert wizard.result_view.explanation.answers["level"] == "unsure"
    # and going back to the low back asks the level afresh, with nothing chosen
    while wizard.currentPage() is not wizard.question_pages["region"]:
        wizard.back()
    wizard.currentPage().buttons["low_back"].click()
    wizard.next()
    level = wizard.currentPage()
    assert level.question.id == "level"
    assert not any(b.isChecked() for b in level.buttons.values())
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_next_id_has_no_side_effects(wizard: Wizard) -> None:
    walk_to = ANSWER_SETS["red-flag"]
    wizard.welcome.start.click()
    for qid in ("age", "region", "level", "symptoms"):
        answer(wizard.currentPage(), walk_to.get(qid))
        if qid != "symptoms":
            wizard.next()
    before = (wizard.currentId(), wizard.journey.public(), list(wizard.visitedIds()))
    assert len({wizard.nextId() for _ in range(5)}) == 1 and is_urgent(wizard.nextId())
    assert (wizard.currentId(), wizard.journey.public(), list(wizard.visitedIds())) == before


def test_start_over_asks_first_on_the_result(wizard: Wizard) -> None:
    walk(wizard, ANSWER_SETS["low-back-disc"])
    wizard.button(wizard.WizardButton.CustomButton1).click()
    page = wizard.result_page
    assert wizard.currentId() == RESULT and page.confirm.isVisible()
    assert page.confirm_no.hasFocus()  # a stray Enter keeps the result
    page.confirm_no.click()
    assert wizard.currentId() == RESULT and not page.confirm.isVisible() and wizard.result_view.explanation


def test_start_over_forgets_everything(wizard: Wizard) -> None:
    walk(wizard, ANSWER_SETS["low-back-disc"])
    start_over(wizard)
    assert wizard.currentId() == WELCOME
    assert not any(wizard.journey.is_answered(q.id) for q in wizard.content.questions)
    assert wizard.result_view.explanation is None
    assert not any("Often used" in t for t in wizard.result_view.texts())
    wizard.welcome.start.click()
    assert wizard.currentPage().number.text() == ""
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_why_am_i_seeing_this_shows_answers_and_rules(wizard: Wizard, content: Content) -> None:
    walk(wizard, ANSWER_SETS["low-back-disc"])
    view = wizard.result_view
    assert view.why_panel is not None and view.why_button is not None
    assert not view.why_panel.isVisible()
    view.why_button.click()
    assert view.why_panel.isVisible()
    shown = "\n".join(label.text() for label in view.why_panel.findChildren(QLabel))
    expl = view.explanation
    assert expl is not None
    from misaid.core.wording import condition_words

    for firing in expl.fired:
        assert firing.rule in shown and condition_words(firing.when, content, "patient") in shown
    assert "How old are you?" in shown and "45" in shown
    # the reasons are worded in the person's own answers, not in vocabulary ids
    assert "\u201cWhere does it bother you most?\u201d \u2192 My lower back" in shown
    assert "region is low_back" not in shown


def test_every_control_has_a_name_and_patient_targets_are_big(qtbot: QtBot, wizard: Wizard) -> None:
    walk(wizard, ANSWER_SETS["red-flag"])
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        for control in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit):
            assert control.accessibleName().strip(), f"{control} on page {page_id} has no accessible name"
    wizard.restart()
    wizard.welcome.start.click()
    for qid in ("age", "region"):
        page = wizard.currentPage()
        buttons = [w for w in page.findChildren(QAbstractButton) if w.isVisible()]
        buttons += [wizard.button(wizard.WizardButton.NextButton), wizard.button(wizard.WizardButton.BackButton)]

        def all_big(buttons: list[QAbstractButton] = buttons) -> None:
            # once laid out: buttons shown a moment ago get their size on the next layout pass
            small = [(b.accessibleName(), b.height()) for b in buttons if b.height() < 48]
            assert buttons and not small, small

        qtbot.waitUntil(all_big)
        assert page.text.font().pointSizeF() >= 18
        assert page.progress.font().pointSizeF() >= 18
        answer(page, 50 if qid == "age" else "neck")
        wizard.next()
    choice_words = wizard.currentPage().buttons["neck_pain"].findChildren(QLabel)
    assert all(label.font().pointSizeF() >= 18 for label in choice_words)


def test_a_question_added_to_the_content_adds_a_page(qtbot: QtBot, content: Content) -> None:
    extra = Question("smoking", "one", Text.plain("Do you smoke?"), Text.plain("Smoking slows bone healing."),
                     choices=(record.replace(content.question("region").choices[-1]),))
    bigger = record.replace(content, questions=(*content.questions, extra))
    wizard = Wizard(bigger)
    qtbot.addWidget(wizard)
    assert "smoking" in wizard.question_pages
    assert wizard.question_pages["smoking"].text.text() == "Do you smoke?"


def test_not_sure_and_none_of_these_stay_apart_without_an_unsure_value(qtbot: QtBot, content: Content) -> None:
    history = content.question("history")
    plain = record.replace(history, choices=tuple(c for c in history.choices if c.value != "unsure"))
    questions = tuple(plain if q.id == "history" else q for q in content.questions)
    changed = record.replace(content, questions=questions)
    wizard = Wizard(changed)
    qtbot.addWidget(wizard)
    page = wizard.question_pages["history"]
    not_sure, none, obesity = page.buttons[None], page.buttons[""], page.buttons["obesity"]
    not_sure.click()
    assert not_sure.isChecked() and not none.isChecked() and wizard.journey.is_answered("history")
    none.click()
    assert none.isChecked() and not not_sure.isChecked()
    obesity.click()
    assert obesity.isChecked() and not none.isChecked() and not not_sure.isChecked()
    obesity.click()
    assert not wizard.journey.is_answered("history"), "taking back the last choice leaves the page unanswered"
    not_sure.click()
    not_sure.click()
    assert not any(b.isChecked() for b in page.buttons.values()) and not page.isComplete()


def test_keyboard_alone(qtbot: QtBot, wizard: Wizard) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def tab_to(target: QWidget) -> None:
        for _ in range(30):
            if focused() is target:
                return
            QTest.keyClick(focused(), Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {target.accessibleName()}")

    assert focused() is wizard.welcome.start
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    age = wizard.currentPage()
    assert focused() is age.number
    QTest.keyClicks(age.number, "71")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    region = wizard.currentPage()
    assert region.question.id == "region"
    tab_to(region.buttons["low_back"])
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    level = wizard.currentPage()
    assert level.question.id == "level"
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # the first answer has the focus
    assert level.buttons["l1_l4"].isChecked()
    # a mnemonic "animates" its button: the click lands a moment later
    QTest.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(lambda: wizard.currentPage() is region)
    QTest.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Next
    qtbot.waitUntil(lambda: wizard.currentPage() is level)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    symptoms = wizard.currentPage()
    tab_to(symptoms.buttons["bladder_bowel"])
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert is_urgent(wizard.currentId())
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    for qid in ("alignment", "condition", "history", "priorities"):
        page = wizard.currentPage()
        assert page.question.id == qid
        tab_to(page.buttons["unsure"])
        QTest.keyClick(focused(), Qt.Key.Key_Space)
        QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentId() == RESULT
    assert wizard.journey.public() == {"age": 71, "region": "low_back", "level": "l1_l4", "symptoms": ["bladder_bowel"],
                                       "alignment": "unsure", "condition": "unsure", "history": ["unsure"],
                                       "priorities": ["unsure"]}
    QTest.keyClick(focused(), Qt.Key.Key_Escape)  # must not close the kiosk
    assert wizard.isVisible()


def test_content_problems_are_shown_calmly(qtbot: QtBot, tmp_path: Path) -> None:
    from misaid.ui import app

    shown: list[tuple[str, str]] = []

    def tell(box: QMessageBox) -> None:  # in place of the modal box, which would wait for a click
        shown.append((box.text(), box.detailedText()))

    failed: list[bool] = []
    # what run() does, without app.exec()
    shell = app.start(tmp_path, on_failure=lambda: failed.append(True), tell_problem=tell)
    qtbot.addWidget(shell)
    qtbot.waitUntil(lambda: bool(failed))
    assert len(shown) == 1 and "misaid check" in shown[0][0]
    assert "questions.yaml" in shown[0][1]
    assert not shell.isVisible()


def test_the_welcome_paints_before_the_content_loads(qtbot: QtBot, content: Content) -> None:
    from misaid.core.paths import rules_dir
    from misaid.ui import app

    shell = app.start(rules_dir(), mode="patient")
    qtbot.addWidget(shell)
    wizard = shell.wizard
    assert wizard is not None
    # Start can be pressed in the very first frame; the content is read right after that frame
    assert wizard.welcome.start.isEnabled() and wizard.content is None
    qtbot.waitUntil(lambda: wizard.content is not None)
    assert len(wizard.question_pages) == len(content.questions)
    assert wizard.welcome.note.text() == content.meta.disclaimer.get("patient")


def test_start_pressed_before_the_content_arrives_reads_it_and_opens_the_first_question(
        qtbot: QtBot, content: Content) -> None:
    from misaid.core.paths import rules_dir
    from misaid.ui import app

    shell = app.start(rules_dir(), mode="patient")
    qtbot.addWidget(shell)
    wizard = shell.wizard
    assert wizard is not None and wizard.content is None
    qtbot.mouseClick(wizard.welcome.start, Qt.MouseButton.LeftButton)  # before any event is handled
    assert wizard.content is not None
    first = wizard.question_pages[content.questions[0].id]
    assert wizard.currentPage() is first and first.isVisible()
    qtbot.wait(50)  # the load planned after the first paint finds the content there and does nothing more
    assert wizard.currentPage() is first and len(wizard.question_pages) == len(content.questions)


def test_start_pressed_before_broken_content_arrives_shows_the_problem_once(qtbot: QtBot, tmp_path: Path) -> None:
    from misaid.ui import app

    shown: list[str] = []
    failed: list[bool] = []
    shell = app.start(tmp_path, mode="patient", on_failure=lambda: failed.append(True),
                      tell_problem=lambda box: shown.append(box.text()))
    qtbot.addWidget(shell)
    assert shell.wizard is not None
    qtbot.mouseClick(shell.wizard.welcome.start, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert failed == [True] and len(shown) == 1 and "misaid check" in shown[0]
    assert not shell.isVisible()
