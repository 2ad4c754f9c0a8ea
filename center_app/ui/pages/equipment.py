"""器材: the equipment room, one tab per job.

- 器材清单 (``equipment_items.EquipmentItemsTab``): the items with search as you type, the form, import/export and
  asset labels;
- 借还 (``equipment_desk.EquipmentDeskTab``): the scanner-first lending desk — to a child, a volunteer or a class,
  by asset barcode or by quantity; returns with the counted quantity and what became of the rest;
- 库存 (``equipment_stock.EquipmentStockTab``): consumables in and out, the restock list;
- 盘点 (``equipment_stocktake.EquipmentStocktakeTab``): a stocktake that survives being interrupted;
- 损坏维修 (``equipment_incidents.EquipmentIncidentsTab``): the damage, loss and repair log.

Every rule is in ``services.equipment``; the tabs route keys and show what the service said. A tab with a scanner
input (the desk, the stocktake) gets every scanner burst while it is shown (``scan_target``, ui/scan_router.py).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_heading
from center_app.ui.pages.equipment_desk import EquipmentDeskTab
from center_app.ui.pages.equipment_incidents import EquipmentIncidentsTab
from center_app.ui.pages.equipment_items import EquipmentItemsTab
from center_app.ui.pages.equipment_stock import EquipmentStockTab
from center_app.ui.pages.equipment_stocktake import EquipmentStocktakeTab
from center_app.ui.widgets.scanner_input import ScannerInput


class EquipmentTab(Protocol):
    """What the page needs of a tab (each is a QWidget)."""

    stale: bool

    @property
    def scan_input(self) -> ScannerInput | None: ...  # read-only here: a tab without one says ``None``

    def refresh(self) -> None: ...

    def focus_first(self) -> None: ...


class EquipmentPage(Page):
    areas = (Area.EQUIPMENT, Area.CHILDREN, Area.VOLUNTEERS, Area.SETTINGS)  # borrowers; label sheets
    reloads_on_own_changes = False  # the tab that acted shows its own change; the others reload when shown

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("equipmentPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(6)
        outer.addLayout(page_heading(self.tr("器材"), self.tr("Ctrl+Tab 切换页签"), "equipmentKeysHint"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("equipmentTabs")
        self.items = EquipmentItemsTab(ctx, self.ops)
        self.desk = EquipmentDeskTab(ctx, self.ops)
        self.stock = EquipmentStockTab(ctx, self.ops)
        self.stocktake = EquipmentStocktakeTab(ctx, self.ops)
        self.incidents = EquipmentIncidentsTab(ctx, self.ops)
        self.tabs.addTab(self.items, self.tr("器材清单"))
        self.tabs.addTab(self.desk, self.tr("借还"))
        self.tabs.addTab(self.stock, self.tr("库存"))
        self.tabs.addTab(self.stocktake, self.tr("盘点"))
        self.tabs.addTab(self.incidents, self.tr("损坏维修"))
        outer.addWidget(self.tabs, 1)
        # 报损/维修… on an item opens the log's form for it.
        self.items.set_report_handler(self._report_incident)
        # Connected after the tabs are added: adding the first one would load it before the page is shown.
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

    @property
    def panels(self) -> tuple[EquipmentTab, ...]:
        return (self.items, self.desk, self.stock, self.stocktake, self.incidents)

    def _current(self) -> EquipmentTab | None:
        current = self.tabs.currentWidget()
        return next((panel for panel in self.panels if panel is current), None)

    def refresh(self) -> None:
        for panel in self.panels:
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

    def _report_incident(self, item_id: int, code: str) -> None:
        self.tabs.setCurrentWidget(self.incidents)
        self.incidents.start_report(item_id, code)

    def show_tab(self, panel: QWidget) -> None:
        """Bring ``panel`` (one of the tabs) to the front — the overview's links use it."""
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
        # The other tabs show the same items and loans: reload them when next shown.
        current = self.tabs.currentWidget()
        for panel in self.panels:
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
