"""Issue 10: what a screen reader gets (through Qt's accessibility interfaces) and what the keyboard alone reaches.

The same interfaces feed AT-SPI on Linux (.ci/atspi_check.py reads them through the real bridge) and UI
Automation on Windows; here they are read directly with QAccessible.queryAccessibleInterface.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.core.casecode import encode, pretty
from misaid.core.kinds import kind_of
from misaid.core.outline import heading as outline_heading
from misaid.ui import accessibility, resources
from misaid.ui.consultation.view import ConsultationView
from misaid.ui.i18n import tr
from misaid.ui.patient.pages import QuestionPage
from misaid.ui.patient.wizard import RESULT, Wizard, is_urgent
from misaid.ui.practice.view import PracticeView
from misaid.ui.widgets import ChoiceButton, Picture, heading
from tests.ui.journey_helpers import ANSWER_SETS, answer

Role = QAccessible.Role
MARKS = "\u25cb\u25c9\u2610\u2611\u25cf"  # the shapes drawn beside answers and fits: never said aloud


def reader(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None, widget
    return iface


def name(widget: QWidget) -> str:
    return str(reader(widget).text(QAccessible.Text.Name))


def description(widget: QWidget) -> str:
    return str(reader(widget).text(QAccessible.Text.Description))


def tree(iface: QAccessibleInterface | None) -> Iterator[QAccessibleInterface]:
    """Every interface under `iface` that is on screen, in reading order, as assistive technology walks it."""
    if iface is None or iface.state().invisible:
        return
    yield iface
    for index in range(iface.childCount()):
        yield from tree(iface.child(index))


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_round(start: QWidget, limit: int = 80) -> list[QWidget]:
    """Tab from `start` until the focus comes back to it: every stop on the way, `start` first."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(limit):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is start:
            return seen
        assert focused() not in seen, f"Tab goes round without coming back to the start: {seen + [focused()]}"
        seen.append(focused())
    raise AssertionError(f"Tab never came back to {start}: a trap, or too many stops ({len(seen)})")


def navigation(wizard: Wizard) -> list[QAbstractButton]:
    buttons = [wizard.button(which) for which in Wizard.NAVIGATION]
    return [b for b in buttons if b.isVisible() and b.isEnabled()]


