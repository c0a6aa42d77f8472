#!/usr/bin/env python3
"""Issue 10: misaid through the real accessibility bridge (AT-SPI), as a screen reader meets it.

Run it with .ci/atspi_run.sh (a private D-Bus session, the AT-SPI bus, Xvfb; see there), not directly:

    .ci/atspi_run.sh [--transcript FILE] [--modes patient,clinician,student,kiosk] [--dump DIR]

It starts the real app once per mode (MISAID, default .venv/bin/misaid), finds it on the AT-SPI desktop by
its process id, and reads what Qt's bridge exposes: roles, names, descriptions, states, relations, and the
focus and announcement events a screen reader is sent. It drives the app through AT-SPI actions (Press,
Toggle) and, for typing, xdotool; it never reaches into the app's Python objects. What it expects of the
content (question texts, answer labels, the result's section headings, the case code) comes from the
app's own interpreter (MISAID_PYTHON, default: the python beside MISAID) through misaid.core.

What "a screen reader says on arriving" means here (the model of Orca's focus presentation): the names and
descriptions of the ancestors of the newly focused object that were not ancestors of the object focused
before (the new context: a page, a group), then the focused object's role, name, description and the
labels that label it, and any AT-SPI announcement sent meanwhile.

Checks (a failure is one line: page | role | name | what is wrong):
  every mode: every button, radio button, check box, text field, spin button, combo box (by its label:
    Qt names a combo box by its value on Linux) and page tab has a name; no decorative mark (the ○ ◉ ☐ ☑
    ● of answers and fits) is a named object of its own or part of a name.
  patient: every question page announces "Question n of m" and the question on arriving; one-answer
    questions are radio buttons inside a group named by the question; several-answer questions are
    check boxes; the urgent (red-flag) page is an alert or its warning is said on arriving, and its
    Continue button is named "Continue"; the result takes the focus into the result, has its section
    headings as headings, names each choice column with its fit, names every picture as an image that
    says what it shows (never "Picture: ..."), and carries the case code in an accessible name.
  kiosk: the same journey's first screens under --kiosk, and the idle countdown's button named.
  clinician (consultation): every control named; one-answer questions are radio buttons, several-answer
    ones check boxes; the code for the answers on screen is in an accessible name.
  student (practice): every control named; the judgements are radio buttons; score and feedback labels
    carry their values in their names (before and after Check).

Exit status: 0 when every check passes, 1 with the failures listed, 2 when the check itself could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402  (Debian's python3-pyatspi, on the system interpreter)
from gi.repository import GLib  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODES = ("patient", "kiosk", "clinician", "student")

# roles a person operates; each needs a name a screen reader can say
CONTROL_ROLES = {"push button", "toggle button", "radio button", "check box", "text", "password text", "entry",
                 "spin button", "combo box", "slider", "page tab", "link", "menu item", "check menu item",
                 "radio menu item", "push button menu"}
# shapes drawn beside answers and fits: decoration for the eye, noise for the ear
MARKS = "\u25cb\u25c9\u2610\u2611\u25cf\u25ef\u2612"
RESULT_TITLE = "misaid: what the sources say"
PROGRESS = re.compile(r"question\s+(\d+)\s+of\s+(\d+)", re.I)
PICTURE_PREFIX = re.compile(r"^\s*picture\s*:", re.I)
# the journey's choices, by answer value; any other question gets its first answer
PREFERRED = {"age": 67, "region": ["low_back"], "level": ["l4_l5"],
             "symptoms": ["leg_pain", "getting_weaker"]}  # getting_weaker is a red flag: the urgent page
SETTLE_QUIET = 0.5  # seconds without a focus or announcement event before a screen counts as settled


class CheckError(RuntimeError):
    """The check itself cannot go on (no app on the bus, a page that never came): exit 2."""


# --- what the app's own interpreter knows about the content ----------------------------------------------
HELPER = r'''
import json, sys
from misaid.core.paths import rules_dir
from misaid.core.loader import load_content
from misaid.core.kinds import kind_of, UNSURE
from misaid.core.outline import heading

content = load_content(rules_dir(None))
request = json.loads(sys.argv[1])
out = {}
if request["what"] == "questions":
    out["questions"] = [
        {"id": q.id, "patient": q.text.get("patient"), "clinician": q.text.get("clinician"),
         "several": kind_of(q).several, "numeric": kind_of(q).numeric, "unsure": UNSURE in q.values,
         "choices": [[c.value, c.label.get("patient"), c.label.get("clinician")] for c in q.choices]}
        for q in content.questions]
    out["urgent_heading"] = heading("urgent", "patient")
    from misaid.core.answers import normalise
    from misaid.core.casecode import encode, pretty
    out["empty_code"] = pretty(encode(dict(normalise(content, {}))))
else:
    from misaid.core.answers import normalise
    from misaid.core.casecode import encode, pretty
    from misaid.core.engine import explain
    from misaid.core.outline import build_outline
    from misaid.ui import resources
    answers = normalise(content, request["answers"])
    expl = explain(content, answers)
    outline = build_outline(expl, "patient", content=content)
    sections = []
    for sid in ("urgent", "key_points", "prompt"):
        if outline[sid] or sid == "prompt":
            sections.append(outline[sid].heading)
    if outline.columns:
        sections.append(outline.headings["choices"])
    for sid in ("notes", "priorities", "questions", "sure"):
        if outline[sid]:
            sections.append(outline[sid].heading)
    out["sections"] = [s for s in sections if s]
    out["urgent"] = [item.text for item in outline["urgent"].items]
    out["columns"] = [
        {"name": r.name, "fit": r.fit_label,
         "picture": resources.svg_description(resources.diagram_path(r.diagram)) if r.diagram else ""}
        for r in outline.columns]
    out["code"] = pretty(encode(dict(expl.answers)))
print(json.dumps(out))
'''


def helper(request: dict[str, Any]) -> dict[str, Any]:
    python = os.environ.get("MISAID_PYTHON") or str(Path(os.environ["MISAID"]).parent / "python")
    done = subprocess.run([python, "-c", HELPER, json.dumps(request)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if done.returncode != 0:
        raise CheckError(f"the content helper ({python}) failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- AT-SPI: events, a snapshot of the tree, actions ---------------------------------------------------------
def norm(text: str) -> str:
    return " ".join((text or "").replace("\u2019", "'").split()).casefold()


def has_state(acc: Any, state: Any) -> bool:
    try:
        return bool(acc.getState().contains(state))
    except Exception:
        return False


def safe(call: Callable[[], Any], default: Any = "") -> Any:
    try:
        return call()
    except Exception:
        return default


def key_of(acc: Any) -> str:
    return safe(lambda: acc.path, "") or str(id(acc))


class Events:
    """Focus changes and announcements, as a screen reader is sent them."""

    def __init__(self) -> None:
        self.log: list[tuple[float, str, Any, int, str]] = []
        self.focus: Any = None
        pyatspi.Registry.registerEventListener(self._on, "object:state-changed:focused", "object:announcement",
                                               "window:activate")

    def _on(self, event: Any) -> None:
        detail = str(event.any_data) if event.type.startswith("object:announcement") else ""
        self.log.append((time.monotonic(), event.type, event.source, event.detail1, detail))
        if event.type.startswith("object:state-changed:focused") and event.detail1:
            self.focus = event.source

    def pump(self, seconds: float) -> None:
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while True:
            while context.pending():
                context.iteration(False)
            if time.monotonic() >= end:
                return
            time.sleep(0.02)

    def settle(self, since: float, limit: float = 4.0, need_focus: bool = True) -> None:
        """Wait until a focus event came after `since` (when asked) and then nothing for SETTLE_QUIET."""
        end = since + limit
        while time.monotonic() < end:
            self.pump(0.05)
            recent = [e for e in self.log if e[0] >= since]
            if need_focus and not any(e[1].startswith("object:state-changed:focused") and e[3] for e in recent):
                continue
            last = max((e[0] for e in recent), default=since)
            if time.monotonic() - last >= SETTLE_QUIET:
                return

    def announcements(self, since: float) -> list[str]:
        return [e[4] for e in self.log if e[0] >= since and e[1].startswith("object:announcement") and e[4]]


@dataclass
class Node:
    acc: Any
    role: str
    name: str
    description: str
    states: set[str]
    depth: int
    parent: Node | None
    labelled_by: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def key(self) -> str:
        return key_of(self.acc)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def label(self) -> str:
        """The name a screen reader says: the accessible name, else the labels that label it."""
        return self.name or " ".join(self.labelled_by)

    def words(self) -> str:
        return f"{self.role}: {self.name!r}" + (f" — {self.description!r}" if self.description else "")


STATE_NAMES = {"focused": pyatspi.STATE_FOCUSED, "checked": pyatspi.STATE_CHECKED,
               "sensitive": pyatspi.STATE_SENSITIVE, "showing": pyatspi.STATE_SHOWING,
               "focusable": pyatspi.STATE_FOCUSABLE, "checkable": pyatspi.STATE_CHECKABLE}


class Tree:
    """The visible part of one application's tree, read once."""

    def __init__(self, app: Any, limit: int = 6000) -> None:
        self.nodes: list[Node] = []
        self.frame_name = ""
        self._limit = limit
        self.root = self._read(app, 0, None)
        for node in self.nodes:
            if node.role == "frame":
                self.frame_name = node.name
                break

    def _read(self, acc: Any, depth: int, parent: Node | None) -> Node | None:
        if acc is None or len(self.nodes) >= self._limit:
            return None
        try:
            state = acc.getState()
            if depth > 0 and not state.contains(pyatspi.STATE_VISIBLE):
                return None
            states = {name for name, value in STATE_NAMES.items() if state.contains(value)}
            node = Node(acc, acc.getRoleName(), acc.name or "", acc.description or "", states, depth, parent)
        except Exception:
            return None  # gone while we read (a page rebuilt itself)
        try:
            for relation in acc.getRelationSet():
                if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                    node.labelled_by += [safe(lambda r=relation, i=i: r.getTarget(i).name) or ""
                                         for i in range(relation.getNTargets())]
        except Exception:
            pass
        if node.role in CONTROL_ROLES or "focusable" in node.states:
            try:
                action = acc.queryAction()
                node.actions = [action.getName(i) for i in range(action.nActions)]
            except Exception:
                pass
        self.nodes.append(node)
        for index in range(safe(lambda: acc.childCount, 0)):
            child = self._read(safe(lambda i=index: acc.getChildAtIndex(i), None), depth + 1, node)
            if child is not None:
                node.children.append(child)
        return node

    def find(self, test: Callable[[Node], bool]) -> list[Node]:
        return [n for n in self.nodes if test(n)]

    def named(self, text: str, roles: Iterable[str] | None = None) -> list[Node]:
        wanted = norm(text)
        return [n for n in self.nodes if norm(n.name) == wanted and (roles is None or n.role in roles)]

    def containing(self, text: str) -> list[Node]:
        wanted = norm(text)
        return [n for n in self.nodes if wanted and (wanted in norm(n.name) or wanted in norm(n.description))]

    def focused(self) -> Node | None:
        found = [n for n in self.nodes if "focused" in n.states]
        return found[-1] if found else None

    def node_for(self, acc: Any) -> Node | None:
        if acc is None:
            return None
        key = key_of(acc)
        return next((n for n in self.nodes if n.key == key), None)

    def reading(self) -> list[str]:
        """Everything on screen in reading (tree) order, as role: name — description."""
        lines = []
        for node in self.nodes:
            if node.role in ("application", "frame"):
                continue
            if not (node.name or node.description or node.role in CONTROL_ROLES):
                continue
            flags = [s for s in ("focused", "checked") if s in node.states]
            if node.role in CONTROL_ROLES and "sensitive" not in node.states:
                flags.append("unavailable")
            shown = node.words() + (f" [{', '.join(flags)}]" if flags else "")
            if node.labelled_by and not node.name:
                shown += f" (labelled by {' '.join(node.labelled_by)!r})"
            lines.append("  " * max(0, node.depth - 5) + shown)
        return lines


