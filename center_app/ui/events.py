"""One hub that says "this area's data changed" after a service commits, so every page showing it refreshes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    # area names: "centre", "settings", "books", "loans", "children", "attendance", "equipment", "volunteers",
    # "activities", "all"
    data_changed = Signal(str)
