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


def scan(qtbot, widget: QWidget, code: str) -> None:
    """A USB barcode scanner is a keyboard that types fast and presses Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def clipped_controls(window: QWidget) -> list[str]:
    """The visible buttons, inputs and tables of ``window`` that a user could not see whole at its size: what a
    screenshot test asserts is empty (a picture alone proves nothing)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    inside = QRect(QPoint(0, 0), window.size())
    clipped = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)):
            continue
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if _inside_scroll_area(widget):
            continue  # reachable by scrolling
        top_left = widget.mapTo(window, QPoint(0, 0))
        if not inside.contains(QRect(top_left, widget.size())):
            clipped.append(widget.objectName() or type(widget).__name__)
    return clipped


def _inside_scroll_area(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(widget, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False