def do_action(node: Node, prefer: Iterable[str] = ("Press", "Click", "Toggle", "Activate")) -> None:
    action = node.acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in prefer:
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    raise CheckError(f"{node.words()} offers no action to press (it has {names})")


def choose(events: Events, node: Node) -> None:
    """Choose an answer as a keyboard user does: focus it, then Space (a radio button's Toggle action
    would not emit `clicked`, so it is used only when the focus cannot be put there)."""
    focused = False
    if "SetFocus" in node.actions:
        focused = bool(safe(lambda: (do_action(node, ("SetFocus",)), True)[1], False))
    if not focused:
        focused = bool(safe(lambda: node.acc.queryComponent().grabFocus(), False))
    events.pump(0.2)
    if focused and has_state(node.acc, pyatspi.STATE_FOCUSED):
        subprocess.run(["xdotool", "key", "space"], timeout=10, check=False)
    else:
        do_action(node)
    events.pump(0.3)


# --- one running misaid ---------------------------------------------------------------------------------------
class App:
    def __init__(self, events: Events, args: list[str], log: Path) -> None:
        self.events = events
        self.log = log
        self.process = subprocess.Popen([os.environ["MISAID"], *args], stdout=log.open("w"),
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.acc = self._find_on_bus()
        self.window = self._find_window()
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window], timeout=20, check=False,
                       capture_output=True)

    def _find_on_bus(self) -> Any:
        end = time.monotonic() + 40
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise CheckError(f"misaid {self.args_text()} ended with status {self.process.returncode}: "
                                 + self.log.read_text()[-1500:])
            self.events.pump(0.2)
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(safe(lambda d=desktop: d.childCount, 0)):
                app = safe(lambda d=desktop, i=index: d.getChildAtIndex(i), None)
                if app is not None and safe(lambda a=app: a.get_process_id(), -1) == self.process.pid:
                    return app
        raise CheckError(f"misaid {self.args_text()} never showed up on the accessibility bus "
                         "(is QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set, and at-spi2-core running?)")

    def _find_window(self) -> str:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                                   capture_output=True, text=True, timeout=10).stdout.split()
            if found:
                return found[-1]
            self.events.pump(0.2)
        raise CheckError(f"misaid {self.args_text()} opened no visible window")

    def args_text(self) -> str:
        return " ".join(self.process.args[1:]) if isinstance(self.process.args, list) else ""

    def tree(self) -> Tree:
        return Tree(self.acc)

    def wait_for(self, what: str, test: Callable[[Tree], bool], limit: float = 30) -> Tree:
        end = time.monotonic() + limit
        while True:
            self.events.pump(0.2)
            tree = self.tree()
            if test(tree):
                return tree
            if self.process.poll() is not None:
                raise CheckError(f"misaid {self.args_text()} ended while waiting for {what}")
            if time.monotonic() > end:
                raise CheckError(f"misaid {self.args_text()}: waited {limit:.0f} s for {what}")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


