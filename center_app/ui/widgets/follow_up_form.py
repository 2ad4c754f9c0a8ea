"""记录回访: a social worker's follow-up — date, how, why, what was said, what came of it, what next, and whether it
is dealt with. One form for the child's file (children page) and for a warning on the overview.

Saved through ``early_warning.record_follow_up``, so a resolved follow-up clears the child's absence warnings. The
form checks the date and "content or outcome" itself first, so every problem is said at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.domain.children import FieldError
from center_app.domain.errors import DomainError, ValidationError
from center_app.services import early_warning
from center_app.ui.events import Area
from center_app.ui.operations import Announce, Operations
from center_app.ui.widgets.forms import (
    EnterMovesOn,
    bold_heading,
    choices,
    line_edit,
    line_of,
    note_edit,
    problems_of,
    select_data,
)
from center_app.ui.widgets.messages import show_message

# What a follow-up was about: the early-warning kinds (stored as codes) plus the other usual reasons.
FOLLOW_UP_REASONS: dict[str, str] = {
    **early_warning.KIND_LABELS,
    "special_attention": "重点关注",
    "left": "离开中心",
}


def reason_label(reason: str) -> str:
    return FOLLOW_UP_REASONS.get(reason, reason)


class FollowUpForm(QWidget):
    """``start(child_id, label, reason=…)`` fills it in for one child; ``saved(child id, message)`` after the commit,
    ``closed`` on 取消. With ``announce`` the form itself says the children changed (the overview); without, the
    page that shows it does (the children page)."""

    saved = Signal(int, str)
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        announce: Announce | None = None,
        object_name: str = "followUpForm",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ctx = ctx
        self.ops = Operations(ctx, announce)
        self.child_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = bold_heading("")
        self.heading.setObjectName("followUpHeading")
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.save_button = QPushButton(self.tr("保存  Ctrl+S"))
        self.save_button.setObjectName("followUpSave")
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button = QPushButton(self.tr("取消  Esc"))
        # one followUpCancel in the window (the children page's); the overview's is overviewFollowUpCancel
        self.cancel_button.setObjectName(object_name.removesuffix("Form") + "Cancel")
        self.cancel_button.clicked.connect(self.closed.emit)
        top.addWidget(self.save_button)
        top.addWidget(self.cancel_button)
        layout.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.on_date = line_edit("followUpDate", 20, self.tr("如 2026-11-29"))
        self.method = choices(
            "followUpMethod", [(label, code) for code, label in early_warning.FOLLOW_UP_METHODS.items()]
        )
        self.reason = choices(
            "followUpReason",
            [("", ""), *((label, code) for code, label in FOLLOW_UP_REASONS.items())],
            editable=True,
        )
        line_of(self.reason).setMaxLength(early_warning.FOLLOW_UP_REASON_MAX)
        line_of(self.reason).setPlaceholderText(self.tr("选择或输入"))
        self.note = note_edit("followUpNote", 3)
        self.note.setPlaceholderText(self.tr("了解到的情况"))
        self.outcome = note_edit("followUpOutcome", 2)
        self.next_step = note_edit("followUpNextStep", 2)
        self.next_step.setPlaceholderText(self.tr("如 一个月后再回访"))
        self.resolved = QCheckBox(self.tr("已处理（该儿童当前的缺勤预警随之消除）"))
        self.resolved.setObjectName("followUpResolved")
        grid.addWidget(QLabel(self.tr("日期：")), 0, 0)
        grid.addWidget(self.on_date, 0, 1)
        grid.addWidget(QLabel(self.tr("方式：")), 0, 2)
        grid.addWidget(self.method, 0, 3)
        wide = [
            (self.tr("原因"), self.reason),
            (self.tr("回访内容"), self.note),
            (self.tr("结果"), self.outcome),
            (self.tr("下一步"), self.next_step),
        ]
        for row, (label, widget) in enumerate(wide, start=1):
            caption = QLabel(label + self.tr("："))
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1, 1, 3)
        grid.addWidget(self.resolved, len(wide) + 1, 1, 1, 3)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._enter = EnterMovesOn(self, lambda: [self.on_date, self.method, self.reason, self.note])
        self._enter.watch(self.on_date, self.method, self.reason)
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Esc = 取消 where the page has no Esc of its own (the overview; the children page's Esc closes its panel)
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)

    def start(self, child_id: int, child_label: str, *, reason: str = "") -> None:
        """A new follow-up for this child (``reason``: what it answers, e.g. the warning's kind)."""
        self.child_id = child_id
        self.heading.setText(self.tr("记录回访：%1").replace("%1", child_label))
        self.message.clear()
        self.on_date.setText(dt.date.today().isoformat())
        self.method.setCurrentIndex(0)
        select_data(self.reason, reason)
        for edit in (self.note, self.outcome, self.next_step):
            edit.clear()
        self.resolved.setChecked(True)
        self.note.setFocus()

    def _problems(self) -> tuple[dt.date | None, list[str]]:
        """The date as typed, and what is wrong with the form before the service is asked."""
        problems: list[str] = []
        on_date: dt.date | None = None
        text = self.on_date.text().strip()
        if not text:
            problems.append(self.tr("请填写回访日期。"))
        else:
            try:
                on_date = dom.parse_date(text)
            except FieldError as exc:
                problems.append(self.tr("“回访日期”") + exc.reason)
        if not self.note.toPlainText().strip() and not self.outcome.toPlainText().strip():
            problems.append(self.tr("请填写回访内容或结果。"))  # the service's rule, said together with the date's
        return on_date, problems

    def _refused(self, exc: DomainError) -> None:
        show_message(self.message, self.tr("没有保存：") + " ".join(problems_of(exc)))

    def save(self) -> bool:
        child_id = self.child_id
        if child_id is None:
            return False
        on_date, problems = self._problems()
        if problems or on_date is None:
            self._refused(ValidationError("", problems))
            return False
        # A chosen reason is stored as its code (so the warning list can tell which warning it answers).
        reason_text = self.reason.currentText().strip()
        index = self.reason.findText(reason_text)
        reason = self.reason.itemData(index) if index > 0 else reason_text
        done = self.ops.run(
            lambda: early_warning.record_follow_up(
                self.ctx,
                child_id,
                on_date,
                self.method.currentData(),
                self.note.toPlainText(),
                self.outcome.toPlainText(),
                self.next_step.toPlainText(),
                self.resolved.isChecked(),
                reason,
            ),
            changes=(Area.CHILDREN,) if self.ops.announce is not None else (),
            refused=self._refused,
        )
        if not done.ok:
            return False
        self.saved.emit(child_id, self.tr("已记录回访。"))
        return True
