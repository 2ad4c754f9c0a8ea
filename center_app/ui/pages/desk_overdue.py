"""F8 on the desk: the books not back in time, per class, with the guardian to call; the desk prints the slips.

The desk input keeps working while it is shown (returns are taken), so nothing here takes the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.domain.errors import DomainError
from center_app.services import circulation
from center_app.services.circulation import OverdueRow
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.tables import read_only_table, table_item


class OverduePanel(QWidget):
    """``closed``: 返回借还. ``print_button`` is the desk's to connect (the slips are the desk's action)."""

    closed = Signal()

    def __init__(
        self,
        ops: Operations,
        refused: Callable[[DomainError], object],
        *,
        can_read: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskOverduePanel")
        self.ops = ops
        self.refused = refused
        self.can_read = can_read
        self.rows: list[OverdueRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        title = QLabel(self.tr("逾期未还"))
        title.setFont(bigger(self, 4, bold=True))
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("班级：")))
        self.class_box = QComboBox()
        self.class_box.setObjectName("deskOverdueClass")
        self.class_box.setMinimumWidth(150)
        self.class_box.currentIndexChanged.connect(lambda _i: self._fill_table())
        bar.addWidget(self.class_box)
        self.count = QLabel()
        self.count.setObjectName("deskOverdueCount")
        bar.addWidget(self.count)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("打印催还单"))
        self.print_button.setObjectName("deskPrintSlips")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(self.print_button)
        close = QPushButton(self.tr("返回借还"))
        close.setObjectName("deskOverdueClose")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.closed.emit)
        bar.addWidget(close)
        layout.addLayout(bar)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("deskOverdueTable")
        read_only_table(
            self.table,
            [
                self.tr("班级"),
                self.tr("姓名"),
                self.tr("书名"),
                self.tr("条码"),
                self.tr("应还日期"),
                self.tr("逾期天数"),
                self.tr("监护人/电话"),
            ],
        )
        header = self.table.horizontalHeader()
        for col in range(7):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    @property
    def class_name(self) -> str | None:
        """The class chosen (None: all)."""
        return self.class_box.currentData()

    def reload(self) -> None:
        done = self.ops.run(lambda: circulation.overdue_loans(self.ops.ctx), refused=self.refused)
        self.rows = list(done.value or [])
        chosen = self.class_box.currentData()
        classes = list(dict.fromkeys(row.class_name for row in self.rows))
        self.class_box.blockSignals(True)
        self.class_box.clear()
        self.class_box.addItem(self.tr("全部"), None)
        for name in classes:
            self.class_box.addItem(name or self.tr("（未填班级）"), name)
        index = self.class_box.findData(chosen) if chosen is not None else 0
        self.class_box.setCurrentIndex(max(index, 0))
        self.class_box.blockSignals(False)
        self._fill_table()

    def shown_rows(self) -> list[OverdueRow]:
        chosen = self.class_box.currentData()
        if chosen is None:
            return list(self.rows)
        return [row for row in self.rows if row.class_name == chosen]

    def _fill_table(self) -> None:
        rows = self.shown_rows()
        table = self.table
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            guardian = row.guardian_name
            if guardian and row.guardian_relation:
                guardian += f"（{row.guardian_relation}）"
            contact = "　".join(part for part in (guardian, row.guardian_phone) if part)
            cells = [
                row.class_name,
                row.child_name,
                row.title,
                row.barcode,
                format_date(row.due_on),
                str(row.overdue_days),
                contact,
            ]
            for col, text in enumerate(cells):
                table.setItem(n, col, table_item(text, data=row.loan_id if col == 0 else None, red=col == 5))
        # The service leaves guardians blank for a role that may not see them: no empty column then.
        table.setColumnHidden(6, not any(r.guardian_name or r.guardian_phone for r in rows))
        children = len({row.child_id for row in rows})
        self.count.setText(
            self.tr("共 %1 名儿童、%2 本书逾期").replace("%1", str(children)).replace("%2", str(len(rows)))
        )
        self.print_button.setEnabled(bool(rows) and self.can_read)
