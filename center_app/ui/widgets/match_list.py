"""Several children matched a name typed into a scanner input: a short list under it, chosen with ↑↓ and Enter
while the keys stay in the input (or with a click). The desk floats it over the page; the door puts it in line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QTableWidget, QWidget

from center_app.ui.widgets.fonts import bigger

_BORDER = "border: 2px solid #2563eb;"


class ChildLike(Protocol):
    # read-only properties so frozen dataclass rows (ChildRow, BorrowerRow) match
    @property
    def name(self) -> str: ...
    @property
    def class_name(self) -> str: ...
    @property
    def card_barcode(self) -> str | None: ...


def move_selection(view: QListWidget | QTableWidget, step: int) -> None:
    """↑/↓ typed into a scanner input choose in a list or a table (which never takes the focus)."""
    count = view.count() if isinstance(view, QListWidget) else view.rowCount()
    if count == 0:
        return
    current = view.currentRow()
    row = 0 if current < 0 else min(max(current + step, 0), count - 1)
    if isinstance(view, QListWidget):
        view.setCurrentRow(row)
        item = view.item(row)
        assert item is not None  # 0 <= row < count
        view.scrollToItem(item)
    else:
        view.selectRow(row)
        cell = view.item(row, 0)
        if cell is not None:
            view.scrollToItem(cell)


class MatchList(QListWidget):
    """``offer(text, rows)`` shows the list (and the text, selected, in the input: the next scan replaces it);
    ``pick()`` or a click emits ``picked(row)`` and hides it. ``floating``: over the page, under the input, so
    nothing else moves (the parent must be the page)."""

    picked = Signal(object)

    def __init__(
        self,
        object_name: str,
        scanner_input: QLineEdit,
        *,
        rows_shown: int,
        font_extra: int,
        floating: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.scanner_input = scanner_input
        self.rows_shown = rows_shown
        self.floating = floating
        self.rows: list[ChildLike] = []
        self.search = ""  # what was typed to get this list
        self.setFont(bigger(self, font_extra))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ↑↓ and Enter stay in the scanner input
        background = " background: white;" if floating else ""
        self.setStyleSheet(f"QListWidget {{ {_BORDER}{background} }}")
        self.itemClicked.connect(lambda _item: self.pick())
        if floating:
            scanner_input.installEventFilter(self)
        self.hide()

    def offer(self, text: str, rows: Sequence[ChildLike]) -> None:
        self.rows = list(rows)
        self.search = text
        self.clear()
        for row in self.rows:
            card = f"　{row.card_barcode}" if row.card_barcode else ""
            self.addItem(QListWidgetItem(f"{row.class_name or '—'}　{row.name}{card}"))
        self.setCurrentRow(0)
        if self.floating:
            self.place()
        else:
            shown = min(len(self.rows), self.rows_shown)
            self.setFixedHeight(shown * max(self.sizeHintForRow(0), 24) + 8)
        self.show()
        self.raise_()
        self.scanner_input.setText(text)
        self.scanner_input.selectAll()  # the next scan replaces the search instead of being appended to it

    def is_for(self, text: str) -> bool:
        """Enter on the text that brought the list up chooses from it."""
        return self.isVisible() and text == self.search

    def enter(self, text: str) -> bool:
        """Enter in the scanner input with ``text``: on the search that brought the list up it picks the row chosen
        (True); anything else withdraws the list (False: the page handles ``text``)."""
        if self.is_for(text):
            self.pick()
            return True
        self.withdraw()
        return False

    def withdraw(self) -> None:
        self.hide()
        self.rows = []
        self.search = ""

    def pick(self) -> None:
        row = self.currentRow()
        chosen = self.rows[row] if 0 <= row < len(self.rows) else None
        self.withdraw()
        if chosen is not None:
            self.picked.emit(chosen)

    def place(self) -> None:
        """Under the scanner input, as wide as it, as tall as its rows (up to ``rows_shown``)."""
        page = self.parentWidget()
        if page is None:
            return
        edit = self.scanner_input
        top_left = edit.mapTo(page, QPoint(0, edit.height() + 2))
        rows = min(max(self.count(), 1), self.rows_shown)
        row_height = self.sizeHintForRow(0) if self.count() else 30
        frame = 2 * self.frameWidth() + 4
        self.setGeometry(top_left.x(), top_left.y(), edit.width(), rows * row_height + frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
        if watched is self.scanner_input and moved and self.isVisible():
            self.place()
        return super().eventFilter(watched, event)
