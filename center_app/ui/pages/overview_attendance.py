"""The overview's attendance corner: "roll not taken today", the last 30 open days at a glance, and the early
warnings — children who stopped coming — with the guardian's phone and a follow-up form right there, because a
warning is only useful if someone calls the family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.ui.events import DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.widgets.bar_chart import BarChart
from center_app.ui.widgets.follow_up_form import FollowUpForm
from center_app.ui.widgets.messages import show_message


class WarningsModel(RowsTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.headers = [
            self.tr("姓名"),
            self.tr("班级"),
            self.tr("情况"),
            self.tr("最后到场"),
            self.tr("监护人"),
            self.tr("电话"),
            self.tr("处理"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        warning = self.row_at(index)
        if warning is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            guardian = warning.guardian_name + (
                f"（{warning.guardian_relation}）" if warning.guardian_relation else ""
            )
            handled = (
                self.tr("已回访 %1").replace("%1", format_date(warning.follow_up_on))
                if warning.handled
                else self.tr("待回访")
            )
            return [
                warning.child_name,
                warning.class_name,
                warning.message,
                format_date(warning.last_present) or self.tr("从未"),
                guardian,
                warning.guardian_phone,
                handled,
            ][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not warning.handled and index.column() in (2, 6):
            from PySide6.QtGui import QColor

            return QColor("#c0392b")
        return None


class WarningsTable(QTableView):
    """Three or four warnings at a glance, more by scrolling the table: the overview then fits a 1366×768 screen
    without scrolling the page (a table's own preferred height would push the page into scrolling)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), 130)


class AttendanceCorner(QWidget):
    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewAttendance")
        self.ctx = ctx
        self.events = events
        self.warnings: list = []
        self.today = dt.date.today()
        self.on_form_open: Callable[[], None] | None = None  # the page scrolls the form into view
        # The reminder and the chart are placed by the overview page itself; this widget is the warnings box.
        self.reminder = QLabel()
        self.reminder.setObjectName("overviewRollReminder")
        self.reminder.setWordWrap(True)
        self.chart = BarChart(self.tr("近30个开放日到场人数"))
        self.chart.setObjectName("overviewAttendanceChart")
        self.chart.empty_text = self.tr("还没有考勤记录")

        right = QVBoxLayout(self)
        right.setContentsMargins(0, 0, 0, 0)
        self.warning_title = QLabel()
        self.warning_title.setObjectName("overviewWarningTitle")
        font = self.warning_title.font()
        font.setBold(True)
        self.warning_title.setFont(font)
        right.addWidget(self.warning_title)
        self.model = WarningsModel(self)
        self.table = WarningsTable()
        self.table.setObjectName("overviewWarnings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.table.doubleClicked.connect(lambda _index: self.open_follow_up())
        right.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.follow_up_button = QPushButton(self.tr("记录回访…"))
        self.follow_up_button.setObjectName("overviewFollowUp")
        self.follow_up_button.clicked.connect(self.open_follow_up)
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(self._build_form())

    def _build_form(self) -> QWidget:
        # The children page's follow-up form: the same fields, rules and save, for the warning chosen.
        self.form = FollowUpForm(self.ctx, announce=self.events.announce, object_name="overviewFollowUpForm")
        self.form.saved.connect(lambda _child, _text: self.form.hide())
        self.form.closed.connect(self.form.hide)
        # the names tests and scripts use
        form = self.form
        self.form_note, self.form_outcome, self.form_message = form.note, form.outcome, form.message
        self.form.hide()
        return self.form

    def refresh(self, today: dt.date) -> None:
        from center_app.services import attendance, early_warning

        self.today = today
        days = attendance.last_open_days_summary(self.ctx, 30, today)
        self.chart.set_data(
            [f"{d.day.month}/{d.day.day}" for d in days],
            [d.present or 0 for d in days],
            highlight=len(days) - 1 if days and days[-1].day == today else None,
        )
        missing = attendance.not_taken_days(self.ctx, today - dt.timedelta(days=14), today)
        if today in missing:
            show_message(self.reminder, self.tr("今天还没有点名。请到“考勤”页（Ctrl+5）点名。"))
        elif missing:
            show_message(
                self.reminder,
                self.tr("最近两周有 %1 个开放日没有点名：%2")
                .replace("%1", str(len(missing)))
                .replace("%2", "、".join(f"{d.month}月{d.day}日" for d in missing[-5:])),
            )
        else:
            show_message(self.reminder, self.tr("最近两周每个开放日都点过名。"), ok=True)
        self.warnings = early_warning.scan(self.ctx, today)
        open_count = sum(1 for w in self.warnings if not w.handled)
        self.warning_title.setText(
            self.tr("预警：%1 名儿童需要回访").replace("%1", str(open_count))
            if open_count
            else self.tr("预警：目前没有需要回访的儿童")
        )
        self.model.set_rows(self.warnings)

    def open_follow_up(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            if not self.warnings:
                return
            self.table.selectRow(0)
            rows = self.table.selectionModel().selectedRows()
        warning = self.warnings[rows[0].row()]
        label = f"{warning.child_name}（{warning.class_name}）— {warning.message}"
        self.form.start(warning.child_id, label, reason=warning.kind)
        self.form.show()
        self.form.note.setFocus()
        if self.on_form_open is not None:
            self.on_form_open()

    def save_follow_up(self) -> bool:
        return self.form.save()
