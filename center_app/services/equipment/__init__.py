"""The equipment room (文体器材): items, the lending desk, consumables, the damage and maintenance log, stocktakes,
asset labels, and a donor's list in and the list out.

The package's modules follow those use cases — ``items`` (register, change, delete, add units, an item's record,
a scanned code), ``search`` (the list with search as you type), ``lending`` (lend, return, undo, what is out, the
closing-time list), ``stock`` (stock in/out, the restock list), ``incidents`` (the log), ``stocktake`` (盘点),
``labels`` (asset labels), ``transfer`` and ``columns`` (import and export), ``usage`` (how it was used and what
a donor gave: the reports' figures); ``common`` holds what they share, including the building blocks that work
inside a caller's session (the demo centre uses them). This ``__init__`` re-exports the public API, so a page
calls ``equipment.lend(...)``.

Each public function is one use case and one transaction, starts with a permission check and writes its audit
records in the same transaction: ``equipment`` read to look, write to register and log; ``equipment.lend`` for the
desk and for counting at a stocktake; ``equipment.stock`` for stock in/out; ``equipment.stocktake`` to open, apply
or cancel a stocktake; ``equipment.delete`` to delete an item (docs/permissions.md).

Rules kept here (the pure ones in ``domain/equipment.py``):

- **Two ways of keeping an item.** By quantity (20 跳绳: one record, one asset barcode for the box) or one by one
  (电子琴, 投影仪: a unit per piece, each with its own asset barcode ``E000123``). Of a quantity item's
  ``quantity_total``, ``quantity_damaged`` and ``quantity_repair`` are in the room but unusable and the open loans
  say how many are out; *available* is the rest — 0 whenever the item as a whole is 损坏/维修中/报废.
- **Lending** never lends more than is available, nor anything out of use; a one-by-one item is lent by scanning
  each piece. The due time defaults to the end of the day. A return counts what came back; pieces that came back
  damaged are logged; what is still out either stays out (a partial return) or is closed as lost, broken or used
  up — each an incident naming who had it. The last lend or return can be undone while nothing has happened since.
- **What each log entry does to the counts** (quantity item / unit):

  ======== ========================================== ======================================
  kind     quantity item                              unit
  ======== ========================================== ======================================
  损坏     good pieces in the room → damaged          available → damaged
  送修     damaged (then good) pieces → repair         available/damaged → repair
  修好     repair, then damaged pieces → good          damaged/repair → available
  遗失     pieces leave the collection                → lost
  报废     damaged, repair, then good pieces leave     → retired
  找回     pieces come back into the collection        lost → available
  入库/出库 pieces added / taken out (stock)           — (refused)
  ======== ========================================== ======================================

  Pieces lost, broken or used up while *out on a loan* leave the collection from there.
- **Stocktakes** freeze the expected list when they open; every scan or count is its own small transaction, so a
  crash loses at most the scan in flight and an open stocktake is resumed; results are applied (missing → lost,
  quantities fixed, found ones back) only by an explicit, audited confirmation.

Times given and returned are the PC's local time; the database holds UTC.
"""

from center_app.domain.equipment import Borrower, ItemInput
from center_app.services.equipment.columns import SCHEMA
from center_app.services.equipment.common import IncidentRow, ItemRow, LoanRow, UnitRow
from center_app.services.equipment.incidents import (
    IncidentInput,
    list_incidents,
    report_incident,
    resolve_incident,
)
from center_app.services.equipment.items import (
    ItemDetail,
    ItemSaved,
    ScanHit,
    add_units,
    create_item,
    delete_item,
    find_unit,
    get_item,
    locations,
    lookup,
    update_item,
)
from center_app.services.equipment.labels import (
    AssetLabelsPrinted,
    LabelSheet,
    label_sheet,
    print_asset_labels,
)
from center_app.services.equipment.lending import (
    RESTS,
    DeskResult,
    lend,
    loan_history,
    open_loans,
    return_loan,
    undo,
    unreturned_at_closing,
)
from center_app.services.equipment.search import EquipmentIndex, list_items
from center_app.services.equipment.stock import restock_list, stock_in, stock_out
from center_app.services.equipment.stocktake import (
    ApplyResult,
    ResultLine,
    ScanResult,
    StocktakeInfo,
    StocktakeResult,
    apply_stocktake,
    cancel_stocktake,
    current_stocktake,
    export_stocktake,
    list_stocktakes,
    open_stocktake,
    record_count,
    record_scan,
    stocktake_result,
)
from center_app.services.equipment.transfer import (
    EXPORT_HEADERS,
    AlreadyImported,
    EquipmentImportPreview,
    EquipmentImportResult,
    already_imported,
    export_equipment,
    preview_import,
    run_import,
)
from center_app.services.equipment.usage import (
    ActivityUse,
    DonatedItem,
    EquipmentUsage,
    ItemUse,
    donated_items,
    equipment_usage,
)

__all__ = [
    "EXPORT_HEADERS",
    "RESTS",
    "SCHEMA",
    "AlreadyImported",
    "ApplyResult",
    "AssetLabelsPrinted",
    "EquipmentImportPreview",
    "EquipmentImportResult",
    "LabelSheet",
    "ResultLine",
    "ScanResult",
    "StocktakeInfo",
    "StocktakeResult",
    "already_imported",
    "apply_stocktake",
    "cancel_stocktake",
    "current_stocktake",
    "export_equipment",
    "export_stocktake",
    "label_sheet",
    "list_stocktakes",
    "open_stocktake",
    "preview_import",
    "print_asset_labels",
    "record_count",
    "record_scan",
    "run_import",
    "stocktake_result",
    "Borrower",
    "DeskResult",
    "EquipmentIndex",
    "IncidentInput",
    "IncidentRow",
    "ItemDetail",
    "ItemInput",
    "ItemRow",
    "ItemSaved",
    "LoanRow",
    "ScanHit",
    "UnitRow",
    "add_units",
    "create_item",
    "delete_item",
    "find_unit",
    "get_item",
    "lend",
    "list_incidents",
    "list_items",
    "loan_history",
    "locations",
    "lookup",
    "open_loans",
    "report_incident",
    "resolve_incident",
    "restock_list",
    "return_loan",
    "stock_in",
    "stock_out",
    "undo",
    "unreturned_at_closing",
    "update_item",
    "ActivityUse",
    "DonatedItem",
    "EquipmentUsage",
    "ItemUse",
    "donated_items",
    "equipment_usage",
]