# --- the report -----------------------------------------------------------------------------------------------
class Report:
    def __init__(self) -> None:
        # (page, role, problem) -> the names it applies to: one line each, however many answers share it
        self.problems: dict[tuple[str, str, str], list[str]] = {}
        self.transcript: list[str] = []

    def fail(self, page: str, node: Node | None, problem: str, role: str = "", name: str = "") -> None:
        role = (node.role if node is not None else role) or "-"
        name = node.name if node is not None else name
        names = self.problems.setdefault((page, role, problem), [])
        if name not in names:
            names.append(name)

    @property
    def failures(self) -> list[str]:
        lines = []
        for (page, role, problem), names in self.problems.items():
            cut = [n if len(n) <= 70 else n[:69] + "\u2026" for n in names[:4]]
            shown = ", ".join(repr(n) for n in cut) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
            lines.append(f"{page} | {role} | {shown} | {problem}")
        return lines

    def say(self, line: str = "") -> None:
        self.transcript.append(line)
        print(line, flush=True)


def spoken_on_arrival(tree: Tree, focus: Node | None, before: set[str], announcements: list[str]) -> list[str]:
    """What a screen reader says when the focus lands on `focus` (see the module's docstring)."""
    lines = [f"announcement: {text!r}" for text in announcements]
    if focus is None:
        return lines + ["(nothing has the focus)"]
    chain = list(reversed(list(focus.ancestors())))
    for node in chain:
        if node.key in before or node.role in ("application", "frame", "window"):
            continue
        if node.name or node.description:
            lines.append("context: " + node.words())
    words = focus.words()
    if focus.labelled_by and norm(" ".join(focus.labelled_by)) != norm(focus.name):
        words += f" (labelled by {' '.join(focus.labelled_by)!r})"
    if "checkable" in focus.states or focus.role in ("check box", "radio button", "toggle button"):
        words += " [checked]" if "checked" in focus.states else " [not checked]"
    lines.append("focus: " + words)
    return lines


