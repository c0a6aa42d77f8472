"""The UI's one translation call: whole sentences with numbered places, filled once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from misaid.ui.i18n import tr


def test_places_are_filled_by_number_in_one_pass(qapp: QApplication) -> None:
    assert tr("Question %1 of %2", 3, 11) == "Question 3 of 11"
    # a value holding a place marker is shown as typed, not filled again
    assert tr("Missed: %1; also %2", "50%2 off", "x") == "Missed: 50%2 off; also x"


def test_places_without_a_value_stay_and_plain_text_is_untouched(qapp: QApplication) -> None:
    assert tr("%1 of %2 characters", 4) == "4 of %2 characters"
    assert tr("100% sure") == "100% sure"


def test_n_fills_the_count(qapp: QApplication) -> None:
    assert tr("Please wait %n minute(s).", n=2) == "Please wait 2 minute(s)."
