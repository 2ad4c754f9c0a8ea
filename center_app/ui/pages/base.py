"""What every page has: a title for the navigation and a ``refresh()`` that reloads from the services."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.ui.events import DataEvents


class Page(QWidget):
    #: areas whose changes make this page refresh (see DataEvents)
    areas: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.events = events
        self._stale = True
        events.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, area: str) -> None:
        if area == "all" or area in self.areas:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows. Pages override this and call super().refresh() at the end."""
        self._stale = False


def page_title(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name or "pageTitle")
    font = label.font()
    font.setPointSize(font.pointSize() + 5)
    font.setBold(True)
    label.setFont(font)
    return label


def vbox(widget: QWidget, margins: int = 16, spacing: int = 12) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout
