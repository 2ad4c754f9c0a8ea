"""What a scanner page says: the big line under its input (green done, red refused, blue a note, yellow a question
that Enter answers) and the list of its last actions."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from center_app.ui.widgets.fonts import bigger

MessageKind = Literal["ok", "error", "info", "ask"]

_BANNER = "border-radius: 6px; padding: 8px 14px;"
MESSAGE_STYLES: dict[str, str] = {
    "ok": f"color: #14532d; background: #dcfce7; border: 1px solid #86efac; {_BANNER}",
    "error": f"color: #991b1b; background: #fee2e2; border: 1px solid #fca5a5; {_BANNER}",
    "info": f"color: #1e3a5f; background: #e8f0fa; border: 1px solid #b6cce8; {_BANNER}",
    "ask": f"color: #713f12; background: #fef9c3; border: 1px solid #facc15; {_BANNER}",
}


class ScanMessage(QLabel):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setFont(bigger(self, 4, bold=True))
        self.setMinimumHeight(46)
        #: what the line says now (tests and the page's sounds follow it)
        self.kind: MessageKind = "info"

    def say(self, text: str, kind: MessageKind) -> None:
        self.kind = kind
        self.setStyleSheet(MESSAGE_STYLES[kind])
        self.setText(text)


class ScanHistory(QListWidget):
    """The last actions of a scanner page, newest first, each in its colour (the line above says only the last)."""

    COLOURS: dict[str, str] = {"ok": "#15803d", "error": "#b91c1c", "info": "#334155", "ask": "#854d0e"}

    def __init__(self, object_name: str, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.max_rows = size  # not ``size``: that would hide QWidget.size()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def add(self, text: str, kind: MessageKind) -> None:
        item = QListWidgetItem(f"{QTime.currentTime().toString('HH:mm')}　{text}")
        item.setForeground(QColor(self.COLOURS[kind]))
        self.insertItem(0, item)
        while self.count() > self.max_rows:
            self.takeItem(self.count() - 1)