def chain_keys(node: Node | None) -> set[str]:
    return {n.key for n in node.ancestors()} | {node.key} if node is not None else set()


def check_common(report: Report, page: str, tree: Tree) -> None:
    """Every control has a name; no decorative mark is a named object or part of a name."""
    for node in tree.nodes:
        if node.role in CONTROL_ROLES:
            if node.role == "combo box":
                # Qt on Linux names a combo box by its current value: its name comes from a label (buddy)
                if not any(label.strip() for label in node.labelled_by):
                    report.fail(page, node, "combo box has no label (labelled-by): a screen reader says only "
                                "its value")
            elif not node.label().strip():
                report.fail(page, node, "control has no accessible name")
        if PICTURE_PREFIX.match(node.name):
            report.fail(page, node, "picture named 'Picture: ...': says nothing about what it shows")
        if node.name and any(mark in node.name for mark in MARKS):
            bare = "".join(ch for ch in node.name if ch not in MARKS).strip()
            report.fail(page, node, "decorative mark is a named object of its own (said aloud as a shape)"
                        if not bare else "name contains a decorative mark (said aloud as a shape)")


# --- patient ---------------------------------------------------------------------------------------------------
@dataclass
class Journey:
    questions: list[dict[str, Any]]
    urgent_heading: str
    answers: dict[str, Any] = field(default_factory=dict)

    def question_on(self, tree: Tree) -> dict[str, Any] | None:
        """The question whose text is on screen (the longest match, should one contain another)."""
        shown = [q for q in self.questions if tree.containing(q["patient"])]
        return max(shown, key=lambda q: len(q["patient"])) if shown else None


def answer_nodes(tree: Tree, labels: Iterable[str]) -> dict[str, Node]:
    """The control for each answer label: named by it exactly, else starting with it."""
    found: dict[str, Node] = {}
    controls = [n for n in tree.nodes if n.role in CONTROL_ROLES]
    for text in labels:
        exact = [n for n in controls if norm(n.label()) == norm(text)]
        near = exact or [n for n in controls if norm(n.label()).startswith(norm(text))]
        if near:
            found[text] = near[0]
    return found


