"""The damage and maintenance log (报损、维修): report what happened to an item or one of its units — damaged,
lost, sent for repair, repaired, written off, found again — with who reported it; then record what was done and
close it. Each entry changes the item's counts as the package doc's table says, in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import EquipmentIncident, EquipmentUnit
from center_app.domain import equipment as rules
from center_app.domain.errors import NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.states import IncidentKind
from center_app.services import audit
from center_app.services.equipment.common import (
    IncidentRow,
    get_item_for_change,
    incident_rows,
    moment,
    record_incident,
)

# What the log may be told by hand (stock in/out have their own use cases, with ``equipment.stock``).
REPORTABLE = (
    IncidentKind.DAMAGED,
    IncidentKind.LOST,
    IncidentKind.REPAIR,
    IncidentKind.REPAIRED,
    IncidentKind.SCRAPPED,
    IncidentKind.FOUND,
)


@dataclass(frozen=True)
class IncidentInput:
    """One entry of the log. ``unit_barcode`` for a one-by-one item (which piece), else ``quantity`` pieces.
    ``reported_by``: who noticed (a name as said: 李老师, 王子涵); ``action``: what was done (送县城维修、已修好);
    ``resolved``: nothing more to do (default: by kind — damage and repairs under way stay open)."""

    item_id: int
    kind: str
    quantity: int = 1
    unit_barcode: str = ""
    occurred_on: dt.date | None = None
    note: str = ""
    reported_by: str = ""
    action: str = ""
    resolved: bool | None = None


def report_incident(ctx: AppContext, data: IncidentInput) -> IncidentRow:
    """Log damage, a loss, a repair or maintenance, a write-off or something found, and apply it to the counts."""
    require(ctx.actor, "equipment", WRITE)
    if data.kind not in REPORTABLE:
        allowed = "、".join(rules.incident_label(k) for k in REPORTABLE)
        raise ValidationError(f"登记类型只能是：{allowed}。")
    quantity = rules.check_quantity(data.quantity)
    note = rules.check_reason(data.note, limit=400)
    reported_by = rules.check_reason(data.reported_by, limit=100)
    action = rules.check_reason(data.action, limit=400)
    local, instant = moment(None)
    day = data.occurred_on or local.date()
    if day > local.date():
        raise ValidationError("日期不能晚于今天。")
    with ctx.db.session() as s:
        item = get_item_for_change(s, data.item_id)
        unit = None
        code = rules.clean_code(data.unit_barcode)
        if code:
            unit = s.scalars(select(EquipmentUnit).where(EquipmentUnit.barcode == code)).first()
            if unit is None or unit.item_id != item.id:
                raise NotFound(f"{item.name} 没有编号为“{code}”的一件。")
        incident = record_incident(
            s,
            ctx.actor,
            item,
            data.kind,
            quantity,
            unit=unit,
            occurred_on=day,
            note=note,
            reported_by=reported_by,
            action=action,
            resolved=data.resolved,
            at=instant,
        )
        s.flush()
        return incident_rows(s, EquipmentIncident.id == incident.id)[0]


def resolve_incident(ctx: AppContext, incident_id: int, action: str, *, resolved: bool = True) -> IncidentRow:
    """Record what was done about an entry (``action`` replaces the earlier text) and whether it is closed."""
    require(ctx.actor, "equipment", WRITE)
    action = rules.check_reason(action, limit=400)
    local, _ = moment(None)
    with ctx.db.session() as s:
        incident = s.get(EquipmentIncident, incident_id)
        if incident is None:
            raise NotFound("找不到这条记录，它可能已被撤销。")
        old = {"action": incident.action, "resolved": incident.resolved}
        incident.action = action
        incident.resolved = resolved
        incident.resolved_on = local.date() if resolved else None
        changes = audit.diff(old, {"action": action, "resolved": resolved})
        if changes:
            item = get_item_for_change(s, incident.item_id)
            audit.record(
                s,
                ctx.actor,
                "update",
                "equipment_incident",
                incident.id,
                f"{item.name} {rules.incident_label(incident.kind)}：{action}"
                + ("（已处理）" if resolved else ""),
                changes,
            )
        s.flush()
        return incident_rows(s, EquipmentIncident.id == incident.id)[0]


def list_incidents(
    ctx: AppContext, item_id: int | None = None, *, open_only: bool = False, limit: int = 500
) -> list[IncidentRow]:
    """The log, newest first: one item's, or everyone's; ``open_only``: what still needs doing."""
    require(ctx.actor, "equipment", READ)
    where = []
    if item_id is not None:
        where.append(EquipmentIncident.item_id == item_id)
    if open_only:
        where.append(EquipmentIncident.resolved.is_(False))
    with ctx.db.read() as s:
        return incident_rows(s, *where, limit=limit)
