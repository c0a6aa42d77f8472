"""The wizard's pages one at a time: what each kind of question offers, what Next allows, what the page shows.

Each page sits in a bare QWizard with a blank page after it, so Next shows whether the page counts as
answered, as it does for the patient. The whole journey is in test_wizard.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

from misaid.core import Content, normalise, record
from misaid.core.journey import Journey
from misaid.core.model import Audience, Text
from misaid.core.outline import heading
from misaid.ui import resources
from misaid.ui.i18n import tr
from misaid.ui.patient.pages import QuestionPage, ResultPage, UrgentPage
from misaid.ui.patient.result import ResultView


class Host:
    """Shows one page in a wizard of its own, with the app's stylesheet; keeps each wizard alive."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.wizards: list[QWizard] = []

    def __call__(self, page: QWizardPage, audience: Audience = "patient") -> QWizard:
        wizard = QWizard()
        wizard.setProperty("audience", audience)
        resources.apply_style(wizard)
        wizard.addPage(page)
        wizard.addPage(QWizardPage())
        self.qtbot.addWidget(wizard)
        self.wizards.append(wizard)
        wizard.resize(1280, 800)
        wizard.show()  # enters the page: initializePage
        self.qtbot.waitExposed(wizard)
        return wizard


@pytest.fixture
def host(qtbot: QtBot) -> Host:
    return Host(qtbot)


def question_page(content: Content, qid: str, journey: Journey | None = None,
                  audience: Audience = "patient") -> QuestionPage:
    return QuestionPage(content.question(qid), journey or Journey(content), audience)


def next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def words(page: QuestionPage) -> list[str]:
    """The answers offered, in reading order."""
    return [button.words() for button in page.buttons.values()]


def chosen(page: QuestionPage) -> list[str]:
    return [button.words() for button in page.buttons.values() if button.isChecked()]


def labels(content: Content, qid: str, audience: Audience = "patient") -> dict[str, str]:
    return {c.value: c.label.get(audience) for c in content.question(qid).choices}


def shown_labels(page: QWizardPage) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]


# --- one answer -------------------------------------------------------------------------------------
def test_a_one_answer_page_offers_the_contents_words_with_not_sure_last(host: Host, content: Content) -> None:
    page = question_page(content, "region")
    wizard = host(page)
    said = labels(content, "region")
    assert words(page) == [w for v, w in said.items() if v != "unsure"] + [said["unsure"]]
    assert tr("None of these") not in words(page), "only a many-answer question has 'None of these'"
    assert page.text.text() == content.question("region").text.get("patient") and not next_enabled(wizard)
    page.buttons["neck"].click()
    page.buttons["low_back"].click()
    assert chosen(page) == [said["low_back"]] and next_enabled(wizard)
    page.buttons["low_back"].click()  # a second tap on the chosen answer does not leave the page unanswered
    assert chosen(page) == [said["low_back"]] and next_enabled(wizard)
    page.buttons["unsure"].click()
    assert chosen(page) == [said["unsure"]] and next_enabled(wizard)


# --- many answers -----------------------------------------------------------------------------------
def test_a_many_answer_page_adds_none_of_these_before_not_sure(host: Host, content: Content) -> None:
    page = question_page(content, "symptoms")
    wizard = host(page)
    said = labels(content, "symptoms")
    plain = [w for v, w in said.items() if v != "unsure"]
    assert words(page) == [*plain, tr("None of these"), said["unsure"]]
    told: list[str] = []
    page.answered.connect(told.append)
    page.buttons["leg_pain"].click()
    page.buttons["back_pain"].click()
    assert chosen(page) == [said["back_pain"], said["leg_pain"]] and next_enabled(wizard)
    assert told == ["symptoms", "symptoms"], "every change is told (consultation follows it live)"


def test_many_answers_fill_two_columns_in_reading_order(host: Host, content: Content) -> None:
    symptoms, region = question_page(content, "symptoms"), question_page(content, "region")
    host(symptoms)
    host(region)
    buttons = list(symptoms.buttons.values())
    half = (len(buttons) + 1) // 2
    lefts = [b.mapTo(symptoms, b.rect().topLeft()) for b in buttons]
    assert len({p.x() for p in lefts[:half]}) == 1 and len({p.x() for p in lefts[half:]}) == 1
    assert lefts[0].x() < lefts[half].x(), "the first answers on the left, read (and tabbed) top to bottom"
    assert all(a.y() < b.y() for a, b in zip(lefts[:half - 1], lefts[1:half], strict=True))
    assert len({b.mapTo(region, b.rect().topLeft()).x() for b in region.buttons.values()}) == 1, \
        "a few answers stay in one column"


# --- a number -----------------------------------------------------------------------------------------
def test_the_age_comes_from_the_pad_or_the_keyboard_within_its_range(host: Host, content: Content) -> None:
    age = content.question("age")
    assert (age.minimum, age.maximum) == (0, 120)
    journey = Journey(content)
    page = question_page(content, "age", journey)
    wizard = host(page)
    assert page.number.placeholderText() == tr("years") and not next_enabled(wizard)
    for key in "007":
        page.pad[key].click()
    assert page.number.text() == "7" and next_enabled(wizard), "leading zeros are dropped"
    page.pad["\u232b"].click()
    assert page.number.text() == "" and not next_enabled(wizard)
    for key in "1204":
        page.pad[key].click()
    assert page.number.text() == "120" and next_enabled(wizard), "no more digits than the oldest age has"
    QTest.keyClick(page.number, Qt.Key.Key_Backspace)
    QTest.keyClicks(page.number, "5")
    assert page.number.text() == "125" and not next_enabled(wizard), "past the range: not an answer"
    QTest.keyClick(page.number, Qt.Key.Key_Backspace)
    assert page.number.text() == "12" and next_enabled(wizard)
    assert journey.public()["age"] == 12


def test_rather_not_say_and_a_number_take_each_others_place(host: Host, content: Content) -> None:
    page = question_page(content, "age")
    wizard = host(page)
    assert page.skip.words() == tr("I'd rather not say, or I'm not sure")
    for key in "64":
        page.pad[key].click()
    page.skip.click()
    assert page.skip.isChecked() and page.number.text() == "" and next_enabled(wizard)
    page.pad["5"].click()
    assert not page.skip.isChecked() and page.number.text() == "5" and next_enabled(wizard)
    page.skip.click()
    page.skip.click()  # taken back: nothing said
    assert not page.skip.isChecked() and page.number.text() == "" and not next_enabled(wizard)


def test_a_clinician_is_asked_for_the_age_in_clinical_words(host: Host, content: Content) -> None:
    page = question_page(content, "age", audience="clinician")
    host(page, "clinician")
    assert page.skip.words() == tr("Not known") and page.number.placeholderText() == ""
    assert page.text.text() == content.question("age").text.get("clinician")


# --- coming back to a page ----------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "expected"), [
    ({"age": 64, "region": "low_back", "symptoms": ["leg_pain", "back_pain"]},
     {"age": "64", "region": ["low_back"], "symptoms": ["back_pain", "leg_pain"]}),
    ({"region": "unsure", "symptoms": []},  # age left out: not said
     {"age": "", "region": ["unsure"], "symptoms": [""]}),
    ({"symptoms": ["unsure"]}, {"age": "", "region": ["unsure"], "symptoms": ["unsure"]}),
])
def test_a_page_shows_the_journeys_answer_when_it_is_reached(
    host: Host, content: Content, raw: dict[str, Any], expected: dict[str, Any]
) -> None:
    journey = Journey(content)
    journey.restore(normalise(content, raw))  # as a case code does, or answers changed elsewhere
    for qid, shown in expected.items():
        page = question_page(content, qid, journey)
        wizard = host(page)
        said = labels(content, qid) | {"": tr("None of these")}
        if qid == "age":
            assert page.number.text() == shown and page.skip.isChecked() == (shown == "")
        else:
            assert chosen(page) == [said[value] for value in shown]
        assert next_enabled(wizard), "an answer from before counts"
    journey.reset()
    page = question_page(content, "symptoms", journey)
    wizard = host(page)
    assert chosen(page) == [] and not next_enabled(wizard)


