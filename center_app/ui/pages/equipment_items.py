"""器材清单: the equipment page's list of items — search as you type, filters, counts, and one panel at a time beside
the table: the selected item, the item form, a donor's list to import, asset labels to print.

A :class:`~center_app.ui.pages.list_page.ListPage` held as a tab of the equipment page (the panel contract of
``attendance``'s tabs: ``EquipmentItemsTab(ctx, ops)``, ``stale``, ``refresh()``, ``focus_first()``, no scanner
input of its own). The search is the service's ``EquipmentIndex`` (name, location, source, notes, full pinyin,
initials, asset barcodes: a scanned ``E000123`` finds its item); the filters are category, storage place, condition
and "on the restock list"; the columns count what is available, out, damaged and away for repair.

The side shows the selected item (``ItemDetailPanel``): its details and counts, its pieces with their status and
who has each, its recent loans and its damage and maintenance log; edit (F2), delete (an inline question; the
service refuses an item lent or with a history), add pieces to a one-by-one item. Ctrl+N registers an item
(``equipment_form``), Ctrl+I imports a donor's list (the one ``ImportPanel``, equipment kind), 导出… writes the
list to Excel or CSV on a worker thread, Ctrl+P prints asset labels for the selected items (or the whole list, or
the codes just given out) on the spine labels' sheet from where it left off (``AssetLabelsPanel``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.label_grid import PRESETS, LabelGrid
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.domain.states import Condition, Tracking
from center_app.services import equipment, settings
from center_app.services.equipment import (
    AssetLabelsPrinted,
    EquipmentImportResult,
    EquipmentIndex,
    IncidentRow,
    ItemDetail,
    ItemRow,
    LoanRow,
)
from center_app.ui import workers
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.pages.equipment_form import (
    EquipmentForm,
    category_labels,
    condition_labels,
    incident_labels,
    unit_status_labels,
    yuan_text,
)
from center_app.ui.pages.label_sheets import (
    DEFAULT_GRID,
    SETTING_KEY,
    SPINE,
    fits,
    grid_text,
    safe_file_part,
    unique_path,
)
from center_app.ui.pages.list_page import (
    ExportControls,
    ListExport,
    ListPage,
    action_button,
    spreadsheet_path,
)
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.import_panel import ImportPanel, equipment_import_kind
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scanner_input import ScannerInput
from center_app.ui.widgets.sheet_preview import SheetPreview
from center_app.ui.widgets.tables import RED, read_only_table, table_item
from center_app.ui.workers import Job

#: ``data(index, ITEM_ID_ROLE)`` → the item's id, for any column
ITEM_ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
translate = QCoreApplication.translate
RECENT_LOANS = 30  # loans listed in an item's panel (newest first)
GREY = QColor("#94a3b8")
AMBER = QColor("#b45309")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def when_text(moment: dt.datetime | None, today: dt.date | None = None) -> str:
    """``今天 15:00`` or ``2026年11月29日 15:00`` (local time, as the services give it)."""
    if moment is None:
        return ""
    day = moment.date()
    clock = f"{moment:%H:%M}"
    if day == (today or dt.date.today()):
        return translate("EquipmentItemsTab", "今天 %1").replace("%1", clock)
    return f"{format_date(day)} {clock}"


def label_count(row: ItemRow) -> int:
    """Labels an item takes: one per piece of a one-by-one item, one for a quantity item's box."""
    if row.tracking == Tracking.INDIVIDUAL:
        return row.total
    return 1 if row.barcode else 0


# =========================================================================================== the table


class ItemTableModel(RowsTableModel[ItemRow]):
    """The list: name, category, place, condition, then the counts (numbers right-aligned)."""

    NUMBERS = 4  # columns from here on are counts

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("名称"),
                self.tr("类别"),
                self.tr("存放位置"),
                self.tr("状况"),
                self.tr("总数"),
                self.tr("可借"),
                self.tr("借出"),
                self.tr("损坏"),
                self.tr("维修中"),
            ],
            parent,
        )
        self.categories = category_labels()
        self.conditions = condition_labels()

    def position_of(self, item_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.id == item_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ITEM_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.NUMBERS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.condition == Condition.SCRAPPED:
                return GREY
            if column == 5 and row.needs_restock:
                return RED
            if column == 3 and row.condition != Condition.GOOD:
                return AMBER
            if column in (7, 8) and (row.damaged if column == 7 else row.repair):
                return AMBER
        if role == Qt.ItemDataRole.FontRole and column == 5 and row.needs_restock:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 5 and row.needs_restock:
                return (
                    self.tr("可借的只剩 %1%2，到了补货提醒（%3）")
                    .replace("%1", str(row.available))
                    .replace("%2", row.unit)
                    .replace("%3", str(row.low_stock))
                )
            if column == 0:
                kept = self.tr("逐件编号") if row.tracking == Tracking.INDIVIDUAL else self.tr("按数量")
                return f"{row.name}（{kept}）"
        return None

    def _text(self, row: ItemRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return self.categories.get(row.category, row.category)
        if column == 2:
            return row.location
        if column == 3:
            return self.conditions.get(row.condition, row.condition)
        counts = (row.total, row.available, row.out, row.damaged, row.repair)
        return str(counts[column - self.NUMBERS])


def size_columns(table: Any) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 52), (2, 96), (3, 56), (4, 46), (5, 46), (6, 46), (7, 46), (8, 56)):
        table.setColumnWidth(column, width)


# =========================================================================================== the selected item


