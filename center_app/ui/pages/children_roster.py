"""The children's roster: the table's columns (the personal ones only for roles that may read them) and widths.

A librarian sees name, class and card — what the desk needs; the privacy rules are the services' (docs/permissions.md),
this only leaves out the columns a role would see empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from center_app.domain import children as dom
from center_app.domain.permissions import READ, allowed
from center_app.services.children import ChildRow
from center_app.ui.models.rows import RowsTableModel

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole
STAR = "★"
LEFT_COLOUR = QColor("#94a3b8")
STAR_COLOUR = QColor("#d97706")
# Sized for the widest usual value (父母均外出, 一年级10班, 11-digit phones) at 1366 pixels.
COLUMN_WIDTHS = {
    "name": 68,
    "special": 26,
    "gender": 40,
    "grade": 58,
    "class": 86,
    "card": 70,
    "left_behind": 84,
    "guardian": 122,
}

Index = QModelIndex | QPersistentModelIndex


class ChildTableModel(RowsTableModel[ChildRow]):
    """The roster's columns; the personal ones only for roles that may read them (``columns`` says which)."""

    def __init__(self, role: str, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        titles = {
            "name": self.tr("姓名"),
            "special": STAR,
            "gender": self.tr("性别"),
            "grade": self.tr("年级"),
            "class": self.tr("班级"),
            "card": self.tr("借书证"),
            "left_behind": self.tr("留守类型"),
            "guardian": self.tr("监护人"),
            "phone": self.tr("电话"),
        }
        shown = {
            "special": allowed(role, "child.profile", READ),
            "left_behind": allowed(role, "child.profile", READ),
            "guardian": allowed(role, "child.family", READ),
            "phone": allowed(role, "child.phones", READ),
        }
        self.columns = [key for key in titles if shown.get(key, True)]
        self.headers = [titles[key] for key in self.columns]

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == CHILD_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == dom.LEFT:
                return LEFT_COLOUR
            if key == "special":
                return STAR_COLOUR
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.status == dom.LEFT:
                return self.tr("已离开")
            if key == "special" and row.special_attention:
                return self.tr("重点关注")
            if key == "guardian" and row.guardian_relation:
                return f"{row.guardian_name}（{row.guardian_relation}）"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("special", "gender"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: ChildRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "special":
            return STAR if row.special_attention else ""
        if key == "gender":
            return row.gender_label
        if key == "grade":
            return row.grade_label
        if key == "class":
            return row.class_name
        if key == "card":
            return row.card_barcode or ""
        if key == "left_behind":
            return row.left_behind_label
        if key == "guardian":
            if row.guardian_name and row.guardian_relation:
                return f"{row.guardian_name}（{row.guardian_relation}）"
            return row.guardian_name
        if key == "phone":
            return row.guardian_phone
        return ""


def size_columns(table: QTableView, model: ChildTableModel) -> None:
    """The roster's column widths; the last column (the phone, or the card) takes the rest."""
    table.horizontalHeader().setStretchLastSection(True)
    for key, width in COLUMN_WIDTHS.items():
        if key in model.columns:
            table.setColumnWidth(model.column(key), width)
