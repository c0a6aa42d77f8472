"""Soak: many kiosk sessions through the real Shell and wizard, with every kind of reset; prints memory and counts.

Run: make soak   (or: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/soak.py --sessions 1000)
Prints RSS (MiB), live widgets (QApplication.allWidgets()) and live Python objects (gc.get_objects()) at
sessions 0, 10%, 50% and 100%, and the growth from 10% to 100% (aim: at most 5 MiB over 100 -> 1,000).
Benchmarks print, they never assert; tests/ui/test_soak.py runs 100 sessions and asserts no widget leak.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests.ui.journey_helpers

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from tests.ui.journey_helpers import ANSWER_SETS, random_answers, wait_for, walk  # noqa: E402

from misaid.core import Content, load_content  # noqa: E402
from misaid.core.kiosk import KioskSettings, hash_pin  # noqa: E402
from misaid.core.paths import rules_dir  # noqa: E402
from misaid.ui.app import application  # noqa: E402
from misaid.ui.patient.wizard import RESULT  # noqa: E402
from misaid.ui.shell import Shell  # noqa: E402

PIN = "2468"
CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
# how each session ends, in turn: the patient walks away (idle countdown), presses Start over, meets an
# unexpected error ("Sorry, let's start again"), reads the result and leaves, or staff exit and a fresh start
RESETS = ("idle", "start_over", "error", "result", "staff")


class Soak:
    """One kiosk (rebuilt after a staff exit, as the supervisor would) and the sessions run on it."""

    def __init__(self, content: Content, settings: KioskSettings | None = None) -> None:
        self.content = content
        # idle and countdown far shorter than production allows, so walking away costs a fraction of a second
        self.settings = settings or KioskSettings(pin_hash=hash_pin(PIN), idle_seconds=0.05, countdown_seconds=0.05)
        self.done: dict[str, int] = dict.fromkeys(RESETS, 0)
        self.shell = self._kiosk()

    def _kiosk(self) -> Shell:
        shell = Shell(self.content, kiosk=True, settings=self.settings, calm_errors=True)
        shell.resize(1280, 800)
        shell.present()
        return shell

    def session(self, number: int) -> None:
        """Session `number`: varied answers (the named sets, then random ones with red flags), one reset kind."""
        rng = random.Random(number)
        named = list(ANSWER_SETS.values())
        raw = named[number % len(named)] if number < 2 * len(named) else random_answers(self.content, rng)
        kind = RESETS[number % len(RESETS)]
        shell = self.shell
        wizard = shell.wizard
        assert wizard is not None
        if kind in ("result", "staff"):
            assert walk(wizard, raw)[-1] == "result"
        else:
            walk(wizard, raw, pages=rng.randint(1, 5))  # left half done
        if kind in ("idle", "result"):
            if not wait_for(shell.session_reset, 5):
                raise AssertionError(f"session {number}: the idle countdown did not wipe it")
        elif kind == "start_over":
            wizard.button(wizard.WizardButton.CustomButton1).click()
        elif kind == "error":
            def broken() -> None:
                raise RuntimeError("a bug in a slot")

            with contextlib.redirect_stderr(io.StringIO()):  # the calm handler's one line per error
                QTimer.singleShot(0, broken)
                if not wait_for(shell.session_reset, 5):
                    raise AssertionError(f"session {number}: the error did not reset the session")
            assert shell.calm.sorry.isVisible()
            shell.calm.sorry.button.click()  # "Start again"
        else:
            QTest.keyClick(shell, Qt.Key.Key_X, CHORD)
            assert shell.kiosk.staff is not None
            shell.kiosk.staff.dialog.field.setText(PIN)
            shell.kiosk.staff.dialog.try_pin()
            assert not shell.isVisible()
            shell.deleteLater()
            self.shell = self._kiosk()
        if self.shell.wizard is wizard or self.shell.wizard is None or self.shell.wizard.currentId() == RESULT:
            raise AssertionError(f"session {number} ({kind}) was not wiped")
        flush()
        self.done[kind] += 1

    def close(self) -> None:
        self.shell.shut_down()
        self.shell.deleteLater()
        flush()


def flush() -> None:
    """Let Qt finish what is pending, deletions included, as the event loop would between sessions."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def rss_mib() -> float:
    """This process's resident memory now (Linux /proc), or its peak elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure() -> dict[str, float]:
    flush()
    gc.collect()
    return {"rss": rss_mib(), "widgets": len(QApplication.allWidgets()), "objects": len(gc.get_objects())}


def run(sessions: int, checkpoints: list[int],
        content: Content | None = None) -> tuple[dict[int, dict[str, float]], dict[str, int]]:
    """Run `sessions` sessions; the measurements after each checkpoint (0 = before the first) and how many
    sessions ended in each kind of reset."""
    application()
    soak = Soak(content or load_content(rules_dir()))
    flush()
    seen = {0: measure()} if 0 in checkpoints else {}
    for number in range(1, sessions + 1):
        soak.session(number)
        if number in checkpoints:
            seen[number] = measure()
    soak.close()
    return seen, soak.done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    n = max(1, args.sessions)
    points = sorted({0, max(1, n // 10), max(1, n // 2), n})
    started = time.perf_counter()
    try:
        seen, done = run(n, points)
    except BaseException:
        sys.excepthook = sys.__excepthook__  # not the kiosk's calm handler: show what failed
        raise
    took = time.perf_counter() - started
    print(f"soak: {n} kiosk sessions in {took:.0f} s; resets: {', '.join(f'{k} {v}' for k, v in done.items())}")
    print(f"{'session':>8} {'RSS MiB':>9} {'widgets':>8} {'objects':>9}")
    for point, m in seen.items():
        print(f"{point:>8} {m['rss']:>9.1f} {m['widgets']:>8.0f} {m['objects']:>9.0f}")
    first, last = seen[points[1]], seen[n]
    print(f"growth {points[1]} -> {n}: RSS {last['rss'] - first['rss']:+.1f} MiB (aim: at most 5), "
          f"widgets {last['widgets'] - first['widgets']:+.0f}, objects {last['objects'] - first['objects']:+.0f}")


if __name__ == "__main__":
    main()
