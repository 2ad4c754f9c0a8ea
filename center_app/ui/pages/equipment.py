"""器材: the equipment room, one tab per job.

- 器材清单 (``equipment_items.EquipmentItemsTab``): the items with search as you type, the form, import/export and
  asset labels;
- 借还 (``equipment_desk.EquipmentDeskTab``): the scanner-first lending desk — to a child, a volunteer or a class,
  by asset barcode or by quantity; returns with the counted quantity and what became of the rest;
- 库存 (``equipment_stock.EquipmentStockTab``): consumables in and out, the restock list;
- 盘点 (``equipment_stocktake.EquipmentStocktakeTab``): a stocktake that survives being interrupted;
- 损坏维修 (``equipment_incidents.EquipmentIncidentsTab``): the damage, loss and repair log.

Every rule is in ``services.equipment``; the tabs route keys and show what the service said. The desk and the
stocktake take every scanner burst while they are shown (``TabbedPage.scan_target``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.equipment_desk import EquipmentDeskTab
from center_app.ui.pages.equipment_incidents import EquipmentIncidentsTab
from center_app.ui.pages.equipment_items import EquipmentItemsTab
from center_app.ui.pages.equipment_stock import EquipmentStockTab
from center_app.ui.pages.equipment_stocktake import EquipmentStocktakeTab
from center_app.ui.pages.tabbed_page import TabbedPage


class EquipmentPage(TabbedPage):
    areas = (Area.EQUIPMENT, Area.CHILDREN, Area.VOLUNTEERS, Area.SETTINGS)  # borrowers; label sheets

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, name="equipmentPage", parent=parent)
        self.items = EquipmentItemsTab(ctx, self.ops)
        self.desk = EquipmentDeskTab(ctx, self.ops)
        self.stock = EquipmentStockTab(ctx, self.ops)
        self.stocktake = EquipmentStocktakeTab(ctx, self.ops)
        self.incidents = EquipmentIncidentsTab(ctx, self.ops)
        self.add_tabs(
            self.tr("器材"),
            (self.items, self.tr("器材清单")),
            (self.desk, self.tr("借还")),
            (self.stock, self.tr("库存")),
            (self.stocktake, self.tr("盘点")),
            (self.incidents, self.tr("损坏维修")),
        )
        # 报损/维修… on an item opens the log's form for it.
        self.items.set_report_handler(self._report_incident)

    def _report_incident(self, item_id: int, code: str) -> None:
        self.tabs.setCurrentWidget(self.incidents)
        self.incidents.start_report(item_id, code)