def test_focus_starts_on_the_chosen_answer(qtbot: QtBot, host: Host, content: Content) -> None:
    journey = Journey(content)
    journey.set("region", "low_back")
    region, age = question_page(content, "region", journey), question_page(content, "age", journey)
    for page, target in ((region, region.buttons["low_back"]), (age, age.number)):
        wizard = host(page)
        wizard.activateWindow()
        qtbot.waitUntil(wizard.isActiveWindow)
        page.focus_first()
        qtbot.waitUntil(lambda target=target: QApplication.focusWidget() is target)


def test_help_is_shown_on_request_and_folded_when_the_page_is_reached_again(host: Host, content: Content) -> None:
    page = question_page(content, "condition")
    wizard = host(page)
    help_text = content.question("condition").help.get("patient")
    assert page.help_button.isVisible() and help_text not in shown_labels(page)
    page.help_button.click()
    assert help_text in shown_labels(page)
    wizard.restart()
    assert help_text not in shown_labels(page)
    silent = record.replace(content.question("condition"), help=Text.plain(""))
    without = QuestionPage(silent, Journey(content), "patient")
    host(without)
    assert not without.help_button.isVisible(), "no promise of help that is not there"


# --- red flags ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("audience", ["patient", "clinician"])
def test_the_urgent_screen_shows_the_journeys_notes_and_only_those(
    qtbot: QtBot, host: Host, content: Content, audience: Audience
) -> None:
    journey = Journey(content)
    journey.restore(normalise(content, {"region": "mid_back", "symptoms": ["fever_weight_loss"]}))
    page = UrgentPage(journey, audience)
    wizard = host(page, audience)
    fever = [u.text.get(audience) for u in journey.urgent()]
    assert fever and page.shown_texts() == fever
    shown = shown_labels(page)
    assert shown[0] == heading("urgent", audience, tr) and all(text in shown for text in fever)
    journey.restore(normalise(content, {"region": "low_back", "symptoms": ["bladder_bowel"]}))
    wizard.restart()
    bladder = [u.text.get(audience) for u in journey.urgent()]
    assert bladder and set(bladder).isdisjoint(fever)
    assert page.shown_texts() == bladder

    def only_the_new_notes() -> None:  # the old notes go once the event loop runs, before anything is painted
        shown = shown_labels(page)
        assert all(text in shown for text in bladder) and not any(text in shown for text in fever)
        assert shown.count(heading("urgent", audience, tr)) == 1

    qtbot.waitUntil(only_the_new_notes)


# --- the result -----------------------------------------------------------------------------------------
def test_the_result_page_offers_print_and_save_and_says_how_printing_went(host: Host, content: Content) -> None:
    page = ResultPage(ResultView(content, "patient"), "patient")
    host(page)
    assert page.print_button.accessibleName() == "Print" and page.pdf_button.accessibleName() == "Save as PDF"
    assert page.print_button.isVisible() and page.pdf_button.isVisible() and not page.print_note.isVisible()
    assert not page.print_button.icon().isNull() and not page.pdf_button.icon().isNull()
    page.printed()
    said = tr("Your page is printing. Please take it from the printer.")
    assert page.print_note.isVisible() and page.print_note.text() == said == page.print_note.accessibleName()
    page.printed(False)
    assert "ask at the desk" in page.print_note.text() and page.print_note.accessibleName() == page.print_note.text()