def active(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def visible_text(button: QAbstractButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026").strip()


def assert_buttons_named_as_they_read(where: QWidget) -> None:
    """Every button on screen has a name, and (WCAG 2.5.3, label in name) its name holds the words it shows."""
    for button in where.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        said = name(button)
        assert said.strip(), f"{button} ({button.text()!r}) has no accessible name"
        assert not any(mark in said for mark in MARKS), f"{said!r}: a drawn mark is part of the name"
        shown = visible_text(button)
        if any(ch.isalpha() for ch in shown):
            assert shown.casefold() in said.casefold(), f"{shown!r} is named {said!r}"


# --- the widgets ------------------------------------------------------------------------------------------------
def test_one_answer_is_a_radio_button_and_several_a_check_box(qtbot: QtBot) -> None:
    one, many = ChoiceButton("Neck", "Up to the shoulders", "one"), ChoiceButton("Leg pain", "", "many")
    for button in (one, many):
        qtbot.addWidget(button)
        button.show()
    assert reader(one).role() == Role.RadioButton and reader(many).role() == Role.CheckBox
    assert name(one) == "Neck" and description(one) == "Up to the shoulders"
    # the inner labels and the drawn mark are how it looks, not objects of their own
    assert reader(one).childCount() == 0 and reader(many).childCount() == 0
    state = reader(one).state()
    assert state.checkable and not state.checked
    one.click()
    assert reader(one).state().checked
    one.set_context("Question 2 of 7: Where does it bother you most?")
    assert description(one) == "Question 2 of 7: Where does it bother you most?\nUp to the shoulders"
    one.set_context("")
    assert description(one) == "Up to the shoulders"


def test_an_answer_can_be_chosen_through_its_action(qtbot: QtBot) -> None:
    button = ChoiceButton("Leg pain", "", "many")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda checked: clicks.append(checked))
    iface = reader(button)
    actions = iface.actionInterface()
    assert actions is not None
    assert actions.pressAction() in actions.actionNames() and actions.setFocusAction() in actions.actionNames()
    actions.doAction(actions.toggleAction())
    assert button.isChecked() and clicks == [True], "a screen reader's action is a click: the page hears it"


def test_roles_hold_when_a_screen_reader_is_already_listening(qtbot: QtBot) -> None:
    """With a reader on, Qt makes a label's interface while the label is made; the role must still be seen."""
    was = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        title = heading("Talk to your surgeon")
        button = ChoiceButton("Neck")
        qtbot.addWidget(title)
        qtbot.addWidget(button)
        assert reader(title).role() == Role.Heading and name(title) == "Talk to your surgeon"
        assert reader(button).role() == Role.RadioButton
        accessibility.set_role(button, Role.CheckBox)  # a role set again later is seen too
        assert reader(button).role() == Role.CheckBox
    finally:
        QAccessible.setActive(was)


def test_a_picture_is_an_image_named_by_what_it_shows(qtbot: QtBot) -> None:
    path = resources.diagram_path("approach-overview")
    picture = Picture(path, resources.svg_description(path))
    qtbot.addWidget(picture)
    assert reader(picture).role() == Role.Graphic
    assert name(picture) == resources.svg_description(path) and not name(picture).startswith("Picture")


# --- the patient's journey --------------------------------------------------------------------------------------
def check_question_on_arrival(wizard: Wizard, page: QuestionPage) -> None:
    position, total = wizard.journey.progress(page.question.id)
    words = page.question.text.get("patient")
    arrival = f"Question {position} of {total}: {words}"
    target = focused()
    kind = kind_of(page.question)
    if kind.numeric:
        assert target is page.number
        assert reader(target).role() == Role.EditableText and name(target) == words
    else:
        answers = list(page.buttons.values())
        assert target is next((b for b in answers if b.isChecked()), answers[0]), "the focus starts on an answer"
        assert reader(target).role() == (Role.CheckBox if kind.several else Role.RadioButton)
        assert name(target) == target.words()  # type: ignore[attr-defined]
        # the other answers keep their own words and help only
        assert all(not description(b).startswith("Question") for b in answers if b is not target)
    assert description(target).startswith(arrival), description(target)
    # the answers are a group named by the question
    group = reader(page.body)
    assert group.role() == Role.Grouping and group.text(QAccessible.Text.Name) == words
    assert target.parentWidget() is page.body


def check_tab_order(wizard: Wizard, stops: list[QWidget]) -> None:
    """Tab: the page's own controls in reading order, then Next, Back and Start over, then round again."""
    shown = [w for w in stops if w.isVisible() and w.isEnabled()]
    walked = tab_round(shown[0])
    assert walked == shown + navigation(wizard), [name(w) for w in walked]


@pytest.mark.parametrize("answers", ["low-back-disc", "red-flag"])
def test_every_page_says_where_the_person_is_and_what_is_asked(
    qtbot: QtBot, wizard: Wizard, answers: str
) -> None:
    raw: dict[str, Any] = ANSWER_SETS[answers]
    active(qtbot, wizard)
    wizard.welcome.start.click()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    seen = []
    while wizard.currentId() != RESULT:
        page = wizard.currentPage()
        if is_urgent(wizard.currentId()):
            seen.append("urgent")
            check_urgent_page(wizard)
        else:
            assert isinstance(page, QuestionPage)
            seen.append(page.question.id)
            check_question_on_arrival(wizard, page)
            answer(page, raw.get(page.question.id))
            check_tab_order(wizard, page.tab_stops())
            assert name(next_button) == "Next" and next_button.text() == "&Next"
        assert_buttons_named_as_they_read(wizard)
        next_button.click()
        assert len(seen) < 20
    assert ("urgent" in seen) == (answers == "red-flag")
    check_result_on_arrival(qtbot, wizard, urgent=answers == "red-flag")


def check_urgent_page(wizard: Wizard) -> None:
    page = wizard.urgent_page
    frame = page.frame
    assert focused() is frame, "the warning takes the focus first, not Continue"
    alert = reader(frame)
    assert alert.role() == Role.AlertMessage
    assert alert.text(QAccessible.Text.Name) == outline_heading("urgent", "patient", tr)
    for note in page.shown_texts():
        assert note in alert.text(QAccessible.Text.Description)
    onward = wizard.button(wizard.WizardButton.NextButton)
    assert onward.text() == "&Continue" and onward.accessibleName() == "Continue" and name(onward) == "Continue"
    check_tab_order(wizard, page.tab_stops())


def check_result_on_arrival(qtbot: QtBot, wizard: Wizard, urgent: bool) -> None:
    view = wizard.result_view
    start = focused()
    assert start is not wizard.button(wizard.WizardButton.CustomButton1), "never Start over: Enter would wipe it"
    assert start.objectName() == ("urgent" if urgent else "keyPoints") and isinstance(start, QFrame)
    assert view.widget() is not None and view.widget().isAncestorOf(start)
    assert name(start) == start.findChild(QLabel).text(), "the box is named by its heading"
    assert description(start), "and described by what it says"
    # headings a screen reader can jump between
    headings = [i for i in tree(reader(view)) if i.role() == Role.Heading]
    assert len(headings) > 3, [h.text(QAccessible.Text.Name) for h in headings]
    # the four choices: reachable by Tab, named with their fit, described by what their column says
    fits = view.shown_fits()
    for rid, card in view.approach_cards.items():
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert name(card).endswith(f": {fits[rid]}") and len(description(card)) > 80
    for picture in view.findChildren(Picture):
        assert reader(picture).role() == Role.Graphic
        assert name(picture) and not name(picture).startswith("Picture")
    # no decorative mark is an object or part of a name
    for iface in tree(reader(view)):
        said = iface.text(QAccessible.Text.Name)
        assert not any(mark in said for mark in MARKS), said
    # the case code is in an accessible name, character by character
    code = pretty(encode(dict(wizard.journey.explanation().answers)))
    assert view.case_code is not None and " ".join(code.replace("-", "")) in name(view.case_code)
    assert_buttons_named_as_they_read(wizard)
    check_result_keyboard(qtbot, wizard)


def check_result_keyboard(qtbot: QtBot, wizard: Wizard) -> None:
    view, page = wizard.result_view, wizard.result_page
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    start = focused()
    # End, Home and the page keys scroll the result from wherever the keyboard is on the page
    for where in (start, page.print_button):
        where.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(focused(), Qt.Key.Key_End)
        assert bar.value() == bar.maximum()
        QTest.keyClick(focused(), Qt.Key.Key_Home)
        assert bar.value() == 0
        QTest.keyClick(focused(), Qt.Key.Key_PageDown)
        assert bar.value() > 0
        QTest.keyClick(focused(), Qt.Key.Key_PageUp)
        assert bar.value() == 0
    # Tab: Print and Save, then the result's sections in reading order, then Back and Start over; and round
    walked = tab_round(page.print_button)
    stops = [w for w in page.tab_stops() if w.isVisible() and w.isEnabled()]
    assert walked == [w for w in stops if w in walked] + navigation(wizard), [name(w) for w in walked]
    for _, pair, _ in view.ready_answers:  # a yes/no pair is one stop, as a radio group is; arrows choose
        assert reader(pair.buttons()[0]).role() == Role.RadioButton
        assert len([b for b in pair.buttons() if b in walked]) == 1
    assert len(walked) == len(stops) - len(view.ready_answers) + len(navigation(wizard))
    cards = [stops.index(card) for card in view.approach_cards.values()]
    assert walked.index(start) == 2 and stops.index(view.why_button) > max(cards)
    # each section scrolled into view as Tab reaches it, its top (its heading) first
    for card in view.approach_cards.values():
        view.widget().setFocus()  # type: ignore[union-attr]
        card.setFocus(Qt.FocusReason.TabFocusReason)
        top = card.mapTo(view.viewport(), QPoint(0, 0)).y()
        assert 0 <= top < view.viewport().height() // 2, top


def test_the_keyboard_reaches_every_answer_and_never_leaves_the_window(qtbot: QtBot, content: Content) -> None:
    from misaid.ui.shell import Shell

    shell = Shell(content, mode="patient")  # with the window's own controls around the wizard
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitExposed(shell)
    active(qtbot, shell)
    wizard = shell.wizard
    assert wizard is not None
    wizard.welcome.start.click()
    # typing an age keeps the focus in the field (QWizard hides its page for a moment after each change)
    assert focused() is wizard.currentPage().number
    QTest.keyClicks(focused(), "61")
    assert focused() is wizard.currentPage().number and wizard.journey.value("age") == 61
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, QuestionPage)
    walked = tab_round(page.help_button)
    # the page's controls in reading order, then Next, Back and Start over (the window's own follow)
    assert walked[: 1 + len(page.buttons)] == [page.help_button, *page.buttons.values()]
    after = walked[1 + len(page.buttons):]
    assert [w for w in after if wizard.isAncestorOf(w)] == navigation(wizard)
    assert all(w.window() is shell for w in walked)


