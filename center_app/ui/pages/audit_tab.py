"""审计日志: who did what to which record, newest first, for the administrator. Read-only: the table has no edit
triggers, its model no editable flags, and there is no delete — the service offers no way either.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.errors import DomainError
from center_app.services import audit_query
from center_app.services.audit_query import AuditPage, AuditRow
from center_app.ui.events import DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import RowsTableModel
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.messages import show_message

PAGE_SIZE = 500
EARLIEST = QDate(2020, 1, 1)  # the "不限" value of the date filters (QDateEdit cannot be empty)
CELL_TEXT_MAX = 80  # longer summaries/changes are cut in the cell; the tooltip has all of it
SUMMARY_MAX_WIDTH = 320  # so the changes column (stretched last) stays on screen at 1366×768
COLUMN_PADDING = 12
SEARCH_DELAY_MS = 300

_Index = QModelIndex | QPersistentModelIndex


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class AuditModel(RowsTableModel[AuditRow]):
    """Read-only (never ItemIsEditable): the audit log is append-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.headers = [
            self.tr("时间"),
            self.tr("用户"),
            self.tr("操作"),
            self.tr("对象"),
            self.tr("编号"),
            self.tr("摘要"),
            self.tr("变更"),
        ]

    def _value(self, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        return str(value)

    def changes_text(self, row: AuditRow, separator: str = "；") -> str:
        """``字段: 旧 → 新`` for each changed field."""
        parts = []
        for name, change in row.changes.items():
            if isinstance(change, list | tuple) and len(change) == 2:
                text = f"{self._value(change[0])} → {self._value(change[1])}"
            else:
                text = self._value(change)
            parts.append(f"{name}: {text}" if name else text)
        return separator.join(parts)

    def full_text(self, row: AuditRow, column: int) -> str:
        if column == 0:
            local = row.local_at
            return f"{format_date(local.date())} {local:%H:%M:%S}"
        if column == 1:
            return row.actor
        if column == 2:
            return audit_query.action_label(row.action)
        if column == 3:
            return audit_query.entity_label(row.entity)
        if column == 4:
            return row.entity_id
        if column == 5:
            return row.summary
        return self.changes_text(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.full_text(row, column)
            return text if len(text) <= CELL_TEXT_MAX else text[: CELL_TEXT_MAX - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and column >= 5:
            return self.changes_text(row, "\n") if column == 6 else row.summary
        if role == Qt.ItemDataRole.ForegroundRole and row.action == "login_failed":
            return QColor("#c0392b")  # failed sign-ins stand out when looking for someone guessing passwords
        return None


class AuditTab(Page):
    """The administrator's view of the audit log, with filters and paging by 500."""

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("auditTab")
        self.offset = 0
        self.page: AuditPage | None = None
        self._today = dt.date.today()
        layout = vbox(self)
        layout.addWidget(page_title(self.tr("审计日志"), "auditTitle"))

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.date_from = self._date_edit("auditFrom", allow_open=True)
        self.date_to = self._date_edit("auditTo", allow_open=False)
        self.date_to.setDate(_qdate(self._today))
        self.actor = self._combo("auditActor")
        self.action = self._combo("auditAction")
        self.entity = self._combo("auditEntity")
        for caption, widget in (
            (self.tr("从(&F)："), self.date_from),
            (self.tr("到："), self.date_to),
            (self.tr("用户："), self.actor),
            (self.tr("操作："), self.action),
            (self.tr("对象："), self.entity),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("搜索(&S)："))
        self.search = QLineEdit()
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(self.tr("在摘要和变更内容中查找，例如儿童姓名、书名"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setObjectName("auditClear")
        self.clear_button.clicked.connect(self.clear_filters)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        layout.addLayout(search_row)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.count.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("上一页(&P)"))
        self.prev_button.setObjectName("auditPrev")
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("下一页(&N)"))
        self.next_button.setObjectName("auditNext")
        self.next_button.clicked.connect(self.next_page)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.next_button)
        layout.addLayout(bottom)

        # Typing pauses briefly before searching, so each keystroke does not re-run the query.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for date_edit in (self.date_from, self.date_to):
            date_edit.dateChanged.connect(lambda _d: self.apply_filters())
        for combo in (self.actor, self.action, self.entity):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

        widgets = [
            self.date_from,
            self.date_to,
            self.actor,
            self.action,
            self.entity,
            self.search,
            self.clear_button,
            self.table,
            self.prev_button,
            self.next_button,
        ]
        for current, following in zip(widgets, widgets[1:], strict=False):
            self.setTabOrder(current, following)
        self._update_paging()

    # --- building ------------------------------------------------------------------------------------------------

    def _date_edit(self, object_name: str, *, allow_open: bool) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(object_name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self.tr("yyyy年M月d日"))  # a Qt date format: the English is "d MMM yyyy"
        edit.setMinimumDate(EARLIEST)
        edit.setMinimumWidth(150)
        if allow_open:
            edit.setSpecialValueText(self.tr("不限"))  # shown while the date is the minimum
            edit.setDate(EARLIEST)
            # The popup would otherwise open on January 2020 while the field says 不限.
            edit.calendarWidget().installEventFilter(self)
        return edit

    def _combo(self, object_name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(object_name)
        combo.setMinimumWidth(110)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(self.tr("全部"), None)
        return combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        calendar = self.date_from.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and self.date_from.date() == EARLIEST:
            today = dt.date.today()
            calendar.setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)

    def _fill(self, combo: QComboBox, values: list[str], label: Any) -> None:
        current = combo.currentData()
        combo.blockSignals(True)  # refilling must not trigger a query per item
        combo.clear()
        combo.addItem(self.tr("全部"), None)
        for value in values:
            combo.addItem(label(value), value)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(label(current), current)  # keep a chosen filter even if it has no entries now
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    # --- data ----------------------------------------------------------------------------------------------------

    def _on_data_changed(self, area: str) -> None:
        # Every change anywhere writes an audit entry, so any area makes this page stale.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Also shown as a tab inside another page, where nobody calls ensure_fresh().
        super().showEvent(event)
        self.ensure_fresh()

    def refresh(self) -> None:
        today = dt.date.today()
        if today != self._today:
            # "到" still on the day the tab was opened means "up to today": keep it so after midnight.
            if _pydate(self.date_to.date()) == self._today:
                self.date_to.blockSignals(True)
                self.date_to.setDate(_qdate(today))
                self.date_to.blockSignals(False)
            self._today = today
        values = self.ops.run(lambda: audit_query.distinct_values(self.ctx), refused=self._show_error).value
        if values is None:
            super().refresh()
            return
        self._fill(self.actor, values["actors"], str)
        self._fill(self.action, values["actions"], audit_query.action_label)
        self._fill(self.entity, values["entities"], audit_query.entity_label)
        self.load()
        super().refresh()

    def filters(self) -> dict[str, Any]:
        since = None if self.date_from.date() == EARLIEST else _pydate(self.date_from.date())
        return {
            "since": since,
            "until": _pydate(self.date_to.date()),
            "actor": self.actor.currentData(),
            "action": self.action.currentData(),
            "entity": self.entity.currentData(),
            "text": self.search.text().strip() or None,
        }

    def load(self) -> AuditPage | None:
        """Run the query for the current filters and page."""
        filters = self.filters()
        page = self.ops.run(
            lambda: audit_query.query(self.ctx, **filters, limit=PAGE_SIZE, offset=self.offset),
            refused=self._show_error,
        ).value
        if page is None:
            return None
        self.page = page
        self.model.set_rows(page.rows)
        self._fit_columns()
        self.table.scrollToTop()
        self._show_count(page)
        self._update_paging()
        return page

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            width = header.sectionSize(column) + COLUMN_PADDING
            header.resizeSection(column, min(width, SUMMARY_MAX_WIDTH) if column == 5 else width)

    def _show_error(self, exc: DomainError) -> None:
        self.page = None
        self.model.set_rows([])
        show_message(self.count, exc.message)
        for widget in (
            self.date_from,
            self.date_to,
            self.actor,
            self.action,
            self.entity,
            self.search,
            self.clear_button,
        ):
            widget.setEnabled(False)
        self._update_paging()

    def _show_count(self, page: AuditPage) -> None:
        self.count.setStyleSheet("")
        if page.total == 0:
            self.count.setText(self.tr("没有符合条件的记录。"))
        elif page.total <= len(page.rows) and page.offset == 0:
            self.count.setText(self.tr("共 %1 条记录。").replace("%1", str(page.total)))
        else:
            self.count.setText(
                self.tr("共 %1 条记录，显示第 %2–%3 条。")
                .replace("%1", str(page.total))
                .replace("%2", str(page.offset + 1 if page.rows else page.offset))
                .replace("%3", str(page.offset + len(page.rows)))
            )

    def _update_paging(self) -> None:
        self.prev_button.setEnabled(self.page is not None and self.page.has_previous)
        self.next_button.setEnabled(self.page is not None and self.page.has_next)

    # --- actions -------------------------------------------------------------------------------------------------

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.offset = 0
        self.load()

    def clear_filters(self) -> None:
        for widget in (self.date_from, self.date_to, self.actor, self.action, self.entity, self.search):
            widget.blockSignals(True)
        self.date_from.setDate(EARLIEST)
        self.date_to.setDate(_qdate(dt.date.today()))
        for combo in (self.actor, self.action, self.entity):
            combo.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.date_from, self.date_to, self.actor, self.action, self.entity, self.search):
            widget.blockSignals(False)
        self.apply_filters()

    def next_page(self) -> None:
        if self.page is not None and self.page.has_next:
            self.offset += PAGE_SIZE
            self.load()

    def previous_page(self) -> None:
        if self.page is not None and self.page.has_previous:
            self.offset = max(0, self.offset - PAGE_SIZE)
            self.load()
