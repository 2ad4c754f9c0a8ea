"""损坏维修记录: the equipment room's damage and maintenance log — what broke, went missing, was sent for repair,
came back repaired, was written off or found again; who reported it, who had it, and what was done.

A :class:`~center_app.ui.pages.list_page.ListPage` held as a tab of the equipment page (the panel contract of
``attendance``'s tabs: ``EquipmentIncidentsTab(ctx, ops)``, ``stale``, ``refresh()``, ``focus_first()``, no scanner
input of its own). The search finds entries by their item (name, pinyin, initials, an asset barcode — the service's
``EquipmentIndex``); the filters are the kind and "still to be dealt with". The side shows the selected entry with
what was done about it (``resolve_incident``); Ctrl+N opens the report form (``report_incident``): the item (typed
or scanned, chosen from a short list), which piece of a one-by-one item, the kind, how many, the day, who reported
it, what happened and what was done. Every count changes in the service, in the transaction that writes the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.permissions import WRITE, allowed, denied_message
from center_app.domain.states import Tracking
from center_app.services import equipment
from center_app.services.equipment import EquipmentIndex, IncidentInput, IncidentRow, ItemRow, UnitRow
from center_app.services.equipment.incidents import REPORTABLE
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.pages.equipment_form import incident_labels, unit_status_labels
from center_app.ui.pages.list_page import ListPage, action_button
from center_app.ui.widgets.forms import EnterMovesOn, bold_heading, line_edit
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.match_list import MatchList, move_selection
from center_app.ui.widgets.messages import show_message
from center_app.ui.widgets.scanner_input import ScannerInput
from center_app.ui.widgets.tables import RED

#: ``data(index, INCIDENT_ID_ROLE)`` → the entry's id, for any column
INCIDENT_ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
LOG_LIMIT = 5000  # entries read at once (newest first): years of a centre's log
MATCHES_SHOWN = 5
LOG_KINDS = "log"  # the kind filter's first choice: what this tab reports (no stock in/out)


def counts_text(row: ItemRow) -> str:
    """``跳绳：共 20根，可借 16，借出 0，损坏 2，维修中 2``."""
    return (
        QCoreApplication.translate(
            "EquipmentIncidentsTab", "%1：共 %2%3，可借 %4，借出 %5，损坏 %6，维修中 %7"
        )
        .replace("%1", row.name)
        .replace("%2", str(row.total))
        .replace("%3", row.unit)
        .replace("%4", str(row.available))
        .replace("%5", str(row.out))
        .replace("%6", str(row.damaged))
        .replace("%7", str(row.repair))
    )


# =========================================================================================== the table


class IncidentTableModel(RowsTableModel[IncidentRow]):
    """The log, newest first: day, item (and piece), kind, how many, who reported it, what happened, what was
    done, and whether it is dealt with (red while not)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("日期"),
                self.tr("器材"),
                self.tr("类型"),
                self.tr("数量"),
                self.tr("报告人"),
                self.tr("情况"),
                self.tr("处理"),
                self.tr("状态"),
            ],
            parent,
        )
        self.kinds = incident_labels()
        self.units: dict[int, str] = {}  # item id → its measure word (根, 个)

    def position_of(self, incident_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.id == incident_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == INCIDENT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and not row.resolved:
            return RED
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: IncidentRow, column: int) -> str:
        if column == 0:
            return row.occurred_on.isoformat()
        if column == 1:
            return f"{row.item_name} {row.unit_barcode}".strip()
        if column == 2:
            return self.kinds.get(row.kind, row.kind)
        if column == 3:
            return f"{row.quantity}{self.units.get(row.item_id, '')}"
        if column == 4:
            return row.reported_by
        if column == 5:
            said = row.note
            if row.borrower:
                said = (said + "；" if said else "") + self.tr("当时借给 %1").replace("%1", row.borrower)
            return said
        if column == 6:
            return row.action
        return self.tr("已处理") if row.resolved else self.tr("未处理")


# =========================================================================================== the selected entry