def check_question(report: Report, page: str, tree: Tree, question: dict[str, Any], spoken: list[str]) -> None:
    said = norm(" ".join(spoken))
    progress = next((m.group(0) for n in tree.nodes for m in [PROGRESS.search(n.name)] if m), None)
    if progress is None:
        report.fail(page, None, "no 'Question n of m' anywhere on the page")
    elif norm(progress) not in said:
        report.fail(page, None, f"arriving on the page does not announce {progress!r}; a screen reader says: "
                    + " / ".join(spoken), role="page")
    if norm(question["patient"]) not in said:
        report.fail(page, None, f"arriving on the page does not announce the question "
                    f"{question['patient']!r}", role="page")
    if question["numeric"]:
        fields = tree.find(lambda n: n.role in ("text", "spin button", "entry"))
        if not fields:
            report.fail(page, None, "a number question with no text field or spin button")
        return
    labels = [c[1] for c in question["choices"]]
    extra = ["None of these"] if question["several"] else []
    if not question["unsure"]:
        extra.append("I'm not sure")
    found = answer_nodes(tree, labels + extra)
    for text in labels:
        if text not in found:
            report.fail(page, None, f"answer {text!r} is not a control on the page", role="(missing)", name=text)
    want = "check box" if question["several"] else "radio button"
    kind = "several-answer" if question["several"] else "one-answer"
    for node in found.values():
        if node.role != want:
            report.fail(page, node, f"{kind} question: answer is a {node.role}, expected a {want}")
        if not question["several"]:
            group = [a for a in node.ancestors() if a.role not in ("application", "frame", "window", "dialog")
                     and norm(question["patient"]) in norm(a.name + " " + a.description + " "
                                                           + " ".join(a.labelled_by))]
            if not group:
                report.fail(page, node, "one-answer question: answer is not inside a group named by the "
                            "question")


def patient_journey(report: Report, events: Events, app: App, journey: Journey, mode: str,
                    dumps: Path | None, kiosk: bool = False) -> None:
    tree = app.wait_for("the Start button to be enabled",
                        lambda t: any("sensitive" in n.states for n in t.named("Start", {"push button"})))
    page = f"{mode}: welcome"
    check_common(report, page, tree)
    focus = tree.node_for(events.focus) or tree.focused()
    report.say(f"-- {page}")
    for line in spoken_on_arrival(tree, focus, set(), []):
        report.say("   " + line)
    before = chain_keys(focus)
    start = [n for n in tree.named("Start", {"push button"}) if "sensitive" in n.states][0]
    since = time.monotonic()
    do_action(start)
    full_question_shown = False
    for step in range(1, 30):
        events.settle(since)
        tree = app.tree()
        focus = tree.node_for(events.focus) or tree.focused()
        if focus is not None and "focused" not in focus.states:
            focus = tree.focused() or focus
        spoken = spoken_on_arrival(tree, focus, before, events.announcements(since))
        question = journey.question_on(tree)
        result = question is None and (tree.frame_name == RESULT_TITLE or bool(tree.named("Your results")))
        urgent = question is None and not result and bool(tree.containing(journey.urgent_heading))
        if question is not None:
            progress = next((m.group(0) for n in tree.nodes for m in [PROGRESS.search(n.name)] if m), "")
            page = f"{mode}: question {question['id']}" + (f" ({progress})" if progress else "")
        elif urgent:
            page = f"{mode}: urgent page"
        elif result:
            page = f"{mode}: result"
        else:
            page = f"{mode}: page {step}"
        if dumps is not None:
            (dumps / f"{mode}-{step:02d}.txt").write_text("\n".join(tree.reading()) + "\n")
        report.say(f"-- {page}: on arriving, a screen reader says")
        for line in spoken:
            report.say("   " + line)
        check_common(report, page, tree)
        if question is not None:
            if not question["numeric"] and not full_question_shown and mode == "patient":
                full_question_shown = True
                report.say(f"-- {page}: everything on the page, in reading order")
                for line in tree.reading():
                    report.say("   " + line)
            check_question(report, page, tree, question, spoken)
            answer(app, events, tree, question, journey)
        elif urgent:
            check_urgent(report, page, tree, journey, spoken)
        elif result:
            if kiosk:
                return
            check_result(report, page, app, events, tree, journey, focus, spoken)
            return
        else:
            raise CheckError(f"{page}: neither a question, the urgent page nor the result; on screen: "
                             + "; ".join(tree.reading()[:40]))
        if kiosk and step >= 2:
            return  # the kiosk: its first question pages, then the idle countdown (see kiosk())
        before = chain_keys(tree.node_for(events.focus) or focus)
        tree = app.tree()
        onward = [n for n in tree.nodes if n.role == "push button" and "sensitive" in n.states
                  and norm(n.name) in ("next", "continue")]
        if not onward:
            raise CheckError(f"{page}: no enabled Next or Continue button after answering; on screen: "
                             + "; ".join(tree.reading()[:60]))
        since = time.monotonic()
        do_action(onward[0])
    raise CheckError(f"{mode}: no result after 30 pages")


