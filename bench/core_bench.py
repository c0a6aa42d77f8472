"""Core benchmark: content load-and-validate, one explain(), full verification, space size.

Prints each time next to a baseline measured in the same run (plain yaml.safe_load
of the same files), so figures compare across machines. Not a test: it asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from misaid.core import explain, load_content, normalise
from misaid.core.loader import _validators, save_snapshot
from misaid.core.paths import rules_dir
from misaid.core.verify import check


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    folder = rules_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    files = sorted(Path(folder).glob("*.yaml"))
    _validators()  # schema compilation happens once per process; count it separately
    baseline = timed(lambda: [yaml.safe_load(p.read_text()) for p in files], 20)
    cache = tempfile.mkdtemp(prefix="misaid-bench-")
    os.environ["MISAID_CACHE"] = cache  # empty: every load reads the files in full
    load = timed(lambda: load_content(folder), 20)
    saved = save_snapshot(folder)  # what `misaid check` does once the content checks out
    from_snapshot = timed(lambda: load_content(folder), 20) if saved else []
    shutil.rmtree(cache, ignore_errors=True)
    content = load_content(folder)
    answers = normalise(
        content,
        {
            "age": 67,
            "region": "low_back",
            "level": "l4_l5",
            "symptoms": ["back_pain", "leg_pain"],
            "alignment": "slipped_vertebra",
            "condition": "slipped_vertebra",
            "history": ["obesity"],
        },
    )
    one = timed(lambda: explain(content, answers), 2000)
    verify = timed(lambda: check(content), 3)
    report = check(content)
    med = statistics.median
    p95 = lambda xs: sorted(xs)[int(len(xs) * 0.95)]  # noqa: E731
    print(f"content: {folder} ({len(content.rules)} rules, {len(content.cases)} cases)")
    print(f"{'measure':38} {'median':>10} {'aim':>8}  ratio to baseline")
    print(f"{'yaml.safe_load of the same files':38} {med(baseline) * 1e3:8.1f}ms {'':>8}  1.00 (baseline)")
    print(f"{'load + validate (misaid)':38} {med(load) * 1e3:8.1f}ms {'50ms':>8}  {med(load) / med(baseline):.2f}")
    if from_snapshot:
        print(f"{'load from the snapshot of misaid check':38} {med(from_snapshot) * 1e3:8.1f}ms {'':>8}  "
              f"{med(from_snapshot) / med(baseline):.2f}")
    print(f"{'explain() once':38} {med(one) * 1e3:8.3f}ms {'1ms':>8}  p95 {p95(one) * 1e3:.3f}ms")
    print(f"{'full verification (check)':38} {med(verify) * 1e3:8.1f}ms {'2000ms':>8}")
    print(
        f"answer space covered: {report.cells:,} cells standing for {report.combinations:,} answer combinations "
        f"({'ok' if report.ok else f'{len(report.problems)} problems'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
