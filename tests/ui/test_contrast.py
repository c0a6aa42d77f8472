"""Contrast, measured on the colours actually painted, in the usual look and in high contrast.

Each check grabs the window and reads pixels (WCAG 2 relative luminance and contrast ratio):
- words: the ink (the pixel furthest from the background) against the background (the commonest colour):
  at least 7:1 for a patient, 4.5:1 for a clinician and for placeholder words;
- outlines of controls (answers, buttons, fields, check boxes, radio buttons) against the page: 3:1;
- the focus ring: some colour of it at least 3:1 against the page and against the control's own fill, and the
  change that focus makes at least 3:1 (a chosen answer's ring was 1.4:1 before the two-tone ring).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from misaid.core import Content
from misaid.ui import resources
from misaid.ui.patient.pages import QuestionPage
from misaid.ui.shell import Shell
from misaid.ui.widgets import ChoiceButton
from tests.ui.journey_helpers import ANSWER_SETS, walk

THEMES = ("default", "contrast")
PATIENT, CLINICIAN, PLACEHOLDER, OUTLINE, FOCUS = 7.0, 4.5, 4.5, 3.0, 3.0
RING = 6  # px: the focus ring's width (assets/style.qss)


@pytest.fixture(autouse=True)
def usual_display(qapp: QApplication) -> Iterator[None]:
    resources.display().reset()
    yield
    resources.display().reset()


# --- WCAG 2 -----------------------------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- reading the screen -------------------------------------------------------------------------------
def into_view(widget: QWidget) -> None:
    """Scroll every scroll area around `widget` so that it is on screen."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 20, 20)
        parent = parent.parentWidget()
    QApplication.processEvents()


def grab(widget: QWidget, rect: QRect | None = None, around: int = 0) -> QImage:
    """What the window shows over `rect` of `widget` (its whole rect by default), `around` px wider each side."""
    window = widget.window()
    into_view(widget)
    assert not widget.visibleRegion().isEmpty(), f"{widget} is not on screen"
    area = rect if rect is not None else widget.rect()
    top_left = widget.mapTo(window, area.topLeft())
    return window.grab(QRect(top_left, area.size()).adjusted(-around, -around, around, around)).toImage()


def pixels(image: QImage, region: QRect | None = None) -> list[QColor]:
    area = region if region is not None else image.rect()
    return [image.pixelColor(x, y) for y in range(area.top(), area.bottom() + 1)
            for x in range(area.left(), area.right() + 1)]


def words_contrast(image: QImage) -> tuple[float, QColor, QColor]:
    """(ratio, ink, background): the commonest colour is the background, the pixel furthest from it the ink."""
    counted = Counter(c.rgb() for c in pixels(image))
    background = QColor.fromRgb(counted.most_common(1)[0][0])
    ink = max((QColor.fromRgb(rgb) for rgb in counted), key=lambda c: ratio(c, background))
    return ratio(ink, background), ink, background


def label_contrast(label: QLabel) -> tuple[float, QColor, QColor]:
    """The words' contrast inside the label's contents (its own border and padding left out)."""
    return words_contrast(grab(label, label.contentsRect()))


