"""Kiosk parts on their own: leaving keys swallowed, idle warning and expiry, staff PIN, and the controller
on a plain window with a stand-in for the wipe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from misaid.core.kiosk import KioskSettings, hash_pin
from misaid.ui.kiosk.controller import KioskController
from misaid.ui.kiosk.screens import Countdown, IdleWatcher, KioskGuard, PinDialog


def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, k, mods)


@pytest.mark.parametrize("k, mods", [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
])
def test_leaving_keys_are_swallowed(qapp: QApplication, k: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    assert KioskGuard().eventFilter(QWidget(), key(k, mods)) is True


def test_ordinary_keys_pass(qapp: QApplication) -> None:
    guard = KioskGuard()
    assert guard.eventFilter(QWidget(), key(Qt.Key.Key_Space)) is False
    assert guard.eventFilter(QWidget(), key(Qt.Key.Key_Tab)) is False


def test_staff_chord_is_noticed(qtbot: QtBot) -> None:
    guard = KioskGuard()
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(guard.staff_requested, timeout=1000):
        assert guard.eventFilter(QWidget(), key(Qt.Key.Key_X, chord)) is True


def test_idle_warns_after_quiet_time_and_input_restarts_it(qtbot: QtBot) -> None:
    watcher = IdleWatcher(0.2)
    QApplication.instance().installEventFilter(watcher)  # type: ignore[union-attr]
    try:
        watcher.start()
        with qtbot.waitSignal(watcher.warn, timeout=2000):
            pass
        watcher.start()
        assert watcher.running
        watcher.stop()
        assert not watcher.running
    finally:
        QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]


def shown_host(qtbot: QtBot) -> QWidget:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1280, 800)
    host.show()
    return host


def test_countdown_counts_to_zero(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    countdown = Countdown(0.3, host)
    countdown.begin()
    assert countdown.isVisible() and countdown.geometry() == host.rect()
    assert "seconds" in countdown.message.text()
    with qtbot.waitSignal(countdown.finished_counting, timeout=3000):
        pass
    assert not countdown.isVisible()


def test_the_countdown_follows_the_window_size(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    countdown = Countdown(20, host)
    countdown.begin()
    host.resize(900, 700)
    assert countdown.geometry() == host.rect()
    assert countdown.card.width() <= 900 - 80, "the card fits the narrower window"


def test_still_here_stops_the_countdown(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    countdown = Countdown(20, host)
    countdown.begin()
    assert countdown.total >= 20
    with qtbot.waitSignal(countdown.still_here, timeout=1000):
        countdown.button.click()
    assert not countdown.isVisible()


def test_pin_dialog_accepts_only_the_right_pin(qtbot: QtBot) -> None:
    dialog = PinDialog(hash_pin("2468"))
    qtbot.addWidget(dialog)
    dialog.field.setText("1111")
    dialog.try_pin()
    assert dialog.result() != PinDialog.DialogCode.Accepted and "not right" in dialog.status.text()
    dialog.field.setText("2468")
    dialog.try_pin()
    assert dialog.result() == PinDialog.DialogCode.Accepted


def test_pin_dialog_locks_after_too_many_tries(qtbot: QtBot) -> None:
    dialog = PinDialog(hash_pin("2468"))
    qtbot.addWidget(dialog)
    for _ in range(5):
        dialog.field.setText("0000")
        dialog.try_pin()
    assert not dialog.ok_button.isEnabled() and "wait" in dialog.status.text()


def controlled_window(qtbot: QtBot, settings: KioskSettings) -> tuple[QMainWindow, KioskController, list[bool]]:
    """A plain window under a KioskController; the wipe is a stand-in that only counts."""
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    wiped: list[bool] = []
    controller = KioskController(window, window.centralWidget(), settings, lambda: wiped.append(True))
    qtbot.addWidget(window, before_close_func=lambda w: controller.let_go())
    window.resize(1280, 800)
    controller.present()
    qtbot.waitExposed(window)
    return window, controller, wiped


def test_the_controller_wipes_when_the_countdown_runs_out(qtbot: QtBot) -> None:
    window, controller, wiped = controlled_window(qtbot, KioskSettings(idle_seconds=0.1, countdown_seconds=0.2))
    controller.watch(in_session=True)
    qtbot.waitUntil(controller.countdown.isVisible, timeout=3000)
    assert controller.countdown.geometry() == window.centralWidget().rect()
    qtbot.waitUntil(lambda: wiped == [True], timeout=3000)


def test_the_controller_turns_a_close_from_outside_into_a_wipe(qtbot: QtBot) -> None:
    window, controller, wiped = controlled_window(qtbot, KioskSettings())
    with qtbot.waitSignal(controller.closed_from_outside, timeout=1000):
        assert window.close() is False
    assert window.isVisible() and wiped == [True]
    controller.let_go()  # the staff exit, or nothing left to protect
    assert window.close() is True
