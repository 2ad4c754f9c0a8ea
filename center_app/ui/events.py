"""One hub that says "this area's data changed" after a service commits, so every page showing it refreshes.

The areas are declared once, in :class:`Area`; a page lists the ones it shows (``Page.areas``) and a use case run
through ``ui.operations`` names the ones it changed. ``Area`` is a ``StrEnum``: the signal carries plain strings,
and an ``Area`` compares equal to its string.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Area(StrEnum):
    CENTRE = "centre"  # the centre's name and address (the window title, printed headings)
    SETTINGS = "settings"  # loan rules, closed days, the desk's sound, the idle lock, the language
    BOOKS = "books"
    LOANS = "loans"
    CHILDREN = "children"
    ATTENDANCE = "attendance"
    EQUIPMENT = "equipment"
    VOLUNTEERS = "volunteers"
    ACTIVITIES = "activities"
    ACCOUNTS = "accounts"
    BACKUPS = "backups"
    ALL = "all"  # everything (a restore, the demo data cleared): every page reloads


class DataEvents(QObject):
    data_changed = Signal(str)  # an Area's value
    #: long work that must not be interrupted started (a reason to show) or ended (""): MainWindow.set_busy
    busy = Signal(str)

    def announce(self, *areas: Area) -> None:
        for area in areas:
            self.data_changed.emit(str(area))
