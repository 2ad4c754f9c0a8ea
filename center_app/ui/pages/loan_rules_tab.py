"""借阅规则 (settings tab, administrators): how many books each grade may hold, for how long, how often renewed,
whether an overdue book blocks new loans — and the days the centre is shut, which push due dates to the next open
day. The rules are checked by ``services.circulation`` (``domain.loan_rules``); a refused set is shown whole, in
red, and nothing is saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import loan_rules
from center_app.domain.loan_rules import GradeRule, grade_label
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.services import circulation
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.messages import show_message

_Index = QModelIndex | QPersistentModelIndex
VALUE = Qt.ItemDataRole.UserRole  # each cell keeps its number here; the text is what the user reads

COL_FROM, COL_TO, COL_BOOKS, COL_DAYS, COL_RENEWALS = range(5)
# Spin box bounds are the domain's, so only what needs the whole set (overlaps, gaps, from > to) reaches the service.
_NUMBER_RANGES: dict[int, tuple[int, int]] = {
    COL_BOOKS: loan_rules.MAX_BOOKS_RANGE,
    COL_DAYS: loan_rules.LOAN_DAYS_RANGE,
    COL_RENEWALS: loan_rules.RENEWALS_RANGE,
}
NEW_RULE = GradeRule(grade_min=0, grade_max=loan_rules.GRADE_MAX, max_books=2, loan_days=14, max_renewals=1)


def _cell_text(column: int, value: int) -> str:
    return grade_label(value) if column in (COL_FROM, COL_TO) else str(value)


class _RuleDelegate(QStyledItemDelegate):
    """Grades are picked from a list (学前班…高三), numbers with a spin box within the allowed range."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        if index.column() in (COL_FROM, COL_TO):
            combo = QComboBox(parent)
            for grade in range(loan_rules.GRADE_MIN, loan_rules.GRADE_MAX + 1):
                combo.addItem(grade_label(grade), grade)
            return combo
        spin = QSpinBox(parent)
        spin.setRange(*_NUMBER_RANGES[index.column()])
        return spin

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        value = int(index.data(VALUE) or 0)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = int(editor.currentData())
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            value = editor.value()
        else:
            return
        model.setData(index, value, VALUE)
        model.setData(index, _cell_text(index.column(), value), Qt.ItemDataRole.DisplayRole)


