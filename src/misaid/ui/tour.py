"""`misaid tour`: every screen of the journey for one set of answers, rendered offscreen to PNG files,
and the handout as the PDF a person would print."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from misaid.core.kinds import kind_of
from misaid.core.model import Audience, Content


def _prepare_offscreen() -> None:
    # must happen before the QApplication exists
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def answer_page(page: Any, value: Any) -> None:
    """Answer one question page the way a person would: by clicking its buttons."""
    kind = kind_of(page.question)
    if kind.numeric:
        if value is None:
            page.skip.click()
        else:
            for digit in str(value):
                page.pad[digit].click()
        return
    if not kind.several:
        page.buttons[value if value is not None else "unsure" if "unsure" in page.buttons else None].click()
        return
    chosen = sorted(value or ())
    if not chosen:
        page.buttons[""].click()
    for item in chosen:
        page.buttons[item].click()


def tour(content: Content, answers: Mapping[str, Any], out: Path, size: tuple[int, int] = (1280, 800),
         audience: Audience = "patient") -> list[Path]:
    """Walk the journey with normalised `answers`; write numbered PNGs and the handout's PDF to `out`.

    Returns the paths written: the screens and handout pages in order, then handout.pdf.
    """
    _prepare_offscreen()
    from PySide6.QtWidgets import QApplication

    from misaid.ui.app import application
    from misaid.ui.handout import handout_images, write_handout_pdf
    from misaid.ui.patient.pages import QuestionPage
    from misaid.ui.patient.wizard import RESULT, Wizard, is_urgent

    application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: Any, name: str) -> None:
        QApplication.processEvents()
        path = out / f"{len(written) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    wizard = Wizard(content, audience)
    wizard.resize(*size)
    wizard.show()
    save(wizard, "welcome")
    wizard.next()
    for _ in range(2 * len(content.questions) + 1):  # each question, and an urgent screen after any
        current = wizard.currentId()
        if is_urgent(current):
            save(wizard, "urgent")
        elif current == RESULT:
            break
        else:
            page = wizard.currentPage()
            assert isinstance(page, QuestionPage)
            qid = page.question.id
            # shown answered: the screen as the person sees it just before pressing Next
            answer_page(page, answers.get(qid))
            save(wizard, f"question-{qid}")
        wizard.next()
    save(wizard, "result-screen")
    view = wizard.result_view
    if view.why_button is not None:
        view.why_button.setChecked(True)
    # the whole scroll content (its height follows its width), not just the visible part
    save(view.widget(), "result")
    explanation = wizard.journey.explanation()
    for index, image in enumerate(handout_images(content, explanation, audience), 1):
        path = out / f"{len(written) + 1:02d}-handout-{index}.png"
        image.save(str(path))
        written.append(path)
    # the very file Save as PDF writes, so the pages above can be checked against what a person prints
    pdf = out / "handout.pdf"
    write_handout_pdf(pdf, content, explanation, audience)
    written.append(pdf)
    wizard.close()
    wizard.deleteLater()
    return written
