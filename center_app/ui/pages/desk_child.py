"""The desk's left side: the child at the desk (name, card, how many more books, overdue, why not) and their loans.

Only shows what ``circulation.borrower_status`` said; the desk decides when to ask it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget

from center_app.services.circulation import BorrowerStatus
from center_app.ui.i18n import format_date
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.tables import read_only_table, table_item


class DeskChildPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.frame = QFrame()
        self.frame.setObjectName("deskChild")
        self.frame.setStyleSheet(
            "QFrame#deskChild { background: #f8fafc; border: 1px solid #cbd5e1; border-radius: 6px; }"
        )
        grid = QGridLayout(self.frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(16)
        self.name = QLabel()
        self.name.setObjectName("deskChildName")
        self.name.setFont(bigger(self, 11, bold=True))
        self.info = QLabel()
        self.info.setObjectName("deskChildInfo")
        self.info.setFont(bigger(self, 2))
        self.info.setWordWrap(True)  # long hints (English) wrap instead of squeezing the history column
        self.quota = QLabel()
        self.quota.setObjectName("deskChildQuota")
        self.quota.setFont(bigger(self, 5, bold=True))
        self.quota.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.overdue = QLabel(self.tr("有逾期图书"))
        self.overdue.setObjectName("deskChildOverdue")
        self.overdue.setFont(bigger(self, 3, bold=True))
        self.overdue.setStyleSheet("color: white; background: #c0392b; border-radius: 4px; padding: 2px 10px;")
        self.overdue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blocked = QLabel()
        self.blocked.setObjectName("deskChildBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #b91c1c;")
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.overdue, 0, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.quota, 0, 2)
        grid.addWidget(self.info, 1, 0, 1, 3)
        grid.addWidget(self.blocked, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.frame)

        self.loans = QTableWidget(0, 5)
        self.loans.setObjectName("deskLoans")
        read_only_table(
            self.loans,
            [self.tr("书名"), self.tr("条码"), self.tr("应还日期"), self.tr("逾期天数"), self.tr("续借次数")],
        )
        self.loans.setFont(bigger(self, 2))
        header = self.loans.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.loans, 1)

    def show_status(self, status: BorrowerStatus | None) -> None:
        """The child and their loans (the selected loan stays selected), or "nobody at the desk"."""
        selected = self.selected_loan_id()
        self.loans.setRowCount(0)
        if status is None:
            self.name.setText(self.tr("还没有选人"))
            self.name.setStyleSheet("color: #64748b;")
            self.info.setText(
                self.tr("扫借书证，或输入姓名 / 拼音首字母（如 wzh）后按回车。没有选人时，扫书就是还书。")
            )
            self.quota.setText("")
            self.overdue.hide()
            self.blocked.hide()
            return
        child = status.child
        self.name.setText(child.name)
        self.name.setStyleSheet("")
        card = (
            self.tr("借书证 %1").replace("%1", child.card_barcode)
            if child.card_barcode
            else self.tr("没有借书证")
        )
        self.info.setText(
            f"{child.class_name or '—'}　·　{card}　·　"
            + self.tr("在借 %1 本").replace("%1", str(len(status.loans)))
        )
        self.quota.setText(self.tr("还可借 %1 本").replace("%1", str(status.may_borrow_more)))
        # Red only for a real block (overdue books…): a child who just borrowed up to the limit did nothing wrong.
        at_limit = not status.can_borrow and status.may_borrow_more == 0 and not status.has_overdue
        self.quota.setStyleSheet(
            "color: #15803d;" if status.can_borrow else "color: #555;" if at_limit else "color: #b91c1c;"
        )
        self.overdue.setVisible(status.has_overdue)
        self.blocked.setVisible(not status.can_borrow)
        self.blocked.setText(status.blocked_reason)
        self.blocked.setStyleSheet("color: #555;" if at_limit else "color: #b91c1c;")
        self.loans.setRowCount(len(status.loans))
        for row, line in enumerate(status.loans):
            late = line.overdue_days > 0
            self.loans.setItem(row, 0, table_item(line.title, data=line.loan_id))
            self.loans.setItem(row, 1, table_item(line.barcode))
            self.loans.setItem(row, 2, table_item(format_date(line.due_on), red=late))
            self.loans.setItem(row, 3, table_item(str(line.overdue_days) if late else "—", red=late))
            self.loans.setItem(row, 4, table_item(str(line.renewals)))
            if line.loan_id == selected:
                self.loans.selectRow(row)

    def selected_loan_id(self) -> int | None:
        rows = self.loans.selectionModel().selectedRows() if self.loans.selectionModel() else []
        if not rows:
            return None
        item = self.loans.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_loan(self, barcode: str) -> None:
        for row in range(self.loans.rowCount()):
            item = self.loans.item(row, 1)
            if item is not None and item.text() == barcode:
                self.loans.selectRow(row)
                return
