"""登记器材 / 修改器材: the item form, a panel beside the equipment list (never a modal dialog).

Made for a donor's pile being unpacked: Enter moves from field to field (Enter in the notes saves), Ctrl+S saves,
and after a save the form is ready for the next item with the category, place, condition, source and date kept.
An item is kept **by quantity** (20 跳绳: one record, one asset barcode for the box) or **one by one** (电子琴: a
unit per piece, each with its own asset barcode — the form asks how many pieces). The way an item is kept cannot
change once registered; pieces of a one-by-one item are added from the item's panel.

Every rule is ``domain.equipment.validate_item`` and the equipment service's: a refused save says each problem in
red under the field it is about, and nothing is saved. The form only turns typed text into values (a price in
yuan into fen, a date) with the import's own cell parsers, so a price or date accepted in a donor's list is
accepted here too. The labels of categories, conditions and log kinds that the equipment tabs show are here
(translated), next to the form that chooses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain import equipment as rules
from center_app.domain.cells import CellError, Date
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.states import Condition, EquipmentCategory, IncidentKind, Tracking, UnitStatus
from center_app.importing import Money
from center_app.services import catalog, equipment
from center_app.services.equipment import ItemRow, ItemSaved
from center_app.ui.events import Area
from center_app.ui.operations import Operations
from center_app.ui.widgets.forms import EnterMovesOn, line_edit, line_of, note_edit
from center_app.ui.widgets.headings import heading
from center_app.ui.widgets.messages import ERROR_STYLE, show_message

NO_LOW_STOCK = -1  # the threshold spin box's "不提醒"
_MONEY = Money(max_yuan=rules.MAX_VALUE_FEN // 100)
_DATE = Date()


translate = QCoreApplication.translate


# --- labels the equipment tabs share (domain.equipment's, through the translator) ----------------------------------


def category_labels() -> dict[str, str]:
    return {
        EquipmentCategory.SPORTS: translate("Equipment", "体育"),
        EquipmentCategory.MUSIC: translate("Equipment", "音乐"),
        EquipmentCategory.ART: translate("Equipment", "美术"),
        EquipmentCategory.GAMES: translate("Equipment", "棋类"),
        EquipmentCategory.ELECTRONICS: translate("Equipment", "电子"),
        EquipmentCategory.READING: translate("Equipment", "阅读角"),
        EquipmentCategory.OTHER: translate("Equipment", "其他"),
    }


def condition_labels() -> dict[str, str]:
    return {
        Condition.GOOD: translate("Equipment", "完好"),
        Condition.DAMAGED: translate("Equipment", "损坏"),
        Condition.REPAIR: translate("Equipment", "维修中"),
        Condition.SCRAPPED: translate("Equipment", "报废"),
    }


def unit_status_labels() -> dict[str, str]:
    return {
        UnitStatus.AVAILABLE: translate("Equipment", "完好"),
        UnitStatus.ON_LOAN: translate("Equipment", "借出"),
        UnitStatus.DAMAGED: translate("Equipment", "损坏"),
        UnitStatus.REPAIR: translate("Equipment", "维修中"),
        UnitStatus.LOST: translate("Equipment", "遗失"),
        UnitStatus.RETIRED: translate("Equipment", "报废"),
    }


def incident_labels() -> dict[str, str]:
    return {
        IncidentKind.DAMAGED: translate("Equipment", "损坏"),
        IncidentKind.LOST: translate("Equipment", "遗失"),
        IncidentKind.REPAIR: translate("Equipment", "送修"),
        IncidentKind.REPAIRED: translate("Equipment", "修好"),
        IncidentKind.SCRAPPED: translate("Equipment", "报废"),
        IncidentKind.FOUND: translate("Equipment", "找回"),
        IncidentKind.STOCK_IN: translate("Equipment", "入库"),
        IncidentKind.STOCK_OUT: translate("Equipment", "出库"),
    }


def yuan_text(fen: int | None) -> str:
    """4500 → ``45.00``; None → ``""``."""
    return "" if fen is None else f"{fen / 100:.2f}"


# Which field a problem of ``validate_item`` (or of the service) is about: the first rule whose word it contains.
# Order matters: "补货提醒数量" is the threshold's, not the quantity's; "逐件编号的器材一次最多登记" the count's.
_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("low_stock", ("补货提醒",)),
    ("value", ("单价",)),
    ("date", ("入库日期", "日期")),
    ("location", ("存放位置",)),
    ("quantity", ("一次最多登记", "一次可以添加", "总数", "单位")),
    ("category", ("类别",)),
    ("tracking", ("登记方式", "逐件", "消耗品")),
    ("quantity", ("数量",)),
    ("name", ("名称",)),
    ("donor", ("来源", "捐赠")),
    ("notes", ("备注",)),
    ("condition", ("状况", "报废")),
)


def field_of(problem: str) -> str:
    """The form field a problem sentence is about (``""``: the form as a whole)."""
    for field, words in _FIELD_WORDS:
        if any(word in problem for word in words):
            return field
    return ""


class EquipmentForm(QWidget):
    """One item: new, or an existing one's details. ``saved(item_id, new_barcodes)`` after a save (the page
    reloads its list); ``print_requested(barcodes, what)``: labels for the codes just given out; ``closed``."""

    saved = Signal(int, object)
    print_requested = Signal(object, str)
    closed = Signal()

    def __init__(self, ctx: AppContext, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("equipmentForm")
        self.ctx = ctx
        self.ops = ops
        self.editing: ItemRow | None = None
        self._printable: tuple[str, ...] = ()
        self._printable_what = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = heading(self.tr("登记器材"))
        self.heading.setObjectName("equipmentFormHeading")
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("equipmentFormClose")
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        hint = QLabel(self.tr("回车：下一项　Ctrl+S：保存　Esc：关闭"))
        hint.setObjectName("equipmentFormHint")
        hint.setStyleSheet("color: #64748b;")
        layout.addWidget(hint)

        self._build_fields()
        scroll = QScrollArea()
        scroll.setObjectName("equipmentFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields)
        layout.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("equipmentFormSave")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.setObjectName("equipmentFormClear")
        self.clear_button.clicked.connect(self.start_new)
        self.print_button = QPushButton()
        self.print_button.setObjectName("equipmentFormPrintLabels")
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(list(self._printable), self._printable_what)
        )
        self.print_button.hide()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("equipmentFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        # Enter moves on like a paper form; Enter in the last field saves (the notes take Ctrl+Enter's newline).
        self._enter = EnterMovesOn(self, self._order, on_last=self.save)
        self._enter.watch(*self._order())
        for key in ("Ctrl+S", "Ctrl+Return"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.save())
        self.start_new()

    # --- building -----------------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.fields = QWidget()
        self.fields.setObjectName("equipmentFormFields")
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 4, 0)
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.problem_labels: dict[str, QLabel] = {}

        self.name = line_edit("equipmentFormName", rules.MAX_NAME, self.tr("如 跳绳、篮球（7号）、电子琴"))
        self.category = QComboBox()
        self.category.setObjectName("equipmentFormCategory")
        for value, label in category_labels().items():
            self.category.addItem(label, value)
        self.condition = QComboBox()
        self.condition.setObjectName("equipmentFormCondition")
        for value, label in condition_labels().items():
            self.condition.addItem(label, value)

        self.by_quantity = QRadioButton(self.tr("按数量"))
        self.by_quantity.setObjectName("equipmentFormByQuantity")
        self.by_quantity.setToolTip(self.tr("如 20 根跳绳：记一个总数，箱子或柜子上贴一个编号"))
        self.one_by_one = QRadioButton(self.tr("逐件编号"))
        self.one_by_one.setObjectName("equipmentFormOneByOne")
        self.one_by_one.setToolTip(self.tr("如电子琴、投影仪：每一件一个编号，借还时扫每一件"))
        self._tracking_group = QButtonGroup(self)
        self._tracking_group.addButton(self.by_quantity)
        self._tracking_group.addButton(self.one_by_one)
        self.by_quantity.setChecked(True)
        self.by_quantity.toggled.connect(lambda _on: self._tracking_changed())
        tracking = QWidget()
        row = QHBoxLayout(tracking)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.by_quantity)
        row.addWidget(self.one_by_one)
        row.addStretch(1)

        self.quantity = QSpinBox()
        self.quantity.setObjectName("equipmentFormQuantity")
        self.quantity.setRange(0, rules.MAX_QUANTITY)
        self.unit = line_edit("equipmentFormUnit", rules.MAX_UNIT, self.tr("个、根、副、套"))
        self.quantity_label = QLabel(self.tr("数量："))

        self.location = QComboBox()
        self.location.setObjectName("equipmentFormLocation")
        self.location.setEditable(True)
        self.location.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_of(self.location).setMaxLength(rules.MAX_LOCATION)
        line_of(self.location).setPlaceholderText(self.tr("如 器材室A柜"))

        self.consumable = QCheckBox(self.tr("消耗品"))
        self.consumable.setObjectName("equipmentFormConsumable")
        self.consumable.setToolTip(self.tr("用了就没有的（纸、粉笔、羽毛球）：按数量登记，领用出库"))
        self.low_stock = QSpinBox()
        self.low_stock.setObjectName("equipmentFormLowStock")
        self.low_stock.setRange(NO_LOW_STOCK, rules.MAX_QUANTITY)
        self.low_stock.setSpecialValueText(self.tr("不提醒"))
        self.low_stock.setToolTip(self.tr("可借的少到这个数时，列入补货清单"))

        self.donor = QComboBox()
        self.donor.setObjectName("equipmentFormDonor")
        self.donor.setEditable(True)
        self.donor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_of(self.donor).setMaxLength(200)
        line_of(self.donor).setPlaceholderText(self.tr("捐赠方，如 某某公益基金会"))
        self.acquired = line_edit("equipmentFormDate", 20, self.tr("如 2026-11-29"))
        self.value = line_edit("equipmentFormValue", 16, self.tr("元"))
        self.notes = note_edit("equipmentFormNotes")

        self._row("name", self.tr("名称*："), self.name)
        self._row("category", self.tr("类别："), self._pair(self.category, self.tr("状况："), self.condition))
        self._row("condition", None, None)
        self._row("tracking", self.tr("登记方式："), tracking)
        self.quantity_row = self._pair(self.quantity, self.tr("单位："), self.unit)
        self._row("quantity", self.quantity_label, self.quantity_row)
        self._row("location", self.tr("存放位置："), self.location)
        self._row("low_stock", self.tr("补货提醒："), self._pair(self.low_stock, "", self.consumable))
        self._row("donor", self.tr("来源："), self.donor)
        self._row("date", self.tr("入库日期："), self._pair(self.acquired, self.tr("单价："), self.value))
        self._row("value", None, None)
        self._row("notes", self.tr("备注："), self.notes)
        self.general_problems = QLabel()
        self.general_problems.setObjectName("equipmentFormProblem")
        self.general_problems.setWordWrap(True)
        self.general_problems.setStyleSheet(ERROR_STYLE)
        form.addRow(self.general_problems)
        form.setRowVisible(self.general_problems, False)

    def _row(self, key: str, label: str | QLabel | None, widget: QWidget | None) -> None:
        """A field (when given) and, under it, the line where its problems are said (hidden until then)."""
        if widget is not None:
            if isinstance(label, QLabel):
                self.form.addRow(label, widget)
            else:
                self.form.addRow(label or "", widget)
        problem = QLabel()
        problem.setObjectName(f"equipmentFormProblem_{key}")
        problem.setWordWrap(True)
        problem.setStyleSheet(ERROR_STYLE)
        self.problem_labels[key] = problem
        self.form.addRow("", problem)
        self.form.setRowVisible(problem, False)

    def _pair(self, first: QWidget, label: str, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        if label:
            row.addWidget(QLabel(label))
        row.addWidget(second, 1)
        return box

    def _order(self) -> list[QWidget]:
        return [
            self.name,
            self.category,
            self.condition,
            self.quantity,
            self.unit,
            self.location,
            self.low_stock,
            self.donor,
            self.acquired,
            self.value,
            self.notes,
        ]

    # --- choices the page fills ---------------------------------------------------------------------------

    def set_locations(self, places: Sequence[str]) -> None:
        """The storage places in use (the combo stays editable: a new place is typed)."""
        text = self.location.currentText()
        self.location.blockSignals(True)
        self.location.clear()
        self.location.addItems(list(places))
        self.location.setEditText(text)
        self.location.blockSignals(False)

    def load_donors(self) -> None:
        """The donors known to the centre (books' and equipment's), for the source's drop-down."""
        donors = self.ops.run(lambda: catalog.list_donors(self.ctx), refused=lambda _exc: None).value or []
        text = self.donor.currentText()
        self.donor.clear()
        self.donor.addItems([d.name for d in donors])
        self.donor.setEditText(text)

    # --- modes --------------------------------------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for the next item; the category, condition, place, source and date stay (a donor's pile
        usually shares them)."""
        self.editing = None
        self.heading.setText(self.tr("登记器材"))
        self.name.clear()
        self.by_quantity.setEnabled(True)
        self.one_by_one.setEnabled(True)
        self.by_quantity.setChecked(True)
        self.quantity.setValue(1)
        self.unit.setText("个")  # the measure word is data (the service's default), not UI text
        self.low_stock.setValue(NO_LOW_STOCK)
        self.consumable.setChecked(False)
        self.value.clear()
        self.notes.clear()
        self._tracking_changed()
        self._hide_print()
        self.clear_problems()
        self.message.clear()
        self.name.setFocus()

    def start_edit(self, row: ItemRow) -> None:
        self.editing = row
        self.heading.setText(self.tr("修改“%1”").replace("%1", row.name))
        self.name.setText(row.name)
        self._select(self.category, row.category)
        self._select(self.condition, row.condition)
        individual = row.tracking == Tracking.INDIVIDUAL
        (self.one_by_one if individual else self.by_quantity).setChecked(True)
        # The way an item is kept cannot change (the service says so too): delete and register again.
        self.by_quantity.setEnabled(False)
        self.one_by_one.setEnabled(False)
        self.quantity.setValue(row.total)
        self.unit.setText(row.unit)
        self.location.setEditText(row.location)
        self.consumable.setChecked(row.consumable)
        self.low_stock.setValue(NO_LOW_STOCK if row.low_stock is None else row.low_stock)
        self.donor.setEditText(row.donor)
        self.acquired.setText(row.acquired_on.isoformat() if row.acquired_on else "")
        self.value.setText(yuan_text(row.value_fen))
        self.notes.setPlainText(row.notes)
        self._tracking_changed()
        self._hide_print()
        self.clear_problems()
        self.message.clear()
        self.name.setFocus()
        self.name.selectAll()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _tracking_changed(self) -> None:
        individual = self.one_by_one.isChecked()
        editing_pieces = individual and self.editing is not None
        # A one-by-one item's pieces come and go through 添加几件 and the log, not this form.
        self.form.setRowVisible(self.quantity_row, not editing_pieces)
        if editing_pieces:
            return
        if individual:
            self.quantity_label.setText(self.tr("件数："))
            self.quantity.setRange(1, rules.MAX_UNITS_AT_ONCE)
            self.quantity.setToolTip(self.tr("有几件：每件得到一个编号（E000123），可以打印标签贴上"))
        else:
            self.quantity_label.setText(self.tr("数量：") if self.editing is None else self.tr("总数："))
            self.quantity.setRange(0, rules.MAX_QUANTITY)
            self.quantity.setToolTip("")

    def _hide_print(self) -> None:
        self._printable = ()
        self.print_button.hide()

    # --- problems -----------------------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for label in self.problem_labels.values():
            label.clear()
            self.form.setRowVisible(label, False)
        self.general_problems.clear()
        self.form.setRowVisible(self.general_problems, False)

    def show_problems(self, problems: Sequence[str]) -> None:
        """Each problem in red under its field (those about no field at the end); the message says nothing was
        saved."""
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(field_of(problem), []).append(problem)
        for field, lines in by_field.items():
            label = self.problem_labels.get(field, self.general_problems)
            label.setText("\n".join(lines))
            self.form.setRowVisible(label, True)
        show_message(self.message, self.tr("没有保存，请按红字改正。"))
        first = next((f for f in ("name", "category", "tracking", "quantity") if f in by_field), None)
        focus = {"name": self.name, "category": self.category, "quantity": self.quantity}.get(first or "")
        if focus is not None:
            focus.setFocus()

    def problems_shown(self) -> dict[str, str]:
        """What is said under each field now (tests; a person sees the red lines)."""
        shown = {key: label.text() for key, label in self.problem_labels.items() if label.text()}
        if self.general_problems.text():
            shown[""] = self.general_problems.text()
        return shown

    # --- saving -------------------------------------------------------------------------------------------

    def item_input(self) -> tuple[rules.ItemInput, list[str]]:
        """The item as typed, and the problems of turning the price and the date into values."""
        problems: list[str] = []
        value_fen: int | None = None
        if self.value.text().strip():
            try:
                value_fen = _MONEY(self.value.text())
            except CellError as exc:
                problems.append(self.tr("单价") + exc.message)
        acquired: dt.date | None = None
        if self.acquired.text().strip():
            try:
                acquired = _DATE(self.acquired.text().strip())
            except CellError as exc:
                problems.append(self.tr("入库日期") + exc.message)
        low = self.low_stock.value()
        data = rules.ItemInput(
            name=self.name.text(),
            category=str(self.category.currentData()),
            tracking=Tracking.INDIVIDUAL if self.one_by_one.isChecked() else Tracking.QUANTITY,
            quantity=self.quantity.value(),
            unit=self.unit.text(),
            location=self.location.currentText(),
            condition=str(self.condition.currentData()),
            consumable=self.consumable.isChecked(),
            low_stock=None if low == NO_LOW_STOCK else low,
            donor=self.donor.currentText(),
            acquired_on=acquired,
            value_fen=value_fen,
            notes=self.notes.toPlainText(),
        )
        return data, problems

    def save(self) -> bool:
        """Save through the equipment service; a refusal is shown by the fields and nothing is saved."""
        self._hide_print()
        data, problems = self.item_input()
        if problems:
            # The typed price or date is not a value: say so, with whatever else the rule finds, and save nothing.
            try:
                rules.validate_item(data)
            except ValidationError as exc:
                problems += exc.problems or [exc.message]
            self.show_problems(problems)
            return False
        if self.editing is not None:
            item_id = self.editing.id
            row = self.ops.run(
                lambda: equipment.update_item(self.ctx, item_id, data),
                changes=Area.EQUIPMENT,
                refused=self._refused,
            ).value
            if row is None:
                return False
            self.editing = row
            self.clear_problems()
            self.heading.setText(self.tr("修改“%1”").replace("%1", row.name))
            show_message(self.message, self.tr("已保存“%1”。").replace("%1", row.name), ok=True)
            self.saved.emit(row.id, ())
            return True
        done: ItemSaved | None = self.ops.run(
            lambda: equipment.create_item(self.ctx, data),
            changes=Area.EQUIPMENT,
            refused=self._refused,
        ).value
        if done is None:
            return False
        item = done.item
        text = (
            self.tr("已登记“%1”%2%3，编号 %4。")
            .replace("%1", item.name)
            .replace("%2", str(item.total))
            .replace("%3", item.unit)
            .replace("%4", _code_span(done.new_barcodes) or "—")
        )
        self.saved.emit(item.id, done.new_barcodes)
        self.start_new()
        show_message(self.message, text + "\n" + self.tr("可以登记下一件了。"), ok=True)
        if done.new_barcodes:
            self._printable = done.new_barcodes
            self._printable_what = self.tr("“%1”的新标签").replace("%1", item.name)
            self.print_button.setText(self.tr("打印这 %1 张标签…").replace("%1", str(len(done.new_barcodes))))
            self.print_button.show()
        return True

    def _refused(self, exc: DomainError) -> None:
        problems = exc.problems if isinstance(exc, ValidationError) and exc.problems else [exc.message]
        self.show_problems(problems)


def _code_span(codes: Sequence[str]) -> str:
    """``E000001`` or ``E000001–E000003`` (new pieces get consecutive numbers)."""
    if not codes:
        return ""
    return codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"