def answer(app: App, events: Events, tree: Tree, question: dict[str, Any], journey: Journey) -> None:
    """Answer the way PREFERRED says (else the first answer), through AT-SPI actions and typed keys."""
    qid = question["id"]
    if question["numeric"]:
        value = PREFERRED.get(qid, 50)
        fields = tree.find(lambda n: n.role in ("text", "spin button", "entry"))
        if fields:
            safe(lambda: fields[0].acc.queryComponent().grabFocus())
            events.pump(0.3)
            subprocess.run(["xdotool", "type", "--delay", "40", str(value)], timeout=20, check=False)
            events.pump(0.5)
        if not next_enabled(app):
            for digit in str(value):  # the on-screen keypad, should typing not have reached the field
                keys = app.tree().named(digit, {"push button"})
                if keys:
                    do_action(keys[0])
                    events.pump(0.2)
        journey.answers[qid] = value
        return
    wanted = PREFERRED.get(qid) or [question["choices"][0][0]]
    labels = {c[0]: c[1] for c in question["choices"]}
    chosen = []
    for value in wanted:
        nodes = answer_nodes(app.tree(), [labels[value]])
        if not nodes:
            raise CheckError(f"question {qid}: no control for the answer {labels[value]!r}")
        choose(events, next(iter(nodes.values())))
        chosen.append(value)
    journey.answers[qid] = chosen if question["several"] else chosen[0]
    if not next_enabled(app):
        events.pump(1.0)


def next_enabled(app: App) -> bool:
    return any(n.role == "push button" and "sensitive" in n.states and norm(n.name) in ("next", "continue")
               for n in app.tree().nodes)


def check_urgent(report: Report, page: str, tree: Tree, journey: Journey, spoken: list[str]) -> None:
    expected = helper({"what": "result", "answers": journey.answers})
    warnings = [journey.urgent_heading] + expected["urgent"]
    said = norm(" ".join(spoken))
    alerts = [n for n in tree.nodes if n.role == "alert"]

    def carries(node: Node) -> bool:
        inside = [node] + [d for d in tree.nodes if node in d.ancestors()]
        return any(norm(w) in norm(d.name + " " + d.description) for d in inside for w in warnings)

    if not any(norm(w) in said for w in warnings) and not any(carries(a) for a in alerts):
        report.fail(page, None, "the warning is neither an alert nor said on arriving; a screen reader says: "
                    + " / ".join(spoken), role="page")
    buttons = [n for n in tree.nodes if n.role == "push button" and norm(n.name) in ("next", "continue")]
    if not any(norm(b.name) == "continue" for b in buttons):
        for button in buttons:
            report.fail(page, button, "the button that goes on shows 'Continue' here but is named "
                        f"{button.name!r}")
        if not buttons:
            report.fail(page, None, "no button named 'Continue'")


def check_result(report: Report, page: str, app: App, events: Events, tree: Tree, journey: Journey,
                 focus: Node | None, spoken: list[str]) -> None:
    expected = helper({"what": "result", "answers": journey.answers})
    # the sections: their headings are headings
    heading_nodes: list[Node] = []
    for text in expected["sections"]:
        carriers = tree.named(text)
        if not carriers:
            report.fail(page, None, f"section {text!r}: nothing on screen carries its heading",
                        role="(missing)", name=text)
            continue
        headings = [n for n in carriers if n.role == "heading"]
        if headings:
            heading_nodes += headings
        else:  # a group named by its heading is welcome; the words themselves must be a heading
            shown = sorted(carriers, key=lambda n: n.role in ("panel", "filler", "section", "grouping"))[0]
            report.fail(page, shown, f"section heading is a {shown.role}, not a heading")
    # the focus lands in the result
    inside_result = focus is not None and (
        focus.role == "heading"
        or any(norm(n.name) == norm("Your results") for n in [focus, *focus.ancestors()])
        or any(focus in h.ancestors() or h in focus.ancestors() for h in heading_nodes))
    if not inside_result:
        report.fail(page, focus, "the focus does not land in the result (a screen reader starts on this "
                    "control, not on what the result says)")
    # the four choices, each named with its fit
    for column in expected["columns"]:
        want = f"{column['name']}: {column['fit']}"
        if not [n for n in tree.nodes if norm(want) in norm(n.name)]:
            named_like = [n for n in tree.nodes if norm(n.name) == norm(column["name"])]
            report.fail(page, named_like[0] if named_like else None,
                        f"choice column is not reachable named with its fit {want!r}",
                        role="(missing)", name=column["name"])
    # the case code
    code = re.sub(r"[^0-9a-z]", "", expected["code"].casefold())
    if not any(code in re.sub(r"[^0-9a-z]", "", (n.name + n.description).casefold()) for n in tree.nodes):
        report.fail(page, None, f"the case code {expected['code']} is in no accessible name", role="(missing)",
                    name="case code")
    report.say(f"-- {page}: everything on the page, in reading order")
    for line in tree.reading():
        report.say("   " + line)
    # the pictures, with the details open (the MIS options' pictures are there)
    details = [n for n in tree.nodes if n.role in CONTROL_ROLES and norm(n.name).startswith("more details")]
    if details and "checked" not in details[0].states:
        do_action(details[0], ("Toggle", "Press", "Click"))
        events.pump(1.0)
        tree = app.tree()
        check_common(report, page + " (details open)", tree)
    elif not details:
        report.fail(page, None, "no 'More details' control", role="(missing)", name="More details")
    descriptions = {norm(c["picture"]) for c in expected["columns"] if c["picture"]}
    images = [n for n in tree.nodes if n.role == "image"]
    wrong_role = False
    for node in tree.nodes:
        if norm(node.name) in descriptions and node.role != "image":
            report.fail(page, node, f"picture is a {node.role}, not an image")
            wrong_role = True
    for node in images:
        if not node.name.strip():
            report.fail(page, node, "image has no name")
    wanted = len(descriptions)
    if not wrong_role and len([n for n in images if norm(n.name) in descriptions]) < wanted:
        report.fail(page, None, f"{wanted} column pictures expected as named images, found "
                    f"{len([n for n in images if norm(n.name) in descriptions])}", role="image")