class IncidentDetailPanel(QWidget):
    """The selected entry and what was done about it. ``resolved(incident_id)`` after a save here (announced)."""

    resolved = Signal(int)

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentIncidentDetail")
        self.ctx = ctx
        self.ops = ops
        self.can_write = allowed(ctx.actor.role, "equipment", WRITE)
        self.row: IncidentRow | None = None
        self.kinds = incident_labels()
        self.units: dict[int, str] = {}  # item id → its measure word (the tab keeps it current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        self.title = bold_heading("")
        self.title.setObjectName("equipmentIncidentTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.info = QLabel()
        self.info.setObjectName("equipmentIncidentInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)

        self.resolve_box = QWidget()
        form = QFormLayout(self.resolve_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        self.action = line_edit("equipmentIncidentAction", 400, self.tr("如 已送县城维修、已修好放回A柜"))
        self.action.returnPressed.connect(lambda: self.save())
        form.addRow(self.tr("怎么处理的："), self.action)
        self.done = QCheckBox(self.tr("已处理完，不用再跟进"))
        self.done.setObjectName("equipmentIncidentResolved")
        form.addRow(self.done)
        self.save_button = action_button("equipmentIncidentResolve", self.tr("保存处理结果"), self.save)
        form.addRow(self.save_button)
        layout.addWidget(self.resolve_box)

        self.message = QLabel()
        self.message.setObjectName("equipmentIncidentMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.empty = QLabel(
            self.tr(
                "在左边选一条记录，在这里写怎么处理的。器材坏了、丢了、送修或修好了，按“登记…”（Ctrl+N）记下来。"
            )
        )
        self.empty.setObjectName("equipmentIncidentEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #64748b;")
        layout.addWidget(self.empty)
        layout.addStretch(1)
        if not self.can_write:
            why = denied_message(ctx.actor.role, "equipment", WRITE)
            for widget in (self.action, self.done, self.save_button):
                widget.setEnabled(False)
                widget.setToolTip(why)
        self.show_row(None)

    def show_row(self, row: IncidentRow | None, *, new_selection: bool = False) -> None:
        if new_selection:
            self.message.clear()
        self.row = row
        for widget in (self.title, self.info, self.resolve_box):
            widget.setVisible(row is not None)
        self.empty.setVisible(row is None)
        if row is None:
            return
        what = row.unit_barcode or f"{row.quantity}{self.units.get(row.item_id, '')}"
        self.title.setText(f"{row.item_name} · {self.kinds.get(row.kind, row.kind)} {what}")
        lines = [self.tr("日期：%1").replace("%1", format_date(row.occurred_on))]
        if row.reported_by:
            lines.append(self.tr("报告人：%1").replace("%1", row.reported_by))
        if row.borrower:
            lines.append(self.tr("当时借给：%1").replace("%1", row.borrower))
        if row.note:
            lines.append(self.tr("情况：%1").replace("%1", row.note))
        if row.resolved:
            done_on = format_date(row.resolved_on) if row.resolved_on else ""
            lines.append(self.tr("已处理 %1").replace("%1", done_on).strip())
        else:
            lines.append(self.tr("还没有处理完"))
        self.info.setText("\n".join(lines))
        self.action.setText(row.action)
        self.done.setChecked(True)  # what one usually comes to say: it is dealt with

    def save(self) -> IncidentRow | None:
        row = self.row
        if row is None or not self.can_write:
            return None
        action, done = self.action.text(), self.done.isChecked()
        saved = self.ops.run(
            lambda: equipment.resolve_incident(self.ctx, row.id, action, resolved=done),
            changes=Area.EQUIPMENT,
            refused=self.message,
        ).value
        if saved is None:
            return None
        self.show_row(saved)
        show_message(self.message, self.tr("已保存处理结果。"), ok=True)
        self.resolved.emit(saved.id)
        return saved


# =========================================================================================== reporting


@dataclass(frozen=True)
class _Match:
    """An item as the match list shows it (``MatchList`` shows ``class_name  name  card_barcode``)."""

    item_id: int
    name: str
    class_name: str
    card_barcode: str | None


class IncidentReportForm(QWidget):
    """Log a new entry. ``reported(row)`` after the service wrote it (announced); ``closed``."""

    reported = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentReportForm")
        self.ctx = ctx
        self.ops = ops
        self.index: EquipmentIndex | None = None
        self.item: ItemRow | None = None
        self.units: list[UnitRow] = []
        self.kinds = incident_labels()
        self.statuses = unit_status_labels()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("登记损坏、遗失或维修")), 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("equipmentReportClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)

        self.item_input = line_edit("equipmentReportItem", 100, self.tr("器材名称、拼音首字母，或扫编号"))
        self.item_input.textEdited.connect(self._typed)
        self.item_input.installEventFilter(self)
        layout.addWidget(self.item_input)
        self.matches = MatchList(
            "equipmentReportMatches", self.item_input, rows_shown=MATCHES_SHOWN, font_extra=1
        )
        self.matches.picked.connect(lambda match: self.choose_item(match.item_id))
        layout.addWidget(self.matches)
        self.chosen = QLabel()
        self.chosen.setObjectName("equipmentReportChosen")
        self.chosen.setWordWrap(True)
        layout.addWidget(self.chosen)

        form = QFormLayout()
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.kind = QComboBox()
        self.kind.setObjectName("equipmentReportKind")
        for kind in REPORTABLE:
            self.kind.addItem(self.kinds.get(kind, kind), str(kind))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("equipmentReportQuantity")
        self.quantity.setRange(1, rules.MAX_QUANTITY)
        self.unit = QComboBox()
        self.unit.setObjectName("equipmentReportUnit")
        self.unit.setToolTip(self.tr("逐件编号的器材：是哪一件"))
        self.day = QDateEdit()
        self.day.setObjectName("equipmentReportDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.reported_by = line_edit("equipmentReportBy", 100, self.tr("谁发现的，如 李老师、王子涵"))
        self.note = line_edit("equipmentReportNote", 400, self.tr("如 绳子断了、少了 2 个"))
        self.action = line_edit("equipmentReportAction", 400, self.tr("如 已送县城维修；没有可不填"))
        self.done = QCheckBox(self.tr("已处理完，不用再跟进"))
        self.done.setObjectName("equipmentReportResolved")
        self.done.setToolTip(self.tr("不勾选时：损坏、送修留作“未处理”，其余记为已处理"))
        kind_row = QWidget()
        row = QHBoxLayout(kind_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind, 1)
        self.quantity_label = QLabel(self.tr("数量："))
        row.addWidget(self.quantity_label)
        row.addWidget(self.quantity, 1)
        form.addRow(self.tr("类型："), kind_row)
        form.addRow(self.tr("哪一件："), self.unit)
        self.unit_label = form.labelForField(self.unit)
        form.addRow(self.tr("日期："), self.day)
        form.addRow(self.tr("报告人："), self.reported_by)
        form.addRow(self.tr("情况："), self.note)
        form.addRow(self.tr("处理："), self.action)
        form.addRow(self.done)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("登记(&S)"))
        self.save_button.setObjectName("equipmentReportSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("equipmentReportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self._enter = EnterMovesOn(self, self._order, on_last=self.save)
        self._enter.watch(*self._order())
        self.reset()

    def _order(self) -> list[QWidget]:
        return [self.kind, self.quantity, self.unit, self.day, self.reported_by, self.note, self.action]

    # --- the item -------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """An empty form (the day is today; who reported it stays: one person often reports several)."""
        self.item = None
        self.units = []
        self.item_input.clear()
        self.matches.withdraw()
        self.chosen.setText(self.tr("先选器材：输入名称或拼音首字母，或扫器材上的编号。"))
        self.chosen.setStyleSheet("color: #64748b;")
        self.kind.setCurrentIndex(0)
        self.quantity.setValue(1)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setDate(QDate.currentDate())
        self.note.clear()
        self.action.clear()
        self.done.setChecked(False)
        self._fill_units()

    def _typed(self, text: str) -> None:
        if self.index is None or not text.strip():
            self.matches.withdraw()
            return
        rows = self.index.search(text, limit=MATCHES_SHOWN * 4)
        if not rows:
            self.matches.withdraw()
            show_message(self.message, self.tr("没有找到“%1”。").replace("%1", text.strip()))
            return
        self.message.clear()
        self.matches.offer(
            text,
            [_Match(r.id, r.name, r.location or r.category_label, r.barcode or None) for r in rows],
        )
        self.item_input.setCursorPosition(len(text))
        self.item_input.deselect()  # still typing: the next key goes on, it does not replace

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.item_input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.matches.isVisible():
                move_selection(self.matches, -1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._entered(self.item_input.text())
                return True
        return super().eventFilter(watched, event)

    def _entered(self, text: str) -> None:
        """Enter (or a scanner's Enter): a code picks its item and piece; otherwise the list's chosen row."""
        code = rules.clean_code(text)
        if code and self.index is not None:
            rows = self.index.search(code)
            if len(rows) == 1 and code in self._codes_of(rows[0]):
                self.matches.withdraw()
                self.choose_item(rows[0].id, unit_code=code if code != rows[0].barcode else "")
                return
        if self.matches.isVisible():
            self.matches.pick()
        elif self.item is not None:
            self.kind.setFocus()

    def _codes_of(self, row: ItemRow) -> set[str]:
        if row.tracking != Tracking.INDIVIDUAL:
            return {row.barcode}
        detail = self.ops.run(lambda: equipment.get_item(self.ctx, row.id), refused=self.message).value
        return {row.barcode, *(u.barcode for u in detail.units)} if detail is not None else {row.barcode}

    def choose_item(self, item_id: int, unit_code: str = "") -> bool:
        """Report on this item (and this piece of a one-by-one item)."""
        detail = self.ops.run(lambda: equipment.get_item(self.ctx, item_id), refused=self.message).value
        if detail is None:
            return False
        self.item = detail.item
        self.units = list(detail.units)
        self.matches.withdraw()
        self.item_input.setText(detail.item.name)
        self.chosen.setText(counts_text(detail.item))
        self.chosen.setStyleSheet("color: #0f172a;")
        self._fill_units(unit_code)
        self.message.clear()
        self.kind.setFocus()
        return True

    def _fill_units(self, unit_code: str = "") -> None:
        individual = self.item is not None and self.item.tracking == Tracking.INDIVIDUAL
        self.unit.clear()
        for unit in self.units:
            self.unit.addItem(
                f"{unit.barcode}（{self.statuses.get(unit.status, unit.status)}）", unit.barcode
            )
        if unit_code:
            self.unit.setCurrentIndex(max(0, self.unit.findData(unit_code)))
        self.unit.setVisible(individual)
        if self.unit_label is not None:
            self.unit_label.setVisible(individual)
        self.quantity.setVisible(not individual)
        self.quantity_label.setVisible(not individual)

    def refresh_item(self) -> None:
        """The chosen item's counts and pieces again (after a change)."""
        if self.item is not None:
            code = self.unit.currentData() or ""
            item_id = self.item.id
            detail = self.ops.run(
                lambda: equipment.get_item(self.ctx, item_id), refused=lambda _exc: None
            ).value
            if detail is None:
                self.reset()
                return
            self.item = detail.item
            self.units = list(detail.units)
            self.chosen.setText(counts_text(detail.item))
            self._fill_units(code)

    # --- saving ---------------------------------------------------------------------------------------------

    def save(self) -> IncidentRow | None:
        item = self.item
        if item is None:
            show_message(self.message, self.tr("请先选器材：输入名称或拼音首字母，或扫器材上的编号。"))
            self.item_input.setFocus()
            return None
        individual = item.tracking == Tracking.INDIVIDUAL
        data = IncidentInput(
            item_id=item.id,
            kind=str(self.kind.currentData()),
            quantity=1 if individual else self.quantity.value(),
            unit_barcode=str(self.unit.currentData() or "") if individual else "",
            occurred_on=self.day.date().toPython() if self.day.date().isValid() else None,  # type: ignore[arg-type]
            note=self.note.text(),
            reported_by=self.reported_by.text(),
            action=self.action.text(),
            resolved=True if self.done.isChecked() else None,
        )
        row = self.ops.run(
            lambda: equipment.report_incident(self.ctx, data), changes=Area.EQUIPMENT, refused=self.message
        ).value
        if row is None:
            return None
        self.refresh_item()
        what = row.unit_barcode or f"{row.quantity}{item.unit}"
        show_message(
            self.message,
            self.tr("已登记：%1 %2 %3。")
            .replace("%1", row.item_name)
            .replace("%2", what)
            .replace("%3", self.kinds.get(row.kind, row.kind))
            + "\n"
            + (counts_text(self.item) if self.item is not None else ""),
            ok=True,
        )
        self.note.clear()
        self.action.clear()
        self.done.setChecked(False)
        self.reported.emit(row)
        return row


# =========================================================================================== the tab


class EquipmentIncidentsTab(ListPage):
    """损坏维修记录 (see the module doc). The equipment page's shell sets ``stale`` and calls ``refresh()``."""

    #: this tab takes no scans of its own (an asset barcode scanned into the search finds its item's entries)
    scan_input: ScannerInput | None = None

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        # A ListPage is a Page: a private hub nobody announces on — the shell tells this tab of changes by setting
        # ``stale``, and the tab's own changes go out through ``ops``.
        events = DataEvents()
        super().__init__(ctx, events, prefix="equipmentIncidents", side_width=360, parent=parent)
        events.setParent(self)
        self.setObjectName("equipmentIncidentsTab")
        self.ops = ops
        self.title_label.hide()  # the page's heading and the tab say it
        self.can_write = allowed(ctx.actor.role, "equipment", WRITE)
        self.index: EquipmentIndex | None = None
        self.log: list[IncidentRow] = []
        self._quiet_selection = False

        self.report_button = action_button(
            "equipmentIncidentsReport", self.tr("登记…"), self.open_report, key="Ctrl+N"
        )
        self.add_actions(self.report_button)
        if not self.can_write:
            why = denied_message(ctx.actor.role, "equipment", WRITE)
            self.report_button.setEnabled(False)
            self.report_button.setToolTip(why)
            show_message(self.message, why, error=False)
        self.search.setPlaceholderText(self.tr("按器材找：名称、拼音首字母（如 ts = 跳绳）、编号…"))
        self.search.setMaxLength(100)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("equipmentIncidentsKindFilter")
        # Stock in and out (the 库存 tab's) are in the log too, but this tab is about damage and repairs.
        self.kind_filter.addItem(self.tr("损坏、遗失和维修"), LOG_KINDS)
        self.kind_filter.addItem(self.tr("全部（含入库、出库）"), None)
        for kind, label in incident_labels().items():
            self.kind_filter.addItem(label, str(kind))
        self.open_filter = QCheckBox(self.tr("只看未处理的"))
        self.open_filter.setObjectName("equipmentIncidentsOpenFilter")
        self.add_filter(self.kind_filter, 1)
        self.add_filter(self.open_filter)

        self.model = IncidentTableModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column, width in ((0, 100), (1, 130), (2, 44), (3, 46), (4, 64), (6, 100), (7, 56)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail_panel = IncidentDetailPanel(ctx, self.ops)
        self.detail_panel.resolved.connect(self._changed_here)
        self.add_panel(self.detail_panel, home=True)
        self.report_form = IncidentReportForm(ctx, self.ops)
        self.report_form.reported.connect(lambda row: self._changed_here(row.id))
        self.report_form.closed.connect(self.close_panel)
        self.add_panel(self.report_form)
        self.splitter.setSizes([720, 360])
        self.add_shortcuts(("Ctrl+N", self.open_report))

    # --- the panel contract --------------------------------------------------------------------------------

    @property
    def stale(self) -> bool:
        return self._stale

    @stale.setter
    def stale(self, value: bool) -> None:
        self._stale = value

    def focus_first(self) -> None:
        if self.side.currentWidget() is self.report_form:
            self.report_form.item_input.setFocus()
        else:
            self.focus_search()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_fresh()  # the page's shell does this too; a tab shown on its own needs it

    # --- loading and searching ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the log and the items again; the selected entry stays selected."""
        loaded = self.ops.run(
            lambda: (EquipmentIndex.load(self.ctx), equipment.list_incidents(self.ctx, limit=LOG_LIMIT)),
            refused=self.message,
        ).value
        if loaded is not None:
            self.index, log = loaded
            self.log = list(log)
            self.model.units = self.detail_panel.units = {row.id: row.unit for row in self.index.rows}
            self.report_form.index = self.index
            self.report_form.refresh_item()
        self.run_search(keep=True)
        super().refresh()

    def run_search(self, keep: bool = True) -> list[IncidentRow]:
        text = self.search.text().strip()
        kind = self.kind_filter.currentData()
        open_only = self.open_filter.isChecked()
        items: set[int] | None = None
        if text and self.index is not None:
            items = {row.id for row in self.index.search(text)}
        rows = [
            r
            for r in self.log
            if (items is None or r.item_id in items)
            and (kind is None or r.kind == kind or (kind == LOG_KINDS and r.kind in REPORTABLE))
            and not (open_only and r.resolved)
        ]
        current = self.detail_panel.row.id if keep and self.detail_panel.row is not None else None
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
        finally:
            self._quiet_selection = False
        unresolved = sum(1 for r in rows if not r.resolved)
        self.count_label.setText(
            self.tr("共 %1 条，未处理 %2 条").replace("%1", f"{len(rows):,}").replace("%2", f"{unresolved:,}")
        )
        if current is not None and not self.select_incident(current, show=False):
            self.detail_panel.show_row(None)
        elif current is not None:
            self.detail_panel.show_row(self.model.rows[self.model.position_of(current) or 0])
        return rows

    def select_incident(self, incident_id: int, *, show: bool = True) -> bool:
        row = self.model.position_of(incident_id)
        if row is None:
            return False
        self._quiet_selection = not show
        try:
            self.select_row(row)
        finally:
            self._quiet_selection = False
        return True

    def table_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.focus_search()
            return True
        return False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet_selection:
            return
        row = self.model.row_at(current) if current.isValid() else None
        self.detail_panel.show_row(row, new_selection=True)

    def _changed_here(self, incident_id: int) -> None:
        """After this tab wrote the log (and announced it): read it again, the entry selected."""
        self.refresh()
        if self.select_incident(incident_id, show=False):
            position = self.model.position_of(incident_id)
            if position is not None:
                self.detail_panel.show_row(self.model.rows[position])

    # --- reporting ------------------------------------------------------------------------------------------

    def close_panel(self) -> bool:
        if not super().close_panel():
            return False
        self.focus_search()
        return True

    def open_report(self) -> None:
        if not self.can_write:
            return
        self.report_form.index = self.index
        self.show_panel(self.report_form)
        chosen = self.detail_panel.row
        if self.report_form.item is None and chosen is not None:
            self.report_form.choose_item(chosen.item_id)  # another entry for the item in view
        if self.report_form.item is None:
            self.report_form.item_input.setFocus()
        else:
            self.report_form.kind.setFocus()

    def start_report(self, item_id: int, unit_code: str = "") -> bool:
        """Open the report form on this item (and piece): the items tab's 报损/维修… leads here."""
        if not self.can_write:
            return False
        self.ensure_fresh()
        self.open_report()
        self.report_form.reset()
        return self.report_form.choose_item(item_id, unit_code)

    def show_item_log(self, item_id: int) -> None:
        """The log of one item (its name in the search)."""
        self.ensure_fresh()
        row = next((r for r in (self.index.rows if self.index else []) if r.id == item_id), None)
        if row is not None:
            self.search.setText(row.name)
