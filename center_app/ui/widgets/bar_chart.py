"""A small bar chart people can read at a glance (overview page). Drawn with QPainter: QtCharts is not in
PySide6-Essentials, and a dozen bars do not need it."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2e86c1")
HIGHLIGHT_COLOUR = QColor("#e67e22")
AXIS_COLOUR = QColor("#7f8c8d")


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.values: list[float] = []
        self.highlight: int | None = None
        self.empty_text = ""
        self.setMinimumSize(260, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(
        self, labels: Sequence[str], values: Sequence[float], *, highlight: int | None = None
    ) -> None:
        self.labels = list(labels)
        self.values = [float(v) for v in values]
        self.highlight = highlight
        self.setToolTip(
            "\n".join(f"{label}: {value:g}" for label, value in zip(self.labels, self.values, strict=True))
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 160)  # with the overview's warnings below it, on a 1366×768 screen

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        title_height = painter.fontMetrics().height() + 4
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        label_height = metrics.height() + 2
        plot = QRectF(
            rect.left(),
            rect.top() + title_height + label_height,
            rect.width(),
            rect.height() - title_height - 2 * label_height,
        )
        if not self.values or max(self.values) <= 0:
            painter.setPen(AXIS_COLOUR)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        top = max(self.values)
        n = len(self.values)
        slot = plot.width() / n
        bar_width = max(2.0, slot * 0.7)
        # Show every k-th label, counted back from the newest bar, so they never overlap or clip.
        widest = max(metrics.horizontalAdvance(label) for label in self.labels) + 8
        step = max(1, math.ceil(widest / max(slot, 1.0)))
        for i, value in enumerate(self.values):
            height = plot.height() * value / top
            x = plot.left() + i * slot + (slot - bar_width) / 2
            bar = QRectF(x, plot.bottom() - height, bar_width, height)
            painter.fillRect(bar, HIGHLIGHT_COLOUR if i == self.highlight else BAR_COLOUR)
            if value and (n <= 14 or i == self.highlight or value == top):
                painter.setPen(Qt.GlobalColor.black)
                painter.drawText(
                    QRectF(x - slot, bar.top() - label_height, bar_width + 2 * slot, label_height),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    f"{value:g}",
                )
            if (n - 1 - i) % step == 0:
                painter.setPen(AXIS_COLOUR)
                centre = plot.left() + (i + 0.5) * slot
                painter.drawText(
                    QRectF(centre - widest / 2, plot.bottom() + 1, widest, label_height),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    self.labels[i],
                )
        painter.setPen(AXIS_COLOUR)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