def patient(report: Report, events: Events, journey: Journey, logs: Path, dumps: Path | None) -> None:
    app = App(events, ["--mode", "patient"], logs / "patient.log")
    try:
        patient_journey(report, events, app, journey, "patient", dumps)
    finally:
        app.close()


def kiosk(report: Report, events: Events, journey: Journey, logs: Path, dumps: Path | None) -> None:
    settings = logs / "kiosk.yaml"
    settings.write_text("idle_seconds: 10\ncountdown_seconds: 20\n")
    app = App(events, ["--kiosk", "--kiosk-config", str(settings)], logs / "kiosk.log")
    try:
        patient_journey(report, events, app, Journey(journey.questions, journey.urgent_heading), "kiosk",
                        dumps, kiosk=True)
        # quiet now: after idle_seconds the countdown asks "are you still there?"
        since = time.monotonic()
        tree = app.wait_for("the idle countdown", lambda t: bool(t.named("I'm still here")), limit=25)
        events.settle(since, limit=2, need_focus=False)
        tree = app.tree()
        page = "kiosk: idle countdown"
        focus = tree.node_for(events.focus) or tree.focused()
        report.say(f"-- {page}: on arriving, a screen reader says")
        for line in spoken_on_arrival(tree, focus, set(), events.announcements(since)):
            report.say("   " + line)
        check_common(report, page, tree)
    finally:
        app.close()


# --- consultation and practice ---------------------------------------------------------------------------------
def clinician(report: Report, events: Events, journey: Journey, logs: Path, dumps: Path | None,
              empty_code: str) -> None:
    app = App(events, ["--mode", "clinician"], logs / "clinician.log")
    try:
        tree = app.wait_for("the consultation's answers",
                            lambda t: len([n for n in t.nodes if n.role in ("check box", "radio button")]) > 5)
        events.pump(1.0)
        tree = app.tree()
        page = "consultation"
        if dumps is not None:
            (dumps / "clinician.txt").write_text("\n".join(tree.reading()) + "\n")
        focus = tree.node_for(events.focus) or tree.focused()
        report.say(f"-- {page}: on arriving, a screen reader says")
        for line in spoken_on_arrival(tree, focus, set(), []):
            report.say("   " + line)
        check_common(report, page, tree)
        for question in journey.questions:
            if question["numeric"]:
                continue
            prefix = norm(question["clinician"]) + ":"
            want = "check box" if question["several"] else "radio button"
            answers = [n for n in tree.nodes if n.role in CONTROL_ROLES and norm(n.label()).startswith(prefix)]
            if not answers:
                answers = list(answer_nodes(tree, [c[2] for c in question["choices"]]).values())
            if not answers:
                report.fail(page, None, f"question {question['clinician']!r}: no answer controls found",
                            role="(missing)", name=question["clinician"])
            for node in answers:
                if node.role != want:
                    kind = "several-answer" if question["several"] else "one-answer"
                    report.fail(page, node, f"{kind} question: answer is a {node.role}, expected a {want}")
        code = re.sub(r"[^0-9a-z]", "", empty_code.casefold())
        if not any(code in re.sub(r"[^0-9a-z]", "", (n.name + n.description).casefold()) for n in tree.nodes):
            holders = tree.named("Code for these answers")
            report.fail(page, holders[0] if holders else None,
                        f"the code for these answers ({empty_code}) is in no accessible name",
                        role="(missing)", name="code for these answers")
        # "Show patient": the explanation in patient words, with its pictures
        show = [n for n in tree.nodes if n.role in CONTROL_ROLES and norm(n.name) == "show patient"]
        if show:
            choose(events, show[0])
            events.pump(1.0)
            tree = app.tree()
            if dumps is not None:
                (dumps / "clinician-show-patient.txt").write_text("\n".join(tree.reading()) + "\n")
            check_common(report, "consultation: show patient", tree)
    finally:
        app.close()


