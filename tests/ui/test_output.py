"""Saving and printing the handout: where the person chooses, never anywhere else; the kiosk prints only to
its own printer and never saves. The questions to the person are fakes here, not Qt's dialogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from misaid.core import Content, explain, normalise
from misaid.ui import output
from misaid.ui.consultation.view import ConsultationView
from misaid.ui.output import HandoutOutput, kiosk_output
from misaid.ui.patient.wizard import Wizard
from tests.ui.journey_helpers import ANSWER_SETS, walk


def pdf_printer(path: Path) -> QPrinter:
    """A printer that prints into a PDF file, standing in for the one the person picked."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pdf_text_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def test_save_as_pdf_from_the_result_screen(wizard: Wizard, tmp_path: Path) -> None:
    walk(wizard, ANSWER_SETS["low-back-disc"])
    wizard.output = HandoutOutput(ask_path=lambda: str(tmp_path / "mine"), ask_printer=None)
    wizard.result_page.pdf_button.click()
    saved = tmp_path / "mine.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.pdf"], "nothing else is written"


def test_cancelling_save_writes_nothing(wizard: Wizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    wizard.output = HandoutOutput(ask_path=lambda: None, ask_printer=None)
    monkeypatch.chdir(tmp_path)
    assert wizard.save_pdf() is None
    assert list(tmp_path.iterdir()) == []


def test_print_from_the_result_screen_prints_on_the_chosen_printer(wizard: Wizard, tmp_path: Path) -> None:
    walk(wizard, ANSWER_SETS["curve-l5"])
    told: list[bool] = []
    wizard.output = HandoutOutput(None, lambda: pdf_printer(tmp_path / "paper.pdf"), told.append)
    wizard.result_page.print_button.click()
    assert pdf_text_pages(tmp_path / "paper.pdf") >= 1 and told == [True]


def test_a_cancelled_print_prints_nothing(wizard: Wizard, tmp_path: Path) -> None:
    walk(wizard, ANSWER_SETS["neck-stenosis"])
    told: list[bool] = []
    wizard.output = HandoutOutput(None, lambda: None, told.append)
    assert wizard.print_handout() is False and told == [False]


@pytest.mark.parametrize("patient", [False, True])
def test_the_consultation_saves_and_prints_where_the_surgeon_chooses(qtbot: QtBot, content: Content, tmp_path: Path,
                                                                     patient: bool) -> None:
    fake = HandoutOutput(lambda: str(tmp_path / "consult.pdf"), lambda: pdf_printer(tmp_path / "printed.pdf"))
    view = ConsultationView(content, fake)
    qtbot.addWidget(view)
    view.show()
    view.show_patient(patient)  # the handout in the wording on screen
    view.pdf_button.click()
    view.print_button.click()
    for name in ("consult.pdf", "printed.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consult.pdf", "printed.pdf"]


def test_the_kiosk_output_never_saves(content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    expl = explain(content, normalise(content, ANSWER_SETS["neck-stenosis"]))
    kiosk = kiosk_output("Front desk", lambda printing: None)
    assert not kiosk.can_save and kiosk.save(content, expl, "patient") is None
    assert list(tmp_path.iterdir()) == []


def test_the_kiosk_output_prints_to_its_printer_and_says_so(content: Content, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def named(name: str) -> QPrinter:  # the system's printer of that name
        asked.append(name)
        return pdf_printer(tmp_path / "desk.pdf")

    monkeypatch.setattr(output, "kiosk_printer", named)
    told: list[bool] = []
    expl = explain(content, normalise(content, ANSWER_SETS["low-back-disc"]))
    assert kiosk_output("Front desk", told.append).print(content, expl, "patient") is True
    assert asked == ["Front desk"] and told == [True] and pdf_text_pages(tmp_path / "desk.pdf") >= 1


def test_a_kiosk_without_a_printer_prints_nothing_and_says_so(content: Content) -> None:
    told: list[bool] = []
    expl = explain(content, normalise(content, {}))
    kiosk = kiosk_output(None, told.append)
    assert not kiosk.can_print and kiosk.print(content, expl, "patient") is False and told == [False]
