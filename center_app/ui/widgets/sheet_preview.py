"""A small picture of one A4 label sheet: the labels used already grey, the ones about to be printed blue; a click
on a square says "start there" (``start_chosen``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from center_app.domain.label_grid import A4_HEIGHT_MM, A4_WIDTH_MM, LabelGrid


class SheetPreview(QWidget):
    """A small picture of one label sheet: used positions grey, the ones to print blue. Click to choose the
    start."""

    start_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printSheet")
        self.grid: LabelGrid | None = None
        self.start = 1
        self.count = 0
        self.setFixedSize(QSize(106, 149))  # A4's proportions
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("点击一格，从那一格开始打印"))

    def show_sheet(self, grid: LabelGrid, start: int, count: int) -> None:
        self.grid, self.start, self.count = grid, start, count
        self.update()

    def _scale(self) -> float:
        return min((self.width() - 2) / A4_WIDTH_MM, (self.height() - 2) / A4_HEIGHT_MM)

    def _slot_rect(self, grid: LabelGrid, slot: int) -> QRectF:
        k = self._scale()
        x, y = grid.slot_origin(slot)
        return QRectF(1 + x * k, 1 + y * k, grid.label_width_mm * k, grid.label_height_mm * k)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        k = self._scale()
        painter.fillRect(QRectF(1, 1, A4_WIDTH_MM * k, A4_HEIGHT_MM * k), QColor("white"))
        painter.setPen(QPen(QColor("#888888")))
        painter.drawRect(QRectF(1, 1, A4_WIDTH_MM * k, A4_HEIGHT_MM * k))
        if self.grid is None:
            return
        last = self.start + self.count - 1
        for slot in range(1, self.grid.per_page + 1):
            if slot < self.start:
                colour = QColor("#bbbbbb")  # peeled off already
            elif slot <= last:
                colour = QColor("#3b82f6")
            else:
                colour = QColor("#f1f5f9")
            rect = self._slot_rect(self.grid, slot).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#64748b"), 0.5))
            painter.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.grid is None:
            return
        point = event.position()
        for slot in range(1, self.grid.per_page + 1):
            if self._slot_rect(self.grid, slot).contains(point):
                self.start_chosen.emit(slot)
                return
