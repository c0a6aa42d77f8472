"""The UI's one translation call, and Spanish: the catalogue the build ships, whole sentences, the language choice."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot
from tools import update_translations

from misaid.core import Content
from misaid.core import kiosk as kiosk_settings
from misaid.core.kiosk import KioskSettings
from misaid.core.outline import heading
from misaid.ui import i18n
from misaid.ui.consultation.view import ConsultationView, mnemonic_letter
from misaid.ui.i18n import CONTEXT, language, set_language, tr, translator_for
from misaid.ui.patient.wizard import RESULT, Wizard
from misaid.ui.practice.view import PracticeView
from misaid.ui.shell import Shell
from tests.ui.journey_helpers import ANSWER_SETS, walk
from tests.ui.kiosk.kiosk_helpers import open_kiosk

TS = i18n.TRANSLATIONS / "misaid_es.ts"
QM = i18n.catalogue("es")
PLACE = re.compile(r"%(?:\d|n)")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    set_language("es")
    try:
        yield
    finally:
        set_language("en")


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    # a test that fails half-way must not leave the next one speaking Spanish
    yield
    set_language("en")


def messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    plural = translation.findall("numerusform")
    return [f.text or "" for f in plural] if plural else [translation.text or ""]


# --- the one call: places filled once ----------------------------------------------------------------
def test_places_are_filled_by_number_in_one_pass(qapp: QApplication) -> None:
    assert tr("Question %1 of %2", 3, 11) == "Question 3 of 11"
    # a value holding a place marker is shown as typed, not filled again
    assert tr("Missed: %1; also %2", "50%2 off", "x") == "Missed: 50%2 off; also x"


def test_places_without_a_value_stay_and_plain_text_is_untouched(qapp: QApplication) -> None:
    assert tr("%1 of %2 characters", 4) == "4 of %2 characters"
    assert tr("100% sure") == "100% sure"


def test_n_fills_the_count(qapp: QApplication) -> None:
    assert tr("Please wait %n minute(s).", n=2) == "Please wait 2 minute(s)."


# --- the catalogue: what the build ships -----------------------------------------------------------------
def test_every_message_is_filed_under_the_context_the_app_asks_for() -> None:
    names = [c.findtext("name") for c in ET.parse(TS).getroot().iter("context")]
    assert names == [CONTEXT] == ["misaid"]
    assert len(messages()) > 200


def test_every_message_has_a_finished_spanish_translation() -> None:
    for message in messages():
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, f"unfinished: {source!r}"
        assert all(form.strip() for form in forms(message)), f"empty: {source!r}"
        if message.get("numerus") == "yes":
            assert len(forms(message)) == 2, f"Spanish has a singular and a plural: {source!r}"


def test_the_catalogue_holds_every_message_of_the_code_and_no_other() -> None:
    """pyside6-lupdate over src/misaid (plus the calls inside f-strings it cannot see), against the catalogue."""
    assert update_translations.problems("es") == []


def test_the_compiled_catalogue_is_what_lrelease_makes_of_the_source(tmp_path: Path) -> None:
    """The .qm the app loads can never go stale: compiled again from the .ts, it says the same for every message."""
    fresh = tmp_path / "fresh.qm"
    update_translations.compile_catalogue(TS, fresh)
    shipped, made = QTranslator(), QTranslator()
    assert shipped.load(str(QM)) and made.load(str(fresh))
    for message in messages():
        source = message.findtext("source") or ""
        counts = (1, 2, 5) if message.get("numerus") == "yes" else (-1,)
        for n in counts:
            said = made.translate(CONTEXT, source, None, n)
            assert said, f"lrelease left out {source!r}"
            assert shipped.translate(CONTEXT, source, None, n) == said, f"{QM.name} is stale for {source!r}"


def test_places_mnemonics_and_edges_survive_translation() -> None:
    for message in messages():
        source = message.findtext("source") or ""
        for spanish in forms(message):
            assert sorted(PLACE.findall(spanish)) == sorted(PLACE.findall(source)), (source, spanish)
            # an Alt+letter where the English has one, on a letter (the screen checks below say which)
            marks = re.findall(r"&(?!&)(.)", source.replace("&&", ""))
            spanish_marks = re.findall(r"&(?!&)(.)", spanish.replace("&&", ""))
            assert len(spanish_marks) == len(marks), (source, spanish)
            assert all(letter.isalpha() for letter in spanish_marks), spanish
            # a piece that is joined to others keeps its spaces
            assert spanish[:1].isspace() == source[:1].isspace() and spanish[-1:].isspace() == source[-1:].isspace()


# --- speaking Spanish -----------------------------------------------------------------------------------------
def test_real_strings_come_back_in_spanish(spanish: None) -> None:
    assert language() == "es"
    assert tr("Start again") == "Empezar de nuevo"
    assert tr("Start &over") == "Volver a &empezar"
    assert tr("Question %1 of %2", 3, 11) == "Pregunta 3 de 11"
    assert tr("%1: you said \u201c%2\u201d; the sources say \u201c%3\u201d.", "A", "B", "C") == (
        "A: usted dijo \u00abB\u00bb; las fuentes dicen \u00abC\u00bb.")
    # the core's headings, marked with QT_TRANSLATE_NOOP, land in the same context
    assert heading("urgent", "patient", tr) == "Busque atención urgente ahora"
    assert heading("not_sure", "patient", tr) == "No lo sé"
    minutes = "Too many wrong tries. Please wait %n minute(s)."
    assert tr(minutes, n=1) == "Demasiados intentos fallidos. Espere 1 minuto, por favor."
    assert tr(minutes, n=3) == "Demasiados intentos fallidos. Espere 3 minutos, por favor."
    assert QLocale().language() == QLocale.Language.Spanish  # dates and numbers too


def test_going_back_to_english(qapp: QApplication) -> None:
    system = QLocale().name()
    set_language("es")
    set_language("en")
    assert language() == "en" and tr("Start again") == "Start again" and QLocale().name() == system


def test_qt_own_dialog_words_follow_when_qt_ships_them(spanish: None) -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_es.qm").is_file():
        pytest.skip("this Qt has no Spanish for its own dialogs")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None and button.text().replace("&", "") == "Cancelar"


def test_an_unknown_language_is_refused_and_nothing_changes(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        set_language("fr")
    assert language() == "en"


def test_the_languages_agree_everywhere() -> None:
    assert i18n.LANGUAGES == kiosk_settings.LANGUAGES
    assert set(i18n.NAMES) == set(i18n.LANGUAGES)
    for code in i18n.LANGUAGES[1:]:
        assert i18n.catalogue(code).is_file() and code in update_translations.LANGUAGES


def test_the_command_line_translator_changes_nothing_global(qapp: QApplication) -> None:
    translate = translator_for("es")
    assert translate("Sources") == "Fuentes" and translate("no such words") == "no such words"
    assert tr("Sources") == "Sources" and language() == "en"


# --- the screens in Spanish -------------------------------------------------------------------------------------
def letters(widgets: list[QWidget]) -> list[str]:
    shown = [w for w in widgets if w.isVisible() and isinstance(w, (QAbstractButton, QLabel))]
    return [letter for w in shown if (letter := mnemonic_letter(w.text()))]


def page_letters(wizard: Wizard) -> list[str]:
    page = wizard.currentPage()
    chrome = [wizard.button(b) for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                                         QWizard.WizardButton.CustomButton1)]
    return letters(page.findChildren(QWidget) + chrome)


def test_a_journey_in_spanish_has_spanish_chrome_and_content(qtbot: QtBot, content: Content, spanish: None) -> None:
    wizard = Wizard(content, "patient")
    qtbot.addWidget(wizard)
    wizard.resize(1280, 800)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.welcome.start.text() == "&Empezar"
    assert wizard.welcome.language_choice.buttons["es"].isChecked()
    seen_letters = [page_letters(wizard)]
    wizard.welcome.start.click()
    page = wizard.currentPage()
    first = content.questions[0]
    assert page.text.text() == first.text.get("patient", "es")  # type: ignore[attr-defined]
    assert page.progress.text().startswith("Pregunta 1 de ")  # type: ignore[attr-defined]
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Siguiente"
    assert wizard.button(QWizard.WizardButton.CustomButton1).text() == "Volver a &empezar"
    seen_letters.append(page_letters(wizard))
    wizard.restart()
    walk(wizard, ANSWER_SETS["red-flag"])
    assert wizard.currentId() == RESULT
    seen_letters.append(page_letters(wizard))
    shown = "\n".join(wizard.result_view.texts())
    assert "Busque atención urgente ahora" in shown and "Su código de caso" in shown
    for page_marks in seen_letters:
        assert len(page_marks) == len(set(page_marks)), f"an Alt+letter twice on one screen: {page_marks}"


def test_consultation_and_practice_in_spanish_keep_their_alt_letters_apart(qtbot: QtBot, content: Content,
                                                                         spanish: None) -> None:
    view = ConsultationView(content)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.patient_button.text().replace("&", "") == "Mostrar al paciente"
    tabs = [mnemonic_letter(view.tabs.tabText(i)) for i in range(view.tabs.count())]
    marks = [mnemonic_letter(w.text()) for w in view.mnemonic_widgets()] + tabs
    assert len(marks) == len(set(marks)), marks
    assert all(letter.isascii() for letter in marks), marks  # Alt+ó is no key on many keyboards
    view.patient_button.click()  # the patient's words beside the same tools
    marks = [mnemonic_letter(w.text()) for w in view.mnemonic_widgets()]
    assert len(marks) == len(set(marks)), marks
    practice = PracticeView(content, seed=1)
    qtbot.addWidget(practice)
    practice.resize(1280, 800)
    practice.show()
    qtbot.waitExposed(practice)
    assert practice.check_button.text() == "&Comprobar"
    marks = letters(practice.findChildren(QWidget))
    assert len(marks) == len(set(marks)), marks


# --- choosing the language on the welcome screen -----------------------------------------------------------------
def shown(qtbot: QtBot, shell: Shell) -> Shell:
    qtbot.addWidget(shell, before_close_func=lambda w: w.shut_down())
    shell.resize(1280, 800)
    shell.present()
    qtbot.waitExposed(shell)
    shell.activateWindow()
    qtbot.waitUntil(shell.isActiveWindow)
    return shell


def test_choosing_espanol_builds_every_screen_again_in_spanish(qtbot: QtBot, content: Content) -> None:
    shell = shown(qtbot, Shell(content))
    shell.chooser.buttons["clinician"].click()  # type: ignore[union-attr]
    shell.back_to_chooser()
    shell.chooser.buttons["patient"].click()  # type: ignore[union-attr]
    old = shell.wizard
    assert old is not None
    choice = old.welcome.language_choice.buttons
    assert [b.words() for b in choice.values()] == ["English", "Español"]  # each in its own language
    assert choice["en"].isChecked() and not choice["es"].isChecked()
    assert all(b.height() >= 48 and b.accessibleName() for b in choice.values())  # kiosk targets
    # the keyboard reaches them: Tab from Start, Space chooses
    old.welcome.start.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is choice["en"]
    QTest.keyClick(choice["en"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is choice["es"]
    QTest.keyClick(choice["es"], Qt.Key.Key_Space)

    assert language() == "es" and shell.wizard is not old and shell.mode == "patient"
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible() and wizard.welcome.start.text() == "&Empezar"
    assert wizard.welcome.language_choice.buttons["es"].isChecked()
    assert QApplication.focusWidget() is wizard.welcome.language_choice.buttons["es"]  # the place is kept
    assert shell.windowTitle() == "misaid: cirugía con cortes pequeños"
    back = shell.pages["patient"].back_button
    assert back is not None and back.text() == "\u2190 Volver a la pantalla de inicio"
    assert "clinician" not in shell.pages  # built again, in Spanish, when next opened
    shell.back_to_chooser()
    assert shell.chooser is not None and shell.stack.currentWidget() is shell.chooser
    assert "¿Quién lo usa hoy?" in [w.text() for w in shell.chooser.findChildren(QLabel)]
    assert all(b.isEnabled() for b in shell.chooser.buttons.values())
    shell.chooser.buttons["clinician"].click()
    assert shell.windowTitle() == "misaid: consulta"
    # and back: the chooser offers the choice too
    shell.back_to_chooser()
    shell.chooser.language_choice.buttons["en"].click()
    assert language() == "en" and shell.chooser.buttons["patient"].title.text() == "I'm a patient"


def test_start_over_keeps_the_language_and_the_next_person_gets_the_default(qtbot: QtBot, content: Content) -> None:
    shell = open_kiosk(qtbot, content, KioskSettings(pin_hash=None, idle_seconds=60, countdown_seconds=20),
                       calm_errors=True)
    assert shell.default_language == "en"
    assert shell.wizard is not None
    shell.wizard.welcome.language_choice.buttons["es"].click()
    walk(shell.wizard, ANSWER_SETS["neck-stenosis"])
    shell.wizard.start_over_requested.emit()  # the person's own Start over: same person, same language
    assert language() == "es" and shell.wizard.welcome.start.text() == "&Empezar"
    assert shell.kiosk is not None and shell.calm is not None
    shell.kiosk.countdown.begin()
    assert shell.kiosk.countdown.button.text() == "Sigo aquí"  # worded in the session's language
    shell.kiosk.countdown.stop()
    shell.calm.sorry.cover()
    assert shell.calm.sorry.title.text() == "Lo sentimos, empecemos de nuevo"
    shell.calm.sorry.hide()
    with qtbot.waitSignal(shell.session_reset):
        shell.kiosk.countdown.finished_counting.emit()  # nobody said "I'm still here": the person has gone
    assert language() == "en" and shell.wizard.welcome.start.text() == "&Start"
    assert shell.wizard.welcome.language_choice.buttons["en"].isChecked()


def test_a_kiosk_set_to_spanish_comes_back_to_spanish(qtbot: QtBot, content: Content) -> None:
    set_language("es")  # what app.run does with `language: es` in the kiosk's settings
    shell = open_kiosk(qtbot, content, KioskSettings(pin_hash=None, idle_seconds=60, countdown_seconds=20,
                                                     language="es"))
    assert shell.default_language == "es" and shell.wizard is not None
    shell.wizard.welcome.language_choice.buttons["en"].click()
    assert language() == "en"
    shell.end_session()
    assert language() == "es" and shell.wizard.welcome.start.text() == "&Empezar"
