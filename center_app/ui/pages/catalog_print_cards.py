"""Whose library cards to print: a class, then all or some of its children (a child without a card number gets the
next one when the cards are printed). Part of the print panel (``catalog_print.PrintPanel``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from center_app.services import library_cards
from center_app.ui.operations import Operations, Refusal


class CardsChooser(QWidget):
    """``changed`` when the children chosen change. Nothing is read until ``load_classes()`` (cards chosen)."""

    changed = Signal()

    def __init__(self, ops: Operations, refused: Refusal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.refused = refused
        self._loaded_for: str | None = None  # the class whose children are listed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("班级：")))
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("printClass")
        self.class_combo.currentIndexChanged.connect(lambda _i: self._load_children())
        row.addWidget(self.class_combo, 1)
        self.select_all = QPushButton(self.tr("全选"))
        self.select_all.setObjectName("printSelectAll")
        self.select_all.clicked.connect(lambda: self.check_all(True))
        self.select_none = QPushButton(self.tr("全不选"))
        self.select_none.setObjectName("printSelectNone")
        self.select_none.clicked.connect(lambda: self.check_all(False))
        row.addWidget(self.select_all)
        row.addWidget(self.select_none)
        layout.addLayout(row)
        self.child_list = QListWidget()  # not ``children``: that would hide QObject.children()
        self.child_list.setObjectName("printChildren")
        self.child_list.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.child_list, 1)

    @property
    def class_name(self) -> str | None:
        return self.class_combo.currentData()

    def load_classes(self) -> None:
        if self.class_combo.count():
            return
        groups = self.ops.run(lambda: library_cards.list_classes(self.ops.ctx), refused=self.refused).value
        if groups is None:
            return
        self.class_combo.blockSignals(True)
        for g in groups:
            name = g.class_name or self.tr("未分班")
            text = self.tr("%1（%2 人）").replace("%1", name).replace("%2", str(g.children))
            if g.without_card:
                text += self.tr("，%1 人还没有借书证号").replace("%1", str(g.without_card))
            self.class_combo.addItem(text, g.class_name)
        self.class_combo.setCurrentIndex(-1)
        self.class_combo.blockSignals(False)
        if groups:
            self.class_combo.setCurrentIndex(0)

    def choose_class(self, class_name: str) -> bool:
        self.load_classes()
        at = self.class_combo.findData(class_name)
        if at >= 0:
            self.class_combo.setCurrentIndex(at)
            self._load_children()
        return at >= 0

    def _load_children(self) -> None:
        class_name = self.class_combo.currentData()
        if class_name is None or class_name == self._loaded_for:
            return
        holders = self.ops.run(
            lambda: library_cards.children_of_class(self.ops.ctx, class_name), refused=self.refused
        ).value
        if holders is None:
            return
        self._loaded_for = class_name
        self.child_list.blockSignals(True)
        self.child_list.clear()
        for h in holders:
            card = h.card_barcode or self.tr("（打印时分配证号）")
            item = QListWidgetItem(f"{h.name}　{card}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.child_list.addItem(item)
        self.child_list.blockSignals(False)
        self.changed.emit()

    def check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.child_list.blockSignals(True)
        for n in range(self.child_list.count()):
            self.child_list.item(n).setCheckState(state)
        self.child_list.blockSignals(False)
        self.changed.emit()

    def chosen(self) -> list[int]:
        return [
            int(self.child_list.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.child_list.count())
            if self.child_list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def reset(self, *, reload: bool) -> None:
        """Children changed (card numbers given, a class renamed): forget them; ``reload`` the same class now."""
        current = self.class_combo.currentData()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.blockSignals(False)
        self.child_list.clear()
        self._loaded_for = None
        if reload:
            self.load_classes()
            if current is not None:
                self.choose_class(current)
