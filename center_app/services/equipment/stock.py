"""Stock (``equipment.stock``): stock in and out of quantity items — art paper and chalk used up, balls that wear
out, a new box donated — and the restock list of what has fallen to its threshold."""

from __future__ import annotations

import datetime as dt

from center_app.context import AppContext
from center_app.db.models import EquipmentIncident as _Incident
from center_app.db.models import EquipmentItem
from center_app.domain import equipment as rules
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.states import IncidentKind, ItemStatus, Tracking
from center_app.services.equipment.common import (
    IncidentRow,
    ItemRow,
    get_item_for_change,
    incident_rows,
    item_row,
    item_rows,
    moment,
    record_incident,
)


def _move(
    ctx: AppContext, item_id: int, kind: str, quantity: int, reason: str, reported_by: str, on: dt.date | None
) -> tuple[ItemRow, IncidentRow]:
    require(ctx.actor, "equipment.stock", WRITE)
    quantity = rules.check_quantity(quantity)
    reason = rules.check_reason(reason)
    reported_by = rules.check_reason(reported_by, limit=100)
    local, instant = moment(None)
    day = on or local.date()
    if day > local.date():
        raise ValidationError("日期不能晚于今天。")
    with ctx.db.session() as s:
        item = get_item_for_change(s, item_id)
        if item.tracking == Tracking.INDIVIDUAL:
            raise ValidationError(
                f"“{item.name}”逐件编号登记，不能按数量入库或出库；新到的请“添加编号”，不要的请报废。"
            )
        if item.status == ItemStatus.RETIRED:
            raise ValidationError(f"“{item.name}”已报废，不能入库或出库。")
        incident = record_incident(
            s,
            ctx.actor,
            item,
            kind,
            quantity,
            occurred_on=day,
            note=reason,
            reported_by=reported_by,
            at=instant,
        )
        s.flush()
        return item_row(s, item.id), incident_rows(s, _Incident.id == incident.id)[0]


def stock_in(
    ctx: AppContext,
    item_id: int,
    quantity: int,
    reason: str = "",
    *,
    reported_by: str = "",
    on: dt.date | None = None,
) -> ItemRow:
    """Add ``quantity`` pieces to a quantity item (bought, donated), logged with the reason. Returns the item."""
    return _move(ctx, item_id, IncidentKind.STOCK_IN, quantity, reason or "入库", reported_by, on)[0]


def stock_out(
    ctx: AppContext,
    item_id: int,
    quantity: int,
    reason: str = "",
    *,
    reported_by: str = "",
    on: dt.date | None = None,
) -> ItemRow:
    """Take ``quantity`` pieces out for good (used up in a class, given away), logged with the reason. Refused
    for more than is on the shelf and usable. Returns the item (check ``needs_restock``)."""
    return _move(ctx, item_id, IncidentKind.STOCK_OUT, quantity, reason or "领用", reported_by, on)[0]


def restock_list(ctx: AppContext) -> list[ItemRow]:
    """Items in use whose threshold is set and whose pieces on the shelf have fallen to it, emptiest first."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        rows = item_rows(s, EquipmentItem.low_stock.is_not(None), EquipmentItem.status != ItemStatus.RETIRED)
    return sorted(
        (r for r in rows if r.needs_restock), key=lambda r: (r.available - (r.low_stock or 0), r.name)
    )
