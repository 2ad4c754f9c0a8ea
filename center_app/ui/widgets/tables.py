"""Read-only tables of a scanner-first page: rows are chosen with ↑↓ typed into the scanner input, never focused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

RED = QColor("#c0392b")


def read_only_table(table: QTableWidget, headers: list[str]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    # A click selects a row but leaves the focus in the scanner input (the next scan must land there).
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def table_item(text: str, *, data: object = None, red: bool = False) -> QTableWidgetItem:
    """A cell; ``data`` in its UserRole (a loan id), ``red`` bold red (overdue)."""
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if red:
        item.setForeground(RED)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item
