"""全体升一级: at the start of a school year every child on the roll moves up a grade (初三 leave), after a summary
and a confirmation (``childrenPromoteConfirm``); a second promotion within the same year needs an explicit tick.
Afterwards the page's status row offers to undo it (``childrenPromoteUndo``) — for a while, and only until someone
edits those children's files (the service refuses then).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain import children as dom
from center_app.services import children as service
from center_app.services.children import ChildRow, PendingPromotion
from center_app.ui.events import Area
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.pages.child_detail import esc
from center_app.ui.pages.list_page import action_button
from center_app.ui.widgets.forms import bold_heading as heading
from center_app.ui.widgets.messages import show_message

# The undo button stays this long after a promotion; later the profiles have been edited and undo would be
# refused anyway, so a year-old "undo" button would only be a trap.
UNDO_OFFER_DAYS = 30


class PromotePanel(QWidget):
    """``closed``: 不升级. ``promoted(message, token)``: done (and announced); the page closes the panel."""

    closed = Signal()
    promoted = Signal(str, str)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childrenPromoteConfirm")
        self.ctx = ctx
        self.ops = ops
        self._force_needed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("全体升一级")))
        self.summary = QLabel()
        self.summary.setObjectName("childrenPromoteSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.force = QCheckBox(self.tr("确实需要再升一次"))
        self.force.setObjectName("childrenPromoteForce")
        self.force.toggled.connect(lambda _on: self._update_go())
        layout.addWidget(self.force)
        buttons = QHBoxLayout()
        self.go = action_button("childrenPromoteGo", self.tr("确认全体升一级"), self.run)
        self.back = action_button("childrenPromoteBack", self.tr("不升级"), self.closed.emit)
        buttons.addWidget(self.go)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("childrenPromoteMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def start(self, refused: QLabel) -> bool:
        """Fill in who moves up and who leaves; False (said in ``refused``) when the roster cannot be read."""
        found = self.ops.run(
            lambda: (service.list_children(self.ctx), service.pending_promotion(self.ctx)), refused=refused
        ).value
        if found is None:
            return False
        rows, pending = found
        lines = self._summary(rows)
        self._force_needed = (
            pending is not None
            and 0 <= (dt.date.today() - pending.on).days < service.PROMOTION_MIN_DAYS_APART
        )
        if pending is not None and self._force_needed:
            lines.append(
                "<span style='color:#c0392b'>"
                + esc(
                    self.tr("注意：%1 已经全体升过一次年级（%2 操作）。每学年只需升级一次。")
                    .replace("%1", format_date(pending.on))
                    .replace("%2", pending.by or "—")
                )
                + "</span>"
            )
        self.summary.setText("<br><br>".join(lines))
        self.force.setChecked(False)
        self.force.setVisible(self._force_needed)
        self.message.clear()
        self._update_go()
        return True

    def _summary(self, rows: list[ChildRow]) -> list[str]:
        graded = [r for r in rows if r.grade is not None]
        leaving = [r for r in graded if r.grade is not None and r.grade >= dom.GRADE_MAX]
        moving = len(graded) - len(leaving)
        to_check = sum(1 for r in graded if r.grade in (0, 6))
        without = len(rows) - len(graded)
        lines = [
            esc(
                self.tr(
                    "每学年开学时做一次：所有在册儿童升一个年级，班级名随之改变（三年级2班 → 四年级2班，"
                    "六年级1班 → 初一1班）。"
                )
            ),
            "<b>" + esc(self.tr("升一个年级：%1 名儿童").replace("%1", str(moving))) + "</b>",
        ]
        if leaving:
            names = "、".join(r.label for r in leaving)
            lines.append(
                "<b>"
                + esc(self.tr("初三毕业离开：%1 名（设为“已离开”）").replace("%1", str(len(leaving))))
                + "</b><br>"
                + esc(names)
            )
        else:
            lines.append(esc(self.tr("没有初三儿童，没有人离开。")))
        if without:
            lines.append(esc(self.tr("没有填写年级的 %1 名儿童不变。").replace("%1", str(without))))
        if to_check:
            lines.append(
                esc(
                    self.tr("升入一年级或初一的 %1 名儿童，升级后请核对班级和学校。").replace(
                        "%1", str(to_check)
                    )
                )
            )
        lines.append(esc(self.tr("升级后可以撤销（在有人修改这些儿童的档案之前）。")))
        return lines

    def _update_go(self) -> None:
        self.go.setEnabled(not self._force_needed or self.force.isChecked())

    def run(self) -> bool:
        if not self.go.isEnabled():
            return False
        force = self._force_needed and self.force.isChecked()
        result = self.ops.run(
            lambda: service.promote_all(self.ctx, force=force), changes=Area.CHILDREN, refused=self.message
        ).value
        if result is None:
            return False
        self.promoted.emit(result.message, result.token)
        return True


class UndoPromotionButton(QPushButton):
    """撤销升级 in the page's status row, shown while a recent promotion may be undone. ``undone(count)``."""

    undone = Signal(int)

    def __init__(self, ctx: AppContext, ops: Operations, message: QLabel, *, can_promote: bool) -> None:
        super().__init__(self.tr("撤销升级"))
        self.setObjectName("childrenPromoteUndo")
        self.ctx = ctx
        self.ops = ops
        self.message = message
        self.can_promote = can_promote
        self.token: str | None = None
        self.clicked.connect(lambda: self.undo())
        self.hide()

    def offer(self, token: str | None = None) -> None:
        """Offer "undo" after a promotion (``token``: the one just done), for a while (see UNDO_OFFER_DAYS)."""
        self.token = None
        if self.can_promote:
            pending: PendingPromotion | None = self.ops.run(
                lambda: service.pending_promotion(self.ctx), refused=lambda _exc: None
            ).value
            if pending is not None and (dt.date.today() - pending.on).days <= UNDO_OFFER_DAYS:
                self.token = pending.token
                self.setText(self.tr("撤销 %1 的全体升级").replace("%1", format_date(pending.on)))
        if token is not None:
            self.token = token
        self.setVisible(self.token is not None)

    def undo(self) -> bool:
        token = self.token
        if token is None:
            return False
        count = self.ops.run(
            lambda: service.undo_promotion(self.ctx, token), changes=Area.CHILDREN, refused=self.message
        ).value
        if count is None:
            return False
        show_message(
            self.message,
            self.tr("已撤销全体升级：%1 名儿童恢复了原来的年级、班级和状态。").replace("%1", str(count)),
            ok=True,
        )
        self.offer()
        self.undone.emit(count)
        return True