class LoanRulesTab(Page):
    areas = (Area.SETTINGS,)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("loanRulesTab")
        role = ctx.actor.role
        self.can_write = allowed(role, "settings", WRITE)
        self.can_read = (
            self.can_write or allowed(role, "settings", READ) or allowed(role, "circulation", READ)
        )
        self._dirty = False  # unsaved edits in the table survive a refresh (e.g. the desk's sound switch)
        self._closed: dict[dt.date, str] = {}

        layout = vbox(self)
        layout.addWidget(page_title(self.tr("借阅规则")))
        intro = QLabel(
            self.tr(
                "按年级规定每人最多可借几本、借多少天、可续借几次。每个年级只能属于一条规则。"
                "修改后从下一次借书起生效，已借出的书应还日期不变。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Rules on the left, closed days on the right: both fit a 1366×768 screen without scrolling.
        columns = QHBoxLayout()
        columns.setSpacing(16)
        layout.addLayout(columns, 1)
        left = QVBoxLayout()
        left.setSpacing(10)
        columns.addLayout(left, 3)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("loanRulesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("年级从"),
                self.tr("到"),
                self.tr("每人最多"),
                self.tr("借期（天）"),
                self.tr("可续借次数"),
            ]
        )
        self.table.setItemDelegate(_RuleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(300)
        self.table.itemChanged.connect(self._edited)
        left.addWidget(self.table)

        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加规则"))
        self.add_button.setObjectName("loanRulesAdd")
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button = QPushButton(self.tr("删除选中的规则"))
        self.remove_button.setObjectName("loanRulesRemove")
        self.remove_button.clicked.connect(self.remove_rule)
        hint = QLabel(self.tr("双击或按 F2 修改单元格。"))
        hint.setStyleSheet("color: #555;")
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addWidget(hint)
        rows.addStretch(1)
        left.addLayout(rows)

        self.block_overdue = QCheckBox(self.tr("有逾期不能再借（先还逾期的书，才能借新书）"))
        self.block_overdue.setObjectName("loanRulesBlockOverdue")
        self.block_overdue.toggled.connect(lambda _on: self._mark_dirty())
        left.addWidget(self.block_overdue)
        # Renewing an overdue book would lift the block without the book coming back: a choice of its own, off.
        self.renew_overdue = QCheckBox(self.tr("逾期的书也可以续借（续借后就不再算逾期，可以接着借新书）"))
        self.renew_overdue.setObjectName("loanRulesRenewOverdue")
        self.renew_overdue.toggled.connect(lambda _on: self._mark_dirty())
        self.block_overdue.toggled.connect(self._renew_overdue_applies)
        indented = QHBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)
        indented.addWidget(self.renew_overdue)
        left.addLayout(indented)

        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存借阅规则(&S)"))
        self.save_button.setObjectName("loanRulesSave")
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        left.addLayout(save_row)
        self.message = QLabel()
        self.message.setObjectName("loanRulesMessage")
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        left.addStretch(1)
        columns.addWidget(self._build_closed_days(), 2)

        if not self.can_write:
            for widget in (
                self.add_button,
                self.remove_button,
                self.block_overdue,
                self.renew_overdue,
                self.save_button,
            ):
                widget.setEnabled(False)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for field in (self.day_edit, self.reason_edit, self.day_add, self.day_remove):
                field.setEnabled(False)
            show_message(self.message, self.tr("只有管理员可以修改借阅规则和闭馆日。"))

    def _build_closed_days(self) -> QGroupBox:
        box = QGroupBox(self.tr("闭馆日"))
        box.setObjectName("closedDaysBox")
        layout = QVBoxLayout(box)
        help_text = QLabel(
            self.tr("应还日期落在闭馆日（节假日、放假）时，顺延到下一个开放日。添加或删除后立即保存。")
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份：")))
        self.year = QComboBox()
        self.year.setObjectName("closedDaysYear")
        this_year = dt.date.today().year
        for year in (this_year, this_year + 1):  # next year's holidays are entered in December
            self.year.addItem(self.tr("%1 年").replace("%1", str(year)), year)
        self.year.currentIndexChanged.connect(lambda _i: self._year_changed())
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)

        self.days_list = QListWidget()
        self.days_list.setObjectName("closedDaysList")
        self.days_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.days_list, 1)

        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("closedDayDate")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy年M月d日")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("closedDayReason")
        self.reason_edit.setMaxLength(circulation.CLOSED_REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("原因，如：国庆节"))
        self.reason_edit.returnPressed.connect(self.add_closed_day)
        entry = QHBoxLayout()
        entry.addWidget(self.day_edit)
        entry.addWidget(self.reason_edit, 1)
        layout.addLayout(entry)

        self.day_add = QPushButton(self.tr("添加闭馆日"))
        self.day_add.setObjectName("closedDayAdd")
        self.day_add.clicked.connect(self.add_closed_day)
        self.day_remove = QPushButton(self.tr("删除选中的闭馆日"))
        self.day_remove.setObjectName("closedDayRemove")
        self.day_remove.clicked.connect(self.remove_closed_days)
        buttons = QHBoxLayout()
        buttons.addWidget(self.day_add)
        buttons.addWidget(self.day_remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.days_message = QLabel()
        self.days_message.setObjectName("closedDaysMessage")
        self.days_message.setWordWrap(True)
        layout.addWidget(self.days_message)
        self._year_changed(load=False)
        return box

    # --- loading ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.can_read:
            if not self._dirty:
                current = circulation.get_loan_settings(self.ctx)
                self._fill_rules(current.rules)
                for box, on in (
                    (self.block_overdue, current.block_when_overdue),
                    (self.renew_overdue, current.renew_when_overdue),
                ):
                    box.blockSignals(True)
                    box.setChecked(on)
                    box.blockSignals(False)
                self._renew_overdue_applies()
                self._dirty = False
            self._load_closed_days()
        super().refresh()

    def _fill_rules(self, rules: tuple[GradeRule, ...] | list[GradeRule]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for rule in rules:
            self._append_row(rule)
        self.table.blockSignals(False)

    def _append_row(self, rule: GradeRule) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (rule.grade_min, rule.grade_max, rule.max_books, rule.loan_days, rule.max_renewals)
        for col, value in enumerate(values):
            item = QTableWidgetItem(_cell_text(col, value))
            item.setData(VALUE, value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, col, item)
        return row

    def rules_in_table(self) -> list[GradeRule]:
        rules = []
        for row in range(self.table.rowCount()):
            values = []
            for col in range(5):
                item = self.table.item(row, col)
                assert item is not None  # every cell of a rule's row has an item (see _add_row)
                values.append(int(item.data(VALUE)))
            rules.append(GradeRule(*values))
        return rules

    def _edited(self, _item: QTableWidgetItem) -> None:
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True
        self.message.clear()

    # --- rules ------------------------------------------------------------------------------------------------

    def add_rule(self) -> None:
        rules = self.rules_in_table()
        start = min(max((r.grade_max for r in rules), default=-1) + 1, loan_rules.GRADE_MAX)
        row = self._append_row(
            GradeRule(
                start, loan_rules.GRADE_MAX, NEW_RULE.max_books, NEW_RULE.loan_days, NEW_RULE.max_renewals
            )
        )
        self.table.selectRow(row)
        self.table.setFocus()
        self._mark_dirty()
        show_message(self.message, self.tr("已添加一行，请改好年级范围后保存。"), ok=True)

    def remove_rule(self) -> None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().isRowSelected(row):
            show_message(self.message, self.tr("请先选中要删除的规则。"))
            return
        self.table.removeRow(row)
        self._mark_dirty()
        show_message(self.message, self.tr("已删除一行，保存后生效。"), ok=True)

    def _renew_overdue_applies(self) -> None:
        # Without the overdue block an overdue book may always be renewed: the switch only matters with it.
        self.renew_overdue.setEnabled(self.can_write and self.block_overdue.isChecked())

    def save(self) -> bool:
        rules, block = tuple(self.rules_in_table()), self.block_overdue.isChecked()
        renew_overdue = self.renew_overdue.isChecked()

        def save() -> circulation.LoanSettings:
            # The sound switch belongs to the desk: keep whatever it is now, not what it was when this tab loaded.
            current = circulation.get_loan_settings(self.ctx)
            return circulation.save_loan_settings(
                self.ctx,
                dataclasses.replace(
                    current, rules=rules, block_when_overdue=block, renew_when_overdue=renew_overdue
                ),
            )

        saved = self.ops.run(save, changes=Area.SETTINGS, refused=self.message).value
        if saved is None:
            return False
        self._dirty = False
        self._fill_rules(saved.rules)  # sorted by grade, as they will be applied
        show_message(
            self.message, self.tr("已保存。新规则从下一次借书起生效，已借出的书应还日期不变。"), ok=True
        )
        return True

    # --- closed days ------------------------------------------------------------------------------------------

    @property
    def selected_year(self) -> int:
        return int(self.year.currentData())

    def _year_changed(self, load: bool = True) -> None:
        year = self.selected_year
        self.day_edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        today = dt.date.today()
        self.day_edit.setDate(
            QDate(today.year, today.month, today.day) if today.year == year else QDate(year, 1, 1)
        )
        if load and self.can_read:
            self._load_closed_days()

    def _load_closed_days(self) -> None:
        self._closed = {
            row.day: row.reason for row in circulation.list_closed_days(self.ctx, self.selected_year)
        }
        self.days_list.clear()
        for day, reason in sorted(self._closed.items()):
            weekday = format_date(day, weekday=True)
            item = QListWidgetItem(f"{weekday}　{reason}" if reason else weekday)
            item.setData(VALUE, day.isoformat())  # a str survives the trip through QVariant unchanged
            self.days_list.addItem(item)

    def _save_closed_days(self, days: dict[dt.date, str], done: str) -> bool:
        year = self.selected_year
        saved = self.ops.run(
            lambda: circulation.set_closed_days(self.ctx, sorted(days.items()), year=year),
            changes=Area.SETTINGS,
            refused=self.days_message,
        )
        if not saved.ok:
            return False
        self._load_closed_days()
        show_message(self.days_message, done, ok=True)
        return True

    def add_closed_day(self) -> None:
        day = self.day_edit.date().toPython()
        assert isinstance(day, dt.date)
        reason = self.reason_edit.text().strip()
        days = dict(self._closed)
        days[day] = reason  # the same day again changes its reason
        if self._save_closed_days(days, self.tr("已保存闭馆日：%1").replace("%1", format_date(day))):
            self.reason_edit.clear()
            for n in range(self.days_list.count()):
                if self.days_list.item(n).data(VALUE) == day.isoformat():
                    self.days_list.setCurrentRow(n)

    def remove_closed_days(self) -> None:
        chosen = [dt.date.fromisoformat(item.data(VALUE)) for item in self.days_list.selectedItems()]
        if not chosen:
            show_message(self.days_message, self.tr("请先在列表中选中要删除的闭馆日。"))
            return
        days = {day: reason for day, reason in self._closed.items() if day not in chosen}
        self._save_closed_days(days, self.tr("已删除 %1 个闭馆日。").replace("%1", str(len(chosen))))
