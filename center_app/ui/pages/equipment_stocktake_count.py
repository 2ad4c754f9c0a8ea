"""The stocktake tab's counting view: the big scanner input, what the last scan said, the lines with what is counted
so far (filterable to 还没找到), the count of the chosen quantity item, and the buttons (export, confirm, cancel).

The same view shows a finished stocktake's result read-only (no input, no counting; 返回 instead of 确认/取消).
It holds the widgets and what they show; the tab (``equipment_stocktake.EquipmentStocktakeTab``) runs the use
cases and tells it what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.domain import equipment as rules
from center_app.ui.pages.equipment_stocktake_model import Show, StocktakeLine, StocktakeLinesModel
from center_app.ui.widgets.fonts import bigger
from center_app.ui.widgets.forms import line_of
from center_app.ui.widgets.inline_question import InlineQuestion
from center_app.ui.widgets.scan_message import ScanMessage
from center_app.ui.widgets.scanner_input import ScannerInput

#: a line of each kind, for the width of the result column
_SAMPLES = (
    StocktakeLine(1, "", "", "", "", 1, 1, "", False),  # found
    StocktakeLine(1, "", "", "", "", 1, 0, "", False),  # not found yet
    StocktakeLine(1, "", "", "", "", 99, 9, "", True),  # short
    StocktakeLine(1, "", "", "", "", 0, 1, "", False),  # not on the list
    StocktakeLine(1, "", "", "", "", 9, 99, "", True),  # extra
)
#: inputs of the view that may keep the focus instead of the scanner input
OTHER_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


class StocktakeCounting(QWidget):
    """``chosen(line)``: the line the user chose (a click, ↑↓ in the input, or the tab after a scan)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentStocktakeCounting")
        self.current: StocktakeLine | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)

        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("equipmentStocktakeTitle")
        self.title.setFont(bigger(self, 2, bold=True))
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.progress = QLabel()
        self.progress.setObjectName("equipmentStocktakeProgress")
        self.progress.setFont(bigger(self, 5, bold=True))
        self.progress.setStyleSheet("color: #1e3a5f;")
        top.addWidget(self.progress)
        outer.addLayout(top)

        scan_row = QHBoxLayout()
        scan_row.setSpacing(8)
        self.input = ScannerInput()
        self.input.setObjectName("equipmentStocktakeInput")
        self.input.setFont(bigger(self, 8))
        self.input.setMinimumHeight(50)
        self.input.setPlaceholderText(self.tr("扫描器材上的编号；按数量的器材：输入点到的数目，按回车"))
        self.input.installEventFilter(self)
        scan_row.addWidget(self.input, 1)
        self.place_label = QLabel(self.tr("在哪里清点"))
        scan_row.addWidget(self.place_label)
        self.place = QComboBox()
        self.place.setObjectName("equipmentStocktakePlace")
        self.place.setEditable(True)
        self.place.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place.setMinimumWidth(150)
        line_of(self.place).setMaxLength(rules.MAX_LOCATION)
        line_of(self.place).setPlaceholderText(self.tr("不注明"))
        scan_row.addWidget(self.place)
        outer.addLayout(scan_row)

        self.message = ScanMessage("equipmentStocktakeMessage")
        outer.addWidget(self.message)
        self.confirm = InlineQuestion("equipmentStocktakeConfirm", large=True)
        outer.addWidget(self.confirm)

        shown = QHBoxLayout()
        shown.setSpacing(8)
        shown.addWidget(QLabel(self.tr("显示")))
        self.filter = QComboBox()
        self.filter.setObjectName("equipmentStocktakeFilter")
        for text, value in (
            (self.tr("全部"), Show.ALL),
            (self.tr("还没找到"), Show.MISSING),
            (self.tr("多出或不在清单"), Show.EXTRA),
            (self.tr("已找到"), Show.FOUND),
        ):
            self.filter.addItem(text, value)
        self.filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        shown.addWidget(self.filter)
        self.summary = QLabel()
        self.summary.setObjectName("equipmentStocktakeSummary")
        self.summary.setWordWrap(True)
        shown.addWidget(self.summary, 1)
        outer.addLayout(shown)

        self.model = StocktakeLinesModel(self)
        self.table = QTableView()
        self.table.setObjectName("equipmentStocktakeLines")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click chooses; the keys stay in the input
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        # The view scrolls to a row only when told (``reselect``), never by itself on a scan.
        self.table.setAutoScroll(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Wide enough for the headers and the result words (longer in English), the name column most of the rest.
        cells, heads = self.table.fontMetrics(), header.fontMetrics()
        results = [self.model.status_text(sample) for sample in _SAMPLES]
        for column, least in enumerate((86, 200, 100, 120, 64, 64)):
            texts = results if column == 0 else []
            needed = max(
                heads.horizontalAdvance(self.model.headers[column]) + 24,
                *(cells.horizontalAdvance(text) + 16 for text in texts),
                least,
            )
            self.table.setColumnWidth(column, needed)
        header.setStretchLastSection(True)
        self.table.clicked.connect(lambda index: self.choose_row(index.row()))
        outer.addWidget(self.table, 1)

        count_row = QHBoxLayout()
        count_row.setSpacing(8)
        self.chosen_text = QLabel()
        self.chosen_text.setObjectName("equipmentStocktakeSelected")
        self.chosen_text.setWordWrap(True)
        count_row.addWidget(self.chosen_text, 1)
        self.count_label = QLabel(self.tr("点到"))
        count_row.addWidget(self.count_label)
        self.count = QSpinBox()
        self.count.setObjectName("equipmentStocktakeCount")
        self.count.setRange(0, rules.MAX_QUANTITY)
        self.count.setMinimumWidth(90)
        count_row.addWidget(self.count)
        self.count_button = QPushButton(self.tr("记下数量"))
        self.count_button.setObjectName("equipmentStocktakeCountButton")
        count_row.addWidget(self.count_button)
        outer.addLayout(count_row)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.export_xlsx = QPushButton(self.tr("导出 Excel"))
        self.export_xlsx.setObjectName("equipmentStocktakeExportXlsx")
        self.export_pdf = QPushButton(self.tr("导出 PDF"))
        self.export_pdf.setObjectName("equipmentStocktakeExportPdf")
        buttons.addWidget(self.export_xlsx)
        buttons.addWidget(self.export_pdf)
        self.rights = QLabel()
        self.rights.setObjectName("equipmentStocktakeRights")
        self.rights.setWordWrap(True)
        self.rights.setStyleSheet("color: #64748b;")
        buttons.addWidget(self.rights, 1)
        self.back = QPushButton(self.tr("返回"))
        self.back.setObjectName("equipmentStocktakeBack")
        self.apply = QPushButton(self.tr("确认结果…"))
        self.apply.setObjectName("equipmentStocktakeApply")
        self.cancel = QPushButton(self.tr("取消盘点…"))
        self.cancel.setObjectName("equipmentStocktakeCancel")
        for button in (self.back, self.apply, self.cancel):
            button.setMinimumHeight(32)
            buttons.addWidget(button)
        outer.addLayout(buttons)
        for button in (
            self.export_xlsx,
            self.export_pdf,
            self.back,
            self.apply,
            self.cancel,
            self.count_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys in the scanner input

    # --- the lines ---------------------------------------------------------------------------------------------

    @property
    def shown(self) -> Show:
        value = self.filter.currentData()
        return Show(value) if value else Show.ALL

    def apply_filter(self) -> None:
        self.model.set_filter(self.shown)
        self.reselect()

    def set_finished(self, finished: bool) -> None:
        """A finished stocktake's result: what was not found is missing, not "not found yet"."""
        self.model.finished = finished
        self.filter.setItemText(1, self.tr("没找到") if finished else self.tr("还没找到"))

    def set_lines(self, lines: list[StocktakeLine], counted_lines: int | None = None) -> None:
        keep = self.current.key if self.current is not None else None
        self.model.set_lines(lines, counted_lines)
        self.current = self.model.by_key.get(keep) if keep is not None else None
        self.reselect()
        self.show_chosen()

    def reselect(self, *, scroll: bool = True) -> None:
        """Select the chosen line's row (scrolled into view with ``scroll``), or nothing if the filter hides it."""
        line = self.current
        row = self.model.row_of(line) if line is not None else -1
        if row >= 0:
            if self.table.currentIndex().row() != row or not self.table.selectionModel().hasSelection():
                self.table.selectRow(row)
            if scroll:
                self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()

    def choose(self, line: StocktakeLine | None, *, scroll: bool = True) -> None:
        """``line`` is the chosen one. A scan chooses without ``scroll``: the list stays where the eyes are (and
        a scan does not repaint the whole table), the line under the table says what was chosen."""
        self.current = line
        self.reselect(scroll=scroll)
        self.show_chosen()
        self.chosen.emit(line)

    def choose_row(self, row: int) -> None:
        line = self.model.rows[row] if 0 <= row < len(self.model.rows) else None
        if line is not None:
            self.choose(line)

    def show_chosen(self) -> None:
        line = self.current
        if line is None:
            self.chosen_text.setText(self.tr("按数量的器材：扫描它的标签或在表中点选，再输入点到的数目。"))
            return
        if line.by_quantity:
            text = self.tr("选中：%1，应有 %2%3，已点 %4%3").replace("%4", str(line.counted))
        else:
            text = self.tr("选中：%1（%5），应有 %2%3，已点 %4%3").replace("%4", str(line.counted))
        text = text.replace("%1", line.name).replace("%2", str(line.expected)).replace("%3", line.unit)
        self.chosen_text.setText(text.replace("%5", line.barcode))
        self.count.setValue(line.counted)

    def record(self, line: StocktakeLine, counted: int) -> None:
        """A scan or count said ``line`` has ``counted`` pieces now."""
        self.model.record(line, counted)
        if line is self.current:
            self.reselect(scroll=False)
            self.show_chosen()

    def show_tally(self) -> None:
        t = self.model.tally
        words = (
            self.tr("应有 %1 件，点到 %2 件：相符 %3 项，短缺 %4 项，多出或不在清单 %5 项")
            if self.model.finished
            else self.tr("应有 %1 件，已点到 %2 件：相符 %3 项，还没找到或短缺 %4 项，多出或不在清单 %5 项")
        )
        self.summary.setText(
            words.replace("%1", str(t.expected_pieces))
            .replace("%2", str(t.counted_pieces))
            .replace("%3", str(t.found))
            .replace("%4", str(t.missing))
            .replace("%5", str(t.extra))
        )

    # --- keys typed into the scanner input --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.input and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            steps = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_PageUp: -10,
                Qt.Key.Key_PageDown: 10,
            }
            step = steps.get(Qt.Key(event.key()))
            if step is not None:
                self.step_selection(step)
                return True
        return super().eventFilter(watched, event)

    def step_selection(self, step: int) -> None:
        count = len(self.model.rows)
        if not count:
            return
        row = self.model.row_of(self.current) if self.current is not None else -1
        self.choose_row(0 if row < 0 else min(max(row + step, 0), count - 1))
