"""A panel's heading: the panel's name, bold and a little larger than the text under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str, *, size: int = 3) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + size)
    font.setBold(True)
    label.setFont(font)
    return label
