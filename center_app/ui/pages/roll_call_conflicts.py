"""The roll call's conflicts: marks someone else saved while this user was taking the same register.

Shown next to the grid, never overwritten silently: the title is the save's message (said once: what was saved, what
was not and why), each row says whose mark it is and when, and the user chooses "用我的覆盖" (``overwrite``) or
"保留对方的" (``keep_theirs``); the roll call does what was chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.services.attendance import Conflict
from center_app.ui.widgets.fonts import bigger

STYLE = "QFrame#rollCallConflicts { background: #fef2f2; border: 2px solid #f87171; border-radius: 6px; padding: 4px; }"
ROWS_SHOWN = 4  # then it scrolls: the grid keeps the room


class ConflictPanel(QFrame):
    overwrite = Signal()
    keep_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCallConflicts")
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("rollCallConflictTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #991b1b; font-weight: bold;")
        top.addWidget(self.title, 1)
        self.overwrite_button = QPushButton(self.tr("用我的覆盖"))
        self.overwrite_button.setObjectName("rollCallOverwrite")
        self.overwrite_button.clicked.connect(self.overwrite.emit)
        self.keep_theirs_button = QPushButton(self.tr("保留对方的"))
        self.keep_theirs_button.setObjectName("rollCallKeepTheirs")
        self.keep_theirs_button.clicked.connect(self.keep_theirs.emit)
        for button in (self.overwrite_button, self.keep_theirs_button):
            button.setAutoDefault(True)
            button.setMinimumHeight(32)
            top.addWidget(button)
        layout.addLayout(top)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rollCallConflictTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("儿童"), self.tr("对方记为"), self.tr("你记为"), self.tr("谁、何时保存")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFont(bigger(self, 2))
        self.table.verticalHeader().setDefaultSectionSize(30)
        layout.addWidget(self.table)
        self.hide()

    def show_conflicts(self, conflicts: list[Conflict], message: str) -> None:
        """``message`` is the save's one sentence (what was saved, what was not and why): the title of the list."""
        self.title.setText(message)
        table = self.table
        table.setRowCount(len(conflicts))
        for n, c in enumerate(conflicts):
            when = f"{c.marked_at:%H:%M}" if c.marked_at else ""
            who = c.marked_by or self.tr("别人")
            cells = [c.child_name, c.their_label, c.your_label, f"{who} {when}".strip()]
            for col, text in enumerate(cells):
                table.setItem(n, col, QTableWidgetItem(text))
        shown = min(len(conflicts), ROWS_SHOWN)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 8
        )
        self.show()
