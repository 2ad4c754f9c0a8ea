"""The 演示数据 banner across the top of the main window while the data folder is a demo folder.

It says so on every screen (a centre must not mistake the demo for its own records, nor type real children into a
folder that may sign in by itself), and offers the administrator "清空演示数据，开始正式使用": an inline question
naming what will go, then one service call (``services.demo_reset``). The window decides what comes next (the
first-run wizard for the real administrator) from the ``cleared`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, allowed
from center_app.services import accounts, demo_reset
from center_app.ui.operations import Operations
from center_app.ui.widgets.messages import show_message


class DemoBanner(QFrame):
    cleared = Signal(object)  # demo_reset.DemoCleared

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.ctx = ctx
        self.ops = Operations(ctx)  # the window reloads everything on ``cleared``
        self.setStyleSheet(
            "QFrame#demoBanner { background: #fef3c7; border-bottom: 2px solid #f59e0b; }"
            "QFrame#demoClearConfirm { background: #fffbeb; border: 1px solid #f59e0b; border-radius: 6px; }"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 6, 12, 6)
        outer.setSpacing(6)

        row = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("demoBannerTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("demoBannerText")
        self.text.setWordWrap(True)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("demoClearButton")
        self.clear_button.clicked.connect(self.ask)
        row.addWidget(self.title)
        row.addWidget(self.text, 1)
        row.addWidget(self.clear_button)
        outer.addLayout(row)

        # The inline question (never a modal dialog: it would block the event loop, the idle lock and the tests).
        self.confirm = QFrame(self)
        self.confirm.setObjectName("demoClearConfirm")
        confirm_layout = QVBoxLayout(self.confirm)
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setObjectName("demoClearText")
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        confirm_layout.addWidget(self.confirm_text)
        buttons = QHBoxLayout()
        self.go = QPushButton(self.confirm)
        self.go.setObjectName("demoClearGo")
        self.go.clicked.connect(self.run)
        self.cancel = QPushButton(self.confirm)
        self.cancel.setObjectName("demoClearCancel")
        self.cancel.clicked.connect(self.close_question)
        buttons.addWidget(self.go)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        confirm_layout.addLayout(buttons)
        outer.addWidget(self.confirm)
        self.confirm.hide()

        self.message = QLabel(self)
        self.message.setObjectName("demoClearMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.message.hide()

        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("演示数据"))
        self.text.setText(
            self.tr(
                "这里的儿童、图书和记录都是编出来的，用来熟悉程序。请不要在这里录入真实的儿童信息；"
                "正式使用前，请管理员清空演示数据。"
            )
        )
        self.clear_button.setText(self.tr("清空演示数据，开始正式使用…"))
        self.go.setText(self.tr("确认清空"))
        self.cancel.setText(self.tr("不清空"))

    def update_for(self, *, signed_in: bool) -> None:
        """Shown while the folder is a demo folder; the clear button only for a signed-in administrator."""
        try:
            demo_folder = accounts.is_demo_folder(self.ctx)
        except DomainError:  # a damaged store still gets its sign-in screen
            demo_folder = False
        may_clear = signed_in and allowed(self.ctx.actor.role, "accounts", WRITE)
        self.clear_button.setVisible(may_clear)
        if not may_clear:
            self.close_question()
        self.setVisible(demo_folder)

    def ask(self) -> None:
        """Say exactly what will go, and wait for 确认清空 (不清空 is the default)."""
        plan = self.ops.run(lambda: demo_reset.plan_clear(self.ctx), refused=self._refused).value
        if plan is None:
            return
        labels = {
            "children": self.tr("儿童"),
            "copies": self.tr("图书（册）"),
            "loans": self.tr("借阅记录"),
            "attendance_marks": self.tr("考勤记录"),
            "equipment_items": self.tr("器材"),
            "volunteers": self.tr("志愿者"),
            "activities": self.tr("活动"),
        }
        counts = "，".join(f"{labels.get(key, key)} {value}" for key, value in plan.counts.items() if value)
        lines = [
            self.tr("清空后，这个数据文件夹里的全部记录都会删除，包括演示期间录入的任何内容：%1。").replace(
                "%1", counts or self.tr("（没有记录）")
            ),
        ]
        if plan.accounts_to_disable:
            lines.append(self.tr("这些账号会被停用：%1。").replace("%1", "、".join(plan.accounts_to_disable)))
        lines.append(
            self.tr(
                "考勤代码、借阅规则、语言设置和审计日志保留；清空前会自动备份一份。"
                "清空后请创建正式的管理员账号（并设置密码）。"
            )
        )
        self.confirm_text.setText("\n".join(lines))
        self.message.hide()
        self.confirm.show()
        self.cancel.setDefault(True)
        self.cancel.setFocus()  # the safe choice is the default

    def close_question(self) -> None:
        self.confirm.hide()

    def run(self) -> demo_reset.DemoCleared | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.ops.run(lambda: demo_reset.clear_demo_data(self.ctx), refused=self._refused).value
        finally:
            QGuiApplication.restoreOverrideCursor()
        if result is None:
            return None
        self.close_question()
        self.cleared.emit(result)
        return result

    def _refused(self, exc: DomainError) -> None:
        self._say(exc.message)

    def _say(self, text: str) -> None:
        show_message(self.message, text)
        self.message.show()
