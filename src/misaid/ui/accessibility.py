"""What assistive technology (a screen reader, through AT-SPI or UI Automation) gets from our own widgets.

Qt infers roles from its classes: a checkable QPushButton is a check box, a QFrame a plain panel, a QLabel
static text. Our answers, headings, warnings and pictures look different from what those classes say, so
a widget can carry the role it really has (`set_role`), and one factory, installed with the first such
widget, gives assistive technology an interface with that role:

- an answer button (ChoiceButton, or any QAbstractButton given RadioButton or CheckBox) is a radio button
  or a check box, named by its words and described by its help, with no children: its inner labels and
  the drawn mark (○ ◉ ☐ ☑) are decoration, and a screen reader would say each of them again;
- any other widget gets the role it carries (Grouping, Heading, AlertMessage, Graphic, ...), its accessible name,
  or a label's own words.

Nothing here changes how anything looks. `notify` sends an event only while an assistive technology is
listening: asking Qt for an interface otherwise would make (and keep) interfaces nobody reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

# the dynamic property a widget carries its role in (an int: QAccessible.Role's value)
ROLE = "misaidAccessibleRole"
# roles under which a button is an answer: checkable, named by its words, with no children of its own
ANSWER_ROLES = (QAccessible.Role.RadioButton, QAccessible.Role.CheckBox)

_installed: list[bool] = []


def install() -> None:
    """Install the factory once (before the first interface of one of our widgets is asked for)."""
    if not _installed:
        _installed.append(True)
        QAccessible.installFactory(_factory)


def set_role(widget: QWidget, role: QAccessible.Role, name: str | None = None) -> None:
    """Give `widget` the role assistive technology should see; set it before the widget is first shown.

    Qt keeps an interface once made, so a role set after a screen reader has met the widget is not seen.
    """
    install()
    widget.setProperty(ROLE, role.value)
    if QAccessible.isActive():
        # a screen reader is on: Qt may have made the widget's interface already (a QLabel does, for its
        # words, while it is being made); one of Qt's own is dropped, so the next question gets ours
        made = QAccessible.queryAccessibleInterface(widget)
        if made is not None and not isinstance(made, RoleInterface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))
    if name is not None:
        widget.setAccessibleName(name)


def role_of(widget: QObject) -> QAccessible.Role | None:
    value = widget.property(ROLE)
    return QAccessible.Role(value) if isinstance(value, int) else None


def notify(widget: QWidget, kind: QAccessible.Event) -> None:
    """Tell assistive technology about `widget` (an Alert, a DescriptionChanged, ...), when one is listening."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, kind))


def announce(widget: QWidget, text: str) -> None:
    """Have a listening screen reader say `text` now (a change the focus does not land on), from `widget`."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def tab_chain(widgets: Iterable[QWidget | None]) -> None:
    """Tab (and a screen reader's reading of the focus chain) visits `widgets` in this order.

    Widgets of one window only; hidden or disabled ones stay in the chain and are skipped by Tab.
    """
    shown = [w for w in widgets if w is not None]
    for before, after in zip(shown, shown[1:], strict=False):
        QWidget.setTabOrder(before, after)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = role_of(obj)
    if role is None:
        return None
    if role in ANSWER_ROLES and isinstance(obj, QAbstractButton):
        return AnswerInterface(obj, role)
    return RoleInterface(obj, role)


class RoleInterface(QAccessibleWidget):
    """A widget with the role it carries; named by its accessible name, else (a label) by its words."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._role = role

    def role(self) -> QAccessible.Role:
        # as the widget says now: a role set again later (an answer that may be taken back) is seen
        return role_of(self.widget()) or self._role

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            name = widget.accessibleName()
            if not name and isinstance(widget, QLabel):
                name = widget.text()
            return name
        if kind == QAccessible.Text.Description:
            return widget.accessibleDescription()
        return str(super().text(kind))

    def childCount(self) -> int:
        if self.role() in (QAccessible.Role.Heading, QAccessible.Role.Graphic):
            return 0  # words and pictures: nothing inside to visit
        return int(super().childCount())


class AnswerInterface(RoleInterface):
    """An answer: a radio button (one answer) or a check box (several), without children."""

    def __init__(self, button: QAbstractButton, role: QAccessible.Role) -> None:
        super().__init__(button, role)
        self._button = button

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            words = getattr(self._button, "words", None)
            return self._button.accessibleName() or (words() if callable(words) else self._button.text())
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state

    def childCount(self) -> int:
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    # --- actions: what a screen reader (or a switch) can do with it ------------------------------------
    def actionNames(self) -> list[str]:
        if not self._button.isEnabled():
            return []
        return [self.toggleAction(), self.pressAction(), self.setFocusAction()]

    def doAction(self, name: str) -> None:
        if not self._button.isEnabled():
            return
        if name in (self.toggleAction(), self.pressAction()):
            # a click, as a person's: the page hears `clicked` and the answer changes in the journey
            self._button.click()
        elif name == self.setFocusAction():
            self._button.setFocus()
        else:
            super().doAction(name)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return ["Space"] if name in (self.toggleAction(), self.pressAction()) else []
