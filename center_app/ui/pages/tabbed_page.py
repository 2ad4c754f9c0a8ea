"""A page made of tabs, each a panel with its own job (考勤, 器材, 志愿者与课表).

The page keeps its tabs fresh the way a page keeps itself fresh: a change in one of the page's areas marks every tab
stale, and a stale tab reloads when it is shown (not before: a page of five tabs pays for the one in front). A tab
with a scanner input gets every scanner burst while it is shown (``scan_target``, ui/scan_router.py).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_heading
from center_app.ui.widgets.scanner_input import ScannerInput


class Tab(Protocol):
    """What the page needs of a tab (each is a QWidget built with ``(ctx, ops)``)."""

    stale: bool

    @property
    def scan_input(self) -> ScannerInput | None: ...  # read-only here: a tab without one says ``None``

    def refresh(self) -> None: ...

    def focus_first(self) -> None: ...


class TabbedPage(Page):
    reloads_on_own_changes = False  # the tab that acted shows its own change; the others reload when shown

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        *,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName(name)
        self._prefix = name.removesuffix("Page")
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(16, 10, 16, 10)
        self._outer.setSpacing(6)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{self._prefix}Tabs")
        self._panels: list[Tab] = []

    def add_tabs(self, title: str, *tabs: tuple[QWidget, str]) -> None:
        """The page's title and its tabs (widget, title): once, at the end of the subclass's ``__init__``."""
        self._outer.addLayout(page_heading(title, self.tr("Ctrl+Tab 切换页签"), f"{self._prefix}KeysHint"))
        self._outer.addWidget(self.tabs, 1)
        for widget, tab_title in tabs:
            self.tabs.addTab(widget, tab_title)
            self._panels.append(widget)  # type: ignore[arg-type]  # every tab keeps the Tab protocol
        # Connected after the tabs are added: adding the first one would load it before the page is shown.
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

    @property
    def panels(self) -> tuple[Tab, ...]:
        return tuple(self._panels)

    def _current(self) -> Tab | None:
        current = self.tabs.currentWidget()
        return next((panel for panel in self._panels if panel is current), None)

    def refresh(self) -> None:
        for panel in self._panels:
            panel.stale = True
        self._tab_shown()
        super().refresh()

    def _tab_shown(self) -> None:
        current = self._current()
        if current is not None and current.stale:
            current.refresh()
        self._focus_current()

    def _focus_current(self) -> None:
        current = self._current()
        if current is not None and self.isVisible():
            current.focus_first()

    def show_tab(self, panel: QWidget) -> None:
        """Bring ``panel`` (one of the tabs) to the front — links from other pages use it."""
        self.tabs.setCurrentWidget(panel)

    def scan_target(self) -> QLineEdit | None:
        current = self._current()
        target = current.scan_input if current is not None else None
        return target if target is not None and target.isEnabled() else None

    def replay_scan(self, code: str) -> None:
        handle = getattr(self._current(), "handle_scan", None)  # only the tabs with a scanner input have it
        if handle is not None and self.scan_target() is not None:
            self.ensure_fresh()
            handle(code)

    def announce(self, area: Area) -> None:
        # The other tabs show the same records: reload them when next shown.
        current = self.tabs.currentWidget()
        for panel in self._panels:
            if panel is not current:
                panel.stale = True
        super().announce(area)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.isVisible():
            self.ensure_fresh()
            self._focus_current()
