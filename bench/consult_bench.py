"""Consultation mode: time from an answer change to the explanation shown, against same-run baselines.

Each change clicks an answer button (as a surgeon would), which updates the panel synchronously.
Two times are taken from the click: "on screen" when the posted layout requests and the paint of what
changed have been handled (sendPostedEvents: what the next frame shows), and "everything up to date"
after two event-loop passes, which also fill in the part of the panel below the screen (it is laid
out right after the visible part is painted). Baselines from the same run: explain() alone, and
repainting a static page of the same size (the panel's first screen as one document, unchanged, in a
browser of the panel's size), the least any update that shows a new page can cost. Not a test.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser  # noqa: E402

from misaid.core import explain, load_content, normalise  # noqa: E402
from misaid.core.paths import rules_dir  # noqa: E402


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95)]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    content = load_content(rules_dir())
    from misaid.ui.consultation.view import ConsultationView

    view = ConsultationView(content)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    view.controls["region"].buttons["low_back"].click()
    app.processEvents()

    changes = itertools.cycle(
        [("condition", v) for v in ("herniated_disc", "stenosis", "worn_disc", "slipped_vertebra", "fracture")]
        + [("level", v) for v in ("l4_l5", "l5_s1", "l1_l4")]
        + [("alignment", v) for v in ("normal", "sideways_curve")]
    )
    live: list[float] = []
    shown: list[float] = []
    updated: list[float] = []
    for _ in range(200):
        qid, value = next(changes)
        start = time.perf_counter()
        view.controls[qid].buttons[value].click()  # engine + every part's text set, synchronously
        updated.append(time.perf_counter() - start)
        # the posted layout requests, then the paint of what changed (Qt repaints dirty regions only)
        app.sendPostedEvents()
        shown.append(time.perf_counter() - start)
        app.processEvents()  # and what waited for the paint: the part below the screen
        app.processEvents()
        live.append(time.perf_counter() - start)

    answers = normalise(content, {"region": "low_back", "condition": "stenosis", "level": "l4_l5"})
    bare: list[float] = []
    for _ in range(200):
        start = time.perf_counter()
        explain(content, answers)
        bare.append(time.perf_counter() - start)

    label = QLabel()
    label.resize(400, 40)
    label.show()
    text: list[float] = []
    for i in range(200):
        start = time.perf_counter()
        label.setText(f"fit {i}")
        app.processEvents()
        app.processEvents()
        text.append(time.perf_counter() - start)

    # the panel's first screen as one page, same size, same look, painted again without any change
    page = QTextBrowser()
    page.setStyleSheet(view.styleSheet())
    page.setProperty("audience", "clinician")
    page.setVerticalScrollBarPolicy(view.panel.verticalScrollBarPolicy())
    page.document().setDefaultStyleSheet(view.panel.top.document().defaultStyleSheet())
    page.setHtml("".join(block.document().toHtml() for block in view.panel.blocks()))
    page.resize(view.panel.size())
    page.show()
    app.processEvents()
    static: list[float] = []
    for _ in range(200):
        start = time.perf_counter()
        page.viewport().update()
        app.sendPostedEvents()
        static.append(time.perf_counter() - start)

    ms = 1000
    print(f"{'measure':52} {'median':>9} {'p95':>9}")
    print(f"{'explain() alone (baseline)':52} {statistics.median(bare) * ms:7.2f}ms {p95(bare) * ms:7.2f}ms")
    print(f"{'QLabel setText + layout + paint (baseline)':52} {statistics.median(text) * ms:7.2f}ms "
          f"{p95(text) * ms:7.2f}ms")
    print(f"{'static page of the same size, painted (baseline)':52} {statistics.median(static) * ms:7.2f}ms "
          f"{p95(static) * ms:7.2f}ms")
    print(f"{'answer change -> texts updated':52} {statistics.median(updated) * ms:7.2f}ms "
          f"{p95(updated) * ms:7.2f}ms")
    print(f"{'answer change -> on screen: laid out, painted (aim < 5 ms)':52} {statistics.median(shown) * ms:7.2f}ms "
          f"{p95(shown) * ms:7.2f}ms")
    print(f"{'answer change -> everything up to date':52} {statistics.median(live) * ms:7.2f}ms "
          f"{p95(live) * ms:7.2f}ms")
    print(f"ratio of the update on screen to explain(): {statistics.median(shown) / statistics.median(bare):.0f}x; "
          f"to painting the static page: {statistics.median(shown) / statistics.median(static):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
