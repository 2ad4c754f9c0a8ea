"""The list-page skeleton on its own, as the next page (equipment, volunteers) would use it: the objectNames, search
as you type, ↓ into the table, a side panel and Esc back, and where an export's file goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from center_app.ui.events import DataEvents
from center_app.ui.main_window import PageSpec
from center_app.ui.models.rows import Index, RowsTableModel
from center_app.ui.pages.list_page import ListPage, action_button, spreadsheet_path

ITEMS = ["篮球", "跳绳", "象棋", "围棋"]


class NameModel(RowsTableModel[str]):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        return row if role == Qt.ItemDataRole.DisplayRole else None


class ThingsPage(ListPage):
    def __init__(self, ctx, events: DataEvents) -> None:
        super().__init__(ctx, events, prefix="things")
        self.title_label.setText("器材")
        self.add_button = action_button("thingsAdd", "登记", self.open_form, key="Ctrl+N")
        self.add_actions(self.add_button)
        self.kind = QComboBox()
        self.kind.setObjectName("thingsKind")
        self.kind.addItem("全部", None)
        self.kind.addItem("棋类", "棋")
        self.add_filter(self.kind)
        self.model = NameModel(["名称"], self)
        self.table.setModel(self.model)
        self.add_panel(QLabel("选中的器材"), home=True)
        self.form = QLineEdit()
        self.add_panel(self.form)
        self.add_shortcuts(("Ctrl+N", self.open_form))
        self.run_search()

    def run_search(self) -> None:
        text, kind = self.search.text(), self.kind.currentData()
        self.model.set_rows([t for t in ITEMS if text in t and (kind is None or kind in t)])
        self.count_label.setText(f"{len(self.model.rows)} 件")

    def open_form(self) -> None:
        self.show_panel(self.form)
        self.form.setFocus()


def test_the_skeleton_as_a_new_page_uses_it(qtbot, window) -> None:
    row = next(i for i, spec in enumerate(window.specs) if spec.object_name == "equipmentPage")
    window.specs[row] = PageSpec("equipmentPage", "器材", lambda: ThingsPage(window.ctx, window.events))
    window.pages.pop(row, None)
    page = window.show_page("equipmentPage")
    assert isinstance(page, ThingsPage)
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts and focus reach only the active window
    assert page.prefix == "things"  # (the window names the page itself after its slot: equipmentPage)
    for kind, name in (
        (QLineEdit, "thingsSearch"),
        (QTableView, "thingsTable"),
        (QLabel, "thingsCount"),
        (QLabel, "thingsMessage"),
        (QWidget, "thingsSplitter"),
        (QWidget, "thingsSide"),
        (QPushButton, "thingsAdd"),
    ):
        assert page.findChild(kind, name) is not None, name
    assert page.count_label.text() == "4 件"

    page.kind.setCurrentIndex(1)  # a filter searches again
    assert page.model.rows == ["象棋", "围棋"]
    page.kind.setCurrentIndex(0)
    page.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # ↓ goes into the table, on the first row
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0

    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.side.currentWidget() is page.form and page.form.hasFocus()
    qtbot.keyClick(page.form, Qt.Key.Key_Escape)  # Esc closes the panel …
    assert page.side.currentWidget() is page.home
    page.search.setText("棋")
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)  # … then clears the search, back in the box
    assert page.search.text() == "" and page.search.hasFocus() and len(page.model.rows) == 4


def test_an_export_file_is_a_spreadsheet() -> None:
    assert spreadsheet_path("") is None  # the dialog was cancelled
    assert spreadsheet_path("/tmp/名单.CSV") == Path("/tmp/名单.CSV")
    assert spreadsheet_path("/tmp/名单.xlsx") == Path("/tmp/名单.xlsx")
    assert spreadsheet_path("/tmp/名单 2026") == Path("/tmp/名单 2026.xlsx")
    assert spreadsheet_path("/tmp/名单.2026") == Path("/tmp/名单.2026.xlsx")
