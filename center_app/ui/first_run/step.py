"""What the first-run wizard's steps share: the wizard's state (what was typed and saved so far) and the step base.

A step keeps what was typed in its own widgets, so going back and forth never loses it; it writes only in
``save()`` — its one service use case — which the wizard calls on Enter / 下一步. Texts are set in
``retranslate()``, called again when the language changes (the language step applies the language at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from center_app.context import AppContext
from center_app.domain.actor import Actor
from center_app.services import settings
from center_app.ui.operations import Operations


@dataclass
class WizardState:
    """What the steps have saved so far. ``actor`` is the new administrator once the account step has saved: the
    later steps act as them (``admin_ctx``); the window's own ``ctx.actor`` is set only when the wizard ends."""

    ctx: AppContext
    centre: settings.CentreInfo = field(default_factory=settings.CentreInfo)
    actor: Actor | None = None
    #: the demo folder made by the start step, opened when the wizard ends (None: none)
    demo_folder: Path | None = None

    @property
    def admin_ctx(self) -> AppContext:
        assert self.actor is not None, "the administrator step saves first"
        return replace(self.ctx, actor=self.actor)


class Step(QWidget):
    """One page of the wizard (see the module doc)."""

    #: the step's own work (a worker) finished and the wizard should go on, as after ``save()`` returned True
    advance = Signal()
    #: the step's busy state changed (the wizard disables back and next while it works)
    busy_changed = Signal(bool)
    #: the step is done with its own widgets: the cursor goes to 下一步 (Enter goes on)
    focus_next = Signal()

    def __init__(self, state: WizardState, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.message = message  # the wizard's message line, under the step
        self.ops = Operations(state.ctx)  # no announce: the window builds its pages after the wizard
        #: the text fields in order: Enter in one moves to the next, Enter in the last goes on
        self.fields: list[QLineEdit] = []

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every text (again, after a language change)."""

    def entered(self) -> None:
        """The step is shown (again)."""

    def first_focus(self) -> QWidget:
        return self.fields[0] if self.fields else self

    def save(self) -> bool:
        """The step's one use case; True to go on to the next step."""
        return True

    def back_inside(self) -> bool:
        """Esc / 上一步 inside the step (closing a panel it opened); True when that was done."""
        return False

    def back_inside_possible(self) -> bool:
        """``back_inside`` would do something now (上一步 stays enabled on the first step)."""
        return False

    def handle_return(self, focus: QWidget | None) -> bool:
        """Enter in ``focus``: True when the step took it (moved to the next field); else the wizard goes on."""
        if isinstance(focus, QLineEdit) and focus in self.fields[:-1]:
            self.fields[self.fields.index(focus) + 1].setFocus()
            return True
        return False

    @property
    def busy(self) -> bool:
        """Working on a worker thread: the wizard neither goes back nor on."""
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def line(object_name: str, *, password: bool = False, max_length: int = 64) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setMaxLength(max_length)
    edit.setMinimumWidth(300)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def intro_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label
