"""The stocktake tab while no stocktake is open: choose what to count (all the equipment, one storage place or one
category) and open one; the past stocktakes below, each with its result a click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from center_app.domain.states import EquipmentCategory, StocktakeFilter
from center_app.services.equipment import StocktakeInfo
from center_app.ui.pages.equipment_stocktake_model import PastStocktakesModel
from center_app.ui.widgets.forms import bold_heading
from center_app.ui.widgets.messages import show_message


class StocktakeStart(QWidget):
    """``open_requested(location, category, note)``: 开始盘点 (one of location / category, or neither: all).
    ``show_requested(info)``: 查看结果 of a past stocktake."""

    open_requested = Signal(object, object, str)
    show_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentStocktakeStart")
        self.categories: dict[str, str] = {
            EquipmentCategory.SPORTS: self.tr("体育"),
            EquipmentCategory.MUSIC: self.tr("音乐"),
            EquipmentCategory.ART: self.tr("美术"),
            EquipmentCategory.GAMES: self.tr("棋类"),
            EquipmentCategory.ELECTRONICS: self.tr("电子"),
            EquipmentCategory.READING: self.tr("阅读角"),
            EquipmentCategory.OTHER: self.tr("其他"),
        }
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(bold_heading(self.tr("开始一次盘点"), size=2))
        explain = QLabel(
            self.tr(
                "开始时记下应该在器材室里的器材（借出和送修的不算）。然后逐件扫描编号，按数量的器材输入点到的数目。"
                "盘点中可以随时离开或关掉程序，下次打开接着点，已点的不会丢。"
            )
        )
        explain.setObjectName("equipmentStocktakeExplain")
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #475569;")
        outer.addWidget(explain)

        scope = QHBoxLayout()
        scope.setSpacing(10)
        scope.addWidget(QLabel(self.tr("盘点范围")))
        self.scope = QButtonGroup(self)
        self.scope_all = QRadioButton(self.tr("全部器材"))
        self.scope_all.setObjectName("equipmentStocktakeScopeAll")
        self.scope_location = QRadioButton(self.tr("一个存放位置"))
        self.scope_location.setObjectName("equipmentStocktakeScopeLocation")
        self.scope_category = QRadioButton(self.tr("一个类别"))
        self.scope_category.setObjectName("equipmentStocktakeScopeCategory")
        self.location = QComboBox()
        self.location.setObjectName("equipmentStocktakeLocation")
        self.location.setMinimumWidth(170)
        self.category = QComboBox()
        self.category.setObjectName("equipmentStocktakeCategory")
        self.category.setMinimumWidth(110)
        for value, label in self.categories.items():
            self.category.addItem(label, value)
        for button, chooser in (
            (self.scope_all, None),
            (self.scope_location, self.location),
            (self.scope_category, self.category),
        ):
            self.scope.addButton(button)
            scope.addWidget(button)
            if chooser is not None:
                scope.addWidget(chooser)
                scope.addSpacing(8)
                # Choosing a place (or a category) means counting that place.
                chooser.activated.connect(lambda _i, b=button: b.setChecked(True))
        self.scope_all.setChecked(True)
        scope.addStretch(1)
        outer.addLayout(scope)

        go = QHBoxLayout()
        go.setSpacing(10)
        self.note = QLineEdit()
        self.note.setObjectName("equipmentStocktakeNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("备注（可不填），如：学期末盘点"))
        self.note.returnPressed.connect(self.request_open)
        go.addWidget(self.note, 1)
        self.open_button = QPushButton(self.tr("开始盘点"))
        self.open_button.setObjectName("equipmentStocktakeOpen")
        self.open_button.setMinimumHeight(34)
        self.open_button.clicked.connect(self.request_open)
        go.addWidget(self.open_button)
        outer.addLayout(go)
        self.message = QLabel()
        self.message.setObjectName("equipmentStocktakeStartMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        past = QHBoxLayout()
        past.addWidget(bold_heading(self.tr("以往的盘点"), size=1))
        past.addStretch(1)
        self.show_button = QPushButton(self.tr("查看结果"))
        self.show_button.setObjectName("equipmentStocktakeShow")
        self.show_button.clicked.connect(self.request_show)
        past.addWidget(self.show_button)
        outer.addLayout(past)
        self.past = PastStocktakesModel(self)
        self.past.scope_text = self.scope_text
        self.table = QTableView()
        self.table.setObjectName("equipmentStocktakeHistory")
        self.table.setModel(self.past)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.request_show())
        outer.addWidget(self.table, 1)

    # --- filling ---------------------------------------------------------------------------------------------

    def fill(self, locations: list[str], past: list[StocktakeInfo]) -> None:
        chosen = self.location.currentText()
        self.location.clear()
        self.location.addItems(locations)
        if chosen in locations:
            self.location.setCurrentText(chosen)
        self.scope_location.setEnabled(bool(locations))
        self.location.setEnabled(bool(locations))
        if not locations and self.scope_location.isChecked():
            self.scope_all.setChecked(True)
        self.past.set_rows(past)
        if past and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        self.show_button.setEnabled(bool(past))

    def allow_open(self, allowed: bool, why: str) -> None:
        for widget in (self.open_button, self.note, self.scope_all, self.scope_location, self.scope_category):
            widget.setEnabled(allowed and (widget is not self.scope_location or self.location.count() > 0))
        if not allowed:
            show_message(self.message, why)

    def scope_text(self, info: StocktakeInfo) -> str:
        if info.filter_kind == StocktakeFilter.LOCATION:
            return self.tr("存放位置：%1").replace("%1", info.filter_value)
        if info.filter_kind == StocktakeFilter.CATEGORY:
            label = self.categories.get(info.filter_value, info.filter_value)
            return self.tr("类别：%1").replace("%1", label)
        return self.tr("全部器材")

    # --- acting ----------------------------------------------------------------------------------------------

    def request_open(self) -> None:
        if not self.open_button.isEnabled():
            return
        location = self.location.currentText() if self.scope_location.isChecked() else None
        category = self.category.currentData() if self.scope_category.isChecked() else None
        self.open_requested.emit(location or None, category or None, self.note.text())

    def selected(self) -> StocktakeInfo | None:
        return self.past.row_at(self.table.currentIndex())

    def request_show(self) -> None:
        info = self.selected()
        if info is not None:
            self.show_requested.emit(info)

    def focus_first(self) -> None:
        if self.open_button.isEnabled():
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
