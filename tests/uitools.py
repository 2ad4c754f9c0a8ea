"""Helpers to drive widgets as users do: typing Chinese through an input method, scanning barcodes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def ime_type(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does (QTest.keyClicks aborts the process on non-ASCII text)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def scan(qtbot, widget: QWidget, code: str) -> None:  # noqa: ANN001
    """A USB barcode scanner is a keyboard that types fast and presses Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