class ItemDetailPanel(QWidget):
    """The selected item. ``shown(detail or None)``; ``changed(item_id)`` after a change made here (announced);
    ``deleted()``; ``edit_requested``; ``print_requested(barcodes, what)``; ``report_requested(item_id, code)``."""

    shown = Signal(object)
    changed = Signal(int)
    deleted = Signal()
    edit_requested = Signal()
    print_requested = Signal(object, str)
    report_requested = Signal(int, str)

    def __init__(
        self, ctx: AppContext, ops: Operations, message: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentDetail")
        self.ctx = ctx
        self.ops = ops
        self.page_message = message
        role = ctx.actor.role
        self.can_write = allowed(role, "equipment", WRITE)
        self.can_delete = allowed(role, "equipment.delete", WRITE)
        self.detail: ItemDetail | None = None
        self.loans: list[LoanRow] = []
        self.new_barcodes: tuple[str, ...] = ()
        self.statuses = unit_status_labels()
        self.kinds = incident_labels()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.title = bold_heading("")
        self.title.setObjectName("equipmentDetailName")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.info = QLabel()
        self.info.setObjectName("equipmentDetailInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.counts = QLabel()
        self.counts.setObjectName("equipmentDetailCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts)

        self.action_row = QWidget()
        row = QHBoxLayout(self.action_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = action_button("equipmentDetailEdit", self.tr("修改  F2"), self.edit_requested.emit)
        self.delete_button = action_button("equipmentDetailDelete", self.tr("删除…"), self.ask_delete)
        self.delete_button.setToolTip(
            self.tr("只用于登记错了的器材；借出过或有记录的不能删除，不再用的请把状况改为“报废”")
        )
        self.report_button = action_button("equipmentDetailReport", self.tr("报损/维修…"), self._report)
        self.report_button.hide()  # shown once the page can open the log (``EquipmentItemsTab.set_report_handler``)
        for button in (self.edit_button, self.delete_button, self.report_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.action_row)

        self.units_row = QWidget()
        units = QHBoxLayout(self.units_row)
        units.setContentsMargins(0, 0, 0, 0)
        self.add_units_count = QSpinBox()
        self.add_units_count.setObjectName("equipmentAddUnitsCount")
        self.add_units_count.setRange(1, rules.MAX_UNITS_AT_ONCE)
        self.add_units_button = action_button("equipmentAddUnits", self.tr("添加几件"), self.add_units)
        self.add_units_button.setToolTip(self.tr("又收到同样的器材：每件一个新编号"))
        units.addWidget(QLabel(self.tr("又来了")))
        units.addWidget(self.add_units_count)
        units.addWidget(self.add_units_button)
        units.addStretch(1)
        layout.addWidget(self.units_row)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("equipmentDetailTabs")
        self.units = QTableWidget(0, 3)
        self.units.setObjectName("equipmentDetailUnits")
        read_only_table(self.units, [self.tr("编号"), self.tr("状态"), self.tr("在谁那里")])
        self.loans_table = QTableWidget(0, 4)
        self.loans_table.setObjectName("equipmentDetailLoans")
        read_only_table(
            self.loans_table, [self.tr("借给"), self.tr("借出"), self.tr("数量"), self.tr("归还")]
        )
        self.incidents = QTableWidget(0, 4)
        self.incidents.setObjectName("equipmentDetailIncidents")
        read_only_table(
            self.incidents, [self.tr("日期"), self.tr("类型"), self.tr("数量"), self.tr("情况和处理")]
        )
        for table in (self.units, self.loans_table, self.incidents):
            table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # this panel has no scanner input to keep
            table.setWordWrap(False)
            table.horizontalHeader().setStretchLastSection(True)
        self.units.setColumnWidth(0, 90)
        self.units.setColumnWidth(1, 60)
        self.loans_table.setColumnWidth(0, 110)
        self.loans_table.setColumnWidth(1, 110)
        self.loans_table.setColumnWidth(2, 60)
        self.incidents.setColumnWidth(0, 100)
        self.incidents.setColumnWidth(1, 44)
        self.incidents.setColumnWidth(2, 60)
        self.tabs.addTab(self.units, self.tr("每一件"))
        self.tabs.addTab(self.loans_table, self.tr("借用记录"))
        self.tabs.addTab(self.incidents, self.tr("损坏维修"))
        layout.addWidget(self.tabs, 1)

        self.question = InlineQuestion("equipmentDeleteConfirm", parent=self)
        # The page's Esc answers it (``close_boxes``): two Esc shortcuts in one page would cancel out.
        for shortcut in self.question.findChildren(QShortcut):
            shortcut.setEnabled(False)
        layout.addWidget(self.question)
        self.message = QLabel()
        self.message.setObjectName("equipmentDetailMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.print_button = QPushButton()
        self.print_button.setObjectName("equipmentDetailPrint")
        self.print_button.clicked.connect(self._print_new)
        self.print_button.hide()
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty = QLabel(self.tr("在左边选一件器材，这里显示它的每一件、借用记录和损坏维修记录。"))
        self.empty.setObjectName("equipmentDetailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.empty)
        layout.addStretch(0)

        if not self.can_write:
            why = denied_message(role, "equipment", WRITE)
            for widget in (self.edit_button, self.add_units_button, self.add_units_count):
                widget.setEnabled(False)
                widget.setToolTip(why)
        if not self.can_delete:
            self.delete_button.setEnabled(False)
            self.delete_button.setToolTip(denied_message(role, "equipment.delete", WRITE))
        self._show(None)

    # --- showing ------------------------------------------------------------------------------------------

    @property
    def item(self) -> ItemRow | None:
        return self.detail.item if self.detail is not None else None

    def show_item(self, item_id: int | None, *, new_selection: bool = False) -> None:
        """Load and show an item (None: nothing selected). ``new_selection``: another item than before."""
        if new_selection:
            self.message.clear()
            self.new_barcodes = ()
            self.question.hide()
        if item_id is None:
            self._show(None)
            return
        loaded = self.ops.run(
            lambda: (
                equipment.get_item(self.ctx, item_id),
                equipment.loan_history(self.ctx, item_id, RECENT_LOANS),
            ),
            refused=self.page_message,
        ).value
        if loaded is None:
            self._show(None)
            return
        self.loans = list(loaded[1])
        self._show(loaded[0])

    def _show(self, detail: ItemDetail | None) -> None:
        self.detail = detail
        has = detail is not None
        for widget in (self.title, self.info, self.counts, self.action_row, self.tabs):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if detail is None:
            self.units_row.hide()
            self.print_button.hide()
            self.shown.emit(None)
            return
        item = detail.item
        individual = item.tracking == Tracking.INDIVIDUAL
        self.title.setText(item.name)
        self.info.setText(self._info_html(item))
        self.counts.setText(self._counts_html(item))
        self.units_row.setVisible(individual)
        self.delete_button.setVisible(True)
        self._fill_units(detail)
        self._fill_loans()
        self._fill_incidents(detail.incidents)
        self.tabs.setTabText(0, self.tr("每一件（%1）").replace("%1", str(len(detail.units))))
        self.tabs.setTabVisible(0, individual)
        self.tabs.setTabText(2, self.tr("损坏维修（%1）").replace("%1", str(len(detail.incidents))))
        if not individual and self.tabs.currentIndex() == 0:
            self.tabs.setCurrentIndex(1)
        self.print_button.setVisible(bool(self.new_barcodes))
        self.shown.emit(detail)

    def _info_html(self, item: ItemRow) -> str:
        kept = self.tr("逐件编号") if item.tracking == Tracking.INDIVIDUAL else self.tr("按数量")
        parts = [category_labels().get(item.category, item.category), kept]
        if item.consumable:
            parts.append(self.tr("消耗品"))
        if item.location:
            parts.append(item.location)
        if item.barcode:
            parts.append(self.tr("编号 %1").replace("%1", item.barcode))
        lines = [" · ".join(escape(p) for p in parts)]
        source = []
        if item.donor:
            source.append(self.tr("来源：%1").replace("%1", item.donor))
        if item.acquired_on:
            source.append(self.tr("入库：%1").replace("%1", format_date(item.acquired_on)))
        if item.value_fen is not None:
            source.append(self.tr("单价 %1 元").replace("%1", yuan_text(item.value_fen)))
        if item.low_stock is not None:
            source.append(self.tr("补货提醒：可借 ≤ %1").replace("%1", str(item.low_stock)))
        if source:
            lines.append(" · ".join(escape(p) for p in source))
        if item.notes:
            lines.append(escape(self.tr("备注：%1").replace("%1", item.notes[:200])))
        return "<br>".join(lines)

    def _counts_html(self, item: ItemRow) -> str:
        unit = escape(item.unit)
        condition = condition_labels().get(item.condition, item.condition)
        text = (
            self.tr("共 %1%2：<b>可借 %3</b> · 借出 %4 · 损坏 %5 · 维修中 %6")
            .replace("%1", str(item.total))
            .replace("%2", unit)
            .replace("%3", str(item.available))
            .replace("%4", str(item.out))
            .replace("%5", str(item.damaged))
            .replace("%6", str(item.repair))
        )
        if item.condition != Condition.GOOD:
            whole = escape(self.tr("整件：%1").replace("%1", condition))
            text += f" · <span style='color:#b45309'>{whole}</span>"
        if item.needs_restock:
            restock = escape(self.tr("该补货了"))
            text += f" · <span style='color:#c0392b'><b>{restock}</b></span>"
        return text

    def _fill_units(self, detail: ItemDetail) -> None:
        holders = {loan.unit_barcode: loan for loan in detail.open_loans if loan.unit_barcode}
        self.units.setRowCount(len(detail.units))
        now = dt.datetime.now()
        for n, unit in enumerate(detail.units):
            loan = holders.get(unit.barcode)
            status = self.statuses.get(unit.status, unit.status)
            who = ""
            if loan is not None:
                who = loan.borrower
                if loan.due_at is not None:
                    who += self.tr("（应还 %1）").replace("%1", when_text(loan.due_at))
            self.units.setItem(n, 0, table_item(unit.barcode, data=unit.barcode))
            self.units.setItem(n, 1, table_item(status, red=unit.status in ("lost", "damaged")))
            self.units.setItem(n, 2, table_item(who, red=loan is not None and loan.overdue(now)))

    def _fill_loans(self) -> None:
        self.loans_table.setRowCount(len(self.loans))
        now = dt.datetime.now()
        for n, loan in enumerate(self.loans):
            unit = self.item.unit if self.item is not None else ""
            what = loan.unit_barcode or f"{loan.quantity}{unit}"
            if loan.returned_at is not None:
                back = self.tr("已还 %1").replace("%1", when_text(loan.returned_at))
                if loan.returned != loan.quantity and not loan.unit_barcode:
                    back += self.tr("（还回 %1）").replace("%1", str(loan.returned))
            elif loan.returned:
                back = (
                    self.tr("还了 %1，还差 %2").replace("%1", str(loan.returned)).replace("%2", str(loan.out))
                )
            else:
                back = self.tr("未还")
                if loan.due_at is not None:
                    back += self.tr("，应还 %1").replace("%1", when_text(loan.due_at))
            who = loan.borrower or loan.borrower_kind_label
            cell = table_item(who)
            cell.setToolTip(f"{who}（{loan.borrower_kind_label}）")
            self.loans_table.setItem(n, 0, cell)
            self.loans_table.setItem(n, 1, table_item(when_text(loan.lent_at)))
            self.loans_table.setItem(n, 2, table_item(what))
            self.loans_table.setItem(n, 3, table_item(back, red=loan.overdue(now)))

    def _fill_incidents(self, rows: Sequence[IncidentRow]) -> None:
        self.incidents.setRowCount(len(rows))
        for n, row in enumerate(rows):
            unit = self.item.unit if self.item is not None else ""
            what = row.unit_barcode or f"{row.quantity}{unit}"
            said = incident_text(row)
            self.incidents.setItem(n, 0, table_item(format_date(row.occurred_on)))
            self.incidents.setItem(n, 1, table_item(self.kinds.get(row.kind, row.kind)))
            self.incidents.setItem(n, 2, table_item(what))
            cell = table_item(said, red=not row.resolved)
            cell.setToolTip(said)
            self.incidents.setItem(n, 3, cell)

    # --- actions ------------------------------------------------------------------------------------------

    def close_boxes(self) -> bool:
        """Esc: drop the delete question if it is open."""
        if self.question.isVisible():
            self.question.answer("cancel")
            return True
        return False

    def ask_delete(self) -> None:
        item = self.item
        if item is None or not self.can_delete:
            return
        text = (
            self.tr("删除“%1”（%2%3）？只用于登记错了的器材，删除后不能恢复。")
            .replace("%1", item.name)
            .replace("%2", str(item.total))
            .replace("%3", item.unit)
        )
        self.question.ask(
            text,
            ok=(self.tr("确认删除"), self.delete_item),
            cancel=(self.tr("不删除"), None),
        )
        self.question.cancel.setFocus()  # the safe answer is the one Enter gives

    def delete_item(self) -> bool:
        item = self.item
        if item is None:
            return False
        done = self.ops.run(
            lambda: equipment.delete_item(self.ctx, item.id), changes=Area.EQUIPMENT, refused=self.message
        )
        if not done.ok:
            return False
        show_message(self.page_message, self.tr("已删除“%1”。").replace("%1", item.name), ok=True)
        self._show(None)
        self.deleted.emit()
        return True

    def add_units(self) -> tuple[str, ...]:
        item = self.item
        if item is None or not self.can_write:
            return ()
        count = self.add_units_count.value()
        saved = self.ops.run(
            lambda: equipment.add_units(self.ctx, item.id, count),
            changes=Area.EQUIPMENT,
            refused=self.message,
        ).value
        if saved is None:
            return ()
        codes = saved.new_barcodes
        self.new_barcodes = codes
        self.changed.emit(item.id)
        span = codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"
        show_message(
            self.message,
            self.tr("已添加 %1%2，编号 %3。")
            .replace("%1", str(len(codes)))
            .replace("%2", item.unit)
            .replace("%3", span),
            ok=True,
        )
        self.print_button.setText(self.tr("打印这 %1 张标签…").replace("%1", str(len(codes))))
        self.print_button.show()
        return codes

    def _print_new(self) -> None:
        if self.new_barcodes and self.item is not None:
            self.print_requested.emit(
                list(self.new_barcodes), self.tr("“%1”的新标签").replace("%1", self.item.name)
            )

    def _report(self) -> None:
        item = self.item
        if item is None:
            return
        code = ""
        if self.tabs.currentWidget() is self.units and self.units.currentRow() >= 0:
            cell = self.units.item(self.units.currentRow(), 0)
            code = cell.text() if cell is not None else ""
        self.report_requested.emit(item.id, code)


def incident_text(row: IncidentRow) -> str:
    """What the log says of one entry: the note, who reported it, who had it, what was done."""
    parts = [row.note] if row.note else []
    if row.reported_by:
        parts.append(translate("EquipmentItemsTab", "%1报告").replace("%1", row.reported_by))
    if row.borrower:
        parts.append(translate("EquipmentItemsTab", "当时借给 %1").replace("%1", row.borrower))
    if row.action:
        parts.append(translate("EquipmentItemsTab", "处理：%1").replace("%1", row.action))
    if not row.resolved:
        parts.append(translate("EquipmentItemsTab", "未处理完"))
    return "；".join(parts) or "—"


# =========================================================================================== asset labels


class AssetLabelsPanel(QWidget):
    """Asset labels (item name + Code128) on the spine labels' sheet, from where the last sheet left off — the
    catalogue's print panel's memory (``label_sheets.SETTING_KEY``), shared: one pack of label sheets for both.
    The PDF is written on a worker thread, then opened for printing."""

    closed = Signal()
    printed = Signal(object)  # AssetLabelsPrinted

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentLabels")
        self.ctx = ctx
        self.ops = ops
        # Seam the tests replace: opening a PDF starts another program.
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self._selected: list[ItemRow] = []
        self._listed: list[ItemRow] = []
        self._recent: tuple[str, tuple[str, ...]] | None = None  # (what, codes) just given out
        self._session_memory: dict[str, Any] | None = None  # for a role that may not write settings
        self.job: Job | None = None
        self.last_pdf: Path | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("打印器材标签")), 1)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("equipmentLabelsClose")
        close.setToolTip("Esc")
        close.clicked.connect(self.closed.emit)
        self.close_button = close
        top.addWidget(close)
        layout.addLayout(top)

        source_row = QHBoxLayout()
        self.source = QComboBox()
        self.source.setObjectName("equipmentLabelsSource")
        self.source.currentIndexChanged.connect(lambda _i: self._update_summary())
        source_row.addWidget(QLabel(self.tr("打印哪些：")))
        source_row.addWidget(self.source, 1)
        layout.addLayout(source_row)
        form = QFormLayout()
        form.setSpacing(6)
        self.grid_combo = QComboBox()
        self.grid_combo.setObjectName("equipmentLabelsGrid")
        for key, grid in PRESETS.items():
            if fits(SPINE, grid):
                self.grid_combo.addItem(grid_text(grid), key)
                self.grid_combo.setItemData(
                    self.grid_combo.count() - 1, grid.describe(), Qt.ItemDataRole.ToolTipRole
                )
        form.addRow(self.tr("标签纸："), self.grid_combo)
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("equipmentLabelsStart")
        self.start_spin.setMinimum(1)
        form.addRow(self.tr("起始格："), self.start_spin)
        self.guides = QCheckBox(self.tr("白纸试印（画出格线）"))
        self.guides.setObjectName("equipmentLabelsGuides")
        self.guides.setToolTip(
            self.tr("先用白纸试印，叠在标签纸上对着光看是否对齐；试印不计入标签纸的用量。")
        )
        form.addRow(self.guides)
        legend = QLabel(
            self.tr(
                "和书标用同一种标签纸，接着上次用到的格。右图：灰色是用过的格，蓝色是这次要打印的；点一格就从那里开始。"
            )
        )
        legend.setObjectName("equipmentLabelsHint")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #64748b;")
        form.addRow(legend)
        self.summary = QLabel()
        self.summary.setObjectName("equipmentLabelsSummary")
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        sheet_row = QHBoxLayout()
        sheet_row.addLayout(form, 1)
        self.sheet = SheetPreview()
        self.sheet.setObjectName("equipmentLabelsSheet")
        self.sheet.start_chosen.connect(self.start_spin.setValue)
        sheet_row.addWidget(self.sheet, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(sheet_row)

        buttons = QHBoxLayout()
        self.go = QPushButton(self.tr("生成 PDF 并打开(&P)"))
        self.go.setObjectName("equipmentLabelsGo")
        self.go.clicked.connect(lambda: self.print_now())
        buttons.addWidget(self.go)
        self.progress = QProgressBar()
        self.progress.setObjectName("equipmentLabelsProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("equipmentLabelsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.grid_combo.currentIndexChanged.connect(lambda _i: self._grid_changed())
        self.start_spin.valueChanged.connect(lambda _v: self._update_summary())
        self.load_sheet()
        self._fill_sources()

    # --- the sheet and where to start -----------------------------------------------------------------------

    def load_sheet(self) -> None:
        """The sheet the spine labels last used, and where their next label goes (the catalogue's memory)."""
        memory = self._memory().get(SPINE, {})
        key = memory.get("grid") if isinstance(memory, dict) else None
        self.grid_combo.blockSignals(True)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(key or DEFAULT_GRID[SPINE])))
        self.grid_combo.blockSignals(False)
        start = memory.get("start", 1) if isinstance(memory, dict) else 1
        self._grid_changed(start if isinstance(start, int) else 1)

    def _memory(self) -> dict[str, Any]:
        if self._session_memory is not None:
            return self._session_memory
        value = self.ops.run(
            lambda: settings.get_setting(self.ctx, SETTING_KEY, {}), refused=lambda _exc: None
        ).value
        return dict(value) if isinstance(value, dict) else {}

    def grid(self) -> LabelGrid:
        return PRESETS[self.grid_combo.currentData() or DEFAULT_GRID[SPINE]]

    def _grid_changed(self, start: int | None = None) -> None:
        grid = self.grid()
        self.start_spin.setMaximum(grid.per_page)
        if start is None:
            memory = self._memory().get(SPINE, {})
            remembered = isinstance(memory, dict) and memory.get("grid") == grid.name
            start = int(memory.get("start", 1) or 1) if remembered else 1
        self.start_spin.setValue(min(max(1, start), grid.per_page))
        self._update_summary()

    def _remember(self, grid: LabelGrid, next_start: int) -> None:
        """Where the next label goes on this sheet, for the spine labels too (the same pack of sheets)."""
        memory = self._memory()
        memory[SPINE] = {"grid": grid.name, "start": next_start}
        if allowed(self.ctx.actor.role, "settings", WRITE):
            self.ops.run(
                lambda: settings.set_setting(self.ctx, SETTING_KEY, memory),
                refused=lambda exc: show_message(self.message, exc.message),
            )
        else:
            self._session_memory = memory  # this session only (the catalogue's panel does the same)

    # --- what to print ----------------------------------------------------------------------------------------

    def set_selected(self, rows: Sequence[ItemRow]) -> None:
        self._selected = list(rows)
        self._fill_sources()

    def set_listed(self, rows: Sequence[ItemRow]) -> None:
        self._listed = list(rows)
        self._fill_sources()

    def offer(self, codes: Sequence[str], what: str) -> None:
        """Preselect labels for these codes (just given out)."""
        self._recent = (what, tuple(codes)) if codes else None
        self._fill_sources()
        self.choose("recent")
        self.message.clear()

    def choose(self, source: str) -> bool:
        """Choose ``recent``, ``selected`` or ``listed`` when it is offered."""
        at = self.source.findData(source)
        if at >= 0:
            self.source.setCurrentIndex(at)
        return at >= 0

    def _fill_sources(self) -> None:
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        if self._recent is not None:
            what, codes = self._recent
            self.source.addItem(
                self.tr("%1（%2 张）").replace("%1", what).replace("%2", str(len(codes))), "recent"
            )
        if self._selected:
            labels = sum(label_count(r) for r in self._selected)
            text = (
                self.tr("选中的“%1”（%2 张）").replace("%1", self._selected[0].name)
                if len(self._selected) == 1
                else self.tr("选中的 %1 种器材（%2 张）").replace("%1", str(len(self._selected)))
            )
            self.source.addItem(text.replace("%2", str(labels)), "selected")
        if self._listed:
            labels = sum(label_count(r) for r in self._listed)
            self.source.addItem(
                self.tr("列表中的全部 %1 种（%2 张）")
                .replace("%1", str(len(self._listed)))
                .replace("%2", str(labels)),
                "listed",
            )
        at = self.source.findData(chosen) if chosen is not None else -1
        self.source.setCurrentIndex(max(0, at))
        self.source.blockSignals(False)
        self._update_summary()

    def choice(self) -> tuple[list[int], list[str], str]:
        """(item ids, codes, what it is for the file name) of the current choice."""
        choice = self.source.currentData()
        if choice == "recent" and self._recent is not None:
            return [], list(self._recent[1]), self._recent[0]
        rows = self._selected if choice == "selected" else self._listed if choice == "listed" else []
        what = rows[0].name if len(rows) == 1 else self.tr("%1种器材").replace("%1", str(len(rows)))
        return [r.id for r in rows if label_count(r)], [], what

    def label_total(self) -> int:
        choice = self.source.currentData()
        if choice == "recent" and self._recent is not None:
            return len(self._recent[1])
        rows = self._selected if choice == "selected" else self._listed if choice == "listed" else []
        return sum(label_count(r) for r in rows)

    def _update_summary(self) -> None:
        grid, start, count = self.grid(), self.start_spin.value(), self.label_total()
        self.sheet.show_sheet(grid, start, min(count, grid.per_page - start + 1))
        if not count:
            self.summary.setText(self.tr("还没有选择要打印的器材：在左边的列表中选中（按住 Ctrl 可多选）。"))
        else:
            self.summary.setText(
                self.tr("共 %1 张标签，用 %2 张标签纸。")
                .replace("%1", str(count))
                .replace("%2", str(grid.pages_needed(start, count)))
            )
        self.go.setEnabled(count > 0 and not self.busy)

    # --- printing -------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def print_now(self) -> Job | None:
        """Write the PDF on a worker thread; then open it and remember where the next label goes."""
        if self.busy or not self.label_total():
            return None
        item_ids, codes, what = self.choice()
        grid, start, trial = self.grid(), self.start_spin.value(), self.guides.isChecked()
        folder = self.ctx.data_dir.exports
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        path = unique_path(folder, f"器材标签_{safe_file_part(what)}_{self.label_total()}张_{stamp}")
        ctx = self.ctx

        def work(_progress: workers.Progress, _cancel: threading.Event) -> AssetLabelsPrinted:
            folder.mkdir(parents=True, exist_ok=True)
            return equipment.print_asset_labels(
                ctx, path, item_ids=item_ids, barcodes=codes, grid=grid, start_position=start, guides=trial
            )

        job = Job(work, name="equipment:labels", logs_dir=ctx.data_dir.logs)
        job.finished.connect(self._printed)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._failed)
        self.job = job
        self.message.clear()
        self.progress.show()
        self.go.setEnabled(False)
        self.close_button.setEnabled(False)
        return job.start()

    def _ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.close_button.setEnabled(True)
        self._update_summary()

    def _failed(self, error: BaseException | str) -> None:
        self._ended()
        text = error if isinstance(error, str) else workers.message_for(error)
        show_message(self.message, text)

    def _printed(self, done: AssetLabelsPrinted) -> None:
        self._ended()
        self.last_pdf = done.path
        text = (
            self.tr("已生成 %1：%2 张标签，%3 页。")
            .replace("%1", done.path.name)
            .replace("%2", str(done.labels))
            .replace("%3", str(done.sheet.pages))
        )
        if self.guides.isChecked():
            text += " " + self.tr("这是试印（画了格线），标签纸的用量不变。")
        else:
            self._remember(done.grid, done.sheet.next_start_position)
            self.start_spin.setValue(min(done.sheet.next_start_position, done.grid.per_page))
            text += " " + self.tr("放好标签纸后从 PDF 阅读器打印（“实际大小”，不要“适合页面”）。")
        show_message(self.message, text, ok=True)
        self.printed.emit(done)
        self.open_file(done.path)


# =========================================================================================== the tab


class EquipmentItemsTab(ListPage):
    """器材清单 (see the module doc). The equipment page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans of its own (an asset barcode scanned into the search finds its item)
    scan_input: ScannerInput | None = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        # A ListPage is a Page: it gets a private hub nobody announces on — the shell tells this tab of changes by
        # setting ``stale``, and the tab's own changes go out through ``ops``.
        events = DataEvents()
        super().__init__(ctx, events, prefix="equipmentItems", parent=parent)
        events.setParent(self)
        self.setObjectName("equipmentItemsTab")
        self.ops = ops
        self.title_label.hide()  # the page's heading and the tab say it
        role = ctx.actor.role
        self.can_write = allowed(role, "equipment", WRITE)
        self.index: EquipmentIndex | None = None
        self._quiet_selection = False
        self.report_handler: Callable[[int, str], object] | None = None
        # Seam the tests replace: the native file dialog is modal.
        self.choose_export_file: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self,
            self.tr("导出器材清单"),
            str(ctx.data_dir.exports / f"器材清单_{dt.date.today():%Y%m%d}.xlsx"),
            self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"),
        )[0]

        self._build_header()
        self.search.setPlaceholderText(self.tr("名称、拼音首字母（如 ts = 跳绳）、位置、来源、编号…"))
        self.search.setMaxLength(200)
        self._build_filters()
        self.model = ItemTableModel(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # labels for several
        size_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(lambda _a, _b: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self._build_panels()
        self.splitter.setSizes([640, 420])
        self._build_export()

        self.add_shortcuts(
            ("Ctrl+N", self.open_add),
            ("Ctrl+I", self.open_import),
            ("Ctrl+P", self.open_labels),
            ("F2", self.open_edit),
        )
        if not self.can_write:
            show_message(self.message, denied_message(role, "equipment", WRITE), error=False)

    # --- the panel contract --------------------------------------------------------------------------------

    @property
    def stale(self) -> bool:
        return self._stale

    @stale.setter
    def stale(self, value: bool) -> None:
        self._stale = value

    def focus_first(self) -> None:
        """The search; or, while a panel is open, where its work goes on (the form's name, the import's file)."""
        panel = self.side.currentWidget()
        if panel is self.form:
            self.form.name.setFocus()
        elif panel is self.import_panel:
            self.import_panel.choose_button.setFocus()
        elif panel is self.labels_panel:
            self.labels_panel.go.setFocus()
        else:
            self.focus_search()

    def set_report_handler(self, handler: Callable[[int, str], object]) -> None:
        """What 报损/维修… does (the page opens the log's tab on the item, and the piece chosen): the button
        shows once there is one."""
        self.report_handler = handler
        self.detail_panel.report_button.setVisible(True)
        if not self.can_write:
            self.detail_panel.report_button.setEnabled(False)

    # --- building -----------------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.add_button = action_button("equipmentItemsAdd", self.tr("登记器材"), self.open_add, key="Ctrl+N")
        self.import_button = action_button(
            "equipmentItemsImport", self.tr("导入清单…"), self.open_import, key="Ctrl+I"
        )
        self.export_button = action_button("equipmentItemsExport", self.tr("导出…"), self.export)
        self.print_button = action_button(
            "equipmentItemsPrint", self.tr("打印标签…"), self.open_labels, key="Ctrl+P"
        )
        self.add_actions(self.add_button, self.import_button, self.export_button, self.print_button)
        if not self.can_write:
            why = denied_message(self.ctx.actor.role, "equipment", WRITE)
            for button in (self.add_button, self.import_button):
                button.setEnabled(False)
                button.setToolTip(why)

    def _build_filters(self) -> None:
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("equipmentItemsCategoryFilter")
        self.category_filter.addItem(self.tr("全部类别"), None)
        for value, label in category_labels().items():
            self.category_filter.addItem(label, value)
        self.location_filter = QComboBox()
        self.location_filter.setObjectName("equipmentItemsLocationFilter")
        self.location_filter.addItem(self.tr("全部位置"), None)
        self.location_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.location_filter.setMinimumContentsLength(8)
        self.condition_filter = QComboBox()
        self.condition_filter.setObjectName("equipmentItemsConditionFilter")
        conditions: tuple[tuple[str, str | None], ...] = (
            (self.tr("全部状况"), None),
            (self.tr("完好"), Condition.GOOD.value),
            (self.tr("有损坏的"), Condition.DAMAGED.value),
            (self.tr("有维修中的"), Condition.REPAIR.value),
            (self.tr("已报废"), Condition.SCRAPPED.value),
        )
        for text, condition in conditions:
            self.condition_filter.addItem(text, condition)
        self.restock_filter = QCheckBox(self.tr("只看要补货的"))
        self.restock_filter.setObjectName("equipmentItemsRestockFilter")
        self.restock_filter.setToolTip(self.tr("设了补货提醒、可借的已少到提醒数的器材"))
        for combo in (self.category_filter, self.location_filter, self.condition_filter):
            self.add_filter(combo, 1)
        self.add_filter(self.restock_filter)

    def _build_panels(self) -> None:
        ctx = self.ctx
        self.detail_panel = ItemDetailPanel(ctx, self.ops, self.message)
        self.detail_panel.shown.connect(lambda _detail: None)
        self.detail_panel.changed.connect(self._changed_here)
        self.detail_panel.deleted.connect(lambda: self._changed_here(None))
        self.detail_panel.edit_requested.connect(self.open_edit)
        self.detail_panel.print_requested.connect(self.open_labels)
        self.detail_panel.report_requested.connect(self._report)
        self.add_panel(self.detail_panel, home=True)
        self.form = EquipmentForm(ctx, self.ops)
        self.form.saved.connect(self._saved)
        self.form.print_requested.connect(self.open_labels)
        self.form.closed.connect(self.close_panel)
        self.add_panel(self.form)
        self.import_panel = ImportPanel(ctx, equipment_import_kind())
        self.import_panel.imported.connect(self._imported)
        self.import_panel.action_requested.connect(self._print_imported)
        self.import_panel.closed.connect(self.close_panel)
        self.add_panel(self.import_panel)
        self.labels_panel = AssetLabelsPanel(ctx, self.ops)
        self.labels_panel.closed.connect(self.close_panel)
        self.add_panel(self.labels_panel)

    def _build_export(self) -> None:
        self.export_path: Path | None = None
        self.exporter = ListExport("export:equipment", self.ctx.data_dir.logs, self)
        self.export_controls = ExportControls(self.exporter, "equipmentItems", self.tr("取消"), self)
        self.export_progress, self.export_cancel = self.export_controls.bar, self.export_controls.cancel
        self.exporter.ended.connect(self._export_ended)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(lambda text: show_message(self.message, text))
        self.status_row.addWidget(self.export_progress)
        self.status_row.addWidget(self.export_cancel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()  # the page's shell does this too; a tab shown on its own needs it

    # --- loading and searching ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (a few milliseconds for the centre's 200+ items) and show the same selection."""
        index = self.ops.run(lambda: EquipmentIndex.load(self.ctx), refused=self.message).value
        if index is not None:
            self.index = index
            self._fill_locations(index.locations())
            self.form.set_locations(sorted(index.locations()))
        self.run_search(keep=True)
        item = self.detail_panel.item
        if item is not None:
            self.detail_panel.show_item(item.id if self.model.position_of(item.id) is not None else None)
        super().refresh()

    def _fill_locations(self, places: Sequence[str]) -> None:
        combo = self.location_filter
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for place in sorted(places):
            combo.addItem(place, place)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def run_search(self, keep: bool = True) -> list[ItemRow]:
        if self.index is None:
            return []
        rows = self.index.search(
            self.search.text(),
            category=self.category_filter.currentData(),
            location=self.location_filter.currentData(),
            condition=self.condition_filter.currentData(),
            restock=self.restock_filter.isChecked(),
        )
        selected = self.selected_ids() if keep else []
        current = self.detail_panel.item.id if keep and self.detail_panel.item is not None else None
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
            self._reselect(selected, current)
        finally:
            self._quiet_selection = False
        pieces = sum(r.total for r in rows)
        out = sum(r.out for r in rows)
        self.count_label.setText(
            self.tr("共 %1 种 %2 件，借出 %3 件")
            .replace("%1", f"{len(rows):,}")
            .replace("%2", f"{pieces:,}")
            .replace("%3", f"{out:,}")
        )
        self.labels_panel.set_listed(rows)
        if current is not None and self.model.position_of(current) is None:
            self.detail_panel.show_item(None)
        elif current is None and len(rows) == 1:
            self.select_item(rows[0].id)  # one hit (a scanned asset barcode, a full name): show it at once
        self._selection_changed()
        return rows

    def _reselect(self, ids: Sequence[int], current: int | None) -> None:
        selection = self.table.selectionModel()
        for item_id in ids:
            row = self.model.position_of(item_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
        row = self.model.position_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def select_item(self, item_id: int, *, show: bool = True) -> bool:
        row = self.model.position_of(item_id)
        if row is None:
            return False
        self.select_row(row)
        if show and (self.detail_panel.item is None or self.detail_panel.item.id != item_id):
            self.detail_panel.show_item(item_id, new_selection=True)
        return True

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def selected_rows(self) -> list[ItemRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def search_entered(self) -> None:
        """Enter in the search: the one hit (a scanned asset barcode) stays selected, ready for the next scan;
        otherwise into the table."""
        if self.model.rowCount() == 1 and self.detail_panel.item is not None:
            self.search.selectAll()
            return
        self.enter_table()

    def table_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.focus_search()
            return True
        return False

    def escape_home(self) -> bool:
        return self.detail_panel.close_boxes()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        item_id = current.data(ITEM_ID_ROLE) if current.isValid() else None
        self.detail_panel.show_item(int(item_id) if item_id is not None else None, new_selection=True)

    def _selection_changed(self) -> None:
        if not self._quiet_selection:
            self.labels_panel.set_selected(self.selected_rows())

    def _changed_here(self, item_id: int | None) -> None:
        """After this tab changed an item (and announced it): read the list again, keep it selected."""
        self.refresh()
        if item_id is not None:
            self.select_item(item_id, show=False)
            self.detail_panel.show_item(item_id)

    # --- panels ---------------------------------------------------------------------------------------------

    def panel_busy(self) -> bool:
        return self.import_panel.busy or self.labels_panel.busy

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        self.focus_search()
        return True

    def open_add(self) -> None:
        if not self.can_write:
            return
        self.form.load_donors()
        self.show_panel(self.form)
        if self.form.editing is not None:
            self.form.start_new()
        else:
            self.form.name.setFocus()

    def open_edit(self) -> None:
        item = self.detail_panel.item
        if not self.can_write or item is None:
            return
        self.form.load_donors()
        self.show_panel(self.form)
        self.form.start_edit(item)

    def open_import(self) -> None:
        if not self.can_write:
            return
        if self.import_panel.preview is None:
            self.import_panel.reset()
        self.show_panel(self.import_panel)
        self.import_panel.choose_button.setFocus()

    def open_labels(self, codes: Sequence[str] | None = None, what: str = "") -> None:
        """The labels panel; with ``codes``, those labels are preselected."""
        if codes:
            self.labels_panel.offer(codes, what or self.tr("新编号"))
        else:
            self.labels_panel.set_selected(self.selected_rows())
            self.labels_panel.choose("selected")
        self.labels_panel.load_sheet()
        self.show_panel(self.labels_panel)
        self.labels_panel.go.setFocus()

    def _saved(self, item_id: int, codes: Sequence[str]) -> None:
        """The form saved an item (announced by its service call): the list shows it, selected."""
        editing = self.form.editing is not None
        self.refresh()
        self.select_item(item_id, show=False)
        self.detail_panel.show_item(item_id, new_selection=True)
        if editing:
            self.close_panel()
            show_message(self.message, self.form.message.text(), ok=True)
        elif codes:
            self.labels_panel.offer(codes, self.tr("新登记的器材"))

    def _imported(self, result: EquipmentImportResult) -> None:
        if self.ops.announce is not None:
            self.ops.announce(Area.EQUIPMENT)  # the panel ran the import on a worker, outside ``ops``
        self.refresh()
        self.labels_panel.offer(result.barcodes, self.tr("导入的“%1”").replace("%1", result.source))

    def _print_imported(self, result: EquipmentImportResult) -> None:
        self.open_labels(list(result.barcodes), self.tr("导入的“%1”").replace("%1", result.source))

    def _report(self, item_id: int, code: str) -> None:
        if self.report_handler is not None:
            self.report_handler(item_id, code)

    # --- export ---------------------------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self.exporter.running

    def export(self) -> Job | None:
        """Ask where to save, then write every item (the import's columns, then the counts) on a worker thread."""
        if self.exporter.running:
            return None
        path = spreadsheet_path(self.choose_export_file())
        if path is None:
            return None
        ctx = self.ctx

        def work(progress: workers.Progress, cancel: threading.Event) -> int:
            return equipment.export_equipment(
                ctx, path, progress=workers.steps(progress), cancel=cancel.is_set
            )

        self.export_path = path
        self.message.clear()
        self.export_controls.begin()
        self.export_button.setEnabled(False)
        return self.exporter.start(work)

    def _export_ended(self) -> None:
        self.export_button.setEnabled(True)

    def _exported(self, count: int) -> None:
        show_message(
            self.message,
            self.tr("已导出 %1 种器材到 %2").replace("%1", f"{count:,}").replace("%2", str(self.export_path)),
            ok=True,
        )
