"""Items: register, change, delete; add pieces to a one-by-one item; an item's whole record; a scanned code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    DonationBatch,
    Donor,
    EquipmentIncident,
    EquipmentItem,
    EquipmentLoan,
    EquipmentUnit,
    utcnow,
)
from center_app.domain import equipment as rules
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.pinyin import pinyin_keys, sort_key
from center_app.domain.states import Condition, ItemStatus, Tracking, UnitStatus
from center_app.services import audit
from center_app.services.equipment.common import (
    AssetBarcodes,
    IncidentRow,
    ItemRow,
    LoanRow,
    UnitRow,
    add_item,
    batch_for,
    check_codes_free,
    find_by_code,
    get_item_for_change,
    held_units,
    incident_rows,
    item_row,
    loan_rows,
    outstanding,
    unit_row,
)


@dataclass(frozen=True)
class ItemSaved:
    """The item as saved, and the asset barcodes given out (print their labels next)."""

    item: ItemRow
    new_barcodes: tuple[str, ...]


@dataclass(frozen=True)
class ItemDetail:
    """Everything about one item: its counts, its units, open loans, and its log (newest first)."""

    item: ItemRow
    units: tuple[UnitRow, ...]
    open_loans: tuple[LoanRow, ...]
    incidents: tuple[IncidentRow, ...]


@dataclass(frozen=True)
class ScanHit:
    """What a scanned code names: a ``unit`` (an asset barcode) or an ``item`` (its box's label)."""

    kind: Literal["unit", "item"]
    code: str
    item: ItemRow
    unit: UnitRow | None
    open_loan: LoanRow | None  # the unit's open loan, if it is out

    @property
    def message(self) -> str:
        if self.unit is None:
            return f"{self.item.name}：可借 {self.item.available}{self.item.unit}，借出 {self.item.out}{self.item.unit}"
        if self.open_loan is not None:
            return f"{self.item.name}（{self.code}）借给了 {self.open_loan.borrower}"
        return f"{self.item.name}（{self.code}）{self.unit.status_label}"


def _batch(ctx: AppContext, s: Session, values: rules.ItemValues, today: dt.date) -> int | None:
    if values.batch_id is not None or not values.donor:
        return values.batch_id
    received = values.acquired_on or today
    return batch_for(s, ctx.actor, values.donor, received, f"器材 {values.name}")


def create_item(ctx: AppContext, data: rules.ItemInput) -> ItemSaved:
    """Register an item. A quantity item gets one asset barcode (for its box or shelf); a one-by-one item gets a
    unit per piece, each with the next asset barcode unless ``data.barcodes`` gives them. A donor named in
    ``data.donor`` gets a donation batch (received on ``acquired_on``, or today). Audited."""
    require(ctx.actor, "equipment", WRITE)
    today = dt.date.today()
    values = rules.validate_item(data, today=today)
    with ctx.db.session() as s:
        batch_id = _batch(ctx, s, values, today)
        item, codes = add_item(s, ctx.actor, values, batch_id=batch_id)
        s.flush()
        return ItemSaved(item_row(s, item.id), tuple(codes))


def update_item(ctx: AppContext, item_id: int, data: rules.ItemInput) -> ItemRow:
    """Change an item's details. The way it is kept (by quantity / one by one) cannot change. A quantity item's
    total may be corrected, but not below what is out, damaged or away for repair. The condition 报废 takes the
    whole item out of use (and out of the overview's count); it needs the item back from every loan first.
    ``data.barcodes`` and ``data.quantity`` of a one-by-one item are ignored (pieces come and go through
    :func:`add_units` and the incident log). Audited with every changed field."""
    require(ctx.actor, "equipment", WRITE)
    today = dt.date.today()
    with ctx.db.session() as s:
        item = get_item_for_change(s, item_id)
        individual = item.tracking == Tracking.INDIVIDUAL
        if data.tracking != item.tracking:
            raise ValidationError(
                f"“{item.name}”的登记方式（{rules.TRACKING_LABELS.get(item.tracking, item.tracking)}）不能修改。"
                "如登记错了，请删除后重新登记。"
            )
        if individual:
            data = dataclasses.replace(data, quantity=0, barcodes=())
        values = rules.validate_item(data, today=today)
        out = outstanding(s, item.id)
        if not individual and values.quantity < out + item.quantity_damaged + item.quantity_repair:
            raise ValidationError(
                f"{item.name} 现在借出 {out}{item.unit}、损坏 {item.quantity_damaged}{item.unit}、维修中 "
                f"{item.quantity_repair}{item.unit}，总数不能少于 {out + item.quantity_damaged + item.quantity_repair}。"
            )
        if values.condition == Condition.SCRAPPED and out:
            raise DomainError(f"{item.name} 还有 {out}{item.unit} 借出未还，请先归还再报废。")
        code = values.barcodes[0] if values.barcodes and not individual else item.barcode
        if code != item.barcode and code is not None:
            check_codes_free(s, [code])
        batch_id = item.batch_id
        if values.batch_id is not None:
            batch_id = values.batch_id
        elif values.donor and values.donor != _donor_name(s, item):
            batch_id = batch_for(
                s, ctx.actor, values.donor, values.acquired_on or today, f"器材 {values.name}"
            )
        old = _fields(item)
        full, initials = pinyin_keys(values.name)
        item.name, item.name_pinyin, item.name_initials = values.name, full, initials
        item.category = values.category
        item.consumable = values.consumable
        item.barcode = code
        if not individual:
            item.quantity_total = values.quantity
        item.unit, item.location = values.unit, values.location
        item.batch_id, item.acquired_on, item.value_fen = batch_id, values.acquired_on, values.value_fen
        item.low_stock = values.low_stock
        item.condition = values.condition
        item.status = ItemStatus.RETIRED if values.condition == Condition.SCRAPPED else ItemStatus.IN_USE
        item.photo_path, item.notes = values.photo_path, values.notes
        changes = audit.diff(old, _fields(item))
        if changes:
            item.updated_at = utcnow()
            audit.record(s, ctx.actor, "update", "equipment_item", item.id, f"器材 {item.name}", changes)
        s.flush()
        return item_row(s, item.id)


def _donor_name(s: Session, item: EquipmentItem) -> str:
    if item.batch_id is None:
        return ""
    name = s.scalar(
        select(Donor.name)
        .join(DonationBatch, DonationBatch.donor_id == Donor.id)
        .where(DonationBatch.id == item.batch_id)
    )
    return name or ""


def _fields(item: EquipmentItem) -> dict[str, object]:
    return {
        "name": item.name,
        "category": item.category,
        "consumable": item.consumable,
        "barcode": item.barcode,
        "quantity_total": item.quantity_total,
        "unit": item.unit,
        "location": item.location,
        "batch_id": item.batch_id,
        "acquired_on": item.acquired_on.isoformat() if item.acquired_on else None,
        "value_fen": item.value_fen,
        "low_stock": item.low_stock,
        "condition": item.condition,
        "photo_path": item.photo_path,
        "notes": item.notes,
    }


def add_units(ctx: AppContext, item_id: int, count: int = 1, barcodes: tuple[str, ...] = ()) -> ItemSaved:
    """More pieces of a one-by-one item (a second keyboard donated): each a unit with the next asset barcode, or
    the ``barcodes`` given. Audited."""
    require(ctx.actor, "equipment", WRITE)
    codes = [rules.validate_barcode(code) for code in barcodes]
    n = len(codes) or count
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= rules.MAX_UNITS_AT_ONCE:
        raise ValidationError(f"一次可以添加 1 到 {rules.MAX_UNITS_AT_ONCE} 件。")
    if len(set(codes)) != len(codes):
        raise ValidationError("器材编号有重复。")
    with ctx.db.session() as s:
        item = get_item_for_change(s, item_id)
        if item.tracking != Tracking.INDIVIDUAL:
            raise ValidationError(f"“{item.name}”按数量登记：新到的请用“入库”加数量。")
        check_codes_free(s, codes)
        allocator = AssetBarcodes(s)
        allocator.note_used(codes)
        codes += allocator.take(n - len(codes))
        for code in codes:
            s.add(EquipmentUnit(item_id=item.id, barcode=code, status=UnitStatus.AVAILABLE, notes=""))
        s.flush()
        item.quantity_total = held_units(s, item.id)
        item.updated_at = utcnow()
        audit.record(
            s,
            ctx.actor,
            "create",
            "equipment_unit",
            item.id,
            f"器材 {item.name} 添加 {n}{item.unit}：{codes[0]}" + (f" … {codes[-1]}" if n > 1 else ""),
            {"barcodes": [None, ",".join(codes)[:300]]},
        )
        return ItemSaved(item_row(s, item.id), tuple(codes))


def delete_item(ctx: AppContext, item_id: int) -> None:
    """Remove an item entered by mistake (``equipment.delete``: the administrator). Refused while any of it is
    lent; one that was ever lent keeps its history — mark it 报废 instead."""
    require(ctx.actor, "equipment.delete", WRITE)
    with ctx.db.session() as s:
        item = get_item_for_change(s, item_id)
        out = outstanding(s, item.id)
        if out:
            raise DomainError(f"{item.name} 还有 {out}{item.unit} 借出未还，不能删除。请先归还。")
        if s.scalar(select(func.count()).select_from(EquipmentLoan).where(EquipmentLoan.item_id == item.id)):
            raise DomainError(
                f"{item.name} 借出过，不能删除（借用记录要保留）。不再使用的器材请把状况改为“报废”。"
            )
        if s.scalar(
            select(func.count()).select_from(EquipmentIncident).where(EquipmentIncident.item_id == item.id)
        ):
            raise DomainError(
                f"{item.name} 有损坏、维修或出入库记录，不能删除（记录要保留）。不再使用的器材请把状况改为“报废”。"
            )
        units = s.scalar(
            select(func.count()).select_from(EquipmentUnit).where(EquipmentUnit.item_id == item.id)
        )
        audit.record(
            s,
            ctx.actor,
            "delete",
            "equipment_item",
            item.id,
            f"删除器材 {item.name}（{rules.category_label(item.category)}，{item.quantity_total}{item.unit}）",
            {
                "name": [item.name, None],
                "quantity_total": [item.quantity_total, None],
                "units": [units, None],
            },
        )
        s.delete(item)


def get_item(ctx: AppContext, item_id: int) -> ItemDetail:
    """An item's whole record: counts, units, open loans and its incident log."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        row = item_row(s, item_id)
        item = s.get(EquipmentItem, item_id)
        assert item is not None
        units = s.scalars(
            select(EquipmentUnit).where(EquipmentUnit.item_id == item_id).order_by(EquipmentUnit.barcode)
        )
        return ItemDetail(
            item=row,
            units=tuple(unit_row(s, u, item) for u in units),
            open_loans=tuple(
                loan_rows(s, EquipmentLoan.item_id == item_id, EquipmentLoan.returned_at.is_(None))
            ),
            incidents=tuple(incident_rows(s, EquipmentIncident.item_id == item_id)),
        )


def lookup(ctx: AppContext, code: str) -> ScanHit | None:
    """What a scanned asset barcode names: its unit (with the item, and the open loan if it is out), or the item
    whose box label it is; None if no equipment carries it."""
    require(ctx.actor, "equipment", READ)
    clean = rules.clean_code(code)
    with ctx.db.read() as s:
        found = find_by_code(s, clean)
        if found is None:
            return None
        item, unit = found
        row = item_row(s, item.id)
        if unit is None:
            return ScanHit("item", clean, row, None, None)
        loans = loan_rows(s, EquipmentLoan.unit_id == unit.id, EquipmentLoan.returned_at.is_(None))
        return ScanHit("unit", unit.barcode, row, unit_row(s, unit, item), loans[0] if loans else None)


def find_unit(ctx: AppContext, barcode: str) -> UnitRow | None:
    """The unit an asset barcode names (None for an item's box label or an unknown code)."""
    hit = lookup(ctx, barcode)
    return hit.unit if hit is not None else None


def locations(ctx: AppContext) -> list[str]:
    """Every storage place in use (for the filter and the stocktake's choice), in pinyin order."""
    require(ctx.actor, "equipment", READ)
    with ctx.db.read() as s:
        places = s.scalars(select(EquipmentItem.location).where(EquipmentItem.location != "").distinct())
        return sorted(places, key=sort_key)