def row(widget: QWidget, around: int) -> list[QColor]:
    """The pixels of the row through the widget's middle, from `around` px left of it to its middle."""
    image = grab(widget, around=around)
    y = image.height() // 2
    return [image.pixelColor(x, y) for x in range(0, around + widget.width() // 2)]


def focused(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert widget.hasFocus(), f"{widget} did not take the focus"


def unfocused(widget: QWidget) -> None:
    if widget.hasFocus():
        widget.clearFocus()
    QApplication.processEvents()


def fmt(colour: QColor) -> str:
    return colour.name()


# --- the screens -------------------------------------------------------------------------------------
def open_shell(qtbot: QtBot, content: Content, theme: str) -> Shell:
    resources.display().set_high_contrast(theme == "contrast")
    shell = Shell(content)
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitExposed(shell)
    shell.activateWindow()  # :focus needs the active window
    qtbot.waitUntil(shell.isActiveWindow)
    return shell


def question_page(shell: Shell) -> QuestionPage:
    """The first page of answers to choose from (after the age), with its first answer chosen."""
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    wizard.welcome.start.click()
    page = wizard.currentPage()
    assert isinstance(page, QuestionPage)
    page.pad["4"].click()
    page.pad["5"].click()
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, QuestionPage) and not page.kind.numeric
    next(iter(page.buttons.values())).click()
    return page


def answer_words(button: ChoiceButton) -> QLabel:
    return next(label for label in button.findChildren(QLabel) if label.objectName() != "mark")


# --- the measure itself can fail ---------------------------------------------------------------------------
def test_the_measure_finds_words_that_are_too_pale(qtbot: QtBot) -> None:
    pale = QLabel("Pale grey words")
    pale.setStyleSheet("QLabel { color: #9a9a9a; background: #ffffff; font-size: 20pt; }")
    qtbot.addWidget(pale)
    pale.show()
    qtbot.waitExposed(pale)
    measured, ink, background = label_contrast(pale)
    assert background.name() == "#ffffff" and ink.name() == "#9a9a9a"
    assert measured == pytest.approx(2.8, abs=0.1) and measured < CLINICIAN


# --- words ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_patient_words_are_at_least_7_to_1(qtbot: QtBot, content: Content, theme: str) -> None:
    shell = open_shell(qtbot, content, theme)
    page = question_page(shell)
    page.help_button.setChecked(True)
    chosen, plain = [b for b in page.buttons.values() if b.isChecked()][0], list(page.buttons.values())[1]
    wizard = shell.wizard
    assert wizard is not None
    samples: dict[str, QLabel] = {"the question": page.text, "the progress": page.progress,
                                  "the help": page.help, "an answer": answer_words(plain),
                                  "a chosen answer": answer_words(chosen)}
    shown = {name: label_contrast(label) for name, label in samples.items()}
    wizard.start_over()
    walk(wizard, ANSWER_SETS["low-back-disc"])
    result_labels = [label for label in wizard.result_view.widget().findChildren(QLabel)
                     if label.isVisible() and label.text().strip()]
    for name in ("source", "heading", "small", "cell", "keyPoint", "caseCode"):
        label = next((lab for lab in result_labels if lab.objectName() == name), None)
        if label is not None:
            wizard.result_view.ensureWidgetVisible(label)
            shown[f"the result's {name}"] = label_contrast(label)
    assert len(shown) >= 8, f"too few of the result's words were found: {sorted(shown)}"
    for name, (measured, ink, background) in shown.items():
        assert measured >= PATIENT, f"{theme}: {name}: {fmt(ink)} on {fmt(background)} is {measured:.1f}:1"


@pytest.mark.parametrize("theme", THEMES)
def test_clinician_words_are_at_least_4_5_to_1(qtbot: QtBot, content: Content, theme: str) -> None:
    shell = open_shell(qtbot, content, theme)
    shell.open_mode("clinician")
    view = shell.pages["clinician"].body
    consultation = {"a question": next(iter(view.question_labels.values())),  # type: ignore[union-attr]
                    "the code": view.current_code}  # type: ignore[union-attr]
    shown = {name: label_contrast(label) for name, label in consultation.items()}
    shell.back_to_chooser()
    shell.open_mode("student")
    practice = shell.pages["student"].body
    shown["a vignette"] = label_contrast(practice.vignette)  # type: ignore[union-attr]
    shown["its answers"] = label_contrast(practice.answers)  # type: ignore[union-attr]
    radio = next(iter(practice.fit_buttons["anterior"].values()))  # type: ignore[union-attr]
    shown["a radio button's words"] = words_contrast(grab(radio, words_rect(radio)))
    for name, (measured, ink, background) in shown.items():
        assert measured >= CLINICIAN, f"{theme}: {name}: {fmt(ink)} on {fmt(background)} is {measured:.1f}:1"


def words_rect(button: QAbstractButton) -> QRect:
    """Where a check box or radio button draws its words."""
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonContents)
    return button.style().subElementRect(element, option, button)


def indicator_rect(button: QAbstractButton) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    return button.style().subElementRect(element, option, button)


@pytest.mark.parametrize("theme", THEMES)
def test_placeholder_words_are_at_least_4_5_to_1(qtbot: QtBot, content: Content, theme: str) -> None:
    shell = open_shell(qtbot, content, theme)
    shell.open_mode("clinician")
    code_box = shell.pages["clinician"].body.code_box  # type: ignore[union-attr]
    assert code_box.text() == "" and code_box.placeholderText()
    shown = {"the case code box": words_contrast(grab(code_box, code_box.rect().adjusted(8, 4, -8, -4)))}
    shell.back_to_chooser()
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    wizard.welcome.start.click()
    page = wizard.currentPage()
    assert isinstance(page, QuestionPage) and page.kind.numeric and page.number.placeholderText()
    unfocused(page.number)
    shown["the age"] = words_contrast(grab(page.number, page.number.rect().adjusted(8, 8, -8, -8)))
    for name, (measured, ink, background) in shown.items():
        assert measured >= PLACEHOLDER, f"{theme}: {name}: {fmt(ink)} on {fmt(background)} is {measured:.1f}:1"


# --- outlines ----------------------------------------------------------------------------------------------
def outline_contrast(widget: QWidget, inside: QRect | None = None) -> tuple[float, QColor, QColor]:
    """The outline's darkest pixel against the page just left of it, on the row through the middle."""
    area = inside if inside is not None else widget.rect()
    image = grab(widget, area, around=4)
    y = image.height() // 2
    page = image.pixelColor(1, y)
    edge = [image.pixelColor(x, y) for x in range(4, 4 + 3)]
    strongest = max(edge, key=lambda c: ratio(c, page))
    return ratio(strongest, page), strongest, page


@pytest.mark.parametrize("theme", THEMES)
def test_control_outlines_are_at_least_3_to_1(qtbot: QtBot, content: Content, theme: str) -> None:
    shell = open_shell(qtbot, content, theme)
    page = question_page(shell)
    wizard = shell.wizard
    assert wizard is not None
    plain = list(page.buttons.values())[1]
    chosen = [b for b in page.buttons.values() if b.isChecked()][0]
    focused(wizard.button(QWizard.WizardButton.NextButton))  # none of those measured has the focus
    shown = {"an answer": outline_contrast(plain), "a chosen answer": outline_contrast(chosen),
             "Back": outline_contrast(wizard.button(QWizard.WizardButton.BackButton))}
    shell.back_to_chooser()
    shell.open_mode("student")
    practice = shell.pages["student"].body
    practice.finish_button.setFocus()  # type: ignore[union-attr]
    radio = next(iter(practice.fit_buttons["anterior"].values()))  # type: ignore[union-attr]
    box = next(iter(practice.option_boxes.values()))  # type: ignore[union-attr]
    shown["a radio button"] = outline_contrast(radio, indicator_rect(radio))
    shown["a check box"] = outline_contrast(box, indicator_rect(box))
    shown["a list"] = outline_contrast(practice.region_filter)  # type: ignore[union-attr]
    shell.back_to_chooser()
    shell.open_mode("clinician")
    view = shell.pages["clinician"].body
    shown["the case code box"] = outline_contrast(view.code_box)  # type: ignore[union-attr]
    for name, (measured, line, background) in shown.items():
        assert measured >= OUTLINE, f"{theme}: {name}'s outline {fmt(line)} on {fmt(background)} is {measured:.1f}:1"


# --- the focus ring ------------------------------------------------------------------------------------------
def ring_problems(name: str, widget: QWidget) -> list[str]:
    """The ring on the row through the middle: against the page, against the control's fill, and the change."""
    unfocused(widget)
    before = row(widget, RING)
    focused(widget)
    after = row(widget, RING)
    page, fill = after[RING - 3], after[2 * RING + 3]  # just outside the control; just inside its border
    ring = after[RING: 2 * RING]
    problems = []
    best_page = max(ratio(c, page) for c in ring)
    best_fill = max(ratio(c, fill) for c in ring)
    changed = [ratio(a, b) for a, b in zip(before[RING: 2 * RING + 2], after[RING: 2 * RING + 2], strict=True)]
    if best_page < FOCUS:
        problems.append(f"{name}: the ring {[fmt(c) for c in ring]} is {best_page:.1f}:1 on the page {fmt(page)}")
    if best_fill < FOCUS:
        problems.append(f"{name}: the ring {[fmt(c) for c in ring]} is {best_fill:.1f}:1 on its fill {fmt(fill)}")
    if max(changed) < FOCUS or sum(c >= FOCUS for c in changed) < 2:
        problems.append(f"{name}: focus changes the edge by {max(changed):.1f}:1 at most "
                        f"({sum(c >= FOCUS for c in changed)} px at 3:1)")
    return problems


@pytest.mark.parametrize("theme", THEMES)
def test_the_focus_ring_shows_on_every_kind_of_control(qtbot: QtBot, content: Content, theme: str) -> None:
    shell = open_shell(qtbot, content, theme)
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    problems = ring_problems("Start", wizard.welcome.start)
    problems += ring_problems("a language", wizard.welcome.language_choice.buttons["es"])
    problems += ring_problems("High contrast", wizard.welcome.contrast_toggle)
    problems += ring_problems("A+", shell.pages["patient"].display_controls.bigger)
    page = question_page(shell)
    plain = list(page.buttons.values())[1]
    chosen = [b for b in page.buttons.values() if b.isChecked()][0]
    problems += ring_problems("an answer", plain)
    problems += ring_problems("a chosen answer", chosen)
    problems += ring_problems("Next", wizard.button(QWizard.WizardButton.NextButton))
    problems += ring_problems("Back", wizard.button(QWizard.WizardButton.BackButton))
    problems += ring_problems("a link", page.help_button)
    wizard.back()
    age = wizard.currentPage()
    assert isinstance(age, QuestionPage) and isinstance(age.number, QLineEdit)
    problems += ring_problems("the age", age.number)
    shell.back_to_chooser()
    shell.open_mode("student")
    practice = shell.pages["student"].body
    problems += ring_problems("a radio button", next(iter(practice.fit_buttons["anterior"].values())))  # type: ignore[union-attr]
    problems += ring_problems("a check box", next(iter(practice.option_boxes.values())))  # type: ignore[union-attr]
    problems += ring_problems("a list", practice.region_filter)  # type: ignore[union-attr]
    problems += ring_problems("Check", practice.check_button)  # type: ignore[union-attr]
    shell.back_to_chooser()
    shell.open_mode("clinician")
    view = shell.pages["clinician"].body
    problems += ring_problems("the case code box", view.code_box)  # type: ignore[union-attr]
    problems += ring_problems("a tool", view.print_button)  # type: ignore[union-attr]
    assert not problems, f"{theme}:\n" + "\n".join(problems)


def test_high_contrast_is_black_on_white(qtbot: QtBot, content: Content) -> None:
    shell = open_shell(qtbot, content, "contrast")
    page = question_page(shell)
    measured, ink, background = label_contrast(page.text)
    assert (ink.name(), background.name()) == ("#000000", "#ffffff") and measured == pytest.approx(21, abs=0.1)
    chosen = [b for b in page.buttons.values() if b.isChecked()][0]
    measured, ink, background = label_contrast(answer_words(chosen))
    assert (ink.name(), background.name()) == ("#ffffff", "#000000")
    plain = list(page.buttons.values())[1]
    assert outline_contrast(plain)[1].name() == "#000000"


def test_the_welcome_toggle_and_the_small_one_switch_every_screen(qtbot: QtBot, content: Content) -> None:
    shell = open_shell(qtbot, content, "default")
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    toggle = wizard.welcome.contrast_toggle
    small = shell.pages["patient"].display_controls.contrast
    assert toggle.accessibleName() == "High contrast" and toggle.text() == "" and not toggle.isChecked()
    QTest.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert resources.display().high_contrast and toggle.isChecked() and small.isChecked()
    assert "theme contrast" in shell.styleSheet().splitlines()[0]
    assert label_contrast(wizard.welcome.intro)[2].name() == "#ffffff"
    small.click()
    assert not resources.display().high_contrast and not toggle.isChecked()
    assert label_contrast(wizard.welcome.intro)[2].name() == "#fbfaf7", "the usual look again"


def test_high_contrast_follows_the_system_until_the_person_chooses(
        qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    system = [True]
    monkeypatch.setattr(resources, "system_high_contrast", lambda: system[0])
    shown = resources.display()
    assert shown.high_contrast
    shown.set_high_contrast(False)
    assert not shown.high_contrast, "the person's choice wins"
    shown.set_high_contrast(None)
    assert shown.high_contrast
    system[0] = False
    assert not shown.high_contrast


def test_the_system_setting_is_read_where_qt_has_it(qapp: QApplication) -> None:
    hints = QApplication.styleHints()
    if hasattr(hints, "accessibility"):  # Qt 6.10+
        expected = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
        assert resources.system_high_contrast() == expected
    else:
        assert resources.system_high_contrast() is False


def test_the_page_colour_is_where_the_ring_is_measured(qtbot: QtBot, content: Content) -> None:
    # the ring's neighbours are what the test says they are: page outside, fill inside
    shell = open_shell(qtbot, content, "default")
    shell.open_mode("patient")
    wizard = shell.wizard
    assert wizard is not None
    start = wizard.welcome.start
    focused(start)
    pixels_in_row = row(start, RING)
    assert pixels_in_row[RING - 3].name() == "#fbfaf7"
    assert pixels_in_row[2 * RING + 3].name() == "#1f4e79"
    assert {c.name() for c in pixels_in_row[RING: RING + 2]} == {"#000000"}
    assert QPoint(0, 0) == start.rect().topLeft()


# --- every kind of widget Tab reaches, on every screen -----------------------------------------------------
EDGE = 8  # px: the band along a widget's edges where its focus must show


def focus_change(widget: QWidget) -> float:
    """How much of the widget's edge focus changes by at least 3:1, in px of a line along its edges on screen.

    Only what is on screen counts: a column taller than the view shows its ring where its edges are in view.
    A tab bar shows its focus on the tab shown, so that tab's edges are measured.
    """
    area = widget.tabRect(widget.currentIndex()) if isinstance(widget, QTabBar) else widget.rect()
    into_view(widget)
    shown = widget.visibleRegion().boundingRect().intersected(area)
    assert not shown.isEmpty(), f"{widget} is not on screen"
    unfocused(widget)
    before = grab(widget, shown)
    focused(widget)
    after = grab(widget, shown)
    width, height = before.width(), before.height()
    # the edges of `area` that are on screen, and how long they are there
    edges = {"top": area.top() >= shown.top(), "bottom": area.bottom() <= shown.bottom(),
             "left": area.left() >= shown.left(), "right": area.right() <= shown.right()}
    length = (width * (edges["top"] + edges["bottom"]) + height * (edges["left"] + edges["right"]))
    changed = 0
    for y in range(height):
        near = (edges["top"] and y < EDGE) or (edges["bottom"] and y >= height - EDGE)
        band = range(width) if near else [*(range(EDGE) if edges["left"] else ()),
                                          *(range(width - EDGE, width) if edges["right"] else ())]
        changed += sum(ratio(before.pixelColor(x, y), after.pixelColor(x, y)) >= FOCUS for x in band)
    return changed / max(1, length)


def tab_stops(window: QWidget) -> list[QWidget]:
    """One or two of each kind of widget Tab reaches in `window` (the spin box stands for its own field)."""
    seen: Counter[str] = Counter()
    stops = []
    for widget in window.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.focusProxy() is not None or widget.objectName() == "qt_spinbox_lineedit":
            continue
        kind = f"{type(widget).__name__}#{widget.objectName()}"
        seen[kind] += 1
        if seen[kind] <= 2:
            stops.append(widget)
    return stops


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", ("welcome", "question", "result", "consultation", "practice"))
def test_every_tab_stop_shows_its_focus(qtbot: QtBot, content: Content, theme: str, screen: str) -> None:
    from tests.ui.test_text_size import go_to

    shell = open_shell(qtbot, content, theme)
    go_to(shell, screen)
    if screen == "result":
        assert shell.wizard is not None and shell.wizard.result_view.why_button is not None
        shell.wizard.result_view.why_button.setChecked(True)
    stops = tab_stops(shell)
    assert len(stops) >= 5
    problems = []
    for widget in stops:
        shown = focus_change(widget)
        if shown < 1:
            name = f"{type(widget).__name__}#{widget.objectName()} {widget.accessibleName()[:40]!r}"
            problems.append(f"{name}: focus changes {shown:.1f} px of its edge by 3:1")
    assert not problems, f"{screen}, {theme}:\n" + "\n".join(problems)
