"""Bigger type for the pages read from a step away (the desk, the door, the roll call)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


def bigger(widget: QWidget, extra: int, bold: bool = False) -> QFont:
    """``widget``'s font, ``extra`` points larger (and bold)."""
    font = QFont(widget.font())
    font.setPointSize(max(1, font.pointSize()) + extra)
    font.setBold(bold)
    return font