# --- consultation and practice ----------------------------------------------------------------------------------
def test_the_consultation_names_its_answers_groups_and_code(qtbot: QtBot, content: Content) -> None:
    view = ConsultationView(content)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    for qid, control in view.controls.items():
        if control.spin is not None:
            continue
        group = reader(control)
        assert group.role() == Role.Grouping and group.text(QAccessible.Text.Name) == content.question(qid).text.get(
            "clinician")
        want = Role.CheckBox if control.kind.several else Role.RadioButton
        assert all(reader(b).role() == want and reader(b).childCount() == 0 for b in control.buttons.values())
    code = pretty(encode(view.journey.answers()))
    assert code in name(view.current_code) and name(view.current_code) == view.current_code.text()
    view.controls["region"].buttons["neck"].click()
    assert pretty(encode(view.journey.answers())) in name(view.current_code)
    view.code_box.setText("XXXX")
    view._code_typed("XXXX")
    assert name(view.code_status) == view.code_status.text() and any(ch.isdigit() for ch in name(view.code_status))
    assert_buttons_named_as_they_read(view)
    view.patient_button.click()
    assert_buttons_named_as_they_read(view)


def test_practice_scores_are_in_their_names_and_check_is_announced(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = PracticeView(content, seed=7)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert name(view.running) == view.running.text() and any(ch.isdigit() for ch in name(view.running))
    assert_buttons_named_as_they_read(view)
    said: list[str] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(lambda event: said.append(event.message())))
    for buttons in view.fit_buttons.values():
        next(iter(buttons.values())).click()
    view.check_button.click()
    assert said and view.score_line.text() in said[-1], "the score and what differs are said after Check"
    assert name(view.running) == view.running.text() and view.running.text().startswith("1 of")
    assert_buttons_named_as_they_read(view)
    view.finish()
    assert said[-1] == view.summary.text() == name(view.summary) and any(ch.isdigit() for ch in said[-1])
    assert_buttons_named_as_they_read(view)
