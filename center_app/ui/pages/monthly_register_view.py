"""月度考勤表: children × the month's open days, as the bureau files it, with totals, rates, print and Excel.

Every figure comes from ``services.attendance.monthly_register`` — the same object the PDF and the Excel export
are made from — so the screen, the paper and the spreadsheet agree. The register carries children's names: the
print and export buttons ask first (inline, no modal dialog) and the service records them in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.attendance import format_rate, weekday_letter
from center_app.services import attendance, children
from center_app.services.attendance import MonthlyRegister
from center_app.ui.models.roll_call_model import code_colours
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.operations import Operations
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.messages import ERROR_STYLE, show_message

TOTAL_COLUMNS = 5  # 出勤 缺勤 迟到 请假 出勤率
SUMMARY_BACKGROUND = QColor("#e2e8f0")
NOT_TAKEN_BACKGROUND = QColor("#f1f5f9")
WEEKEND_HEADER = QColor("#64748b")
DAY_WIDTH = 27  # 27 open days + name, class and totals fit 1366 pixels without scrolling


class MonthlyModel(RowsTableModel[Any]):
    """Rows: one per child, then 出勤人数 / 缺勤人数 / 出勤率 per day (the first of them carries the month's
    totals under the children's totals). Columns: name, class, one per day, then the five totals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.register: MonthlyRegister | None = None
        self.summary_labels = [self.tr("出勤人数"), self.tr("缺勤人数"), self.tr("出勤率")]

    def set_register(self, register: MonthlyRegister | None) -> None:
        self.beginResetModel()
        self.register = register
        if register is None:
            self.headers, self.rows = [], []
        else:
            days = [f"{d.day.day}\n{weekday_letter(d.day)}" for d in register.days]
            self.headers = [
                self.tr("姓名"),
                self.tr("班级"),
                *days,
                self.tr("出勤"),
                self.tr("缺勤"),
                self.tr("迟到"),
                self.tr("请假"),
                self.tr("出勤率"),
            ]
            self.rows = [*register.rows, *range(len(self.summary_labels))]  # ints: the summary rows
        self.endResetModel()

    @property
    def day_count(self) -> int:
        return len(self.register.days) if self.register is not None else 0

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        register = self.register
        if (
            register is not None
            and orientation == Qt.Orientation.Horizontal
            and 2 <= section < 2 + self.day_count
        ):
            day = register.days[section - 2]
            if role == Qt.ItemDataRole.ForegroundRole and day.day.isoweekday() >= 6:
                return WEEKEND_HEADER
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("这一天还没点名") if not day.taken else ""
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        register = self.register
        item = self.row_at(index)
        if register is None or item is None:
            return None
        col = index.column()
        days = self.day_count
        day_index = col - 2 if 2 <= col < 2 + days else None
        total_index = col - 2 - days if col >= 2 + days else None
        if isinstance(item, int):
            return self._summary(register, item, col, day_index, total_index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return item.name
            if col == 1:
                return item.class_name
            if day_index is not None:
                return register.codes.symbol(item.cells[day_index])
            assert total_index is not None  # neither a name, a class nor a day column: a total
            t = item.tally
            return [str(t.present), str(t.absent), str(t.late), str(t.excused), format_rate(t.rate)][
                total_index
            ]
        if role == Qt.ItemDataRole.ForegroundRole and day_index is not None:
            colours = code_colours(register.codes, item.cells[day_index])
            return colours[0] if colours else None
        if role == Qt.ItemDataRole.BackgroundRole and day_index is not None:
            return None if register.days[day_index].taken else NOT_TAKEN_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and day_index is not None:
            code = item.cells[day_index]
            return f"{register.days[day_index].day:%m-%d} {register.codes.label(code)}" if code else ""
        return None

    def _summary(
        self,
        register: MonthlyRegister,
        which: int,
        col: int,
        day_index: int | None,
        total_index: int | None,
        role: int,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self.summary_labels[which]
            if col == 1:
                return ""
            if day_index is not None:
                day = register.days[day_index]
                if not day.taken:
                    return "—"
                t = day.tally
                return [str(t.present), str(t.absent), format_rate(t.rate)][which]
            if which == 0:  # the month's totals stand under the children's totals
                assert total_index is not None  # neither a name, a class nor a day column: a total
                t = register.total
                return [str(t.present), str(t.absent), str(t.late), str(t.excused), format_rate(t.rate)][
                    total_index
                ]
            return ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return SUMMARY_BACKGROUND
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MonthlyRegisterPanel(QWidget):
    """The 月度考勤表 tab. Seams for tests: ``open_file`` (opens the PDF) and ``choose_file`` (where to export)."""

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlyTab")
        self.ctx = ctx
        self.ops = ops
        self.register: MonthlyRegister | None = None
        self.stale = True
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.choose_file: Callable[[Path], Path | None] = self._ask_file_name

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel(self.tr("月份")))
        today = QDate.currentDate()
        self.month_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.month_edit.setObjectName("monthlyMonth")
        self.month_edit.setDisplayFormat("yyyy年M月")  # year and month sections only
        self.month_edit.setMaximumDate(today)
        self.month_edit.setMinimumWidth(120)
        self.month_edit.dateChanged.connect(lambda _d: self.refresh())
        bar.addWidget(self.month_edit)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("班级")))
        self.class_box = QComboBox()
        self.class_box.setObjectName("monthlyClass")
        self.class_box.setMinimumWidth(130)
        self.class_box.addItem(self.tr("全部班级"), None)
        self.class_box.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.class_box)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("打印 PDF"))
        self.print_button.setObjectName("monthlyPrint")
        self.print_button.clicked.connect(lambda: self._ask_first(self.tr("打印"), self.print_pdf))
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.export_button.setObjectName("monthlyExport")
        self.export_button.clicked.connect(lambda: self._ask_first(self.tr("导出"), self.export_xlsx))
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)
        self.rate = QLabel()
        self.rate.setObjectName("monthlyRate")
        self.rate.setFont(bigger(self, 2, bold=True))
        outer.addWidget(self.rate)

        self.confirm = InlineQuestion("monthlyConfirm")
        # the names tests and scripts use
        self.confirm_text, self.confirm_ok, self.confirm_cancel = (
            self.confirm.text,
            self.confirm.ok,
            self.confirm.cancel,
        )
        outer.addWidget(self.confirm)

        self.model = MonthlyModel(self)
        self.table = QTableView()
        self.table.setObjectName("monthlyTable")
        self.table.setModel(self.model)
        self.table.setFont(bigger(self, 1))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setStyleSheet("QTableView { gridline-color: #cbd5e1; }")
        outer.addWidget(self.table, 1)

        self.message = QLabel()
        self.message.setObjectName("monthlyMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

    # --- loading ----------------------------------------------------------------------------------------------

    @property
    def year_month(self) -> tuple[int, int]:
        day = self.month_edit.date()
        return day.year(), day.month()

    scan_input = None

    def focus_first(self) -> None:
        """Nothing to put the keyboard on first: the month is chosen with the mouse or Tab."""

    def refresh(self) -> None:
        self.stale = False
        self._fill_classes()
        year, month = self.year_month
        class_name = self.class_box.currentData()
        register = self.ops.run(
            lambda: attendance.monthly_register(self.ctx, year, month, class_name=class_name),
            refused=self.message,
        ).value
        if register is None:
            self.register = None
            self.model.set_register(None)
            self.rate.setText("")
            self._enable(False)
            return
        self.register = register
        self.model.set_register(register)
        self._size_columns()
        self._show_rate()
        self._enable(bool(register.rows))
        if not register.rows:
            show_message(self.message, self.tr("这个月没有儿童的考勤记录。"), error=False)
        elif self.message.styleSheet() == ERROR_STYLE:
            self.message.setText("")  # an earlier refusal no longer applies; a "written to …" stays

    def _fill_classes(self) -> None:
        # A role that may not list the classes gets the register's own (nothing to say about it).
        names = self.ops.run(lambda: children.list_classes(self.ctx), refused=lambda _exc: None).value
        if names is None:
            names = list(dict.fromkeys(r.class_name for r in self.register.rows)) if self.register else []
        chosen = self.class_box.currentData()
        self.class_box.blockSignals(True)
        self.class_box.clear()
        self.class_box.addItem(self.tr("全部班级"), None)
        for name in names:
            self.class_box.addItem(name, name)
        index = self.class_box.findData(chosen) if chosen is not None else 0
        if index < 0:  # a class that has no active child any more: keep it choosable
            self.class_box.addItem(chosen, chosen)
            index = self.class_box.count() - 1
        self.class_box.setCurrentIndex(index)
        self.class_box.blockSignals(False)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(20)
        days = self.model.day_count
        self.table.setColumnWidth(0, 78)
        self.table.setColumnWidth(1, 86)
        # One class chosen: its name on every row says nothing — the room goes to the days.
        self.table.setColumnHidden(1, self.class_box.currentData() is not None)
        for col in range(2, 2 + days):
            self.table.setColumnWidth(col, DAY_WIDTH)
        for col in range(2 + days, 2 + days + TOTAL_COLUMNS):
            self.table.setColumnWidth(col, 44)
        self.table.setColumnWidth(2 + days + TOTAL_COLUMNS - 1, 62)

    def _show_rate(self) -> None:
        register = self.register
        if register is None:
            return
        t = register.total
        taken = sum(1 for d in register.days if d.taken)
        self.rate.setText(
            self.tr("出勤率 %1　出勤 %2 人次 · 缺勤 %3 · 迟到 %4 · 请假 %5　·　点名 %6 / %7 天 · %8 名儿童")
            .replace("%1", format_rate(t.rate))
            .replace("%2", str(t.present))
            .replace("%3", str(t.absent))
            .replace("%4", str(t.late))
            .replace("%5", str(t.excused))
            .replace("%6", str(taken))
            .replace("%7", str(len(register.days)))
            .replace("%8", str(len(register.rows)))
        )

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.export_button.setEnabled(on)

    # --- print and export -------------------------------------------------------------------------------------

    def _ask_first(self, verb: str, action: Callable[[], object]) -> None:
        register = self.register
        if register is None:
            return
        self.confirm.ask(
            self.tr("%1 含 %2 名儿童的姓名和考勤，属于个人信息。确定要%3吗？（会记录在审计日志中）")
            .replace("%1", register.title)
            .replace("%2", str(len(register.rows)))
            .replace("%3", verb),
            ok=(self.tr("确定"), action),
            cancel=(self.tr("取消"), None),
        )

    def _default_name(self, suffix: str) -> str:
        year, month = self.year_month
        which = self.class_box.currentData()
        return f"考勤表-{year}-{month:02d}" + (f"-{which}" if which else "") + suffix

    def print_pdf(self) -> Path | None:
        register = self.register
        if register is None:
            return None
        path = self.ctx.data_dir.exports / self._default_name(".pdf")

        def write() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            return attendance.write_monthly_register_pdf(self.ctx, register, path)

        written = self.ops.run(write, refused=self.message, writes=path).value
        if written is None:
            return None
        show_message(self.message, self.tr("已生成考勤表：%1").replace("%1", str(written)), ok=True)
        self.open_file(written)
        return written

    def export_xlsx(self) -> Path | None:
        register = self.register
        if register is None:
            return None
        target = self.choose_file(self.ctx.data_dir.exports / self._default_name(".xlsx"))
        if target is None:
            return None

        def write() -> Path:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            return attendance.export_monthly_register_xlsx(self.ctx, register, target)

        written = self.ops.run(write, refused=self.message, writes=Path(target)).value
        if written is None:
            return None
        show_message(self.message, self.tr("已导出：%1").replace("%1", str(written)), ok=True)
        return written

    def _ask_file_name(self, suggested: Path) -> Path | None:
        """Where to save the Excel file (the native dialog; tests replace ``choose_file``)."""
        suggested.parent.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出考勤表"), str(suggested), self.tr("Excel 文件 (*.xlsx)")
        )
        return Path(name) if name else None
