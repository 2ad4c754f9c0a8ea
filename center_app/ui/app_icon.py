"""The app's icon (a child reading an open book; drawn by tools/make_icon.py into resources/icons/)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from center_app.config import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every size drawn for it, so the title bar, the taskbar and Alt+Tab each get a sharp one. Empty (Qt's
    default icon) if the files are missing."""
    icon = QIcon()
    for size in SIZES:
        path = resource_path("icons", f"center_app_{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
