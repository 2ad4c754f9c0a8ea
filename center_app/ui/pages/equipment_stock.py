"""库存 (the equipment page's consumables tab): stock in and stock out of items kept by quantity — art paper and
chalk used up, balls that wore out, a new box donated — and the restock list (items at or under their low-stock
threshold) with an export to Excel.

Find the item by typing (name, pinyin initials, or its box's barcode — a scanner types into the search too), give
the quantity and the reason, then 入库 or 出库. Every rule is in ``services.equipment`` (``stock_in``, ``stock_out``,
``restock_list``); the restock list is written with the shared spreadsheet writer (``importing.export``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.permissions import READ, WRITE, allowed
from center_app.domain.states import Tracking
from center_app.services import equipment
from center_app.services.equipment import EquipmentIndex, ItemRow
from center_app.ui.events import Area
from center_app.ui.i18n import format_date
from center_app.ui.operations import Operations
from center_app.ui.pages.list_page import spreadsheet_path
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.match_list import move_selection
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scanner_input import ScannerInput
from center_app.ui.widgets.tables import read_only_table, table_item

#: items listed at once under the search (a centre has a few hundred; typing narrows it)
SHOWN = 200


class EquipmentStockTab(QWidget):
    """The 库存 tab (panel contract: ``stale``, ``refresh``, ``focus_first``; ``scan_input`` None: a scanner types
    a box barcode into the search, which finds it). Seam for tests: ``choose_file(suggested)`` (where to export)."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentStockTab")
        self.ctx = ctx
        self.ops = ops
        self.stale = True
        self.scan_input: ScannerInput | None = None
        role = ctx.actor.role
        self.can_read = allowed(role, "equipment", READ)
        self.can_stock = allowed(role, "equipment.stock", WRITE)
        self.index: EquipmentIndex | None = None
        self.shown: list[ItemRow] = []
        self.item: ItemRow | None = None  # the item the form is for
        self.restock: list[ItemRow] = []
        self.choose_file: Callable[[Path], Path | None] = self._ask_file_name

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(16)
        outer.addLayout(self._build_form(), 2)
        outer.addLayout(self._build_restock(), 3)

        if not self.can_stock:
            for widget in (self.quantity, self.reason, self.in_button, self.out_button):
                widget.setEnabled(False)
            show_message(self.message, self.tr("当前账号不能办理入库或出库，只能查看库存和补货清单。"))
        self._show_item()

    # --- building ---------------------------------------------------------------------------------------------

    def _build_form(self) -> QVBoxLayout:
        form = QVBoxLayout()
        form.setSpacing(6)
        form.addWidget(bold_heading(self.tr("入库 / 出库"), size=2))
        self.search = QLineEdit()
        self.search.setObjectName("equipmentStockSearch")
        self.search.setPlaceholderText(self.tr("找器材：名称、拼音首字母或编号"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self.run_search())
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        form.addWidget(self.search)
        self.items = QListWidget()
        self.items.setObjectName("equipmentStockItems")
        self.items.setAlternatingRowColors(True)
        self.items.currentRowChanged.connect(self._item_chosen)
        form.addWidget(self.items, 1)

        self.item_view = QLabel()
        self.item_view.setObjectName("equipmentStockItem")
        self.item_view.setWordWrap(True)
        font = self.item_view.font()
        font.setBold(True)
        self.item_view.setFont(font)
        form.addWidget(self.item_view)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("数量")))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("equipmentStockQuantity")
        self.quantity.setRange(1, rules.MAX_QUANTITY)
        self.quantity.setMinimumWidth(90)
        row.addWidget(self.quantity)
        self.unit = QLabel()
        self.unit.setObjectName("equipmentStockUnit")
        row.addWidget(self.unit)
        row.addWidget(QLabel(self.tr("原因")))
        self.reason = QLineEdit()
        self.reason.setObjectName("equipmentStockReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("如 捐赠、购买、美术课用完"))
        row.addWidget(self.reason, 1)
        form.addLayout(row)

        buttons = QHBoxLayout()
        self.in_button = QPushButton(self.tr("入库（加上）"))
        self.in_button.setObjectName("equipmentStockIn")
        self.in_button.clicked.connect(lambda _checked=False: self.stock_in())
        self.out_button = QPushButton(self.tr("出库（领用、用完）"))
        self.out_button.setObjectName("equipmentStockOut")
        self.out_button.clicked.connect(lambda _checked=False: self.stock_out())
        for button in (self.in_button, self.out_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("equipmentStockMessage")
        self.message.setWordWrap(True)
        form.addWidget(self.message)
        return form

    def _build_restock(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(6)
        self.restock_title = bold_heading("", size=2)
        self.restock_title.setObjectName("equipmentStockRestockTitle")
        side.addWidget(self.restock_title)
        note = QLabel(
            self.tr("可用的数量已降到补货提醒以下的器材（补货提醒在器材的资料里设置）。双击一行可直接入库。")
        )
        note.setObjectName("equipmentStockRestockNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        side.addWidget(note)
        self.restock_table = QTableWidget()
        self.restock_table.setObjectName("equipmentStockRestock")
        read_only_table(
            self.restock_table,
            [self.tr("器材"), self.tr("类别"), self.tr("存放位置"), self.tr("可用"), self.tr("补货提醒")],
        )
        self.restock_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no scanner input here: a normal table
        head = self.restock_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.restock_table.doubleClicked.connect(lambda index: self.choose_restock_row(index.row()))
        side.addWidget(self.restock_table, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出补货清单（Excel）…"))
        self.export_button.setObjectName("equipmentStockExport")
        self.export_button.setMinimumHeight(34)
        self.export_button.clicked.connect(lambda _checked=False: self.export_restock())
        row.addWidget(self.export_button)
        row.addStretch(1)
        side.addLayout(row)
        return side

    # --- panel contract ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the items (with their counts) and the restock list."""
        self.stale = False
        if not self.can_read:
            return
        loaded = self.ops.run(lambda: EquipmentIndex.load(self.ctx), refused=self.message)
        self.index = loaded.value
        self.run_search(keep=self.item.id if self.item is not None else None)
        self.reload_restock()

    def focus_first(self) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    # --- finding the item -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                move_selection(self.items, -1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def run_search(self, keep: int | None = None) -> None:
        """The quantity items in use matching what is typed (a box barcode finds its item)."""
        index = self.index
        rows = index.search(self.search.text()) if index is not None else []
        self.shown = [r for r in rows if r.tracking == Tracking.QUANTITY and r.in_use][:SHOWN]
        if keep is None and self.item is not None:
            keep = self.item.id
        self.items.blockSignals(True)
        self.items.clear()
        current = -1
        line = self.tr("%1　%2　可用 %3%4 / 共 %5%4")
        for n, r in enumerate(self.shown):
            text = (
                line.replace("%1", r.name)
                .replace("%2", r.category_label)
                .replace("%3", str(r.available))
                .replace("%4", r.unit)
                .replace("%5", str(r.total))
            )
            entry = QListWidgetItem(text)
            if r.needs_restock:
                entry.setForeground(Qt.GlobalColor.darkRed)
            self.items.addItem(entry)
            if r.id == keep:
                current = n
        self.items.setCurrentRow(current)
        self.items.blockSignals(False)
        self.item = self.shown[current] if current >= 0 else None
        self._show_item()

    def _search_entered(self) -> None:
        """Enter in the search (or a scanned box label): the item chosen, else the first found; then the quantity."""
        if self.items.currentRow() < 0 and self.shown:
            self.items.setCurrentRow(0)
        if self.item is not None and self.can_stock:
            self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)
            self.quantity.selectAll()

    def _item_chosen(self, row: int) -> None:
        self.item = self.shown[row] if 0 <= row < len(self.shown) else None
        self._show_item()

    def _show_item(self) -> None:
        item = self.item
        enabled = item is not None and self.can_stock
        self.in_button.setEnabled(enabled)
        self.out_button.setEnabled(enabled)
        if item is None:
            self.item_view.setText(self.tr("请在上面找到并选中一种按数量登记的器材。"))
            self.unit.setText("")
            return
        text = (
            self.tr("%1：共 %2%3，可用 %4%3，借出 %5%3")
            .replace("%1", item.name)
            .replace("%2", str(item.total))
            .replace("%3", item.unit)
            .replace("%4", str(item.available))
            .replace("%5", str(item.out))
        )
        if item.low_stock is not None:
            text += self.tr("；补货提醒：%1%2").replace("%1", str(item.low_stock)).replace("%2", item.unit)
        self.item_view.setText(text)
        self.unit.setText(item.unit)

    def choose_item(self, item_id: int) -> bool:
        """Choose an item in the list (the search cleared if it hides it); False if it is not listed."""
        if not any(r.id == item_id for r in self.shown):
            self.search.clear()
            self.run_search()
        for n, r in enumerate(self.shown):
            if r.id == item_id:
                self.items.setCurrentRow(n)
                return True
        return False

    def choose_restock_row(self, row: int) -> None:
        if 0 <= row < len(self.restock) and self.choose_item(self.restock[row].id) and self.can_stock:
            self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)
            self.quantity.selectAll()

    # --- stock in / out ---------------------------------------------------------------------------------------

    def stock_in(self) -> ItemRow | None:
        return self._move(inward=True)

    def stock_out(self) -> ItemRow | None:
        return self._move(inward=False)

    def _move(self, *, inward: bool) -> ItemRow | None:
        item = self.item
        if item is None or not self.can_stock:
            return None
        self.quantity.interpretText()
        quantity = self.quantity.value()
        reason = self.reason.text()
        call = equipment.stock_in if inward else equipment.stock_out
        done = self.ops.run(
            lambda: call(self.ctx, item.id, quantity, reason), changes=Area.EQUIPMENT, refused=self.message
        )
        row = done.value
        if row is None:
            return None
        said = self.tr("已入库：%1 %2%3。") if inward else self.tr("已出库：%1 %2%3。")
        text = said.replace("%1", row.name).replace("%2", str(quantity)).replace("%3", row.unit)
        text += (
            self.tr("现共 %1%2，可用 %3%2。")
            .replace("%1", str(row.total))
            .replace("%2", row.unit)
            .replace("%3", str(row.available))
        )
        if row.needs_restock:
            text += self.tr("已降到补货提醒，列入补货清单。")
        show_message(self.message, text, ok=True)
        self.reason.clear()
        self.quantity.setValue(1)
        self.refresh()
        return row

    # --- the restock list -------------------------------------------------------------------------------------

    def reload_restock(self) -> None:
        done = self.ops.run(lambda: equipment.restock_list(self.ctx), refused=self.message)
        self.restock = list(done.value or [])
        table = self.restock_table
        table.setRowCount(len(self.restock))
        for row, item in enumerate(self.restock):
            empty = item.available <= 0
            cells = (
                item.name,
                item.category_label,
                item.location,
                f"{item.available}{item.unit}",
                f"≤ {item.low_stock}{item.unit}",
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, table_item(text, data=item.id, red=empty and column == 3))
        title = self.tr("需要补货：%1 种") if self.restock else self.tr("需要补货：没有")
        self.restock_title.setText(title.replace("%1", str(len(self.restock))))
        self.export_button.setEnabled(bool(self.restock))

    def export_restock(self) -> Path | None:
        """The restock list to an Excel (or CSV) file chosen by the user."""
        if not self.restock:
            return None
        today = dt.date.today()
        suggested = self.ctx.data_dir.exports / self.tr("器材补货清单-%1.xlsx").replace(
            "%1", f"{today:%Y%m%d}"
        )
        target = spreadsheet_path(str(self.choose_file(suggested) or ""))
        if target is None:
            return None
        headers = [
            self.tr("器材"),
            self.tr("类别"),
            self.tr("存放位置"),
            self.tr("可用"),
            self.tr("补货提醒"),
            self.tr("单位"),
        ]
        rows = [
            (r.name, r.category_label, r.location, r.available, r.low_stock, r.unit) for r in self.restock
        ]
        title = self.tr("需要补货的器材（%1）").replace("%1", format_date(today))

        def write() -> Path:
            from center_app.importing.export import write_csv, write_xlsx

            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix.lower() == ".csv":
                write_csv(target, headers, rows)
            else:
                write_xlsx(target, headers, rows, sheet_title=self.tr("补货清单"), title=title)
            return target

        written = self.ops.run(write, refused=self.message, writes=target).value
        if written is None:
            return None
        show_message(self.message, self.tr("已导出补货清单：%1").replace("%1", str(written)), ok=True)
        return written

    def _ask_file_name(self, suggested: Path) -> Path | None:
        """Where to save (the native dialog; tests replace ``choose_file``)."""
        suggested.parent.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出补货清单"), str(suggested), self.tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)")
        )
        return Path(name) if name else None
