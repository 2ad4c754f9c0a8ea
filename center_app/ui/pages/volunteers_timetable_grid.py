"""The week grid's view: each box draws its occurrences as small cards (red a clash, amber a warning, grey struck
through when cancelled), the picked one framed, the cut one dashed; the keys of placing with the keyboard go to the
tab as signals. Rows grow to hold their cards and share what is left of the height."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from center_app.services.volunteers import GridCell
from center_app.ui.models.volunteers_week_model import (
    OUTSIDE,
    CellsRole,
    Key,
    WeekGridModel,
    colours,
    occurrence_key,
)

PAD = 3  # around the cards in a box
GAP = 3  # between two cards
PICKED = "#1e3a8a"


def card_height(metrics: QFontMetrics) -> int:
    return 2 * metrics.height() + 6


def card_rects(box: QRect, count: int, metrics: QFontMetrics) -> list[QRect]:
    """Where the cards of a box are drawn (top to bottom), in the box's coordinates."""
    height = card_height(metrics)
    return [
        QRect(box.left() + PAD, box.top() + PAD + i * (height + GAP), box.width() - 2 * PAD, height)
        for i in range(count)
    ]


class CardsDelegate(QStyledItemDelegate):
    def __init__(self, model: WeekGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        rect = QRect(option.rect)
        state = option.state
        if not self.model.in_programme(index.column()):
            painter.fillRect(rect, OUTSIDE)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.fillRect(rect, option.palette.highlight().color().lighter(185))
        cells: list[GridCell] = index.data(CellsRole) or []
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(font)
        for cell, card in zip(cells, card_rects(rect, len(cells), metrics), strict=True):
            self._card(painter, cell, card, index.row(), font, bold, metrics)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(Qt.GlobalColor.black, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _card(
        self,
        painter: QPainter,
        cell: GridCell,
        card: QRect,
        row: int,
        font: QFont,
        bold: QFont,
        metrics: QFontMetrics,
    ) -> None:
        key = occurrence_key(cell)
        background, border = colours(cell)
        painter.setBrush(background)
        picked = key == self.model.picked
        pen = QPen(QColor(PICKED) if picked else border, 2 if picked or key == self.model.cut else 1)
        if key == self.model.cut:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 4, 4)
        text = card.adjusted(5, 3, -4, -2)
        title = cell.occurrence.title + self.model.status_text(cell)
        title_font = QFont(bold)
        title_font.setStrikeOut(cell.occurrence.cancelled)
        painter.setFont(title_font)
        painter.setPen(Qt.GlobalColor.darkGray if cell.occurrence.cancelled else Qt.GlobalColor.black)
        line = QRect(text.left(), text.top(), text.width(), metrics.height())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(title_font).elidedText(title, Qt.TextElideMode.ElideRight, text.width()),
        )
        painter.setFont(font)
        painter.setPen(QColor("#64748b") if cell.occurrence.cancelled else border.darker(170))
        line.translate(0, metrics.height())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(self.model.details(cell, row), Qt.TextElideMode.ElideRight, text.width()),
        )


class WeekGridView(QTableView):
    """The grid. Arrows move the cell cursor (Qt's own); the rest is the tab's: ``enter_pressed`` (new or edit),
    ``delete_pressed``, ``cycle_pressed`` (Space: the next card of the same box), ``week_step`` (PgUp/PgDn),
    ``card_pressed`` (a mouse press on a card picks it)."""

    enter_pressed = Signal()
    delete_pressed = Signal()
    cycle_pressed = Signal()
    week_step = Signal(int)
    card_pressed = Signal(object)  # the occurrence key under the mouse, or None

    def __init__(self, model: WeekGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = model
        self.setModel(model)
        self.setItemDelegate(CardsDelegate(model, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab leaves the grid for the form, as everywhere else
        self.setWordWrap(False)
        self.setStyleSheet("QTableView { gridline-color: #cbd5e1; }")
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(True)  # a drop lands on a box, never between
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        model.modelReset.connect(self.fit_rows)
        model.modelReset.connect(self.fit_columns)

    def card_at(self, pos: QPoint) -> Key | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        cells = self.grid_model.cells_at(index.row(), index.column())
        rects = card_rects(self.visualRect(index), len(cells), self.fontMetrics())
        return next((occurrence_key(c) for c, r in zip(cells, rects, strict=True) if r.contains(pos)), None)

    def fit_columns(self) -> None:
        """The days share the width; a weekend day without sessions is only as wide as its heading."""
        model = self.grid_model
        if not model.columnCount():
            return
        busy = [day < 5 or any(model.cells_at(r, day) for r in range(model.rowCount())) for day in range(7)]
        font = QFont(self.horizontalHeader().font())
        font.setBold(True)  # the current day's heading is bold
        metrics = QFontMetrics(font)
        quiet = 16 + max(
            metrics.horizontalAdvance(line)
            for day in range(7)
            for line in str(model.headerData(day, Qt.Orientation.Horizontal) or "").split("\n")
        )
        width = self.viewport().width()
        share = (width - busy.count(False) * quiet) // busy.count(True)
        if share < quiet:  # too narrow to favour the busy days
            busy, share = [True] * 7, width // 7
        sizes = [share if b else quiet for b in busy]
        sizes[max(day for day in range(7) if busy[day])] += width - sum(sizes)
        for day, size in enumerate(sizes):
            self.setColumnWidth(day, size)

    def fit_rows(self) -> None:
        """Each row as tall as its fullest box; what is left of the viewport shared among the rows."""
        rows = self.grid_model.rowCount()
        if not rows:
            return
        metrics = self.fontMetrics()
        card = card_height(metrics) + GAP
        empty = card + 2 * PAD
        needs = []
        for row in range(rows):
            most = max(len(self.grid_model.cells_at(row, c)) for c in range(7))
            needs.append(max(empty, most * card + 2 * PAD))
        room = self.viewport().height() - sum(needs)
        if room > 0:
            extra, rest = divmod(room, rows)
            needs = [n + extra + (1 if i < rest else 0) for i, n in enumerate(needs)]
        for row, need in enumerate(needs):
            self.setRowHeight(row, need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_rows()
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:  # a vertical scroll bar came or went: the days share the rest
            self.fit_columns()
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.card_pressed.emit(self.card_at(event.position().toPoint()))
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.enter_pressed.emit()
        elif key == Qt.Key.Key_Delete and plain:
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_Space and plain:
            self.cycle_pressed.emit()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and plain:
            self.week_step.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
