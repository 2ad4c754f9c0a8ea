"""Whom to call: after a save, the children marked absent on the register, each with the primary guardian's name and
phone (a role that may not see family details or phones gets the names only), beside the roll-call grid.

It takes no keyboard focus (the keys stay in the grid) and folds to its title with "收起" so the grid keeps the room
on a small screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.services.attendance import AbsentChild
from center_app.ui.widgets.fonts import bigger

STYLE = (
    "QFrame#rollCallAbsent { background: #f8fafc; border: 1px solid #cbd5e1; border-radius: 6px; }"
    "QLabel#rollCallAbsentTitle { color: #b91c1c; font-weight: bold; }"
)
COL_NAME, COL_CLASS, COL_GUARDIAN, COL_PHONE = range(4)
WIDTH = 400  # at 1280×720 the grid keeps its four fixed columns beside it
MISSING = QColor("#94a3b8")  # no guardian on file


class AbsentPanel(QFrame):
    folded_changed = Signal(bool)  # the page keeps a folded panel at the top of its column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCallAbsent")
        self.setStyleSheet(STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        self.margins = 8
        layout.setContentsMargins(self.margins, 6, self.margins, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("rollCallAbsentTitle")
        self.title.setFont(bigger(self, 1))
        top.addWidget(self.title, 1)
        self.toggle = QPushButton()
        self.toggle.setObjectName("rollCallAbsentToggle")
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the grid
        self.toggle.clicked.connect(self._toggle)
        top.addWidget(self.toggle)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setObjectName("rollCallAbsentHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rollCallAbsentTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("班级"), self.tr("监护人"), self.tr("电话")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setFont(bigger(self, 1))
        header = self.table.horizontalHeader()
        for col in (COL_NAME, COL_CLASS, COL_GUARDIAN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PHONE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.folded: bool = False
        self.count = 0
        self.heading = ""
        self.setFixedWidth(WIDTH)
        self.hide()

    def show_absent(self, absent: Sequence[AbsentChild], *, heading: str, contacts: bool) -> None:
        """The absent children of the register just saved. ``heading`` has %1 for the count ("今天缺勤 %1 人");
        ``contacts`` False: the role sees names only."""
        self.count = len(absent)
        self.heading = heading
        if not absent:
            self.hide()
            return
        table = self.table
        table.setRowCount(len(absent))
        for n, child in enumerate(absent):
            guardian = (
                f"{child.guardian}（{child.relation}）"
                if child.guardian and child.relation
                else child.guardian
            )
            cells = [child.name, child.class_name, guardian, child.phone]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == COL_GUARDIAN and not text:
                    item.setText(self.tr("未登记"))
                    item.setForeground(MISSING)
                table.setItem(n, col, item)
        table.setColumnHidden(COL_GUARDIAN, not contacts)
        table.setColumnHidden(COL_PHONE, not contacts)
        if contacts:
            self.hint.setText(self.tr("可以马上打电话给监护人。没有电话的，请在儿童档案里补上。"))
        else:
            self.hint.setText(self.tr("你的账号不能查看监护人的电话，请告诉社工。"))
        self.set_folded(False)
        self.show()

    def _toggle(self) -> None:
        self.set_folded(not self.folded)

    def set_folded(self, folded: bool) -> None:
        """Folded: only the title and "展开"; the grid gets the room."""
        self.folded = folded
        self.table.setVisible(not folded)
        self.hint.setVisible(not folded)
        self.title.setText(self.heading.replace("%1", str(self.count)))
        if folded:
            self.toggle.setText(self.tr("展开"))
            width = self.title.sizeHint().width() + self.toggle.sizeHint().width() + 12
            self.setFixedWidth(width + 2 * self.margins)
            self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        else:
            self.toggle.setText(self.tr("收起"))
            self.setFixedWidth(WIDTH)
            self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        self.folded_changed.emit(folded)