def student(report: Report, events: Events, logs: Path, dumps: Path | None) -> None:
    app = App(events, ["--mode", "student"], logs / "student.log")
    try:
        tree = app.wait_for("a practice case", lambda t: len(t.find(lambda n: n.role == "radio button")) >= 4)
        events.pump(1.0)
        tree = app.tree()
        page = "practice"
        focus = tree.node_for(events.focus) or tree.focused()
        report.say(f"-- {page}: on arriving, a screen reader says")
        for line in spoken_on_arrival(tree, focus, set(), []):
            report.say("   " + line)
        check_common(report, page, tree)
        check_scores(report, page, tree)
        # one answer on each row of judgements (the first), then Check
        rows: dict[str, Node] = {}
        for node in tree.find(lambda n: n.role == "radio button"):
            rows.setdefault(node.name.split(":")[0] if ":" in node.name else str(id(node.parent)), node)
        for node in rows.values():
            choose(events, node)
        checks = [n for n in app.tree().nodes if n.role == "push button" and norm(n.name).startswith("check")]
        if not checks:
            raise CheckError("practice: no Check button")
        since = time.monotonic()
        do_action(checks[0])
        events.settle(since, limit=4, need_focus=False)
        tree = app.tree()
        page = "practice: after Check"
        if dumps is not None:
            (dumps / "student.txt").write_text("\n".join(tree.reading()) + "\n")
        report.say(f"-- {page}: announced")
        for text in events.announcements(since):
            report.say(f"   announcement: {text!r}")
        check_common(report, page, tree)
        check_scores(report, page, tree)
        if not any(re.search(r"\d+\s+of\s+\d+", n.name + " " + n.description) for n in tree.nodes):
            report.fail(page, None, "no score ('n of m') in any accessible name after Check", role="label")
    finally:
        app.close()


def check_scores(report: Report, page: str, tree: Tree) -> None:
    """A label named as a score must say the score: Qt reads the accessible name, not the words shown."""
    for node in tree.nodes:
        if node.role in ("label", "static", "heading") and re.search(r"\bscore\b", node.name, re.I) \
                and not re.search(r"\d", node.name + node.description):
            report.fail(page, node, "score label's name carries no value (a screen reader says only its name, "
                        "not the score shown)")


# --- main --------------------------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--transcript", metavar="FILE", help="also write what a screen reader gets to FILE")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--dump", metavar="DIR", help="write every screen's tree, in reading order, to DIR")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s) {', '.join(unknown)}")
    if "MISAID" not in os.environ:
        os.environ["MISAID"] = str(ROOT / ".venv" / "bin" / "misaid")
    dumps = Path(args.dump) if args.dump else None
    if dumps is not None:
        dumps.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    report = Report()
    events = Events()
    status = 0
    with tempfile.TemporaryDirectory(prefix="misaid-atspi-") as folder:
        logs = Path(folder)
        try:
            known = helper({"what": "questions"})
            journey = Journey(known["questions"], known["urgent_heading"])
            for mode in modes:
                report.say(f"== {mode} ({time.monotonic() - started:.0f} s)")
                if mode == "patient":
                    patient(report, events, journey, logs, dumps)
                elif mode == "kiosk":
                    kiosk(report, events, journey, logs, dumps)
                elif mode == "clinician":
                    clinician(report, events, journey, logs, dumps, known["empty_code"])
                else:
                    student(report, events, logs, dumps)
        except CheckError as error:
            report.say(f"atspi_check: could not finish: {error}")
            status = 2
        except Exception:  # a bug here, or the bus went away: say where, exit 2
            report.say("atspi_check: could not finish:\n" + traceback.format_exc())
            status = 2
    report.say("")
    if report.failures:
        report.say(f"== AT-SPI check: {len(report.failures)} failure(s) (page | role | name | what is wrong)")
        for line in report.failures:
            report.say("FAIL " + line)
        status = status or 1
    elif status == 0:
        report.say("== AT-SPI check: every check passed")
    report.say(f"   ({time.monotonic() - started:.0f} s)")
    if args.transcript:
        Path(args.transcript).write_text("\n".join(report.transcript) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
