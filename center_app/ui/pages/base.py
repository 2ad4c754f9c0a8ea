"""What every page has: a title for the navigation and a ``refresh()`` that reloads from the services."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.operations import Operations


class Page(QWidget):
    #: areas whose changes make this page refresh (see DataEvents)
    areas: tuple[Area, ...] = ()
    #: False for a page that already shows its own change (the desk): announcing it does not reload the page
    reloads_on_own_changes = True

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.events = events
        self._stale = True
        self._announcing = False
        #: the page's one path to its use cases (``self.ops.run(...)``, see ui/operations.py)
        self.ops = Operations(ctx, self.announce)
        events.data_changed.connect(self._on_data_changed)

    def announce(self, area: Area) -> None:
        """Tell every page that ``area`` changed (after a commit)."""
        self._announcing = not self.reloads_on_own_changes
        try:
            self.events.data_changed.emit(str(area))
        finally:
            self._announcing = False

    def _on_data_changed(self, area: str) -> None:
        if self._announcing:  # the page's own change, already shown
            return
        if area == Area.ALL or area in self.areas:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows. Pages override this and call super().refresh() at the end."""
        self._stale = False

    # --- scans (the desk, check-in; see ui/scan_router.py) ------------------------------------------------------

    def scan_target(self) -> QLineEdit | None:
        """The scanner input a scanner's burst must reach while this page is shown, wherever the focus is; None
        for a page that takes no scans."""
        return None

    def replay_scan(self, code: str) -> None:
        """Act on ``code`` as if it had just been scanned into :meth:`scan_target` (a scan kept by the lock
        screen, replayed after sign-in). Pages without a scanner input ignore it."""


def page_title(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name or "pageTitle")
    font = label.font()
    font.setPointSize(font.pointSize() + 5)
    font.setBold(True)
    label.setFont(font)
    return label


def page_heading(title: str, keys_hint: str, hint_name: str) -> QHBoxLayout:
    """A page's title on the left and the keys that work on it, greyed, on the right."""
    heading = QHBoxLayout()
    heading.addWidget(page_title(title))
    heading.addStretch(1)
    hint = QLabel(keys_hint)
    hint.setObjectName(hint_name)
    hint.setStyleSheet("color: #555;")
    heading.addWidget(hint)
    return heading


def vbox(widget: QWidget, margins: int = 16, spacing: int = 12) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout
