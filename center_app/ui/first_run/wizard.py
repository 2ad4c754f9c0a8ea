"""The first-run wizard: what the gate shows while the centre has no administrator.

Five steps in a stack inside the window (not a window of its own): 1 the centre's name and address, 2 the
administrator account, 3 the language, 4 how to start (import spreadsheets, the demo centre in a folder of its own,
or empty), 5 the backup folder and when the first backup runs. Keyboard first: Enter moves to the next field and,
in a step's last field (or on a choice), goes on — a focused button takes Enter as a click; Esc goes back (first
out of an import panel the step opened). Going back never loses what was typed: every step keeps its widgets.

Nothing is written until a step's own save — each one service use case (see ``steps.py`` and ``start_step.py``).
When the last step is saved the wizard opens the demo folder, if one was made, in a window of its own
(``open_folder``, a seam the tests replace) and emits ``signed_in`` with the new administrator: the window shows
the workspace. Like the sign-in screen it never changes ``ctx.actor`` itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.services import settings
from center_app.ui.first_run import launch
from center_app.ui.first_run.start_step import StartStep
from center_app.ui.first_run.step import Step, WizardState
from center_app.ui.first_run.steps import BackupStep, CentreStep, FirstAdminWidget, LanguageStep
from center_app.ui.widgets.messages import show_message

log = logging.getLogger(__name__)


def _bigger(widget: QWidget, points: int, *, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSize(font.pointSize() + points)
    font.setBold(bold)
    widget.setFont(font)


def _stored_centre(ctx: AppContext) -> settings.CentreInfo:
    try:
        return settings.get_centre(ctx)
    except DomainError:  # a damaged store still gets its wizard
        return settings.CentreInfo()


class FirstRunWizard(QWidget):
    """See the module doc."""

    signed_in = Signal(object)  # Actor

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.ctx = ctx
        self.state = WizardState(ctx, centre=_stored_centre(ctx))
        #: opens a data folder in a window of its own (the demo); tests replace it
        self.open_folder: Callable[[Path], None] = launch.open_in_new_window

        card = QFrame(self)
        card.setObjectName("firstRunCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(900)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 20, 28, 20)
        inner.setSpacing(10)
        self.title = QLabel(card)
        self.title.setObjectName("firstRunTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _bigger(self.title, 6, bold=True)
        inner.addWidget(self.title)
        self.step_title = QLabel(card)
        self.step_title.setObjectName("firstRunStepTitle")
        _bigger(self.step_title, 2, bold=True)
        inner.addWidget(self.step_title)

        self.message = QLabel(card)
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.stack = QStackedWidget(card)
        self.stack.setObjectName("firstRunSteps")
        self.steps: list[Step] = [
            CentreStep(self.state, self.message, self.stack),
            FirstAdminWidget(self.state, self.message, self.stack),
            LanguageStep(self.state, self.message, self.stack),
            StartStep(self.state, self.message, self.stack),
            BackupStep(self.state, self.message, self.stack),
        ]
        for step in self.steps:
            self.stack.addWidget(step)
            step.advance.connect(lambda step=step: self._advanced(step))
            step.busy_changed.connect(lambda _busy: self._update_buttons())
            step.focus_next.connect(self._focus_next_button)
        inner.addWidget(self.stack, 1)
        inner.addWidget(self.message)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(card)
        self.back_button.setObjectName("firstRunBack")
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(card)
        self.next_button.setObjectName("firstRunNext")
        self.next_button.setAutoDefault(True)
        self.next_button.setMinimumHeight(36)
        self.next_button.clicked.connect(self.go_next)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        inner.addLayout(buttons)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 6)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(row, 30)
        column.addStretch(1)
        self.retranslate()
        self.show_step(0)

    # --- texts --------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("欢迎使用儿童之家管理系统"))
        self.back_button.setText(self.tr("上一步  Esc"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_buttons(self) -> None:
        index = self.stack.currentIndex()
        step = self.current
        self.step_title.setText(
            self.tr("第 %1 步，共 %2 步：%3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.steps)))
            .replace("%3", step.title())
        )
        last = index == len(self.steps) - 1
        self.next_button.setText(self.tr("完成  Enter") if last else self.tr("下一步  Enter"))
        busy = step.busy
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy and (index > 0 or step.back_inside_possible()))

    # --- the steps ----------------------------------------------------------------------------------------

    @property
    def current(self) -> Step:
        step = self.stack.currentWidget()
        assert isinstance(step, Step)
        return step

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def _focus_next_button(self) -> None:
        self.next_button.setFocus()

    def show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.title.setVisible(index == 0)  # the welcome heads the first step; the others need the room
        step = self.current
        step.entered()
        self._update_buttons()
        step.first_focus().setFocus()

    def reset(self) -> None:
        """The gate is shown: put the cursor where typing starts (the window calls it)."""
        self.current.first_focus().setFocus()

    def go_next(self) -> bool:
        """Save the step (its one use case) and go on; on the last step, end the wizard. False: stayed."""
        step = self.current
        if step.busy:
            show_message(self.message, self.tr("正在处理，请等它完成。"))
            return False
        self.message.clear()
        if not step.save():
            self._update_buttons()  # a step may have moved inside itself (the imports)
            return False
        self._advanced(step)
        return True

    def _advanced(self, step: Step) -> None:
        if step is not self.current:
            return
        if self.index == len(self.steps) - 1:
            self.finish()
        else:
            self.show_step(self.index + 1)

    def go_back(self) -> None:
        step = self.current
        if step.busy:
            return
        self.message.clear()
        if step.back_inside():
            self._update_buttons()
            return
        if self.index > 0:
            self.show_step(self.index - 1)

    def finish(self) -> None:
        """Open the demo folder, if one was made, and hand the new administrator to the window."""
        actor = self.state.actor
        assert actor is not None  # the administrator step saved before any later step could
        folder = self.state.demo_folder
        if folder is not None:
            try:
                self.open_folder(folder)
            except OSError:
                log.exception("could not open the demo folder %s", folder)
                show_message(
                    self.message,
                    self.tr("演示中心没能打开。它在 %1，可以用“--data-dir 文件夹”打开。").replace(
                        "%1", str(folder)
                    ),
                )
                self.state.demo_folder = None  # the next Enter goes on without it
                return
        self.signed_in.emit(actor)

    # --- the keyboard -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focus = QApplication.focusWidget()
            # A focused button takes Enter as a click (the import panels' buttons are no dialog's defaults).
            if isinstance(focus, QPushButton) and focus.isEnabled() and self.isAncestorOf(focus):
                focus.click()
            elif not self.current.handle_return(focus):
                self.go_next()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and plain:
            self.go_back()
            event.accept()
            return
        super().keyPressEvent(event)
